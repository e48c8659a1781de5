"""`GET /trends`: articles and stories over time, as JSON, CSV or a page with an SVG chart.

The page draws the chart (khabar.web.chart), a table of every point under it, and links each
point to the article list with the same filters and the point's period as its date range.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from starlette.responses import JSONResponse, Response

from khabar.store.sqlite import Store
from khabar.store.trends import Filters, Series, period_end, trend_series
from khabar.web import chart
from khabar.web.csv_export import csv_response, register_csv_path, wants_csv
from khabar.web.guard import wants_json

Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
                                  description="YYYY, YYYY-MM or YYYY-MM-DD.")]
CSV_COLUMNS = ("key", "date", "articles", "stories")


def trends(store: Store, filters: Filters, *, by: str = "day", split: str = "none") -> dict[str, Any]:
    """The JSON of `GET /trends`: {series: [{key, articles, change, points: [{date, articles, stories}]}],
    periods: [every period's first day]}; a period missing from a series' points counts zero."""
    trend = trend_series(store.conn, filters, by=by, split=split)
    return {"series": [_series(s) for s in trend.series], "periods": list(trend.periods), "by": by,
            "split": split, "filters": filters.to_dict()}


def _series(series: Series) -> dict[str, Any]:
    change = series.change
    return {"key": series.key, "articles": series.articles,
            "change": None if change is None else {
                "direction": change.direction, "last": change.last, "mean": change.mean, "sd": change.sd,
                "z": change.z, "periods": change.periods},
            "points": [{"date": p.date, "articles": p.articles, "stories": p.stories} for p in series.points]}


def point_url(filters: Filters, *, by: str, split: str, key: str, start: str) -> str:
    """The article list behind one point: the trend's filters, its outlet, its period."""
    end = period_end(start, by)
    since = max(filters.since, start) if filters.since else start
    until = min(filters.until, end) if filters.until else end
    narrowed = filters.replace(since=since, until=until)
    if split == "source":
        narrowed = narrowed.replace(source=key)
    return "/articles?" + urlencode(narrowed.to_dict())


def add_trend_routes(app: FastAPI) -> None:
    """Register `GET /trends` on `app`."""
    register_csv_path(app, "/trends")

    @app.get("/trends", summary="Articles and stories per day, week or month, by outlet or in all", tags=["trends"])
    def trends_route(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
                     entity: Text = None, source: Text = None,
                     actor: Annotated[str | None, Query(max_length=40)] = None,
                     root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
                     since: Day = None, until: Day = None,
                     by: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
                     split: Annotated[str, Query(pattern="^(none|source)$")] = "none") -> Response:
        # A plain `def`: FastAPI runs it in a worker thread, so SQLite never blocks the event loop.
        filters = Filters(q=q, entity=entity, source=source, actor=actor, root=root, since=since, until=until)
        store = request.app.state.stores.get()
        key = ("trends", filters, by, split)
        data = request.app.state.cache.get(key, lambda: trends(store, filters, by=by, split=split))
        if wants_csv(request):
            rows = ({"key": s["key"], **p} for s in data["series"] for p in s["points"])
            return csv_response(rows, CSV_COLUMNS, filename="trends.csv")
        if wants_json(request):
            return JSONResponse({"ok": True, **data})

        def link(series_key: str, start: str) -> str:
            return point_url(filters, by=by, split=split, key=series_key, start=start)

        page = {**data, "chart": chart.draw(data["periods"], data["series"], link), "link": link}
        return request.app.state.renderer.page(request, "trends.html", page)


__all__ = ["CSV_COLUMNS", "add_trend_routes", "point_url", "trends"]
