"""The routes: each parses its parameters, calls one function of khabar.web.views, and responds.

GET routes serve both the page and its JSON twin (see khabar.web.app). Writing routes
(`POST /articles`) need the configured bearer token. Every parameter is bounded (ids within
SQLite's 64-bit integers, strings by length), so no value reaches the store that it cannot take.

SQLite work never runs on the event loop: routes that read the store are plain `def` functions,
which FastAPI runs in worker threads (each with its own connection, khabar.web.app.StoreOpener),
and `POST /articles` writes in one, so a write waiting for the lock holds up no other request.
"""

from __future__ import annotations

import hmac
import logging
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator
from starlette.responses import JSONResponse, Response

from khabar.document import STATUS_OK, STATUS_REJECTED, Document, Reason
from khabar.errors import (REJECTIONS, AccessError, AnalysisFailedError, Rejected, RequestError, StageError,
                           TokenMissingError, TooManyRequestsError)
from khabar.inputs import RawPage
from khabar.store.sqlite import Store
from khabar.store.trends import Filters
from khabar.web import filtered, lists_csv, views
from khabar.web.csv_export import register_csv_path, wants_csv
from khabar.web.places import add_place_routes
from khabar.web.trends import add_trend_routes
from khabar.web.watches import add_watch_routes
from khabar.web.limits import retry_after

log = logging.getLogger("khabar.web")

MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_ID = 2**63 - 1  # SQLite's largest INTEGER; a larger id would overflow, not just miss
MAX_URL = 8192

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1–100).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
                                  description="YYYY, YYYY-MM or YYYY-MM-DD.")]


