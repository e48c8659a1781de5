"""Words of a paragraph with their folded forms, and the sentence each one is in."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from khabar.arabic import fold, tokenize, without_hashtag_marks
from khabar.document import Document

COMMAS = frozenset("،,")  # Arabic and Latin commas, as words_of reads them


@dataclass(frozen=True, slots=True)
class Word:
    """A token with its offsets in Document.text and its folded form."""

    start: int
    end: int
    folded: str
    kind: str

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def words_of(text: str, start: int, end: int, folds: dict[str, str] | None = None,
             folded: str | None = None) -> list[Word]:
    """Tokens of text[start:end] with folded forms, offsets in `text`.

    `folds` is a caller-owned memo of folded forms (one per document: words repeat a lot).
    `folded` may give fold(text[start:end]) when it has the same length (nothing was dropped),
    so each token's folded form is a slice of it.
    """
    folds = {} if folds is None else folds
    aligned = folded is not None and len(folded) == end - start
    out = []
    for token in without_hashtag_marks(tokenize(text, start, end)):  # `وقال #ترمب` as `وقال ترمب`
        if aligned:
            form = folded[token.start - start : token.end - start]  # type: ignore[index]
        else:
            form = folds.get(token.text)
            if form is None:
                form = folds[token.text] = fold(token.text)
        if form:  # a stray diacritic or tatweel folds to nothing
            out.append(Word(token.start, token.end, form, token.kind))
    return out


def blocks_of(doc: Document) -> list[tuple[int, int]]:
    """Paragraph ranges: the document's paragraphs, else its lines."""
    if doc.paragraphs:
        return [(p.start, p.end) for p in doc.paragraphs]
    blocks, cursor = [], 0
    for line in doc.text.split("\n"):
        if line.strip():
            blocks.append((cursor, cursor + len(line)))
        cursor += len(line) + 1
    return blocks


class Sentences:
    """Sentence ends by position, so a cue's window never runs past its sentence."""

    def __init__(self, doc: Document) -> None:
        spans = sorted((s.start, s.end) for s in doc.sentences) or [(0, len(doc.text))]
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences overlapping text[start:end], clipped to it."""
        index = max(0, bisect_right(self._starts, start) - 1)
        out = []
        while index < len(self._starts) and self._starts[index] < end:
            if self._ends[index] > start:
                out.append((max(start, self._starts[index]), min(end, self._ends[index])))
            index += 1
        return out

    def starts_between(self, lo: int, hi: int) -> list[int]:
        """Starts of the sentences that start at or after `lo` and before `hi`."""
        return self._starts[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]

    def start_of(self, position: int) -> int:
        """Start of the sentence holding `position`."""
        return self._starts[max(0, bisect_right(self._starts, position) - 1)]

    def previous_start(self, position: int) -> int:
        """Start of the sentence before the one holding `position` (or of that one)."""
        index = max(0, bisect_right(self._starts, position) - 2)
        return self._starts[index]

    def end_of(self, position: int) -> int:
        index = bisect_right(self._starts, position) - 1
        if index < 0:
            return self._ends[0]
        return self._ends[index]
