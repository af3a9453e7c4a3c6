from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PilotsConfig(AppConfig):
    name = "pilots"
    verbose_name = "Pilots"

    def ready(self):
        from .roles import ensure_roles
        from .schedule import schedule_ensure

        post_migrate.connect(ensure_roles, sender=self)
        post_migrate.connect(schedule_ensure, sender=self)