class AnalyzeRequest(BaseModel):
    """An article to analyze: its text or its HTML, and what is known about it."""

    text: str | None = None
    html: str | None = None
    url: str | None = Field(default=None, max_length=MAX_URL)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=100)

    @field_validator("url")
    @classmethod
    def _parsable_url(cls, url: str | None) -> str | None:
        if url is None:
            return url
        try:
            urlsplit(url).port  # noqa: B018 - reading the port checks it is a number in range
            if "//" not in url:  # a URL without a scheme is read as a host name first
                urlsplit(f"//{url}")
        except ValueError as error:
            raise ValueError(f"not a URL ({error})") from error
        return url

    @model_validator(mode="after")
    def _one_content(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of `text` and `html`")
        return self

    def page(self) -> RawPage:
        content = self.text if self.text is not None else self.html
        return RawPage(content=(content or "").encode("utf-8"), format="text" if self.text is not None else "html",
                       url=self.url, title=self.title, published=self.published, encoding="utf-8")


_ANALYZE_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": AnalyzeRequest.model_json_schema()}}}}


_REJECTION_BY_REASON = {cls.reason: cls for cls in REJECTIONS}


def _recorded_rejection(reason: Reason) -> Rejected:
    """The rejection the pipeline recorded on a document (the `record` policy), as its own class."""
    error = _REJECTION_BY_REASON[reason.code](stage=reason.stage)
    error.message = reason.message  # already formatted when the stage raised it
    error.args = (f"{error.code} {error.message}",)
    return error


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


def _respond(request: Request, template: str, data: dict[str, Any]) -> Response:
    return request.app.state.renderer.respond(request, template, _with_links(request, data))


def _with_links(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    """Add `next` and `previous` page URLs to a paginated result."""
    if "limit" not in data or "offset" not in data:
        return data
    limit, offset = data["limit"], data["offset"]
    more = data["has_more"] if "has_more" in data else offset + limit < data.get("total", 0)

    def link(new_offset: int) -> str:
        params = dict(request.query_params)
        params["offset"] = str(new_offset)
        return f"{request.url.path}?{urlencode(params)}"

    return {**data, "next": link(offset + limit) if more else None,
            "previous": link(max(0, offset - limit)) if offset > 0 else None}


async def _analyze(request: Request) -> Any:
    try:
        body = AnalyzeRequest.model_validate_json(await request.body())
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(p) for p in first.get("loc", ())) or "body"
        raise RequestError("E602", name=name, detail=first.get("msg", "invalid")) from error
    try:  # in a worker thread: analysis takes CPU time and must not hold up other requests
        doc = await run_in_threadpool(request.app.state.pipeline, body.page())
    except StageError as error:  # the `raise` policy: a stage crashed on this input
        log.warning("analysis failed at stage %s", error.context.get("stage"), exc_info=error)
        raise AnalysisFailedError(stage=error.context.get("stage", "?"), reason=error.code) from error
    return _analyzed(doc)


def _analyzed(doc: Document) -> Document:
    """The document if the pipeline processed it; a rejected or failed one is a coded 422."""
    if doc.status == STATUS_OK:
        return doc
    reason = doc.reason or Reason("unknown", "?", "")
    if doc.status == STATUS_REJECTED and reason.code in _REJECTION_BY_REASON:
        raise _recorded_rejection(reason)
    log.warning("analysis %s at stage %s: %s", doc.status, reason.stage, reason.message)
    raise AnalysisFailedError(stage=reason.stage, reason=reason.code)


def _check_rate(request: Request) -> None:
    limiter = request.app.state.analyze_limiter
    client = request.client.host if request.client else "unknown"
    wait = limiter.wait(client)
    if wait > 0:
        raise TooManyRequestsError(rate=limiter.per_minute, retry_after=retry_after(wait))


def _check_token(request: Request) -> None:
    expected = request.app.state.token
    if not expected:
        raise AccessError("E606")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise TokenMissingError("E604")
    if not hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8")):
        raise AccessError("E605")


def add_routes(app: FastAPI) -> None:  # noqa: C901 - a flat list of small routes
    """Register every route on `app`."""

    @app.get("/", summary="Home: most-covered stories and latest articles", tags=["pages"])
    def home(request: Request) -> Response:
        data = request.app.state.cache.get(("home",), lambda: views.home(_store(request)))
        return _respond(request, "home.html", data)

    @app.post("/analyze", summary="Analyze an article (text or HTML) and return its Document", tags=["analysis"],
              openapi_extra=_ANALYZE_BODY)
    async def analyze(request: Request) -> Response:
        _check_rate(request)
        doc = await _analyze(request)
        return JSONResponse({"ok": True, "document": doc.to_dict()})

    @app.post("/articles", summary="Analyze and store an article (needs the bearer token)", tags=["articles"],
              openapi_extra=_ANALYZE_BODY, status_code=201)
    async def add_article(request: Request) -> Response:
        _check_token(request)
        doc = await _analyze(request)
        # In a worker thread: the write may wait seconds for SQLite's lock, and the loop must not.
        result = await run_in_threadpool(lambda: _store(request).write_documents([doc]))
        request.app.state.cache.clear()
        return JSONResponse({"ok": True, "id": doc.id, "outcomes": result.outcomes, "document": doc.to_dict()},
                            status_code=201)

    @app.get("/articles", summary="Stored articles, newest first (filters as for /trends)", tags=["articles"])
    def articles(request: Request, limit: Limit = 20, offset: Offset = 0,
                 source: Annotated[str | None, Query(max_length=200)] = None,
                 q: Annotated[str | None, Query(max_length=500)] = None,
                 entity: Annotated[str | None, Query(max_length=200)] = None,
                 actor: Annotated[str | None, Query(max_length=40)] = None,
                 root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
                 since: Day = None, until: Day = None) -> Response:
        filters = Filters(q=q, entity=entity, source=source, actor=actor, root=root, since=since, until=until)
        if wants_csv(request):
            return lists_csv.articles(request, filters)
        return _respond(request, "articles.html", filtered.articles(_store(request), filters=filters, limit=limit,
                                                                   offset=offset))

    @app.get("/articles/{doc_id:path}", summary="One article (by id or URL): the Document, its story, entity links",
             tags=["articles"])
    def article(request: Request, doc_id: Annotated[str, Path(max_length=2000)]) -> Response:
        return _respond(request, "article.html", views.article(_store(request), doc_id))

    @app.get("/search", summary="Search titles and bodies (Arabic-aware)", tags=["articles"])
    def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
               source: Annotated[str | None, Query(max_length=200)] = None,
               since: Day = None, until: Day = None,
               entity: Annotated[str | None, Query(max_length=200)] = None,
               speaker: Annotated[str | None, Query(max_length=200)] = None,
               limit: Limit = 10, offset: Offset = 0) -> Response:
        if wants_csv(request):
            return lists_csv.search(request, q, source=source, since=since, until=until, entity=entity,
                                    speaker=speaker)
        key = ("search", q, source, since, until, entity, speaker, limit, offset)
        data = request.app.state.cache.get(key, lambda: views.search(
            _store(request), q=q, source=source, since=since, until=until, entity=entity, speaker=speaker,
            limit=limit, offset=offset))
        return _respond(request, "search.html", data)

    @app.get("/entities", summary="Entities across the collection, by number of articles", tags=["entities"])
    def entities(request: Request, type: Annotated[str | None, Query(max_length=20)] = None,
                 name: Annotated[str | None, Query(max_length=200)] = None,
                 limit: Limit = 50, offset: Offset = 0) -> Response:
        if wants_csv(request):
            return lists_csv.entities(request, type=type, name=name)
        return _respond(request, "entities.html", views.entities(_store(request), type=type, name=name,
                                                                limit=limit, offset=offset))

    @app.get("/entities/{entity_id}", summary="One entity: mentions, roles over time, quotes, co-occurring",
             tags=["entities"])
    def entity(request: Request, entity_id: Annotated[int, Path(ge=0, le=MAX_ID)],
               limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20) -> Response:
        return _respond(request, "entity.html", views.entity(_store(request), entity_id, limit=limit))

    @app.get("/quotes", summary="Who said what: quotes by speaker and by words", tags=["quotes"])
    def quotes(request: Request, speaker: Annotated[str | None, Query(max_length=200)] = None,
               q: Annotated[str | None, Query(max_length=200)] = None,
               limit: Limit = 20, offset: Offset = 0) -> Response:
        if wants_csv(request):
            return lists_csv.quotes(request, speaker=speaker, text=q)
        return _respond(request, "quotes.html", views.quotes(_store(request), speaker=speaker, text=q,
                                                            limit=limit, offset=offset))

    @app.get("/events", summary="Events by actor code, CAMEO root and date", tags=["events"])
    def events(request: Request, actor: Annotated[str | None, Query(max_length=40)] = None,
               root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
               date: Day = None, since: Day = None, until: Day = None,
               min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
               limit: Limit = 20, offset: Offset = 0) -> Response:
        if wants_csv(request):
            return lists_csv.events(request, actor=actor, root=root, date=date, since=since, until=until,
                                    min_confidence=min_confidence)
        return _respond(request, "events.html", filtered.events(_store(request), actor=actor, root=root, date=date,
                                                               since=since, until=until, min_confidence=min_confidence,
                                                               limit=limit, offset=offset))

    @app.get("/stories", summary="Stories, most recent first", tags=["stories"])
    def stories(request: Request, since: Day = None, until: Day = None,
                order: Annotated[str, Query(pattern="^(recent|size|outlets)$")] = "recent",
                limit: Limit = 20, offset: Offset = 0) -> Response:
        if wants_csv(request):
            return lists_csv.stories(request, order=order, since=since, until=until)
        return _respond(request, "stories.html", views.stories(_store(request), order=order, since=since,
                                                              until=until, limit=limit, offset=offset))

    @app.get("/stories/most-covered", summary="Stories told by the most outlets", tags=["stories"])
    def most_covered(request: Request, since: Day = None, until: Day = None,
                     limit: Limit = 20, offset: Offset = 0) -> Response:
        if wants_csv(request):
            return lists_csv.stories(request, order="outlets", since=since, until=until,
                                     min_size=views.MOST_COVERED_MIN_SIZE)
        key = ("most-covered", since, until, limit, offset)
        data = request.app.state.cache.get(key, lambda: views.most_covered(
            _store(request), since=since, until=until, limit=limit, offset=offset))
        return _respond(request, "stories.html", data)

    @app.get("/stories/{story_id}", summary="One story and each outlet's version", tags=["stories"])
    def story(request: Request, story_id: Annotated[str, Path(max_length=200)]) -> Response:
        return _respond(request, "story.html", views.story(_store(request), story_id))

    for path in ("/articles", "/search", "/entities", "/quotes", "/events", "/stories", "/stories/most-covered"):
        register_csv_path(app, path)
    add_trend_routes(app)
    add_place_routes(app)
    add_watch_routes(app)

    @app.get("/docs", summary="This API, described", tags=["pages"])
    async def docs(request: Request) -> Response:
        return _respond(request, "docs.html", {"openapi": request.app.openapi()})
