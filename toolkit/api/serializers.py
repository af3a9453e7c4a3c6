"""One serializer per resource. Field types, enumerations (from the model choices) and
nullability here are what the OpenAPI document says: it is generated from these classes."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from designlab.models import Borough, SharedIndicator
from pilots.models import KPI, Evaluation, FollowUp, Pilot, Status
from pilots.outcomes.evidence import EVIDENCE_RULE, Grade, pilot_evidence
from toolkit.lineage import public_adaptations, public_source
from toolkit.published import (
    READING_FIELDS,
    kpi_progress,
    reading_public,
    readings_broken_down,
    readings_hidden,
)

PILOT_URLS = serializers.ListField(child=serializers.URLField())


def hidden_in(serializer: serializers.BaseSerializer) -> set:
    """The readings withheld among those of the answer's KPIs (`readings_hidden`), worked out
    once per answer and kept in the context that nested serializers share."""
    context = serializer.context
    if "hidden" not in context:
        context["hidden"] = readings_hidden(_kpi_ids(serializer.root.instance))
    return context["hidden"]


def broken_down_in(serializer: serializers.BaseSerializer) -> dict:
    """The categories of the answer's readings (`readings_broken_down`), once per answer."""
    context = serializer.context
    if "broken_down" not in context:
        ids = _kpi_ids(serializer.root.instance)
        context["broken_down"] = readings_broken_down(ids, hidden_in(serializer))
    return context["broken_down"]


def _kpi_ids(answer: object) -> set[int]:
    items = answer if isinstance(answer, list | tuple) else [answer]
    ids = set()
    for item in items:
        if isinstance(item, Pilot):
            ids |= {kpi.pk for kpi in item.kpis.all()}
        elif isinstance(item, KPI):
            ids.add(item.pk)
        else:  # a row of `published_readings`
            ids.add(item[list(READING_FIELDS).index("kpi")])
    return ids


class KPISerializer(serializers.Serializer):
    """A KPI as the case study pages show it, small counts masked (`toolkit.published`)."""

    id = serializers.IntegerField(source="kpi.pk")
    name = serializers.CharField(source="kpi.name")
    unit = serializers.ChoiceField(KPI.Unit.choices, source="kpi.unit")
    direction = serializers.ChoiceField(KPI.Direction.choices, source="kpi.direction")
    frequency = serializers.ChoiceField(KPI.Frequency.choices, source="kpi.frequency")
    baseline = serializers.FloatField(allow_null=True, help_text="null when suppressed or not set")
    target = serializers.FloatField(allow_null=True)
    latest_value = serializers.FloatField(
        source="latest", allow_null=True, help_text="null when suppressed or no reading yet"
    )
    latest_period_start = serializers.DateField(source="latest_period", allow_null=True)
    suppressed = serializers.BooleanField(
        help_text="A count of people was withheld: below the disclosure threshold, or (the "
        "latest reading) fewer than that many people away from the baseline."
    )
    progress_percent = serializers.IntegerField(
        source="percent",
        min_value=0,
        max_value=100,
        allow_null=True,
        help_text="Of the way from baseline to target; null when it would give a withheld "
        "count away.",
    )

    status = serializers.ChoiceField(
        Status.choices,
        allow_null=True,
        help_text="The latest reading against its period's target (or the KPI's target): "
        "on track, at risk (short by no more than the KPI's amber band) or off track. null "
        "without a baseline, a target or a reading, or when it would give a withheld count away.",
    )
    status_label = serializers.CharField(
        source="status_shown",
        allow_null=True,
        help_text='The status as the pages show it, a symbol and a word, e.g. "✓ On track".',
    )

    def to_representation(self, instance: KPI) -> dict:
        return super().to_representation(kpi_progress(instance, hidden_in(self)))


class PilotKPISerializer(KPISerializer):
    """A KPI in the list of every published KPI, naming its pilot."""

    pilot = serializers.IntegerField(source="kpi.pilot_id", help_text="The pilot's id.")


