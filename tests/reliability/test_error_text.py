"""The server's message is capped in `str(error)`, with the full text kept on the error
(failure class 11).

`str(error)` ends up in every log line and error tracker that reports the exception; a server
(or a proxy) that sends a 50 KB message must not make each of those 50 KB.
"""

from __future__ import annotations

import json
import logging

import pytest

from wacht_oauth_client import BadRequestError, WachtClient
from wacht_oauth_client.testing import Emulator, Fault

from ._support import DEP, World

CAP = 500


def _envelope(message: str) -> bytes:
    return json.dumps({"errors": [{"message": message, "code": 400}]}).encode()


def test_a_long_server_message_is_capped_in_str_but_kept_whole(
    client: WachtClient, emu: Emulator, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    message = "redirect_uris[0] is not allowed: " + "x" * 50_000
    emu.inject_fault("archive_oauth_scope", Fault.raw(400, _envelope(message), "application/json"))
    with pytest.raises(BadRequestError) as caught:
        client.oauth.archive_oauth_scope(DEP, world.slug, world.scope)
    error = caught.value
    assert error.message == message  # the full text
    assert error.errors[0]["message"] == message
    text = str(error)
    assert len(text) < CAP + 200
    assert text.startswith("HTTP 400: redirect_uris[0] is not allowed: xxx")
    assert "(49,533 more characters in error.message)" in text
    assert text.endswith(f"(POST /deployments/{DEP}/oauth/apps/{world.slug}/scopes/read/archive)")
    assert len(repr(error)) < CAP + 200 and all(len(str(a)) < CAP + 200 for a in error.args)
    # what a logging handler writes for it
    logging.getLogger("app").error("call failed: %s", error)
    logging.getLogger("app").exception("call failed", exc_info=error)
    for record in caplog.records:
        assert len(logging.Formatter().format(record)) < 4000


def test_a_short_message_is_left_alone(client: WachtClient, emu: Emulator, world: World) -> None:
    message = "x" * CAP
    emu.inject_fault("archive_oauth_scope", Fault.raw(400, _envelope(message), "application/json"))
    with pytest.raises(BadRequestError) as caught:
        client.oauth.archive_oauth_scope(DEP, world.slug, world.scope)
    assert str(caught.value).startswith(f"HTTP 400: {message} (POST ")


def test_a_2_mib_message_never_reaches_str(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault(
        "archive_oauth_scope", Fault.raw(400, _envelope("y" * (2 << 20)), "application/json")
    )
    with pytest.raises(BadRequestError) as caught:
        client.oauth.archive_oauth_scope(DEP, world.slug, world.scope)
    assert len(str(caught.value)) < CAP + 200
    assert len(caught.value.body) == 4000
