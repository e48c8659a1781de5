"""Turn an annotation sheet (strings chosen by a reader) into offsets for eval/entities_gold.jsonl.

    python -m eval.entities_annotate show 7              # print drawn article 7 to read it
    python -m eval.entities_annotate build SHEET         # write eval/entities_gold.jsonl

The sheet stays outside the repository (it quotes the articles); only offsets and labels are
committed. Sheet format, one block per drawn article (numbers from `eval.entities_draw`, 1-60):

    = 7
    P مايك بومبيو | بومبيو ; وزير الخارجية ; الأمريكي => الولايات المتحدة
    O وزارة الخارجية الأمريكية | الخارجية الأمريكية
    L واشنطن

`P` persons, `O` organizations, `L` locations: the mention strings, `|` between variants (`X`:
a string whose text is not annotated, such as an event's name around a place); every
whole-word occurrence of each is a mention (a proclitic `و ف ب ل ك` before it is allowed and
left out). Longer strings are placed first, and an occurrence inside a longer mention is skipped,
so nested names are not annotated twice. For a person, `; title ; affiliation` follow: the title
occurrence nearest to the person's mentions is its evidence, then the affiliation string nearest
to the title; `=> value` gives a normalized form where the text's is unusual (`نائب وزيرها للخارجية
=> نائب وزير الخارجية`; alternatives for coordinated titles: `الباحث|الطبيب`) and the
affiliation's normalized name (a country for a nationality
adjective). A string that is not found stops the build with the block number.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from eval.entities_draw import OUTLETS, draw
from eval.entities_gold import GOLD, text_hash
from eval.quotes_corpus import DATA, Article, load_articles

_PROCLITICS = "وفبلك"
_LETTER = re.compile(r"\w")


def _whole_word(text: str, start: int, end: int) -> bool:
    if end < len(text) and _LETTER.match(text[end]):
        return False
    before = start
    while before > 0 and start - before < 2 and text[before - 1] in _PROCLITICS:
        before -= 1
    return before == 0 or not _LETTER.match(text[before - 1])


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, at = [], text.find(needle)
    while at >= 0:
        if _whole_word(text, at, at + len(needle)):
            out.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return out


def _nearest(spans: list[tuple[int, int]], anchors: list[tuple[int, int]]) -> tuple[int, int]:
    return min(spans, key=lambda s: min(abs(s[0] - a[0]) for a in anchors))


class SheetError(ValueError):
    """A sheet line that does not resolve to offsets in its article."""


def _parse(block: list[str]) -> list[dict]:
    items = []
    for line in block:
        kind, rest = line[0], line[1:].strip()
        parts = [p.strip() for p in rest.split(";")]
        item = {"kind": kind, "forms": [f.strip() for f in parts[0].split("|") if f.strip()]}
        if kind == "P" and len(parts) > 1 and parts[1]:
            title, _, normalized = parts[1].partition("=>")
            item["title"] = title.strip()
            item["title_value"] = normalized.strip() or None
            if len(parts) > 2 and parts[2]:
                evidence, _, value = parts[2].partition("=>")
                item["affiliation"] = evidence.strip()
                item["value"] = value.strip() or None
        items.append(item)
    return items


def resolve(text: str, block: list[str]) -> dict:
    """Offsets for one article's sheet block."""
    items = _parse(block)
    taken: list[tuple[int, int]] = []
    spans: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(items))}
    forms = sorted(((len(f), i, f) for i, item in enumerate(items) for f in item["forms"]),
                   reverse=True)
    for _, index, form in forms:
        found = occurrences(text, form)
        if not found:
            raise SheetError(f"not found: {form!r}")
        for s, e in found:
            if not any(s < te and ts < e for ts, te in taken):
                taken.append((s, e))
                spans[index].append((s, e))
    out: dict[str, list] = {"persons": [], "organizations": [], "locations": []}
    for index, item in enumerate(items):
        if item["kind"] == "X":
            continue
        mentions = sorted(spans[index])
        if not mentions:
            raise SheetError(f"every occurrence lies inside another mention: {item['forms']}")
        entity: dict = {"mentions": [list(m) for m in mentions]}
        if item["kind"] == "P":
            entity["role"] = None
            if "title" in item:
                found = occurrences(text, item["title"])
                if not found:
                    raise SheetError(f"title not found: {item['title']!r}")
                title = _nearest(found, mentions)
                role: dict = {"title": list(title), "title_value": item["title_value"],
                              "affiliation": None, "value": None}
                if item.get("affiliation"):
                    found = occurrences(text, item["affiliation"])
                    if not found:
                        raise SheetError(f"affiliation not found: {item['affiliation']!r}")
                    role["affiliation"] = list(_nearest(found, [title]))
                    role["value"] = item["value"]
                entity["role"] = role
        key = {"P": "persons", "O": "organizations", "L": "locations"}[item["kind"]]
        out[key].append(entity)
    return out


def read_sheet(path: Path) -> dict[int, list[str]]:
    blocks: dict[int, list[str]] = {}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            current = int(line[1:].split()[0])
            blocks[current] = []
        elif line[0] in "POLX" and current is not None:
            blocks[current].append(line)
        else:
            raise SheetError(f"cannot read sheet line: {line!r}")
    return blocks


def build(sheet: Path, drawn: list[tuple[str, Article]]) -> list[dict]:
    records = []
    for number, lines in sorted(read_sheet(sheet).items()):
        half, article = drawn[number - 1]
        try:
            spans = resolve(article.text, lines)
        except SheetError as error:
            raise SheetError(f"article {number}: {error}") from error
        records.append({"n": number, "half": half, "corpus": article.corpus, "id": article.id,
                        "archive": article.archive, "source": article.source,
                        "sha256": text_hash(article.text), **spans})
    return records


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in ("show", "build"):
        print(__doc__)
        return 2
    drawn = draw(load_articles(set(OUTLETS), DATA))
    if sys.argv[1] == "show":
        for number in map(int, sys.argv[2:]):
            half, article = drawn[number - 1]
            print(f"===== {number} {half} {article.source} {article.id} "
                  f"({len(article.text)} chars)")
            print(f"TITLE: {article.title}\n{article.text}\n")
        return 0
    records = build(Path(sys.argv[2]), drawn)
    with open(GOLD, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(records)} articles written to {GOLD}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
