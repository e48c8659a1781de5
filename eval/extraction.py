"""HTML extraction quality: khabar's reader against gold article bodies and snippet lists.

    python -m eval.extraction

Data (read from ../shared/data, never copied):
- html-scrapinghub-aeb: 181 article pages with a gold body. Scored as in that benchmark: precision,
  recall and F1 of word 4-gram shingles (multiset), averaged over pages.
- html-trafilatura-eval: 99 pages with snippets that must / must not appear, and gold titles and
  dates. Scored as the share of "with" snippets found, of "without" snippets absent, and of
  titles and dates that match.

Both sets are mostly English/European: they measure the generic extraction and boilerplate
removal (trafilatura plus khabar's block rules), not Arabic-specific cleaning, so the Arabic share
check is switched off here. The baseline is trafilatura's own plain-text output on the same pages.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path

import trafilatura

from khabar.errors import Rejected
from khabar.inputs import RawPage
from khabar.stages.read import Cleaner

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter:
    words = _WORD.findall(text.lower())
    return Counter(tuple(words[i:i + size]) for i in range(max(len(words) - size + 1, 1)))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = shingles(predicted), shingles(gold)
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def khabar_text(cleaner: Cleaner, html: bytes, url: str | None) -> tuple[str, str | None, str | None]:
    try:
        doc = cleaner(RawPage(html, format="html", url=url))
    except Rejected:
        return "", None, None
    return doc.text, doc.title, doc.published


def scrapinghub(cleaner: Cleaner) -> dict:
    folder = DATA / "html-scrapinghub-aeb"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ours, base = [], []
    for key, item in sorted(gold.items()):
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        ours.append(prf(khabar_text(cleaner, html, item.get("url"))[0], item["articleBody"]))
        base.append(prf(trafilatura.extract(html, url=item.get("url")) or "", item["articleBody"]))

    def mean(rows, i):
        return round(statistics.mean(r[i] for r in rows), 3)

    return {"pages": len(ours),
            "khabar": {"precision": mean(ours, 0), "recall": mean(ours, 1), "f1": mean(ours, 2)},
            "trafilatura plain text": {"precision": mean(base, 0), "recall": mean(base, 1), "f1": mean(base, 2)}}


def trafilatura_eval(cleaner: Cleaner) -> dict:
    folder = DATA / "html-trafilatura-eval"
    gold = json.loads((folder / "evaldata_subset.json").read_text(encoding="utf-8"))
    found = wanted = absent = unwanted = titles = title_ok = dates = date_ok = 0
    for url, item in sorted(gold.items()):
        path = folder / "html" / f"{item['file']}.gz"
        if not path.exists():
            path = folder / "html" / item["file"]
            if not path.exists():
                continue
        html = gzip.decompress(path.read_bytes())
        text, title, published = khabar_text(cleaner, html, url)
        flat = " ".join(text.split())
        for snippet in item.get("with", []):
            wanted += 1
            found += " ".join(snippet.split()) in flat
        for snippet in item.get("without", []):
            unwanted += 1
            absent += " ".join(snippet.split()) not in flat
        if item.get("title"):
            titles += 1
            title_ok += (title or "").strip() == item["title"].strip()
        if item.get("date"):
            dates += 1
            date_ok += (published or "")[:10] == item["date"][:10]
    return {"pages": len(gold), "with snippets found": round(found / wanted, 3) if wanted else None,
            "without snippets absent": round(absent / unwanted, 3) if unwanted else None,
            "titles exact": round(title_ok / titles, 3) if titles else None,
            "dates exact": round(date_ok / dates, 3) if dates else None}


def main() -> None:
    if not DATA.exists():
        raise SystemExit(f"needs the shared data folder at {DATA}")
    cleaner = Cleaner(min_arabic_share=0.0, min_chars=1)
    report = {"scrapinghub article bodies (word 4-gram shingles)": scrapinghub(cleaner),
              "trafilatura snippet set": trafilatura_eval(cleaner)}
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
