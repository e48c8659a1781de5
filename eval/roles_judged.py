"""Judged role accuracy of the default pipeline's persons on news never used for tuning.

    python -m eval.roles_judged                 # share of judged persons whose role is right
    python -m eval.roles_judged --sample        # the persons to judge (text shown)

The sample: the pool of eval/events_judged.py (SaudiNewsNet and ANT news articles of 400 to
3,000 characters that no eval set and no eval script has used), less every article of its
judged samples and of the later gold sets, shuffled with SEED. Articles are taken in that order
and at most PER_ARTICLE of the persons the default pipeline finds in each are drawn (seeded by
the article), until SAMPLE_SIZE persons are. No eval set and no judged sample uses these
articles; the rounds that wrote the roles stage compared its output on draws covering most of
the two corpora (71 of the 86 articles were in the last four rounds' draws, whose samples and
changed outputs were read), so the sample is unseen by the eval sets, not strictly unread.

Each person was judged against docs/annotation-entities.md: the role the article gives them
(the fullest title and its affiliation, an honorific only when nothing else is given), or none
when the article gives none. eval/roles_judged.jsonl holds offsets and labels only: the
article, the SHA-256 of the Document text, the person's first mention, and the role as spans
of that text (`title`, `affiliation`) with `title_value` and `value` where the text's form is
not the name, as in the gold sets; `role` is null for a person the article gives no role, and
`person` false for a mention that names no person (a place, a word the tagger took for one).

Scoring re-runs the pipeline and checks each text's hash. A person with a role is right when
the pipeline's person at that mention carries a role that says it (`eval.entities_news.
role_right`: the same title, an affiliation naming the same body or country); a person with
none is right when the pipeline gives them none. Mentions that are no person are counted apart
(the pipeline's person precision on the sample), as are persons whose text changed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from eval.entities_news import role_right
from eval.events_judged import (
    FINAL, FRESH, LATER_SETS, V4, V5, V6, _later_set_ids, analyze, drawn_articles, fresh_articles,
    text_hash,
)
from eval.stats import wilson

EVAL = Path(__file__).resolve().parent
JUDGED = EVAL / "roles_judged.jsonl"
SEED = 20261212
SAMPLE_SIZE = 150
PER_ARTICLE = 2


def sample_articles():
    """The pool less the events' judged samples and the later gold sets, in SEED's order."""
    later = _later_set_ids(tuple(name for name in LATER_SETS if name != JUDGED.name))
    return [a for a in fresh_articles(drawn_articles(), (FRESH, FINAL, V4, V5, V6), SEED)
            if a.id not in later]


def drawn_persons(doc, article_id: str) -> list:
    """At most PER_ARTICLE of the Document's persons, drawn with a seed of the article's own."""
    persons = [e for e in doc.entities if e.type == "PER" and e.mentions]
    rng = random.Random(f"{SEED}-{article_id}")
    return sorted(rng.sample(persons, min(PER_ARTICLE, len(persons))),
                  key=lambda e: e.mentions[0].start)


def sample(pipeline) -> None:
    """Print the drawn persons for judging: their mentions in context and the roles read."""
    count = 0
    for article in sample_articles():
        doc = analyze(pipeline, article)
        text = doc.text
        for person in drawn_persons(doc, article.id):
            first = person.mentions[0]
            print(json.dumps({
                "n": count, "corpus": article.corpus, "id": article.id,
                "sha256": text_hash(text), "mention": [first.start, first.end],
                "name": person.name,
                "roles": [[r.title, r.affiliation] for r in person.roles],
                "contexts": [text[max(0, m.start - 160):m.end + 100] for m in person.mentions[:3]],
            }, ensure_ascii=False))
            count += 1
            if count >= SAMPLE_SIZE:
                return


def read_judged(limit: int | None = None) -> list[dict]:
    """The judged persons of eval/roles_judged.jsonl, the first `limit` of them if given."""
    rows = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return rows[:limit] if limit is not None else rows


def score(pipeline, judged: list[dict]) -> dict[str, int]:
    """Counts of the judged persons: right and wrong, with and without a role."""
    from eval.quotes_corpus import load_articles

    articles = {a.id: a for a in load_articles({r["corpus"] for r in judged}).values()}
    docs = {}  # each article analyzed once, for its two persons
    counts = dict.fromkeys(("role", "role right", "none", "none right", "no person",
                            "no person still", "changed"), 0)
    for record in judged:
        if record["id"] not in docs:
            docs[record["id"]] = analyze(pipeline, articles[record["id"]])
        doc = docs[record["id"]]
        if text_hash(doc.text) != record["sha256"]:
            counts["changed"] += 1
            continue
        start, end = record["mention"]
        entity = next((e for e in doc.entities if any(m.start < end and start < m.end
                                                      for m in e.mentions)), None)
        person = entity if entity is not None and entity.type == "PER" else None
        if not record.get("person", True):
            counts["no person"] += 1
            counts["no person still"] += person is not None
            continue
        roles = person.roles if person is not None else ()
        if record["role"] is None:
            counts["none"] += 1
            counts["none right"] += person is not None and not roles
        else:
            counts["role"] += 1
            counts["role right"] += person is not None and role_right(record["role"], roles,
                                                                     doc.text)[1]
    return counts


def report(counts: dict[str, int]) -> str:
    right = counts["role right"] + counts["none right"]
    total = counts["role"] + counts["none"]
    low, high = wilson(right, total)

    def share(part: str, whole: str) -> str:
        return f"{counts[part] / counts[whole]:.3f}" if counts[whole] else "-"

    return "\n".join([
        "| judged persons | right | share | Wilson 95% interval |",
        "|---:|---:|---:|---|",
        f"| {total} | {right} | {right / total if total else 0:.3f} | {low:.3f} – {high:.3f} |",
        "",
        f"with a role: {counts['role']}, right {share('role right', 'role')}; "
        f"with none: {counts['none']}, right {share('none right', 'none')}; "
        f"mentions that name no person: {counts['no person']} "
        f"(still read as persons: {counts['no person still']}); "
        f"texts changed since judged: {counts['changed']}",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", action="store_true", help="print the persons to judge")
    args = parser.parse_args()
    from khabar.api import load_pipeline

    pipeline = load_pipeline()
    if args.sample:
        sample(pipeline)
        return 0
    print(report(score(pipeline, read_judged())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
