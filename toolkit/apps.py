from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    name = "toolkit"
    verbose_name = "Toolkit"

    def ready(self) -> None:
        from toolkit import signals  # noqa: F401  (connects the cache invalidation)
