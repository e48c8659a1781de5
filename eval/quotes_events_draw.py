"""Draw the articles of the blind quotes-and-events set (eval/quotes_events_gold.jsonl).

    python -m eval.quotes_events_draw            # prints corpus, id, outlet, half (the drawn list)

A seeded random draw, recorded here so anyone can redo it from ../shared/data:

- outlets: seven SaudiNewsNet newspapers and three ANT outlets (OUTLETS), six articles each;
- an article qualifies when its body is 400 to 1,400 characters (long enough to hold a quote,
  short enough to annotate with care), carries at least one quote cue (CUES), and is news (ANT:
  the middleEast and internationalNews categories);
- articles any other script in eval/ had used are left out: the ids in the eval sets of the day
  (USED_SETS: the quote gold set; the story judgments by their store id), and the first 1,500
  articles of each corpus in eval.corpora order, which eval.ner_news and eval.stories read;
- per outlet, the drawn articles alternate dev, test, dev ... in draw order, so both halves hold
  three articles of every outlet.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
from pathlib import Path

from eval.corpora import ant_records, saudinewsnet_records
from eval.quotes_corpus import DATA, Article, load_articles

SEED = 15
PER_OUTLET = 6
OUTLETS = ("alriyadh", "aljazirah", "okaz", "alwatan", "sabq", "aawsat", "alyaum",
           "skynews", "CNN", "BBC")
ANT_CATEGORIES = ("/middleEast/", "/internationalNews/")
CUES = re.compile(r"قال|أكد|وأضاف|أوضح|بحسب|وفقا|وفقاً|أشار|صرح|أعلن|«")
MIN_CHARS, MAX_CHARS = 400, 1400
USED_PREFIX = 1500  # eval.ner_news reads this many articles of each corpus; eval.stories fewer
EVAL = Path(__file__).resolve().parent


# The eval sets there were when this set was drawn (2026-12-06). A set added later must keep
# clear of this one instead (tests/test_quotes_events_gold.py checks), so the draw stays fixed.
USED_SETS = ("quotes_gold.jsonl", "stories_judgments.jsonl")


def used_ids() -> set[str]:
    """Ids the earlier eval sets refer to: article ids, URLs and 16-hex store ids."""
    used: set[str] = set()
    for name in USED_SETS:
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                used.update(str(record[k]) for k in ("id", "a", "b") if k in record)
    return used


def _store_id(text: str) -> str:
    """The id a store gives a record without one (RawPage.doc_id: SHA-256 of the body)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _read_by_eval_scripts() -> set[str]:
    first = itertools.islice(saudinewsnet_records(), USED_PREFIX)
    ids = {r["url"] for r in first}
    ids |= {r["id"].removeprefix("ant-") for r in itertools.islice(ant_records(), USED_PREFIX)}
    return ids


def qualifies(article: Article) -> bool:
    if article.source not in OUTLETS or not MIN_CHARS <= len(article.text) <= MAX_CHARS:
        return False
    if article.corpus == "ant-multisource" and not any(c in article.archive for c in ANT_CATEGORIES):
        return False
    return bool(CUES.search(article.text))


def draw(data: Path = DATA) -> list[dict]:
    """The drawn articles: corpus, id, outlet and half, in draw order per outlet."""
    articles = load_articles({"saudinewsnet", "ant-multisource"}, data)
    excluded = used_ids() | _read_by_eval_scripts()
    pool: dict[str, list[Article]] = {outlet: [] for outlet in OUTLETS}
    seen_texts: set[str] = set()
    for key in sorted(articles):
        article = articles[key]
        if article.id in excluded or _store_id(article.text) in excluded:
            continue
        if qualifies(article) and article.text not in seen_texts:
            seen_texts.add(article.text)
            pool[article.source].append(article)
    rng = random.Random(SEED)
    chosen = []
    for outlet in OUTLETS:
        for number, article in enumerate(rng.sample(pool[outlet], PER_OUTLET)):
            chosen.append({"corpus": article.corpus, "id": article.id, "outlet": outlet,
                           "half": "dev" if number % 2 == 0 else "test"})
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    for row in draw():
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
