"""Nothing Barnet's officer is shown names another borough's objects that Barnet may not
read: not a page, title, message, form error, 404, header, file name, export, e-mail,
return problem or command output.

Brent and Tower Hamlets hold objects whose names carry MARK: a never-published pilot and
its KPI, a KPI of a published pilot, a pending draft title, a document, an officer's
name, a return, a withdrawn resource, a resource of a Lab Barnet is not in, and a draft
page. Barnet's officer is then driven through every admin URL with those objects' ids
(and every listing searched for SOUGHT), every bulk action, a return and the import command
naming their KPIs, Barnet's exports, and the e-mails Barnet's officer receives.
"""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page, Site

from designlab.models import Borough, Export, Lab, Participation
from pilots.access.collections import borough_collection
from pilots.exports.runs import lab_export_run
from pilots.exports.tables import TABLES
from pilots.models import KPI, KPIReading, Pilot, ReturnUpload, SharedResource
from pilots.notifications.reminders import reminders_send
from pilots.notifications.roundup import roundup_send
from tests.pilots.access.access_matrix_world import admin_url_patterns

# In every secret name; case does not matter. A hyphen keeps it out of random tokens, and
# the listings are searched for SOUGHT, which is in every secret name too, so a search
# box repeating the query does not count.
MARK = "zq-secret"
SOUGHT = "Quokka"


def secret(name: str) -> str:
    return f"{MARK} {SOUGHT} {name}"


# Routes whose parameters the crawl cannot fill, and why they cannot name anything.
NOT_CRAWLED = {
    "wagtail_bulk_action": "every bulk action is driven below, with the secrets' ids",
    "wagtailadmin_error_test": "raises on purpose, to test error reporting",
    "wagtailadmin_logout": "would sign the officer out",
}


@pytest.fixture
def secrets(world, lab, settings, tmp_path):
    """Brent's and Tower Hamlets' objects that Barnet may not read, by parameter name."""
    settings.MEDIA_ROOT = tmp_path
    brent = world["other"]
    hamlets = Borough.objects.get(slug="tower-hamlets")
    draft = Pilot(lab=lab, borough=hamlets, title=secret("Hamlets draft pilot"), live=False)
    draft.save()
    hidden_kpi = KPI.objects.create(pilot=draft, name=secret("Hamlets unpublished KPI"))
    KPIReading.objects.create(kpi=hidden_kpi, period_start=dt.date(2023, 7, 1), value=1)
    brent_kpi = KPI.objects.create(pilot=brent.pilot, name=secret("Brent KPI"))
    brent.pilot.title = secret("Brent pending title")
    revision = brent.pilot.save_revision(user=brent.officer)
    brent.document.title = secret("Brent document")
    brent.document.save()
    brent.officer.first_name, brent.officer.last_name = MARK, SOUGHT
    brent.officer.save()
    upload = ReturnUpload(borough=brent.borough, original_name=f"{MARK}-{SOUGHT}.xlsx", sha256="0")
    upload.file.save("r.xlsx", ContentFile(b"-"), save=False)
    upload.save()
    withdrawn = SharedResource.objects.create(
        lab=lab, borough=brent.borough, title=secret("withdrawn Brent resource"),
        kind="report", withdrawn_at=timezone.now(),
    )  # fmt: skip
    other_lab = Lab.objects.create(
        name=secret("Lab"), slug="zq-secret-lab", convenor="GLA", starts_on="2025-01-01",
        ends_on="2025-12-31",
    )  # fmt: skip
    Participation.objects.create(lab=other_lab, borough=hamlets)
    elsewhere = SharedResource.objects.create(
        lab=other_lab, borough=hamlets, title=secret("other Lab resource"), kind="report"
    )
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=Page(title=secret("draft page"), slug=MARK, live=False))
    page_revision = page.save_revision()
    export = Export.objects.create(lab=lab, requested_by=brent.officer, borough=brent.borough)
    return {
        "brent": brent, "pilot": draft, "kpi": hidden_kpi, "brent_kpi": brent_kpi,
        "revision": revision, "upload": upload, "resource": withdrawn, "elsewhere": elsewhere,
        "lab": other_lab, "page": page, "page_revision": page_revision, "export": export,
        "collection": borough_collection(brent.borough),
    }  # fmt: skip


