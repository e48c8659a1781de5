"""Judged precision of the default pipeline's events on news never used for tuning.

    python -m eval.events_judged                         # precision, Wilson 95% interval
    python -m eval.events_judged --sample judged         # the events to judge (text shown)
    python -m eval.events_judged --sample calibration    # the calibration events to judge
    python -m eval.events_judged --set fresh             # the fresh sample (events.cameo.v3)
    python -m eval.events_judged --sample fresh          # the fresh sample's events to judge
    python -m eval.events_judged --set final             # the last sample (events.cameo.v3)
    python -m eval.events_judged --sample v4             # the events.cameo.v4 sample, to judge
    python -m eval.events_judged --set v4                # the events.cameo.v4 sample
    python -m eval.events_judged --set v5                # events.cameo.v4, finished
    python -m eval.events_judged --sample v6             # events.cameo.v5 (learned confidence)
    python -m eval.events_judged --set v6

The sample: a seeded draw (SEED) of SaudiNewsNet and ANT news articles (ANT: middleEast and
internationalNews) of 400 to 3,000 characters that no eval set and no eval script has used:
not in any eval/*.jsonl (by id, URL or store id), not among the first 1,500 articles of each
corpus (eval.ner_news, eval.stories), not drawn by eval.quotes_events_draw. Articles are taken
in draw order and every event the default pipeline emits for them is judged, until at least
SAMPLE_SIZE events are.

The first SEEN articles in draw order were read while the last rules of events.cameo.v2 were
written, so the judged sample starts after them. The calibration sample comes from the other
end of the same order (the last CALIBRATION_POOL articles, read backwards): its events were
read while the rules were written too, judged the same way, and fit the confidence table
(eval/events_calibrate.py); it is stored in eval/events_calibration_judged.jsonl.

The fresh sample (eval/events_judged_fresh.jsonl) was drawn after events.cameo.v3 was
written, to judge it on news nobody had read: the same pool less every article of the first
draw that was read (its first SEEN articles, the judged ones, the calibration pool), shuffled
with FRESH_SEED; every event v3 emits for the articles in that order is judged until at least
SAMPLE_SIZE are. Its errors were then read to finish v3, so the final sample
(eval/events_judged_final.jsonl) is drawn the same way with FINAL_SEED from what is left after
the fresh sample's articles too, and judged once on the finished stage.

The v4 sample (eval/events_judged_v4.jsonl) judges events.cameo.v4 the same way: the final
sample's errors were read while v4 was written, so it is drawn with V4_SEED from the pool less
every article of the first draw that was read, the fresh sample and the final sample. Its
errors were then read to finish v4, so the v5 sample (eval/events_judged_v5.jsonl, V5_SEED) is
drawn from what is left after the v4 sample too, and judged once on the finished stage. The v5
sample's labels then trained nothing but chose the learned confidence's suggested floor
(docs/events-confidence-model.md), so the v6 sample (eval/events_judged_v6.jsonl, V6_SEED),
drawn from what is left after v5 and without the second blind set's articles (LATER_SETS),
judges events.cameo.v5 and that floor.

Each event was judged right or wrong against docs/annotation-quotes-events.md: right when the
sentence reports that act as having happened or being announced (not denied, hypothetical or
background), the CAMEO root fits, the source is who did it, and the target, if any, is who or
what it was done to. eval/events_judged.jsonl holds offsets and labels only: the article,
the SHA-256 of the Document text, the trigger offsets in that text, the CAMEO code, the
source's actor code and the label.
Scoring re-runs the pipeline, checks each text's hash, and matches events by trigger, CAMEO
code and source code;
events the current pipeline emits that were never judged are counted apart, so a change of
the events stage shows up as unjudged events rather than as a silently wrong number.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sys
from pathlib import Path

from eval.quotes_corpus import DATA, Article, load_articles
from eval.stats import reliability_table, wilson

EVAL = Path(__file__).resolve().parent
JUDGED = EVAL / "events_judged.jsonl"
CALIBRATION = EVAL / "events_calibration_judged.jsonl"
FRESH = EVAL / "events_judged_fresh.jsonl"
FINAL = EVAL / "events_judged_final.jsonl"
V4 = EVAL / "events_judged_v4.jsonl"
V5 = EVAL / "events_judged_v5.jsonl"
V6 = EVAL / "events_judged_v6.jsonl"
SEED = 20261206
FRESH_SEED = 20261207
FINAL_SEED = 20261208
V4_SEED = 20261209
V5_SEED = 20261210
V6_SEED = 20261211
SAMPLE_SIZE = 200
CALIBRATION_SIZE = 100
SEEN = 100  # articles at the start of the draw read while the rules were written
CALIBRATION_POOL = 400
MIN_CHARS, MAX_CHARS = 400, 3000
ANT_CATEGORIES = ("/middleEast/", "/internationalNews/")
USED_PREFIX = 1500  # articles of each corpus that eval.ner_news and eval.stories read
# Eval sets drawn after the judged samples, from the same corpora: they leave the pool's
# definition alone (the recorded draws stay as they were); a later sample leaves them out.
LATER_SETS = ("entities_gold2.jsonl", "quotes_events_gold2.jsonl", "roles_judged.jsonl")


def used_ids() -> set[str]:
    """Every id, URL and store id any eval set holds, and the articles eval scripts read."""
    from eval.corpora import ant_records, saudinewsnet_records
    from eval.quotes_events_draw import draw

    used: set[str] = set()
    for path in sorted(EVAL.glob("*.jsonl")):
        if path in (JUDGED, CALIBRATION, FRESH, FINAL, V4, V5, V6) or path.name in LATER_SETS:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                used.update(str(record[k]) for k in ("id", "a", "b", "url") if k in record)
    used |= {r["url"] for r in itertools.islice(saudinewsnet_records(), USED_PREFIX)}
    used |= {r["id"].removeprefix("ant-") for r in itertools.islice(ant_records(), USED_PREFIX)}
    used |= {row["id"] for row in draw()}
    return used


def _store_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def drawn_articles() -> list[Article]:
    """Unused news articles in the seeded draw order."""
    articles = load_articles({"saudinewsnet", "ant-multisource"})
    used = used_ids()
    pool, seen = [], set()
    for key in sorted(articles):
        article = articles[key]
        if article.id in used or _store_id(article.text) in used or article.text in seen:
            continue
        if not MIN_CHARS <= len(article.text) <= MAX_CHARS:
            continue
        if article.corpus == "ant-multisource" and not any(c in article.archive
                                                          for c in ANT_CATEGORIES):
            continue
        seen.add(article.text)
        pool.append(article)
    random.Random(SEED).shuffle(pool)
    return pool


def fresh_articles(pool: list[Article], also: tuple[Path, ...] = (),
                   seed: int = FRESH_SEED) -> list[Article]:
    """The pool less every article of the first draw that was read (and of the samples in
    `also`), in the order of `seed`."""
    read = {a.id for a in pool[:SEEN] + pool[-CALIBRATION_POOL:]}
    for path in (JUDGED, CALIBRATION, *also):
        read |= {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip()}
    rest = sorted((a for a in pool if a.id not in read), key=lambda a: (a.corpus, a.id))
    random.Random(seed).shuffle(rest)
    return rest


def _later_set_ids(names: tuple[str, ...] = LATER_SETS) -> set[str]:
    """The articles of the eval sets drawn after the judged samples (LATER_SETS)."""
    ids: set[str] = set()
    for name in names:
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["id"])
    return ids


def analyze(pipeline, article: Article):
    from khabar.inputs import RawPage

    page = RawPage(article.text.encode("utf-8"), format="text", id=article.id, title=article.title)
    return pipeline(page)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sample(pipeline, which: str) -> None:
    """Print the drawn events for judging, article by article, until the sample's size."""
    pool = drawn_articles()
    if which == "judged":
        articles, size = pool[SEEN:-CALIBRATION_POOL], SAMPLE_SIZE
    elif which == "fresh":
        articles, size = fresh_articles(pool), SAMPLE_SIZE
    elif which == "final":
        articles, size = fresh_articles(pool, (FRESH,), FINAL_SEED), SAMPLE_SIZE
    elif which == "v4":
        articles, size = fresh_articles(pool, (FRESH, FINAL), V4_SEED), SAMPLE_SIZE
    elif which == "v5":
        articles, size = fresh_articles(pool, (FRESH, FINAL, V4), V5_SEED), SAMPLE_SIZE
    elif which == "v6":
        later = _later_set_ids()
        articles = [a for a in fresh_articles(pool, (FRESH, FINAL, V4, V5), V6_SEED)
                    if a.id not in later]
        size = SAMPLE_SIZE
    else:
        articles, size = pool[::-1][:CALIBRATION_POOL], CALIBRATION_SIZE
    count = 0
    for article in articles:
        doc = analyze(pipeline, article)
        for event in doc.events:
            s, t = event.source, event.target
            print(json.dumps({
                "corpus": article.corpus, "id": article.id, "sha256": text_hash(doc.text),
                "trigger": [event.trigger.start, event.trigger.end], "cameo": event.cameo,
                "source_code": s.code if s else None, "confidence": event.confidence,
                "source": f"{s.name} ({s.code})" if s else None,
                "target": f"{t.name} ({t.code})" if t else None,
                "said": doc.text[event.trigger.start:event.trigger.end],
                "sentence": doc.text[event.sentence.start:event.sentence.end],
            }, ensure_ascii=False))
            count += 1
        if count >= size:
            return


