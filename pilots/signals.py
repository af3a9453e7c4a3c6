"""Signal receivers of the tracker."""

from pilots.models import SharedResource


def document_file_replaced(sender, instance, **kwargs) -> None:
    """A public resource's approval covers the file the convenor saw: a new file in its
    document withdraws the approval until a convenor approves again."""
    if instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if before is not None and before != instance.file.name:
        SharedResource.objects.filter(document_id=instance.pk, approved_at__isnull=False).update(
            approved_at=None
        )
