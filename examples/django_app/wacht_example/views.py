"""Two JSON views over the shared Wacht client. API errors are handled by the middleware.

`get_oauth()` calls the surface `settings.WACHT["DEPLOYMENT_ID"]` selects: the key-scoped
backend API for a backend API key (the default), the deployment-scoped paths for an OAuth
access token. A real project would also check that the user may manage OAuth clients.
"""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from wacht_oauth_client.contrib.django import get_oauth
from wacht_oauth_client.models import OAuthClient


@require_GET
def list_clients(request: HttpRequest, slug: str) -> JsonResponse:
    clients = get_oauth().list_oauth_clients(slug)
    return JsonResponse({"clients": [_public(c) for c in clients]})


@require_POST
def rotate_client_secret(request: HttpRequest, slug: str, client_id: int) -> JsonResponse:
    rotated = get_oauth().rotate_oauth_client_secret(slug, str(client_id))
    # Shown once, to the caller who asked for it; never cached on the way.
    response = JsonResponse({"id": str(client_id), "client_secret": rotated.client_secret})
    response["Cache-Control"] = "no-store"
    return response


def _public(client: OAuthClient) -> dict[str, object]:
    return {
        "id": client.id,
        "client_id": client.client_id,
        "client_name": client.client_name,
        "client_auth_method": str(client.client_auth_method),
        "grant_types": client.grant_types,
        "redirect_uris": client.redirect_uris,
        "is_active": client.is_active,
        "created_at": client.created_at.isoformat(),
    }
