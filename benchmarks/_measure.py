"""Measurement helpers: interleaved timing ratios with their spread, process costs, RSS."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Spread:
    """A ratio over rounds: the median, the interquartile range and the extremes."""

    median: float
    p25: float
    p75: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
        return cls(statistics.median(values), q[0], q[2], min(values), max(values), len(values))

    def __str__(self) -> str:
        return f"{self.median:.2f}× ({self.p25:.2f}–{self.p75:.2f})"


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
) -> dict[str, Spread]:
    """Time every layer in interleaved rounds for about `budget` seconds.

    Returns, for each layer but "raw", the spread over rounds of (layer time / raw time) within
    the same round, plus "facade/generated". Each round times a batch of each layer back to back
    (rotating which goes first), so slow drifts of the machine hit all layers alike. GC is
    collected between batches and paused inside them, as `timeit` does. The default clock is
    this thread's CPU time: on a shared 2-core machine, time spent descheduled is not the SDK's.
    """
    names = list(calls)
    for name in names:  # warm-up: imports, pools, caches
        for _ in range(3):
            calls[name]()
    slowest = max(_batch_seconds(calls[name], 3, time.perf_counter) for name in names)
    per_batch = max(1, int(batch / slowest))
    rounds: list[dict[str, float]] = []
    deadline = time.perf_counter() + budget
    while time.perf_counter() < deadline or len(rounds) < 15:
        shift = len(rounds) % len(names)
        times = {}
        for name in names[shift:] + names[:shift]:
            gc.collect()
            gc.disable()
            try:
                times[name] = _batch_seconds(calls[name], per_batch, clock)
            finally:
                gc.enable()
        rounds.append(times)

    def ratio(a: str, b: str) -> Spread:
        return Spread.of([r[a] / r[b] for r in rounds])

    result = {name: ratio(name, "raw") for name in names if name != "raw"}
    if "facade" in calls and "generated" in calls:
        result["facade/generated"] = ratio("facade", "generated")
    return result


@contextmanager
def bytecode_cache() -> Iterator[dict[str, str]]:
    """An environment whose bytecode caches go to a temporary folder (not the work tree), so
    that after a first run every module loads from .pyc, as an installed package would;
    PYTHONDONTWRITEBYTECODE would otherwise make our own modules compile on every start."""
    import tempfile

    with tempfile.TemporaryDirectory() as pycache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pycache
        yield env


def import_cumulative_us(module: str, env: dict[str, str], prelude: str = "") -> int:
    """`python -X importtime -c "import <module>"` in a fresh process: its cumulative us."""
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


def process_cpu_seconds(code: str, env: dict[str, str]) -> float:
    """CPU time of a fresh `python -c code` from its start (interpreter start-up included) to
    the end of `code`, which must not print anything itself."""
    script = f"{code}\nimport time as _t\nprint(_t.process_time())"
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    return float(proc.stdout.strip().splitlines()[-1])


def paired_ratio(ours: Callable[[], float], theirs: Callable[[], float], pairs: int) -> Spread:
    """Spread of ours()/theirs() over `pairs` runs, alternating which of the two goes first."""
    ours(), theirs()  # warm the bytecode caches and the OS file cache
    ratios = []
    for i in range(pairs):
        if i % 2:
            b, a = theirs(), ours()
        else:
            a, b = ours(), theirs()
        ratios.append(a / b)
    return Spread.of(ratios)


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
