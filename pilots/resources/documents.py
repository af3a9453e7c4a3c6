"""Who may download a document (a borough's, or a shared resource's), and approval that
covers the file the convenor saw."""

from django.contrib.auth.views import redirect_to_login
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden

from pilots.access.collections import borough_of_collection
from pilots.access.scoping import user_may_access, user_may_read_resource
from pilots.models import SharedResource


def document_file_replaced(sender: type[Model], instance: Model, **kwargs) -> None:
    """A `pre_save` receiver on the document model: a new file in a public resource's
    document withdraws the approval until a convenor approves again. (Wagtail 8 has no
    after-edit hook for documents.)"""
    if instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if before is not None and before != instance.file.name:
        SharedResource.objects.filter(document_id=instance.pk, approved_at__isnull=False).update(
            approved_at=None
        )


def participants_only_document(document: Model, request: HttpRequest) -> HttpResponse | None:
    """A `before_serve_document` hook. A document in a borough's collection is that
    borough's (and the convenors') until a shared resource uses it; then it is served to
    those who may read the resource, and to everyone once a convenor approves the resource
    for the public. None lets Wagtail serve it (its collection restrictions still apply)."""
    resources = list(SharedResource.objects.filter(document=document))
    if any(r.is_public for r in resources):
        return None
    if any(user_may_read_resource(request.user, r) for r in resources):
        return None
    owner = borough_of_collection(document.collection)
    if owner is None and not resources:
        return None  # the toolkit's and the Lab's documents
    if owner is not None and user_may_access(request.user, owner):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden("This document is not shared with you.")
