"""Stage quotes.cues.v2: quotes and their speakers, from reporting cues and quotation marks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from khabar.document import Document
from khabar.pipeline import register
from khabar.quotes.extract import STAGE, find_quotes
from khabar.quotes.lexicon import load_lexicon


@register(STAGE, requires=("sentences", "entities"), produces=("quotes",))
def make_quotes(*, lexicon_dir: str | None = None) -> Callable[[Document], Document]:
    """Find direct and reported quotes and attribute each to a speaker entity.

    Options: `lexicon_dir`, a folder with quote_cues.tsv and quote_words.tsv to use instead of
    the shipped lexicons (khabar/lexicons).
    """
    lexicon = load_lexicon(Path(lexicon_dir) if lexicon_dir else None)

    def run(doc: Document) -> Document:
        quotes = find_quotes(doc, lexicon)
        result = dataclasses.replace(doc, quotes=quotes)
        missing = sum(1 for quote in quotes if quote.speaker is None and not quote.speaker_text)
        if missing:
            message = f"{missing} quote(s) without a speaker"
            result = result.with_warning("quote_speaker_missing", message, stage=STAGE)
        return result

    return run
