"""A ready-made pytest-recording `vcr_config` fixture with Wacht's scrubbing and strict matching.

Import it into your `conftest.py` (importing a fixture there overrides pytest-recording's default):

    from wacht_oauth_client.testing.pytest_plugin import vcr_config  # noqa: F401

Then mark tests with `@pytest.mark.vcr`. Replays use record mode `none` unless you pass
`--record-mode` (e.g. `pytest --record-mode=once` to record missing cassettes, `=all` to
re-record everything). Needs pytest-recording (`pip install pytest-recording`).
"""

from __future__ import annotations

from typing import Any

import pytest

from .vcr import vcr_config as _vcr_config

__all__ = ["vcr_config"]


@pytest.fixture
def vcr_config(record_mode: str) -> dict[str, Any]:
    """`wacht_oauth_client.testing.vcr_config()`, with pytest-recording's `--record-mode`.

    pytest-recording lets a `record_mode` key in this dict win over the command line, so the
    fixture passes the command-line value (its `record_mode` fixture, "none" by default) through.
    """
    return _vcr_config(record_mode=record_mode)
