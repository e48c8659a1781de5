"""`GET /watches` (the saved watches and their spike state) and `GET /watches/{name}.atom`.

The feed is Atom 1.0 (RFC 4287), built with ElementTree so every text is escaped: one entry per
recorded match, newest first, and, when the watch's last day is a spike (khabar.store.watches),
a first entry that says so, with the category `spike`. Reading a feed changes nothing: only
`khabar watch check` marks matches as seen.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Path, Request
from starlette.responses import Response

from khabar.errors import ConfigError, PathNotFoundError
from khabar.store.sqlite import Store
from khabar.store.change import UP, Change
from khabar.store.watches import FEED_ENTRIES, Watch, get_watch, list_watches, spike, watch_matches

ATOM = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"


def watches(store: Store) -> dict[str, Any]:
    """Every watch with its filters, its spike state, its number of matches and the latest five."""
    items = []
    for watch in list_watches(store.conn):
        day, change = spike(store.conn, watch)
        count = store.conn.execute("SELECT COUNT(*) FROM watch_matches WHERE watch = ?", (watch.name,)).fetchone()[0]
        items.append({"name": watch.name, "filters": watch.filters.to_dict(), "created": watch.created,
                      "last_day": day, "spike": bool(change and change.direction == UP),
                      "change": None if change is None else {"last": change.last, "mean": change.mean,
                                                             "sd": change.sd, "z": change.z, "days": change.periods},
                      "matches": count, "latest": watch_matches(store.conn, watch.name, limit=5)})
    return {"items": items}


def atom_feed(store: Store, watch: Watch, *, base: str) -> bytes:
    """The Atom document of a watch's matches (`base`: the site's URL, without a final slash)."""
    matches = watch_matches(store.conn, watch.name, limit=FEED_ENTRIES)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "ar"})
    _text(feed, "id", f"urn:khabar:watch:{quote(watch.name, safe='')}")
    _text(feed, "title", f"خبر · متابعة: {watch.name}")
    _text(feed, "subtitle", " · ".join(f"{k}={v}" for k, v in sorted(watch.filters.to_dict().items())))
    _text(feed, "updated", _rfc3339(matches[0]["matched_at"] if matches else watch.created))
    ET.SubElement(feed, "link", {"rel": "self", "href": f"{base}/watches/{quote(watch.name)}.atom"})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html",
                                 "href": f"{base}/trends?{urlencode(watch.filters.to_dict())}"})
    _text(ET.SubElement(feed, "author"), "name", "khabar")
    day, change = spike(store.conn, watch)
    if change is not None and change.direction == UP:
        _spike_entry(feed, watch, day, change, base)
    for match in matches:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", f"urn:khabar:watch:{quote(watch.name, safe='')}:match:{match['match']}")
        _text(entry, "title", match["title"] or match["id"])
        _text(entry, "updated", _rfc3339(match["matched_at"]))
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html",
                                      "href": f"{base}/articles/{quote(match['id'], safe='')}"})
        _text(entry, "summary", " · ".join(x for x in (match["source"], match["day"]) if x))
        if match["source"]:
            ET.SubElement(entry, "category", {"term": match["source"]})
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _spike_entry(feed: ET.Element, watch: Watch, day: str, change: Change, base: str) -> None:
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", f"urn:khabar:watch:{quote(watch.name, safe='')}:spike:{day}")
    _text(entry, "title", f"ارتفاع حاد: {change.last} مقالة في {day} (المعدل {change.mean} في "
                          f"{change.periods} يوما)")
    _text(entry, "updated", _rfc3339(f"{day}T23:59:59+00:00"))
    ET.SubElement(entry, "category", {"term": "spike"})
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": f"{base}/articles?" + urlencode(
        watch.filters.replace(since=day, until=day).to_dict())})
    _text(entry, "summary", f"z = {change.z}")


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = value
    return element


def _rfc3339(stamp: str) -> str:
    """Stored times are ISO 8601 in UTC; Atom wants a zone, written here as Z."""
    return stamp.replace("+00:00", "Z") if stamp.endswith("+00:00") else stamp


def add_watch_routes(app: FastAPI) -> None:
    """Register `GET /watches` and `GET /watches/{name}.atom` on `app`."""

    @app.get("/watches", summary="Saved watches, their spike state and latest matches", tags=["watches"])
    def watches_route(request: Request) -> Response:
        data = watches(request.app.state.stores.get())
        return request.app.state.renderer.respond(request, "watches.html", data)

    @app.get("/watches/{name}.atom", summary="A watch's matches as an Atom feed", tags=["watches"])
    def watch_feed(request: Request, name: Annotated[str, Path(max_length=64)]) -> Response:
        store = request.app.state.stores.get()
        try:
            watch = get_watch(store.conn, name)
        except ConfigError as error:  # no watch of that name
            raise PathNotFoundError("E601", path=request.url.path) from error
        body = atom_feed(store, watch, base=str(request.base_url).rstrip("/"))
        return Response(body, media_type=ATOM_TYPE)
