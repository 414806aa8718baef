"""Map Wacht API errors raised in views to JSON responses.

- `NotFoundError` (unknown app, client, ...): 404 with the server's message.
- any other `APIStatusError`: 502 Bad Gateway (our upstream refused), with the server's message
  and its status. Other exceptions are left to Django.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from wacht_oauth_client import APIStatusError, NotFoundError


class WachtErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, NotFoundError):
            return JsonResponse({"error": {"message": exception.message}}, status=404)
        if isinstance(exception, APIStatusError):
            body = {"message": exception.message, "upstream_status": exception.status_code}
            return JsonResponse({"error": body}, status=502)
        return None
