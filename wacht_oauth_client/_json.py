"""JSON decoding of response bodies: `json.loads` semantics, faster with the `speedups` extra.

`loads(content)` returns what `json.loads(content)` returns and raises what it raises: a
`ValueError` on bad JSON, `RecursionError` past the interpreter's recursion limit.

With the extra installed, bodies are decoded by msgspec's untyped decoder, about twice as fast
(numbers in docs/performance.md). Where it succeeds its result is the standard library's:
integers of any size stay exact, duplicate keys keep the last value, nesting is bounded by the
same recursion limit (give or take a couple of levels). What it refuses and the standard library
accepts (NaN and Infinity, a byte-order mark, UTF-16/32, lone surrogates, floats out of range,
integers of 4300 digits) goes to `json.loads`, which then gives its own result or error.

Importing msgspec costs ~10 ms of CPU, what its speed saves on ~4 MiB of JSON. So a process
switches to it once the standard library has decoded `FAST_AFTER_BYTES` (that much), the
ski-rental rule: never more than about twice the cost of the best choice in hindsight. A script
making a few calls never pays the import; a service pays it after a hundred or so list calls.

orjson would be as fast, but it turns integers beyond 64 bits into floats instead of failing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

FAST_AFTER_BYTES = 4 << 20

_fast_decode: Callable[[bytes], Any] | None = None
_FastDecodeErrors: tuple[type[Exception], ...] = ()
_stdlib_bytes = 0  # decoded by json.loads before the switch (updated without a lock: a hint)


def loads(content: bytes) -> Any:
    global _stdlib_bytes
    if _fast_decode is not None:
        try:
            return _fast_decode(content)
        except _FastDecodeErrors:
            pass  # the standard library decides: its result, or its error
    elif _stdlib_bytes < FAST_AFTER_BYTES:
        _stdlib_bytes += len(content)
        if _stdlib_bytes >= FAST_AFTER_BYTES:
            use_msgspec()
    return json.loads(content)


def use_msgspec() -> bool:
    """Switch to msgspec now, if it is installed; True if it is in use."""
    global _fast_decode, _FastDecodeErrors, _stdlib_bytes
    _stdlib_bytes = FAST_AFTER_BYTES  # decided: never count again
    try:
        import msgspec
    except ImportError:  # no speedups extra: the standard library alone
        return False
    # msgspec before 0.19 raises UnicodeDecodeError, not DecodeError, on a lone surrogate.
    _FastDecodeErrors = (msgspec.DecodeError, UnicodeDecodeError)
    _fast_decode = msgspec.json.decode
    return True
