"""Draw the articles of the blind entity set (eval/entities_gold.jsonl), reproducibly.

    python -m eval.entities_draw            # prints the draw: half, outlet, corpus, id

The draw is seeded and recorded here so that the choice can be repeated and was not picked by
hand. Rules, in order:
- both corpora in ../shared/data (SaudiNewsNet `content`, ANT `TEXT`); five ANT outlets and five
  SaudiNewsNet outlets, six articles each (60 articles, 10 outlets);
- no article of the earlier gold sets (the ids in eval/quotes_gold.jsonl, the store ids in
  eval/stories_judgments.jsonl);
- bodies of 300 to 1,300 characters, so that every article can be read and annotated in full;
- at least one word in the body that starts like a title (`وزير`, `رئيس`, `أمير` ...; a loose
  test: `الرئيسية` passes too): the set is for persons with roles;
- per outlet, the six drawn articles alternate dev, test in draw order (three each);
- then a drawn article that is among the first 1,500 of its corpus in eval.corpora order (which
  eval.ner_news and eval.stories read, so rules may have been written while reading them) is
  replaced, in its slot and half, by the next article of a second seeded draw from the same
  outlet without those (all six Alarabia articles and three Asharq Al-Awsat ones).
The set of eval/quotes_events_gold.jsonl was drawn at the same time by its own rule; a test
checks that the two share no article.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
from pathlib import Path

from eval.corpora import ant_records, saudinewsnet_records
from eval.quotes_corpus import DATA, Article, load_articles

SEED = 14  # the issue number
REPLACEMENT_SEED = 1414
READ_BY_OTHER_SCRIPTS = 1500  # eval.ner_news reads this many articles of each corpus
PER_OUTLET = 6
MIN_CHARS, MAX_CHARS = 300, 1300
OUTLETS = {
    "ant-multisource": ("alarabia", "bbc", "cnn", "france24", "skynews"),
    "saudinewsnet": ("alriyadh", "aawsat", "okaz", "alwatan", "sabq"),
}
TITLE_WORD = re.compile(r"(?<![\w])[وفبل]?(?:ال)?(?:وزير|وزيرة|رئيس|رئيسة|أمير|الملك|ملك|سفير|مدير|"
                        r"أمين|متحدث|مستشار|نائب|محافظ|قائد|مبعوث|مندوب)")
EVAL = Path(__file__).resolve().parent
EARLIER_GOLD = ("quotes_gold.jsonl", "stories_judgments.jsonl")


def store_id(article: Article) -> str:
    """The id `khabar ingest` gives a record without an id (bench/ingest.py): its text's hash."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]


def used_elsewhere() -> str:
    """The earlier gold sets, as one string to search ids in."""
    return "\n".join((EVAL / name).read_text(encoding="utf-8") for name in EARLIER_GOLD)


def read_by_other_scripts() -> set[str]:
    """Ids (ANT DOCNO, SaudiNewsNet URL) of the first articles eval.ner_news reads."""
    first = READ_BY_OTHER_SCRIPTS
    ant = (r["id"].removeprefix("ant-") for r in itertools.islice(ant_records(), first))
    saudi = (r["url"] for r in itertools.islice(saudinewsnet_records(), first))
    return set(ant) | set(saudi)


def eligible(article: Article, used: str) -> bool:
    return (MIN_CHARS <= len(article.text) <= MAX_CHARS and bool(TITLE_WORD.search(article.text))
            and article.id not in used and store_id(article) not in used)


def draw(articles: dict[tuple[str, str], Article]) -> list[tuple[str, Article]]:
    """(half, article) pairs, outlet by outlet, in draw order."""
    used, read = used_elsewhere(), read_by_other_scripts()
    rng, spare = random.Random(SEED), random.Random(REPLACEMENT_SEED)
    chosen = []
    for corpus, outlets in OUTLETS.items():
        for outlet in outlets:
            pool = sorted((a for (c, _), a in articles.items()
                           if c == corpus and a.source.lower() == outlet and eligible(a, used)),
                          key=lambda a: a.id)
            drawn = rng.sample(pool, PER_OUTLET)
            unread = [a for a in pool if a.id not in read and a not in drawn]
            replacements = iter(spare.sample(unread, sum(a.id in read for a in drawn)))
            for number, article in enumerate(drawn):
                article = next(replacements) if article.id in read else article
                chosen.append(("dev" if number % 2 == 0 else "test", article))
    return chosen


def main() -> int:
    if not DATA.exists():
        print(f"skipped: the corpora are not here ({DATA})")
        return 0
    for half, article in draw(load_articles(set(OUTLETS), DATA)):
        print(half, article.source, article.corpus, article.archive, article.id, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
