"""`make bench`: the SDK's cost over raw httpx and over the bare generated code, as one table.

Every figure is a ratio measured in this run (or a count / a memory delta), never a bare time:
1. per-call time on an in-memory `httpx.MockTransport` serving identical canned bytes;
2. the same against the emulator on a local port with keep-alive, with the TCP connect count;
3. `python -X importtime -c "import wacht_oauth_client"` vs `import httpx`, fresh processes;
4. RSS growth over 10,000 calls from 16 threads sharing one client, after a warm-up.

`BENCH_SECONDS` (default 7) is the time budget of each timed row.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import _cases as cases
import _measure as measure
import _parse_floor

BUDGET = float(os.environ.get("BENCH_SECONDS", "7"))
SEQUENTIAL_CALLS = 200
MEMORY_THREADS = 16
MEMORY_CALLS = 10_000
MEMORY_WARMUP = 5_000
MIB = 1024 * 1024


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.header = ("row", "gen/raw", "facade/raw", "facade/gen", "±", "target", "met")

    def add(self, *cells: str) -> None:
        self.rows.append(cells)
        print("  " + " | ".join(cells), file=sys.stderr, flush=True)

    def render(self) -> str:
        widths = [max(len(r[i]) for r in [self.header, *self.rows]) for i in range(7)]

        def line(cells: tuple[str, ...]) -> str:
            return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

        rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        return "\n".join([line(self.header), rule, *(line(r) for r in self.rows)])


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def timed_row(
    table: Table,
    label: str,
    calls: dict[str, cases.Call],
    raw_target: float | None,
    wall: bool = False,
    half: bool = False,
) -> None:
    # Real sockets: waiting for the server is part of what a user feels, so wall-clock time.
    budget = BUDGET / 2 if half else BUDGET
    r = measure.compare(calls, budget, clock=time.perf_counter if wall else time.thread_time)
    targets = ["facade/gen ≤ 1.05"]
    ok = r.facade_vs_generated <= 1.05
    if raw_target is not None:
        targets.append(f"facade/raw ≤ {raw_target}")
        ok = ok and r.facade_vs_raw <= raw_target
    table.add(
        label,
        f"{r.generated_vs_raw:.2f}×",
        f"{r.facade_vs_raw:.2f}×",
        f"{r.facade_vs_generated:.3f}×",
        f"{r.spread:.3f}",
        ", ".join(targets),
        _yes(ok) + (" (stretch ≤ 1.6: " + _yes(r.facade_vs_raw <= 1.6) + ")" if raw_target else ""),
    )


def mock_rows(table: Table) -> None:
    ids3 = (cases.DEPLOYMENT, cases.APP, cases.CLIENT_ID)
    for n in (1, 100, 1000):
        layers = cases.Layers.build("https://api.wacht.test", cases.mock_transport(grants=n))
        timed_row(
            table,
            f"mock list_oauth_grants ({n:,} grants)",
            cases.list_grants(layers, ids3),
            2.1 if n == 100 else None,
        )
        layers.close()
    # The stretch goal's what-ifs: the same list-of-100 row with a faster OAuthGrant.from_dict.
    layers = cases.Layers.build("https://api.wacht.test", cases.mock_transport(grants=100))
    for label, patch in _parse_floor.VARIANTS.items():
        with patch():
            timed_row(
                table, f"  └ 100 grants, {label}", cases.list_grants(layers, ids3), 2.1, half=True
            )
    layers.close()
    layers = cases.Layers.build("https://api.wacht.test", cases.mock_transport(grants=1))
    timed_row(
        table,
        "mock create_oauth_client",
        cases.create_client(layers, (cases.DEPLOYMENT, cases.APP)),
        None,
    )
    timed_row(table, "mock rotate_oauth_client_secret", cases.rotate_secret(layers, ids3), None)
    timed_row(
        table,
        "mock create_oauth_app (50 KB logo)",
        cases.create_app(layers, cases.DEPLOYMENT, lambda: cases.APP),
        None,
    )
    layers.close()


@contextmanager
def emulator_process() -> Iterator[tuple[str, tuple[str, str, str], Callable[[], int]]]:
    """(base URL, (deployment, app, client id), accepted-connection counter) of a seeded
    emulator running in a child process."""
    here = os.path.dirname(os.path.abspath(__file__))
    proc = subprocess.Popen(
        [sys.executable, os.path.join(here, "_emulator_proc.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout
    try:
        hello = json.loads(stdout.readline())

        def connections() -> int:
            stdin.write("connections\n")
            stdin.flush()
            return int(stdout.readline())

        yield hello["url"], tuple(hello["ids"]), connections
    finally:
        stdin.close()
        proc.wait(timeout=30)


def emulator_rows(table: Table) -> None:
    with emulator_process() as (base_url, ids, connections):
        layers = cases.Layers.build(base_url, None)
        rows = [
            ("list_oauth_grants (100 grants)", cases.list_grants(layers, ids)),
            ("create_oauth_client", cases.create_client(layers, ids[:2])),
            ("rotate_oauth_client_secret", cases.rotate_secret(layers, ids)),
        ]
        # No create_oauth_app row here: the emulator's multipart parsing dominates it, grows as
        # apps accumulate, and depends on the boundary (the generated code fixes it to "+++"),
        # so that row would compare server work, not SDK overhead. The mock row covers it.
        for label, calls in rows:
            timed_row(table, f"emulator {label}", calls, None, wall=True)
        layers.close()
        # N sequential calls per layer on a fresh pool; the server counts accepted connections.
        counts = []
        for name in ("raw", "generated", "facade"):
            fresh = cases.Layers.build(base_url, None)
            before = connections()
            call = cases.rotate_secret(fresh, ids)[name]
            for _ in range(SEQUENTIAL_CALLS):
                call()
            counts.append(connections() - before)
            fresh.close()
    table.add(
        f"emulator: TCP connections for {SEQUENTIAL_CALLS} sequential calls",
        f"raw {counts[0]}",
        f"facade {counts[2]}",
        f"gen {counts[1]}",
        "",
        "1 connection",
        _yes(counts[2] == 1),
    )


# httpx imports its optional CLI (click, rich, pygments) when they are installed, as in this
# venv; a production environment usually lacks them, making `import httpx` cheaper and our
# share larger. The second row hides them from both processes.
_NO_HTTPX_CLI = "import sys; sys.modules.update(click=None, rich=None, pygments=None); "


def import_row(table: Table) -> None:
    for label, prelude in (("", ""), (", no click/rich", _NO_HTTPX_CLI)):
        ratio, paired = measure.import_ratio("wacht_oauth_client", "httpx", 10, prelude)
        table.add(
            f"import wacht_oauth_client / import httpx (cold, median of 10{label})",
            "",
            f"{ratio:.2f}×",
            "",
            f"pairs {paired:.2f}×",
            "≤ 1.5×",
            _yes(ratio <= 1.5),
        )


def memory_growth(layer: str) -> tuple[list[int], int]:
    """RSS growth after each 2,000 of 10,000 calls (16 threads, one client), and the change in
    live Python objects, both from the end of a 5,000-call warm-up (by then glibc's per-thread
    malloc arenas have grown to their working size)."""
    layers = cases.Layers.build("https://api.wacht.test", cases.mock_transport(grants=100))
    ids3 = (cases.DEPLOYMENT, cases.APP, cases.CLIENT_ID)
    mix = [
        cases.list_grants(layers, ids3)[layer],
        cases.create_client(layers, ids3[:2])[layer],
        cases.rotate_secret(layers, ids3)[layer],
        cases.create_app(layers, cases.DEPLOYMENT, lambda: cases.APP)[layer],
    ]

    def run(total: int) -> None:
        counter = itertools.count()
        errors: list[BaseException] = []

        def worker() -> None:
            try:
                while (i := next(counter)) < total:
                    mix[i % len(mix)]()
            except BaseException as exc:  # surfaced below
                errors.append(exc)

        threads = [threading.Thread(target=worker) for _ in range(MEMORY_THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]

    run(MEMORY_WARMUP)
    gc.collect()
    start, objects = measure.rss_bytes(), len(gc.get_objects())
    samples = []
    for _ in range(5):
        run(MEMORY_CALLS // 5)
        gc.collect()
        samples.append(measure.rss_bytes() - start)
    objects = len(gc.get_objects()) - objects - 1  # minus the samples list itself
    layers.close()
    return samples, objects


def memory_row(table: Table) -> None:
    samples, objects = memory_growth("facade")
    raw_samples, _ = memory_growth("raw")
    table.add(
        f"RSS growth, {MEMORY_CALLS:,} calls × {MEMORY_THREADS} threads, one client",
        f"raw {raw_samples[-1] / MIB:+.1f} MB",
        f"{samples[-1] / MIB:+.2f} MB",
        f"{objects:+d} live objects",
        "total after each 2k: " + " ".join(f"{s / MIB:+.1f}" for s in samples),
        "< 5 MB, flat",
        _yes(max(samples) < 5 * MIB),
    )


def main() -> None:
    started = time.perf_counter()
    table = Table()
    print("per-call overhead, in-memory MockTransport:", file=sys.stderr)
    mock_rows(table)
    print("against the emulator (keep-alive):", file=sys.stderr)
    emulator_rows(table)
    import_row(table)
    memory_row(table)
    print()
    print(table.render())
    print()
    print(
        "Ratios of per-call time: median over interleaved rounds of same-round ratios; "
        "'±' = interquartile range of facade/gen."
    )
    print(f"(make bench's own run time: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
