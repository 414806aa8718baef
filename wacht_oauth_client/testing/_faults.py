"""Canned misbehaviours the emulator can answer with instead of (or after) the real operation."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Literal

FaultKind = Literal["respond", "delay", "drop", "trickle", "stream"]


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
        kind: ``"respond"`` (send ``status_code`` and ``body``), ``"delay"``, ``"drop"``,
            ``"trickle"`` or ``"stream"``.
        status_code: The status sent by a ``"respond"`` fault.
        body: The body sent by a ``"respond"`` fault.
        content_type: Its ``Content-Type``; ``None`` sends none.
        headers: Extra response headers, as ``(name, value)`` pairs.
        execute: Whether the real operation runs first (its state changes happen, the
            clock and ids advance) before the client sees the fault: how to test "the
            write happened, but the answer was lost".
        seconds: How long a ``"delay"`` fault sleeps; for ``"trickle"``, the time between bytes.
        chunk: What a ``"stream"`` fault sends over and over.
        count: How many chunks a ``"stream"`` fault sends (``None``: endless, chunked).
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
    chunk: bytes = b""
    count: int | None = None

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

    @classmethod
    def trickle(
        cls,
        body: bytes,
        interval: float,
        status: int = 200,
        content_type: str | None = "application/json",
        execute: bool = False,
    ) -> Fault:
        """Send the head at once, then ``body`` one byte every ``interval`` seconds: each byte
        restarts a client's read timeout, so only a total deadline ends the call.

        Args:
            body: The body, sent byte by byte.
            interval: Seconds between two bytes.
            status: The status code.
            content_type: The body's ``Content-Type``.
            execute: Run the real operation first (see the ``execute`` attribute).

        Returns:
            The fault.
        """
        return cls("trickle", status, body, content_type, execute=execute, seconds=interval)

    @classmethod
    def stream(
        cls,
        status: int,
        chunk: bytes,
        count: int | None = None,
        prefix: bytes = b"",
        content_type: str | None = "application/json",
        execute: bool = False,
    ) -> Fault:
        """``prefix`` then ``chunk`` ``count`` times, generated as it is sent (never held whole).

        ``count=None`` is endless, sent chunked (a server stuck in a loop); it stops only when
        the client hangs up, or after 1 GiB as a safety net. A ``count`` sends a body of that
        size with its ``Content-Length`` (a proxy's huge error page).

        Args:
            status: The status code.
            chunk: The bytes sent over and over.
            count: How many times (``None``: endless).
            prefix: Bytes sent first, such as the start of a JSON document.
            content_type: The body's ``Content-Type``.
            execute: Run the real operation first (see the ``execute`` attribute).

        Returns:
            The fault.
        """
        return cls(
            "stream", status, prefix, content_type, execute=execute, chunk=chunk, count=count
        )

    @classmethod
    def gzip_bomb(cls, inflated_bytes: int, status: int = 200, execute: bool = False) -> Fault:
        """A small ``Content-Encoding: gzip`` body that inflates to ``inflated_bytes`` zeros
        (about 1000 times its size).

        Args:
            inflated_bytes: The size of the body once decoded.
            status: The status code.
            execute: Run the real operation first (see the ``execute`` attribute).

        Returns:
            The fault.
        """
        # After a full flush each 1 MiB of zeros deflates to the same bytes: deflate one block,
        # repeat it, and frame it as gzip by hand (header, deflate data, CRC-32 and size).
        packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        block = bytes(1 << 20)
        unit = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
        blocks, rest = divmod(inflated_bytes, len(block))
        crc = 0
        for _ in range(blocks):
            crc = zlib.crc32(block, crc)
        crc = zlib.crc32(bytes(rest), crc)
        deflated = unit * blocks + packer.compress(bytes(rest)) + packer.flush()
        trailer = struct.pack("<II", crc, inflated_bytes & 0xFFFFFFFF)
        body = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + deflated + trailer
        headers = (("Content-Encoding", "gzip"),)
        return cls("respond", status, body, "application/json", headers, execute)

    @classmethod
    def redirect(cls, location: str, status: int = 302, execute: bool = False) -> Fault:
        """A redirect, as an SSO proxy or a moved base URL sends (``execute`` is off: the
        request never reached the API).

        Args:
            location: The ``Location`` header.
            status: The status code, such as ``301``, ``302``, ``303``, ``307`` or ``308``.
            execute: Run the real operation first (see the ``execute`` attribute).

        Returns:
            The fault.
        """
        return cls("respond", status, b"", None, (("Location", location),), execute)

    def status_line(self) -> str:
        """The HTTP status line the fault sends, such as ``"503 Service Unavailable"``.

        Returns:
            The status code and its reason phrase.
        """
        return f"{self.status_code} {_phrase(self.status_code)}"
