"""Every list as CSV: content negotiation, streaming of all pages, and the injection guard.

A list route answers `text/csv` when asked with `?format=csv` or `Accept: text/csv`. The CSV
holds every row that matches the filters, not one page: `batched_rows` reads the store a batch
at a time (batches grow from 500 to 20,000 rows), and the rows go out as they are read, so
memory stays bounded on large results.

Cells that a spreadsheet would run as a formula (text starting with `=`, `+`, `-`, `@`, a tab or
a carriage return) are prefixed with `'` (OWASP's advice on CSV injection). Numbers are written
as numbers. The body starts with a UTF-8 byte-order mark, which spreadsheet programs need to
read Arabic correctly; `csv` readers in Python skip it with `encoding="utf-8-sig"`.

Example (in a route):
    if wants_csv(request):
        return csv_response(batched_rows(request, fetch), COLUMNS, filename="articles.csv")
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import StreamingResponse

from khabar.store.sqlite import Store

CSV_TYPE = "text/csv; charset=utf-8"
BATCH = 500  # rows in the first batch read from the store
MAX_BATCH = 20_000  # rows in the largest batch
CHUNK = 64 * 1024  # characters per piece of the response
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BOM = "\ufeff"


def wants_csv(request: Request) -> bool:
    """True for `?format=csv`, or when `Accept` names `text/csv` before any other type."""
    if request.query_params.get("format", "").lower() == "csv":
        return True
    accept = request.headers.get("accept", "").lower()
    at = accept.find("text/csv")
    if at < 0:
        return False
    others = [accept.find(kind) for kind in ("text/html", "application/json")]
    return all(other < 0 or at < other for other in others)


def csv_url(request: Request) -> str:
    """This page's URL with `format=csv` (and without paging, since the CSV holds every page)."""
    params = {k: v for k, v in request.query_params.items() if k not in ("format", "limit", "offset")}
    params["format"] = "csv"
    return f"{request.url.path}?{urlencode(params)}"


def register_csv_path(app: Any, path: str) -> None:
    """Record that the HTML page at `path` has a CSV twin (its footer then links to it)."""
    if not hasattr(app.state, "csv_paths"):
        app.state.csv_paths = set()
    app.state.csv_paths.add(path)


def safe_cell(value: Any) -> Any:
    """A cell value that no spreadsheet runs as a formula; lists become `a; b`, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        value = "; ".join("" if v is None else str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def flatten(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts as dotted keys: {"actor": {"code": "SAU"}} -> {"actor.code": "SAU"}."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def csv_lines(rows: Iterable[dict[str, Any]], columns: Sequence[str], *, chunk: int = CHUNK) -> Iterator[str]:
    """The header, then the rows (flattened; missing keys are empty cells), in pieces of about
    `chunk` characters: each piece a streamed response sends costs a hop between threads, so
    one piece per line would cost more than the lines themselves."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(_BOM)
    writer.writerow(columns)
    for row in rows:
        flat = flatten(row)
        writer.writerow([safe_cell(flat.get(column)) for column in columns])
        if buffer.tell() >= chunk:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def batched_rows(request: Request, fetch: Callable[[Store, int, int], list[dict[str, Any]]],
                 *, batch: int = BATCH, max_batch: int = MAX_BATCH) -> Iterator[dict[str, Any]]:
    """Every row `fetch(store, limit, offset)` returns, a batch at a time, until a short batch.

    Batches double from `batch` up to `max_batch`: the first rows go out at once, and a long
    list takes a few queries rather than one per 500 rows (each query with an offset sorts and
    skips the rows before it). The first batch is read now, so a bad parameter fails as a coded
    error before the response starts. The store is looked up again for each later batch: a
    streamed response is read from worker threads, and each thread has its own SQLite
    connection (khabar.web.app.StoreOpener).
    """
    first = fetch(request.app.state.stores.get(), batch, 0)
    return _following(request, fetch, first, batch, max_batch)


def _following(request: Request, fetch: Callable[[Store, int, int], list[dict[str, Any]]],
               rows: list[dict[str, Any]], batch: int, max_batch: int) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        yield from rows
        if len(rows) < batch:
            return
        offset += batch
        batch = min(2 * batch, max(max_batch, batch))
        rows = fetch(request.app.state.stores.get(), batch, offset)


def csv_response(rows: Iterable[dict[str, Any]], columns: Sequence[str], *, filename: str) -> StreamingResponse:
    """A streamed `text/csv` download of `rows` with these columns."""
    return StreamingResponse(csv_lines(rows, columns), media_type=CSV_TYPE,
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})
