"""The admin's one way of refusing (`pilots.access.refusals`): Wagtail's redirect to the
dashboard, with its "you do not have permission" message."""

from django.urls import reverse


def refused(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
