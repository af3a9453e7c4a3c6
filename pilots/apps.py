from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save


class PilotsConfig(AppConfig):
    name = "pilots"
    verbose_name = "Pilots"

    def ready(self) -> None:
        from wagtail.documents import get_document_model

        from designlab.models import Officer
        from pilots.access.collections import officer_saved
        from pilots.access.roles import ensure_roles
        from pilots.dashboard.cache import dashboard_changed, dashboard_signals_connect
        from pilots.notifications.schedule import schedule_ensure
        from pilots.resources.documents import document_file_replaced
        from pilots.tasks import dashboard_warm_queue

        post_migrate.connect(ensure_roles, sender=self)
        post_migrate.connect(schedule_ensure, sender=self)
        pre_save.connect(document_file_replaced, sender=get_document_model())
        post_save.connect(officer_saved, sender=Officer)
        post_delete.connect(officer_saved, sender=Officer)
        dashboard_signals_connect()
        dashboard_changed.connect(dashboard_warm_queue, dispatch_uid="dashboard-warm")
