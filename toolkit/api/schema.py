"""What the OpenAPI 3 document says beyond the views and serializers it is generated from
(by drf-spectacular), and which endpoints it covers."""

from drf_spectacular.generators import SchemaGenerator

from toolkit.api.pagination import LicencedPagination
from toolkit.opendata import LICENCE

SETTINGS = {
    "TITLE": "Borough Design Lab: published pilots",
    "VERSION": "1.0.0",
    "DESCRIPTION": (
        "Read-only and open to all, without authentication. Only published pilots appear; "
        "counts of people below the disclosure threshold, and any total including one, are "
        "withheld (null, with `suppressed` true); counts of pilots are exact. A reading of a KPI "
        "split by categories carries its values per category (`categories`), withheld "
        "together when any of them would give a small count away. "
        "Lists come a page at a time: `page_size` up to "
        f"{LicencedPagination.max_page_size}, {LicencedPagination.page_size} by default. "
        "Every path answers GET and HEAD only: any other method gets 405 Method Not Allowed "
        'with an `Allow` header. Errors are JSON: `{"detail": "..."}`. '
        "A pilot names the published pilots it adapted and that adapted it (`adapted_from`, "
        "`adapted_by`: practice lineage across boroughs and Labs) and the strength of the "
        "evidence behind it (`evidence_grade`, worked out from the records each time)."
    ),
    "LICENSE": {"name": LICENCE["name"], "url": LICENCE["url"]},
}


class APISchemaGenerator(SchemaGenerator):
    """This API's endpoints only, not those of Wagtail's admin API (DRF too). Also the
    generator that `manage.py check --deploy` tries (settings.SPECTACULAR_SETTINGS)."""

    def __init__(self, *args, urlconf: str | None = None, **kwargs) -> None:
        super().__init__(*args, urlconf=urlconf or "toolkit.api.urls", **kwargs)
