"""Evaluate event coding on the OEDA Arabic event gold standard (PROTEST and ASSAULT).

    python -m eval.events                 # prints the report
    python -m eval.events --write docs/evaluation-events.md
    python -m eval.events --vector-filter   # events.filter.vectors.v1 after each coder variant
    python -m eval.events --vector-filter --only sourceless   # some variants only

Reads ../shared/data/events/arabic-event-gsr (MIT, Open Event Data Alliance); nothing from it is
copied into the repository. Two tasks:

1. Sentence detection (`*_gsr.csv`): a sentence is predicted positive when the coder finds an
   event whose PLOVER type is the category (PROTEST: CAMEO 14x; ASSAULT: PLOVER ASSAULT, i.e.
   CAMEO 18x, 19x except 191/192, 20x, plus 1712 and 175). Gold positive = label `yes`
   (unanimous); gold negative = `easy no` and `difficult no`; `ambiguous` rows are left out.
2. Who did what to whom (`*_spans.json`): for each record, the most confident event of the
   category is compared with the annotators' spans: the verb agrees when our trigger shares a
   word with an annotator's verb span, the source (target) when our actor's words overlap an
   annotator's source (target) span; codes agree when the country and the sector match the
   annotators' majority role.

Rows are split in file order: the first half is the development part (used to write the
lexicons and rules), the second half is held out.
"""

from __future__ import annotations

import argparse
import csv
import json
from importlib import resources
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from khabar.arabic import fold, split_sentences, tokenize
from khabar.document import Document, Event, Sentence
from khabar.events import EventCoder
from khabar.events.lexicon import readings
from khabar.stages.events import make_events as make_stage

GSR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "events" / "arabic-event-gsr"
CATEGORIES = ("PROTEST", "ASSAULT")
POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}


def document(text: str, doc_id: str = "gsr") -> Document:
    """A Document for one gold sentence (its own sentence split, no entities)."""
    sentences = tuple(Sentence(s, e) for s, e in split_sentences(text))
    return Document(id=doc_id, text=text, sentences=sentences)


def category_events(events: Sequence[Event], category: str) -> list[Event]:
    return [e for e in events if e.plover == category]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


Scores = list[tuple[bool, bool, "float | None"]]


def scores(coder: Callable[[Document], Sequence[Event]], category: str) -> Scores:
    """Per gold row: (development part?, gold positive?, best confidence of a category event)."""
    path = GSR / f"{category.lower()}_gsr.csv"
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["label"] in POSITIVE | NEGATIVE]
    half = len(rows) // 2
    result = []
    for i, row in enumerate(rows):
        found = category_events(coder(document(row["text"])), category)
        best = max((e.confidence for e in found), default=None)
        result.append((i < half, row["label"] in POSITIVE, best))
    return result


def detection(rows: list[tuple[bool, bool, float | None]], threshold: float) -> dict[str, Counts]:
    """Detection counts for dev, held-out and all rows, keeping events >= threshold."""
    counts = {"dev": Counts(), "held-out": Counts(), "all": Counts()}
    for dev, gold, best in rows:
        predicted = best is not None and best >= threshold
        for part in ("dev" if dev else "held-out", "all"):
            c = counts[part]
            if predicted and gold:
                c.tp += 1
            elif predicted:
                c.fp += 1
            elif gold:
                c.fn += 1
            else:
                c.tn += 1
    return counts


def tuned_threshold(rows: list[tuple[bool, bool, float | None]]) -> float:
    """The confidence threshold with the best F1 on the development part."""
    candidates = sorted({best for _, _, best in rows if best is not None})
    return max(candidates, key=lambda t: (detection(rows, t)["dev"].f1, -t), default=0.0)


