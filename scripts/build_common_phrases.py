"""Build khabar/lexicons/common_phrases.tsv: head noun + complement pairs that news uses as
common noun phrases, not as a body's name (`شركة الطيران`, `مجلس الإدارة`, `مركز المدينة`).

Recipe: over every SaudiNewsNet article in ../shared (the blind entity set's articles left out),
count each head noun of bodies.tsv (with or without ال and one proclitic) followed by a word,
once with the word definite (`شركة الطيران`, the form a name takes) and once indefinite
(`شركة طيران`, which a name almost never takes: `وزارة صحة` is 1 in 93). A pair is common when
its indefinite form is at least as frequent as its definite one and both occur often enough
to judge (MIN_DEFINITE, MIN_INDEFINITE below). A complement that names an organization or a
place in the project's lexicons (`منظمة الأوبك`, `ملعب المدينة`) is a name written with or
without ال, not a common noun, and is left out.

    python scripts/build_common_phrases.py

Columns of the output: head (folded, indefinite), complement (folded, definite), definite
count, indefinite count. khabar.entities.organizations drops a match that is exactly one pair.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.corpora import saudinewsnet_records  # noqa: E402
from eval.entities_gold import read_gold, text_hash  # noqa: E402
from khabar.arabic import fold  # noqa: E402
from khabar.lexicons import read_rows  # noqa: E402

OUT = ROOT / "khabar" / "lexicons" / "common_phrases.tsv"
MIN_DEFINITE = 2
MIN_INDEFINITE = 5
MIN_INDEFINITE_SHARE = 0.5
_PROCLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


def head_of(word: str, heads: set[str]) -> str | None:
    """The indefinite head noun a folded word is (`وللهيئة` -> هيئه), if any."""
    for prefix in ("",) + _PROCLITICS:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix):]
        for candidate in (rest, rest[2:] if rest.startswith("ال") else None):
            if candidate in heads:
                return candidate
        if prefix.endswith("ل") and rest.startswith("ل") and rest[1:] in heads:
            return rest[1:]  # `للهيئة`: ل + الهيئة
    return None


def lexicon_names() -> set[str]:
    """Folded one-word names of organizations.tsv and places.tsv, without ال."""
    names = set()
    for lexicon in ("organizations.tsv", "places.tsv"):
        for row in read_rows(lexicon):
            for name in [row[0]] + (row[1].split("|") if len(row) > 1 else []):
                word = fold(name.strip().lstrip("~"))
                if word and " " not in word:
                    names.add(word.removeprefix("ال"))
    return names


def count_pairs(texts, heads: set[str]) -> tuple[Counter, Counter]:
    definite, indefinite = Counter(), Counter()
    for text in texts:
        words = fold(text).split()
        for word, after in zip(words, words[1:]):
            head = head_of(word, heads)
            if head is None or len(after) < 3:
                continue
            if after.startswith("ال"):
                definite[head, after] += 1
            else:
                indefinite[head, "ال" + after] += 1
    return definite, indefinite


def main() -> int:
    heads = {fold(row[0]) for row in read_rows("bodies.tsv")}
    blind = {record["sha256"] for record in read_gold()}
    texts = (r["text"] for r in saudinewsnet_records() if text_hash(r["text"]) not in blind)
    definite, indefinite = count_pairs(texts, heads)
    names = lexicon_names()
    rows = []
    for (head, complement), d in definite.items():
        i = indefinite[head, complement]
        if complement.removeprefix("ال") in names:
            continue
        if d >= MIN_DEFINITE and i >= MIN_INDEFINITE and i / (d + i) >= MIN_INDEFINITE_SHARE:
            rows.append((head, complement, d, i))
    rows.sort(key=lambda row: (-row[3], row[0], row[1]))
    header = ("# Head noun + complement pairs that news uses as common noun phrases; written by\n"
              "# scripts/build_common_phrases.py from SaudiNewsNet counts (recipe in its docstring).\n"
              "# Columns: head (folded) <TAB> complement (folded) <TAB> definite count <TAB> "
              "indefinite count.\n")
    OUT.write_text(header + "".join(f"{h}\t{c}\t{d}\t{i}\n" for h, c, d, i in rows), encoding="utf-8")
    print(f"{len(rows)} pairs -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
