"""Redirects are never followed, whatever `httpx.Client` the caller passes (failure class 3).

A followed redirect turns a POST into a GET of whatever the `Location` names (httpx, like
browsers, rewrites the method on 301/302/303), and that GET's 2xx would be reported as the
write's success.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from wacht_oauth_client import APIStatusError, WachtClient
from wacht_oauth_client.testing import Emulator, EmulatorURL, Fault

from ._support import API_KEY, DEP, World

LIST_APPS = f"/deployments/{DEP}/oauth/apps"  # a GET that answers 200


@pytest.fixture
def following(server: EmulatorURL) -> Iterator[WachtClient]:
    """A client whose own `httpx.Client` follows redirects."""
    with httpx.Client(follow_redirects=True) as http:
        yield WachtClient(api_key=API_KEY, base_url=server, http_client=http)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirected_write_is_an_error_not_a_success(
    status: int, following: WachtClient, emu: Emulator, world: World
) -> None:
    before = len(emu.requests)
    emu.inject_fault("compromise_signing_key", Fault.redirect(LIST_APPS, status))
    with pytest.raises(APIStatusError) as caught:
        following.oauth.compromise_signing_key(DEP, world.slug, world.kid)
    assert caught.value.status_code == status
    assert caught.value.headers["location"] == LIST_APPS
    # exactly the one POST: the redirect's target was never requested
    assert [method for method, _, _ in emu.requests[before:]] == ["POST"]


def test_a_redirected_read_is_an_error_too(
    following: WachtClient, emu: Emulator, world: World
) -> None:
    emu.inject_fault("list_oauth_clients", Fault.redirect("https://sso.example/login"))
    with pytest.raises(APIStatusError) as caught:
        following.oauth.list_oauth_clients(DEP, world.slug)
    assert caught.value.status_code == 302
    assert caught.value.message == "Found"
