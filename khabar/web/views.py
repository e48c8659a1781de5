"""The data behind every page and API route, as plain JSON-ready dicts.

Each function here is what one route returns: the JSON twin of a page *is* this dict, and the
HTML page is this dict rendered by a template. Routes only parse parameters and call one of
these, so the web layer shows nothing that the API cannot return. Apart from the home page,
they are the store's one read model (khabar.store.read), which the CLI prints too.
"""

from __future__ import annotations

from typing import Any

from khabar.store import queries
from khabar.store.read import (
    MOST_COVERED_MIN_SIZE,
    article,
    articles,
    entities,
    entity,
    events,
    most_covered,
    page_data,
    quotes,
    search,
    stories,
    story,
)
from khabar.store.sqlite import Store

HOME_STORIES = 8
HOME_ARTICLES = 12


def home(store: Store) -> dict[str, Any]:
    """The home page: the most-covered stories and the latest articles."""
    return {
        "stories": most_covered(store, limit=HOME_STORIES)["items"],
        "latest": queries.latest_articles(store.conn, limit=HOME_ARTICLES).items,
        "counts": store.counts(),
    }


__all__ = ["MOST_COVERED_MIN_SIZE", "article", "articles", "entities", "entity", "events", "home",
           "most_covered", "page_data", "quotes", "search", "stories", "story"]
