"""What changed between two exports of the same inputs: per top-level Document field, how many
documents differ, and whether the story groups and collection entities of the two stores agree.

    khabar ingest INPUTS --db before.db && khabar export --db before.db -o before.jsonl   (old checkout)
    khabar ingest INPUTS --db after.db && khabar export --db after.db -o after.jsonl      (new checkout)
    python -m eval.export_diff before.jsonl after.jsonl --stores before.db after.db

Used for the "output before and after" lists in docs/changelog.md.
"""

from __future__ import annotations

import argparse
import collections
import json
import sqlite3


def _documents(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as lines:
        return {doc["id"]: doc for doc in map(json.loads, lines)}


def field_changes(before: dict[str, dict], after: dict[str, dict]) -> collections.Counter:
    """How many documents (present in both) differ in each top-level field."""
    changed: collections.Counter = collections.Counter()
    for doc_id in before.keys() & after.keys():
        a, b = before[doc_id], after[doc_id]
        for key in a.keys() | b.keys():
            changed[key] += a.get(key) != b.get(key)
    return changed


def story_groups(db: str) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = collections.defaultdict(set)
    for doc_id, story in sqlite3.connect(db).execute(
            "SELECT id, story_id FROM documents WHERE story_id IS NOT NULL"):
        groups[story].add(doc_id)
    return {frozenset(ids) for ids in groups.values()}


def entity_keys(db: str) -> set[tuple[str, str]]:
    return set(sqlite3.connect(db).execute("SELECT type, key FROM entities"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--stores", nargs=2, metavar=("BEFORE_DB", "AFTER_DB"))
    args = parser.parse_args()
    before, after = _documents(args.before), _documents(args.after)
    print(f"documents: {len(before)} before, {len(after)} after; only before "
          f"{len(before.keys() - after.keys())}, only after {len(after.keys() - before.keys())}")
    for key, count in field_changes(before, after).most_common():
        if count:
            print(f"  {key:16} {count}")
    if args.stores:
        old, new = story_groups(args.stores[0]), story_groups(args.stores[1])
        print(f"stories: {len(old)} before, {len(new)} after, {len(old & new)} the same group; "
              f"{sum(len(g) > 1 for g in old)} / {sum(len(g) > 1 for g in new)} with 2+ articles")
        old_keys, new_keys = entity_keys(args.stores[0]), entity_keys(args.stores[1])
        print(f"collection entities: {len(old_keys)} before, {len(new_keys)} after, {len(old_keys & new_keys)} in both")


if __name__ == "__main__":
    main()
