"""Score dates.v1 and quantities.v1 spans against Wojood's DATE and number annotations.

Gold dates: Wojood DATE spans. Gold quantities: CARDINAL, QUANTITY, MONEY and PERCENT spans.
A predicted span is correct when it overlaps a gold span of its kind; a gold span is found when a
predicted span overlaps it. Values are not scored (Wojood has no normalized values). Wojood's DATE
also covers things the stage leaves out on purpose (centuries, decades, `سنوات`, a month alone),
so recall here is a floor on what the stage is meant to find.

    python -m eval.measures
"""

from __future__ import annotations

import itertools

from eval._bio import SHARED, overlaps, prf, read_bio

from khabar.document import Document, Sentence
from khabar.stages.dates import make_dates
from khabar.stages.quantities import make_quantities

HELD_OUT = ("test.txt", "val.txt")  # not read while writing the rules
DEV = ("train.txt",)  # its errors were read while developing
GOLD = {"dates": {"DATE"}, "quantities": {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}}


def score(splits, stages, *, limit: int | None = None) -> dict[str, list[int]]:
    """Per stage: correct predicted, predicted, found gold and gold spans over the first
    `limit` sentences of the splits (all by default)."""
    counts = {name: [0, 0, 0, 0] for name in stages}
    sentences = itertools.chain.from_iterable(read_bio(SHARED / "wojood-sample" / split)
                                              for split in splits)
    for sentence in itertools.islice(sentences, limit):
        doc = Document(id="w", text=sentence.text, sentences=(Sentence(0, len(sentence.text)),))
        for name, stage in stages.items():
            found = getattr(stage(doc), name)
            gold = [s for s in sentence.spans if s.type in GOLD[name]]
            c = counts[name]
            c[0] += sum(any(overlaps(f, g) for g in gold) for f in found)
            c[1] += len(found)
            c[2] += sum(any(overlaps(f, g) for f in found) for g in gold)
            c[3] += len(gold)
    return counts


def main() -> None:
    stages = {"dates": make_dates(), "quantities": make_quantities()}
    print("| stage | data | gold labels | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for label, splits in (("held out: test + val", HELD_OUT), ("development: train", DEV)):
        for name, (tp_pred, pred, tp_gold, gold) in score(splits, stages).items():
            labels = "+".join(sorted(GOLD[name]))
            print(f"| {name} | Wojood sample, {label} | {labels} | {prf(tp_pred, pred, tp_gold, gold)} |")


if __name__ == "__main__":
    main()
