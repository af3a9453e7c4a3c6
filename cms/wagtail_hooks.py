import logging
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.urls import URLResolver, include, path
from wagtail import hooks
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cms import twofactor
from cms.cells import CSV_BOM, CSV_CONTENT_TYPE, cell_safe
from cms.two_factor_invitations import invitation_email, invitation_issue

logger = logging.getLogger(__name__)


@hooks.register("register_admin_urls")
def two_factor_urls() -> list[URLResolver]:
    return [path("", include(twofactor.urlpatterns))]


@hooks.register("after_create_user")
def two_factor_invitation_for_new_account(request: HttpRequest, user: User) -> None:
    """An account made in the admin is emailed its invitation to enrol an authenticator."""
    invitation, link = invitation_issue(user=user)
    try:
        sent = invitation_email(invitation=invitation, link=link)
    except OSError:
        logger.exception("two-factor invitation email to user %s not sent", user.pk)
        sent = False
    if sent:
        messages.success(request, f"{user} was emailed an invitation to set up two-factor sign-in.")
    else:
        messages.warning(
            request,
            f"No invitation to set up two-factor sign-in could be emailed to {user}. Ask the "
            f"site's operator to run `manage.py two_factor_reset {user.username}`.",
        )


# Wagtail's own spreadsheet exports (the site history and other reports, form submissions)
# write titles as they were typed: an officer's pilot titled "=HYPERLINK(...)" would reach a
# convenor's CSV as a live formula. Wagtail has no hook for this, so every export's cell
# passes through `cell_safe` here, once, rather than in each report.
_wagtail_preprocess = SpreadsheetExportMixin.preprocess_field_value


def _preprocess_safely(
    self: SpreadsheetExportMixin, field: str, value: Any, export_format: str
) -> Any:
    return cell_safe(_wagtail_preprocess(self, field, value, export_format))


SpreadsheetExportMixin.preprocess_field_value = _preprocess_safely

# And their CSV starts with a byte order mark and says it is UTF-8, like ours (cms.cells).
_wagtail_stream_csv = SpreadsheetExportMixin.stream_csv
_wagtail_csv_response = SpreadsheetExportMixin.write_csv_response


def _stream_csv_with_bom(self, queryset):
    yield CSV_BOM.encode()
    yield from _wagtail_stream_csv(self, queryset)


def _csv_response_in_utf8(self, queryset):
    response = _wagtail_csv_response(self, queryset)
    response["Content-Type"] = CSV_CONTENT_TYPE
    return response


SpreadsheetExportMixin.stream_csv = _stream_csv_with_bom
SpreadsheetExportMixin.write_csv_response = _csv_response_in_utf8
