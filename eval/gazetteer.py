"""Score the gazetteer fallback of entities.merge.v1 on its own, against ANERcorp LOC and ORG.

Every lexicon name found in a sentence is a prediction (as if the NER model had found nothing), so
precision says how often a fallback mention is right; coverage says what share of the gold
LOC/ORG mentions the lexicons alone reach. What the fallback adds on top of the NER model is not
measured here: that needs the model's output.

    python -m eval.gazetteer             # CAMeL test split of ANERcorp (held out)
    python -m eval.gazetteer --errors    # wrong hits on the rest of the corpus (development)
"""

from __future__ import annotations

import sys
from collections import Counter

from eval._bio import SHARED, overlaps, prf, read_bio, read_bio_lines

from khabar.entities.gazetteer import find_names, load_lexicon

TYPES = {"LOC": "LOC", "ORG": "ORG"}
TEST = SHARED / "anercorp" / "ANERCorp_CamelLab_test.txt"
FULL = SHARED / "anercorp" / "ANERCorp.txt"
TEST_STARTS_AT = 125_275  # line of ANERCorp.txt where the CAMeL test split begins (SOURCE.md)


def main() -> None:
    lexicon = load_lexicon()
    if "--errors" in sys.argv:
        return show_errors(lexicon)
    same = any_type = predicted = covered = gold_total = 0
    for sentence in read_bio(TEST):
        gold = [s for s in sentence.spans if s.type in TYPES]
        hits = find_names(sentence.text, lexicon, [])
        predicted += len(hits)
        same += sum(any(overlaps(h, g) and g.type == h.type for g in gold) for h in hits)
        any_type += sum(any(overlaps(h, g) for g in sentence.spans) for h in hits)
        gold_total += len(gold)
        covered += sum(any(overlaps(h, g) for h in hits) for g in gold)
    print("| data | precision (same type) | coverage of gold LOC+ORG | F1 |")
    print("|---|---|---|---|")
    print(f"| ANERcorp CAMeL test split | {prf(same, predicted, covered, gold_total)} |")
    print(f"\nhits on any gold entity (type aside): {any_type}/{predicted} = {any_type / predicted:.3f}")


def show_errors(lexicon) -> None:
    dev = FULL.read_text(encoding="utf-8").splitlines()[:TEST_STARTS_AT]
    wrong: Counter = Counter()
    for sentence in read_bio_lines(dev, blank_ends_sentence=False):
        for hit in find_names(sentence.text, lexicon, []):
            types = [g.type for g in sentence.spans if overlaps(hit, g)]
            if hit.type not in types:
                wrong[(sentence.text[hit.start:hit.end], hit.type, tuple(types))] += 1
    for (name, kind, types), count in wrong.most_common(40):
        print(count, name, kind, types)


if __name__ == "__main__":
    main()
