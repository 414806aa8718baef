"""Operations documented as 204 accept only 204, or a 200 whose body is empty or a JSON object
(failure class 4).

A 200 `text/html` page is what an SSO proxy, a captive portal or a wrong base URL answers: the
write was most likely never seen by Wacht, and must not be reported as done.
"""

from __future__ import annotations

import httpx
import pytest

from wacht_oauth_client import APIResponseValidationError, WachtClient
from wacht_oauth_client.testing import Emulator, Fault

from ._support import DEP, OPS_BY_NAME, MockAPI, Responder, World, mock_client

NO_CONTENT_OPS = ["deactivate_oauth_client", "compromise_signing_key"]
HTML = b"<html><body><form action='/login'>Sign in</form></body></html>"


def _answer(status: int, body: bytes = b"", content_type: str | None = None) -> Responder:
    headers = {} if content_type is None else {"Content-Type": content_type}
    return lambda request: httpx.Response(status, content=body, headers=headers)


ACCEPTED = {
    "204": _answer(204),
    "204 with a stray body": _answer(204, b'{"ok":true}', "application/json"),
    "200 empty": _answer(200),
    "200 empty JSON object": _answer(200, b"{}", "application/json"),
    "200 JSON object": _answer(200, b'{"deactivated": true}', "application/json"),
    "200 JSON object, no content type": _answer(200, b'{"data":{}}'),
}
REJECTED = {
    "200 text/html login page": _answer(200, HTML, "text/html"),
    "200 text/plain": _answer(200, b"OK", "text/plain"),
    "200 JSON array": _answer(200, b"[]", "application/json"),
    "200 JSON null": _answer(200, b"null", "application/json"),
    "200 JSON string": _answer(200, b'"done"', "application/json"),
    "200 truncated JSON": _answer(200, b'{"ok":', "application/json"),
    "201 empty": _answer(201),
    "202 empty": _answer(202),
    "206 empty": _answer(206),
}


@pytest.mark.parametrize("op", NO_CONTENT_OPS)
@pytest.mark.parametrize("kind", list(ACCEPTED))
def test_accepted_answers(op: str, kind: str) -> None:
    api = MockAPI()
    api.queue(op, ACCEPTED[kind])
    assert OPS_BY_NAME[op].call(mock_client(api)) is None


@pytest.mark.parametrize("op", NO_CONTENT_OPS)
@pytest.mark.parametrize("kind", list(REJECTED))
def test_rejected_answers(op: str, kind: str) -> None:
    api = MockAPI()
    api.queue(op, REJECTED[kind])
    with pytest.raises(APIResponseValidationError) as caught:
        OPS_BY_NAME[op].call(mock_client(api))
    error = caught.value
    assert error.status_code == int(kind[:3])
    assert "expected 204 No Content" in str(error)
    assert api.count(op) == 1  # never re-sent


def test_a_login_page_for_compromise_signing_key_over_a_socket(
    client: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault("compromise_signing_key", Fault.status(200))  # an HTML page, nothing ran
    with pytest.raises(APIResponseValidationError):
        client.oauth.compromise_signing_key(DEP, world.slug, world.kid)
    # the key is still there: the SDK did not report a compromise that never happened
    assert [key.kid for key in client.oauth.list_signing_keys(DEP, world.slug)] == [world.kid]
