"""The public, read-only JSON API (/api/v1/) on Django REST framework; its OpenAPI document
is generated from the code (`toolkit.api.schema`, `OpenAPIDocument`)."""
