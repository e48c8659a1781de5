"""Documents built by hand: text plus raw NER mentions, one entity per mention (m1, m2, ...).

This is the shape the NER stage hands to `entities.merge.v1`: spans leave out the proclitics
و ب ل ف ك, so `للأمم المتحدة` holds the mention `لأمم المتحدة`.
"""

from __future__ import annotations

import re

import pytest

from khabar.document import Document, Entity, Mention

_LETTER = r"[^\W\d_]"


def locate(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` occurs as whole words, after at most one proclitic (و ب ل ف ك)."""
    found = []
    patterns = [re.escape(name)]
    if name.startswith("ال"):
        patterns.append("(?<=ل)" + re.escape("ل" + name[2:]))  # للأمم → لأمم
    for pattern in patterns:
        for m in re.finditer(rf"(?<!{_LETTER}{_LETTER})(?<![^\Wلوبفك\d_]){pattern}(?!{_LETTER})", text):
            found.append(m.span())
    return found


def raw_entities(text: str, gold: list[tuple[str, str]]) -> tuple[Entity, ...]:
    """Raw NER output: every occurrence of every (name, type), longer names first, no overlaps."""
    spans: list[tuple[int, int, str]] = []
    for name, kind in sorted(gold, key=lambda g: -len(g[0])):
        for start, end in locate(text, name):
            if not any(s < end and start < e for s, e, _ in spans):
                spans.append((start, end, kind))
    spans.sort()
    return tuple(
        Entity(f"m{i}", kind, text[s:e], (Mention(s, e, "ner.crf.v2", 0.9),))
        for i, (s, e, kind) in enumerate(spans, start=1)
    )


def build(text: str, gold: list[tuple[str, str]], **fields) -> Document:
    """A Document with `text` and the raw mentions of `gold`."""
    return Document(id="test", text=text, entities=raw_entities(text, gold), **fields)


@pytest.fixture(scope="session")
def mentions_doc():
    """Build a Document from text and (name, type) pairs: `mentions_doc(text, [("كارتر", "PER")])`."""
    return build
