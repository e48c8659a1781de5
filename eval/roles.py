"""Score title attachment (entities.roles.v1) against Wojood's occupation spans.

Wojood (Jarrar et al. 2022) tags occupations and titles (OCC) next to person names (PERS). Gold:
each OCC span that touches a PERS span (right before or right after it, a comma allowed between).
Input to the stage: the gold PERS, ORG and GPE/LOC spans as raw mentions (so NER errors do not
count). A predicted role counts when its evidence overlaps a gold OCC span.
Affiliations are not scored: Wojood does not annotate them.

    python -m eval.roles            # test + val splits of the sample in ../shared/data
    python -m eval.roles --v2       # the same with entities.merge.v2 and entities.roles.v2
    python -m eval.roles --v3       # entities.merge.v2 and entities.roles.v3 (the default)
"""

from __future__ import annotations

import itertools
import sys

from eval._bio import SHARED, overlaps, prf, read_bio

from khabar.document import Document, Entity, Mention
from khabar.stages.entity_roles import (
    make_entities_merge, make_entities_merge_v2, make_entities_roles, make_entities_roles_v2,
    make_entities_roles_v3,
)

TYPES = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
SPLITS = ("test.txt", "val.txt")  # held out: no rule was written while looking at these
DEV = ("train.txt",)  # read while developing (`--misses` prints what the rules miss there)


def gold_titles(sentence) -> list:
    """OCC spans right before or after a PERS span (one comma allowed between)."""
    persons = [s for s in sentence.spans if s.type == "PERS"]
    words = sentence.text.split(" ")

    def adjacent(last: int, first: int) -> bool:
        return first - last == 1 or (first - last == 2 and words[last + 1] in ("،", ","))

    return [
        occ for occ in sentence.spans if occ.type == "OCC"
        and any(adjacent(occ.last, p.first) or adjacent(p.last, occ.first) for p in persons)
    ]


def score(splits, merge, roles, *, misses: bool = False) -> str:
    return prf(*counts(splits, merge, roles, misses=misses))


def counts(splits, merge, roles, *, misses: bool = False,
           limit: int | None = None) -> tuple[int, int, int, int]:
    """Correct predicted, predicted, found gold and gold titles over the first `limit`
    sentences of the splits (all by default)."""
    hit_pred = predicted = hit_gold = gold = 0
    sentences = itertools.chain.from_iterable(read_bio(SHARED / "wojood-sample" / split)
                                              for split in splits)
    for sentence in itertools.islice(sentences, limit):
        mentions = [s for s in sentence.spans if s.type in TYPES]
        entities = tuple(Entity(f"m{i}", TYPES[s.type], sentence.text[s.start:s.end],
                                (Mention(s.start, s.end),)) for i, s in enumerate(mentions, 1))
        doc = roles(merge(Document(id="w", text=sentence.text, entities=entities)))
        evidence = [r.evidence for e in doc.entities for r in e.roles]
        titles = gold_titles(sentence)
        predicted += len(evidence)
        hit_pred += sum(any(overlaps(ev, o) for o in sentence.spans if o.type == "OCC") for ev in evidence)
        gold += len(titles)
        hit_gold += sum(any(overlaps(ev, o) for ev in evidence) for o in titles)
        if misses:
            for o in titles:
                if not any(overlaps(ev, o) for ev in evidence):
                    print("MISS", sentence.text[o.start:o.end], "|", sentence.text[max(0, o.start - 40):o.end + 40])
            for ev in evidence:
                if not any(overlaps(ev, o) for o in sentence.spans if o.type == "OCC"):
                    print("FALSE", sentence.text[ev.start:ev.end], "|", sentence.text[max(0, ev.start - 40):ev.end + 40])
    return hit_pred, predicted, hit_gold, gold


def main() -> None:
    merge, roles = make_entities_merge(gazetteer=False), make_entities_roles()
    if "--v2" in sys.argv:
        merge, roles = make_entities_merge_v2(gazetteer=False), make_entities_roles_v2()
    if "--v3" in sys.argv:
        merge, roles = make_entities_merge_v2(gazetteer=False), make_entities_roles_v3()
    if "--misses" in sys.argv:
        score(DEV, merge, roles, misses=True)
        return
    print("| data | precision | recall | F1 |")
    print("|---|---|---|---|")
    for label, splits in (("held out: test + val", SPLITS), ("development: train", DEV)):
        print(f"| Wojood sample, {label} | {score(splits, merge, roles)} |")


if __name__ == "__main__":
    main()
