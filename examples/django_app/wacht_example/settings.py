"""Settings of the example project: no database, just two JSON views over the Wacht API.

Configure with environment variables:
    WACHT_API_KEY        a backend API key (required); it manages its own deployment
    WACHT_BASE_URL       e.g. http://127.0.0.1:8787 for the bundled emulator
    WACHT_DEPLOYMENT_ID  only with an OAuth access token instead of an API key: the
                         deployment whose apps the views manage (deployment-scoped paths)
    DJANGO_DEBUG=1       Django's debug page (never in production)
"""

import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS: list[str] = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Turns Wacht API errors raised in views into JSON responses (404 / 502).
    "wacht_example.middleware.WachtErrorMiddleware",
]
ROOT_URLCONF = "wacht_example.urls"
WSGI_APPLICATION = "wacht_example.wsgi.application"
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

# Read by wacht_oauth_client.contrib.django.get_client() / get_oauth(). Blank values fall back
# to the WACHT_API_KEY / WACHT_BASE_URL environment variables; a blank DEPLOYMENT_ID means the
# key-scoped backend API.
WACHT = {
    "API_KEY": os.environ.get("WACHT_API_KEY", ""),
    "BASE_URL": os.environ.get("WACHT_BASE_URL", ""),
    "DEPLOYMENT_ID": os.environ.get("WACHT_DEPLOYMENT_ID", ""),
    "TIMEOUT": 10,
    "MAX_RETRIES": 2,
}
