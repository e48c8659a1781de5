"""The one read model: what the CLI prints and the web serves, as plain JSON-ready dicts.

`khabar search | stories | entity --json` and the web's JSON twins (`/search.json`,
`/stories.json`, `/entities/{id}.json`, ...) call these same functions, so a command line and
an API client see the same records for the same store. The web adds only page links.

Example:
    >>> from khabar.store import open_store, read
    >>> with open_store(":memory:") as store:
    ...     read.entities(store, limit=5)["items"]
    []
"""

from __future__ import annotations

import dataclasses
from typing import Any

from khabar.store import queries, titles
from khabar.store.sqlite import Store

MOST_COVERED_MIN_SIZE = 2
SEARCH_ENTITIES = 5  # entities shown with the first page of search results
NAMED_ENTITIES = 50  # at most this many entities for one name (a common one-word name)


def plain(value: Any) -> Any:
    """Records (dataclasses, tuples) as JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def page_data(page: queries.Page) -> dict[str, Any]:
    """A Page as {items, total, limit, offset}."""
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset}


# -- articles --------------------------------------------------------------------------------

def articles(store: Store, *, source: str | None = None, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Stored articles, newest first."""
    return page_data(queries.latest_articles(store.conn, source=source, limit=limit, offset=offset))


def article(store: Store, doc_id: str) -> dict[str, Any]:
    """One article: the whole Document, its story, URLs it was seen under, entity links, and
    for persons it names bare the title the collection last knew (`known_titles`, kept apart
    from the article's own roles and marked as coming from the collection)."""
    doc = store.get_document(doc_id)
    context = queries.article_context(store.conn, doc.id)
    return {"article": doc.to_dict(), "story": context["story"], "entity_ids": context["entity_ids"],
            "aliases": store.aliases(doc.id), "known_titles": titles.known_titles(store.conn, doc.id)}


def search(store: Store, *, q: str, source: str | None = None, since: str | None = None,
           until: str | None = None, entity: str | None = None, speaker: str | None = None,
           limit: int = 10, offset: int = 0) -> dict[str, Any]:
    """Search results for `q` (empty: none) and, on the first page, the entities the query names."""
    data: dict[str, Any] = {"query": q, "items": [], "has_more": False, "limit": limit, "offset": offset,
                            "entities": [],
                            "filters": {"source": source, "since": since, "until": until,
                                        "entity": entity, "speaker": speaker}}
    if not q.strip():
        return data
    found = store.search(q, source=source, since=since, until=until, entity=entity, speaker=speaker,
                         limit=limit, offset=offset)
    data["items"] = plain(found.hits)
    data["has_more"] = found.has_more
    if offset == 0:
        data["entities"] = queries.list_entities(store.conn, name=q, limit=SEARCH_ENTITIES).items
    return data


# -- entities --------------------------------------------------------------------------------

def entities(store: Store, *, type: str | None = None, name: str | None = None, limit: int = 50,
             offset: int = 0) -> dict[str, Any]:
    """Collection entities by number of articles, optionally of one type or matching a name."""
    data = page_data(queries.list_entities(store.conn, type=type, name=name, limit=limit, offset=offset))
    data["filters"] = {"type": type, "name": name}
    return data


def entity(store: Store, entity_id: int, *, limit: int = 20) -> dict[str, Any]:
    """One entity: names, articles, roles and titles over time, quotes by it, co-occurring entities."""
    detail = queries.entity_detail(store.conn, entity_id, limit=limit)
    detail["titles"] = titles.titles_over_time(store.conn, entity_id, limit=limit)
    return {"entity": detail}


def entities_named(store: Store, name: str, *, type: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Every entity a name refers to (any spelling, titles dropped), each as `entity` gives it."""
    found = queries.list_entities(store.conn, type=type, name=name, limit=NAMED_ENTITIES).items
    return [entity(store, item["id"], limit=limit)["entity"] for item in found]


# -- quotes and events ----------------------------------------------------------------------

def quotes(store: Store, *, speaker: str | None = None, text: str | None = None, limit: int = 20,
           offset: int = 0) -> dict[str, Any]:
    """Who said what: quotes filtered by speaker and by words in the quote."""
    data = page_data(queries.list_quotes(store.conn, speaker=speaker, text=text, limit=limit, offset=offset))
    data["filters"] = {"speaker": speaker, "q": text}
    return data


def events(store: Store, *, actor: str | None = None, root: str | None = None, date: str | None = None,
           limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Events filtered by actor code, CAMEO root and date."""
    data = page_data(queries.list_events(store.conn, actor=actor, root=root, date=date, limit=limit, offset=offset))
    data["filters"] = {"actor": actor, "root": root, "date": date}
    return data


# -- stories ---------------------------------------------------------------------------------

def stories(store: Store, *, order: str = "recent", since: str | None = None, until: str | None = None,
            min_size: int = 1, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Stories, by recency, size or number of outlets."""
    found = store.stories(since=since, until=until, min_size=min_size, order=order, limit=limit, offset=offset)
    return {"items": plain(found), "total": queries.count_stories(store.conn, min_size=min_size),
            "limit": limit, "offset": offset, "order": order}


def most_covered(store: Store, *, since: str | None = None, until: str | None = None, limit: int = 20,
                 offset: int = 0) -> dict[str, Any]:
    """Stories told by the most outlets (at least two articles)."""
    return stories(store, order="outlets", since=since, until=until, min_size=MOST_COVERED_MIN_SIZE,
                   limit=limit, offset=offset)


def story(store: Store, story_id: str) -> dict[str, Any]:
    """One story and each outlet's version of it."""
    info, _articles = store.story(story_id)
    return {"story": plain(info), "versions": queries.story_versions(store.conn, story_id)}
