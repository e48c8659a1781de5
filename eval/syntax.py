"""Evaluate the dependency parser (khabar.syntax), and its subject-of-verb reading against the rules.

    python -m eval.syntax                 # prints the report
    python -m eval.syntax --part trees    # only the treebank scores (trees, events, quotes)
    python -m eval.syntax --model DIR/parser.npz   # another model (train_parser.py --out DIR)

Reads ../shared/data; nothing from it is copied into the repository. Three measures:

1. Treebanks: UPOS accuracy, UAS and LAS over all surface tokens (punctuation included) of the
   PUD test part (the fixed 100 sentences train/syntax/train_parser.py never trains on), and of
   PADT v1.2 dev and test (CC BY-NC-SA, evaluation only; real news, another tokenization: its
   clitic groups are merged as khabar/syntax/conllu.py documents, its v1 labels mapped to v2,
   and its LAS compares the universal part of relations, since v1 has no subtypes).
2. Who did what (OEDA Arabic GSR span records, eval/events.py's dev/held-out halves): the gold
   verb is found among the sentence's tokens, the sentence parsed, and the verb's nsubj phrase
   taken as the source and its obj phrase as the target. They agree when their words overlap
   an annotator's span, as eval/events.py's columns for the events stage, which are printed
   beside them (over records where the annotators marked a source / target).
3. Quote speakers (eval/quotes_gold.jsonl, dev and test as eval/quotes.py splits them): the cue
   verb nearest before the quote (else right after it) in the same sentence, its nsubj phrase
   as the speaker, judged with eval/quotes.py's `_same_speaker`; beside it quotes.cues.v3 as
   eval/quotes.py runs it (lexicon persons), on the same gold quotes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "eval")]

from khabar.arabic import fold, split_sentences, tokenize  # noqa: E402
from khabar.syntax import load_parser, object_of, subject_of  # noqa: E402
from khabar.syntax.conllu import read_padt_v1, read_pud  # noqa: E402
from train.syntax.train_parser import PUD, score, split_pud  # noqa: E402

UD = ROOT / ".." / "shared" / "data" / "ud-arabic"
PADT = UD / "conllu_padt_ud1.2"
_MAX_TOKENS = 80  # a sentence longer than this is cut around the verb


def trees_report(parser) -> list[str]:
    lines = ["| treebank | part | sentences | tokens | UPOS | UPOS (X as PROPN) | UAS | LAS |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    sets = [("Arabic PUD", "test (100 held out)", lambda: split_pud(read_pud(PUD))["test"])]
    for part in ("dev", "test"):
        sets.append(("PADT v1.2", part, lambda p=part: read_padt_v1(PADT / f"ar-ud-{p}.conllu")))
    for name, part, load in sets:
        trees = load()
        # v1 has no relation subtypes (acl:relcl, obl:tmod): PADT's LAS compares universal parts
        s = score(parser, trees, subtypes=name != "PADT v1.2")
        lines.append(f"| {name} | {part} | {len(trees)} | {s['tokens']} | {s['upos']:.3f} | "
                     f"{s['upos_x_propn']:.3f} | {s['uas']:.3f} | {s['las']:.3f} |")
    return lines


@dataclass(frozen=True, slots=True)
class Window:
    """The tokens of one sentence (cut to at most _MAX_TOKENS around `at`), `at` indexing them."""

    tokens: list
    at: int


def window(text: str, offset: int) -> Window | None:
    """The sentence of `text` holding the token that starts at `offset`."""
    for start, end in split_sentences(text):
        if start <= offset < end:
            tokens = tokenize(text, start, end)
            at = next((i for i, t in enumerate(tokens) if t.start == offset), None)
            if at is None:
                return None
            cut = max(0, at - _MAX_TOKENS // 2)
            tokens = tokens[cut:cut + _MAX_TOKENS]
            return Window(tokens, at - cut)
    return None


def span_text(window: Window, span) -> str:
    return " ".join(t.text for t in window.tokens[span.start:span.end])


def find_verb(text: str, record: dict, parser) -> tuple[Window, object] | None:
    """The gold verb's sentence and its parse; the verb is the gold verb words' token that the
    parser tags VERB, else the first of them."""
    words = record.get("verb_gold", "").split() or [
        w for s in record["spans"] for v in s.get("verb", []) for w in v.split()]
    wanted = {fold(w) for w in words}
    for token in tokenize(text):
        if fold(token.text) not in wanted:
            continue
        win = window(text, token.start)
        if win is None:
            continue
        parse = parser.parse([t.text for t in win.tokens])
        candidates = [i for i, t in enumerate(win.tokens) if fold(t.text) in wanted]
        verbs = [i for i in candidates if parse.upos[i] == "VERB"]
        return Window(win.tokens, (verbs or [win.at])[0]), parse
    return None


def events_report(parser) -> list[str]:
    from events import CATEGORIES, GSR, _pct, _span_words, _words, spans

    from khabar.events import EventCoder

    lines = ["| category | part | records | verb found | parse source (nsubj) |"
             " parse source (shared) | rules source | parse target | rules target |"
             " verb without nsubj |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    agreement = ["", "| category | part | parse names a source | parse right |"
                 " the rules name one too | parse right there | rules right there |",
                 "|---|---|---:|---:|---:|---:|---:|"]
    coder = EventCoder()
    for category in CATEGORIES:
        records = json.loads((GSR / f"{category.lower()}_spans.json").read_text(encoding="utf-8"))
        half = len(records) // 2
        counts = {"dev": Counter(), "held-out": Counter(), "all": Counter()}
        for i, record in enumerate(records):
            gold_sources = _words([w for s in record["spans"] for w in s.get("source_actor", [])])
            gold_targets = _words([w for s in record["spans"] for w in s.get("target_actor", [])])
            found = find_verb(record["text"], record, parser)
            for part in ("dev" if i < half else "held-out", "all"):
                c = counts[part]
                c["records"] += 1
                c["source_gold"] += bool(gold_sources)
                c["target_gold"] += bool(gold_targets)
                if found is None:
                    continue
                win, parse = found
                c["found"] += 1
                subject, obj = subject_of(parse, win.at), object_of(parse, win.at)
                shared = subject_of(parse, win.at, shared=True)
                c["no_subject"] += subject is None
                if subject and gold_sources:
                    c["source"] += bool(_span_words(span_text(win, subject)) & gold_sources)
                if shared and gold_sources:
                    right = bool(_span_words(span_text(win, shared)) & gold_sources)
                    c["shared"] += right
                    c["named"] += 1
                    rules_named, rules_right = _rules_source(coder, record, category, gold_sources)
                    c["both"] += rules_named
                    c["both_parse"] += right and rules_named
                    c["both_rules"] += rules_right
                if obj and gold_targets:
                    c["target"] += bool(_span_words(span_text(win, obj)) & gold_targets)
        rules = spans(coder, category)
        for part, c in counts.items():
            agreement.append(
                f"| {category} | {part} | {c['named']} | {_pct(c['shared'], c['named'])} | "
                f"{c['both']} | {_pct(c['both_parse'], c['both'])} | {_pct(c['both_rules'], c['both'])} |")
        for part, c in counts.items():
            r = rules[part]
            lines.append(
                f"| {category} | {part} | {c['records']} | {_pct(c['found'], c['records'])} | "
                f"{_pct(c['source'], c['source_gold'])} | {_pct(c['shared'], c['source_gold'])} | "
                f"{_pct(r.source, r.source_gold)} | "
                f"{_pct(c['target'], c['target_gold'])} | {_pct(r.target, r.target_gold)} | "
                f"{_pct(c['no_subject'], c['found'])} |")
    return lines + agreement


def _rules_source(coder, record: dict, category: str, gold_sources: set[str]) -> tuple[bool, bool]:
    """Whether the events stage names a source for the record (its most confident event of the
    category, as eval/events.py's spans() reads it), and whether it overlaps the annotators'."""
    from events import _span_words, category_events, document

    events = sorted(category_events(coder(document(record["text"])), category),
                    key=lambda e: -e.confidence)
    if not events or not events[0].source:
        return False, False
    return True, bool(_span_words(events[0].source.name) & gold_sources)


def cue_window(text: str, start: int, end: int, cues) -> Window | None:
    """The cue verb nearest before the quote content in its sentence, else right after it."""
    for s, e in split_sentences(text):
        if not s <= start < e:
            continue
        tokens = tokenize(text, s, e)
        before = [i for i, t in enumerate(tokens) if t.end <= start and cues.cue(fold(t.text))]
        after = [i for i, t in enumerate(tokens) if t.start >= end and cues.cue(fold(t.text))]
        if before:
            return window(text, tokens[before[-1]].start)
        if after:
            return window(text, tokens[after[0]].start)
        return None
    return None


def quotes_report(parser) -> list[str]:
    import quotes as quotes_eval
    from quotes_corpus import DATA, load_articles

    from khabar.quotes.lexicon import load_lexicon

    gold = [json.loads(line) for line in
            (ROOT / "eval" / "quotes_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = load_articles({r["corpus"] for r in gold}, DATA)
    cues = load_lexicon()
    lines = ["| split | gold quotes | cue found | parse speaker right | cue verb without nsubj |"
             " quotes.cues.v3 matched | v3 speaker right |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    subset = ["", "| split | the parse names a subject | parse speaker right | v3 speaker right there |",
              "|---|---:|---:|---:|"]
    make = quotes_eval.lexicon_documents(DATA)
    keys = list(dict.fromkeys((r["corpus"], r["id"]) for r in gold))
    documents = {key: make(articles[key]) for key in keys}
    for split in ("dev", "test"):
        part = [r for r in gold if r.get("split") == split]
        c = Counter()
        for record in part:
            text = articles[(record["corpus"], record["id"])].text
            c["gold"] += 1
            win = cue_window(text, record["start"], record["end"], cues)
            if win is None:
                continue
            c["cue"] += 1
            parse = parser.parse([t.text for t in win.tokens])
            subject = subject_of(parse, win.at)
            c["no_subject"] += subject is None
            if subject is not None:
                right = quotes_eval._same_speaker(span_text(win, subject), record["speaker"])
                c["right"] += right
                key = (record["corpus"], record["id"])
                # the rules on this one quote: the same matching, one gold quote at a time
                alone = quotes_eval.score([record], {key: documents[key]}, articles, False)
                c["named"] += 1
                c["rules_there"] += alone["speaker_ok"]
        chosen = {(r["corpus"], r["id"]) for r in part}
        rules = quotes_eval.score(part, {k: documents[k] for k in chosen}, articles, False)
        lines.append(f"| {split} | {c['gold']} | {c['cue']} | {c['right']} ({c['right'] / c['gold']:.2f}) | "
                     f"{c['no_subject']} | {rules['matched']} | {rules['speaker_ok']} "
                     f"({rules['speaker_ok'] / c['gold']:.2f}) |")
        subset.append(f"| {split} | {c['named']} | {c['right']} ({c['right'] / c['named']:.2f}) | "
                      f"{c['rules_there']} ({c['rules_there'] / c['named']:.2f}) |")
    return lines + subset


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("trees", "events", "quotes", "all"), default="all")
    ap.add_argument("--model", type=Path, help="another model file (train_parser.py --out)")
    args = ap.parse_args()
    if not UD.exists():
        sys.exit(f"skipped: the treebanks are not available ({UD} is missing; ../shared/data)")
    parser = load_parser(args.model)
    for name, build in (("trees", trees_report), ("events", events_report),
                        ("quotes", quotes_report)):
        if args.part in (name, "all"):
            print("\n".join(build(parser)), end="\n\n", flush=True)


if __name__ == "__main__":
    main()
