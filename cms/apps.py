from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from cms import sessions  # noqa: F401 - connects the session signal receivers
