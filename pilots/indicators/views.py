"""The convenors' page of shared indicators: per indicator and period, each borough's
approved figure and the Lab's pooled one, and the indicators several Labs share, side by
side. Convenors only, like the Lab dashboard it hangs from: it names every borough's
figures, so officers are refused (an officer sees their own borough's on their pilots)."""

from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from designlab.models import Lab
from pilots.access.refusals import convenors_only
from pilots.admin.pages import AdminPageMixin
from pilots.indicators.rollup import across_labs, indicator_rollups


@method_decorator(convenors_only, name="dispatch")
class IndicatorsView(AdminPageMixin, TemplateView):
    template_name = "pilots/indicators/index.html"
    page_title = "Shared indicators"
    header_icon = "list-ul"

    def get_context_data(self, **kwargs) -> dict:
        labs = list(Lab.objects.order_by("-starts_on"))
        wanted = self.request.GET.get("lab")
        lab = next((lab for lab in labs if str(lab.pk) == wanted), labs[0] if labs else None)
        rollups = indicator_rollups(labs)  # every Lab's at once: the same five queries
        return super().get_context_data(
            labs=labs,
            lab=lab,
            rollups=[rollup for rollup in rollups if rollup.lab == lab],
            across_labs=across_labs(rollups),  # as `indicators_across_labs(labs)`
            **kwargs,
        )
