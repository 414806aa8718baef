"""`wacht_oauth_client.contrib.django.get_client()`: settings, env fallback, sharing, shutdown."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

import httpx
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from wacht_oauth_client import WachtClient
from wacht_oauth_client.contrib import django as wacht_django
from wacht_oauth_client.contrib.django import get_client, get_oauth
from wacht_oauth_client.testing import Emulator, run_emulator

KEY = "wacht_test_sk_contrib"


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WACHT_API_KEY", raising=False)
    monkeypatch.delenv("WACHT_BASE_URL", raising=False)


def test_built_once_from_settings(settings: Any) -> None:
    settings.WACHT = {
        "API_KEY": KEY,
        "BASE_URL": "http://127.0.0.1:9/",
        "TIMEOUT": 7,
        "MAX_RETRIES": 4,
    }
    client = get_client()
    assert isinstance(client, WachtClient)
    assert get_client() is client
    assert client.base_url == "http://127.0.0.1:9"
    assert client._options.timeout == httpx.Timeout(7.0, connect=5.0)
    assert client._options.max_retries == 4


def test_the_configured_key_is_the_one_sent(settings: Any) -> None:
    with run_emulator(Emulator(api_keys=[KEY])) as url:
        settings.WACHT = {"API_KEY": KEY, "BASE_URL": url}
        assert get_client().oauth.list_oauth_apps("dep_123") == []


@pytest.mark.parametrize(
    ("deployment_id", "path"),
    [(None, "/oauth/apps"), ("", "/oauth/apps"), ("dep_9", "/deployments/dep_9/oauth/apps")],
)
def test_get_oauth_picks_the_surface_from_deployment_id(
    settings: Any, deployment_id: str | None, path: str
) -> None:
    emulator = Emulator(api_keys={KEY: "dep_9"})
    with run_emulator(emulator) as url:
        settings.WACHT = {"API_KEY": KEY, "BASE_URL": url, "DEPLOYMENT_ID": deployment_id}
        assert get_oauth().list_oauth_apps() == []
    assert emulator.requests == [("GET", path, "list_oauth_apps")]


@pytest.mark.parametrize("deployment_id", [7, ["dep"]])
def test_a_bad_deployment_id_is_improperly_configured(settings: Any, deployment_id: Any) -> None:
    settings.WACHT = {"API_KEY": KEY, "DEPLOYMENT_ID": deployment_id}
    with pytest.raises(ImproperlyConfigured, match="DEPLOYMENT_ID"):
        get_oauth()


def test_falls_back_to_the_environment(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with run_emulator(Emulator(api_keys=["wacht_test_sk_from_env"])) as url:
        monkeypatch.setenv("WACHT_API_KEY", "wacht_test_sk_from_env")
        monkeypatch.setenv("WACHT_BASE_URL", url)
        settings.WACHT = {"API_KEY": "", "BASE_URL": ""}  # e.g. os.environ.get(..., "")
        client = get_client()
        assert client.base_url == url
        assert client.oauth.list_oauth_apps("dep_123") == []


def test_no_setting_at_all_uses_the_environment(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    del settings.WACHT
    monkeypatch.setenv("WACHT_API_KEY", KEY)
    assert get_client().base_url == "https://api.wacht.dev"


@pytest.mark.parametrize("wacht", [{}, {"API_KEY": ""}, {"API_KEY": "   "}, None])
def test_no_key_anywhere_is_improperly_configured(settings: Any, wacht: Any) -> None:
    if wacht is None:
        del settings.WACHT
    else:
        settings.WACHT = wacht
    with pytest.raises(ImproperlyConfigured, match=r"WACHT\['API_KEY'\].*WACHT_API_KEY"):
        get_client()
    assert wacht_django._client is None  # nothing half-built is cached


@pytest.mark.parametrize(
    ("wacht", "message"),
    [
        ("key", "must be a dict"),
        ({"API_KEY": KEY, "APIKEY": "typo"}, r"unknown keys \['APIKEY'\]"),
        ({"API_KEY": 123}, r"WACHT\['API_KEY'\] must be a string"),
        ({"API_KEY": KEY, "MAX_RETRIES": -1}, "max_retries must be an int >= 0"),
        # the message names the setting's rule, never the rejected value
        (
            {"API_KEY": KEY, "TIMEOUT": "ten"},
            r"timeout must be a finite number of seconds(?!.*ten)",
        ),
    ],
)
def test_bad_settings_are_improperly_configured(settings: Any, wacht: Any, message: str) -> None:
    settings.WACHT = wacht
    with pytest.raises(ImproperlyConfigured, match=message) as info:
        get_client()
    assert KEY not in str(info.value)


def test_concurrent_first_calls_build_one_client(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.WACHT = {"API_KEY": KEY}
    built: list[WachtClient] = []
    real_build = wacht_django._build_client
    start = threading.Barrier(8)

    def slow_build() -> WachtClient:
        client = real_build()
        built.append(client)
        return client

    monkeypatch.setattr(wacht_django, "_build_client", slow_build)
    results: list[WachtClient] = []

    def worker() -> None:
        start.wait()
        results.append(get_client())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1
    assert len(results) == 8 and all(r is built[0] for r in results)


def test_changing_the_setting_replaces_and_closes_the_client(settings: Any) -> None:
    settings.WACHT = {"API_KEY": KEY, "BASE_URL": "http://127.0.0.1:9"}
    first = get_client()
    with override_settings(WACHT={"API_KEY": KEY, "BASE_URL": "http://127.0.0.1:10"}):
        second = get_client()
        assert second is not first and second.base_url == "http://127.0.0.1:10"
        assert first._http.is_closed
    assert second._http.is_closed
    assert get_client().base_url == "http://127.0.0.1:9"


def test_closed_at_interpreter_exit() -> None:
    # atexit runs handlers last-registered-first: the probe registered before the module is
    # imported runs after the module's own handler, and sees the client closed.
    code = """
import atexit
from django.conf import settings
settings.configure(WACHT={"API_KEY": "k"})
seen = {}
atexit.register(lambda: print("closed:", seen["client"]._http.is_closed))
from wacht_oauth_client.contrib.django import get_client, get_oauth
seen["client"] = get_client()
print("open:", seen["client"]._http.is_closed)
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["open:", "False", "closed:", "True"]
