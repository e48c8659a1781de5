"""What the line rules of cleaning remove from real news: counts per rule, and samples to read.

    python -m eval.furniture                # SaudiNewsNet and ANT, 5 samples per rule
    python -m eval.furniture --samples 20

Every line of every record (its `text` field, as the cleaning stage reads scraped text) goes
through the line classifier (khabar.reading.boilerplate): the lines it calls furniture are
counted by kind, and the pieces cut from inside a line by rule (a share or pager bar glued
before the first words, a footer glued after the last sentence), as are the character
references resolved.
There is no gold for furniture in these corpora, so the rules' precision is judged by reading
the samples (drawn with a fixed seed): none of them should be article text.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from eval.corpora import ant_records, available, saudinewsnet_records
from khabar.reading.blocks import CHARACTER_REFERENCE, squeeze, unescape_references
from khabar.reading.boilerplate import FOOTER, LineClassifier, line_key

GLUED_BAR = "share or pager bar glued before a paragraph"
GLUED_FOOTER = "footer glued after a paragraph"
REFERENCE = "character reference (title or text)"


def audit(records: Iterable[dict], classifier: LineClassifier
          ) -> tuple[Counter, Counter, dict, tuple[int, int]]:
    """(pieces removed per rule, records touched per rule, every removed piece per rule,
    (share-link footers, those that repeat the record's title after the colon))."""
    pieces: Counter = Counter()
    touched: Counter = Counter()
    found: dict[str, list[str]] = defaultdict(list)
    links = repeats = 0
    for record in records:
        rules = set()
        title = line_key(unescape_references(record.get("title") or ""))
        for rule, piece in _removed(record, classifier):
            pieces[rule] += 1
            rules.add(rule)
            found[rule].append(piece)
            if rule in (FOOTER, GLUED_FOOTER) and piece.startswith("رابط"):
                links += 1
                repeats += bool(title) and line_key(piece.partition(":")[2]) == title
        touched.update(rules)
    return pieces, touched, found, (links, repeats)


def _removed(record: dict, classifier: LineClassifier) -> Iterator[tuple[str, str]]:
    for field in (record.get("title") or "", record.get("text") or ""):
        for match in CHARACTER_REFERENCE.finditer(field):
            yield REFERENCE, match.group()
    for raw in (record.get("text") or "").splitlines():
        line = squeeze(raw)
        if not line:
            continue
        kind = classifier.kind(line)
        if kind is not None:
            yield kind, line
            continue
        end = classifier.glued_footer(line)
        if end is not None:
            yield GLUED_FOOTER, line[end:]
        start = classifier.glued_bar(line)
        if start:
            yield GLUED_BAR, line[:start]


def report(name: str, records: Iterable[dict], samples: int, seed: int = 13) -> str:
    records = list(records)
    pieces, touched, found, (links, repeats) = audit(records, LineClassifier.load())
    out = [f"{name}: {len(records):,} records", "",
           "| rule | pieces | records |", "|---|---:|---:|"]
    out += [f"| {rule} | {pieces[rule]:,} | {touched[rule]:,} |" for rule in sorted(pieces)]
    if links:
        out += ["", f"share-link footers (`رابط ...`): {links:,}, of which {repeats:,} repeat the "
                    "record's title after the colon"]
    chooser = random.Random(seed)
    for rule in sorted(found):
        out += ["", f"{rule}, {min(samples, len(found[rule]))} of {len(found[rule]):,}:"]
        shown = chooser.sample(found[rule], min(samples, len(found[rule])))
        out += [f"  - {piece[:160]}" for piece in shown]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=5, help="examples printed per rule")
    args = parser.parse_args()
    if not available():
        print("skipped: ../shared/data/saudinewsnet and ant-multisource are not here")
        return 0
    print(report("SaudiNewsNet", saudinewsnet_records(), args.samples))
    print()
    print(report("ANT", ant_records(), args.samples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
