from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"

    def ready(self) -> None:
        from cms import checks, documents, sessions  # noqa: F401 - checks and signal receivers
