"""A Lab's records out: the tables, the .xlsx workbook, CSV, the report's Table 1, and the
exports page."""
