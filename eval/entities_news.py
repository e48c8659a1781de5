"""Score persons, roles, organizations and locations on the blind news set of issue 14.

    python -m eval.entities_news --half dev          # the half one may look at while tuning
    python -m eval.entities_news --half dev --errors # and what was missed or extra there
    python -m eval.entities_news --half both         # dev and test side by side, for a report
    python -m eval.entities_news --gold eval/entities_gold2.jsonl --half both  # the second set

60 articles from 10 outlets of SaudiNewsNet and ANT, drawn by eval/entities_draw.py and
annotated by hand under docs/annotation-entities.md. The gold file holds offsets into the corpus
field (SaudiNewsNet `content`, ANT `TEXT`) and a hash of it; the text is read from ../shared.

Each article body goes through khabar's default pipeline (khabar/defaults.toml) as a text page
without its headline. Predicted mentions are mapped back to the corpus field word by word (folded
tokens aligned with difflib), so cleaning may change whitespace or drop lines without moving
the score. Matching is per article and per entity: a predicted entity matches a gold entity when
one of its mentions overlaps one of the gold entity's mentions. Precision counts predicted
entities that match a gold entity of their type; recall counts gold entities matched by a
predicted entity of their type. Places-or-organizations: ORG and LOC as one type. Role right:
over the gold persons that have a role, a matched predicted person carries a role whose title
equals the gold title and whose affiliation names the gold affiliation (both folded, `ال` and
`السابق`-like words dropped; an affiliation may name more or fewer words of the same name).
The test half is for reports only: `--errors` lists the dev half alone.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eval.entities_gold import GOLD, TYPES, article_for, read_gold
from eval.quotes_corpus import DATA, load_articles

from khabar.api import load_pipeline
from khabar.arabic import fold, tokenize
from khabar.inputs import RawPage

PLACES_OR_ORGS = ("ORG", "LOC")
_MODIFIERS = frozenset({"سابق", "اسبق", "حالي", "جديد", "مخلوع"})
_CONNECTORS = frozenset({"باسم", "في", "لدي", "عن", "ل"})
_PUNCT = re.compile(r"[#_\"«»()\-–.,،:؛]")


@dataclass
class Tally:
    """Counts for one half: per type, predicted / right predicted / gold / found gold."""

    counts: Counter = field(default_factory=Counter)

    def add(self, key: str, value: int = 1) -> None:
        self.counts[key] += value

    def share(self, part: str, whole: str) -> float:
        return self.counts[part] / self.counts[whole] if self.counts[whole] else 0.0

    def precision(self, kind: str) -> float:
        return self.share(f"{kind} right", f"{kind} predicted")

    def recall(self, kind: str) -> float:
        return self.share(f"{kind} found", f"{kind} gold")

    def f1(self, kind: str) -> float:
        p, r = self.precision(kind), self.recall(kind)
        return 2 * p * r / (p + r) if p + r else 0.0


def name_key(text: str | None) -> tuple[str, ...]:
    """Words of a title or a name, folded, without `ال` (`بال`, `لل` ...) or words like `السابق`."""
    words = []
    for word in _PUNCT.sub(" ", fold(text or "")).split():
        for prefix in ("وال", "بال", "فال", "كال", "لل", "ال"):
            if word.startswith(prefix) and len(word) > len(prefix) + 2:
                word = word[len(prefix):]
                break
        if word not in _MODIFIERS:
            words.append(word)
    return tuple(words)


def _stem(word: str) -> str:
    """A nisba adjective and its country to one form: سوري, سورية, سوريا -> سور."""
    for suffix in ("يين", "يون", "يه", "يا", "ي"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(*texts: str | None) -> frozenset[str]:
    return frozenset(_stem(_unprefixed(w)) for text in texts for w in name_key(text)
                     if w not in _CONNECTORS)


def _unprefixed(word: str) -> str:
    """A word without the preposition `ب` or `ل` that ties an affiliation to its title (`بمنطقة`,
    `لفرع`): where the title ends is not scored, so `مدير عام الشؤون الصحية` + `منطقة الباحة`
    says the same words as `مدير عام` + `الشؤون الصحية بمنطقة الباحة`. Both sides are read
    alike, so a name that starts with those letters (`لبنان`) still equals itself."""
    return word[1:] if word[:1] in ("ب", "ل") and len(word) > 3 else word


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, fold(t.text)) for t in tokenize(text) if t.kind != "punct"]


def to_corpus(clean: str, raw: str):
    """A function from a span of the clean text to the corpus field (None: no word of it there)."""
    if clean == raw:
        return lambda start, end: (start, end)
    a, b = _tokens(clean), _tokens(raw)
    mapping = {}
    matcher = difflib.SequenceMatcher(None, [w for *_, w in a], [w for *_, w in b], autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k

    def convert(start: int, end: int):
        inside = [mapping[i] for i, (s, e, _) in enumerate(a)
                  if s < end and start < e and i in mapping]
        return (b[min(inside)][0], b[max(inside)][1]) if inside else None

    return convert


def _overlap(spans, others) -> bool:
    return any(s < oe and os < e for s, e in spans for os, oe in others)


def predicted_entities(doc, raw: str) -> list[dict]:
    """Predicted PER/ORG/LOC entities with mentions in corpus offsets and their roles."""
    convert = to_corpus(doc.text, raw)
    out = []
    for entity in doc.entities:
        if entity.type not in TYPES.values():
            continue
        spans = [s for m in entity.mentions if (s := convert(m.start, m.end))]
        if spans:
            out.append({"type": entity.type, "spans": spans, "roles": entity.roles,
                        "name": entity.name})
    return out


def gold_entities(record: dict) -> list[dict]:
    return [{"type": label, "spans": [tuple(m) for m in entity["mentions"]],
             "role": entity.get("role")}
            for key, label in TYPES.items() for entity in record[key]]


def role_right(role: dict, predicted_roles, raw: str) -> tuple[bool, bool]:
    """(title right, title and affiliation right) for one gold role.

    A predicted role is right when its title equals the gold title and its affiliation names
    the gold one (more or fewer words of it), or when title and affiliation together say the
    same words as the gold pair (`المتحدث باسم وزارة الخارجية` + `البحرين` for `المتحدث` +
    `وزارة الخارجية البحرينية`): where a title ends and its affiliation starts is not scored.
    A gold title may list alternatives with `|` (`الباحث|الطبيب` for `الباحث والطبيب`)."""
    titles = (role["title_value"] or raw[slice(*role["title"])]).split("|")
    names = []
    if role["affiliation"]:
        names = [n for n in (role["value"], raw[slice(*role["affiliation"])]) if n]
    title_ok = both_ok = False
    for guess, title in itertools.product(predicted_roles, titles):
        together = _words(guess.title, guess.affiliation)
        if any(together == _words(title, name) for name in names or [None]):
            title_ok = both_ok = True
            continue
        if name_key(guess.title) != name_key(title):
            continue
        title_ok = True
        named = {_unprefixed(w) for w in name_key(guess.affiliation)}
        if not names or any(named and (named <= {_unprefixed(w) for w in name_key(n)}
                                       or {_unprefixed(w) for w in name_key(n)} <= named)
                            for n in names):
            both_ok = True
    return title_ok, both_ok


def score_article(record: dict, doc, raw: str, tally: Tally, errors: list[str] | None) -> None:
    gold, predicted = gold_entities(record), predicted_entities(doc, raw)
    tally.add("articles")
    tally.add("rejected", doc.status != "ok")

    def same(kind: str, label: str) -> bool:
        return label in PLACES_OR_ORGS if kind == "PLO" else label == kind

    for kind in ("PER", "ORG", "LOC", "PLO"):
        golds = [g for g in gold if same(kind, g["type"])]
        guesses = [p for p in predicted if same(kind, p["type"])]
        tally.add(f"{kind} gold", len(golds))
        tally.add(f"{kind} predicted", len(guesses))
        for g in golds:
            hits = [p for p in guesses if _overlap(p["spans"], g["spans"])]
            tally.add(f"{kind} found", bool(hits))
            if kind == "PER" and g["role"]:
                roles = [r for p in hits for r in p["roles"]]
                title_ok, both_ok = role_right(g["role"], roles, raw)
                tally.add("role gold")
                tally.add("role title", title_ok)
                tally.add("role right", both_ok)
                if errors is not None and not both_ok and hits:
                    said = "; ".join(f"{r.title} / {r.affiliation}" for r in roles) or "no role"
                    errors.append(f"ROLE  {record['n']}: {raw[slice(*g['spans'][0])]} — gold "
                                  f"{_role_text(g['role'], raw)} — predicted {said}")
            if errors is not None and not hits and kind != "PLO":
                errors.append(f"MISS  {record['n']} {kind}: {raw[slice(*g['spans'][0])]}")
        for p in guesses:
            right = any(_overlap(p["spans"], g["spans"]) for g in golds)
            tally.add(f"{kind} right", right)
            if errors is not None and not right and kind != "PLO":
                errors.append(f"EXTRA {record['n']} {kind}: {raw[slice(*p['spans'][0])]}")


def _role_text(role: dict, raw: str) -> str:
    title = role["title_value"] or raw[slice(*role["title"])]
    if role["affiliation"]:
        return f"{title} / {role['value'] or raw[slice(*role['affiliation'])]}"
    return title


def run(half: str, errors: bool, config: str | None = None,
        gold_path: Path = GOLD) -> dict[str, Tally]:
    gold = read_gold(gold_path)
    articles = load_articles({r["corpus"] for r in gold}, DATA)
    pipeline = load_pipeline(config)
    halves = ("dev", "test") if half == "both" else (half,)
    tallies = {name: Tally() for name in halves}
    for record in gold:
        if record["half"] not in tallies:
            continue
        article = article_for(record, articles)
        page = RawPage(article.text.encode("utf-8"), format="text", id=f"gold-{record['n']}")
        listing = [] if errors and record["half"] == "dev" else None
        score_article(record, pipeline(page), article.text, tallies[record["half"]], listing)
        for line in listing or ():
            print(line)
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    names = list(tallies)
    lines = ["| measure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]

    def row(label: str, cell) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(tallies[n]) for n in names) + " |")

    row("articles (rejected by the pipeline)",
        lambda t: f"{t.counts['articles']} ({t.counts['rejected']})")
    for kind, label in (("PER", "persons"), ("ORG", "organizations"), ("LOC", "locations")):
        row(f"{label}: P / R (gold entities)",
            lambda t, k=kind: f"{t.precision(k):.2f} / {t.recall(k):.2f} ({t.counts[f'{k} gold']})")
    row("persons F1", lambda t: f"{100 * t.f1('PER'):.1f}")
    row("places-or-organizations F1 (LOC and ORG as one type)",
        lambda t: f"{100 * t.f1('PLO'):.1f}")
    row("role right: title and affiliation (gold roles)",
        lambda t: f"{t.share('role right', 'role gold'):.2f} ({t.counts['role gold']})")
    row("role title right, affiliation not checked",
        lambda t: f"{t.share('role title', 'role gold'):.2f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "test", "both"), default="dev")
    parser.add_argument("--errors", action="store_true",
                        help="list misses and extras of the dev half (never of the test half)")
    parser.add_argument("--config", help="a pipeline config to score instead of the defaults")
    parser.add_argument("--gold", type=Path, default=GOLD,
                        help="another gold file of the same format (eval/entities_gold2.jsonl)")
    args = parser.parse_args()
    if args.errors and args.half == "test":
        parser.error("--errors lists the dev half only: the test half's errors are not read")
    if not DATA.exists():
        print(f"skipped: the corpora are not here ({DATA})")
        return 0
    print(table(run(args.half, args.errors, args.config, args.gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
