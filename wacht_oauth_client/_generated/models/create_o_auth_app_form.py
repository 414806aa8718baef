from __future__ import annotations

from collections.abc import Iterator, Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, FileTypes, Unset, safe_repr, safe_rich_repr

T = TypeVar("T", bound="CreateOAuthAppForm")


@_attrs_define
class CreateOAuthAppForm:
    """The multipart form of create-app. `supported_scopes` is comma-joined (a scope name cannot
    contain a comma), `scope_definitions` is a JSON array in a text field, and `logo` is a file
    part that must carry an image content type (parts without one are silently ignored).

        Attributes:
            slug (str):
            name (str):
            description (str | Unset):
            fqdn (str | Unset): Required in production deployments; ignored otherwise.
            supported_scopes (str | Unset): Comma-separated scope names, e.g. "a,b".
            scope_definitions (str | Unset): A JSON array of OAuthScopeDefinition.
            allow_dynamic_client_registration (str | Unset): "true" when the lower-cased value is 1, true, yes or on;
                anything else is false.
            logo (File | Unset): PNG, JPEG, GIF, WEBP or ICO; the whole request must stay under 2 MiB.
    """

    slug: str
    name: str
    description: str | Unset = UNSET
    fqdn: str | Unset = UNSET
    supported_scopes: str | Unset = UNSET
    scope_definitions: str | Unset = UNSET
    allow_dynamic_client_registration: str | Unset = UNSET
    logo: File | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        name = self.name

        description = self.description

        fqdn = self.fqdn

        supported_scopes = self.supported_scopes

        scope_definitions = self.scope_definitions

        allow_dynamic_client_registration = self.allow_dynamic_client_registration

        logo: FileTypes | Unset = UNSET
        if not isinstance(self.logo, Unset):
            logo = self.logo.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if fqdn is not UNSET:
            field_dict["fqdn"] = fqdn
        if supported_scopes is not UNSET:
            field_dict["supported_scopes"] = supported_scopes
        if scope_definitions is not UNSET:
            field_dict["scope_definitions"] = scope_definitions
        if allow_dynamic_client_registration is not UNSET:
            field_dict["allow_dynamic_client_registration"] = (
                allow_dynamic_client_registration
            )
        if logo is not UNSET:
            field_dict["logo"] = logo

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("slug", (None, str(self.slug).encode(), "text/plain")))

        files.append(("name", (None, str(self.name).encode(), "text/plain")))

        if not isinstance(self.description, Unset):
            files.append(
                ("description", (None, str(self.description).encode(), "text/plain"))
            )

        if not isinstance(self.fqdn, Unset):
            files.append(("fqdn", (None, str(self.fqdn).encode(), "text/plain")))

        if not isinstance(self.supported_scopes, Unset):
            files.append(
                (
                    "supported_scopes",
                    (None, str(self.supported_scopes).encode(), "text/plain"),
                )
            )

        if not isinstance(self.scope_definitions, Unset):
            files.append(
                (
                    "scope_definitions",
                    (None, str(self.scope_definitions).encode(), "text/plain"),
                )
            )

        if not isinstance(self.allow_dynamic_client_registration, Unset):
            files.append(
                (
                    "allow_dynamic_client_registration",
                    (
                        None,
                        str(self.allow_dynamic_client_registration).encode(),
                        "text/plain",
                    ),
                )
            )

        if not isinstance(self.logo, Unset):
            files.append(("logo", self.logo.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        # Read in place. Other mappings are copied, and non-mappings fail as upstream's copy does.
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        slug = src_dict["slug"]

        name = src_dict["name"]

        description = src_dict.get("description", UNSET)

        fqdn = src_dict.get("fqdn", UNSET)

        supported_scopes = src_dict.get("supported_scopes", UNSET)

        scope_definitions = src_dict.get("scope_definitions", UNSET)

        allow_dynamic_client_registration = src_dict.get(
            "allow_dynamic_client_registration", UNSET
        )

        _logo = src_dict.get("logo", UNSET)
        logo: File | Unset
        if isinstance(_logo, Unset):
            logo = UNSET
        else:
            logo = File(payload=BytesIO(_logo))

        # Positional arguments (cheaper than keywords), in the fields' declaration order.
        create_o_auth_app_form = cls(
            slug,
            name,
            description,
            fqdn,
            supported_scopes,
            scope_definitions,
            allow_dynamic_client_registration,
            logo,
        )
        # Keys beyond the declared ones are kept; the usual case (none) costs only this len().
        if len(src_dict) != 2 + ("description" in src_dict) + ("fqdn" in src_dict) + (
            "supported_scopes" in src_dict
        ) + ("scope_definitions" in src_dict) + (
            "allow_dynamic_client_registration" in src_dict
        ) + ("logo" in src_dict):
            create_o_auth_app_form.additional_properties = {
                prop_name: prop
                for prop_name, prop in src_dict.items()
                if prop_name not in _PROPERTY_NAMES
            }

        return create_o_auth_app_form

    def __repr__(self) -> str:
        return safe_repr(self)

    def __rich_repr__(self) -> Iterator[tuple[str, Any]]:
        return safe_rich_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_PROPERTY_NAMES = frozenset(
    {
        "slug",
        "name",
        "description",
        "fqdn",
        "supported_scopes",
        "scope_definitions",
        "allow_dynamic_client_registration",
        "logo",
    }
)
