"""A Lab's tables as an .xlsx workbook, its SpreadsheetML written straight into the zip as
rows arrive: memory stays flat however many rows there are, and a cell costs about a
microsecond (openpyxl's write-only mode, measured here, spent ~15 µs a cell building
objects; xlsxwriter's constant-memory mode more). Text is written as inline strings,
every text cell neutralised by `cell_safe`; numbers, dates and times are typed cells."""

import datetime as dt
import math
import re
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from django.utils import timezone
from openpyxl.utils import get_column_letter

from cms.cells import cell_safe
from designlab.models import Borough, Lab
from pilots.exports.tables import Table, lab_tables

PROGRESS_EVERY = 1000
COLUMN_WIDTH = 18
# Deflate's fastest level: a third of the time of the default for a file ~15 % larger.
COMPRESS_LEVEL = 1
# Day 0 of spreadsheets' serial dates (1899-12-30, past Lotus 1-2-3's missing leap day).
EPOCH = dt.date(1899, 12, 30).toordinal()
FIRST_SERIAL = 61  # 1900-03-01: earlier serials mean other days in Excel; written as text
# Characters XML 1.0 forbids (spreadsheets cannot hold them either): dropped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MEMO_SIZE = 20_000  # values written once per sheet, then looked up: see _Memo

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Cell styles (cellXfs), by position: 0 plain, 1 date, 2 date and time, 3 header.
STYLES = f"""{HEAD}<styleSheet xmlns="{MAIN}"><numFmts count="2">\
<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>\
<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font>\
</fonts><fills count="3"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">\
<fgColor rgb="FF1F3A5F"/><bgColor indexed="64"/></patternFill></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" \
applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""
ROOT_RELS = f"""{HEAD}<Relationships xmlns="{PKG}/relationships">\
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>"""


def _text_tail(value: str) -> str:
    """The rest of an inline-string cell after its reference: neutralised and escaped."""
    text = escape(cell_safe(value)).replace("\r", "&#13;")
    if NOT_XML.search(text):
        text = NOT_XML.sub("", text)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f' t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _decimal_tail(value: Decimal) -> str:
    return f"><v>{value}</v></c>" if value.is_finite() else _text_tail(str(value))


def _real_tail(value: float) -> str:
    return f"><v>{value!r}</v></c>" if math.isfinite(value) else _text_tail(str(value))


def _boolean_tail(value: bool) -> str:
    return f' t="b"><v>{int(value)}</v></c>'


def _date_tail(value: dt.date) -> str:
    serial = value.toordinal() - EPOCH
    if serial < FIRST_SERIAL:
        return _text_tail(value.isoformat())
    return f' s="1"><v>{serial}</v></c>'


def _datetime_tail(value: dt.datetime) -> str:
    """Spreadsheets have no time zones: a timestamp is shown in the site's local time."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    serial = value.toordinal() - EPOCH
    if serial < FIRST_SERIAL:
        return _text_tail(value.isoformat(" "))
    seconds = value.hour * 3600 + value.minute * 60 + value.second
    return f' s="2"><v>{serial + (seconds + value.microsecond / 1e6) / 86400!r}</v></c>'


# The rest of a cell after its reference, by the value's type; any other type is text.
TAILS = {
    str: _text_tail, Decimal: _decimal_tail, float: _real_tail, bool: _boolean_tail,
    dt.date: _date_tail, dt.datetime: _datetime_tail,
}  # fmt: skip


class _Memo(dict):
    """The tails of the values of one type met so far (boroughs, units, periods repeat),
    so that a repeated value costs one dictionary look-up and no call. Bounded, to keep
    memory flat when values rarely repeat."""

    def __init__(self, tail: Callable[[object], str]) -> None:
        self.tail = tail

    def __missing__(self, value: object) -> str:
        if len(self) >= MEMO_SIZE:
            self.clear()
        written = self[value] = self.tail(value)
        return written


