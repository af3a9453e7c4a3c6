import datetime as dt

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from designlab.models import Borough, Lab
from pilots.access.scoping import is_convenor
from pilots.models import KPIReading
from pilots.readings.review import ReviewRefused, readings_approve, readings_return


def _month(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise CommandError(
            f"“{value}” is not a month: write it as YYYY-MM, e.g. 2023-07."
        ) from None


class Command(BaseCommand):
    help = (
        "Approve, or return with a comment, a borough's readings waiting for review in a Lab "
        "(of one period with --period). Prints how many changed; exits non-zero, changing "
        "nothing, when the user is not a convenor."
    )

    def add_arguments(self, parser):
        parser.add_argument("lab", help="The Lab's slug, e.g. asylum-welcome-2023.")
        parser.add_argument("--borough", required=True, help="The borough's slug, e.g. barnet.")
        parser.add_argument("--period", help="Only periods starting in this month (YYYY-MM).")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--approve", action="store_true")
        action.add_argument("--return", dest="comment", metavar="COMMENT")
        parser.add_argument("--as", dest="username", required=True, help="A convenor's username.")

    def handle(self, *args, lab: str, borough: str, period: str | None, approve: bool,
               comment: str | None, username: str, **options):  # fmt: skip
        user = get_user_model().objects.filter(username=username).first()
        if user is None or not is_convenor(user):
            raise CommandError(
                f"“{username}” is not a convenor: only convenors review readings. "
                "Nothing was changed."
            )
        found_lab = Lab.objects.filter(slug=lab).first()
        if found_lab is None:
            raise CommandError(f"There is no Lab with the slug “{lab}”.")
        found = Borough.objects.filter(slug=borough).first()
        if found is None:
            raise CommandError(f"There is no borough with the slug “{borough}”.")
        readings = KPIReading.objects.filter(kpi__pilot__lab=found_lab, kpi__pilot__borough=found)
        if period:
            month = _month(period)
            readings = readings.filter(
                period_start__year=month.year, period_start__month=month.month
            )
        try:
            if approve:
                n = readings_approve(readings, user=user)
            else:
                n = readings_return(readings, comment=comment, user=user)
        except ReviewRefused as refusal:
            raise CommandError(f"{refusal} Nothing was changed.") from None
        done = "approved" if approve else "returned"
        self.stdout.write(f"{n} reading{'s' if n != 1 else ''} of {found.name} {done}.")
