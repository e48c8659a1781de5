"""A plain-text table of a Document's quotes: speaker, role, cue and quote, one row each."""

from __future__ import annotations

import unicodedata

from khabar.document import Document, Quote

_HEADERS = ("speaker", "role", "cue", "quote")
_WIDTHS = (22, 26, 10, 70)


def format_quotes_table(doc: Document, *, widths: tuple[int, ...] = _WIDTHS) -> str:
    """The quotes of `doc` as an aligned table for a terminal (one line per quote).

    Long cells are cut with `…`; an indirect quote is marked with `~` before its text.
    """
    entities = {entity.id: entity for entity in doc.entities}
    rows = [_HEADERS]
    for quote in doc.quotes:
        entity = entities.get(quote.speaker or "")
        speaker = entity.name if entity else (quote.speaker_text or "?")
        role = entity.roles[0].title if entity and entity.roles else _role_words(doc, quote)
        cue = doc.span_text(quote.cue) if quote.cue else ""
        text = " ".join(doc.span_text(quote.content).split())
        rows.append((speaker, role, cue, text if quote.direct else "~ " + text))
    lines = []
    for index, row in enumerate(rows):
        cells = [_fit(cell, width) for cell, width in zip(row, widths)]
        lines.append(" │ ".join(cells).rstrip())
        if index == 0:
            lines.append("─┼─".join("─" * width for width in widths))
    if len(rows) == 1:
        lines.append("(no quotes)")
    return "\n".join(lines)


def _role_words(doc: Document, quote: Quote) -> str:
    """Title words the text puts before the name (`وزير الدفاع الأمريكي`), when no role is known."""
    if quote.speaker_span is None or not quote.speaker_text:
        return ""
    words = doc.span_text(quote.speaker_span)
    cut = words.find(quote.speaker_text)
    return words[:cut].strip(" ،,") if cut > 0 else ""


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))
