"""A ready-made pytest-recording `vcr_config` fixture with Wacht's scrubbing and strict matching.

Import it into your `conftest.py` (a fixture imported there overrides pytest-recording's own):

    from wacht_oauth_client.testing.pytest_plugin import vcr_config  # noqa: F401

Then mark tests with `@pytest.mark.vcr`. Replays use record mode `none` unless you pass
`--record-mode` (`pytest --record-mode=once` records missing cassettes, `=all` re-records
everything).

This module needs pytest-recording, which the `[testing]` extra installs. Without it, importing
this module raises `ModuleNotFoundError`: a `@pytest.mark.vcr` test would otherwise only be
warned about (an unknown mark) and then talk to whatever server its client points at.
"""

from __future__ import annotations

from .._extras import require

require("testing", "wacht_oauth_client.testing.pytest_plugin", "pytest_recording")

from typing import Any

import pytest

from .vcr import vcr_config as _vcr_config

__all__ = ["vcr_config"]


@pytest.fixture
def vcr_config(record_mode: str) -> dict[str, Any]:
    """pytest-recording's settings: `wacht_oauth_client.testing.vcr_config()` with `--record-mode`.

    pytest-recording lets a `record_mode` key in this dict win over the command line, so the
    fixture passes the command-line value through.

    Args:
        record_mode: pytest-recording's fixture: the `--record-mode` option, `"none"` by default.

    Returns:
        Keyword arguments for vcrpy: secrets scrubbed, requests matched on method, URL and body.
    """
    return _vcr_config(record_mode=record_mode)
