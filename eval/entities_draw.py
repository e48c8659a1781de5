"""Draw the articles of the blind entity set (eval/entities_gold.jsonl), reproducibly.

    python -m eval.entities_draw            # prints the draw: half, outlet, corpus, id

The draw is seeded and recorded here so that the choice can be repeated and was not picked by
hand. Rules, in order:
- both corpora in ../shared/data (SaudiNewsNet `content`, ANT `TEXT`); five ANT outlets and five
  SaudiNewsNet outlets, six articles each (60 articles, 10 outlets);
- no article that eval/ already uses (ids, URLs or store ids in eval/*.jsonl and eval/*.py);
- bodies of 300 to 1,300 characters, so that every article can be read and annotated in full;
- at least one title word (`وزير`, `رئيس`, `أمير` ...) in the body: the set is for persons with
  roles, and an article without one says little about roles;
- per outlet, the six drawn articles alternate dev, test in draw order (three each).
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

from eval.quotes_corpus import DATA, Article, load_articles

SEED = 14  # the issue number
PER_OUTLET = 6
MIN_CHARS, MAX_CHARS = 300, 1300
OUTLETS = {
    "ant-multisource": ("alarabia", "bbc", "cnn", "france24", "skynews"),
    "saudinewsnet": ("alriyadh", "aawsat", "okaz", "alwatan", "sabq"),
}
TITLE_WORD = re.compile(r"(?<![\w])[وفبل]?(?:ال)?(?:وزير|وزيرة|رئيس|رئيسة|أمير|الملك|ملك|سفير|مدير|"
                        r"أمين|متحدث|مستشار|نائب|محافظ|قائد|مبعوث|مندوب)")
EVAL = Path(__file__).resolve().parent
GOLD = EVAL / "entities_gold.jsonl"  # this set's own gold, not an earlier use


def store_id(article: Article) -> str:
    """The id `khabar ingest` gives a record without an id (bench/ingest.py): its text's hash."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]


def used_elsewhere() -> str:
    """Everything eval/ already refers to, as one string to search ids in."""
    files = [p for p in sorted(EVAL.iterdir()) if p.suffix in (".jsonl", ".py")
             and p != GOLD and not p.name.startswith("entities_")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def eligible(article: Article, used: str) -> bool:
    return (MIN_CHARS <= len(article.text) <= MAX_CHARS and bool(TITLE_WORD.search(article.text))
            and article.id not in used and store_id(article) not in used)


def draw(articles: dict[tuple[str, str], Article]) -> list[tuple[str, Article]]:
    """(half, article) pairs, outlet by outlet, in draw order."""
    used = used_elsewhere()
    rng = random.Random(SEED)
    chosen = []
    for corpus, outlets in OUTLETS.items():
        for outlet in outlets:
            pool = sorted((a for (c, _), a in articles.items()
                           if c == corpus and a.source.lower() == outlet and eligible(a, used)),
                          key=lambda a: a.id)
            for number, article in enumerate(rng.sample(pool, PER_OUTLET)):
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
