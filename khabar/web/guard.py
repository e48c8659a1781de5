"""What every request goes through: security headers, the body limit, `.json` twins, errors.

`Guard` is a plain ASGI middleware: it rejects a body over the limit with 413 (at once when
`Content-Length` says so, else as soon as the streamed bytes pass the limit; some paths, such as
`POST /analyze` that needs no token, have a smaller limit), turns a `.json` suffix into a JSON
request, and adds the security headers to every response.
`error_response` is the one place where exceptions become responses; a khabar error's status
is the one its class declares (khabar.errors).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response

from khabar.errors import (BodyTooLargeError, KhabarError, MethodNotAllowedError, PathNotFoundError,
                           RequestError)

log = logging.getLogger("khabar.web")

JSON_FLAG = "khabar.json"

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
     b"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

class Guard:
    """ASGI middleware: security headers, body limits and `.json` suffix for every request.

    Args:
        app: the application to guard.
        max_body: the largest body accepted, in bytes, on any path.
        path_limits: smaller limits for some paths (`{"/analyze": 262144}`), capped by `max_body`.
    """

    def __init__(self, app: Any, *, max_body: int, path_limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.path_limits = {path: min(limit, max_body) for path, limit in (path_limits or {}).items()}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path.endswith(".json") and path != "/openapi.json":
            scope = dict(scope)
            scope["path"] = path[: -len(".json")] or "/"
            if scope["path"] == "/index":
                scope["path"] = "/"
            scope["raw_path"] = scope["path"].encode("utf-8")
            scope[JSON_FLAG] = True

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OURS]
                message = dict(message, headers=headers + SECURITY_HEADERS)
            await send(message)

        limit = self.path_limits.get(scope["path"], self.max_body)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            request = Request(scope)
            response = error_response(request, BodyTooLargeError(limit=limit))
            await response(scope, receive, send_with_headers)
            return
        seen = 0

        async def bounded_receive() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLargeError(limit=limit)
            return message

        await self.app(scope, bounded_receive, send_with_headers)


_OURS = {name for name, _ in SECURITY_HEADERS}


def _content_length(scope: dict[str, Any]) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def wants_json(request: Request) -> bool:
    """JSON unless the client prefers HTML (a browser) and did not ask for the `.json` twin."""
    if request.scope.get(JSON_FLAG):
        return True
    accept = request.headers.get("accept", "").lower()
    html = accept.find("text/html")
    if html < 0:
        return True
    as_json = accept.find("application/json")
    return 0 <= as_json < html


def status_of(error: BaseException) -> int:
    """The HTTP status for an exception: a khabar error's class declares it (see khabar.errors)."""
    if isinstance(error, KhabarError):
        return error.http_status
    if isinstance(error, (RequestValidationError, ClientDisconnect)):
        return 400
    if isinstance(error, StarletteHTTPException):
        return error.status_code
    return 500


def as_khabar_error(request: Request, error: BaseException) -> KhabarError:
    """Framework errors in the khabar vocabulary, so every error body has a code."""
    if isinstance(error, KhabarError):
        return error
    if isinstance(error, RequestValidationError):
        first = (error.errors() or [{}])[0]
        name = ".".join(str(part) for part in first.get("loc", ())[1:]) or "body"
        return RequestError("E602", name=name, detail=first.get("msg", "invalid"))
    if isinstance(error, ClientDisconnect):  # no one is left to read the answer, but log no crash
        return RequestError("E602", name="body", detail="the client closed the connection before its end")
    if isinstance(error, StarletteHTTPException):
        if error.status_code == 405:
            return MethodNotAllowedError("E607", method=request.method, path=request.url.path)
        if error.status_code == 404:
            return PathNotFoundError("E601", path=request.url.path)
        return RequestError("E602", name="request", detail=str(error.detail))
    return _internal_error()


def _internal_error() -> KhabarError:
    return KhabarError("E000", detail="the server log has the details")


def error_response(request: Request, error: BaseException) -> Response:
    """The one translation point: any exception to `{"ok": false, "errors": [...]}` (or a page)."""
    status = status_of(error)
    if status >= 500:
        log.error("error serving %s %s", request.method, request.url.path, exc_info=error)
    khabar_error = as_khabar_error(request, error)
    if status >= 500 and not isinstance(error, KhabarError):
        khabar_error = _internal_error()
    body = {"ok": False, "errors": [{"code": khabar_error.code, "message": khabar_error.message}]}
    headers = None
    if status == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    elif status == 429 and "retry_after" in khabar_error.context:
        headers = {"Retry-After": str(khabar_error.context["retry_after"])}
    if not wants_json(request) and request.method == "GET":
        renderer = getattr(request.app.state, "renderer", None)
        if renderer is not None:
            page = renderer.page(request, "error.html", {"status": status, **body}, status=status)
            page.headers.update(headers or {})
            return page
    return JSONResponse(body, status_code=status, headers=headers)
