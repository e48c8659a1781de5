"""Read BIO-tagged corpora (one token per line, tags after it, blank line between sentences).

Nested corpora (Wojood) give several tags per token, one per nesting level. Sentences become text
by joining tokens with single spaces, so every gold span has character offsets in that text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    type: str
    first: int  # token indices, inclusive
    last: int


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    tokens: list[tuple[int, int]]
    spans: list[GoldSpan]


def read_bio(path: Path, *, blank_ends_sentence: bool = True) -> Iterator[Sentence]:
    """Sentences of a BIO file; ANERcorp without blank lines splits after each `.` token."""
    return read_bio_lines(path.read_text(encoding="utf-8").splitlines(),
                          blank_ends_sentence=blank_ends_sentence)


def read_bio_lines(lines: list[str], *, blank_ends_sentence: bool = True) -> Iterator[Sentence]:
    """Sentences of BIO lines (see read_bio)."""
    rows: list[list[str]] = []
    for line in lines:
        parts = line.split()
        if not parts:
            if rows and blank_ends_sentence:
                yield _sentence(rows)
                rows = []
            continue
        rows.append(parts)
        if not blank_ends_sentence and parts[0] == ".":
            yield _sentence(rows)
            rows = []
    if rows:
        yield _sentence(rows)


def _sentence(rows: list[list[str]]) -> Sentence:
    tokens, cursor = [], 0
    for row in rows:
        tokens.append((cursor, cursor + len(row[0])))
        cursor += len(row[0]) + 1
    text = " ".join(row[0] for row in rows)
    spans: list[GoldSpan] = []
    open_spans: dict[tuple[int, str], int] = {}
    for index, row in enumerate(rows):
        seen = set()
        for level, tag in enumerate(row[1:]):
            if tag == "O" or "-" not in tag:
                continue
            mark, kind = tag.split("-", 1)
            key = (level, kind)
            seen.add(key)
            if mark == "B" or key not in open_spans:
                _close(key, open_spans, index - 1, tokens, spans)
                open_spans[key] = index
        for key in [k for k in open_spans if k not in seen]:
            _close(key, open_spans, index - 1, tokens, spans)
    for key in list(open_spans):
        _close(key, open_spans, len(rows) - 1, tokens, spans)
    return Sentence(text, tokens, spans)


def _close(key, open_spans, last, tokens, spans) -> None:
    first = open_spans.pop(key, None)
    if first is not None and last >= first:
        spans.append(GoldSpan(tokens[first][0], tokens[last][1], key[1], first, last))


def overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def prf(true_positive_predicted: int, predicted: int, true_positive_gold: int, gold: int) -> str:
    """`P / R / F1` with counts, as a markdown cell."""
    p = true_positive_predicted / predicted if predicted else 0.0
    r = true_positive_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} ({true_positive_predicted}/{predicted}) | {r:.3f} ({true_positive_gold}/{gold}) | {f:.3f}"
