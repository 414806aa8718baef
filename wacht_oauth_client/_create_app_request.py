"""`CreateOAuthAppRequest`, public as `wacht_oauth_client.models.CreateOAuthAppRequest`.

Hand-written because create-app is a multipart form whose wire shape (comma-joined scopes, JSON
text, a typed file part) is not what a caller should have to build. In a module of its own so
that `wacht_oauth_client.models` can import it on first use, like the generated models.
"""

from __future__ import annotations

import json
from io import BytesIO

from attrs import define, field

from . import _guards
from ._generated.models.create_o_auth_app_form import CreateOAuthAppForm
from ._generated.models.o_auth_scope_definition import OAuthScopeDefinition
from ._generated.types import File
from .errors import InvalidArgumentError


@define
class CreateOAuthAppRequest:
    """The app to create, for `client.oauth.create_oauth_app`.

    The server takes a multipart form; this class builds it (`to_form`). A field left at `None`
    is not sent. The server answers 400 for a blank `slug` or `name`, and ignores `fqdn` unless
    the deployment is in production mode.

    Attributes:
        slug: The app's identifier in URLs, unique in the deployment, such as `"mcp-auth"`.
            The server does not check its format; `[a-z0-9-]` is the safe choice.
        name: The display name.
        description: A longer description.
        fqdn: The issuer host, such as `"auth.example.com"`; required in production mode,
            ignored otherwise (the server then picks a `*.oapi.trywacht.xyz` name).
        supported_scopes: The scopes the app offers, such as `["mcp:invoke"]`. The server
            sorts them and drops duplicates.
        scope_definitions: Display names, descriptions and mappings for those scopes.
            Definitions of scopes not in `supported_scopes` are dropped by the server.
        allow_dynamic_client_registration: Whether clients may register themselves
            (default: not allowed). Must be a real `bool`.
        logo_file: The raw image: PNG, JPEG, GIF, WEBP or ICO (the SDK checks the bytes and
            sends the matching content type, which the server needs to keep it).
        logo_filename: The file name sent with the logo; default `logo.<extension>`.
    """

    slug: str
    name: str
    description: str | None = None
    fqdn: str | None = None
    supported_scopes: list[str] | None = None
    scope_definitions: list[OAuthScopeDefinition] | None = None
    allow_dynamic_client_registration: bool | None = None
    logo_file: bytes | None = field(default=None, repr=lambda b: f"<{len(b)} bytes>")
    logo_filename: str | None = None

    def to_form(self) -> CreateOAuthAppForm:
        """Check the fields and build the multipart form the server expects.

        `create_oauth_app` calls this for you.

        Returns:
            The generated form model: scopes comma-joined, definitions as JSON text, the logo
            as a typed file part.

        Raises:
            InvalidArgumentError: A field is blank or of the wrong type, the logo is not an
                image the server accepts, or the form would exceed the API's 2 MiB limit.
        """
        form = CreateOAuthAppForm(
            slug=_guards.text("request.slug", self.slug),
            name=_guards.text("request.name", self.name),
        )
        if self.description is not None:
            form.description = self.description
        if self.fqdn is not None:
            form.fqdn = self.fqdn
        if self.supported_scopes is not None:
            scopes = _guards.scope_names("request.supported_scopes", self.supported_scopes)
            form.supported_scopes = ",".join(scopes)
        if self.scope_definitions is not None:
            definitions = [
                _guards.instance("request.scope_definitions[]", d, OAuthScopeDefinition)
                for d in self.scope_definitions
            ]
            form.scope_definitions = json.dumps([d.to_dict() for d in definitions])
        if self.allow_dynamic_client_registration is not None:
            # A real bool only: the string "false" is truthy and would enable registration.
            allow = _guards.instance(
                "request.allow_dynamic_client_registration",
                self.allow_dynamic_client_registration,
                bool,
            )
            form.allow_dynamic_client_registration = "true" if allow else "false"
        if self.logo_file is not None:
            mime_type, extension = _guards.logo_image("request.logo_file", self.logo_file)
            form.logo = File(
                payload=BytesIO(bytes(self.logo_file)),
                file_name=self.logo_filename or f"logo.{extension}",
                mime_type=mime_type,
            )
            if _estimated_form_size(form, len(self.logo_file)) > _guards.MAX_BODY_BYTES:
                raise InvalidArgumentError(
                    "request.logo_file", "the form with this logo exceeds the API's 2 MiB limit"
                )
        return form


def _estimated_form_size(form: CreateOAuthAppForm, logo_bytes: int) -> int:
    # Each multipart part costs its value plus ~200 bytes of boundary and headers.
    values = (
        form.slug,
        form.name,
        form.description,
        form.fqdn,
        form.supported_scopes,
        form.scope_definitions,
        form.allow_dynamic_client_registration,
    )
    texts = [v for v in values if isinstance(v, str)]
    return logo_bytes + sum(len(t.encode()) + 200 for t in texts) + 400
