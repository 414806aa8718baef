"""`wacht-oauth --json apps list` against a local server vs a bare `python -c` doing the same.

A CLI in a shell script pays its start-up on every call. Both sides run as fresh processes,
interleaved (A B, then B A, ...), against the emulator in its own process with one app:

- cli:  wacht-oauth --json apps list
- bare: python -c "import httpx, json; r = httpx.get(...); print(json.dumps(r.json(), indent=2))"

Printed: the ratio cli/bare per round (median, IQR and min-max), for wall time and for the CPU
time of the child process. Target (issue 13): the median wall ratio <= 1.5.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROUNDS = int(os.environ.get("CLI_ROUNDS", "21"))
KEY = "wacht_bench_sk_cli"
BIN = Path(sys.executable).parent
BARE = (
    "import httpx, json, os\n"
    "r = httpx.get(os.environ['WACHT_BASE_URL'] + '/oauth/apps',"
    " headers={'Authorization': 'Bearer ' + os.environ['WACHT_API_KEY']})\n"
    "r.raise_for_status()\n"
    "print(json.dumps(r.json()['apps'], indent=2))\n"
)


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, child CPU seconds, stdout) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout


def _spread(ratios: list[float]) -> str:
    q1, median, q3 = statistics.quantiles(ratios, n=4)
    return (
        f"median {statistics.median(ratios):.2f}x  IQR {q1:.2f}-{q3:.2f}  "
        f"min-max {min(ratios):.2f}-{max(ratios):.2f}"
    )


def main() -> int:
    emulator = subprocess.Popen(
        [sys.executable, "-m", "wacht_oauth_client.testing.emulator", "--port", "0"]
        + ["--api-key", KEY],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert emulator.stdout is not None
        url = emulator.stdout.readline().rsplit(" ", 1)[1].strip()
        env = {**os.environ, "WACHT_API_KEY": KEY, "WACHT_BASE_URL": url}
        env.pop("WACHT_DEPLOYMENT_ID", None)
        seed = [str(BIN / "wacht-oauth"), "apps", "create", "--slug", "bench", "--name", "Bench"]
        subprocess.run(seed, env=env, check=True, capture_output=True)
        cli = [str(BIN / "wacht-oauth"), "--json", "apps", "list"]
        bare = [sys.executable, "-c", BARE]
        slugs = [[a["slug"] for a in json.loads(_timed(c, env)[2])] for c in (cli, bare)]
        assert slugs == [["bench"], ["bench"]]  # the same work
        wall: list[float] = []
        cpu: list[float] = []
        for n in range(ROUNDS):
            order = [(cli, "cli"), (bare, "bare")][:: 1 if n % 2 == 0 else -1]
            got = {name: _timed(argv, env) for argv, name in order}
            wall.append(got["cli"][0] / got["bare"][0])
            cpu.append(got["cli"][1] / got["bare"][1])
    finally:
        emulator.terminate()
        emulator.wait()
    print(f"CLI start-up, {ROUNDS} interleaved rounds: wacht-oauth --json apps list / bare httpx")
    print(f"  wall: {_spread(wall)}")
    print(f"  CPU:  {_spread(cpu)}")
    met = statistics.median(wall) <= 1.5
    print(f"  target: median wall <= 1.50x: {'met' if met else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
