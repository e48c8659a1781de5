"""Reading pages of sites khabar has never seen: title, boilerplate and body, per template.

    python -m eval.reading                      # dev templates, text pages
    python -m eval.reading --held-out           # the three held-out templates, reported apart
    python -m eval.reading --html               # the same pages as HTML, khabar and trafilatura
    python -m eval.reading --show 5             # print what went wrong on 5 pages (dev only)
    python -m eval.reading --real               # body lines lost on every real article
    python -m eval.reading --arabic-html        # the Arabic pages of the HTML benchmarks

Pages come from eval/sites: real articles from ../shared/data (ANT, SaudiNewsNet) laid out by
invented site templates, each page with its answer key. Scraped text is read without a URL
(a scraper's text file carries none); HTML pages carry their article's URL. Measures:
- title: the document's title is exactly the article's title;
- boilerplate removed: template lines that are not one of the document's paragraphs;
- body kept: article paragraphs that are one of the document's paragraphs, unchanged.

`--real` reads every lexicon-clean record of SaudiNewsNet and ANT as a scraped page (its title
line, then its paragraphs, with no furniture added) and counts the paragraphs that cleaning
does not keep, by reason code: what the rules cost on real text, odd lines included (poems,
bylines, captions, lists). `--arabic-html` scores khabar and trafilatura (word 4-gram F1
against the gold body) on the Arabic pages of the three HTML benchmarks in ../shared/data.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable

import trafilatura

from eval.corpora import SHARED, ant_records, available, saudinewsnet_records
from eval.extraction import prf
from eval.sites import DEV, HELD_OUT, SitePage, collection
from khabar.errors import Rejected
from khabar.inputs import RawPage
from khabar.reading.blocks import Block, clean_blocks, squeeze
from khabar.reading.boilerplate import LineClassifier
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


def real_articles(samples: int = 0) -> dict:
    """Paragraphs of real articles that cleaning does not keep, by reason code."""
    cleaner = Cleaner()
    classifier: LineClassifier = cleaner.classifier
    pages = paragraphs = 0
    lost: dict[str, list[str]] = defaultdict(list)
    for records in (ant_records(), saudinewsnet_records()):
        for record in records:
            title, text = squeeze(record.get("title") or ""), record.get("text") or ""
            if not title or "&" in text:
                continue
            lines = [x for x in (squeeze(y) for y in text.split("\n\n" if "\n\n" in text else "\n")) if x]
            if not lines or any(classifier.kind(x) for x in lines):
                continue
            draft = clean_blocks([Block(title)] + [Block(x) for x in lines], classifier, judge=cleaner.judge)
            kept = [b.text for b in draft.blocks]
            why = {r.line: r.reason for r in draft.removals}
            pages += 1
            paragraphs += len(lines)
            for number, line in enumerate(lines, 1):
                # a paragraph cut by a glued-furniture rule is still there, shorter
                if line not in kept and not any(len(k) > 20 and k in line for k in kept):
                    lost[why.get(number, "cut")].append(line)
    total = sum(len(v) for v in lost.values())
    report = {"pages": pages, "paragraphs": paragraphs,
              "lost": f"{total} ({total / paragraphs:.2%})",
              "lost by reason": {k: len(v) for k, v in sorted(lost.items(), key=lambda kv: -len(kv[1]))}}
    if samples:
        chooser = random.Random(13)
        report["samples"] = {k: chooser.sample(v, min(samples, len(v))) for k, v in lost.items()}
    return report


_ARABIC = re.compile(r"[\u0621-\u064A]")


def arabic_html() -> dict:
    """khabar and trafilatura on the Arabic pages of the HTML benchmarks (gold body F1)."""
    data = SHARED
    pages = []
    gold = json.loads((data / "html-scrapinghub-aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(gold.items()):
        if len(_ARABIC.findall(item["articleBody"])) > 100:  # none: its one "Arabic" page is Indonesian
            html = gzip.decompress((data / "html-scrapinghub-aeb" / "html" / f"{key}.html.gz").read_bytes())
            pages.append((f"scrapinghub {key}", html, item.get("url"), item["articleBody"]))
    folder = data / "html-newspaper4k"
    for path in sorted((folder / "txt").glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        if len(_ARABIC.findall(body)) > 100:
            html = gzip.decompress((folder / "html" / f"{path.stem}.html.gz").read_bytes())
            pages.append((f"newspaper4k {path.stem}", html, None, body))
    cleaner = Cleaner(min_arabic_share=0.0, min_chars=1)
    rows = {}
    for name, html, url, body in pages:
        try:
            ours = cleaner(RawPage(html, format="html", url=url)).text
        except Rejected:
            ours = ""
        theirs = trafilatura.extract(html, url=url) or ""
        rows[name] = {"khabar F1": round(prf(ours, body)[2], 3),
                      "trafilatura F1": round(prf(theirs, body)[2], 3)}
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="the held-out templates only")
    parser.add_argument("--html", action="store_true", help="HTML pages, khabar and trafilatura")
    parser.add_argument("--pages", type=int, default=40, help="pages per template")
    parser.add_argument("--show", type=int, default=0, help="print N dev pages that went wrong")
    parser.add_argument("--real", action="store_true", help="body lines lost on real articles")
    parser.add_argument("--samples", type=int, default=0, help="with --real: lost lines shown per reason")
    parser.add_argument("--arabic-html", action="store_true", help="Arabic pages of the HTML benchmarks")
    args = parser.parse_args()
    if not available():
        print("skipped: ../shared/data/saudinewsnet and ant-multisource are not here")
        return 0
    if args.real or args.arabic_html:
        report = real_articles(args.samples) if args.real else arabic_html()
        print(json.dumps(report, ensure_ascii=False, indent=1))
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
