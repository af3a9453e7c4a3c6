"""The API answers exactly as its OpenAPI document says. Schemathesis reads the document
served at /api/v1/openapi.json, generates requests from it (valid ones, invalid ones, and
methods the document does not declare) and checks every answer: status code, content type,
body and headers. This is the run issue 10 asks CI to make."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from cms.wsgi import application

pytestmark = pytest.mark.django_db

# Loaded as the module is collected (serving the document reads no database), since
# schemathesis's lazy fixture loader does not run under this pytest.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@schema.parametrize()
# The fixture only keeps the transaction open, and the API only reads: nothing to reset.
@settings(max_examples=100, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
def test_every_answer_is_as_documented(case, wsgi_requests_keep_the_transaction):
    case.call_and_validate()
