"""One `WachtClient` shared by 16 threads doing 1,000 mixed calls against the emulator on a real
port: no errors, correct results, a bounded pool and no leaked sockets."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter

from wacht_oauth_client import WachtClient
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, EmulatorURL

from ._support import API_KEY, DEP

THREADS = 16
CALLS = 1000
SLUG = "shared"


def _open_sockets() -> int:
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except OSError:  # closed between listdir and readlink
            pass
    return count


def _settle(expected: int) -> int:
    """Server threads close their side asynchronously: wait (up to 5 s) for the count."""
    deadline = time.monotonic() + 5
    while (current := _open_sockets()) != expected and time.monotonic() < deadline:
        time.sleep(0.02)
    return current


class Worker:
    """One thread's share of the calls, with its own scope, client and grants."""

    def __init__(self, number: int, client: WachtClient, calls: int) -> None:
        self.n = number
        self.scope = f"s{number}"
        self.client = (
            client if number % 2 else client.with_options(extra_headers={"X-T": str(number)})
        )
        self.calls = calls
        self.client_id = ""
        self.grants: list[str] = []
        self.tally: Counter[str] = Counter()
        self.created: list[str] = []
        self.secrets: list[str] = []
        self.last_display_name = ""
        self.errors: list[BaseException] = []
        self.oauth_ids: set[int] = set()

    def setup(self, setup: WachtClient, emu: Emulator) -> None:
        created = setup.oauth.create_oauth_client(DEP, SLUG, self._client_request("base"))
        self.client_id = created.id
        self.grants = [
            str(emu.add_grant(DEP, SLUG, created.id, scopes=[self.scope])["id"]) for _ in range(10)
        ]

    def _client_request(self, tag: str) -> m.CreateOAuthClientRequest:
        return m.CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code"],
            redirect_uris=[f"https://t{self.n}.example/cb"],
            client_name=f"t{self.n}-{tag}",
        )

    def _step(self, i: int) -> None:
        oauth = self.client.oauth
        self.oauth_ids.add(id(oauth))
        kind = i % 9
        if kind == 0:
            self.tally["list_oauth_apps"] += 1
            assert [a.slug for a in oauth.list_oauth_apps(DEP)] == [SLUG]
        elif kind == 1:
            self.tally["list_oauth_clients"] += 1
            assert self.client_id in {c.id for c in oauth.list_oauth_clients(DEP, SLUG)}
        elif kind == 2:
            self.tally["create_oauth_client"] += 1
            created = oauth.create_oauth_client(DEP, SLUG, self._client_request(str(i)))
            assert created.client_name == f"t{self.n}-{i}"  # my response, not another thread's
            self.created.append(created.id)
        elif kind == 3:
            self.tally["list_oauth_grants"] += 1
            grants = oauth.list_oauth_grants(DEP, SLUG, self.client_id)
            assert {g.id for g in grants} == set(self.grants)
        elif kind == 4:
            self.tally["update_oauth_scope"] += 1
            name = f"t{self.n} step {i}"
            app = oauth.update_oauth_scope(
                DEP, SLUG, self.scope, m.UpdateOAuthScopeRequest(display_name=name)
            )
            mine = next(d for d in app.scope_definitions if d.scope == self.scope)
            assert mine.display_name == name
            self.last_display_name = name
        elif kind == 5:
            self.tally["rotate_oauth_client_secret"] += 1
            secret = oauth.rotate_oauth_client_secret(DEP, SLUG, self.client_id).client_secret
            self.secrets.append(secret)
        elif kind == 6:
            self.tally["revoke_oauth_grant"] += 1
            grant = self.grants[(i // 9) % len(self.grants)]
            assert oauth.revoke_oauth_grant(DEP, SLUG, self.client_id, grant) is None
        elif kind == 7:
            self.tally["list_signing_keys"] += 1
            assert len(oauth.list_signing_keys(DEP, SLUG)) == 1
        else:
            self.tally["update_oauth_client"] += 1
            updated = oauth.update_oauth_client(
                DEP, SLUG, self.client_id, m.UpdateOAuthClientRequest(client_name=f"t{self.n}-u{i}")
            )
            assert (updated.id, updated.client_name) == (self.client_id, f"t{self.n}-u{i}")

    def run(self, start: threading.Barrier) -> None:
        start.wait()
        for i in range(self.calls):
            try:
                self._step(i + self.n)
            except BaseException as exc:  # collected, asserted empty by the test
                self.errors.append(exc)


def test_one_client_shared_by_16_threads(server: EmulatorURL, emu: Emulator) -> None:
    sockets_before = _open_sockets()
    client = WachtClient(api_key=API_KEY, base_url=server)
    max_connections = client._http._transport._pool._max_connections  # type: ignore[attr-defined]
    workers = [Worker(n, client, CALLS // THREADS + (n < CALLS % THREADS)) for n in range(THREADS)]
    assert sum(w.calls for w in workers) == CALLS
    with WachtClient(api_key=API_KEY, base_url=server) as setup:
        setup.oauth.create_oauth_app(
            DEP,
            m.CreateOAuthAppRequest(
                slug=SLUG, name="Shared", supported_scopes=[f"s{n}" for n in range(THREADS)]
            ),
        )
        for worker in workers:
            worker.setup(setup, emu)
    # the set-up client left nothing open
    assert _settle(sockets_before) == sockets_before
    connections_before = server.connections
    # untouched so far: the threads race for its lazy set-up
    assert client._oauth is None and not client._endpoints
    counts_before = emu.call_counts
    # all threads start together, so the lazy `client.oauth`/generated-client set-up races
    start = threading.Barrier(THREADS)
    threads = [threading.Thread(target=w.run, args=(start,)) for w in workers]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    took = time.perf_counter() - began

    # 0 errors
    errors = [error for w in workers for error in w.errors]
    assert errors == []

    # the server saw exactly the calls we made
    tally: Counter[str] = sum((w.tally for w in workers), Counter())
    assert sum(tally.values()) == CALLS
    counts = emu.call_counts
    assert {
        op: counts[op] - counts_before[op] for op in counts if counts[op] != counts_before[op]
    } == dict(tally)

    # results are correct
    reader = client.with_options(max_retries=0)
    listed = [c.id for c in reader.oauth.list_oauth_clients(DEP, SLUG)]
    created = [cid for w in workers for cid in w.created] + [w.client_id for w in workers]
    assert len(listed) == len(set(listed)) == len(created)
    assert Counter(listed) == Counter(created)  # every created client exactly once
    secrets = [s for w in workers for s in w.secrets]
    assert len(secrets) == tally["rotate_oauth_client_secret"] == len(set(secrets))
    app = reader.oauth.list_oauth_apps(DEP)[0]
    names = {d.scope: d.display_name for d in app.scope_definitions}
    assert names == {w.scope: w.last_display_name for w in workers}
    for worker in workers:
        statuses = Counter(
            g.status for g in reader.oauth.list_oauth_grants(DEP, SLUG, worker.client_id)
        )
        revoked = min(worker.tally["revoke_oauth_grant"], len(worker.grants))
        assert statuses == Counter({"revoked": revoked, "active": len(worker.grants) - revoked})

    # lazy initialisation happened once per client object
    shared_ids = {i for w in workers if w.client is client for i in w.oauth_ids}
    assert shared_ids == {id(client.oauth)}

    # a bounded pool: never more connections than concurrent callers (16), nor the pool's max
    opened = server.connections - connections_before
    assert 1 <= opened <= THREADS <= max_connections
    print(f"\n{CALLS} calls from {THREADS} threads in {took:.2f} s over {opened} TCP connections")

    # ...and none leaked: closing the client closes every socket it opened
    client.close()
    assert _settle(sockets_before) == sockets_before
