from django.apps import AppConfig


class DesignlabConfig(AppConfig):
    name = "designlab"
    verbose_name = "Design Lab"
