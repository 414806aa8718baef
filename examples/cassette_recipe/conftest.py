"""Cassette tests against a fresh emulator: the recipe of docs/testing.md.

Replaying (`pytest`, record mode `none`) starts no server: the cassettes answer. Recording
(`pytest --record-mode=once`, or `=all` to re-record) serves a fresh `Emulator(seed=0)` for each
test on the address stored in the cassettes, so a re-run never meets the apps an earlier run
created (no 409) and recording twice gives the same files.
"""

from collections.abc import Iterator

import pytest

from wacht_oauth_client import WachtClient
from wacht_oauth_client.testing import Emulator, run_emulator
from wacht_oauth_client.testing.pytest_plugin import vcr_config  # noqa: F401

# Cassettes match on host and port, so recording and replaying use the same address.
EMULATOR_PORT = 8787
BASE_URL = f"http://127.0.0.1:{EMULATOR_PORT}"


@pytest.fixture
def wacht(record_mode: str) -> Iterator[WachtClient]:
    """A client for `@pytest.mark.vcr` tests: a fresh emulator only while recording."""
    if record_mode == "none":
        with WachtClient(api_key="replay", base_url=BASE_URL, max_retries=0) as client:
            yield client
        return
    with run_emulator(Emulator(seed=0), port=EMULATOR_PORT) as url:
        with WachtClient(api_key="recording", base_url=url, max_retries=0) as client:
            yield client
