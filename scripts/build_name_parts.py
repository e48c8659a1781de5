"""Build khabar/lexicons/name_parts.tsv: words that persons' names are made of, for
entities.merge.v3's check that a person span is a name (khabar.entities.person_check).

Recipe: the Wikidata person-name parts of ../shared/data/wikidata-person-names-ar (CC0 1.0;
English token, Arabic letters, how many persons use it; SOURCE.md there), the Arabic letters
joined and folded (khabar.arabic.fold), counts summed over spellings that fold alike, kept when
at least MIN_PERSONS persons use the part (a part used once is often a misalignment), and
without `ال` when it has one (`الظاهري` -> `ظاهري`, the form a name key takes).

    python scripts/build_name_parts.py

Columns of the output: folded name part, persons using it.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.arabic import fold  # noqa: E402
from khabar.entities.names import strip_article  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "wikidata-person-names-ar" / "wd_arabic.normalized.aligned.tokens"
OUT = ROOT / "khabar" / "lexicons" / "name_parts.tsv"
MIN_PERSONS = 2


def main() -> int:
    if not SOURCE.exists():
        print(f"not found: {SOURCE} (the shared data folder)")
        return 1
    counts: Counter[str] = Counter()
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        _english, letters, persons = line.split("\t")
        part = strip_article(fold(letters.replace(" ", "")))
        if len(part) >= 2:
            counts[part] += int(persons)
    rows = sorted((part, n) for part, n in counts.items() if n >= MIN_PERSONS)
    header = ("# Folded parts of persons' names (given and family names, Arab and foreign) from\n"
              "# Wikidata person labels (CC0 1.0), written by scripts/build_name_parts.py (recipe\n"
              "# in its docstring). Columns: name part <TAB> persons using it.\n")
    OUT.write_text(header + "".join(f"{p}\t{n}\n" for p, n in rows), encoding="utf-8")
    print(f"{len(rows)} name parts -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
