"""Canned misbehaviours the emulator can answer with instead of (or after) the real operation."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Literal

FaultKind = Literal["respond", "delay", "drop"]


class DropConnection(ConnectionAbortedError):
    """Raised inside the WSGI app to make the server hang up without (finishing) a response.

    It subclasses ``ConnectionError`` because werkzeug's dev server treats those as "the
    connection went away" and then writes nothing more; the in-process transport turns it
    into ``httpx.RemoteProtocolError``.
    """


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


@dataclass(frozen=True)
class Fault:
    """One misbehaviour, for ``Emulator.inject_fault``.

    Build it with the classmethods (``Fault.status(502)``, ``Fault.rate_limit()``,
    ``Fault.delay(2.0)``, ``Fault.drop()``, ``Fault.raw(...)``), not the constructor.

    Attributes:
        kind: ``"respond"`` (send ``status_code`` and ``body``), ``"delay"`` or ``"drop"``.
        status_code: The status sent by a ``"respond"`` fault.
        body: The body sent by a ``"respond"`` fault.
        content_type: Its ``Content-Type``; ``None`` sends none.
        headers: Extra response headers, as ``(name, value)`` pairs.
        execute: Whether the real operation runs first (its state changes happen, the
            clock and ids advance) before the client sees the fault: how to test "the
            write happened, but the answer was lost".
        seconds: How long a ``"delay"`` fault sleeps.
        after_headers: For ``"drop"``: send the status line, headers and half the body
            before hanging up.
    """

    kind: FaultKind
    status_code: int = 200
    body: bytes = b""
    content_type: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    execute: bool = False
    seconds: float = 0.0
    after_headers: bool = False

    @classmethod
    def status(
        cls,
        status: int,
        body: bytes | None = None,
        content_type: str | None = "text/html",
        headers: Mapping[str, str] | None = None,
        execute: bool = False,
    ) -> Fault:
        """Answer with an error status instead of the real response, like a proxy would.

        Args:
            status: The status code, such as ``503``.
            body: The body; by default a small HTML error page.
            content_type: The body's ``Content-Type``.
            headers: Extra response headers, such as ``{"Retry-After": "1"}``.
            execute: Run the real operation first (see the ``execute`` attribute).

        Returns:
            The fault.
        """
        if body is None:
            page = f"<html><head><title>{status} {_phrase(status)}</title></head><body>"
            page += f"<h1>{status} {_phrase(status)}</h1></body></html>"
            body = page.encode()
        return cls("respond", status, body, content_type, tuple((headers or {}).items()), execute)

    @classmethod
    def rate_limit(cls, retry_after: int | None = None, seconds_in_message: int = 60) -> Fault:
        """Answer 429 in the server's own envelope, as its rate limiter does.

        The real server sends no ``Retry-After`` header: the wait is only in the message.

        Args:
            retry_after: Add a ``Retry-After`` header with this many seconds.
            seconds_in_message: The wait the message states (``Retry after N seconds``).

        Returns:
            The fault (the operation does not run).
        """
        message = f"Rate limit exceeded. Retry after {seconds_in_message} seconds"
        body = json.dumps({"errors": [{"message": message, "code": 429}]}, separators=(",", ":"))
        headers = () if retry_after is None else (("Retry-After", str(retry_after)),)
        return cls("respond", 429, body.encode(), "application/json", headers, execute=False)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait, then handle the request normally: for client timeout tests.

        Args:
            seconds: How long to wait before answering.

        Returns:
            The fault.
        """
        return cls("delay", seconds=seconds, execute=True)

    @classmethod
    def drop(cls, execute: bool = True, after_headers: bool = False) -> Fault:
        """Hang up instead of answering.

        Args:
            execute: Run the real operation first, so the write happens but its answer is
                lost (the default).
            after_headers: First send the status line, headers and half the body.

        Returns:
            The fault.
        """
        return cls("drop", execute=execute, after_headers=after_headers)

    @classmethod
    def raw(
        cls,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: Mapping[str, str] | None = None,
        execute: bool = True,
    ) -> Fault:
        """Send exactly this response, such as truncated JSON or a ``text/plain`` 200.

        Args:
            status: The status code.
            body: The exact body bytes.
            content_type: The ``Content-Type``; ``None`` sends none.
            headers: Extra response headers.
            execute: Run the real operation first (the default).

        Returns:
            The fault.
        """
        return cls("respond", status, body, content_type, tuple((headers or {}).items()), execute)

    def status_line(self) -> str:
        """The HTTP status line the fault sends, such as ``"503 Service Unavailable"``.

        Returns:
            The status code and its reason phrase.
        """
        return f"{self.status_code} {_phrase(self.status_code)}"
