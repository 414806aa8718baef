"""Fixtures of the cassette suite (see recording.py for how recording and replay differ)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .recording import CASSETTE_ROOT, Wacht, suite_vcr_config, wacht_target


@pytest.fixture
def vcr_config(record_mode: str) -> dict[str, Any]:
    return suite_vcr_config(record_mode)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    # tests/cassettes/<module>/<test>.yaml (pytest-recording's default is next to the module)
    return str(CASSETTE_ROOT / request.path.stem)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "emulator(**options): extra Emulator(...) options used when recording"
    )


@pytest.fixture
def wacht(vcr: Any, record_mode: str, request: pytest.FixtureRequest) -> Iterator[Wacht]:
    """The client under test, inside the test's cassette (pytest-recording's `vcr` fixture)."""
    assert vcr is not None, "cassette tests need @pytest.mark.vcr"
    marker = request.node.get_closest_marker("emulator")
    options = marker.kwargs if marker else {}
    with wacht_target(recording=record_mode != "none", **options) as target:
        yield target
    if record_mode == "none":
        # Every recorded request must have been sent again: dropping or reordering a call in the
        # facade fails here instead of passing silently.
        assert vcr.all_played, f"{len(vcr) - vcr.play_count} recorded request(s) not replayed"