class _Cells:
    """Turns rows of Python values into SpreadsheetML rows. Rows whose values have the
    same types share a plan, made once: a format string holding every cell's markup, and
    the columns whose values are written through a memo first; integers go straight in
    and None leaves its cell out."""

    def __init__(self, letters: list[str]) -> None:
        self.letters = letters
        self.plans: dict[tuple, tuple[str, list]] = {}
        self.memos: dict[type, _Memo] = {}

    def row(self, number: int, values: tuple) -> str:
        kinds = tuple(map(type, values))
        template, written = self.plans.get(kinds) or self._plan(kinds)
        values = list(values)
        for i, memo in written:
            values[i] = memo[values[i]]
        return template.format(str(number), *values)

    def _plan(self, kinds: tuple) -> tuple[str, list]:
        if len(kinds) != len(self.letters):
            raise ValueError(f"A row of {len(kinds)} values under {len(self.letters)} headers.")
        cells, written = [], []
        for i, (letter, kind) in enumerate(zip(self.letters, kinds, strict=True)):
            if kind is type(None):
                continue
            if kind is int:
                cells.append(f'<c r="{letter}{{0}}"><v>{{{i + 1}}}</v></c>')
            else:
                cells.append(f'<c r="{letter}{{0}}"{{{i + 1}}}')
                written.append((i, self._memo(kind)))
        plan = self.plans[kinds] = ('<row r="{0}">' + "".join(cells) + "</row>", written)
        return plan

    def _memo(self, kind: type) -> _Memo:
        if kind not in self.memos:
            # A subclass (a lazy or safe string, an enum) is written as its closest base.
            base = next((b for b in kind.__mro__ if b in TAILS), None)
            tail = TAILS[base] if base else lambda value: _text_tail(str(value))
            self.memos[kind] = _Memo(tail)
        return self.memos[kind]


def _sheet_head(headers: list[str], *, selected: bool) -> str:
    """A sheet's start: its header row frozen above the rest, the columns widened."""
    tab = ' tabSelected="1"' if selected else ""
    header = "".join(
        f'<c r="{get_column_letter(i)}1" s="3" t="inlineStr"><is><t>{escape(h)}</t></is></c>'
        for i, h in enumerate(headers, 1)
    )
    return (
        f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetViews>'
        f'<sheetView workbookViewId="0"{tab}>'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="{len(headers)}" '
        f'width="{COLUMN_WIDTH}" customWidth="1"/></cols><sheetData>'
        f'<row r="1">{header}</row>'
    )


def _sheet_write(
    archive: zipfile.ZipFile,
    index: int,
    table: Table,
    tick: Callable[[int], None],
) -> str:
    """Write one table as sheet `index`; return its filter's range."""
    letters = [get_column_letter(i) for i in range(1, len(table.headers) + 1)]
    cells = _Cells(letters)
    number = 1
    # zlib lets go of the GIL while it compresses: a thread deflates each batch of rows
    # while the next is written (on two cores, the export's time less ~1.5 s of 20).
    with (
        archive.open(f"xl/worksheets/sheet{index}.xml", "w", force_zip64=True) as out,
        ThreadPoolExecutor(max_workers=1) as deflater,
    ):
        out.write(_sheet_head(table.headers, selected=index == 1).encode())
        lines, pending = [], None
        for number, values in enumerate(table.rows, 2):
            lines.append(cells.row(number, values))
            if len(lines) == PROGRESS_EVERY:
                data = "".join(lines).encode()
                if pending:
                    pending.result()  # at most two batches in memory; raises its error
                pending = deflater.submit(out.write, data)
                lines.clear()
                tick(PROGRESS_EVERY)
        if pending:
            pending.result()
        out.write("".join(lines).encode())
        tick(len(lines))
        span = f"A1:{letters[-1]}{number}"
        out.write(f'</sheetData><autoFilter ref="{span}"/></worksheet>'.encode())
    return span


def _workbook_parts(names: list[str], spans: list[str]) -> dict[str, str]:
    count = len(names)
    sheets = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(names, 1)
    )
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{escape(_quoted(name))}!{_absolute(span)}</definedName>"
        for i, (name, span) in enumerate(zip(names, spans, strict=True))
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    return {
        "xl/workbook.xml": f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews>'
        f'<workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>'
        f"<definedNames>{filters}</definedNames></workbook>",
        "xl/_rels/workbook.xml.rels": f'{HEAD}<Relationships xmlns="{PKG}/relationships">'
        f'{rels}<Relationship Id="rId{count + 1}" Type="{REL}/styles" Target="styles.xml"/>'
        "</Relationships>",
        "xl/styles.xml": STYLES,
        "_rels/.rels": ROOT_RELS,
        "[Content_Types].xml": f'{HEAD}<Types xmlns="{PKG}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{overrides}</Types>",
    }


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _absolute(span: str) -> str:
    return "$" + re.sub(r"([A-Z]+)(\d+)", r"\1$\2", span).replace(":", ":$")


def lab_workbook_write(
    lab: Lab,
    out: str | IO[bytes],
    *,
    borough: Borough | None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the Lab's workbook to `out` (a path or binary file); return the data rows.
    `progress` is told the rows written so far, every PROGRESS_EVERY rows."""
    written = 0

    def tick(rows: int) -> None:
        nonlocal written
        written += rows
        if progress and rows:
            progress(written)

    names, spans = [], []
    with zipfile.ZipFile(
        out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
    ) as archive:
        for index, table in enumerate(lab_tables(lab, borough=borough), 1):
            spans.append(_sheet_write(archive, index, table, tick))
            names.append(table.name)
        for name, text in _workbook_parts(names, spans).items():
            archive.writestr(name, text)
    return written
