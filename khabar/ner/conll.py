"""CoNLL-style BIO files and the conlleval entity scorer.

The readers take a path (the caller decides where data lives; nothing here knows about
../shared). Tags are mapped to khabar's labels: PERS -> PER, MIS -> MISC.

Scoring follows conlleval (CoNLL-2000 `conlleval.pl`): an entity is a maximal chunk that starts
at a B- tag, or at an I- tag whose type differs from the previous token's; a predicted entity is
correct only when its start, end and type all match a gold entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "MISC")
_TYPE_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "MIS": "MISC"}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One tagged sentence: tokens and their BIO tags in khabar's labels."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def map_tag(tag: str) -> str:
    """`B-PERS` -> `B-PER`, `I-MIS` -> `I-MISC`; anything unknown becomes `O`."""
    if "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    label = _TYPE_MAP.get(kind)
    if prefix not in ("B", "I") or label is None:
        return "O"
    return f"{prefix}-{label}"


def _parse_line(line: str) -> tuple[str, str] | None:
    """(token, tag) of one `token TAG` line; a line without a tag gets `O`; None for no token."""
    # Strip bidi marks (RLM/LRM) that a few ANERcorp lines carry around the separator.
    line = line.replace("\u200f", " ").replace("\u200e", " ").strip()
    if not line:
        return None
    parts = line.split()
    if len(parts) == 1:
        return (parts[0], "O") if not _looks_like_tag(parts[0]) else None
    token, tag = " ".join(parts[:-1]), parts[-1]
    if not _looks_like_tag(tag):
        return " ".join(parts), "O"
    return token.replace(" ", ""), map_tag(tag)


def _looks_like_tag(text: str) -> bool:
    return text == "O" or text[:2] in ("B-", "I-")


def read_blank_separated(path: Path) -> list[Sentence]:
    """Sentences of a file with a blank line between sentences (CAMeL test split, AQMAR)."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if not raw.strip():
            if tokens:
                sentences.append(Sentence(tuple(tokens), tuple(tags)))
            tokens, tags = [], []
            continue
        parsed = _parse_line(raw)
        if parsed is not None:
            tokens.append(parsed[0])
            tags.append(parsed[1])
    if tokens:
        sentences.append(Sentence(tuple(tokens), tuple(tags)))
    return sentences


def read_running(path: Path, *, first: int = 1, last: int | None = None) -> list[Sentence]:
    """Sentences of a file without sentence breaks (original ANERcorp), lines first..last.

    A sentence ends after a `.` token (or `!`, `?`, `؟`); sentences over 120 tokens are cut at
    the next token tagged `O` so training sequences stay short.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = lines[first - 1 : last]
    pairs = [p for p in (_parse_line(line) for line in lines) if p is not None]
    return list(_cut(pairs))


def _cut(pairs: Sequence[tuple[str, str]]) -> Iterator[Sentence]:
    tokens: list[str] = []
    tags: list[str] = []
    for token, tag in pairs:
        tokens.append(token)
        tags.append(tag)
        long_enough = len(tokens) >= 120 and tag == "O"
        if token in (".", "!", "?", "؟") or long_enough:
            yield Sentence(tuple(tokens), tuple(tags))
            tokens, tags = [], []
    if tokens:
        yield Sentence(tuple(tokens), tuple(tags))


def to_bioes(tags: Sequence[str]) -> tuple[str, ...]:
    """The same entities (conlleval chunks) in BIOES: S- marks a one-token entity, E- the last
    token of a longer one (train/ner/train.py --scheme bioes)."""
    out = ["O"] * len(tags)
    for start, end, kind in chunks(tags):
        if end - start == 1:
            out[start] = f"S-{kind}"
        else:
            out[start : end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 2) + [f"E-{kind}"]
    return tuple(out)


def to_bio(tag: str) -> str:
    """A BIOES tag as BIO (S- is B-, E- is I-)."""
    prefix, _, name = tag.partition("-")
    if not name:
        return tag
    return {"S": "B", "E": "I"}.get(prefix, prefix) + "-" + name


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entities as (start, end, type) token ranges, end exclusive, by conlleval's rules."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for index, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and label != kind)
        if kind and (prefix == "O" or begins):
            found.add((start, index, kind))
            kind = ""
        if begins:
            start, kind = index, label
    return found


@dataclass
class Score:
    """Counts and precision, recall, F1 (in percent) for one label or for all."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return 100.0 * self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Micro-averaged score over all labels and one score per label."""

    overall: Score = field(default_factory=Score)
    by_label: dict[str, Score] = field(default_factory=dict)


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Report:
    """Entity-level exact-match scores of predicted tag sequences against gold ones."""
    report = Report(by_label={label: Score() for label in LABELS})
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_chunks, predicted_chunks = chunks(gold_tags), chunks(predicted_tags)
        for chunk_set, attribute in ((gold_chunks, "gold"), (predicted_chunks, "predicted")):
            for _start, _end, label in chunk_set:
                for target in (report.overall, report.by_label.setdefault(label, Score())):
                    setattr(target, attribute, getattr(target, attribute) + 1)
        for _start, _end, label in gold_chunks & predicted_chunks:
            report.overall.correct += 1
            report.by_label[label].correct += 1
    return report
