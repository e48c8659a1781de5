"""A small Arabic dependency parser over surface words, trained by the project (docs/syntax-parser.md).

    from khabar.syntax import load_parser, subject_of
    parse = load_parser().parse(["استقبل", "الرئيس", "السفير"])
    subject_of(parse, 0)        # TokenSpan(start=1, end=2)

Its UPOS tagger reads bodies' proper names in entities.merge.v5 (khabar.entities.article);
the parse is wired into no stage: docs/evaluation.md measures whether its reading of the
subject of a verb beats the rules of the events and quotes stages.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from khabar.syntax.parse import Parse, TokenSpan, object_of, phrase, subject_of
from khabar.syntax.parser import Parser

__all__ = ["Parse", "Parser", "TokenSpan", "load_parser", "object_of", "phrase", "subject_of"]


def load_parser(path: Path | None = None) -> Parser:
    """The shipped parser (loaded once), or the one stored at `path`."""
    from khabar.syntax.model import default_model_path
    return _load(path or default_model_path())


@lru_cache(maxsize=4)
def _load(path: Path) -> Parser:
    # a model of a few MB is read once per process, like the NER model a stage loads when built
    from khabar.syntax.model import read_parser
    return read_parser(path)
