"""The CSV twins of the list pages: which rows and columns each one streams (every page).

Each function takes the route's filters and returns the streamed response; the rows come from
the same store functions as the page, so the CSV lists what the page lists, without paging.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from starlette.requests import Request
from starlette.responses import StreamingResponse

from khabar.events.export import COLUMNS as EVENT_COLUMNS
from khabar.store import queries
from khabar.store.event_table import CHUNK as EVENT_CHUNK
from khabar.store.event_table import event_keys, rows_for_keys
from khabar.store.trends import Filters, filtered_articles
from khabar.web.csv_export import batched_rows, csv_response

ARTICLE_COLUMNS = ("id", "source", "domain", "url", "published", "day", "title", "story_id")
SEARCH_COLUMNS = ("id", "title", "source", "published", "score", "snippet")
ENTITY_COLUMNS = ("id", "type", "name", "mentions", "documents")
QUOTE_COLUMNS = ("doc_id", "title", "source", "day", "index", "speaker_id", "speaker", "speaker_text",
                 "direct", "start", "end", "text")
STORY_COLUMNS = ("id", "headline", "first_seen", "last_seen", "size", "outlets")


def articles(request: Request, filters: Filters) -> StreamingResponse:
    rows = batched_rows(request, lambda store, limit, offset: filtered_articles(
        store.conn, filters, limit=limit, offset=offset).items)
    return csv_response(rows, ARTICLE_COLUMNS, filename="articles.csv")


def search(request: Request, q: str, **filters: Any) -> StreamingResponse:
    def fetch(store, limit, offset):
        if not q.strip():
            return []
        hits = store.search(q, limit=limit, offset=offset, **filters).hits
        return [{k: getattr(hit, k) for k in SEARCH_COLUMNS} for hit in hits]

    return csv_response(batched_rows(request, fetch), SEARCH_COLUMNS, filename="search.csv")


def entities(request: Request, *, type: str | None, name: str | None) -> StreamingResponse:
    rows = batched_rows(request, lambda store, limit, offset: queries.list_entities(
        store.conn, type=type, name=name, limit=limit, offset=offset).items)
    return csv_response(rows, ENTITY_COLUMNS, filename="entities.csv")


def quotes(request: Request, *, speaker: str | None, text: str | None) -> StreamingResponse:
    rows = batched_rows(request, lambda store, limit, offset: queries.list_quotes(
        store.conn, speaker=speaker, text=text, limit=limit, offset=offset).items)
    return csv_response(rows, QUOTE_COLUMNS, filename="quotes.csv")


def events(request: Request, **filters: Any) -> StreamingResponse:
    """The events in the GDELT-like columns of `khabar events` (docs/events.md)."""
    keys = event_keys(request.app.state.stores.get().conn, **filters)  # ordered once, before streaming

    def rows():
        for start in range(0, len(keys), EVENT_CHUNK):
            # Looked up again for each chunk: the stream is read from worker threads.
            yield from rows_for_keys(request.app.state.stores.get().conn, keys[start:start + EVENT_CHUNK])

    return csv_response(rows(), EVENT_COLUMNS, filename="events.csv")


def stories(request: Request, *, order: str, since: str | None, until: str | None,
            min_size: int = 1) -> StreamingResponse:
    rows = batched_rows(request, lambda store, limit, offset: [dataclasses.asdict(s) for s in store.stories(
        since=since, until=until, min_size=min_size, order=order, limit=limit, offset=offset)])
    return csv_response(rows, STORY_COLUMNS, filename="stories.csv")
