"""Configuration is validated at construction, and never leaks the key (failure class 5).

The matrix of mistakes is `BAD_CONFIGS` in test_input_guards.py; this file covers what a matrix
row cannot: positional swaps, what a failed client would have logged, and the one-time
warning for a live-looking key over plain http.
"""

from __future__ import annotations

import logging
import warnings

import httpx
import pytest

from wacht_oauth_client import ConfigurationError, WachtClient, _client, errors

from ._support import DEP, MockAPI

KEY = "wacht_test_sk_Zq9fK2mW7pLx4Rt8Vb1N"
LIVE_KEY = "wacht_live_sk_Q7mV2xR9kLp4Tz8Nw3Yb"


def test_swapped_positional_arguments_fail_without_showing_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ConfigurationError) as caught:
        WachtClient("https://api.wacht.dev", KEY)
    assert "swapped" in str(caught.value)
    assert KEY not in str(caught.value) and KEY not in repr(caught.value)
    assert all(KEY not in record.getMessage() for record in caplog.records)


def test_a_key_with_a_newline_never_reaches_a_request(caplog: pytest.LogCaptureFixture) -> None:
    """Before: the client was built, every call failed with the key in the error, in an INFO
    retry line and in an httpcore DEBUG line, and was retried as a network failure."""
    caplog.set_level(logging.DEBUG)
    api = MockAPI()
    with pytest.raises(ConfigurationError):
        WachtClient(
            api_key=KEY + "\n",
            base_url="http://wacht.test",
            http_client=httpx.Client(transport=httpx.MockTransport(api)),
        ).oauth.list_oauth_apps(DEP)
    assert api.requests == []
    assert all(KEY not in record.getMessage() for record in caplog.records)


@pytest.fixture
def warn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget that this process already warned."""
    monkeypatch.setattr(_client, "_warned_insecure", False)


def test_a_live_key_over_plain_http_warns_once(warn_again: None) -> None:
    with pytest.warns(errors.InsecureBaseURLWarning) as caught:
        WachtClient(api_key=LIVE_KEY, base_url="http://api.example.com").close()
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "http://" in message and "https://" in message
    assert LIVE_KEY not in message
    assert caught[0].filename == __file__  # points at the caller's line
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        WachtClient(api_key=LIVE_KEY, base_url="http://api.example.com").close()  # once


@pytest.mark.parametrize(
    ("key", "base_url"),
    [
        (LIVE_KEY, "https://api.example.com"),
        (KEY, "http://api.example.com"),  # a test key
        (LIVE_KEY, "http://127.0.0.1:8787"),  # loopback: a local emulator or a tunnel
        (LIVE_KEY, "http://localhost:8787"),
        (LIVE_KEY, "http://[::1]:8787"),
    ],
)
def test_no_warning_otherwise(key: str, base_url: str, warn_again: None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        WachtClient(api_key=key, base_url=base_url).close()


def test_valid_base_urls_are_kept_as_given() -> None:
    for given, kept in [
        ("https://api.wacht.dev/", "https://api.wacht.dev"),
        ("https://gw.example.com/wacht/", "https://gw.example.com/wacht"),
        ("HTTPS://API.WACHT.DEV", "HTTPS://API.WACHT.DEV"),
        ("http://127.0.0.1:8787", "http://127.0.0.1:8787"),
    ]:
        client = WachtClient(api_key=KEY, base_url=given)
        assert client.base_url == kept
        client.close()
