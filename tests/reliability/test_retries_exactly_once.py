"""Exactly-once: every non-idempotent operation reaches the server once under every fault.

Against the emulator on a real port, using its `call_counts`. The injected 5xx and drops run the
operation first (`execute=True`), like a server that did the work and then failed to answer; a
blind retry would create a second client or rotate a secret twice. 429 and connect-refused are
the exceptions: nothing ran, so the SDK retries and the operation still runs exactly once.
Run with `-s` to print the measured counts.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import httpx
import pytest

from wacht_oauth_client import APIConnectionError, APITimeoutError, InternalServerError, WachtClient
from wacht_oauth_client.testing import Emulator, EmulatorURL, Fault, run_emulator

from ._support import API_KEY, DEP, EMU_CALLS, World, build_world

NON_IDEMPOTENT = {
    "create_oauth_app": "POST",
    "update_oauth_app": "PATCH",
    "verify_oauth_app_domain": "POST",
    "update_oauth_scope": "PATCH",
    "archive_oauth_scope": "POST",
    "unarchive_oauth_scope": "POST",
    "set_oauth_scope_mapping": "POST",
    "create_oauth_client": "POST",
    "update_oauth_client": "PATCH",
    "deactivate_oauth_client": "DELETE",
    "rotate_oauth_client_secret": "POST",
    "revoke_oauth_grant": "POST",
    "rotate_signing_key": "POST",
    "compromise_signing_key": "POST",
}

# What one run of the operation changes, observed with a fault-free read: (observe, delta).
Observe = Callable[[WachtClient, World], int]
EFFECTS: dict[str, tuple[Observe, int]] = {
    "create_oauth_app": (lambda c, w: len(c.oauth.list_oauth_apps(DEP)), 1),
    "create_oauth_client": (lambda c, w: len(c.oauth.list_oauth_clients(DEP, w.slug)), 1),
    "deactivate_oauth_client": (
        lambda c, w: sum(x.is_active for x in c.oauth.list_oauth_clients(DEP, w.slug)),
        -1,
    ),
    "revoke_oauth_grant": (
        lambda c, w: sum(
            g.status == "active" for g in c.oauth.list_oauth_grants(DEP, w.slug, w.client_id)
        ),
        -1,
    ),
    "rotate_signing_key": (lambda c, w: len(c.oauth.list_signing_keys(DEP, w.slug)), 1),
    "compromise_signing_key": (lambda c, w: len(c.oauth.list_signing_keys(DEP, w.slug)), -1),
}

FAULTS: dict[str, tuple[Fault, type[Exception]]] = {
    "500_html": (Fault.status(500, execute=True), InternalServerError),
    "502_html": (Fault.status(502, execute=True), InternalServerError),
    "503_html": (Fault.status(503, execute=True), InternalServerError),
    "504_html": (Fault.status(504, execute=True), InternalServerError),
    "drop": (Fault.drop(execute=True), APIConnectionError),
    "reset_mid_body": (Fault.drop(execute=True, after_headers=True), APIConnectionError),
}

# (fault, op) -> requests the server saw for op; printed at the end of the module (with -s).
MEASURED: dict[tuple[str, str], int] = {}


@pytest.fixture(scope="module", autouse=True)
def _print_measured() -> Iterator[None]:
    yield
    faults = sorted({fault for fault, _ in MEASURED})
    print("\nrequests reaching the server per call:", ", ".join(faults))
    for op in NON_IDEMPOTENT:
        print(f"  {op:28}", " ".join(str(MEASURED.get((f, op), "-")) for f in faults))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Run:
    """The world for one operation, the counts before, and the checks after."""

    def __init__(self, client: WachtClient, emu: Emulator, op: str) -> None:
        self.client, self.emu, self.op = client, emu, op
        self.world = build_world(client, emu)
        self.effect_before = EFFECTS[op][0](client, self.world) if op in EFFECTS else 0
        self.before = emu.call_counts

    def delta(self) -> dict[str, int]:
        counts = self.emu.call_counts
        return {k: counts[k] - self.before[k] for k in counts if counts[k] != self.before[k]}

    def assert_worked_once(self) -> None:
        if self.op in EFFECTS:
            observe, change = EFFECTS[self.op]
            assert observe(self.client, self.world) == self.effect_before + change


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("op", NON_IDEMPOTENT)
def test_reaches_the_server_exactly_once_under_a_fault(
    op: str, fault: str, client: WachtClient, emu: Emulator, sleeps: list[float]
) -> None:
    run = _Run(client, emu, op)
    injected, error_class = FAULTS[fault]
    emu.inject_fault(op, injected)
    with pytest.raises(error_class) as caught:
        EMU_CALLS[op](client, run.world)
    method = NON_IDEMPOTENT[op]
    assert caught.value.not_retried_reason == f"{method} may have reached the server"
    assert f"not retried: {method} may have reached the server" in str(caught.value)
    assert caught.value.attempts == 1
    assert sleeps == []
    delta = run.delta()
    # update_oauth_app reads the current scope definitions first (one GET)
    assert delta == ({op: 1, "list_oauth_apps": 1} if op == "update_oauth_app" else {op: 1})
    MEASURED[(fault, op)] = delta[op]
    run.assert_worked_once()  # the server did the work, once, although the caller saw an error


@pytest.fixture(scope="module")
def slow_server() -> Iterator[EmulatorURL]:
    """A second emulator for read timeouts: the delayed request finishes after its test ends,
    so it must not run against the module emulator the next test resets and rebuilds."""
    with run_emulator(Emulator(seed=0, api_keys=[API_KEY])) as url:
        yield url


@pytest.mark.parametrize("op", NON_IDEMPOTENT)
def test_reaches_the_server_exactly_once_on_a_read_timeout(
    op: str, slow_server: EmulatorURL, sleeps: list[float]
) -> None:
    emu = slow_server.emulator
    with WachtClient(
        api_key=API_KEY, base_url=slow_server, timeout=httpx.Timeout(5, read=0.2)
    ) as client:
        slug = f"app-{op}"  # each test its own app: late deliveries of earlier tests don't matter
        world = build_world(client.with_options(timeout=10), emu, slug=slug)
        before = emu.call_counts
        emu.inject_fault(op, Fault.delay(0.6))
        with pytest.raises(APITimeoutError) as caught:
            EMU_CALLS[op](client, world)
    assert caught.value.not_retried_reason == f"{NON_IDEMPOTENT[op]} may have reached the server"
    assert sleeps == []
    counts = emu.call_counts  # counted on arrival, before the delay
    assert counts[op] - before[op] == 1
    MEASURED[("read_timeout", op)] = counts[op] - before[op]


@pytest.mark.parametrize("op", NON_IDEMPOTENT)
def test_429_is_retried_and_the_operation_runs_once(
    op: str, client: WachtClient, emu: Emulator, sleeps: list[float]
) -> None:
    run = _Run(client, emu, op)
    emu.inject_fault(op, Fault.rate_limit(seconds_in_message=3))
    EMU_CALLS[op](client, run.world)
    assert sleeps == [3.0]
    delta = run.delta()
    assert delta[op] == 2  # the rejected attempt and the one that ran
    MEASURED[("429", op)] = delta[op]
    run.assert_worked_once()


class _RefuseFirst(httpx.HTTPTransport):
    """Sends the next `refusals` requests to a closed port: a real ECONNREFUSED."""

    def __init__(self) -> None:
        super().__init__()
        self.refusals = 0
        self.closed_port = _closed_port()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.refusals > 0:
            self.refusals -= 1
            request.url = request.url.copy_with(port=self.closed_port)
        return super().handle_request(request)


@pytest.fixture(scope="module")
def refusing(server: EmulatorURL) -> Iterator[tuple[_RefuseFirst, WachtClient]]:
    transport = _RefuseFirst()
    with httpx.Client(transport=transport) as http:
        yield transport, WachtClient(api_key=API_KEY, base_url=server, http_client=http)


@pytest.mark.parametrize("op", NON_IDEMPOTENT)
def test_connect_refused_is_retried_and_the_operation_runs_once(
    op: str,
    client: WachtClient,
    emu: Emulator,
    refusing: tuple[_RefuseFirst, WachtClient],
    sleeps: list[float],
) -> None:
    run = _Run(client, emu, op)
    transport, refused_client = refusing
    transport.refusals = 2
    EMU_CALLS[op](refused_client, run.world)
    assert transport.refusals == 0 and len(sleeps) == 2
    delta = run.delta()
    # update_oauth_app's read absorbs the refusals (a GET); the PATCH then goes through
    assert delta == ({op: 1, "list_oauth_apps": 1} if op == "update_oauth_app" else {op: 1})
    MEASURED[("connect_refused_x2", op)] = delta[op]
    run.assert_worked_once()


def test_connect_refused_forever_never_reaches_the_server(
    client: WachtClient, emu: Emulator, sleeps: list[float]
) -> None:
    world = build_world(client, emu)
    before = emu.call_counts
    with WachtClient(api_key=API_KEY, base_url=f"http://127.0.0.1:{_closed_port()}") as refused:
        for op in NON_IDEMPOTENT:
            with pytest.raises(APIConnectionError) as caught:
                EMU_CALLS[op](refused, world)
            assert caught.value.attempts == 3 and caught.value.not_retried_reason is None
            MEASURED[("connect_refused_always", op)] = 0
    assert emu.call_counts == before
    assert len(sleeps) == 2 * len(NON_IDEMPOTENT)
