"""The OpenAPI description is served and every API response conforms to it: each field
the API sends is described, with its type, enumeration and nullability; each required
field is sent. Checked on live responses, so a field added to one side only fails here."""

import pytest

pytestmark = pytest.mark.django_db

TYPES = {"object": dict, "array": list, "string": str, "boolean": bool,
         "integer": int, "number": (int, float)}  # fmt: skip


def _resolve(spec: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _problems(spec: dict, schema: dict, value, where: str = "$") -> list[str]:
    """What is wrong with `value` against an OpenAPI 3.0 `schema` (the subset used)."""
    schema = _resolve(spec, schema)
    if "allOf" in schema:
        merged = {"type": "object", "required": [], "properties": {}}
        for part in map(lambda s: _resolve(spec, s), schema["allOf"]):
            merged["required"] += part.get("required", [])
            merged["properties"].update(part.get("properties", {}))
        return _problems(spec, merged, value, where)
    if value is None:
        return [] if schema.get("nullable") else [f"{where} is null"]
    expected = TYPES[schema["type"]]
    if not isinstance(value, expected) or (isinstance(value, bool) and schema["type"] != "boolean"):
        return [f"{where} is {type(value).__name__}, not {schema['type']}"]
    found = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}={value!r} not in {schema['enum']}")
    if "minimum" in schema and value < schema["minimum"]:
        found.append(f"{where} below minimum")
    if "maximum" in schema and value > schema["maximum"]:
        found.append(f"{where} above maximum")
    if schema["type"] == "object":
        properties = schema.get("properties", {})
        found += [
            f"{where}.{key} missing" for key in schema.get("required", []) if key not in value
        ]
        found += [f"{where}.{key} undocumented" for key in value if key not in properties]
        for key, item in value.items():
            if key in properties:
                found += _problems(spec, properties[key], item, f"{where}.{key}")
    if schema["type"] == "array":
        for i, item in enumerate(value):
            found += _problems(spec, schema["items"], item, f"{where}[{i}]")
    return found


@pytest.fixture
def spec(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def _check(client, spec, url: str, path: str, status: int, **params):
    response = client.get(url, params)
    assert response.status_code == status
    operation = spec["paths"][path]["get"]
    schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    return _problems(spec, schema, response.json())


def test_the_description_is_linked_from_every_page_and_names_the_api(client, spec):
    assert 'href="/api/v1/openapi.json"' in client.get("/").content.decode()
    assert spec["openapi"].startswith("3.0")
    for path in spec["paths"]:  # each described path answers where the servers entry says
        url = spec["servers"][0]["url"] + path.replace("{id}", "999999")
        assert client.get(url).status_code in (200, 404), url


def test_pilot_list_conforms(client, spec):
    assert _check(client, spec, "/api/v1/pilots/", "/pilots/", 200) == []
    assert _check(client, spec, "/api/v1/pilots/", "/pilots/", 200, borough="E09000003") == []
    assert _check(client, spec, "/api/v1/pilots/", "/pilots/", 400, borough="Barnet") == []


def test_pilot_detail_conforms(client, spec, barnet_pilot):
    assert _check(client, spec, f"/api/v1/pilots/{barnet_pilot.pk}/", "/pilots/{id}/", 200) == []
    assert _check(client, spec, "/api/v1/pilots/999999/", "/pilots/{id}/", 404) == []


def test_kpi_list_conforms(client, spec):
    assert _check(client, spec, "/api/v1/kpis/", "/kpis/", 200) == []


def test_masked_values_conform_too(client, spec, barnet_pilot):
    reading = barnet_pilot.kpis.get().readings.order_by("period_start").last()
    reading.value = 3
    reading.save()
    assert _check(client, spec, f"/api/v1/pilots/{barnet_pilot.pk}/", "/pilots/{id}/", 200) == []


def test_the_checker_catches_an_undocumented_field(spec):
    # The checker itself must be able to fail, or the tests above prove nothing.
    pilot_schema = {"$ref": "#/components/schemas/Pilot"}
    assert _problems(spec, pilot_schema, {"id": "one"}) != []
    assert "$.extra undocumented" in _problems(spec, {"type": "object"}, {"extra": 1})
