from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from cms import checks, sessions  # noqa: F401 - registers checks and signal receivers
