"""JSON decoding of response bodies, in one place."""

from __future__ import annotations

import json
from typing import Any


def loads(content: bytes) -> Any:
    """Decode a response body (UTF-8/16/32, as httpx's `Response.json()`); ValueError if bad."""
    return json.loads(content)
