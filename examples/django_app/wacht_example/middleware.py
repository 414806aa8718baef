"""Map Wacht API errors raised in views to JSON responses.

Add it at the end of `MIDDLEWARE`. Django calls `process_exception` bottom-up, so the last entry
sees a view's exception first.

- `NotFoundError` (unknown app, client, scope or key): 404 with the server's message.
- `APITimeoutError`: 504; any other `APIConnectionError` (Wacht unreachable, connection
  dropped): 503. Our upstream did not answer.
- any other `APIStatusError`: 502 Bad Gateway (our upstream refused), with the server's message
  and status.

Anything else, `InvalidArgumentError` (a bug in the calling code) included, is left to Django.
Messages never contain the API key or a secret.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from wacht_oauth_client import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    NotFoundError,
)


class WachtErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, NotFoundError):
            return JsonResponse({"error": {"message": exception.message}}, status=404)
        if isinstance(exception, APIConnectionError):  # APITimeoutError is one too
            status = 504 if isinstance(exception, APITimeoutError) else 503
            return JsonResponse({"error": {"message": "Wacht did not answer"}}, status=status)
        if isinstance(exception, APIStatusError):
            body = {"message": exception.message, "upstream_status": exception.status_code}
            return JsonResponse({"error": body}, status=502)
        return None
