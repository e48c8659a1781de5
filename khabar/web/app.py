"""The HTTP API and the Arabic web interface, built by `create_app` over one SQLite store.

Every page is served at one URL in two forms: HTML for browsers (when `Accept` prefers
`text/html`) and JSON otherwise, or always JSON with a `.json` suffix (`/articles/abc.json`,
`/index.json` for the home page). Both forms come from the same function in
`khabar.web.views`. Errors are translated once, in `error_response`.

Example:
    >>> from fastapi.testclient import TestClient
    >>> app = create_app("khabar.db")              # doctest: +SKIP
    >>> TestClient(app).get("/search?q=غزة").json()  # doctest: +SKIP
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Path as PathParam, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from khabar.errors import ConfigError, KhabarError, PathNotFoundError
from khabar.store.sqlite import Store
from khabar.web import fonts
from khabar.web.guard import Guard, error_response
from khabar.web.limits import RateLimiter
from khabar.web.render import Renderer

MAX_BODY_BYTES = 2 * 1024 * 1024
# POST /analyze needs no token, so anyone may call it: a smaller body and a per-client rate.
ANALYZE_MAX_BODY_BYTES = 256 * 1024
ANALYZE_PER_MINUTE = 30
CACHE_SECONDS = 30.0
STATIC = Path(__file__).resolve().parent / "static"


class StoreOpener:
    """One Store connection per thread (sqlite3 connections stay in the thread that made them)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        # Weak: a thread's Store is closed by the garbage collector when the thread ends.
        self._opened: weakref.WeakSet[Store] = weakref.WeakSet()
        self._lock = threading.Lock()
        self.get()  # create or migrate the store now, and fail early if it cannot be opened

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path)
            self._local.store = store
            with self._lock:
                self._opened.add(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in list(self._opened):
                try:
                    store.close()
                except Exception:  # noqa: BLE001 - a connection of another thread; best effort
                    pass
            self._opened.clear()


class TTLCache:
    """Results that are expensive and the same for everyone (most-covered stories, searches).

    Kept for `seconds` at most, the least recently used dropped past `max_items`, and all
    cleared when the app writes to the store. One per app, never a module global. Routes run in
    worker threads, so the table is locked; `compute` runs outside the lock, and a value computed
    across a `clear` is returned but not kept (it may predate the write).
    """

    def __init__(self, seconds: float, *, max_items: int = 1024,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.max_items = max_items
        self.clock = clock
        self._values: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0  # counts clears

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        now = self.clock()
        with self._lock:
            hit = self._values.get(key)
            if hit is not None and now - hit[0] < self.seconds:
                self._values.move_to_end(key)
                return hit[1]
            generation = self._generation
        value = compute()
        with self._lock:
            if generation == self._generation:
                self._values[key] = (now, value)
                self._values.move_to_end(key)
                while len(self._values) > self.max_items:
                    self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._generation += 1


def create_app(db: str | Path | Store, *, token: str | None = None, pipeline: Any = None,
               max_body: int = MAX_BODY_BYTES, analyze_max_body: int = ANALYZE_MAX_BODY_BYTES,
               analyze_per_minute: float = ANALYZE_PER_MINUTE, cache_seconds: float = CACHE_SECONDS,
               clock: Callable[[], float] = time.monotonic) -> FastAPI:
    """Build the web application over the store at `db`.

    Args:
        db: path of the SQLite store (or an open file-backed Store, whose path is used).
        token: the bearer token that allows `POST /articles`; None disables writing.
        pipeline: the analysis pipeline for `POST /analyze`; built with `load_pipeline` if None.
        max_body: the largest request body accepted, in bytes (larger: 413).
        analyze_max_body: the largest body for `POST /analyze` (no token needed), at most `max_body`.
        analyze_per_minute: `POST /analyze` requests a client address may send a minute (429
            past it); 0 turns the limit off.
        cache_seconds: how long the most-covered stories are kept before they are recomputed.
        clock: monotonic seconds, for the cache and the rate limit (tests pass a fake).
    """
    path = db.path if isinstance(db, Store) else str(db)
    if path == ":memory:":
        raise ConfigError("E103", option="db", detail="the web app needs a file-backed store")
    if pipeline is None:
        from khabar.api import load_pipeline

        pipeline = load_pipeline(policy="raise")
    app = FastAPI(title="khabar", version="0.1.0", docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Arabic news as structured data: articles, entities, quotes, events, stories. "
                              "Every page is also JSON: add `.json` to its path or send `Accept: application/json`.")
    app.state.stores = StoreOpener(path)
    app.state.token = token or None
    app.state.pipeline = pipeline
    app.state.cache = TTLCache(cache_seconds, clock=clock)
    app.state.analyze_limiter = RateLimiter(analyze_per_minute, clock=clock)
    app.state.renderer = Renderer()
    app.state.max_body = max_body
    app.state.fonts = fonts.font_files()

    app.mount("/static/css", StaticFiles(directory=STATIC), name="static")

    @app.get("/static/fonts/{name}", include_in_schema=False)
    async def font(name: Annotated[str, PathParam(max_length=200)]) -> Response:
        found = app.state.fonts.get(name)
        if found is None:
            raise PathNotFoundError("E601", path=f"/static/fonts/{name}")
        return FileResponse(found, media_type="font/ttf", headers={"Cache-Control": "public, max-age=86400"})

    @app.exception_handler(KhabarError)
    async def khabar_error(request: Request, error: KhabarError) -> Response:
        return error_response(request, error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        return error_response(request, error)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return error_response(request, error)

    @app.exception_handler(ClientDisconnect)
    async def client_left(request: Request, error: ClientDisconnect) -> Response:
        return error_response(request, error)

    @app.exception_handler(Exception)
    async def any_error(request: Request, error: Exception) -> Response:
        return error_response(request, error)

    from khabar.web import routes

    routes.add_routes(app)
    app.add_middleware(Guard, max_body=max_body, path_limits={"/analyze": analyze_max_body})
    return app


def app_from_environment() -> FastAPI:
    """The app `khabar serve` runs in each worker, configured through its environment."""
    import os

    token_env = os.environ.get("KHABAR_SERVE_TOKEN_ENV", "KHABAR_TOKEN")
    return create_app(os.environ.get("KHABAR_SERVE_DB", "khabar.db"), token=os.environ.get(token_env) or None,
                      max_body=int(os.environ.get("KHABAR_SERVE_MAX_BODY", MAX_BODY_BYTES)),
                      analyze_max_body=int(os.environ.get("KHABAR_SERVE_ANALYZE_MAX_BODY", ANALYZE_MAX_BODY_BYTES)),
                      analyze_per_minute=int(os.environ.get("KHABAR_SERVE_ANALYZE_PER_MINUTE", ANALYZE_PER_MINUTE)))


__all__ = ["ANALYZE_MAX_BODY_BYTES", "ANALYZE_PER_MINUTE", "MAX_BODY_BYTES", "StoreOpener", "TTLCache",
           "app_from_environment", "create_app"]
