"""Django integration: one shared `WachtClient` per process, configured in `settings.py`.

Needs the `[django]` extra (`pip install "wacht-oauth-client[django]"`). In `settings.py`
(every key is optional; a blank `API_KEY` or `BASE_URL` falls back to the `WACHT_API_KEY` /
`WACHT_BASE_URL` environment variables):

```python
import os

WACHT = {
    "API_KEY": os.environ.get("WACHT_API_KEY", ""),
    "BASE_URL": os.environ.get("WACHT_BASE_URL", ""),
    "DEPLOYMENT_ID": os.environ.get("WACHT_DEPLOYMENT_ID", ""),  # blank: key-scoped API
    "TIMEOUT": 10,  # seconds per network operation
    "MAX_RETRIES": 2,
}
```

In a view:

```python
from django.http import JsonResponse

from wacht_oauth_client.contrib.django import get_oauth


def apps(request):
    apps = get_oauth().list_oauth_apps()
    return JsonResponse({"apps": [app.slug for app in apps]})
```

Which surface: with a backend API key (what Wacht's dashboard gives you) leave `DEPLOYMENT_ID`
blank; `get_oauth()` then calls the key-scoped backend API (`/oauth/apps…`) and the deployment
comes from the key. With an OAuth access token, set `DEPLOYMENT_ID`; `get_oauth()` then calls
the deployment-scoped paths (`/deployments/{id}/oauth/apps…`). `get_client()` gives the client
itself, for both shapes (`get_client().oauth.list_oauth_apps("dep_123")`).

The client is built on first use (not at import, so it is created after a pre-forking server
such as gunicorn has forked), shared by all threads, and closed at interpreter exit. Changing
`WACHT` with `override_settings` in tests drops the cached client.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._extras import require

require("django", "wacht_oauth_client.contrib.django", "django")

from django.conf import settings  # type: ignore[import-untyped]
from django.core.exceptions import ImproperlyConfigured  # type: ignore[import-untyped]
from django.core.signals import setting_changed  # type: ignore[import-untyped]

from .._client import WachtClient
from ..errors import ConfigurationError

if TYPE_CHECKING:
    from .._oauth import DeploymentOAuth

__all__ = ["get_client", "get_oauth"]

_KEYS = frozenset({"API_KEY", "BASE_URL", "DEPLOYMENT_ID", "TIMEOUT", "MAX_RETRIES"})
_client: WachtClient | None = None
_lock = threading.Lock()


def get_client() -> WachtClient:
    """The process-wide `WachtClient`, built from `settings.WACHT` on the first call.

    Later calls return the same client, from any thread (concurrent first calls still build
    exactly one). It does no I/O: requests happen when you call its methods.

    Returns:
        The shared client. Do not close it: it is closed at interpreter exit, or when a test
        changes `settings.WACHT`.

    Raises:
        django.core.exceptions.ImproperlyConfigured: `WACHT` is not a dict, has an unknown
            key, has a bad `TIMEOUT` or `MAX_RETRIES`, or no API key is configured (neither
            `WACHT["API_KEY"]` nor the `WACHT_API_KEY` environment variable).
    """
    global _client
    client = _client
    if client is None:
        with _lock:  # double-checked: only one thread builds it
            if _client is None:
                _client = _build_client()
            client = _client
    return client


def get_oauth() -> DeploymentOAuth:
    """The OAuth operations of the surface `settings.WACHT["DEPLOYMENT_ID"]` selects.

    Unset or `None`: the key-scoped backend API, for a backend API key. A deployment id: the
    deployment-scoped paths, for an OAuth access token. Same methods either way, without a
    `deployment_id` argument: `get_oauth().list_oauth_clients("billing")`.

    Returns:
        The shared client's `DeploymentOAuth` for that surface (cheap: build it per request).

    Raises:
        ImproperlyConfigured: `WACHT` is malformed, has no API key, or `DEPLOYMENT_ID` is not
            a non-blank string.
    """
    deployment_id = _text(_settings(), "DEPLOYMENT_ID")
    return get_client().deployment(deployment_id).oauth


def _settings() -> Mapping[str, Any]:
    conf = getattr(settings, "WACHT", None)
    if conf is None:
        return {}
    if not isinstance(conf, Mapping):
        raise ImproperlyConfigured("settings.WACHT must be a dict")
    return conf


def _build_client() -> WachtClient:
    conf = _settings()
    unknown = sorted(set(conf) - _KEYS)
    if unknown:
        raise ImproperlyConfigured(
            f"settings.WACHT has unknown keys {unknown}; allowed: {sorted(_KEYS)}"
        )
    api_key, base_url = _text(conf, "API_KEY"), _text(conf, "BASE_URL")
    if api_key is None and not os.environ.get("WACHT_API_KEY", "").strip():
        raise ImproperlyConfigured(
            "No Wacht API key: set settings.WACHT['API_KEY'] or the WACHT_API_KEY "
            "environment variable"
        )
    # None lets WachtClient apply its own fallbacks (WACHT_API_KEY, WACHT_BASE_URL, defaults).
    kwargs: dict[str, Any] = {"api_key": api_key, "base_url": base_url}
    if conf.get("TIMEOUT") is not None:
        kwargs["timeout"] = conf["TIMEOUT"]
    if conf.get("MAX_RETRIES") is not None:
        kwargs["max_retries"] = conf["MAX_RETRIES"]
    try:
        return WachtClient(**kwargs)
    except (ConfigurationError, TypeError, ValueError) as exc:  # e.g. MAX_RETRIES=-1, TIMEOUT="x"
        raise ImproperlyConfigured(f"settings.WACHT: {exc}") from None


def _text(conf: Mapping[str, Any], key: str) -> str | None:
    """A string setting; blank (e.g. from an unset environment variable) means "not set"."""
    value = conf.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ImproperlyConfigured(f"settings.WACHT['{key}'] must be a string")
    return value if value.strip() else None


def _close_client() -> None:
    global _client
    with _lock:
        client, _client = _client, None
    if client is not None:
        client.close()


def _on_setting_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "WACHT":
        _close_client()


atexit.register(_close_client)
setting_changed.connect(_on_setting_changed, dispatch_uid="wacht_oauth_client.contrib.django")
