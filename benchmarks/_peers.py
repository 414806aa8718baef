"""The peer rows of the grants benchmark: the same GET on the same raw `httpx.Client`, decoded
the way other SDKs (or the fastest possible code) would, into the same data.

- pydantic: `TypeAdapter(<envelope>).validate_json` with pydantic v2 models (extra fields kept,
  as pydantic-based SDKs configure them): the model layer of a pydantic-based SDK;
- fromisoformat: `json.loads` plus `datetime.fromisoformat` on the five timestamps, in place:
  the practical floor of any result with typed timestamps;
- msgspec: `msgspec.json.Decoder(<Struct envelope>)`, typed timestamps, unknown fields
  dropped: the fastest anchor (a C decoder building the objects directly).

pydantic and msgspec are dev-only dependencies (requirements-dev.lock).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import httpx
import msgspec
from pydantic import BaseModel, ConfigDict, TypeAdapter

_fromiso = datetime.datetime.fromisoformat
_TIMESTAMPS = ("granted_at", "expires_at", "revoked_at", "created_at", "updated_at")


class PydanticGrant(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    api_auth_app_slug: str
    oauth_client_id: str
    resource: str
    scopes: list[str]
    status: str
    granted_at: datetime.datetime
    expires_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    granted_by_user_id: str | None = None


class PydanticGrants(BaseModel):
    model_config = ConfigDict(extra="allow")

    grants: list[PydanticGrant]


class MsgspecGrant(msgspec.Struct):
    id: str
    api_auth_app_slug: str
    oauth_client_id: str
    resource: str
    scopes: list[str]
    status: str
    granted_at: datetime.datetime
    expires_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    granted_by_user_id: str | msgspec.UnsetType = msgspec.UNSET


class MsgspecGrants(msgspec.Struct):
    grants: list[MsgspecGrant]


_PYDANTIC = TypeAdapter(PydanticGrants)
_MSGSPEC = msgspec.json.Decoder(MsgspecGrants)


def _content(response: httpx.Response) -> bytes:
    if response.status_code != 200:
        raise RuntimeError(f"unexpected status {response.status_code}")
    return response.content


def _typed_timestamps(content: bytes) -> list[dict[str, Any]]:
    grants: list[dict[str, Any]] = json.loads(content)["grants"]
    for grant in grants:
        for name in _TIMESTAMPS:
            value = grant[name]
            if value is not None:
                grant[name] = _fromiso(value)
    return grants


def grant_peers(raw: httpx.Client, path: str) -> dict[str, Callable[[], object]]:
    return {
        "pydantic": lambda: _PYDANTIC.validate_json(_content(raw.get(path))).grants,
        "fromisoformat": lambda: _typed_timestamps(_content(raw.get(path))),
        "msgspec": lambda: _MSGSPEC.decode(_content(raw.get(path))).grants,
    }
