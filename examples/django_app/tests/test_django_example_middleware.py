"""The example's error middleware for failures with no response: no cassette involved."""

from __future__ import annotations

from typing import Any

from django.test import Client, RequestFactory
from wacht_example.middleware import WachtErrorMiddleware

from wacht_oauth_client import APITimeoutError


def test_an_unreachable_wacht_is_a_503(client: Client, settings: Any) -> None:
    # Nothing listens on port 9 (discard) of this machine: the connection is refused.
    settings.WACHT = {"API_KEY": "k", "BASE_URL": "http://127.0.0.1:9", "MAX_RETRIES": 0}

    response = client.get("/apps/billing/clients/")

    assert response.status_code == 503
    assert response.json() == {"error": {"message": "Wacht did not answer"}}


def test_a_timeout_is_a_504() -> None:
    middleware = WachtErrorMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    error = APITimeoutError("Request timed out", method="GET", url="/deployments/d/oauth/apps")

    response = middleware.process_exception(RequestFactory().get("/"), error)

    assert response is not None and response.status_code == 504
