"""Stages quotes.cues.v2, v3 and v4: quotes and their speakers, from reporting cues and
quotation marks. v3 resolves more speakers, v4 (the default) reads more reporting verbs
(docs/quotes.md)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from khabar.document import Document
from khabar.pipeline import register
from khabar.quotes.extract import STAGE_V2, STAGE_V3, STAGE_V4, find_quotes
from khabar.quotes.lexicon import load_lexicon


@register(STAGE_V2, requires=("sentences", "entities"), produces=("quotes",))
def make_quotes(*, lexicon_dir: str | None = None) -> Callable[[Document], Document]:
    """Find direct and reported quotes and attribute each to a speaker entity.

    Options: `lexicon_dir`, a folder with quote_cues.tsv and quote_words.tsv to use instead of
    the shipped lexicons (khabar/lexicons).
    """
    return _quotes_stage(STAGE_V2, lexicon_dir)


@register(STAGE_V3, requires=("sentences", "entities"), produces=("quotes",))
def make_quotes_v3(*, lexicon_dir: str | None = None) -> Callable[[Document], Document]:
    """Find quotes as quotes.cues.v2 does and resolve more of their speakers.

    Relays, media, names in apposition, continuations and quotes inside quotes
    (docs/quotes.md).

    Options: `lexicon_dir`, as for quotes.cues.v2.
    """
    return _quotes_stage(STAGE_V3, lexicon_dir)


@register(STAGE_V4, requires=("sentences", "entities"), produces=("quotes",))
def make_quotes_v4(*, lexicon_dir: str | None = None) -> Callable[[Document], Document]:
    """Find quotes as quotes.cues.v3 does, with more reporting verbs (`أبان`, `بيّن`, `أظهر`).

    Also `أجاب`, and `زاد` before a colon; `وبيّن` only where it opens a clause; `وفقا لما ذكره
    X` attributed to X (docs/quotes.md). Options: `lexicon_dir`, as for quotes.cues.v2.
    """
    return _quotes_stage(STAGE_V4, lexicon_dir)


def _quotes_stage(stage: str, lexicon_dir: str | None) -> Callable[[Document], Document]:
    version = {STAGE_V2: 2, STAGE_V3: 3, STAGE_V4: 4}[stage]
    lexicon = load_lexicon(Path(lexicon_dir) if lexicon_dir else None, version=version)

    def run(doc: Document) -> Document:
        quotes = find_quotes(doc, lexicon, stage=stage)
        result = dataclasses.replace(doc, quotes=quotes)
        missing = sum(1 for quote in quotes if quote.speaker is None and not quote.speaker_text)
        if missing:
            message = f"{missing} quote(s) without a speaker"
            result = result.with_warning("quote_speaker_missing", message, stage=stage)
        return result

    return run
