"""Build khabar/lexicons/given_names.tsv: name parts that, in news, are nearly always part of a
person's name, for entities.merge.v5's given names the tagger left out before a name it found
(`زاهر [محمد الشهري]`, `ليبرون [جيمس]`; khabar.entities.article.with_untagged_given_names);
and khabar/lexicons/seldom_names.tsv: words the tagger sometimes reads as a person's name that
news seldom writes in one, and that no Wikidata person carries (`سموه`, `باحثون`, `بوليوود`),
for entities.merge.v5's check of persons (khabar.entities.person_check.seldom_named).

Many name parts are also common words (`عيد` feast, `طالب` demanded, `أمين` secretary, `فرد`
individual): name_parts.tsv alone cannot tell them. This recipe counts, over the news text of
../shared/data (SaudiNewsNet and ANT multisource; the articles of the eval/ gold sets left out),
how often each word stands inside a person mention of the project's own tagger (`ner.crf.v2`,
which does not read this list) against how often it is written at all, and keeps a name part of
name_parts.tsv (Wikidata person labels, CC0 1.0) when either

- at least MIN_SHARE of its uses in news are inside a person's name and it is used at least
  MIN_USES times (`محمد`, `زاهر`, `ريان`), or
- at least MIN_PERSONS Wikidata persons carry it and they outnumber its uses in news
  RARE_RATIO times over (foreign given names the tagger often misses: `ريبيكا`, `لويجي`).

A word is seldom a name when it is used at least SELDOM_MIN_USES times, less than SELDOM_SHARE
of them inside a person's mention, at least once inside one, it is no part of name_parts.tsv and
not in the shape of a family name (`ال` and a nisba's `ي`: `الفقيه` is one, `التركي` may be).

    python scripts/build_given_names.py

Columns of both outputs: folded word, uses in news, share of them inside a person's name.
Only the words and the two numbers are written; no sentence of the corpora.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.quotes_corpus import DATA, ant_multisource, saudinewsnet  # noqa: E402
from khabar.api import load_pipeline  # noqa: E402
from khabar.arabic import fold  # noqa: E402
from khabar.config import PipelineConfig  # noqa: E402
from khabar.inputs import RawPage  # noqa: E402
from khabar.lexicons import read_rows  # noqa: E402

OUT = ROOT / "khabar" / "lexicons" / "given_names.tsv"
SELDOM_OUT = ROOT / "khabar" / "lexicons" / "seldom_names.tsv"
GOLD = ("entities_gold.jsonl", "entities_gold2.jsonl", "quotes_events_gold.jsonl",
        "quotes_events_gold2.jsonl", "quotes_gold.jsonl")
MIN_SHARE, MIN_USES = 0.6, 5
MIN_PERSONS, RARE_RATIO = 20, 3
SELDOM_SHARE, SELDOM_MIN_USES = 0.15, 20
_WORD = re.compile(r"[^\W\d_]+")
_TAGGER_ONLY = PipelineConfig(stages=(("clean.auto.v2", {"min_chars": 40, "min_arabic_share": 0.5}),
                                      ("segment.sentences.v1", {}), ("ner.crf.v2", {})))


def gold_ids() -> set[str]:
    ids = set()
    for name in GOLD:
        path = ROOT / "eval" / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            ids |= {json.loads(line).get("id") for line in lines if line.strip()}
    return ids


def count_uses() -> tuple[Counter[str], Counter[str]]:
    """(uses of each folded word, uses inside a person mention of the tagger)."""
    pipeline = load_pipeline(_TAGGER_ONLY)
    held_out = gold_ids()
    uses: Counter[str] = Counter()
    in_names: Counter[str] = Counter()
    articles = list(saudinewsnet(DATA).values()) + list(ant_multisource(DATA).values())
    for article in articles:
        if article.id in held_out:
            continue
        doc = pipeline(RawPage(article.text.encode("utf-8"), format="text", id=article.id))
        uses.update(fold(w) for w in _WORD.findall(doc.text))
        for entity in doc.entities:
            if entity.type == "PER":
                for mention in entity.mentions:
                    words = _WORD.findall(doc.text[mention.start:mention.end])
                    in_names.update(fold(w) for w in words)
    return uses, in_names


def _family_shape(folded: str) -> bool:
    """`الفقيه`, `التركي`: definite with a nisba's ending, the shape of a family name."""
    return folded.startswith("ال") and folded.endswith(("ي", "يه"))


def main() -> int:
    if not (DATA / "saudinewsnet").exists():
        print(f"not found: {DATA} (the shared data folder)")
        return 1
    persons = {row[0]: int(row[1]) for row in read_rows("name_parts.tsv")}
    uses, in_names = count_uses()
    kept = []
    for part, carriers in persons.items():
        used = uses[part]
        share = min(1.0, in_names[part] / used) if used else 0.0
        if (used >= MIN_USES and share >= MIN_SHARE) or (
                carriers >= MIN_PERSONS and carriers >= RARE_RATIO * (used + 1)):
            kept.append((part, used, share))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# Folded given names and other name parts that news nearly always writes in a\n"
                  "# person's name, written by scripts/build_given_names.py (recipe in its\n"
                  "# docstring; parts from Wikidata person labels, CC0 1.0). Columns: name part\n"
                  "# <TAB> uses in news <TAB> share of them inside a person's name.\n")
        for part, used, share in sorted(kept):
            out.write(f"{part}\t{used}\t{share:.2f}\n")
    print(f"{len(kept)} of {len(persons)} name parts -> {OUT.relative_to(ROOT)}")
    seldom = sorted((word, uses[word], named / uses[word]) for word, named in in_names.items()
                    if word not in persons and uses[word] >= SELDOM_MIN_USES
                    and named / uses[word] < SELDOM_SHARE and not _family_shape(word))
    with SELDOM_OUT.open("w", encoding="utf-8") as out:
        out.write("# Folded words the tagger sometimes reads in a person's name that news seldom\n"
                  "# writes in one and no Wikidata person carries, written by\n"
                  "# scripts/build_given_names.py (recipe in its docstring). Columns: word <TAB>\n"
                  "# uses in news <TAB> share of them inside a person's name.\n")
        for word, used, share in seldom:
            out.write(f"{word}\t{used}\t{share:.2f}\n")
    print(f"{len(seldom)} words seldom in a name -> {SELDOM_OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
