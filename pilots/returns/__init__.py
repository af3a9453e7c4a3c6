"""KPI returns: the spreadsheet template, reading and checking a filled-in return, the
all-or-nothing import, and the officers' pages."""