def pk_for(name: str, s: dict):
    """The object a route's `pk` names, from its namespace."""
    brent = s["brent"]
    by_namespace = {
        "wagtailsnippets_pilots_pilot": s["pilot"].pk,
        "wagtailsnippetchoosers_pilots_pilot": s["pilot"].pk,
        "wagtailsnippets_pilots_sharedresource": s["resource"].pk,
        "wagtailsnippetchoosers_pilots_sharedresource": s["elsewhere"].pk,
        "wagtailsnippets_designlab_officer": brent.officer_record.pk,
        "wagtailsnippetchoosers_designlab_officer": brent.officer_record.pk,
        "wagtailsnippets_designlab_lab": s["lab"].pk,
        "wagtailsnippetchoosers_designlab_lab": s["lab"].pk,
        "wagtaildocs_chooser": brent.document.pk,
        "wagtailadmin_api:documents": brent.document.pk,
        "wagtailusers_users": brent.officer.pk,
        "wagtailadmin_collections": s["collection"].pk,
        "wagtailadmin_api:pages": s["page"].pk,
        "wagtailadmin_pages": s["page"].pk,
    }
    by_name = {
        "pilots_return_status": s["upload"].pk,
        "pilots_resource_reuse": s["elsewhere"].pk,
        "pilots_resource_approve": s["resource"].pk,
        "pilots_resource_withdraw": s["resource"].pk,
        "lab_export_download": s["export"].pk,
    }
    return by_name.get(name) or by_namespace.get(name.rsplit(":", 1)[0], 1)


def crawl_kwargs(name: str, route: str, s: dict) -> dict | None:
    brent, page = s["brent"], s["page"]
    pages = name.startswith(("wagtailadmin_pages", "wagtailadmin_workflows"))
    values = {
        "pk": pk_for(name, s),
        "page_id": page.pk, "parent_page_id": page.pk, "page_to_move_id": page.pk,
        "page_pk": page.pk, "destination_id": page.pk,
        "revision_id": s["page_revision"].pk if pages else s["revision"].pk,
        "revision_id_a": "earliest", "revision_id_b": "latest",
        "document_id": brent.document.pk, "doc_id": brent.document.pk,
        "image_id": 1, "uploaded_file_id": 1, "redirect_id": 1, "workflow_pk": 1,
        "task_state_id": brent.task_state.pk, "task_id": brent.task_state.task_id,
        "workflow_state_id": brent.workflow_state.pk, "action_name": "approve",
        "session_id": brent.editing_session.pk, "object_id": s["pilot"].pk,
        "app_label": "pilots", "app_name": "pilots", "model_name": "pilot",
        "content_type_app_name": "wagtailcore", "content_type_model_name": "page",
        "borough": brent.borough.slug, "slug": s["lab"].slug, "table": "pilots",
        "lab_id": s["lab"].pk, "kpi": s["kpi"].pk, "pilot": s["pilot"].pk,
        "collection_id": s["collection"].pk, "months": 12,
        "filter_spec": "original", "uidb64": "MQ", "token": "set-password",
    }  # fmt: skip
    names = [a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)]
    if any(n not in values for n in names):
        return None
    return {n: values[n] for n in names}


def leaks(response) -> list[str]:
    """Where MARK appears in what the browser receives (body, headers, redirect target)."""
    found = [f"header {k}" for k, v in response.items() if MARK in str(v).lower()]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace").lower()
    if MARK in text:
        at = text.index(MARK)
        found.append(f"body: …{text[max(0, at - 80) : at + 40]}…")
    return found


def crawl_urls(s: dict) -> list[str]:
    urls, uncrawled = [], []
    for name, route in admin_url_patterns():
        if name in NOT_CRAWLED:
            continue
        kwargs = crawl_kwargs(name, route, s)
        if kwargs is None:
            uncrawled.append(name)
            continue
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            uncrawled.append(name)
            continue
        urls.append(url if kwargs else f"{url}?q={SOUGHT}")
    assert uncrawled == [], f"give crawl_kwargs values for these routes: {uncrawled}"
    return urls


