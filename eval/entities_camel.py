"""Persons and places-or-organizations on the CAMeL test split, through the merge stages.

    python -m eval.entities_camel                       # entities.merge.v2 against v3
    python -m eval.entities_camel --stages entities.merge.v3

`eval.ner` scores the tagger alone. This scores what a user gets after a merge stage, on news
that no rule was written from: the test split of ANERcorp (CAMeL Lab), its sentences joined
into pseudo-articles of 30 (as `eval.ner` does), each run through `ner.crf.v2` and the merge
stage. A predicted mention covers the corpus tokens it overlaps (the stages cut proclitics off
a token; the corpus keeps them on). Scores are exact token spans, per type and with ORG and LOC
as one type (places-or-organizations, the way issue 14's Gulf-news measure counts them).
"""

from __future__ import annotations

import argparse
import sys

from eval.ner import DEFAULT_TEST, WINDOW
from khabar.document import Document, Sentence
from khabar.ner.conll import read_blank_separated
from khabar.pipeline import registered_stages

PLACES_OR_ORGS = {"ORG": "PLO", "LOC": "PLO"}


def gold_chunks(tags, offset: int) -> set[tuple[int, int, str]]:
    """(first token, last token + 1, type) of the BIO chunks, token numbers from `offset`."""
    chunks, start, kind = set(), -1, ""
    for index, tag in enumerate(list(tags) + ["O"]):
        prefix, _, name = tag.partition("-")
        if kind and (prefix != "I" or name != kind):
            chunks.add((offset + start, offset + index, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = index, name
    return chunks


def pseudo_article(sentences) -> tuple[Document, list[tuple[int, int]], set]:
    """The Document of some corpus sentences, the character span of each corpus token, and
    the gold chunks."""
    parts, spans, gold, at, marks = [], [], set(), 0, []
    for sentence in sentences:
        begin = at
        gold |= gold_chunks(sentence.tags, len(spans))
        for token in sentence.tokens:
            spans.append((at, at + len(token)))
            parts.append(token + " ")
            at += len(token) + 1
        marks.append(Sentence(begin, at - 1))
        parts[-1] = parts[-1][:-1] + "\n"
    text = "".join(parts)
    return Document(id="camel", text=text, sentences=tuple(marks)), spans, gold


def predicted_chunks(doc: Document, spans) -> set[tuple[int, int, str]]:
    chunks = set()
    for entity in doc.entities:
        for m in entity.mentions:
            covered = [k for k, (s, e) in enumerate(spans) if s < m.end and m.start < e]
            if covered:
                chunks.add((covered[0], covered[-1] + 1, entity.type))
    return chunks


def score(gold: set, predicted: set) -> tuple[float, float, float]:
    right = len(gold & predicted)
    p = right / len(predicted) if predicted else 0.0
    r = right / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", default="entities.merge.v2,entities.merge.v3")
    args = parser.parse_args()
    if not DEFAULT_TEST.exists():
        print(f"skipped: the CAMeL test split is not here ({DEFAULT_TEST})")
        return 0
    known = registered_stages()
    tagger = known["ner.crf.v2"].factory()
    merges = {name: known[name].factory() for name in args.stages.split(",")}
    sentences = read_blank_separated(DEFAULT_TEST)
    gold, found = set(), {name: set() for name in merges}
    for first in range(0, len(sentences), WINDOW):
        doc, spans, chunks = pseudo_article(sentences[first:first + WINDOW])
        gold |= {(first, *chunk) for chunk in chunks}  # token numbers restart per article
        tagged = tagger(doc)
        for name, merge in merges.items():
            found[name] |= {(first, *chunk) for chunk in predicted_chunks(merge(tagged), spans)}
    print("| measure | " + " | ".join(merges) + " |")
    print("|---|" + "---:|" * len(merges))
    for label, kinds, relabel in (("persons", {"PER"}, {}), ("organizations", {"ORG"}, {}),
                                  ("locations", {"LOC"}, {}),
                                  ("places-or-organizations", {"PLO"}, PLACES_OR_ORGS)):
        cells = []
        for name in merges:
            g = {(a, s, e, relabel.get(t, t)) for a, s, e, t in gold}
            f = {(a, s, e, relabel.get(t, t)) for a, s, e, t in found[name]}
            p, r, f1 = score({x for x in g if x[3] in kinds}, {x for x in f if x[3] in kinds})
            cells.append(f"{p:.2f} / {r:.2f} / {100 * f1:.1f}")
        print(f"| {label} P / R / F1 | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
