"""The open data files of records rather than counts of people (practice lineage, follow-up
check-ins): every row exact. What each file is stays in `toolkit.opendata`."""

import csv
import io

from cms.cells import CSV_BOM, cell_safe
from pilots.labs.lineage import lineage_rows
from pilots.models import FollowUp
from toolkit.opendata import FOLLOW_UP_COLUMNS, FOLLOW_UPS, LINEAGE, LINEAGE_COLUMNS


def lineage_table() -> list[list]:
    return [
        [a.pilot_id, a.title, a.borough, a.lab, a.source_id, a.source_title,
         a.source_borough, a.source_lab, a.what_changed]
        for a in lineage_rows(published_only=True)
    ]  # fmt: skip


def lineage_csv() -> str:
    out = io.StringIO()
    out.write(CSV_BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LINEAGE_COLUMNS)
    for row in lineage_table():
        writer.writerow([cell_safe(v) if isinstance(v, str) else v for v in row])
    return out.getvalue()


def lineage_json() -> dict:
    return LINEAGE.json([dict(zip(LINEAGE_COLUMNS, row, strict=True)) for row in lineage_table()])


def follow_up_rows() -> list[dict]:
    """One dict per approved check-in of a published pilot, in one query."""
    follow_ups = (
        FollowUp.objects.published()
        .select_related("pilot__borough", "pilot__lab")
        .order_by("pilot__borough__name", "pilot__title", "pilot_id", "months_after")
    )
    return [
        dict(zip(FOLLOW_UP_COLUMNS, [
            f.pilot_id, f.pilot.title, f.pilot.borough.name, f.pilot.borough.gss_code,
            f.pilot.lab.slug, f.months_after, f.due_on, f.answered_on, f.standing.value,
            f.funded_by, f.mainstream, f.spread, f.update,
        ], strict=True))
        for f in follow_ups
    ]  # fmt: skip


def follow_ups_csv() -> str:
    out = io.StringIO()
    out.write(CSV_BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FOLLOW_UP_COLUMNS)
    for row in follow_up_rows():
        writer.writerow(
            [cell_safe(v) if isinstance(v, str) else ("" if v is None else v) for v in row.values()]
        )
    return out.getvalue()


def follow_ups_json() -> dict:
    return FOLLOW_UPS.json(follow_up_rows())