def bulk_urls(s: dict) -> list[str]:
    ids = {
        ("pilots", "pilot"): s["pilot"].pk, ("pilots", "sharedresource"): s["elsewhere"].pk,
        ("designlab", "officer"): s["brent"].officer_record.pk, ("designlab", "lab"): s["lab"].pk,
        ("auth", "user"): s["brent"].officer.pk, ("wagtailcore", "page"): s["page"].pk,
        ("wagtaildocs", "document"): s["brent"].document.pk,
    }  # fmt: skip
    bulk_action_registry._scan_for_bulk_actions()
    urls = []
    for app, models in bulk_action_registry.actions.items():
        for model, actions in models.items():
            for action in actions:
                base = reverse("wagtail_bulk_action", args=[app, model, action])
                urls += [f"{base}?id=all", f"{base}?id={ids.get((app, model), 1)}"]
    return urls


def test_admin_pages_never_name_another_boroughs_objects(client, barnet_officer, secrets):
    client.force_login(barnet_officer)
    found = []
    for url in crawl_urls(secrets) + bulk_urls(secrets):
        with transaction.atomic():
            response = client.get(url)
            # A refusal's message is shown on the page it redirects to.
            if response.status_code == 302 and response["Location"].startswith("/admin/"):
                response = client.get(response["Location"])
            found += [f"{url}: {leak}" for leak in leaks(response)]
            transaction.set_rollback(True)
    assert found == [], "\n".join(found)


def return_naming(kpis: list[KPI]) -> bytes:
    rows = [["KPI ID", "Period start", "Value"]]
    rows += [[kpi.pk, "2023-07-01", "5"] for kpi in kpis]
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode()


def test_return_problems_and_command_never_name_them(
    client, barnet_officer, secrets, tasks_in_process, tmp_path,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    content = return_naming([secrets["kpi"], secrets["brent_kpi"]])
    client.force_login(barnet_officer)
    page = reverse("pilots_returns_borough", args=["barnet"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page, {"file": SimpleUploadedFile("r.csv", content)})
    status = client.get(response["Location"])
    problems = BeautifulSoup(status.content, "html.parser").get_text()
    assert problems.count("is not one of Barnet's KPIs") == 2
    assert leaks(status) == []

    path = tmp_path / "r.csv"
    path.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_kpi_returns", str(path), borough="barnet", stdout=out, stderr=err)
    assert "is not one of Barnet's KPIs" in err.getvalue()
    assert MARK not in (out.getvalue() + err.getvalue()).lower()


def test_barnets_exports_never_name_them(client, barnet_officer, lab, secrets, settings):
    settings.EXPORTS_ROOT = settings.MEDIA_ROOT
    client.force_login(barnet_officer)
    for table in TABLES:
        response = client.get(reverse("lab_export_csv", args=[lab.slug, table]))
        assert response.status_code == 200 and leaks(response) == []
    export = Export.objects.create(
        lab=lab, requested_by=barnet_officer, borough=barnet_officer.officer.borough
    )
    lab_export_run(export.pk)
    response = client.get(reverse("lab_export_download", args=[export.pk]))
    assert MARK not in response["Content-Disposition"].lower()
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert [c for c in cells if MARK in c.lower()] == []


def test_barnets_emails_never_name_them(barnet_officer, secrets, lab):
    today = timezone.localdate() + dt.timedelta(days=1)  # the secrets are from yesterday
    roundup_send(today)
    reminders_send(today)
    theirs = [m for m in mail.outbox if barnet_officer.email in m.to]
    assert theirs, "Barnet's officer received the round-up"
    assert [m.subject for m in theirs if MARK in (m.subject + m.body).lower()] == []
    assert Decimal(1) == KPIReading.objects.get(kpi=secrets["kpi"]).value  # nothing changed