class CategoryValueSerializer(serializers.Serializer):
    category = serializers.CharField()
    value = serializers.FloatField(allow_null=True, help_text="null when suppressed")


class BreakdownSerializer(serializers.Serializer):
    """A reading's values per category, for a KPI split by categories."""

    name = serializers.CharField(help_text='The list of categories, e.g. "Age band".')
    suppressed = serializers.BooleanField(
        help_text="Every category's value is withheld (null): one of them, or what they "
        "leave out of the total, is a count of people below the disclosure threshold, or "
        "a few people away from an earlier figure shown, or the total itself is withheld.",
    )
    values = CategoryValueSerializer(many=True)

    def to_representation(self, instance) -> dict:
        return super().to_representation(instance.public())


class ReadingSerializer(serializers.Serializer):
    """An approved reading of a published pilot, small counts masked (`toolkit.published`)."""

    pilot = serializers.IntegerField(help_text="The pilot's id.")
    pilot_title = serializers.CharField()
    borough = serializers.CharField(help_text="The borough's name.")
    gss_code = serializers.CharField(help_text="The borough's GSS code.")
    lab = serializers.CharField(help_text="The Lab's slug.")
    kpi = serializers.IntegerField(help_text="The KPI's id.")
    kpi_name = serializers.CharField()
    unit = serializers.ChoiceField(KPI.Unit.choices)
    period_start = serializers.DateField(help_text="The first day of the reporting period.")
    value = serializers.FloatField(allow_null=True, help_text="null when suppressed")
    suppressed = serializers.BooleanField(
        help_text="A count of people was withheld: below the disclosure threshold, or fewer "
        "than that many people away from the KPI's baseline or an earlier reading shown."
    )
    categories = BreakdownSerializer(
        allow_null=True, help_text="null unless the KPI is split by categories and the "
        "reading has values per category.",
    )  # fmt: skip

    def to_representation(self, instance: tuple) -> dict:
        reading = reading_public(instance, hidden_in(self))
        reading["categories"] = broken_down_in(self).get((reading["kpi"], reading["period_start"]))
        return super().to_representation(reading)


class BoroughSerializer(serializers.ModelSerializer):
    class Meta:
        model = Borough
        fields = read_only_fields = ["name", "gss_code"]


class EvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evaluation
        fields = read_only_fields = ["method", "status"]


class FollowUpSerializer(serializers.ModelSerializer):
    """An approved follow-up check-in: how the pilot stood months after its Lab ended."""

    months_after_lab = serializers.IntegerField(source="months_after", min_value=1)
    status = serializers.ChoiceField(
        FollowUp.Standing.choices,
        source="standing",
        help_text="Whether the pilot was still running at the check-in.",
    )
    summary = serializers.CharField(
        help_text='As the case study says it, e.g. "Still running 12 months after the Lab '
        '(checked June 2025): funded by …".'
    )
    checked_on = serializers.DateField(
        source="answered_on", allow_null=True, help_text="When the officers answered."
    )

    class Meta:
        model = FollowUp
        fields = read_only_fields = [
            "months_after_lab", "status", "checked_on", "due_on", "funded_by", "mainstream",
            "spread", "update", "summary",
        ]  # fmt: skip


class PilotSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="toolkit:api-pilot")
    borough = BoroughSerializer()
    lab = serializers.CharField(source="lab.name")
    stage_label = serializers.CharField(source="get_stage_display")
    challenges = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    evaluations = EvaluationSerializer(many=True)
    kpis = KPISerializer(many=True)
    follow_ups = FollowUpSerializer(
        many=True,
        source="approved_follow_ups",
        help_text="Approved follow-up check-ins, earliest first.",
    )
    adapted_from = serializers.SerializerMethodField(
        help_text="The published pilot this one was adapted from (any borough or Lab), as a "
        "list of its API address; empty when none is published."
    )
    adapted_by = serializers.SerializerMethodField(
        help_text="The published pilots adapted from this one, as API addresses."
    )
    adaptation_note = serializers.CharField(help_text="What changed from the pilot adapted.")
    evidence_grade = serializers.SerializerMethodField(help_text=EVIDENCE_RULE)

    class Meta:
        model = Pilot
        fields = read_only_fields = [
            "id", "url", "title", "borough", "lab", "stage", "stage_label", "activity",
            "key_lesson", "challenges", "evaluations", "kpis", "follow_ups", "adapted_from",
            "adapted_by", "adaptation_note", "evidence_grade",
        ]  # fmt: skip

    def _urls(self, pilots: list[Pilot]) -> list[str]:
        request = self.context.get("request")
        return [reverse("toolkit:api-pilot", args=[p.pk], request=request) for p in pilots]

    @extend_schema_field(PILOT_URLS)
    def get_adapted_from(self, pilot: Pilot) -> list[str]:
        source = public_source(pilot)
        return self._urls([source] if source else [])

    @extend_schema_field(PILOT_URLS)
    def get_adapted_by(self, pilot: Pilot) -> list[str]:
        return self._urls(public_adaptations(pilot))

    @extend_schema_field(serializers.ChoiceField(Grade.choices))
    def get_evidence_grade(self, pilot: Pilot) -> str:
        return pilot_evidence(pilot).grade.value


class ErrorSerializer(serializers.Serializer):
    """Every error answer: 400 for a bad parameter, 404, 405 for a method other than GET."""

    detail = serializers.CharField()


class IndicatorBoroughSerializer(serializers.Serializer):
    borough = serializers.CharField(help_text="The borough's name.")
    gss_code = serializers.CharField(help_text="The borough's GSS code.")
    value = serializers.FloatField(
        allow_null=True,
        help_text="The borough's approved readings for the period added up (a percentage: "
        "pooled from their numerators and denominators); null when suppressed.",
    )
    suppressed = serializers.BooleanField(
        help_text="A count of people was withheld: below the disclosure threshold, made of "
        "a withheld reading, or a few people away from the borough's earlier figure."
    )


class IndicatorPooledSerializer(serializers.Serializer):
    value = serializers.FloatField(
        allow_null=True,
        help_text="The Lab's figure: counts added up; percentages pooled as the sum of "
        "numerators over the sum of denominators. null when suppressed.",
    )
    suppressed = serializers.BooleanField(
        help_text="Withheld: it adds up a withheld figure, so it would give that one away."
    )
    boroughs_included = serializers.IntegerField(
        min_value=0, help_text="How many boroughs' figures it adds up."
    )
    boroughs_missing = serializers.ListField(
        child=serializers.CharField(),
        help_text="Boroughs using the indicator with no approved figure for the period.",
    )


class IndicatorPeriodSerializer(serializers.Serializer):
    period_start = serializers.DateField(help_text="The first day of the reporting period.")
    boroughs = IndicatorBoroughSerializer(many=True)
    pooled = IndicatorPooledSerializer()


class IndicatorLabSerializer(serializers.Serializer):
    lab = serializers.CharField(help_text="The Lab's slug.")
    lab_name = serializers.CharField()
    boroughs_using = serializers.ListField(
        child=serializers.CharField(),
        help_text="Boroughs with a published pilot whose KPI adopts the indicator.",
    )
    periods = IndicatorPeriodSerializer(many=True)


class IndicatorSerializer(serializers.Serializer):
    """A Lab's shared indicator with its figures per Lab and period (`toolkit.indicators`)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    definition = serializers.CharField()
    unit = serializers.ChoiceField(SharedIndicator._meta.get_field("unit").choices)
    direction = serializers.ChoiceField(KPI.Direction.choices)
    frequency = serializers.ChoiceField(KPI.Frequency.choices)
    kind = serializers.ChoiceField(KPI.Kind.choices)
    labs = IndicatorLabSerializer(many=True)
