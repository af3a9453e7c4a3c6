from django.urls import include, path
from wagtail import hooks
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cms import twofactor
from cms.cells import cell_safe


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("", include(twofactor.urlpatterns))]


# Wagtail's own spreadsheet exports (the site history and other reports, form submissions)
# write titles as they were typed: an officer's pilot titled "=HYPERLINK(...)" would reach a
# convenor's CSV as a live formula. Wagtail has no hook for this, so every export's cell
# passes through `cell_safe` here, once, rather than in each report.
_wagtail_preprocess = SpreadsheetExportMixin.preprocess_field_value


def _preprocess_safely(self, field, value, export_format):
    return cell_safe(_wagtail_preprocess(self, field, value, export_format))


SpreadsheetExportMixin.preprocess_field_value = _preprocess_safely
