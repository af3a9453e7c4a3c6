"""The public site's views outside the page tree: search and open data downloads."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from cms.cells import CSV_CONTENT_TYPE
from pilots.models import Pilot
from toolkit import opendata, opendata_categories, opendata_records
from toolkit.links import resource_library, resources_linked
from toolkit.models import CaseStudyPage
from toolkit.models.library import public_resources, resources_search, search_text
from toolkit.published import public_pages

RESULTS_PER_PAGE = 20


def _public_pages() -> QuerySet[Page]:
    """Live pages nobody needs to log in for, in the visitor's language; case studies of
    unpublished pilots excluded."""
    hidden = CaseStudyPage.objects.exclude(pilot__in=Pilot.objects.published()).values("pk")
    return (
        public_pages(Page.objects.live())
        .filter(locale=Locale.get_active())
        .exclude(pk__in=hidden)
        .exclude(depth__lte=1)
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = search_text(request.GET.get("q", ""))
    pages, resources = [], []
    if query:
        pages = Paginator(_public_pages().search(query), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        resources = resources_search(query, public_resources())
        if resources:
            resources = resources_linked(resources, resource_library())
    return render(
        request,
        "toolkit/search.html",
        {"query": query, "pages": pages, "resources": resources},
    )


@require_safe
def open_data(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if slug == opendata.READINGS.slug:
        return _readings_file(fmt)
    if slug == opendata.READING_PARTS.slug:
        return _streamed_file(
            opendata.READING_PARTS.slug, fmt, opendata_categories.reading_parts_csv_lines,
            opendata_categories.reading_parts_json_chunks,
        )  # fmt: skip
    if slug in ROWS_FILES:
        return _rows_file(fmt, slug)
    dataset = opendata.DATASETS.get(slug)
    if dataset is None:
        raise Http404("No such dataset.")
    if fmt == "csv":
        response = HttpResponse(opendata.dataset_csv(dataset), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{slug}.csv"'
    else:
        response = JsonResponse(opendata.dataset_json(dataset), json_dumps_params={"indent": 2})
    # The licence travels with every file: in the HTTP headers, and in the JSON body.
    response["Link"] = f'<{opendata.LICENCE["url"]}>; rel="license"'
    response["X-Licence"] = opendata.LICENCE["name"]
    return response


def _readings_file(fmt: str) -> StreamingHttpResponse:
    """The approved readings, streamed: the table grows with every period reported."""
    if fmt == "csv":
        response = StreamingHttpResponse(
            opendata.readings_csv_lines(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{opendata.READINGS.slug}.csv"'
    else:
        response = StreamingHttpResponse(
            opendata.readings_json_chunks(), content_type="application/json"
        )
    response["Link"] = f'<{opendata.LICENCE["url"]}>; rel="license"'
    response["X-Licence"] = opendata.LICENCE["name"]
    return response


# The tables built whole from a few rows a pilot: (dataset, CSV text, JSON body) by slug.
ROWS_FILES = {
    opendata.INDICATORS.slug: (
        opendata.INDICATORS,
        opendata.indicators_csv,
        opendata.indicators_json,
    ),
    opendata.FOLLOW_UPS.slug: (
        opendata.FOLLOW_UPS,
        opendata_records.follow_ups_csv,
        opendata_records.follow_ups_json,
    ),
    opendata.LINEAGE.slug: (
        opendata.LINEAGE,
        opendata_records.lineage_csv,
        opendata_records.lineage_json,
    ),
}


def _rows_file(fmt: str, slug: str) -> HttpResponse:
    dataset, csv_text, json_body = ROWS_FILES[slug]
    if fmt == "csv":
        response = HttpResponse(csv_text(), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{dataset.slug}.csv"'
    else:
        response = JsonResponse(json_body(), json_dumps_params={"indent": 2})
    response["Link"] = f'<{opendata.LICENCE["url"]}>; rel="license"'
    response["X-Licence"] = opendata.LICENCE["name"]
    return response


def _streamed_file(slug: str, fmt: str, csv_lines, json_chunks) -> StreamingHttpResponse:
    """A file of rows that grows with every period reported, streamed as `_readings_file`."""
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{slug}.csv"'
    else:
        response = StreamingHttpResponse(json_chunks(), content_type="application/json")
    response["Link"] = f'<{opendata.LICENCE["url"]}>; rel="license"'
    response["X-Licence"] = opendata.LICENCE["name"]
    return response
