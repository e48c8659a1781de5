"""JSON-lines article records, read as a stream of lines each within the page budget.

A record is a JSON object with `text` or `html` and optional `id`, `url`, `source` (a name, or an
object with `name` and `url`), `title` and `published`. Metadata is untrusted: a number becomes
its text, and a field of any other type (a list, an object where text is expected) makes the
record a failure page with the reason, as does a line that is not JSON, is nested too deep for
the parser, or is longer than the limit. Every other line of the file is still read.

A `text` or `title` field that carries HTML markup (`<a href=…>`, `<img alt=…>`, `<br/>`) is
read as the text the markup shows, so a tag's attributes never reach the analysis as words
(issue 14: an `alt` text was tagged as a person).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from khabar.inputs.feeds import html_to_text
from khabar.inputs.limits import ReadLimits
from khabar.inputs.page import RawPage, failure_page

_KNOWN = frozenset({"html", "text", "source", "url", "id", "title", "published"})
_CHUNK = 1 << 16
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON's "\\ud800" escapes; no encoder takes them
# An HTML tag or comment: `<` then a Latin letter, `/` or `!--` (`العدد < 5` and `<<` are text).
_MARKUP = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|!--)")


class RecordError(ValueError):
    """A JSON record that is not an article record."""


def iter_jsonl(stream: BinaryIO, *, origin: str = "<jsonl>",
               limits: ReadLimits = ReadLimits()) -> Iterator[RawPage]:
    """One page per non-blank line of `stream`; a bad line becomes a failure page."""
    number = 0
    while True:
        line = stream.readline(limits.max_bytes + 1)
        if not line:
            return
        number += 1
        where = f"{origin}:{number}"
        if len(line) > limits.max_bytes and not line.endswith(b"\n"):
            _skip_line(stream)
            yield failure_page(where, f"line {number} is over the limit of {limits.max_bytes} bytes",
                               code="R103")
            continue
        if not line.strip():
            continue
        try:
            yield page_from_record(json.loads(line), origin=where)
        except (ValueError, TypeError, RecursionError) as error:
            # RecursionError: a line nested thousands of levels deep defeats the JSON parser.
            yield failure_page(where, f"line {number}: {type(error).__name__}: {error}",
                               content=line)


def _skip_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def page_from_record(record: Any, *, origin: str) -> RawPage:
    """A RawPage from a JSON record with `text` or `html` and optional metadata."""
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, got {type(record).__name__}")
    body, fmt = record.get("html"), "html"
    if body is None:
        body, fmt = record.get("text"), "text"
    if not isinstance(body, str):
        raise RecordError("the record has no 'text' or 'html' string")
    if fmt == "text":
        body = without_markup(body)
    source = record.get("source")
    if isinstance(source, dict):
        source_name = _text(source, "name", where="source.")
        url = _text(record, "url") or _text(source, "url", where="source.")
    else:
        source_name, url = _text(record, "source"), _text(record, "url")
    return RawPage(
        content=_LONE_SURROGATE.sub("\ufffd", body).encode("utf-8"),
        format=fmt,
        origin=origin,
        url=url,
        id=_text(record, "id"),
        title=_title(record),
        published=_text(record, "published"),
        source_name=source_name,
        encoding="utf-8",
        extra={k: v for k, v in record.items() if k not in _KNOWN},
    )


def without_markup(text: str) -> str:
    """A text field as the text its HTML markup shows; a field without markup as it is."""
    return html_to_text(text) if _MARKUP.search(text) else text


def _title(record: dict[str, Any]) -> str | None:
    title = _text(record, "title")
    return " ".join(without_markup(title).split()) if title and _MARKUP.search(title) else title


def _text(record: dict[str, Any], key: str, *, where: str = "") -> str | None:
    """A metadata field as text: strings as they are, numbers as their digits, null as None."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise RecordError(f"field {where}{key!r} must be a string, not {type(value).__name__}")
