"""Pages: Jinja2 templates with autoescaping always on, and the JSON-or-HTML choice.

Templates receive the same dict the JSON twin returns, plus a few pure helpers (`highlight`,
`safe_url`, `page_url`). Nothing reaches the HTML without Jinja escaping it: the templates use
no `|safe` and the helpers return data, never markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from khabar.web.csv_export import csv_url
from khabar.web.guard import wants_json
from khabar.web.highlight import document_marks, highlight

TEMPLATES = Path(__file__).resolve().parent / "templates"

ENTITY_TYPES = {
    "PER": "شخص", "PERS": "شخص", "PERSON": "شخص",
    "ORG": "مؤسسة",
    "LOC": "مكان", "GPE": "مكان",
    "MISC": "أخرى",
}
KNOWN_TYPE_CLASSES = {"PER": "per", "PERS": "per", "PERSON": "per", "ORG": "org", "LOC": "loc", "GPE": "loc"}


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None: no `javascript:` or `data:` link is ever made."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def type_class(entity_type: str | None) -> str:
    """The CSS class suffix for an entity type (per, org, loc or misc)."""
    return KNOWN_TYPE_CLASSES.get((entity_type or "").upper(), "misc")


def type_name(entity_type: str | None) -> str:
    """The Arabic name of an entity type."""
    return ENTITY_TYPES.get((entity_type or "").upper(), entity_type or "")


def article_blocks(data: dict[str, Any]) -> list[Any]:
    """The article text cut into highlighted paragraphs (see khabar.web.highlight)."""
    doc = data["article"]
    paragraphs = [(p["start"], p["end"], p.get("kind", "paragraph")) for p in doc.get("paragraphs", [])]
    ids = data.get("entity_ids") or {}
    return highlight(doc.get("text", ""), document_marks(doc, ids), paragraphs)


class Renderer:
    """Renders a page's data as HTML, or returns it as JSON, as the request asks."""

    def __init__(self) -> None:
        self.env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(safe_url=safe_url, type_class=type_class, type_name=type_name,
                                article_blocks=article_blocks, entity_types=ENTITY_TYPES)

    def respond(self, request: Request, template: str, data: dict[str, Any], *, status: int = 200) -> Response:
        """JSON (`{"ok": true, **data}`) or the HTML page, as the request prefers."""
        if wants_json(request):
            return JSONResponse({"ok": True, **data}, status_code=status)
        return self.page(request, template, data, status=status)

    def page(self, request: Request, template: str, data: dict[str, Any], *, status: int = 200) -> Response:
        """The HTML page for `data`."""
        def page_url(**changes: Any) -> str:
            params = dict(request.query_params)
            params.update({k: v for k, v in changes.items()})
            query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
            return request.url.path + (f"?{query}" if query else "")

        csv_paths = getattr(request.app.state, "csv_paths", set())
        html = self.env.get_template(template).render(
            data=data, path=request.url.path, page_url=page_url, json_url=_json_url(request),
            csv_url=csv_url(request) if request.url.path in csv_paths else None)
        return HTMLResponse(html, status_code=status)


def _json_url(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/index"
    query = request.url.query
    return f"{path}.json" + (f"?{query}" if query else "")
