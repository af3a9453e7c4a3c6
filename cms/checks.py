"""Deploy checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def demo_mode_off(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if not settings.DEMO_MODE:
        return []
    return [
        checks.Warning(
            "DEMO_MODE is on: demo accounts share a published password and two-factor "
            "sign-in is off for every account.",
            hint="Set DEMO_MODE=0 on any site that holds real records.",
            id="cms.W001",
        )
    ]
