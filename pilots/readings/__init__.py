"""KPI readings: the one function that writes them, reporting periods, what is due, and the
officer's page for entering one reading."""
