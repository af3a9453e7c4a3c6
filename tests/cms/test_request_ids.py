"""Every response carries a request id, and every log line written while handling it is a
JSON object carrying the same id, so one request can be followed through the logs."""

import json
import logging

import pytest

from cms.logging import JsonFormatter, RequestIdFilter


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []
        self.addFilter(RequestIdFilter())
        self.setFormatter(JsonFormatter())

    def emit(self, record):
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def log_lines():
    handler = Lines()
    logging.getLogger().addHandler(handler)
    yield handler.lines
    logging.getLogger().removeHandler(handler)


def test_log_lines_carry_the_request_id_of_the_response(client, barnet_officer, log_lines):
    response = client.post(
        "/admin/login/", {"username": "officer-barnet", "password": "wrong-password"}
    )
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    mine = [line for line in log_lines if line["request_id"] == request_id]
    assert any("login failure" in line["message"] for line in mine)
    assert {"time", "level", "logger", "message"} <= set(mine[0])


@pytest.mark.django_db
def test_a_proxy_request_id_is_kept_and_a_malformed_one_replaced(client):
    assert client.get("/health/", HTTP_X_REQUEST_ID="lb-1234abcd")["X-Request-ID"] == "lb-1234abcd"
    forged = client.get("/health/", HTTP_X_REQUEST_ID='x"\n{"level": "CRITICAL"}')
    assert forged["X-Request-ID"] != 'x"\n{"level": "CRITICAL"}'
    assert len(forged["X-Request-ID"]) == 32
