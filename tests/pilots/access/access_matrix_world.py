"""The objects, URLs and requests behind the access matrix (tests/pilots/access/
test_access_matrix*.py).

"own" is Barnet (the officer under test is Barnet's); "other" is Brent. For each side the
world holds a pilot with a draft revision and a workflow in progress (submitted by that
borough's officer), a shared resource, a document in the borough's collection uploaded by
the side's officer (shared with nobody), and the side's officer.
"""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry, Revision, TaskState, WorkflowState

from designlab.models import Borough, Officer
from pilots.access.collections import borough_collection
from pilots.models import KPIReading, Pilot, ResourceReuse, ReturnUpload, SharedResource
from tests.pilots.admin.page_forms import form_values
from tests.refusals import refused

SIDES = ("own", "other")
BOROUGH_OF_SIDE = {"own": "barnet", "other": "brent"}
ROLES = ("own", "other", "convenor", "anon")
LOGIN = "login"  # redirected to the admin login page
DENIED = "denied"  # the admin's refusal: Wagtail's redirect to the dashboard (tests.refusals)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def outcome(response):
    """What a request came to: a status code, LOGIN or DENIED."""
    location = response.get("Location", "")
    if response.status_code == 302 and "/admin/login/" in location:
        return LOGIN
    if refused(response):
        return DENIED
    return response.status_code


def admin_url_patterns():
    """(name, route) of every named URL of the Wagtail admin."""

    def walk(resolver, prefix, namespace):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = ":".join(n for n in (namespace, pattern.namespace) if n)
                yield from walk(pattern, route, inner)
            elif pattern.name:
                yield ":".join(n for n in (namespace, pattern.name) if n), route

    return [(n, r) for n, r in walk(get_resolver(), "", "") if r.startswith("admin/")]


@dataclass
class Side:
    borough: Borough
    officer: object
    pilot: Pilot
    resource: SharedResource
    revision: Revision
    workflow_state: WorkflowState
    task_state: TaskState
    editing_session: EditingSession
    document: object
    extra: dict = field(default_factory=dict)  # other helpers' objects, by name

    @property
    def officer_record(self) -> Officer:
        return self.officer.officer

    def names(self) -> list[str]:
        """What only this side's borough and convenors may read: its pilot's pending draft
        title, its document's title, its officer's username."""
        return [self.revision.as_object().title, self.document.title, self.officer.username]


def side_build(slug: str, lab) -> Side:
    borough = Borough.objects.get(slug=slug)
    officer = get_user_model().objects.get(username=f"officer-{slug}")
    pilot = Pilot.objects.get(borough=borough)
    pilot.title += " (draft)"
    revision = pilot.save_revision(user=officer)
    workflow_state = pilot.get_workflow().start(pilot, officer)
    resource = SharedResource.objects.create(
        lab=lab,
        borough=borough,
        title=f"{borough} welcome pack",
        kind="welcome_pack",
        url="https://example.org/welcome-pack",
    )
    document = get_document_model().objects.create(
        title=f"{borough} officers' contact sheet",
        collection=borough_collection(borough),
        uploaded_by_user=officer,
        file=SimpleUploadedFile("contacts.pdf", PDF),
    )
    editing_session = EditingSession.objects.create(
        user=officer,
        content_type=ContentType.objects.get_for_model(Pilot),
        object_id=str(pilot.pk),
        last_seen_at=timezone.now(),
    )
    return Side(
        borough=borough,
        officer=officer,
        pilot=Pilot.objects.get(pk=pilot.pk),
        resource=resource,
        revision=revision,
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        editing_session=editing_session,
        document=document,
    )


def target_object(url_name: str, side: Side):
    """The object a snippet URL acts on, from its namespace (wagtailsnippets_<app>_<model>)."""
    match = re.match(r"wagtailsnippet(?:s|choosers)_([a-z]+)_([a-z]+):", url_name)
    if not match:
        return None
    model = apps.get_model(match[1], match[2])
    if model is Pilot:
        return side.pilot
    if model is SharedResource:
        return side.resource
    return model._default_manager.order_by("pk").first()


def url_kwargs(route: str, url_name: str, side: Side) -> dict:
    """Arguments for every parameter a snippet route takes, for `side`'s object."""
    obj = target_object(url_name, side)
    values = {
        "pk": getattr(obj, "pk", None),
        "revision_id": side.revision.pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_state_id": side.task_state.pk,
        "task_id": side.task_state.task_id,
        "action_name": "approve",
        "workflow_state_id": side.workflow_state.pk,
    }
    names = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)
    return {a or b: values[a or b] for a, b in names}


def form_data(response) -> dict:
    """What a browser would post from the main form of an admin page."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form[data-edit-form]") or soup.select_one("main form")
    return form_values(form)


def state(side: Side) -> tuple:
    """Everything a refused request must leave as it was."""
    pilot = Pilot.objects.filter(pk=side.pilot.pk).values_list(
        "title", "live", "locked", "latest_revision_id", "borough_id", "has_unpublished_changes"
    )
    counts = [
        model.objects.count()
        for model in (
            Pilot, SharedResource, Revision, ModelLogEntry, WorkflowState, TaskState,
            EditingSession, KPIReading, ResourceReuse, ReturnUpload, get_document_model(),
            get_user_model(), Officer,
        )
    ]  # fmt: skip
    statuses = list(WorkflowState.objects.order_by("pk").values_list("status", flat=True))
    resource = SharedResource.objects.filter(pk=side.resource.pk).values_list("title", "borough_id")
    document = get_document_model().objects.filter(pk=side.document.pk).first()
    document = document and (document.title, document.collection_id, sorted(document.tags.names()))
    return list(pilot), counts, statuses, list(resource), document


def edit_url(obj) -> str:
    ct = ContentType.objects.get_for_model(obj)
    return reverse(f"wagtailsnippets_{ct.app_label}_{ct.model}:edit", args=[obj.pk])
