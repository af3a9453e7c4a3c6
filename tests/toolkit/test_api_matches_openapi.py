"""The OpenAPI document is generated from the code and served at /api/v1/openapi.json.
Answers in states that generated requests rarely reach (a masked count, a filtered list,
a later page, a bad parameter) conform to it as schemathesis checks them; every field sent
is described, and the enumerations are the models' own choices."""

import pytest
import schemathesis
from schemathesis.core.failures import FailureGroup

from cms.wsgi import application
from pilots.models import KPI, Evaluation, Stage
from pilots.models import Status as TargetStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(wsgi_requests_keep_the_transaction):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def spec(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def _answer(api, path: str, status: int, **given):
    """Call the API with the given parameters and check the answer against the document
    (status code, content type, headers, body): schemathesis raises on any difference."""
    case = api[path]["GET"].Case(**given)
    response = case.call()
    assert response.status_code == status, response.text
    case.validate_response(response)
    return response


def test_the_document_is_linked_from_every_page_and_names_the_api(client, spec):
    assert 'href="/api/v1/openapi.json"' in client.get("/").content.decode()
    assert spec["openapi"].startswith("3.0")
    assert spec["servers"] == [{"url": "/api/v1"}]
    assert set(spec["paths"]) == {
        "/pilots/", "/pilots/{id}/", "/kpis/", "/readings/", "/indicators/"
    }  # fmt: skip
    for path in spec["paths"]:  # each described path answers where the servers entry says
        url = spec["servers"][0]["url"] + path.replace("{id}", "999999")
        assert client.get(url).status_code in (200, 404), url


def test_pilot_list_conforms(api):
    _answer(api, "/pilots/", 200)
    _answer(api, "/pilots/", 200, query={"borough": "E09000003", "page_size": 1})
    _answer(api, "/pilots/", 400, query={"borough": "Barnet"})
    _answer(api, "/pilots/", 404, query={"page": 99})


def test_pilot_detail_conforms(api, barnet_pilot):
    _answer(api, "/pilots/{id}/", 200, path_parameters={"id": barnet_pilot.pk})
    _answer(api, "/pilots/{id}/", 404, path_parameters={"id": 999999})


def test_kpi_list_conforms(api):
    _answer(api, "/kpis/", 200, query={"page": 2, "page_size": 2})
    _answer(api, "/kpis/", 400, query={"page_size": 1000})


def test_masked_values_conform_too(api, barnet_pilot):
    reading = barnet_pilot.kpis.get().readings.order_by("period_start").last()
    reading.value = 3
    reading.save()
    response = _answer(api, "/pilots/{id}/", 200, path_parameters={"id": barnet_pilot.pk})
    assert response.json()["kpis"][0]["suppressed"] is True


def test_the_check_catches_an_answer_unlike_the_document(api, barnet_pilot):
    # The checks must be able to fail, or the tests above prove nothing.
    case = api["/pilots/{id}/"]["GET"].Case(path_parameters={"id": barnet_pilot.pk})
    response = case.call()
    response.content = b'{"id": "one"}'
    with pytest.raises(FailureGroup):
        case.validate_response(response)


def test_every_field_sent_is_described(client, spec, barnet_pilot):
    schemas = spec["components"]["schemas"]
    pilots = client.get("/api/v1/pilots/").json()
    kpis = client.get("/api/v1/kpis/").json()
    pilot = pilots["results"][0]
    sent = {
        "PaginatedPilotList": pilots,
        "PaginatedPilotKPIList": kpis,
        "PilotKPI": kpis["results"][0],
        "Pilot": pilot,
        "Borough": pilot["borough"],
        "Evaluation": next(p for p in pilots["results"] if p["evaluations"])["evaluations"][0],
        "KPI": pilot["kpis"][0],
    }
    for name, value in sent.items():
        assert set(schemas[name]["properties"]) == set(value), name
        assert set(schemas[name]["required"]) == set(value), name


def test_enumerations_are_the_models_choices(spec):
    schemas = spec["components"]["schemas"]
    assert schemas["StageEnum"]["enum"] == Stage.values
    assert schemas["UnitEnum"]["enum"] == KPI.Unit.values
    assert schemas["DirectionEnum"]["enum"] == KPI.Direction.values
    assert schemas["FrequencyEnum"]["enum"] == KPI.Frequency.values
    assert schemas["MethodEnum"]["enum"] == Evaluation.Method.values
    assert schemas["StatusEnum"]["enum"] == Evaluation.Status.values
    assert schemas["TargetStatusEnum"]["enum"] == TargetStatus.values
    assert schemas["IndicatorUnitEnum"]["enum"] == [u for u in KPI.Unit.values if u != "score"]
    assert schemas["KindEnum"]["enum"] == KPI.Kind.values


def test_indicator_list_conforms(api, lab, barnet_pilot, brent_pilot):
    from tests.pilots.indicators.world import people_reached_make

    people_reached_make(lab, barnet_pilot, brent_pilot)
    brent_pilot.kpis.get(name__startswith="Families").readings.filter(
        period_start="2023-07-01"
    ).update(value=4)  # a withheld borough figure, and so a withheld pooled one
    response = _answer(api, "/indicators/", 200)
    pooled = response.json()["results"][0]["labs"][0]["periods"][0]["pooled"]
    assert pooled["suppressed"] is True and pooled["value"] is None
    _answer(api, "/indicators/", 200, query={"lab": lab.slug, "page_size": 1})
    _answer(api, "/indicators/", 400, query={"lab": "not a slug"})
    _answer(api, "/indicators/", 404, query={"page": 99})


def test_follow_ups_conform(api, barnet_pilot):
    from pilots.models import FollowUp
    from tests.pilots.followups.helpers import answered

    answered(barnet_pilot, 12, FollowUp.Status.APPROVED)
    response = _answer(api, "/pilots/{id}/", 200, path_parameters={"id": barnet_pilot.pk})
    assert response.json()["follow_ups"][0]["status"] == "running"
    _answer(api, "/pilots/", 200)


def test_follow_ups_are_described(spec):
    schemas = spec["components"]["schemas"]
    assert schemas["FollowUpStatusEnum"]["enum"] == ["running", "stopped"]
    assert schemas["MainstreamEnum"]["enum"] == ["yes", "partly", "no"]
    assert set(schemas["FollowUp"]["properties"]) == {
        "months_after_lab", "status", "checked_on", "due_on", "funded_by", "mainstream",
        "spread", "update", "summary",
    }  # fmt: skip
