"""Score the shipped NER model on the CAMeL Lab test split of ANERcorp (conlleval rules).

    python -m eval.ner                  # whole test split
    python -m eval.ner --limit 200      # first 200 sentences
    python -m eval.ner --markdown       # also print the table for docs/evaluation-ner.md
    python -m eval.ner --sentence-only  # the CRF alone, without article-level consistency
    python -m eval.ner --neural         # stage ner.neural.v2: the CRF and the network together

Entity-level micro precision, recall and F1 with exact span and type match, then per type.
The test tokens are used as given (ANERcorp tokens, proclitics attached), so the numbers are
comparable with published results on the same split.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from khabar.ner import load_tagger
from khabar.ner.conll import LABELS, Report, Sentence, read_blank_separated, score
from khabar.ner.tagger import NerTagger

DEFAULT_TEST = (Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "anercorp"
                / "ANERCorp_CamelLab_test.txt")


WINDOW = 30  # sentences per pseudo-article (the corpus has no article boundaries)


def evaluate(test_file: Path = DEFAULT_TEST, *, limit: int | None = None,
             sentence_only: bool = False, neural: bool = False) -> Report:
    """The conlleval report of the shipped model on (the first `limit` sentences of) the test.

    By default the stage's behaviour is scored: the CRF plus article-level consistency
    (khabar.ner.context) over blocks of WINDOW consecutive sentences, since ANERcorp marks no
    article boundaries. `sentence_only` scores the CRF alone; `neural` adds the network's scores
    (stage ner.neural.v2, khabar.ner.neural).
    """
    sentences = read_blank_separated(test_file)[:limit]
    tagger = load_tagger(neural=neural)
    if sentence_only:
        predicted = tagger.tag_many([list(s.tokens) for s in sentences])
        return score([s.tags for s in sentences], predicted)
    return score([s.tags for s in sentences], article_tags(tagger, sentences))


def article_tags(tagger: NerTagger, sentences: Sequence[Sentence]) -> list[list[str]]:
    """BIO tags from `document_spans` over blocks of WINDOW consecutive sentences."""
    predicted = []
    for first in range(0, len(sentences), WINDOW):
        block = [list(s.tokens) for s in sentences[first : first + WINDOW]]
        for tokens, spans in zip(block, tagger.document_spans(block), strict=True):
            tags = ["O"] * len(tokens)
            for span in spans:
                tags[span.start : span.end] = [f"B-{span.label}"] + [f"I-{span.label}"] * (span.end - span.start - 1)
            predicted.append(tags)
    return predicted


def markdown(report: Report) -> str:
    """The report as a markdown table."""
    rows = ["| type | precision | recall | F1 | gold entities |", "|---|---:|---:|---:|---:|"]
    for label in LABELS:
        s = report.by_label[label]
        rows.append(f"| {label} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} | {s.gold} |")
    s = report.overall
    rows.append(f"| **all (micro)** | {s.precision:.2f} | {s.recall:.2f} | **{s.f1:.2f}** | {s.gold} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", type=Path, default=DEFAULT_TEST)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--sentence-only", action="store_true",
                        help="score the CRF alone, without article-level consistency")
    parser.add_argument("--neural", action="store_true",
                        help="the CRF and the convolutional network together (ner.neural.v2)")
    args = parser.parse_args()
    if not args.test.exists():
        print(f"test file not found: {args.test} (the shared data folder is needed)", file=sys.stderr)
        return 2
    started = time.time()
    report = evaluate(args.test, limit=args.limit, sentence_only=args.sentence_only,
                      neural=args.neural)
    o = report.overall
    print(f"all    P {o.precision:6.2f}  R {o.recall:6.2f}  F1 {o.f1:6.2f}  "
          f"(gold {o.gold}, predicted {o.predicted}, correct {o.correct})")
    for label in LABELS:
        s = report.by_label[label]
        print(f"{label:6} P {s.precision:6.2f}  R {s.recall:6.2f}  F1 {s.f1:6.2f}  (gold {s.gold})")
    if args.markdown:
        print()
        print(markdown(report))
    print(f"({time.time() - started:.1f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
