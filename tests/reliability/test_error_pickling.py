"""Every error pickles, copies and deep-copies with all its attributes (failure class 8).

Exceptions cross process boundaries by pickle (`concurrent.futures.ProcessPoolExecutor`,
multiprocessing, Celery...). One that cannot be rebuilt breaks the whole pool.
"""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx
import pytest

from wacht_oauth_client import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ConfigurationError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
    WachtClient,
    WachtError,
    errors,
)
from wacht_oauth_client import models as m
from wacht_oauth_client.testing import Emulator, Fault

from ._support import API_KEY, DEP, MockAPI, World, mock_client, rate_limited

NOT_FOUND = {"errors": [{"message": "OAuth app not found", "code": 404}]}


def _raised(call: Callable[[], object]) -> WachtError:
    with pytest.raises(WachtError) as caught:
        call()
    return caught.value


def _same(original: WachtError, copied: object) -> None:
    assert type(copied) is type(original)
    assert isinstance(copied, WachtError)
    assert str(copied) == str(original) and repr(copied) == repr(original)
    assert copied.args == original.args
    mine, theirs = vars(original), vars(copied)
    assert mine.keys() == theirs.keys()
    for name, value in mine.items():
        if isinstance(value, httpx.Response):
            assert theirs[name].status_code == value.status_code
            assert theirs[name].content == value.content
            assert theirs[name].headers == value.headers
        else:
            assert theirs[name] == value, name


def _errors(client: WachtClient, emu: Emulator, world: World) -> list[WachtError]:
    api = MockAPI()
    api.queue("list_oauth_apps", rate_limited(None, 600))
    found = [
        _raised(lambda: client.oauth.list_oauth_clients(DEP, "missing")),
        _raised(lambda: client.oauth.list_oauth_grants(DEP, world.slug, "oc_x")),
        _raised(lambda: WachtClient(api_key="", base_url="http://127.0.0.1:9")),
        _raised(lambda: mock_client(api).oauth.list_oauth_apps(DEP)),
    ]
    emu.inject_fault("list_oauth_apps", Fault.status(500))
    found.append(_raised(lambda: client.oauth.list_oauth_apps(DEP)))
    emu.inject_fault("rotate_oauth_client_secret", Fault.raw(200, b'{"client_secret":', None))
    found.append(
        _raised(lambda: client.oauth.rotate_oauth_client_secret(DEP, world.slug, world.client_id))
    )
    emu.inject_fault("list_oauth_apps", Fault.stream(200, b" " * 65536, prefix=b"{"))
    found.append(
        _raised(lambda: client.with_options(max_response_bytes=1).oauth.list_oauth_apps(DEP))
    )
    emu.inject_fault("create_oauth_app", Fault.drop())
    found.append(
        _raised(
            lambda: client.oauth.create_oauth_app(DEP, m.CreateOAuthAppRequest(slug="x", name="X"))
        )
    )
    emu.inject_fault("list_oauth_apps", Fault.delay(0.3))
    found.append(
        _raised(
            lambda: client.with_options(
                timeout=httpx.Timeout(5, read=0.05), max_retries=0
            ).oauth.list_oauth_apps(DEP)
        )
    )
    kinds = [type(e) for e in found]
    assert kinds == [
        NotFoundError,
        InvalidArgumentError,
        ConfigurationError,
        RateLimitError,
        InternalServerError,
        APIResponseValidationError,
        errors.ResponseTooLargeError,
        APIConnectionError,
        APITimeoutError,
    ]
    return found


@pytest.mark.parametrize(
    "how",
    [
        lambda e: pickle.loads(pickle.dumps(e)),
        lambda e: pickle.loads(pickle.dumps(e, protocol=0)),
        copy.copy,
        copy.deepcopy,
    ],
    ids=["pickle", "pickle-protocol-0", "copy", "deepcopy"],
)
def test_every_kind_of_error_survives(
    how: Callable[[Any], Any], client: WachtClient, emu: Emulator, world: World
) -> None:
    for error in _errors(client, emu, world):
        _same(error, how(error))


def _task(i: int) -> int:
    api = MockAPI()
    if i == 2:
        api.queue("list_oauth_apps", lambda request: httpx.Response(404, json=NOT_FOUND))
    http = httpx.Client(transport=httpx.MockTransport(api))
    WachtClient(
        api_key=API_KEY, base_url="http://wacht.test", http_client=http
    ).oauth.list_oauth_apps(DEP)
    return i


def test_a_not_found_in_a_process_pool_keeps_the_other_results() -> None:
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(_task, i) for i in range(5)]
        results = [f.result() for i, f in enumerate(futures) if i != 2]
        error = futures[2].exception()
    assert results == [0, 1, 3, 4]
    assert isinstance(error, NotFoundError)
    assert error.status_code == 404 and error.message == "OAuth app not found"
    assert error.errors == NOT_FOUND["errors"] and error.method == "GET"
