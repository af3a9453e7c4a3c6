"""The layout of a KPI return file: its sheet, columns and limits, shared by the template
that is written and the returns that are read."""

from openpyxl.utils import get_column_letter

DATA_SHEET = "Return"
STORY = ["What happened", "Next step"]
COUNTS = ["Numerator", "Denominator"]  # a percentage entered as two counts
CONFIRM = "Confirm"  # why an unusual figure is right
# A KPI split by categories has a row per category below its total's row, which has none;
# the total's row says why a count's categories do not add up, where they do not.
CATEGORY = "Category"
PARTS_REASON = "Why categories do not add up"
COLUMNS = ["KPI ID", "Pilot", "KPI", "Unit", "Frequency", "Period start", "Period", "Value",
           "Note", *STORY, *COUNTS, CONFIRM, CATEGORY, PARTS_REASON]  # fmt: skip
REQUIRED = ["KPI ID", "Period start", "Value"]
OPTIONAL = ["Note", *STORY, *COUNTS, CONFIRM, CATEGORY, PARTS_REASON]
TEXT_LIMITS = {"Note": 500, "What happened": 1000, "Next step": 1000, CONFIRM: 500,
               PARTS_REASON: 500}  # fmt: skip
KINDS = {"xlsx", "csv"}
MAX_BYTES = 25 * 1024 * 1024  # a 100,000-reading return is about 3-5 MB as .xlsx
# Stated in the template's instructions; past them the check stops, so a huge file costs
# little. A return of every KPI for every month of a long pilot has far fewer rows.
MAX_ROWS = 200_000
MAX_PROBLEMS = 200
MAX_CELL = 32_767  # the most characters a spreadsheet cell holds (Excel's limit)


def column_letter(name: str) -> str:
    """The template's column letter of the column `name`."""
    return get_column_letter(COLUMNS.index(name) + 1)
