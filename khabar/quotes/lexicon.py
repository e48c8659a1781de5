"""The cue lexicon: reporting verbs, participles, speaker words, all keyed by folded form.

Two project-written data files in khabar/lexicons: `quote_cues.tsv` (every inflected form of
each reporting verb and participle, with its gender and number) and `quote_words.tsv` (titles,
groups, honorific pronouns, `من جانبه` markers and first names with their gender). Forms are
folded with khabar.arabic.fold, so tanween, shadda and hamza spellings all match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from khabar.arabic import fold

LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicons"
_PREFIXES = ("و", "ف")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class CueForm:
    """One reporting form: its lemma, kind (verb, participle, noun, according), agreement."""

    lemma: str
    kind: str
    complement: str  # "that" or "np"
    gender: str | None
    number: str | None
    # where the form reports (optional last column): "opens" only at a sentence's or clause's
    # start (`وبيّن`, spelled like `وبين`, and between), "colon" only right before a colon or a
    # quotation mark (`وزاد:`, not `وزاد الاهتمام`); None anywhere
    where: str | None = None


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Folded cue forms and speaker words, loaded once when the stage is built."""

    cues: dict[str, CueForm]
    words: dict[str, tuple[str, str | None]]  # folded word -> (class, gender)
    sides: dict[tuple[str, ...], str | None]  # folded token pair -> gender (من جانبه)

    def mentions_cue(self, folded_text: str) -> bool:
        """Whether a folded paragraph holds any cue form at all."""
        return not self.cues.keys().isdisjoint(_WORD.findall(folded_text))

    def cue(self, folded: str) -> CueForm | None:
        """The cue a folded token is, with or without a conjunction prefix (وقال, فأضاف)."""
        return self.cues.get(folded)

    def word(self, folded: str) -> tuple[str, str | None] | None:
        """The class and gender of a speaker word, with or without the prefixes و and ال."""
        return self.words.get(folded)


def _rows(path: Path, *, optional: bool = False) -> list[list[str]]:
    if optional and not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def load_lexicon(directory: Path | None = None, *, version: int = 3) -> CueLexicon:
    """Read quote_cues.tsv and quote_words.tsv from `directory` (default: the shipped ones).

    `version` 3 (quotes.cues.v3) adds the rows of quote_cues_v3.tsv and quote_words_v3.tsv when
    they are there, so that quotes.cues.v2 keeps reading what it always read; `version` 4
    (quotes.cues.v4) adds quote_cues_v4.tsv and quote_words_v4.tsv.
    """
    directory = directory or LEXICON_DIR
    cue_rows = _rows(directory / "quote_cues.tsv")
    word_rows = _rows(directory / "quote_words.tsv")
    if version >= 3:
        cue_rows += _rows(directory / "quote_cues_v3.tsv", optional=True)
        word_rows += _rows(directory / "quote_words_v3.tsv", optional=True)
    if version >= 4:
        cue_rows += _rows(directory / "quote_cues_v4.tsv", optional=True)
        word_rows += _rows(directory / "quote_words_v4.tsv", optional=True)
    # Every key is stored with its prefixed spellings too, so a lookup is one dict access.
    cues: dict[str, CueForm] = {}
    for lemma, kind, complement, gender, number, forms, *where in cue_rows:
        entry = CueForm(lemma, kind, complement, _opt(gender), _opt(number),
                        where[0] if where else None)
        for form in forms.split():
            folded = fold(form)
            for key in (folded, *(prefix + folded for prefix in _PREFIXES)):
                cues.setdefault(key, entry)  # first row wins for ambiguous spellings
    words: dict[str, tuple[str, str | None]] = {}
    sides: dict[tuple[str, ...], str | None] = {}
    for word, cls, gender in word_rows:
        key = tuple(fold(part) for part in word.split())
        if len(key) > 1:
            sides[key] = _opt(gender)
            continue
        for spelling in (key[0], "ال" + key[0], "و" + key[0], "وال" + key[0]):
            words.setdefault(spelling, (cls, _opt(gender)))
    return CueLexicon(cues, words, sides)


def _opt(value: str) -> str | None:
    return None if value == "-" else value
