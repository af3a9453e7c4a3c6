"""The report's Table 1 (pilot initiatives by borough, with the key lesson) from a Lab's
published pilots."""

from dataclasses import dataclass

from designlab.models import Lab
from pilots.models import Pilot


@dataclass(frozen=True)
class Table1Row:
    borough: str
    activities: list[str]
    key_lesson: str


def table_1(lab: Lab) -> list[Table1Row]:
    """The report's Table 1 from published pilots: each borough's activities and key
    lesson (a lesson shared by a borough's pilots appears once)."""
    activities: dict[str, list[str]] = {}
    lessons: dict[str, list[str]] = {}
    pilots = (
        Pilot.objects.published()
        .filter(lab=lab)
        .filter(borough__participations__lab=lab)
        .order_by("borough__name", "pk")
        .values_list("borough__name", "activity", "key_lesson")
    )
    for borough, activity, lesson in pilots:
        activities.setdefault(borough, []).append(activity)
        found = lessons.setdefault(borough, [])
        if lesson and lesson not in found:
            found.append(lesson)
    return [
        Table1Row(borough, activities[borough], "\n\n".join(lessons[borough]))
        for borough in activities
    ]
