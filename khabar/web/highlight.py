"""Highlights from stored offsets: the clean text cut into pieces at every span boundary.

The web page never inserts text into HTML by hand. `highlight` sweeps over the boundaries of all
spans (entity mentions, quotes, event triggers) inside each paragraph and returns pieces, each
with the set of marks that cover it; the template escapes each piece. Nested and overlapping
spans need no special case: a piece is simply covered by several marks.

Example:
    >>> blocks = highlight("قال الوزير", [Mark(4, 10, "entity", "PER")])
    >>> [(p.text, [m.kind for m in p.marks]) for p in blocks[0].pieces]
    [('قال ', []), ('الوزير', ['entity'])]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_OPENING_MARKS = frozenset('«"“„')

# Sort order of marks on one piece: the widest kind first, so a link sits inside a quote.
_KIND_ORDER = {"quote": 0, "entity": 1, "trigger": 2}


@dataclass(frozen=True, slots=True)
class Mark:
    """A labelled [start, end) range of the text; `ref` says what it links to (an entity id)."""

    start: int
    end: int
    kind: str  # "entity" | "quote" | "trigger"
    label: str = ""  # entity type, CAMEO code, speaker name
    ref: Any = None
    title: str = ""
    badge_at: int | None = None  # where a quote's speaker badge goes (default: its start)

    @property
    def badge_start(self) -> int:
        return self.start if self.badge_at is None else self.badge_at


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text with the marks that cover all of it; `badge` is shown before it."""

    text: str
    marks: tuple[Mark, ...] = ()
    badge: str | None = None
    badge_ref: Any = None

    def has(self, kind: str) -> bool:
        return any(mark.kind == kind for mark in self.marks)

    def first(self, kind: str) -> Mark | None:
        return next((mark for mark in self.marks if mark.kind == kind), None)


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or heading of the article, cut into pieces."""

    kind: str
    pieces: tuple[Piece, ...] = field(default_factory=tuple)


def highlight(text: str, marks: Iterable[Mark], paragraphs: Iterable[tuple[int, int, str]] = ()) -> list[Block]:
    """Cut `text` into blocks (its paragraphs, else its blank-line blocks) and marked pieces.

    Marks outside the text or empty are dropped; a mark that crosses a paragraph boundary is
    shown in each paragraph it touches. A quote mark's `label` (the speaker) becomes a badge
    on the first piece of the quote.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    blocks = list(paragraphs) or _blank_line_blocks(text)
    return [Block(kind, tuple(_sweep(text, start, end, valid))) for start, end, kind in blocks if end > start]


def _sweep(text: str, start: int, end: int, marks: list[Mark]) -> list[Piece]:
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = {start, end}
    for mark in inside:
        cuts.add(max(mark.start, start))
        cuts.add(min(mark.end, end))
        if mark.kind == "quote" and start <= mark.badge_start < end:
            cuts.add(mark.badge_start)
    points = sorted(cuts)
    pieces = []
    for left, right in zip(points, points[1:]):
        covering = sorted((m for m in inside if m.start <= left and m.end >= right),
                          key=lambda m: (_KIND_ORDER.get(m.kind, 9), m.start, -m.end))
        opening = next((m for m in inside if m.kind == "quote" and m.badge_start == left and m.label), None)
        pieces.append(Piece(text[left:right], tuple(covering),
                            badge=opening.label if opening else None,
                            badge_ref=opening.ref if opening else None))
    return pieces


def _blank_line_blocks(text: str) -> list[tuple[int, int, str]]:
    blocks, start = [], 0
    for part in text.split("\n"):
        end = start + len(part)
        if part.strip():
            blocks.append((start, end, "paragraph"))
        start = end + 1
    return blocks


def document_marks(doc: dict[str, Any], entity_ids: dict[str, int] | None = None) -> list[Mark]:
    """Marks for a document's entity mentions, quotes and event triggers (from its JSON form)."""
    entity_ids = entity_ids or {}
    text = doc.get("text", "")
    names = {e["id"]: e["name"] for e in doc.get("entities", [])}
    marks = []
    for entity in doc.get("entities", []):
        for mention in entity.get("mentions", []):
            marks.append(Mark(mention["start"], mention["end"], "entity", entity["type"],
                              entity_ids.get(entity["id"]), entity["name"]))
    for quote in doc.get("quotes", []):
        speaker = names.get(quote.get("speaker") or "") or quote.get("speaker_text") or ""
        content = quote["content"]
        # The badge goes before an opening quote mark that directly precedes the content.
        before = content["start"] - 1
        badge_at = before if before >= 0 and text[before:content["start"]] in _OPENING_MARKS else None
        marks.append(Mark(content["start"], content["end"], "quote", speaker,
                          entity_ids.get(quote.get("speaker") or ""), speaker, badge_at))
    for event in doc.get("events", []):
        trigger = event["trigger"]
        marks.append(Mark(trigger["start"], trigger["end"], "trigger", event["cameo"], None,
                          f"CAMEO {event['cameo']}" + (f" · {event['plover']}" if event.get("plover") else "")))
    return marks
