"""Score quotes, speakers and main events on the blind news set (eval/quotes_events_gold.jsonl).

    python -m eval.quotes_events_news --half dev          # the half to tune on
    python -m eval.quotes_events_news --half dev --errors # its misses, extras and wrong speakers
    python -m eval.quotes_events_news --half both         # dev and test side by side, for reports
    python -m eval.quotes_events_news --events events.cameo.v5 --min-confidence 0.55
                                                          # another events stage, events kept at >= 0.55

The set and its rules: docs/annotation-quotes-events.md; the draw: eval/quotes_events_draw.py.
Gold offsets are character offsets into the corpus text field (SaudiNewsNet `content`, ANT
`TEXT`, as eval/quotes_corpus.py reads them); each article's SHA-256 is checked before scoring.
Each article runs through the default pipeline (khabar.load_pipeline) as a text page with its
title. Predicted spans are in the cleaned text, so both texts are cut into folded word tokens
and aligned (difflib); spans are compared as sets of raw-text tokens.

- Quotes: a prediction matches a gold quote when it covers at least half of the gold content's
  tokens; one-to-one, best overlap first. P = matched / predicted, R = matched / gold.
- Speaker right (over matched quotes): the predicted speaker (its span, or a mention of its
  entity) overlaps the gold speaker span, or the names agree (folded, `ال` dropped, same last
  word or one name's words inside the other's). An unresolved speaker (none) counts as wrong
  and is also counted apart.
- Events: a prediction matches a gold event with the same CAMEO root (two digits) and the same
  source: actor span or entity mention overlapping the gold source span, names agreeing as for
  speakers, or the actor code starting with the gold `source_code` (`الأميركي` → USA). A gold
  event without a source is matched by the same root and an overlapping trigger. Recall =
  matched gold / gold; precision = matched predictions / predictions, one-to-one (a second
  prediction of the same incident does not match again), a lower bound because gold lists only
  the main events; `any` counts every prediction that matches some gold event.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import difflib
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from eval.quotes_corpus import DATA, Article, load_articles
from khabar.arabic import fold, tokenize
from khabar.document import Document

GOLD = Path(__file__).resolve().parent / "quotes_events_gold.jsonl"
CODEBOOK = DATA / "events" / "cameo-codebook" / "cameo.csv"


def read_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cameo_codes(path: Path = CODEBOOK) -> set[str]:
    with path.open(encoding="utf-8") as handle:
        return {row[0] for row in csv.reader(handle) if row and row[0][:1].isdigit()}


def problems(gold: list[dict], articles: dict[tuple[str, str], Article], codes: set[str]) -> list[str]:
    """What is wrong with the gold file: texts that changed, spans out of range, unknown codes."""
    found = []
    for record in gold:
        key = (record["corpus"], record["id"])
        article = articles.get(key)
        if article is None:
            found.append(f"{key}: not in the corpus")
            continue
        if hashlib.sha256(article.text.encode("utf-8")).hexdigest() != record["sha256"]:
            found.append(f"{key}: the text changed (SHA-256)")
        n = len(article.text)
        spans = [q[k] for q in record["quotes"] for k in ("content", "cue", "speaker")]
        spans += [e[k] for e in record["events"] for k in ("trigger", "source", "target")]
        for span in filter(None, spans):
            if not (0 <= span[0] < span[1] <= n) or not article.text[span[0]:span[1]].strip():
                found.append(f"{key}: span {span} does not rebuild")
        found += [f"{key}: unknown CAMEO code {e['cameo']}" for e in record["events"]
                  if e["cameo"] not in codes]
        found += [f"{key}: a null speaker without a reason" for q in record["quotes"]
                  if q["speaker"] is None and not q.get("speaker_reason")]
    return found


class Alignment:
    """Word tokens of the corpus text and of Document.text, aligned; spans become raw-token sets."""

    def __init__(self, raw: str, clean: str) -> None:
        self.raw, self.clean = _words(raw), _words(clean)
        matcher = difflib.SequenceMatcher(None, [w for *_, w in self.clean],
                                          [w for *_, w in self.raw], autojunk=False)
        self.to_raw = {block.a + k: block.b + k for block in matcher.get_matching_blocks()
                       for k in range(block.size)}

    def gold(self, span: list[int] | None) -> set[int]:
        return _covered(self.raw, span[0], span[1]) if span else set()

    def predicted(self, start: int, end: int) -> set[int]:
        return {self.to_raw[i] for i in _covered(self.clean, start, end) if i in self.to_raw}


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, fold(t.text)) for t in tokenize(text) if t.kind != "punct"]


def _covered(words: list[tuple[int, int, str]], start: int, end: int) -> set[int]:
    # A word partly inside the span counts: gold spans may keep or drop a clitic.
    return {i for i, (s, e, _) in enumerate(words) if s < end and e > start}


def same_name(predicted: str, gold: str) -> bool:
    """Names agree: folded, `ال` dropped, equal, same last word, or one inside the other."""
    def key(name: str) -> list[str]:
        words = [w for w in fold(name).replace("(", " ").replace(")", " ").split() if w]
        return [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words]

    p, g = key(predicted), key(gold)
    return bool(p and g) and (p == g or p[-1] == g[-1] or set(g) <= set(p) or set(p) <= set(g))


@dataclass
class Totals:
    articles: int = 0
    gold_quotes: int = 0
    predicted_quotes: int = 0
    matched_quotes: int = 0
    speaker_right: int = 0
    speaker_none: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    found_events: int = 0  # gold events matched (one-to-one)
    matching_any: int = 0  # predictions that match some gold event
    no_source: int = 0
    errors: list[str] = field(default_factory=list)


def _entity_tokens(doc: Document, entity_id: str | None, align: Alignment) -> set[int]:
    for entity in doc.entities:
        if entity.id == entity_id:
            return set().union(*(align.predicted(m.start, m.end) for m in entity.mentions))
    return set()


def score_quotes(article: Article, record: dict, doc: Document, align: Alignment, t: Totals) -> None:
    names = {e.id: e.name for e in doc.entities}
    golds = [align.gold(q["content"]) for q in record["quotes"]]
    predicted = [align.predicted(q.content.start, q.content.end) for q in doc.quotes]
    pairs = sorted(((len(g & p) / len(g), gi, pi) for gi, g in enumerate(golds)
                    for pi, p in enumerate(predicted) if g and len(g & p) * 2 >= len(g)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        gold, quote = record["quotes"][gi], doc.quotes[pi]
        name = names.get(quote.speaker or "") or quote.speaker_text or ""
        if not name:
            t.speaker_none += 1
            right = False
        else:
            tokens = _entity_tokens(doc, quote.speaker, align)
            if quote.speaker_span:
                tokens |= align.predicted(quote.speaker_span.start, quote.speaker_span.end)
            gold_tokens = align.gold(gold["speaker"])
            gold_name = article.text[gold["speaker"][0]:gold["speaker"][1]] if gold["speaker"] else ""
            right = bool(gold_tokens & tokens) or (bool(gold_name) and same_name(name, gold_name))
        t.speaker_right += right
        if not right:
            t.errors.append(f"SPEAKER gold {_text(article, gold['speaker'])!r} predicted {name!r}")
    t.gold_quotes += len(golds)
    t.predicted_quotes += len(predicted)
    t.matched_quotes += len(used_g)
    t.errors += [f"MISSED quote [{_text(article, q['speaker'])}] {_text(article, q['content'])[:60]}"
                 for gi, q in enumerate(record["quotes"]) if gi not in used_g]
    t.errors += [f"EXTRA quote [{q.speaker_text}] {doc.text[q.content.start:q.content.end][:60]}"
                 for pi, q in enumerate(doc.quotes) if pi not in used_p]


def _event_matches(gold: dict, event, article: Article, doc: Document, align: Alignment) -> bool:
    if gold["cameo"][:2] != event.cameo[:2]:
        return False
    if gold["source"] is None:
        return bool(align.gold(gold["trigger"]) & align.predicted(event.trigger.start, event.trigger.end))
    source = event.source
    if source is None:
        return False
    tokens = _entity_tokens(doc, source.entity, align)
    if source.span:
        tokens |= align.predicted(source.span.start, source.span.end)
    code = gold.get("source_code")
    return (bool(align.gold(gold["source"]) & tokens)
            or same_name(source.name, _text(article, gold["source"]))
            or bool(code and source.code.startswith(code)))


def score_events(article: Article, record: dict, doc: Document, align: Alignment, t: Totals) -> None:
    golds, events = record["events"], doc.events
    fits = [[_event_matches(g, e, article, doc, align) for e in events] for g in golds]
    used_p: set[int] = set()
    for gi, gold in enumerate(golds):
        choice = next((pi for pi, ok in enumerate(fits[gi]) if ok and pi not in used_p), None)
        if choice is None:
            t.errors.append(f"MISSED event {gold['cameo']} [{_text(article, gold['source'])}] "
                            f"{_text(article, gold['trigger'])} [{_text(article, gold['target'])}]")
        else:
            used_p.add(choice)
    t.gold_events += len(golds)
    t.found_events += len(used_p)
    t.predicted_events += len(events)
    t.matching_any += sum(any(fits[gi][pi] for gi in range(len(golds))) for pi in range(len(events)))
    t.no_source += sum(e.source is None for e in events)
    t.errors += [f"EXTRA event {e.cameo} [{e.source.name if e.source else None}] "
                 f"{doc.text[e.trigger.start:e.trigger.end]} [{e.target.name if e.target else None}]"
                 for pi, e in enumerate(events) if pi not in used_p]


def _text(article: Article, span: list[int] | None) -> str | None:
    return article.text[span[0]:span[1]] if span else None


def score(records: list[dict], articles: dict, documents: dict) -> Totals:
    t = Totals()
    for record in records:
        key = (record["corpus"], record["id"])
        article, doc = articles[key], documents[key]
        align = Alignment(article.text, doc.text)
        before = len(t.errors)
        score_quotes(article, record, doc, align, t)
        score_events(article, record, doc, align, t)
        t.errors[before:] = [f"{record['outlet']} {record['id'][-30:]}: {e}" for e in t.errors[before:]]
        t.articles += 1
    return t


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


ROWS = (
    ("articles", lambda t: str(t.articles)),
    ("gold quotes / predicted / matched", lambda t: f"{t.gold_quotes} / {t.predicted_quotes} / {t.matched_quotes}"),
    ("quotes precision", lambda t: _ratio(t.matched_quotes, t.predicted_quotes)),
    ("quotes recall", lambda t: _ratio(t.matched_quotes, t.gold_quotes)),
    ("speaker right (of matched quotes)", lambda t: _ratio(t.speaker_right, t.matched_quotes)),
    ("speaker unresolved (of matched quotes)", lambda t: f"{t.speaker_none}"),
    ("gold events / predicted events", lambda t: f"{t.gold_events} / {t.predicted_events}"),
    ("events recall (same root, same source)", lambda t: _ratio(t.found_events, t.gold_events)),
    ("events precision, one-to-one (lower bound)", lambda t: _ratio(t.found_events, t.predicted_events)),
    ("events precision, any match", lambda t: _ratio(t.matching_any, t.predicted_events)),
    ("predicted events per article", lambda t: f"{t.predicted_events / max(1, t.articles):.2f}"),
    ("predicted events with no source", lambda t: _ratio(t.no_source, t.predicted_events)),
)


def report(totals: dict[str, Totals]) -> str:
    halves = list(totals)
    lines = ["| measure | " + " | ".join(halves) + " |", "|---|" + "---:|" * len(halves)]
    lines += [f"| {name} | " + " | ".join(value(totals[h]) for h in halves) + " |" for name, value in ROWS]
    return "\n".join(lines)


def _pipeline(events: str | None):
    """The default pipeline, with `events` in place of its events stage when given."""
    from khabar import load_pipeline
    from khabar.config import PipelineConfig, load_config

    if not events:
        return load_pipeline(policy="record")
    defaults = load_config()
    stages = tuple((events, {}) if name.startswith("events.cameo.") else (name, options)
                   for name, options in defaults.stages)
    return load_pipeline(PipelineConfig(stages, defaults.policy, defaults.extra), policy="record")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "test", "both"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list the dev half's misses and extras")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--events", metavar="STAGE",
                        help="the events stage in place of the default's (events.cameo.v5)")
    parser.add_argument("--min-confidence", type=float, default=0.0,
                        help="score only the events whose confidence is at least this")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: the corpora are not available ({DATA} is missing)")
        return 0
    gold = read_gold(args.gold)
    articles = load_articles({r["corpus"] for r in gold})
    found = problems(gold, articles, cameo_codes())
    if found:
        print("the gold file does not match the corpora:\n" + "\n".join(found), file=sys.stderr)
        return 2
    from khabar.inputs import RawPage

    pipeline = _pipeline(args.events)
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    chosen = [r for r in gold if r["half"] in halves]
    documents = {}
    for r in chosen:
        article = articles[(r["corpus"], r["id"])]
        page = RawPage(article.text.encode("utf-8"), format="text", id=article.id, title=article.title)
        doc = pipeline(page)
        documents[(r["corpus"], r["id"])] = dataclasses.replace(
            doc, events=tuple(e for e in doc.events if e.confidence >= args.min_confidence))
    totals = {h: score([r for r in chosen if r["half"] == h], articles, documents) for h in halves}
    if len(halves) > 1:
        totals["all"] = score(chosen, articles, documents)
    which = f"events stage {args.events}" if args.events else "default pipeline"
    floor = f", events at confidence >= {args.min_confidence}" if args.min_confidence else ""
    print(f"{which}{floor}; {len(chosen)} articles ({', '.join(halves)})\n")
    print(report(totals))
    if args.errors:
        print("\n" + "\n".join(totals["dev"].errors) if "dev" in totals
              else "\n--errors lists the dev half only: the test half is scored, not read")
    return 0


if __name__ == "__main__":
    sys.exit(main())
