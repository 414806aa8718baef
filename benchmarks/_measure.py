"""Measurement helpers: interleaved timing ratios, import cost, RSS."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass
class Ratios:
    """Per-call time ratios, each the median over rounds of the ratio within one round."""

    generated_vs_raw: float
    facade_vs_raw: float
    facade_vs_generated: float
    spread: float  # interquartile range of facade/generated: how noisy this row was
    rounds: int


def _batch_seconds(call: Callable[[], object], n: int, clock: Callable[[], float]) -> float:
    start = clock()
    for _ in range(n):
        call()
    return (clock() - start) / n


def compare(
    calls: Mapping[str, Callable[[], object]],
    budget: float,
    clock: Callable[[], float] = time.thread_time,
    batch: float = 0.02,
) -> Ratios:
    """Time raw/generated/facade in interleaved rounds for about `budget` seconds.

    Each round times a batch of each layer back to back (rotating which goes first), so slow
    drifts of the machine hit all three alike; ratios are taken within a round, then the median
    over rounds. GC is collected between batches and paused inside them, as `timeit` does.
    The default clock is this thread's CPU time: on a shared 2-core machine, time spent
    descheduled is not the SDK's. Rows with real I/O pass `time.perf_counter` instead.
    """
    names = ("raw", "generated", "facade")
    for name in names:  # warm-up: imports, pools, caches
        for _ in range(3):
            calls[name]()
    slowest = max(_batch_seconds(calls[name], 3, time.perf_counter) for name in names)
    per_batch = max(1, int(batch / slowest))
    rounds: list[dict[str, float]] = []
    deadline = time.perf_counter() + budget
    while time.perf_counter() < deadline or len(rounds) < 15:
        order = names[len(rounds) % 3 :] + names[: len(rounds) % 3]
        times = {}
        for name in order:
            gc.collect()
            gc.disable()
            try:
                times[name] = _batch_seconds(calls[name], per_batch, clock)
            finally:
                gc.enable()
        rounds.append(times)

    def ratio(a: str, b: str) -> list[float]:
        return [r[a] / r[b] for r in rounds]

    fg = ratio("facade", "generated")
    q = statistics.quantiles(fg, n=4)
    return Ratios(
        generated_vs_raw=statistics.median(ratio("generated", "raw")),
        facade_vs_raw=statistics.median(ratio("facade", "raw")),
        facade_vs_generated=statistics.median(fg),
        spread=q[2] - q[0],
        rounds=len(rounds),
    )


def import_cumulative_us(module: str, pycache: str, prelude: str = "") -> int:
    """`python -X importtime -c "import <module>"` in a fresh process: the module's cumulative us.

    Bytecode caches go to `pycache` (not the work tree), so after a first run both modules load
    from .pyc, as an installed package would; PYTHONDONTWRITEBYTECODE would otherwise make our
    own modules compile from source on every start.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"{prelude}import {module}"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    for line in reversed(proc.stderr.splitlines()):
        # "import time:   self [us] | cumulative | imported package"
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == module:
            return int(parts[1])
    raise RuntimeError(f"no importtime line for {module}")


def import_ratio(
    module: str, baseline: str, runs: int = 10, prelude: str = ""
) -> tuple[float, float]:
    """(median(module) / median(baseline), median of per-pair ratios), interleaved pairs.

    `prelude` runs first in both processes (e.g. to hide optional packages)."""
    ours, theirs, pairs = [], [], []
    with tempfile.TemporaryDirectory() as pycache:
        import_cumulative_us(module, pycache, prelude)  # writes the bytecode caches
        import_cumulative_us(baseline, pycache, prelude)
        for i in range(runs):
            if i % 2:
                b = import_cumulative_us(baseline, pycache, prelude)
                a = import_cumulative_us(module, pycache, prelude)
            else:
                a = import_cumulative_us(module, pycache, prelude)
                b = import_cumulative_us(baseline, pycache, prelude)
            ours.append(a)
            theirs.append(b)
            pairs.append(a / b)
    return statistics.median(ours) / statistics.median(theirs), statistics.median(pairs)


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
