"""Fixtures of the reliability tests: recorded sleeps and the emulator over a real socket."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wacht_oauth_client import WachtClient, _transport
from wacht_oauth_client.testing import Emulator, EmulatorURL, run_emulator

from ._support import API_KEY, World, build_world


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every wait the retry policy asks for, recorded instead of slept."""
    waits: list[float] = []
    monkeypatch.setattr(_transport, "sleep", waits.append)
    return waits


@pytest.fixture(scope="module")
def server() -> Iterator[EmulatorURL]:
    """One emulator on a real 127.0.0.1 port per test module (reset before each test)."""
    with run_emulator(Emulator(seed=0, api_keys=[API_KEY])) as url:
        yield url


@pytest.fixture
def emu(server: EmulatorURL) -> Emulator:
    server.emulator.reset()
    return server.emulator


@pytest.fixture(scope="module")
def shared_client(server: EmulatorURL) -> Iterator[WachtClient]:
    # Building an httpx.Client costs ~70 ms (its SSL context), so tests share one.
    with WachtClient(api_key=API_KEY, base_url=server) as wacht:
        yield wacht


@pytest.fixture
def client(shared_client: WachtClient, emu: Emulator) -> WachtClient:
    """A client of the (freshly reset) module emulator."""
    return shared_client


@pytest.fixture
def world(client: WachtClient, emu: Emulator) -> World:
    return build_world(client, emu)
