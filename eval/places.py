"""Place resolution measured: candidate coverage on ANERcorp and judged precision on news.

    python -m eval.places coverage     # LOC mentions of the CAMeL test split with a candidate
    python -m eval.places draw         # the judged sample, with context, for a reader to judge
    python -m eval.places precision    # the chosen place of each judged mention, right or wrong

Coverage: every LOC span of the CAMeL Lab test split of ANERcorp (../shared/data/anercorp) is
looked up as the resolver looks up an entity's name (khabar.places.PlaceResolver.candidates);
covered means at least one gazetteer candidate.

Precision: articles of SaudiNewsNet and ANT in a seeded order, leaving out every article an
eval/ gold set or an eval/ script reads (the ids in eval/*.jsonl and the first 1,500 articles of
each corpus, see eval.entities_draw), run through the default pipeline; of each article at most
two resolved places, in text order. The first DEV_ARTICLES of that order were read while the
rules were written (`draw --dev`); the judged sample starts after them. Each was judged by
reading the sentence: right when the GeoNames entry chosen is the place the article means.
eval/places_judgments.jsonl holds corpus, article id, the mention's offsets in the clean text,
the GeoNames id judged and the label (no article text). `precision` runs the pipeline again: a
mention whose place is now another one (or none) is counted apart, as changed, not as right or
wrong. Results: docs/places.md (Measured) and docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from eval._bio import read_bio
from eval.entities_draw import read_by_other_scripts
from eval.quotes_corpus import DATA, load_articles
from eval.stats import wilson

EVAL = Path(__file__).resolve().parent
TEST_SPLIT = DATA / "anercorp" / "ANERCorp_CamelLab_test.txt"
JUDGMENTS = EVAL / "places_judgments.jsonl"
# Eval sets drawn after the places sample: they leave its recorded draw as it was.
DRAWN_AFTER = ("roles_judged.jsonl",)
SEED = 17  # the issue number
DEV_ARTICLES = 700  # three rounds of reading: 0-199, 200-399, 400-587
PER_ARTICLE = 2
CORPORA = {"saudinewsnet", "ant-multisource"}


def _skip_without_data(path: Path) -> None:
    if not path.exists():
        print(f"skipped: {path} is absent (the shared data sits beside the repository)")
        sys.exit(0)


def coverage() -> dict:
    """Share of the test split's LOC mentions with at least one gazetteer candidate."""
    from khabar.places import PlaceResolver, load_gazetteer

    _skip_without_data(TEST_SPLIT)
    resolver = PlaceResolver(load_gazetteer())
    mentions = []
    for sentence in read_bio(TEST_SPLIT):
        for span in sentence.spans:
            if span.type == "LOC":
                start, end = sentence.tokens[span.first][0], sentence.tokens[span.last][1]
                mentions.append(sentence.text[start:end])
    covered = [m for m in mentions if resolver.candidates([m])]
    missed = Counter(m for m in mentions if not resolver.candidates([m]))
    return {"mentions": len(mentions), "covered": len(covered),
            "coverage": round(len(covered) / len(mentions), 4), "distinct": len(set(mentions)),
            "missed_most": missed.most_common(25)}


def _used_ids() -> set[str]:
    used = set(read_by_other_scripts())
    for path in EVAL.glob("*.jsonl"):
        if path.name in (JUDGMENTS.name, *DRAWN_AFTER):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else {}
            used.update(str(v) for k, v in record.items() if k in ("id", "url", "doc_id", "article"))
    return used


def _pipeline():
    from khabar import load_pipeline

    return load_pipeline(policy="record")


def _document(pipeline, article):
    from khabar.inputs import RawPage

    return pipeline(RawPage(article.text.encode("utf-8"), format="text", title=article.title or None))


def draw(count: int, *, dev: bool = False) -> list[dict]:
    """The sample: resolved places of unused articles, in a seeded order, with their context
    (from the dev articles with `dev`, else from the articles after them)."""
    from khabar.places import load_gazetteer

    gazetteer = load_gazetteer()
    articles = load_articles(CORPORA)
    used = _used_ids()
    keys = sorted(k for k, a in articles.items() if a.id not in used and 200 <= len(a.text) <= 4000)
    random.Random(SEED).shuffle(keys)
    keys = keys[:DEV_ARTICLES] if dev else keys[DEV_ARTICLES:]
    pipeline = _pipeline()
    sample: list[dict] = []
    for key in keys:
        doc = _document(pipeline, articles[key])
        if doc.status != "ok":
            continue
        entities = {e.id: e for e in doc.entities}
        resolved = [p for p in doc.places if p.geonames is not None and entities[p.entity].mentions]
        resolved.sort(key=lambda p: entities[p.entity].mentions[0].start)
        for place in resolved[:PER_ARTICLE]:
            mention = entities[place.entity].mentions[0]
            chosen = gazetteer.by_id[place.geonames]
            sample.append({"corpus": key[0], "id": key[1], "start": mention.start, "end": mention.end,
                           "geonames": place.geonames, "mention": doc.text[mention.start:mention.end],
                           "context": doc.text[max(0, mention.start - 70):mention.end + 70].replace("\n", " "),
                           "chosen": f"{chosen.name_en} ({chosen.kind}, {chosen.country}, pop {chosen.population})",
                           "evidence": list(place.evidence)})
        if len(sample) >= count:
            break
    return sample[:count]


def precision(limit: int | None = None) -> dict:
    """Right / judged over the judged mentions whose place the resolver still chooses (the first
    `limit` judgments in file order, for the eval gate; all by default)."""
    judged = [json.loads(line) for line in JUDGMENTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = judged[:limit] if limit is not None else judged
    articles = load_articles(CORPORA)
    pipeline = _pipeline()
    tally: Counter[str] = Counter()
    wrong: list[dict] = []
    docs: dict[tuple[str, str], object] = {}
    for record in judged:
        key = (record["corpus"], record["id"])
        if key not in articles:
            tally["missing_article"] += 1
            continue
        if key not in docs:
            docs[key] = _document(pipeline, articles[key])
        doc = docs[key]
        now = {(m.start, m.end): p.geonames for p in doc.places for e in doc.entities if e.id == p.entity
               for m in e.mentions}
        if now.get((record["start"], record["end"])) != record["geonames"]:
            tally["changed"] += 1
            continue
        tally[record["label"]] += 1
        if record["label"] == "wrong":
            wrong.append(record)
    right, total = tally["right"], tally["right"] + tally["wrong"]
    low, high = (round(bound, 4) for bound in wilson(right, total))
    outcomes = Counter(p.reason or "resolved" for doc in docs.values() for p in doc.places)
    return {"articles": len(docs), "places_in_them": dict(sorted(outcomes.items())),
            "judged": len(judged), "scored": total, "right": right, "wrong": tally["wrong"],
            "changed": tally["changed"], "missing_article": tally["missing_article"],
            "precision": round(right / total, 4) if total else None, "ci95": [low, high],
            "wrong_cases": [{k: r[k] for k in ("corpus", "id", "start", "end", "geonames")} for r in wrong]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("measure", choices=("coverage", "draw", "precision"))
    parser.add_argument("--count", type=int, default=240, help="draw: how many mentions")
    parser.add_argument("--dev", action="store_true", help="draw: from the articles read while writing the rules")
    args = parser.parse_args(argv)
    if args.measure != "coverage":
        _skip_without_data(DATA / "saudinewsnet")
    if args.measure == "coverage":
        result = coverage()
    elif args.measure == "draw":
        result = draw(args.count, dev=args.dev)
    else:
        result = precision()
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
