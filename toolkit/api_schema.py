"""The OpenAPI 3.0 description of `toolkit.api`, written by hand to match it."""

_NUMBER = {"type": "number", "nullable": True}

KPI = {
    "type": "object",
    "required": ["id", "name", "unit", "direction", "frequency", "baseline", "target",
                 "latest_value", "latest_period_start", "suppressed", "progress_percent"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "unit": {"type": "string", "enum": ["count", "percent", "gbp", "hours", "score"]},
        "direction": {"type": "string", "enum": ["increase", "decrease"]},
        "frequency": {"type": "string", "enum": ["monthly", "quarterly", "annual"]},
        "baseline": {**_NUMBER, "description": "null when suppressed or not set"},
        "target": _NUMBER,
        "latest_value": {**_NUMBER, "description": "null when suppressed or no reading yet"},
        "latest_period_start": {"type": "string", "format": "date", "nullable": True},
        "suppressed": {"type": "boolean",
                       "description": "A count below the disclosure threshold was withheld."},
        "progress_percent": {"type": "integer", "minimum": 0, "maximum": 100, "nullable": True},
    },
}  # fmt: skip

PILOT = {
    "type": "object",
    "required": ["id", "url", "title", "borough", "lab", "stage", "stage_label", "activity",
                 "key_lesson", "challenges", "evaluations", "kpis"],
    "properties": {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "borough": {
            "type": "object",
            "required": ["name", "gss_code"],
            "properties": {"name": {"type": "string"}, "gss_code": {"type": "string"}},
        },
        "lab": {"type": "string"},
        "stage": {"type": "string", "enum": ["designing", "funded", "in_delivery", "completed",
                                             "scaling", "paused", "stopped"]},
        "stage_label": {"type": "string"},
        "activity": {"type": "string"},
        "key_lesson": {"type": "string"},
        "challenges": {"type": "array", "items": {"type": "string"}},
        "evaluations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["method", "status"],
                "properties": {
                    "method": {"type": "string"},
                    "status": {"type": "string", "enum": ["planned", "in_progress", "complete"]},
                },
            },
        },
        "kpis": {"type": "array", "items": {"$ref": "#/components/schemas/KPI"}},
    },
}  # fmt: skip

LICENCE = {
    "type": "object",
    "required": ["name", "url", "attribution"],
    "properties": {
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "attribution": {"type": "string"},
    },
}

ERROR = {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}}


def _ok(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _list_of(item_ref: str) -> dict:
    return {
        "type": "object",
        "required": ["licence", "results"],
        "properties": {
            "licence": {"$ref": "#/components/schemas/Licence"},
            "results": {"type": "array", "items": item_ref},
        },
    }


def openapi(base_path: str) -> dict:
    error = {"$ref": "#/components/schemas/Error"}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Borough Design Lab: published pilots",
            "version": "1.0.0",
            "description": "Read-only. Only published pilots appear; counts below the "
            "disclosure threshold are withheld.",
            "license": {
                "name": "Open Government Licence v3.0",
                "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            },
        },  # fmt: skip
        "servers": [{"url": base_path}],
        "paths": {
            "/pilots/": {
                "get": {
                    "operationId": "listPilots",
                    "summary": "Published pilots",
                    "parameters": [
                        {
                            "name": "borough",
                            "in": "query",
                            "required": False,
                            "description": "Only this borough's pilots (GSS code).",
                            "schema": {"type": "string", "pattern": "^E09\\d{6}$"},
                        }
                    ],
                    "responses": {
                        "200": _ok(_list_of({"$ref": "#/components/schemas/Pilot"}), "Pilots"),
                        "400": _ok(error, "The borough parameter is not a London GSS code"),
                    },
                }
            },
            "/pilots/{id}/": {
                "get": {
                    "operationId": "getPilot",
                    "summary": "One published pilot",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer", "format": "int64", "minimum": 1},
                        }
                    ],  # fmt: skip
                    "responses": {
                        "200": _ok({"$ref": "#/components/schemas/Pilot"}, "The pilot"),
                        "404": _ok(error, "No published pilot with this id"),
                    },
                }
            },
            "/kpis/": {
                "get": {
                    "operationId": "listKpis",
                    "summary": "KPIs of published pilots, with their latest reading",
                    "responses": {
                        "200": _ok(
                            _list_of(
                                {
                                    "allOf": [
                                        {"$ref": "#/components/schemas/KPI"},
                                        {
                                            "type": "object",
                                            "required": ["pilot"],
                                            "properties": {"pilot": {"type": "integer"}},
                                        },
                                    ]
                                }
                            ),
                            "KPIs",
                        )
                    },
                }
            },
        },
        "components": {"schemas": {"Pilot": PILOT, "KPI": KPI, "Licence": LICENCE, "Error": ERROR}},
    }
