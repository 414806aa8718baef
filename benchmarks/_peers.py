"""What-if rows for the list-of-100-grants stretch goal (facade ≤ 1.6× raw httpx + json.loads).

Nothing here ships: for the duration of one row, `OAuthGrant.from_dict` is swapped for
- "tuned": what the best rewrite of the model template could emit for it (no per-call closures,
  no `cast(list[str], ...)`, a dict lookup instead of the `GrantStatus(...)` enum call, the same
  C `datetime.fromisoformat`), same result;
- "no conversion": only the dict copy, the pops and the attrs constructor (strings left as
  strings): the floor of any attrs model built this way, below which only dropping the model
  (or parsing lazily) goes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from wacht_oauth_client._generated.models import GrantStatus, OAuthGrant
from wacht_oauth_client._generated.types import UNSET

_fromiso = datetime.datetime.fromisoformat
_STATUSES: dict[Any, GrantStatus] = {s.value: s for s in GrantStatus}


def _optional_dt(value: Any) -> Any:
    return None if value is None else _fromiso(value)


def _tuned(cls: type[OAuthGrant], src: Any) -> OAuthGrant:
    d = dict(src)
    status = d.pop("status")
    grant = cls(
        id=d.pop("id"),
        api_auth_app_slug=d.pop("api_auth_app_slug"),
        oauth_client_id=d.pop("oauth_client_id"),
        resource=d.pop("resource"),
        scopes=d.pop("scopes"),
        status=_STATUSES.get(status) or status,
        granted_at=_fromiso(d.pop("granted_at")),
        expires_at=_optional_dt(d.pop("expires_at")),
        revoked_at=_optional_dt(d.pop("revoked_at")),
        created_at=_fromiso(d.pop("created_at")),
        updated_at=_fromiso(d.pop("updated_at")),
        granted_by_user_id=d.pop("granted_by_user_id", UNSET),
    )
    grant.additional_properties = d
    return grant


def _no_conversion(cls: type[OAuthGrant], src: Any) -> OAuthGrant:
    d = dict(src)
    grant = cls(
        id=d.pop("id"),
        api_auth_app_slug=d.pop("api_auth_app_slug"),
        oauth_client_id=d.pop("oauth_client_id"),
        resource=d.pop("resource"),
        scopes=d.pop("scopes"),
        status=d.pop("status"),
        granted_at=d.pop("granted_at"),
        expires_at=d.pop("expires_at"),
        revoked_at=d.pop("revoked_at"),
        created_at=d.pop("created_at"),
        updated_at=d.pop("updated_at"),
        granted_by_user_id=d.pop("granted_by_user_id", UNSET),
    )
    grant.additional_properties = d
    return grant


@contextmanager
def _patched(from_dict: Callable[[type[OAuthGrant], Any], OAuthGrant]) -> Iterator[None]:
    original = OAuthGrant.__dict__["from_dict"]
    OAuthGrant.from_dict = classmethod(from_dict)  # type: ignore[assignment, method-assign]
    try:
        yield
    finally:
        OAuthGrant.from_dict = original  # type: ignore[method-assign]


VARIANTS: dict[str, Callable[[], AbstractContextManager[None]]] = {
    "tuned template (what-if)": lambda: _patched(_tuned),
    "no type conversion (what-if floor)": lambda: _patched(_no_conversion),
}
