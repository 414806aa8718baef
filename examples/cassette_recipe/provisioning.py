"""The code under test: give an app a confidential OAuth client, creating the app if needed."""

from wacht_oauth_client import WachtClient
from wacht_oauth_client.models import (
    CreateOAuthAppRequest,
    CreateOAuthClientRequest,
    OAuthClient,
)


def provision(client: WachtClient, deployment_id: str, slug: str) -> OAuthClient:
    apps = client.oauth.list_oauth_apps(deployment_id)
    if not any(app.slug == slug for app in apps):  # creating it twice would be a 409
        client.oauth.create_oauth_app(deployment_id, CreateOAuthAppRequest(slug=slug, name=slug))
    return client.oauth.create_oauth_client(
        deployment_id,
        slug,
        CreateOAuthClientRequest(
            client_auth_method="client_secret_basic",
            grant_types=["authorization_code", "refresh_token"],
            redirect_uris=["https://app.example.com/oauth/callback"],
        ),
    )
