"""Shared resources: another borough records a reuse (a peer exchange), or withdraws its
record; a convenor approves a resource for the public site, or withdraws it from the Lab and
the public."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from pilots.access.refusals import convenors_only
from pilots.access.scoping import user_borough, user_may_read_resource
from pilots.admin.pages import admin_page
from pilots.models import ResourceReuse, SharedResource
from pilots.resources.forms import ReuseForm


def _reused_resource(request: HttpRequest, pk: int) -> SharedResource:
    """A resource another borough's officer may record a reuse of."""
    resource = get_object_or_404(SharedResource.objects.select_related("borough"), pk=pk)
    if not user_may_read_resource(request.user, resource):
        raise Http404
    borough = user_borough(request.user)
    if borough is None or borough.pk == resource.borough_id:
        raise PermissionDenied  # only another borough's officer reuses a resource
    return resource


def resource_reuse(request: HttpRequest, pk: int) -> HttpResponse:
    """Another borough records that it reused a shared resource: a peer exchange."""
    resource = _reused_resource(request, pk)
    borough = user_borough(request.user)
    already = ResourceReuse.objects.filter(resource=resource, borough=borough).first()
    posted = request.POST if request.method == "POST" else None
    form = ReuseForm(posted)
    if request.method == "POST" and already is None and form.is_valid():
        try:
            with transaction.atomic():
                ResourceReuse.objects.create(
                    resource=resource, borough=borough, note=form.cleaned_data["note"]
                )
                log(resource, "pilots.resource_reused", user=request.user,
                    data={"borough": borough.name})  # fmt: skip
        except IntegrityError:
            pass  # a colleague recorded it a moment ago
        messages.success(request, f"Recorded: {borough.name} reused “{resource}”.")
        return redirect("pilots_resource_reuse", resource.pk)
    return admin_page(
        request, "pilots/resources/reuse.html", f"We reused this: {resource}",
        resource=resource, form=form, already=already,
    )  # fmt: skip


@require_POST
def resource_reuse_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """The way back: a borough withdraws its own record of reusing a resource (recorded by
    mistake). It no longer counts as a peer exchange; the audit log keeps both steps."""
    resource = _reused_resource(request, pk)
    borough = user_borough(request.user)
    with transaction.atomic():
        deleted, _ = ResourceReuse.objects.filter(resource=resource, borough=borough).delete()
        if deleted:
            log(resource, "pilots.resource_reuse_withdrawn", user=request.user,
                data={"borough": borough.name})  # fmt: skip
    if deleted:
        messages.success(
            request, f"Withdrawn: {borough.name}'s reuse of “{resource}” is no longer recorded."
        )
    return redirect("pilots_resource_reuse", resource.pk)


@convenors_only
def resource_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """A convenor makes a resource offered to the public visible on the public site. A GET
    asks first, saying what approving does; the home page's button posts straight here."""
    resource = get_object_or_404(SharedResource.objects.select_related("borough"), pk=pk)
    if request.method != "POST":
        return admin_page(
            request, "pilots/resources/approve.html", f"Approve for the public: {resource}",
            icon="tick", resource=resource, problem=_approval_problem(resource),
            awaiting=SharedResource.objects.awaiting_review().filter(pk=pk).exists(),
        )  # fmt: skip
    problem = _approval_problem(resource)
    if problem:
        messages.error(request, problem)
    elif resource.approved_at is None:
        resource.approved_at = timezone.now()
        resource.save(update_fields=["approved_at"])
        log(resource, "pilots.resource_approved", user=request.user)
        messages.success(
            request,
            f"“{resource}” is approved: the public toolkit's resource library lists it now.",
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = reverse("wagtailadmin_home")
    return redirect(target)


def _approval_problem(resource: SharedResource) -> str | None:
    """Why `resource` cannot be approved for the public, or None."""
    if resource.visibility != SharedResource.Visibility.PUBLIC:
        return f"“{resource}” is for Lab participants only; nothing to approve."
    if resource.document and resource.document.collection.get_view_restrictions().exists():
        return (
            f"“{resource}” uses a document in the restricted collection "
            f"“{resource.document.collection}”, which the public cannot open. Move the "
            "document to a public collection first."
        )
    return None


@convenors_only
def resource_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """A convenor withdraws a resource from other boroughs and the public site (or offers
    it again), instead of deleting it: the reuses recorded against it keep counting.
    Withdrawal also withdraws any approval for the public."""
    resource = get_object_or_404(SharedResource.objects.select_related("borough"), pk=pk)
    if request.method == "POST":
        withdraw = request.POST.get("withdraw") == "1"
        if withdraw and resource.withdrawn_at is None:
            resource.withdrawn_at, resource.approved_at = timezone.now(), None
            resource.save(update_fields=["withdrawn_at", "approved_at"])
            log(resource, "pilots.resource_withdrawn", user=request.user)
            messages.success(request, f"“{resource}” is withdrawn; its reuses still count.")
        elif not withdraw and resource.withdrawn_at is not None:
            resource.withdrawn_at = None
            resource.save(update_fields=["withdrawn_at"])
            log(resource, "pilots.resource_offered", user=request.user)
            messages.success(request, f"“{resource}” is offered to the Lab again.")
        return redirect("wagtailsnippets_pilots_sharedresource:list")
    title = "Offer again" if resource.withdrawn_at else "Withdraw"
    return admin_page(
        request, "pilots/resources/withdraw.html", f"{title}: {resource}", resource=resource
    )
