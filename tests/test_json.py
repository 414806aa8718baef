"""`_json.loads` is `json.loads`: same result, same exception type, with msgspec or without."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wacht_oauth_client import _json

EDGE_CASES = {
    "ids beyond 2^64": b'{"id": 18446744073709551616, "neg": -9223372036854775809}',
    "2^53 + 1": b'{"id": 9007199254740993}',
    "4300-digit integer": b"[" + b"9" * 4300 + b"]",
    "-4300-digit integer": b"[-" + b"9" * 4300 + b"]",
    "4301-digit integer": b"[" + b"9" * 4301 + b"]",
    "NaN and Infinity": b"[NaN, Infinity, -Infinity]",
    "UTF-8 BOM": b'\xef\xbb\xbf{"a": 1}',
    "UTF-16": '{"a": "é"}'.encode("utf-16"),
    "duplicate keys": b'{"a": 1, "b": 2, "a": 3}',
    "deeply nested": b'{"apps":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "float out of range": b"[1e400, -1e400]",
    "float precision": b"[0.1, 5e-324, 1.7976931348623157e308, 1.00000000000000011102230246251565]",
    "lone surrogate escape": b'["\\ud800"]',
    "surrogate bytes": b'["\xed\xa0\x80"]',
    "invalid UTF-8": b'["\xff"]',
    "escapes": b'{"\\u00e9": "\\ud83d\\ude00\\n\\t\\/\\"\\u0000"}',
    "empty": b"",
    "truncated": b'{"apps":[{"id":"73000000',
    "HTML": b"<html><body>Bad gateway</body></html>",
    "trailing data": b"[1] x",
    "trailing comma": b"[1,]",
    "control character": b'["a\x01"]',
    "leading zero": b"[01]",
    "null": b"null",
    "whitespace": b' \t\r\n{"a": [true, false, null]} \n',
    "non-breaking space": b"\xc2\xa0[1]",
}


def _outcome(loads: Any, content: bytes) -> tuple[str, Any]:
    try:
        value = loads(content)
    except RecursionError:
        return ("raises", "RecursionError")
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, the int-digits limit
        return ("raises", type(exc).__name__)
    return ("ok", _typed(value))


def _typed(value: Any) -> Any:
    """The value with every leaf's type, NaN made comparable, and dict order kept."""
    if isinstance(value, dict):
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


@contextmanager
def decoding_with(decoder: str) -> Iterator[None]:
    """`_json` switched to msgspec (pinned in requirements-dev.lock) or to the stdlib alone."""
    saved = (_json._fast_decode, _json._FastDecodeErrors, _json._stdlib_bytes)
    if decoder == "msgspec":
        assert _json.use_msgspec()
    else:
        _json._fast_decode, _json._stdlib_bytes = None, _json.FAST_AFTER_BYTES
    try:
        yield
    finally:
        _json._fast_decode, _json._FastDecodeErrors, _json._stdlib_bytes = saved


DECODERS = ["msgspec", "stdlib"]


@pytest.mark.parametrize("decoder", DECODERS)
@pytest.mark.parametrize("content", EDGE_CASES.values(), ids=EDGE_CASES)
def test_edge_cases_match_the_standard_library(decoder: str, content: bytes) -> None:
    with decoding_with(decoder):
        assert _outcome(_json.loads, content) == _outcome(json.loads, content)


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(value=_json_values, mutation=st.binary(max_size=3), at=st.integers(min_value=0))
def test_random_documents_and_corruptions_match_the_standard_library(
    value: Any, mutation: bytes, at: int
) -> None:
    content = json.dumps(value).encode()
    at %= len(content) + 1
    for body in (content, content[:at] + mutation + content[at:]):
        expected = _outcome(json.loads, body)
        for decoder in DECODERS:
            with decoding_with(decoder):
                assert _outcome(_json.loads, body) == expected, decoder


def test_a_fresh_process_switches_to_msgspec_after_its_first_mebibytes() -> None:
    code = """
import sys
from wacht_oauth_client import _json
assert "msgspec" not in sys.modules
body = b'{"grants": [' + b",".join([b'{"id": "1"}'] * 20_000) + b"]}"
calls = 0
while _json._fast_decode is None:
    assert _json.loads(body)["grants"][0] == {"id": "1"}
    calls += 1
assert "msgspec" in sys.modules and _json.loads(body)["grants"][-1] == {"id": "1"}
print(calls, len(body))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    calls, size = map(int, out.stdout.split())
    assert calls == -(-_json.FAST_AFTER_BYTES // size)


def test_without_msgspec_the_standard_library_decodes_everything() -> None:
    code = """
import sys
sys.modules["msgspec"] = None  # as if the speedups extra were not installed
from wacht_oauth_client import _json
body = b'[' + b'1,' * 600_000 + b'1]'
for _ in range(4):  # past FAST_AFTER_BYTES: the switch is tried, and fails quietly
    assert _json.loads(body)[-1] == 1
assert _json._stdlib_bytes >= _json.FAST_AFTER_BYTES and _json._fast_decode is None
"""
    subprocess.run([sys.executable, "-c", code], check=True)
