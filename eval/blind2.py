"""The second blind news set: 40 articles from five outlets no eval set had used.

    python -m eval.blind2 draw                  # the drawn list: number, half, outlet, id
    python -m eval.blind2 show 3 4              # print drawn articles to annotate them
    python -m eval.blind2 check ENTITIES QUOTES # resolve the sheets, write nothing
    python -m eval.blind2 build ENTITIES QUOTES # write eval/entities_gold2.jsonl and
                                                # eval/quotes_events_gold2.jsonl from the sheets

Why a second set: the first blind sets (eval/entities_gold.jsonl, eval/quotes_events_gold.jsonl)
have 30 articles per half, so a half's role or speaker share moves by 0.1 with a handful of
mentions, and their outlets were read while the rules were written. This set is drawn from the
five SaudiNewsNet outlets that no eval set had drawn from (OUTLETS), under the same annotation
guidelines (docs/annotation-entities.md, docs/annotation-quotes-events.md), and scored by the
same scripts (`python -m eval.entities_news --gold eval/entities_gold2.jsonl`,
`python -m eval.quotes_events_news --gold eval/quotes_events_gold2.jsonl`).

The draw is seeded and recorded here:
- SaudiNewsNet articles of the five outlets, bodies of 400 to 1,400 characters holding a word
  that starts like a title (eval.entities_draw.TITLE_WORD) and a quote cue
  (eval.quotes_events_draw.CUES), so that every article can test persons' roles and speakers;
- no article any eval set names (every id and URL in eval/*.jsonl, and store ids), none of the
  first 1,500 articles of the corpus (eval.ner_news, eval.stories read them), none of the
  articles the judged event samples read while rules were written (their first SEEN and their
  calibration pool), and no text twice;
- eight per outlet; per outlet the drawn articles alternate dev, test in draw order.

Sheets stay outside the repository (they quote the articles); only offsets and labels are
committed. The entity sheet has eval.entities_annotate's format (blocks `= N` numbered as in
`draw`). The quote sheet is JSON: {"N": {"q": [[cue, content, speaker, direct], ...],
"e": [[trigger, cameo, source, target, [source_code, target_code]], ...]}}. A content string
may be `first words..last words`; a string may end in `@K` for its K-th occurrence; a speaker
`?reason` (`?unnamed`) is a quote with no speaker in the text. Cues and triggers are found in
order through the article, contents and actors nearest to their cue or trigger.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from pathlib import Path

from eval.entities_annotate import SheetError
from eval.entities_annotate import build as build_entities
from eval.entities_draw import TITLE_WORD, store_id
from eval.entities_gold import text_hash
from eval.quotes_corpus import DATA, Article, load_articles
from eval.quotes_events_draw import CUES

SEED = 20261206
OUTLETS = ("aleqtisadiya", "almadina", "alweeam", "3alyoum", "was")
PER_OUTLET = 8
MIN_CHARS, MAX_CHARS = 400, 1400
READ_BY_OTHER_SCRIPTS = 1500
EVAL = Path(__file__).resolve().parent
# Eval sets drawn after this one, clear of it by their own rule (eval.events_judged's v6 sample
# and eval.roles_judged leave these articles out): they leave the recorded draw as it was.
DRAWN_AFTER = ("events_judged_v6.jsonl", "roles_judged.jsonl")
ENTITIES_GOLD = EVAL / "entities_gold2.jsonl"
QUOTES_GOLD = EVAL / "quotes_events_gold2.jsonl"


def used_ids() -> set[str]:
    """Ids, URLs and store ids of every eval set, of the first articles eval scripts read, and
    of the judged event samples' read articles."""
    from eval.corpora import saudinewsnet_records
    from eval.events_judged import CALIBRATION_POOL, SEEN, drawn_articles

    used: set[str] = set()
    for path in sorted(EVAL.glob("*.jsonl")):
        if path in (ENTITIES_GOLD, QUOTES_GOLD) or path.name in DRAWN_AFTER:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                used.update(str(record[k]) for k in ("id", "a", "b", "url") if k in record)
    used |= {r["url"] for r in itertools.islice(saudinewsnet_records(), READ_BY_OTHER_SCRIPTS)}
    pool = drawn_articles()
    used |= {a.id for a in pool[:SEEN] + pool[-CALIBRATION_POOL:]}
    return used


def qualifies(article: Article) -> bool:
    return (article.source in OUTLETS and MIN_CHARS <= len(article.text) <= MAX_CHARS
            and bool(TITLE_WORD.search(article.text)) and bool(CUES.search(article.text)))


def draw(articles: dict[tuple[str, str], Article]) -> list[tuple[str, Article]]:
    """(half, article) pairs, outlet by outlet, in draw order; number N is index N - 1."""
    used = used_ids()
    pool: dict[str, list[Article]] = {outlet: [] for outlet in OUTLETS}
    seen: set[str] = set()
    for key in sorted(articles):
        article = articles[key]
        if article.id in used or store_id(article) in used or article.text in seen:
            continue
        if qualifies(article):
            seen.add(article.text)
            pool[article.source].append(article)
    rng = random.Random(SEED)
    return [("dev" if number % 2 == 0 else "test", article)
            for outlet in OUTLETS
            for number, article in enumerate(rng.sample(pool[outlet], PER_OUTLET))]


