"""`GET /places`, `/places/{geonames}`, `/places/country/{code}` and `/map`.

/places lists resolved places by the articles that name them (JSON, CSV of every row, or a
page), under the filters of the other lists (khabar.store.trends.Filters) and an optional
country. A place's page lists its articles; a country's lists the articles that name it or any
place in it. /map draws the same counts as an SVG world map (khabar.web.world_map), each
country and city a link to its articles.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Path, Query, Request
from starlette.responses import JSONResponse, Response

from khabar.store import places as stored
from khabar.store.sqlite import Store
from khabar.store.trends import Filters
from khabar.web import world_map
from khabar.web.csv_export import batched_rows, csv_response, register_csv_path, wants_csv
from khabar.web.guard import wants_json

Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
                                  description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")]
Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=100_000)]
MAP_CITIES = world_map.MAX_CITIES


def places(store: Store, filters: Filters, *, country: str | None = None, limit: int = 50,
           offset: int = 0) -> dict[str, Any]:
    """The JSON of `GET /places`: {items: [{geonames, name, kind, country, lat, lon, articles, events}], total, ...}."""
    page = stored.list_places(store.conn, filters, country=country, limit=limit, offset=offset)
    return {"items": page.items, "total": page.total, "limit": limit, "offset": offset,
            "country": country.upper() if country else None, "filters": filters.to_dict()}


def place(store: Store, geonames: int, filters: Filters, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """The JSON of `GET /places/{geonames}`: the place and the articles that name it."""
    info = stored.place_info(store.conn, geonames)
    page = stored.place_articles(store.conn, geonames, filters, limit=limit, offset=offset)
    return {"place": info, "items": page.items, "total": page.total, "limit": limit, "offset": offset,
            "filters": filters.to_dict()}


def country_articles(store: Store, code: str, filters: Filters, *, limit: int = 20,
                     offset: int = 0) -> dict[str, Any]:
    """The JSON of `GET /places/country/{code}`: articles naming the country or a place in it."""
    page = stored.place_articles(store.conn, -1, filters, country=code.upper(), limit=limit, offset=offset)
    return {"country": code.upper(), "items": page.items, "total": page.total, "limit": limit,
            "offset": offset, "filters": filters.to_dict()}


def world(store: Store, filters: Filters) -> dict[str, Any]:
    """The JSON of `GET /map`: counts per country and for the cities with most articles."""
    countries = stored.country_counts(store.conn, filters)
    cities = stored.list_places(store.conn, filters, kind="city", limit=MAP_CITIES).items
    return {"countries": [{"country": code, **counts} for code, counts in sorted(countries.items())],
            "cities": cities, "filters": filters.to_dict()}


def _with_pages(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    limit, offset = data["limit"], data["offset"]

    def link(new_offset: int) -> str:
        return f"{request.url.path}?{urlencode({**request.query_params, 'offset': str(new_offset)})}"

    return {**data, "next": link(offset + limit) if offset + limit < data["total"] else None,
            "previous": link(max(0, offset - limit)) if offset else None}


def add_place_routes(app: FastAPI) -> None:
    """Register the place and map routes on `app`; the country outlines load once, here."""
    shapes = world_map.load_world()
    register_csv_path(app, "/places")

    def store_of(request: Request) -> Store:
        return request.app.state.stores.get()

    def page(request: Request, template: str, data: dict[str, Any]) -> Response:
        if wants_json(request):
            return JSONResponse({"ok": True, **data})
        return request.app.state.renderer.page(request, template, data)

    @app.get("/places", summary="Places named in the articles, by number of articles", tags=["places"])
    def places_route(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
                     entity: Text = None, source: Text = None,
                     actor: Annotated[str | None, Query(max_length=40)] = None,
                     root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
                     since: Day = None, until: Day = None, country: Country = None,
                     limit: Limit = 50, offset: Offset = 0) -> Response:
        filters = Filters(q=q, entity=entity, source=source, actor=actor, root=root, since=since, until=until)
        if wants_csv(request):
            def fetch(store: Store, size: int, skip: int) -> list[dict[str, Any]]:
                return stored.list_places(store.conn, filters, country=country, limit=size, offset=skip).items

            return csv_response(batched_rows(request, fetch), stored.PLACE_COLUMNS, filename="places.csv")
        data = places(store_of(request), filters, country=country, limit=limit, offset=offset)
        return page(request, "places.html", _with_pages(request, data))

    @app.get("/places/country/{code}", summary="Articles that name a country or a place in it", tags=["places"])
    def country_route(request: Request, code: Annotated[str, Path(pattern=r"^[A-Za-z]{2}$")],
                      q: Annotated[str | None, Query(max_length=500)] = None, entity: Text = None,
                      source: Text = None, since: Day = None, until: Day = None,
                      limit: Limit = 20, offset: Offset = 0) -> Response:
        filters = Filters(q=q, entity=entity, source=source, since=since, until=until)
        data = country_articles(store_of(request), code, filters, limit=limit, offset=offset)
        return page(request, "place.html", _with_pages(request, data))

    @app.get("/places/{geonames}", summary="One place and the articles that name it", tags=["places"])
    def place_route(request: Request, geonames: Annotated[int, Path(ge=1, le=2**63 - 1)],
                    q: Annotated[str | None, Query(max_length=500)] = None, entity: Text = None,
                    source: Text = None, since: Day = None, until: Day = None,
                    limit: Limit = 20, offset: Offset = 0) -> Response:
        filters = Filters(q=q, entity=entity, source=source, since=since, until=until)
        data = place(store_of(request), geonames, filters, limit=limit, offset=offset)
        return page(request, "place.html", _with_pages(request, data))

    @app.get("/map", summary="A world map of the places named in the articles", tags=["places"])
    def map_route(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
                  entity: Text = None, source: Text = None,
                  actor: Annotated[str | None, Query(max_length=40)] = None,
                  root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
                  since: Day = None, until: Day = None) -> Response:
        filters = Filters(q=q, entity=entity, source=source, actor=actor, root=root, since=since, until=until)
        key = ("map", filters)
        data = request.app.state.cache.get(key, lambda: world(store_of(request), filters))
        if wants_json(request):
            return JSONResponse({"ok": True, **data})
        query = urlencode(filters.to_dict())
        suffix = f"?{query}" if query else ""
        counts = {c["country"]: c for c in data["countries"]}
        drawn = world_map.draw(shapes, counts, data["cities"],
                               lambda code: f"/places/country/{code}{suffix}",
                               lambda geonames: f"/places/{geonames}{suffix}")
        return request.app.state.renderer.page(request, "map.html", {**data, "map": drawn})
