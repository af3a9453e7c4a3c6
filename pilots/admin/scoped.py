"""Snippet views closed per borough.

Wagtail 8's stock snippet views check permissions per model, not per object (wagtail
issues #13314, #14272, #8610). Here every view is built through
`BoroughScopedViewSet.construct_view`, which answers 404 before the view runs when the
URL names an object the user may not reach; listings and choosers show only what the
model's permission policy (`pilots.access.policies`) lets the user see.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_filters import ModelChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import TaskState
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser, snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from designlab.models import Lab
from pilots.access.policies import SEE, visible_to
from pilots.access.scoping import labs_for_user

STALE_SAVE_MESSAGE = _(
    "Someone else saved this %(model_name)s after you opened it, so your changes were not "
    "saved. Your changes are still in the form below: copy them, reload the page to see "
    "the newer version, and make them again."
)


def actions_needed(view_class: type) -> tuple[str, ...]:
    """What a user must be allowed to do to an object to reach `view_class` on it (the
    delete view then refuses what may not be deleted, see ScopedDeleteView)."""
    if getattr(view_class, "view_name", None) == "inspect":
        return SEE
    return ("change",)


def object_guard(
    view: Callable[..., HttpResponse], model: type[Model], actions: tuple[str, ...]
) -> Callable[..., HttpResponse]:
    """Wrap `view` so that an object the user may not reach answers 404 (so its existence
    is not revealed) before the view does anything, including on GET (the edit view
    records an editing session)."""
    policy = policy_registry.get_by_type(model)

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "pk" in kwargs:
            pk = unquote(str(kwargs["pk"]))
            instance = model._default_manager.filter(pk=pk).first()
            if instance is None or not policy.user_has_any_permission_for_instance(
                request.user, actions, instance
            ):
                raise Http404
            # Workflow views take a task state by id: it must be this object's.
            task_state_id = kwargs.get("task_state_id")
            if (
                task_state_id is not None
                and not TaskState.objects.filter(
                    pk=task_state_id,
                    workflow_state__base_content_type=ContentType.objects.get_for_model(model),
                    workflow_state__object_id=str(instance.pk),
                ).exists()
            ):
                raise Http404
        return view(request, *args, **kwargs)

    return guarded


class ScopedChooserMixin:
    """Choosers list, search and return only what the user may see; a user who may see
    nothing of the model gets 403."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, SEE):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self) -> QuerySet:
        return visible_to(self.model_class, self.request.user)

    def get_object(self, pk: str) -> Model:
        return visible_to(self.model_class, self.request.user).get(pk=pk)

    def get_objects(self, pks: list[str]) -> QuerySet:
        return visible_to(self.model_class, self.request.user).filter(pk__in=pks)


class NoCreationView(chooser.SnippetCreateView):
    """These choosers have no creation form (Wagtail's view would fail with a 500):
    objects are created through their own form, which applies the borough rules."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        raise Http404


class ScopedChooserViewSet(chooser.SnippetChooserViewSet):
    create_view_class = NoCreationView
    choose_view_class = type("ChooseView", (ScopedChooserMixin, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (ScopedChooserMixin, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (ScopedChooserMixin, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (ScopedChooserMixin, chooser.SnippetChosenMultipleView), {}
    )


class ReferenceChooserViewSet(ScopedChooserViewSet):
    # Forms keep a plain select for these models: officers may not open their choosers.
    register_widget = False


class ScopedIndexView(snippets.IndexView):
    """Row links only to what the user may do to that row (an officer sees other
    boroughs' shared resources but edits only their own)."""

    def get_edit_url(self, instance: Model) -> str | None:
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)

    def get_delete_url(self, instance: Model) -> str | None:
        if instance.pk in self.deletable_pks:
            return super().get_delete_url(instance)

    @cached_property
    def deletable_pks(self) -> set:
        """What the user may delete, in one query rather than one per row."""
        policy = self.permission_policy
        deletable = policy.instances_user_has_any_permission_for(self.request.user, ["delete"])
        return set(deletable.values_list("pk", flat=True))


class ScopedInspectView(snippets.InspectView):
    """Edit and Delete buttons only for what the user may do to this object."""

    def get_edit_url(self) -> str | None:
        if self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", self.object
        ):
            return super().get_edit_url()

    def get_delete_url(self) -> str | None:
        if self.permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", self.object
        ):
            return super().get_delete_url()


class ScopedDeleteView(snippets.DeleteView):
    """Wagtail's delete view checks the model permission only: this one asks the policy
    about the object too, which refuses a published pilot or a reused resource, and says
    why."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.user_has_permission_for_instance("delete", self.object):
            # The user may delete others of its kind: say why not this one.
            if self.user_has_permission("delete") and (problem := self.object.deletion_problem()):
                messages.error(request, problem)
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaleSaveRefusingEditView(snippets.EditView):
    """Refuses a save made from a form loaded before someone else's save.

    Wagtail 8 refuses a stale *autosave* but lets a submitted form overwrite a newer
    revision. Here the submitted form is refused too and shown again with the user's
    input and a message, so neither person's update is lost.
    """

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Check and save as one step under the object's row lock: of two saves at once, the
        # second waits for the first, then sees its revision and is refused as out of date.
        with transaction.atomic():
            live = self.model._default_manager.select_for_update().get(pk=self.live_object.pk)
            if self.revision_enabled:
                self.object.latest_revision = live.latest_revision
                for name in ("latest_revision", "latest_revision_created_at", "is_out_of_date"):
                    self.__dict__.pop(name, None)  # cached before the lock was taken
            else:  # a model without revisions: its form says the version it was loaded from
                loaded = request.POST.get("loaded_version")
                current = getattr(live, "updated_at", None)
                self.__dict__["is_out_of_date"] = bool(
                    loaded and current and loaded != current.isoformat()
                )
            return super().post(request, *args, **kwargs)

    def is_valid(self, form: forms.BaseForm) -> bool:
        if not self.expects_json_response and self.is_out_of_date:
            self.produced_error_code = "invalid_revision"
            self.produced_error_message = STALE_SAVE_MESSAGE % {
                "model_name": self.model._meta.verbose_name
            }
            return False
        return super().is_valid(form)


def lab_filtered(
    model: type[Model], fields: list[str], lab_field: str = "lab"
) -> type[WagtailFilterSet]:
    """Listing filters on `fields` whose Lab filter (on `lab_field`) offers only the user's
    Labs (Wagtail's offers every Lab, naming Labs the user's borough is not in)."""

    def labs(request: HttpRequest | None) -> QuerySet:
        return labs_for_user(request.user) if request else Lab.objects.none()

    meta = type("Meta", (), {"model": model, "fields": fields})
    attributes = {lab_field: ModelChoiceFilter(queryset=labs), "Meta": meta}
    return type(f"{model.__name__}FilterSet", (WagtailFilterSet,), attributes)


class BoroughScopedViewSet(SnippetViewSet):
    """A snippet viewset for a model with a `borough`, isolated per borough."""

    index_view_class = ScopedIndexView
    edit_view_class = StaleSaveRefusingEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    chooser_viewset_class = ScopedChooserViewSet
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return visible_to(self.model, request.user).select_related("borough", "lab")

    def construct_view(self, view_class: type, **kwargs: Any) -> Callable[..., HttpResponse]:
        view = super().construct_view(view_class, **kwargs)
        return object_guard(view, self.model, actions_needed(view_class))