def lenient(coder: EventCoder, category: str) -> Counts:
    """Detection over every row, gold positive when any annotator accepted the label."""
    counts = Counts()
    with (GSR / f"{category.lower()}_gsr.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            predicted = bool(category_events(coder(document(row["text"])), category))
            gold = int(row["accept"] or 0) > 0
            counts.tp += predicted and gold
            counts.fp += predicted and not gold
            counts.fn += gold and not predicted
            counts.tn += not predicted and not gold
    return counts


@dataclass
class SpanCounts:
    records: int = 0
    found: int = 0
    verb: int = 0
    source_gold: int = 0
    source: int = 0
    target_gold: int = 0
    target: int = 0
    source_code_gold: int = 0
    source_code: int = 0
    target_code_gold: int = 0
    target_code: int = 0
    errors: Counter = field(default_factory=Counter)


def _words(tokens: Sequence[str]) -> set[str]:
    """Bare folded forms of gold span tokens (clitics and article peeled)."""
    out: set[str] = set()
    for token in tokens:
        for word in token.split():
            out.update(r.base for r in readings(fold(word)))
    return out


def _span_words(text: str) -> set[str]:
    return _words([t.text for t in tokenize(text) if t.kind == "word"])


def _role(spans: list[dict], key: str) -> tuple[str | None, str | None] | None:
    votes: Counter = Counter()
    for span in spans:
        role = span.get(key)
        if isinstance(role, dict) and role:
            main = role.get("main") if role.get("main") not in (None, "None") else None
            sector = role.get("role") if role.get("role") not in (None, "None") else None
            if main or sector:
                votes[(main, sector)] += 1
    return votes.most_common(1)[0][0] if votes else None


def _code_agrees(code: str, gold: tuple[str | None, str | None]) -> bool:
    main, sector = gold
    from khabar.events.actors import _sector  # the coder's own reading of a code
    ours_sector = _sector(code)
    ours_main = code[:3] if not code in (ours_sector,) else None
    if main and ours_main != main:
        return False
    if sector and ours_sector != sector:
        return False
    return True


def spans(coder: EventCoder, category: str) -> dict[str, SpanCounts]:
    records = json.loads((GSR / f"{category.lower()}_spans.json").read_text(encoding="utf-8"))
    half = len(records) // 2
    result = {"dev": SpanCounts(), "held-out": SpanCounts(), "all": SpanCounts()}
    for i, record in enumerate(records):
        doc = document(record["text"])
        events = sorted(category_events(coder(doc), category), key=lambda e: -e.confidence)
        best = events[0] if events else None
        gold_verbs = _words([w for s in record["spans"] for w in s.get("verb", [])])
        gold_sources = _words([w for s in record["spans"] for w in s.get("source_actor", [])])
        gold_targets = _words([w for s in record["spans"] for w in s.get("target_actor", [])])
        source_role = _role(record["spans"], "source_role")
        target_role = _role(record["spans"], "target_role")
        for part in ("dev" if i < half else "held-out", "all"):
            c = result[part]
            c.records += 1
            c.source_gold += bool(gold_sources)
            c.target_gold += bool(gold_targets)
            c.source_code_gold += bool(source_role)
            c.target_code_gold += bool(target_role)
            if best is None:
                continue
            c.found += 1
            trigger = _span_words(doc.text[best.trigger.start:best.trigger.end])
            c.verb += bool(trigger & gold_verbs)
            if best.source and gold_sources:
                c.source += bool(_span_words(best.source.name) & gold_sources)
            if best.target and gold_targets:
                c.target += bool(_span_words(best.target.name) & gold_targets)
            if best.source and source_role:
                c.source_code += _code_agrees(best.source.code, source_role)
            if best.target and target_role:
                c.target_code += _code_agrees(best.target.code, target_role)
    return result


def _pct(n: int, d: int) -> str:
    return f"{n / d:.2f} ({n}/{d})" if d else "-"


def _detection_line(category: str, label: str, part: str, c: Counts) -> str:
    n = c.tp + c.fp + c.fn + c.tn
    return (f"| {category} | {label} | {part} | {n} | {c.tp + c.fn} | "
            f"{c.precision:.2f} | {c.recall:.2f} | {c.f1:.2f} |")


def _recipe() -> dict:
    """The classifier's training recipe (cross-validated development numbers)."""
    path = resources.files("khabar.models.events") / "training.json"
    return json.loads(path.read_text(encoding="utf-8"))


def report(coder: EventCoder, rescored: Callable[[Document], tuple[Event, ...]]) -> str:
    lines = [
        "## Events (events.cameo.v1)",
        "",
        "Command: `python -m eval.events` (reads `../shared/data/events/arabic-event-gsr`, the",
        "OEDA Arabic PROTEST/ASSAULT gold standard, MIT). Development part = first half of each",
        "file in file order (the lexicons and rules were tuned looking at it only); held-out =",
        "second half. Sentences carry no entities, so actors come from the lexicons alone.",
        "",
        "### Sentence detection",
        "",
        "Gold positive = label `yes` (all annotators agree), negative = `easy no` +",
        "`difficult no`;",
        "`ambiguous` rows are left out. Predicted positive = at least one event whose PLOVER type",
        "is the category. *lexicon, all events* keeps every event of the lexicon coder",
        "(`classifier=False`); *lexicon, confidence >=* keeps its events at or above the",
        "confidence threshold with the best F1 on the development part; *classifier* is the",
        "stage as shipped: the sentence classifier (docs/events-classifier.md), trained on the",
        "development part only with its threshold from cross-validation there, rescores and",
        "filters protest and assault events. Its development rows are its training rows, so its",
        "*dev (CV)* row gives the 5-fold out-of-fold scores of training (whole gold rows) and",
        "its *held-out* row the stage run sentence by sentence on the second half.",
        "",
        "| category | events kept | part | sentences | gold yes | precision | recall | F1 |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    reading: list[str] = []
    for category in CATEGORIES:
        rows = scores(coder, category)
        tuned = tuned_threshold(rows)
        negatives = [best for _, gold, best in rows if not gold]
        share = sum(best is not None for best in negatives) / len(negatives)
        reading.append(f"{share:.0%} of the {category} negatives")
        runs = [(rows, "lexicon, all events", 0.0),
                (rows, f"lexicon, confidence >= {tuned:.2f}", tuned)]
        for run, label, threshold in runs:
            for part, c in detection(run, threshold).items():
                lines.append(_detection_line(category, label, part, c))
        # The classifier trained on the development part: its dev numbers are cross-validated
        # (from the training recipe); in-sample dev scores would mean nothing.
        cv = _recipe()["categories"][category]["dev_cv"]
        dev = Counts(tp=cv["tp"], fp=cv["fp"], fn=cv["fn"])
        dev.tn = sum(not d for d, _, _ in rows) - dev.tp - dev.fp - dev.fn
        lines.append(_detection_line(category, "classifier (stage default)", "dev (CV)", dev))
        held = detection(scores(rescored, category), 0.0)["held-out"]
        lines.append(_detection_line(category, "classifier (stage default)", "held-out", held))
    lines += [
        "",
        "Lenient reading (every row, `ambiguous` included; gold positive = at least one annotator",
        "accepted the label), lexicon coder, all events kept:",
        "",
        "| category | sentences | gold positive | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for category in CATEGORIES:
        c = lenient(coder, category)
        lines.append(f"| {category} | {c.tp + c.fp + c.fn + c.tn} | {c.tp + c.fn} | "
                     f"{c.precision:.2f} | {c.recall:.2f} | {c.f1:.2f} |")
    lines += [
        "",
        "### Source, verb, target agreement (span records)",
        "",
        "Per record, the most confident event of the category (lexicon coder) against the",
        "annotators' spans:",
        "*found* = an event of the category was coded; *verb* = our trigger shares a word with an",
        "annotator's verb span (over all records); *source* / *target* = our actor's words",
        "overlap an annotator's span (over records where annotators marked one); *code* =",
        "country and sector equal to the annotators' majority role (over records with a role).",
        "",
        "| category | part | records | found | verb | source span | target span | source code"
        " | target code |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for category in CATEGORIES:
        for part, c in spans(coder, category).items():
            lines.append(
                f"| {category} | {part} | {c.records} | {_pct(c.found, c.records)} | "
                f"{_pct(c.verb, c.records)} | {_pct(c.source, c.source_gold)} | "
                f"{_pct(c.target, c.target_gold)} | {_pct(c.source_code, c.source_code_gold)} | "
                f"{_pct(c.target_code, c.target_code_gold)} |")
    lines += [
        "",
        "### Reading the numbers",
        "",
        "The targets (precision >= 0.70 and recall >= 0.60 per category) are **not met**, with or",
        "without the classifier. The negatives of this gold standard were sampled from sentences",
        "full of protest and attack vocabulary: the lexicon coder finds an event of the category",
        f"in {' and in '.join(reading)}",
        "(`easy no` and `difficult no`), mostly correct readings of the words (`المتظاهرين`,",
        "`اغتيال`, `الهجوم`) in sentences the annotators judged not to report a specific new",
        "event: background, generic or past mentions, demands of protesters, planned or",
        "hypothetical acts. The lexicon's confidence threshold only trades recall for a little",
        "precision. The sentence classifier (docs/events-classifier.md) multiplies held-out",
        "precision by three (ASSAULT) to eight (PROTEST) at a cost in recall; ASSAULT keeps a",
        "high recall with precision near 0.5, PROTEST reaches about 0.5 / 0.5 from 59 training",
        "positives. The lenient and span tables below the detection table are for the lexicon",
        "coder (`classifier=False`), which the classifier only filters. Actor agreement is",
        "limited by span conventions (annotators mark heads such as `التونسيين`, we mark the",
        "whole phrase or an agent noun) and by sentences whose actors are people without lexicon",
        "entries (entity roles from NER help there; these sentences carry none).",
        "",
        "One exception to the blind held-out part: agent nouns added to `agents.tsv` on",
        "2026-11-30 (singular and dual forms such as `جنديين`, `مدنيا`, `صحفيا`, `مصور`, so that",
        "`مصورا فرنسيا` is FRAMED; Korean demonyms) were chosen on development records, raising",
        "the ASSAULT target code there from 0.19 to 0.23; four nouns of places and units",
        "(`دورية`, `ثكنة`, `مدرسة`, `رهينة`) were then dropped after held-out records showed",
        "them displacing the owner named after them (`دورية للشرطة` became MIL instead of COP).",
        "The held-out target-code column (0.26 before and after) is therefore not fully blind",
        "to that change.",
    ]
    return "\n".join(lines) + "\n"


# Pipelines of the vector-filter table: the events stage that replaces the default one (None:
# the default config's own), its options, and the reading of events.filter.vectors.v1 after it
# (None: no filter).
FILTER_VARIANTS = (
    (None, {}, None),
    (None, {}, "encoder"),
    ("events.cameo.v3", {}, None),
    ("events.cameo.v3", {}, "encoder"),
    ("events.cameo.v3", {}, "subwords"),
    ("events.cameo.v3", {"require_source": False}, None),
    ("events.cameo.v3", {"require_source": False}, "encoder"),
    ("events.cameo.v3", {"require_source": False}, "subwords"),
    ("events.cameo.v2", {}, None),
    ("events.cameo.v2", {}, "encoder"),
    ("events.cameo.v4", {"sourceless": ["ASSAULT"]}, None),
    ("events.cameo.v4", {"sourceless": ["ASSAULT"]}, "encoder"),
)


def filter_variant(events: str | None, options: dict, reading: str | None
                   ) -> Callable[[str], Document]:
    """The default pipeline with another events stage and, when `reading`, the vector filter."""
    from khabar.api import load_pipeline
    from khabar.config import PipelineConfig, load_config
    from khabar.document import Paragraph

    defaults = load_config()
    stages = [(events, options) if events and name.startswith("events.") else (name, opts)
              for name, opts in defaults.stages]
    if reading:
        at = next(i for i, (name, _) in enumerate(stages) if name.startswith("events.")) + 1
        stages.insert(at, ("events.filter.vectors.v1", {"reading": reading}))
    pipeline = load_pipeline(PipelineConfig(tuple(stages), defaults.policy, defaults.extra),
                             policy="raise")
    return lambda text: pipeline.run_document(
        Document(id="gsr", text=text, paragraphs=(Paragraph(0, len(text)),)))


def filter_report(only: str | None = None) -> str:
    """Held-out sentence detection of each FILTER_VARIANTS pipeline (those whose events stage
    and options contain `only`, when given), as a markdown table."""
    from khabar.config import load_config

    lines = ["| events stage | vector filter | PROTEST P | PROTEST R | ASSAULT P | ASSAULT R |",
             "|---|---|---:|---:|---:|---:|"]
    for events, options, reading in FILTER_VARIANTS:
        if only and only not in f"{events} {options}":
            continue
        run = filter_variant(events, options, reading)
        cells = []
        for category in CATEGORIES:
            with (GSR / f"{category.lower()}_gsr.csv").open(encoding="utf-8") as handle:
                rows = [r for r in csv.DictReader(handle) if r["label"] in POSITIVE | NEGATIVE]
            counts = Counts()
            for row in rows[len(rows) // 2:]:
                found = bool(category_events(run(row["text"]).events, category))
                gold = row["label"] in POSITIVE
                counts.tp += found and gold
                counts.fp += found and not gold
                counts.fn += gold and not found
            cells += [f"{counts.precision:.3f}", f"{counts.recall:.3f}"]
        default = next(n for n, _ in load_config().stages if n.startswith("events."))
        name = (events or f"{default} (default)") + "".join(
            f" {k}={json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v}"
            for k, v in options.items())
        lines.append(f"| {name} | {reading or '-'} | " + " | ".join(cells) + " |")
        print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="also write the report to this markdown file")
    parser.add_argument("--vector-filter", action="store_true",
                        help="only the held-out table of events.filter.vectors.v1 variants")
    parser.add_argument("--only", metavar="TEXT",
                        help="with --vector-filter: the variants whose events stage and options "
                             "contain TEXT (`sourceless`, `v3`)")
    args = parser.parse_args(argv)
    if not GSR.is_dir():
        print(f"gold standard not found at {GSR}; it lives in ../shared/data", file=sys.stderr)
        return 2
    if args.vector_filter:
        print(filter_report(args.only))
        return 0
    stage = make_stage()
    text = report(EventCoder(), lambda doc: stage(doc).events)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
