"""The facade's per-call cost in this tree against another git revision, in one process.

    .venv/bin/python benchmarks/compare_revisions.py REV    # e.g. main~5, a tag, a commit

For "no per-call regression over N%" checks: separate `make bench` runs on a shared machine
differ by more than that, so both versions run here side by side. The other revision's
`wacht_oauth_client` is extracted (`git archive`) under another package name; the package
imports itself relatively, so both load at once. Each operation of `_cases` runs through
`client.oauth` of both versions on the same `MockTransport` bytes, in interleaved rounds of
thread CPU time (`_measure.compare`), with msgspec in use in both (a long-running process).

Prints "this tree / REV: median (25th–75th percentile)" per operation: above 1.00× is slower.
`BENCH_SECONDS` (default 7) is each row's budget.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import Any

import _cases as cases
import _measure as measure
import httpx

ROOT = Path(__file__).resolve().parent.parent
BUDGET = float(os.environ.get("BENCH_SECONDS", "7"))
GRANT_COUNTS = (1, 100, 1000)


def extract(rev: str, into: Path) -> str:
    """`wacht_oauth_client` as of `rev`, as the package `wacht_oauth_client_rev` in `into`."""
    archive = subprocess.run(
        ["git", "archive", rev, "wacht_oauth_client"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    name = "wacht_oauth_client_rev"
    (into / "wacht_oauth_client").rename(into / name)
    return name


def operations(package: str) -> dict[str, Callable[[], object]]:
    """The benchmarked calls through `client.oauth` of one version of the SDK."""
    sdk: ModuleType = importlib.import_module(package)
    importlib.import_module(f"{package}._json").use_msgspec()
    models = importlib.import_module(f"{package}.models")

    def oauth(grants: int) -> Any:
        http = httpx.Client(transport=cases.mock_transport(grants))
        return sdk.WachtClient(
            api_key=cases.API_KEY, base_url="http://wacht.test", http_client=http
        ).oauth

    client_request = models.CreateOAuthClientRequest(
        client_auth_method="client_secret_basic",
        grant_types=["authorization_code"],
        redirect_uris=["https://app.example.com/callback"],
    )
    app_request = models.CreateOAuthAppRequest(
        slug=cases.APP, name="Bench app", supported_scopes=["read", "write"], logo_file=cases.LOGO
    )
    ids = (cases.DEPLOYMENT, cases.APP, cases.CLIENT_ID)
    calls: dict[str, Callable[[], object]] = {}
    listings = {n: oauth(n) for n in GRANT_COUNTS}
    for n in GRANT_COUNTS:
        calls[f"list_oauth_grants ({n:,} grants)"] = lambda o=listings[n]: o.list_oauth_grants(*ids)
    o = oauth(1)
    calls["create_oauth_client"] = lambda: o.create_oauth_client(*ids[:2], client_request)
    calls["rotate_oauth_client_secret"] = lambda: o.rotate_oauth_client_secret(*ids)
    calls["create_oauth_app (50 KB logo)"] = lambda: o.create_oauth_app(ids[0], app_request)
    return calls


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rev = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, tmp)
        theirs = operations(extract(rev, Path(tmp)))
        ours = operations("wacht_oauth_client")
        print(f"this tree / {rev}, per call (thread CPU time, median (IQR) over rounds):")
        for name, call in ours.items():
            # `compare` divides by its "raw" entry: here, the other revision.
            s = measure.compare({"raw": theirs[name], "this tree": call}, BUDGET)["this tree"]
            print(f"  {name:33} {s.median:.3f}× ({s.p25:.3f}–{s.p75:.3f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
