"""Fixtures for the quote helpers: hand-built Documents (text, paragraphs, sentences, entities)."""

from __future__ import annotations

import pytest

from khabar.arabic import split_sentences
from khabar.document import Document, Entity, Mention, Offsets, Paragraph, Role, Sentence
from khabar.quotes import load_lexicon


def build_document(text: str, people: dict[str, tuple[str, ...]], *,
                   types: dict[str, str] | None = None,
                   roles: dict[str, str] | None = None) -> Document:
    """A Document whose entities are found by string search: {"e1": ("آشتون كارتر", "كارتر")}."""
    paragraphs, cursor = [], 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(Paragraph(cursor, cursor + len(line)))
        cursor += len(line) + 1
    sentences = tuple(
        Sentence(s, e) for p in paragraphs for s, e in split_sentences(text, p.start, p.end)
    )
    taken: list[tuple[int, int]] = []
    entities = []
    for entity_id, forms in people.items():
        mentions = []
        for form in sorted(forms, key=len, reverse=True):
            at = text.find(form)
            while at >= 0:
                if not any(s <= at < e for s, e in taken):
                    taken.append((at, at + len(form)))
                    mentions.append(Mention(at, at + len(form)))
                at = text.find(form, at + 1)
        role = (roles or {}).get(entity_id)
        entities.append(Entity(
            entity_id, (types or {}).get(entity_id, "PER"), forms[0],
            tuple(sorted(mentions, key=lambda m: m.start)),
            (Role(role, None, Offsets(0, 0)),) if role else (),
        ))
    return Document(id="fixture", text=text, paragraphs=tuple(paragraphs),
                    sentences=sentences, entities=tuple(entities))


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def make_document():
    return build_document
