"""The example's views and error middleware, replayed from cassettes recorded from the emulator."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import Client

from wacht_oauth_client.contrib.django import get_oauth
from wacht_oauth_client.models import CreateOAuthAppRequest, CreateOAuthClientRequest

CASSETTES = Path(__file__).with_name("cassettes")
pytestmark = [pytest.mark.vcr, pytest.mark.usefixtures("wacht")]


def _app_with_clients(*methods: str) -> list[str]:
    """Create app `billing` and one client per auth method; return the clients' record ids."""
    oauth = get_oauth()
    oauth.create_oauth_app(CreateOAuthAppRequest(slug="billing", name="Billing"))
    ids = []
    for method in methods:
        request = CreateOAuthClientRequest(
            client_auth_method=method,
            grant_types=["authorization_code"],
            redirect_uris=["https://app.example.com/callback"],
            client_name=f"{method} client",
        )
        ids.append(oauth.create_oauth_client("billing", request).id)
    return ids


def test_list_clients_returns_the_apps_clients_as_json(client: Client) -> None:
    ids = _app_with_clients("client_secret_basic", "none")

    response = client.get("/apps/billing/clients/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    clients = response.json()["clients"]
    assert sorted(c["id"] for c in clients) == sorted(ids)
    assert {c["client_auth_method"] for c in clients} == {"client_secret_basic", "none"}
    assert all(c["client_id"].startswith("oc_") and c["is_active"] for c in clients)
    assert "secret" not in response.content.decode().replace("client_secret_basic", "")


def test_rotate_secret_returns_the_new_secret_once(client: Client) -> None:
    (client_id,) = _app_with_clients("client_secret_post")

    response = client.post(f"/apps/billing/clients/{client_id}/rotate-secret/")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["id"] == client_id
    assert body["client_secret"].startswith("oc_secret_")


def test_rotate_secret_needs_post(client: Client) -> None:
    # Rejected by Django before any API call (the empty cassette would fail any request).
    assert client.get("/apps/billing/clients/1/rotate-secret/").status_code == 405


def test_unknown_app_is_a_404_with_the_servers_message(client: Client) -> None:
    response = client.get("/apps/no-such-app/clients/")

    assert response.status_code == 404
    assert response.json() == {"error": {"message": "OAuth app not found"}}


def test_unknown_client_is_a_404_with_the_servers_message(client: Client) -> None:
    _app_with_clients()

    response = client.post("/apps/billing/clients/999/rotate-secret/")

    assert response.status_code == 404
    assert response.json() == {"error": {"message": "OAuth client not found"}}


def test_other_api_errors_are_a_502_with_the_servers_message(client: Client) -> None:
    (client_id,) = _app_with_clients("none")  # public clients have no secret to rotate

    response = client.post(f"/apps/billing/clients/{client_id}/rotate-secret/")

    assert response.status_code == 502
    assert response.json() == {
        "error": {
            "message": "client_secret rotation is not supported for this auth method",
            "upstream_status": 400,
        }
    }


def test_cassettes_hold_no_api_key_and_no_client_secret(wacht: dict[str, Any]) -> None:
    files = sorted(CASSETTES.rglob("*.yaml"))
    assert len(files) == 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert wacht["API_KEY"] not in text, path
        assert re.findall(r"oc_secret_(?!REDACTED)\w+", text) == [], path
        for interaction in yaml.safe_load(text)["interactions"]:
            authorization = interaction["request"]["headers"]["authorization"]
            assert authorization == ["Bearer REDACTED"], path