# --- the quote sheet -------------------------------------------------------------------------

def _occurrences(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _find(text: str, wanted: str, near: int = 0, after: int | None = None,
          avoid: list[int] | None = None) -> list[int]:
    """Offsets of `wanted` (`string@K`: its K-th occurrence): the first at or after `after`,
    else the nearest to `near` outside `avoid`."""
    match = re.fullmatch(r"(.*)@(\d+)", wanted, re.S)
    needle, nth = (match.group(1), int(match.group(2))) if match else (wanted, None)
    found = _occurrences(text, needle)
    if not found or (nth and nth > len(found)):
        raise SheetError(f"not found: {wanted!r}")
    if nth:
        at = found[nth - 1]
    elif after is not None:
        later = [o for o in found if o >= after]
        if not later:
            raise SheetError(f"not found after offset {after}: {wanted!r}")
        at = later[0]
    else:
        outside = [o for o in found if not (avoid and avoid[0] <= o < avoid[1])] or found
        at = min(outside, key=lambda o: (abs(o - near), o > near))
    return [at, at + len(needle)]


def resolve_quotes(text: str, sheet: dict) -> tuple[list[dict], list[dict]]:
    """Offsets for one article's quotes and main events."""
    quotes, cursor = [], 0
    for cue, content, speaker, direct in sheet.get("q", []):
        found_cue = _find(text, cue, after=None if "@" in cue else cursor) if cue else None
        anchor = found_cue[0] if found_cue else cursor
        if found_cue:
            cursor = found_cue[0] + 1
        if ".." in content:
            first, last = content.split("..", 1)
            start = _find(text, first, near=anchor)
            span = [start[0], _find(text, last, after=start[0])[1]]
        else:
            span = _find(text, content, near=anchor)
        quote: dict = {"content": span, "cue": found_cue, "direct": bool(direct)}
        if speaker is None or speaker.startswith("?"):
            quote["speaker"] = None
            quote["speaker_reason"] = (speaker or "?unnamed")[1:]
        else:
            quote["speaker"] = _find(text, speaker, near=anchor, avoid=span)
        quotes.append(quote)
    events, cursor = [], 0
    for item in sheet.get("e", []):
        trigger, cameo, source, target = item[:4]
        codes = item[4] if len(item) > 4 else (None, None)
        found_trigger = _find(text, trigger, after=None if "@" in trigger else cursor)
        cursor = found_trigger[0] + 1
        event: dict = {"trigger": found_trigger, "cameo": cameo,
                       "source": _find(text, source, near=found_trigger[0], avoid=found_trigger)
                       if source else None,
                       "target": _find(text, target, near=found_trigger[0], avoid=found_trigger)
                       if target else None}
        if codes[0]:
            event["source_code"] = codes[0]
        if codes[1]:
            event["target_code"] = codes[1]
        events.append(event)
    return quotes, events


def build(entity_sheet: Path, quote_sheet: Path,
          drawn: list[tuple[str, Article]]) -> tuple[list[dict], list[dict]]:
    """The two gold files' records; a sheet line that does not resolve stops the build."""
    entities, quotes = build_entities(entity_sheet, drawn), []
    sheets = json.loads(quote_sheet.read_text(encoding="utf-8"))
    for number in sorted(sheets, key=int):
        half, article = drawn[int(number) - 1]
        try:
            found_quotes, found_events = resolve_quotes(article.text, sheets[number])
        except SheetError as error:
            raise SheetError(f"article {number}: {error}") from error
        quotes.append({"corpus": article.corpus, "id": article.id, "outlet": article.source,
                       "half": half,
                       "sha256": text_hash(article.text),
                       "quotes": found_quotes, "events": found_events})
    return entities, quotes


def _write(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in ("draw", "show", "check", "build"):
        print(__doc__)
        return 2
    if not DATA.exists():
        print(f"skipped: the corpora are not here ({DATA})")
        return 0
    drawn = draw(load_articles({"saudinewsnet"}, DATA))
    if argv[0] == "draw":
        for number, (half, article) in enumerate(drawn, 1):
            print(number, half, article.source, article.id, sep="\t")
    elif argv[0] == "show":
        for number in map(int, argv[1:]):
            half, article = drawn[number - 1]
            print(f"===== {number} {half} {article.source} {article.id} ({len(article.text)} chars)")
            print(f"TITLE: {article.title}\n{article.text}\n")
    elif argv[0] == "check":
        entities, quotes = build(Path(argv[1]), Path(argv[2]), drawn)
        print(f"resolved: {len(entities)} entity blocks, {len(quotes)} quote blocks")
    else:
        entities, quotes = build(Path(argv[1]), Path(argv[2]), drawn)
        _write(ENTITIES_GOLD, entities)
        _write(QUOTES_GOLD, quotes)
        print(f"{len(entities)} + {len(quotes)} articles written to {ENTITIES_GOLD.name}, "
              f"{QUOTES_GOLD.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
