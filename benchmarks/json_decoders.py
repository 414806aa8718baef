"""The JSON decoder choice of `wacht_oauth_client._json`, measured (docs/performance.md).

    .venv/bin/python benchmarks/json_decoders.py      # orjson too, if installed

For the list-of-grants bodies of `make bench`: each candidate's decode time as a ratio to
`json.loads` (CPU time, interleaved rounds, median and interquartile range), and whether it
decodes the fault matrix's inputs like `json.loads` or refuses them (then `_json` falls back).
Not part of `make bench`: it informs a decision, it does not guard one (tests/test_json.py does).
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable
from typing import Any

import _cases as cases
import _measure as measure

CHECKS = {
    "integer beyond 2^64": b"[18446744073709551616]",
    "integer below -2^63": b"[-9223372036854775809]",
    "NaN": b"[NaN]",
    "UTF-8 BOM": b"\xef\xbb\xbf[1]",
    "duplicate keys": b'{"a": 1, "a": 2}',
    "100,000 levels deep": b"[" * 100_000 + b"]" * 100_000,
}


def _candidates() -> dict[str, Callable[[bytes], Any]]:
    found: dict[str, Callable[[bytes], Any]] = {"json.loads": json.loads}
    for name, attribute in (("msgspec", "json.decode"), ("orjson", "loads")):
        try:
            module: Any = importlib.import_module(name)
        except ImportError:
            continue
        for part in attribute.split("."):
            module = getattr(module, part)
        found[name] = module
    return found


def _verdict(decode: Callable[[bytes], Any], content: bytes) -> str:
    def outcome(f: Callable[[bytes], Any]) -> Any:
        try:
            value = f(content)
        except RecursionError:
            return "RecursionError"
        except Exception:
            return "refused"
        return ("ok", repr(value)[:200], [type(v) for v in value] if isinstance(value, list) else 0)

    ours, stdlib = outcome(decode), outcome(json.loads)
    if ours == stdlib:
        return "same as json.loads"
    if ours == "refused":
        return "refuses (fallback)"
    return f"DIFFERENT: {str(ours[1])[:40]}"


def main() -> None:
    decoders = _candidates()
    for n in (100, 1000):
        body = cases.grants_body(n)
        calls = {"raw": lambda body=body: json.loads(body)}
        calls.update({k: (lambda f=f, body=body: f(body)) for k, f in decoders.items()})
        del calls["json.loads"]
        spreads = measure.compare(calls, 5.0, clock=time.thread_time)
        row = ", ".join(f"{k} {v}" for k, v in spreads.items())
        print(f"{n:,} grants ({len(body) // 1024} KiB), decode time / json.loads: {row}")
    others = {k: f for k, f in decoders.items() if k != "json.loads"}
    for label, content in CHECKS.items():
        verdicts = ", ".join(f"{k}: {_verdict(f, content)}" for k, f in others.items())
        print(f"{label}: {verdicts}")


if __name__ == "__main__":
    main()
