"""The data behind every page and API route, as plain JSON-ready dicts.

Each function here is what one route returns: the JSON twin of a page *is* this dict, and the
HTML page is this dict rendered by a template. Routes only parse parameters and call one of
these, so the web layer shows nothing that the API cannot return.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from khabar.store import queries
from khabar.store.sqlite import Store

HOME_STORIES = 8
HOME_ARTICLES = 12
MOST_COVERED_MIN_SIZE = 2


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def page_data(page: queries.Page) -> dict[str, Any]:
    """A Page as {items, total, limit, offset} (links are added by the web layer)."""
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset}


def home(store: Store) -> dict[str, Any]:
    """The home page: the most-covered stories and the latest articles."""
    return {
        "stories": most_covered(store, limit=HOME_STORIES)["items"],
        "latest": queries.latest_articles(store.conn, limit=HOME_ARTICLES).items,
        "counts": store.counts(),
    }


def articles(store: Store, *, source: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Stored articles, newest first."""
    return page_data(queries.latest_articles(store.conn, source=source, limit=limit, offset=offset))


def article(store: Store, doc_id: str) -> dict[str, Any]:
    """One article: the whole Document, its story, URLs it was seen under, entity links."""
    doc = store.get_document(doc_id)
    context = queries.article_context(store.conn, doc.id)
    return {"article": doc.to_dict(), "story": context["story"], "entity_ids": context["entity_ids"],
            "aliases": store.aliases(doc.id)}


def search(store: Store, *, q: str, source: str | None = None, since: str | None = None,
           until: str | None = None, entity: str | None = None, speaker: str | None = None,
           limit: int = 10, offset: int = 0) -> dict[str, Any]:
    """Search results for `q` (empty: none) and the collection entities the query names."""
    data: dict[str, Any] = {"query": q, "items": [], "has_more": False, "limit": limit, "offset": offset,
                            "entities": [],
                            "filters": {"source": source, "since": since, "until": until,
                                        "entity": entity, "speaker": speaker}}
    if not q.strip():
        return data
    found = store.search(q, source=source, since=since, until=until, entity=entity, speaker=speaker,
                         limit=limit, offset=offset)
    data["items"] = [_plain(hit) for hit in found.hits]
    data["has_more"] = found.has_more
    if offset == 0:
        data["entities"] = queries.list_entities(store.conn, name=q, limit=5).items
    return data


def entities(store: Store, *, type: str | None, name: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Collection entities by number of articles, optionally of one type or matching a name."""
    data = page_data(queries.list_entities(store.conn, type=type, name=name, limit=limit, offset=offset))
    data["filters"] = {"type": type, "name": name}
    return data


def entity(store: Store, entity_id: int, *, limit: int = 20) -> dict[str, Any]:
    """One entity: names, articles, roles over time, quotes by it, co-occurring entities."""
    return {"entity": queries.entity_detail(store.conn, entity_id, limit=limit)}


def quotes(store: Store, *, speaker: str | None, text: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Who said what: quotes filtered by speaker and by words in the quote."""
    data = page_data(queries.list_quotes(store.conn, speaker=speaker, text=text, limit=limit, offset=offset))
    data["filters"] = {"speaker": speaker, "q": text}
    return data


def events(store: Store, *, actor: str | None, root: str | None, date: str | None, limit: int,
           offset: int) -> dict[str, Any]:
    """Events filtered by actor code, CAMEO root and date."""
    data = page_data(queries.list_events(store.conn, actor=actor, root=root, date=date, limit=limit, offset=offset))
    data["filters"] = {"actor": actor, "root": root, "date": date}
    return data


def stories(store: Store, *, order: str = "recent", since: str | None = None, until: str | None = None,
            min_size: int = 1, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Stories, by recency, size or number of outlets."""
    found = store.stories(since=since, until=until, min_size=min_size, order=order, limit=limit, offset=offset)
    return {"items": _plain(found), "total": queries.count_stories(store.conn, min_size=min_size),
            "limit": limit, "offset": offset, "order": order}


def most_covered(store: Store, *, since: str | None = None, until: str | None = None, limit: int = 20,
                 offset: int = 0) -> dict[str, Any]:
    """Stories told by the most outlets (at least two articles)."""
    return stories(store, order="outlets", since=since, until=until, min_size=MOST_COVERED_MIN_SIZE,
                   limit=limit, offset=offset)


def story(store: Store, story_id: str) -> dict[str, Any]:
    """One story and each outlet's version of it."""
    info, _articles = store.story(story_id)
    return {"story": _plain(info), "versions": queries.story_versions(store.conn, story_id)}
