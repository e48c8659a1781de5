"""Reading pages of sites khabar has never seen: title, boilerplate and body, per template.

    python -m eval.reading                      # dev templates, text pages
    python -m eval.reading --held-out           # the three held-out templates, reported apart
    python -m eval.reading --html               # the same pages as HTML, khabar and trafilatura
    python -m eval.reading --show 5             # print what went wrong on 5 pages (dev only)

Pages come from eval/sites: real articles from ../shared/data (ANT, SaudiNewsNet) laid out by
invented site templates, each page with its answer key. Scraped text is read without a URL
(a scraper's text file carries none); HTML pages carry their article's URL. Measures:
- title: the document's title is exactly the article's title;
- boilerplate removed: template lines that are not one of the document's paragraphs;
- body kept: article paragraphs that are one of the document's paragraphs, unchanged.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable

import trafilatura

from eval.corpora import available
from eval.extraction import prf
from eval.sites import DEV, HELD_OUT, SitePage, collection
from khabar.errors import Rejected
from khabar.inputs import RawPage
from khabar.reading.blocks import squeeze
from khabar.stages.read import Cleaner


def read(cleaner: Cleaner, page: SitePage, *, html: bool) -> tuple[str | None, list[str]]:
    """The title and paragraphs khabar reads from a page ((None, []) when it rejects it)."""
    raw = (RawPage(page.html.encode("utf-8"), format="html", url=page.url) if html
           else RawPage(page.text.encode("utf-8"), format="text"))
    try:
        doc = cleaner(raw)
    except Rejected:
        return None, []
    return doc.title, [doc.text[p.start:p.end] for p in doc.paragraphs]


def trafilatura_read(page: SitePage) -> tuple[str | None, list[str]]:
    """trafilatura's own title and text lines for an HTML page."""
    text = trafilatura.extract(page.html, url=page.url) or ""
    meta = trafilatura.extract_metadata(page.html)
    return (meta.title if meta else None), [squeeze(line) for line in text.splitlines() if line.strip()]


class Score:
    """Counts for one group of pages."""

    def __init__(self) -> None:
        self.pages = self.titles = self.boiler = self.boiler_removed = 0
        self.body = self.body_kept = 0
        self.f1: list[float] = []

    def add(self, page: SitePage, title: str | None, paragraphs: list[str]) -> dict:
        found = set(paragraphs)
        missed = [b for b in page.body if b not in found]
        leaked = [b for b in page.boilerplate if b in found]
        self.pages += 1
        self.titles += (title or "") == page.title
        self.boiler += len(page.boilerplate)
        self.boiler_removed += len(page.boilerplate) - len(leaked)
        self.body += len(page.body)
        self.body_kept += len(page.body) - len(missed)
        self.f1.append(prf("\n".join(paragraphs), "\n".join(page.body))[2])
        return {"title": title, "expected title": page.title, "leaked": leaked, "missed": missed}

    def row(self) -> dict:
        return {"pages": self.pages,
                "title exact": f"{self.titles}/{self.pages} ({self.titles / self.pages:.1%})",
                "boilerplate removed": f"{self.boiler_removed}/{self.boiler} "
                                       f"({self.boiler_removed / self.boiler:.1%})",
                "body kept": f"{self.body_kept}/{self.body} ({self.body_kept / self.body:.1%})",
                "body F1 (word 4-grams)": round(sum(self.f1) / len(self.f1), 3)}


def evaluate(pages: Iterable[SitePage], *, html: bool, baseline: bool = False,
             show: int = 0) -> dict:
    cleaner = Cleaner()
    scores: dict[str, Score] = defaultdict(Score)
    shown = 0
    for page in pages:
        title, paragraphs = trafilatura_read(page) if baseline else read(cleaner, page, html=html)
        for key in (page.template, "all"):
            outcome = scores[key].add(page, title, paragraphs)
        wrong = outcome["leaked"] or outcome["missed"] or outcome["title"] != page.title
        if shown < show and wrong and not page.held_out:
            shown += 1
            print(json.dumps({"template": page.template, **outcome}, ensure_ascii=False, indent=1))
    return {key: score.row() for key, score in scores.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="the held-out templates only")
    parser.add_argument("--html", action="store_true", help="HTML pages, khabar and trafilatura")
    parser.add_argument("--pages", type=int, default=40, help="pages per template")
    parser.add_argument("--show", type=int, default=0, help="print N dev pages that went wrong")
    args = parser.parse_args()
    if not available():
        print("skipped: ../shared/data/saudinewsnet and ant-multisource are not here")
        return 0
    templates = HELD_OUT if args.held_out else DEV
    pages = list(collection(args.pages, templates=templates, seed=7 if not args.held_out else 8))
    report = {"templates": "held out" if args.held_out else "dev",
              "pages": "HTML" if args.html else "scraped text",
              "khabar": evaluate(pages, html=args.html, show=args.show)}
    if args.html:
        report["trafilatura"] = evaluate(pages, html=True, baseline=True)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