def score(pipeline, judged: list[dict]) -> str:
    by_article: dict[tuple[str, str], list[dict]] = {}
    for row in judged:
        by_article.setdefault((row["corpus"], row["id"]), []).append(row)
    articles = load_articles({corpus for corpus, _ in by_article})
    right = total = unjudged = changed = 0
    pairs: list[tuple[float, bool]] = []
    for key, rows in by_article.items():
        doc = analyze(pipeline, articles[key])
        if text_hash(doc.text) != rows[0]["sha256"]:
            changed += 1
            continue
        labels = {(r["trigger"][0], r["trigger"][1], r["cameo"], r["source_code"]):
                  r["label"] == "right" for r in rows}
        for event in doc.events:
            code = event.source.code if event.source else None
            label = labels.get((event.trigger.start, event.trigger.end, event.cameo, code))
            if label is None:
                unjudged += 1
                continue
            total += 1
            right += label
            pairs.append((event.confidence, label))
    low, high = wilson(right, total)
    lines = [f"{len(by_article)} articles, {total} judged events of the current pipeline "
             f"({unjudged} unjudged, {changed} articles whose text changed)",
             "", "| judged events | right | precision | Wilson 95% interval |",
             "|---:|---:|---:|---|",
             f"| {total} | {right} | {right / max(1, total):.3f} | {low:.3f} – {high:.3f} |",
             "", "Reliability of `confidence` on these events:", "", *reliability_table(pairs)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", choices=("judged", "calibration", "fresh", "final", "v4", "v5",
                                             "v6"),
                        help="print the events of that sample, to judge")
    parser.add_argument("--set", choices=("judged", "fresh", "final", "v4", "v5", "v6"),
                        default="judged",
                        help="the judged sample to score (fresh, final: drawn for events.cameo.v3; "
                             "v4, v5: for events.cameo.v4; v6: for events.cameo.v5)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: the corpora are not available ({DATA} is missing)")
        return 0
    from khabar import load_pipeline

    pipeline = load_pipeline(policy="record")
    if args.sample:
        sample(pipeline, args.sample)
        return 0
    path = {"judged": JUDGED, "fresh": FRESH, "final": FINAL, "v4": V4, "v5": V5, "v6": V6}[args.set]
    judged = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    print(score(pipeline, judged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
