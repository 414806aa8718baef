"""pytest-django setup for the example project only (the SDK's own tests don't use Django).

The settings module is chosen here, when these tests are collected, instead of in the global
pytest config. Cassettes are replayed with record mode `none` (a request without a recorded
answer fails). To re-record them from the bundled emulator:

    .venv/bin/python -m pytest examples/django_app/tests --record-mode=all

which serves `Emulator(seed=0)` on 127.0.0.1:18787 (the base URL stored in the cassettes)
for each cassette test. Secrets are scrubbed by the SDK's own cassette helpers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import django
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the `wacht_example` project
# pytest-django sets Django up only for settings known at start-up; these arrive with this
# conftest (collected later), so set it up here. The variable is removed again so that it does
# not leak into other tests' subprocesses (pytest-django sees `settings.configured`).
_previous = os.environ.get("DJANGO_SETTINGS_MODULE")
os.environ["DJANGO_SETTINGS_MODULE"] = "wacht_example.settings"
try:
    django.setup()
finally:
    if _previous is None:
        del os.environ["DJANGO_SETTINGS_MODULE"]
    else:
        os.environ["DJANGO_SETTINGS_MODULE"] = _previous

from wacht_oauth_client.testing import Emulator, run_emulator  # noqa: E402
from wacht_oauth_client.testing import vcr_config as wacht_vcr_config  # noqa: E402

API_KEY = "wacht_test_sk_django_example"
RECORD_PORT = 18787
BASE_URL = f"http://127.0.0.1:{RECORD_PORT}"
DEPLOYMENT_ID = "dep_123"


@pytest.fixture
def vcr_config(record_mode: str) -> dict[str, Any]:
    # Authorization header and oc_secret_ values scrubbed; method, path and body matched.
    return wacht_vcr_config(record_mode=record_mode)


@pytest.fixture
def wacht(settings: Any, record_mode: str) -> Iterator[dict[str, Any]]:
    """Point the shared client at the recorded base URL; serve the emulator when recording.

    Yields `settings.WACHT`.
    """
    # No DEPLOYMENT_ID: an API key and the key-scoped backend API, which manages DEPLOYMENT_ID.
    settings.WACHT = {"API_KEY": API_KEY, "BASE_URL": BASE_URL, "MAX_RETRIES": 0}
    if record_mode == "none":
        yield settings.WACHT
        return
    with run_emulator(Emulator(seed=0, api_keys={API_KEY: DEPLOYMENT_ID}), port=RECORD_PORT):
        yield settings.WACHT
