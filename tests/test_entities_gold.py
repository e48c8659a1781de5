"""The blind entity set (eval/entities_gold.jsonl) is well formed.

Its rules: docs/annotation-entities.md. Spans are checked against the corpus texts in ../shared
(skipped with the reason where that folder is absent); the rest needs only the file.
"""

from __future__ import annotations

import copy
import json
from collections import Counter

import pytest

from eval.entities_gold import TYPES, problems, read_gold
from eval.entities_news import name_key, role_right
from khabar.document import Offsets, Role
from tests.conftest import REPO, SHARED, shared_file

GOLD = read_gold()
CORPORA = SHARED / "data"


@pytest.fixture(scope="module")
def articles():
    shared_file(CORPORA / "saudinewsnet")
    shared_file(CORPORA / "ant-multisource")
    from eval.quotes_corpus import load_articles

    return load_articles({r["corpus"] for r in GOLD}, CORPORA)


def _text(record, articles) -> str:
    return articles[(record["corpus"], record["id"])].text


def test_gold_has_sixty_articles_from_eight_outlets_of_both_corpora():
    keys = [(r["corpus"], r["id"]) for r in GOLD]
    assert len(keys) == len(set(keys)) >= 60
    assert len({r["source"].lower() for r in GOLD}) >= 8
    assert {r["corpus"] for r in GOLD} == {"saudinewsnet", "ant-multisource"}


def test_halves_are_disjoint_and_balanced_by_outlet():
    halves = {h: {(r["corpus"], r["id"]) for r in GOLD if r["half"] == h} for h in ("dev", "test")}
    assert halves["dev"] and halves["test"] and not halves["dev"] & halves["test"]
    per_half = Counter((r["source"], r["half"]) for r in GOLD)
    for outlet in {r["source"] for r in GOLD}:
        assert per_half[(outlet, "dev")] == per_half[(outlet, "test")]


def test_no_article_of_another_gold_set():
    ours = {r["id"] for r in GOLD}
    for name in ("quotes_gold.jsonl", "quotes_events_gold.jsonl"):
        path = REPO / "eval" / name
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            theirs = {json.loads(line)["id"] for line in lines if line}
            assert not ours & theirs, name


@pytest.mark.shared
def test_every_span_rebuilds_from_the_text_that_was_annotated(articles):
    for record in GOLD:
        assert problems(record, _text(record, articles)) == [], record["n"]


@pytest.mark.shared
@pytest.mark.parametrize("damage", [
    lambda r: r["persons"][0]["mentions"][0].__setitem__(1, 10**6),
    lambda r: r["persons"][0]["mentions"][0].__setitem__(0, r["persons"][0]["mentions"][0][0] - 1),
    lambda r: r.__setitem__("sha256", "0" * 64),
    lambda r: r.__setitem__("half", "train"),
    lambda r: r["persons"][0].__setitem__("label", "PER"),
    lambda r: r["persons"][0]["role"].__setitem__("value", ""),
    lambda r: r["organizations"].append({"mentions": [list(r["persons"][0]["mentions"][0])]}),
])
def test_a_damaged_record_is_reported(articles, damage):
    record = copy.deepcopy(next(r for r in GOLD if r["persons"] and r["persons"][0]["role"]))
    damage(record)
    assert problems(record, _text(record, articles))


@pytest.mark.shared
def test_the_recorded_draw_gives_the_gold_articles_and_halves(articles):
    from eval.entities_draw import draw

    drawn = [(half, a.corpus, a.id) for half, a in draw(articles)]
    assert drawn == [(r["half"], r["corpus"], r["id"]) for r in sorted(GOLD, key=lambda r: r["n"])]


def test_every_entity_list_is_present():
    for record in GOLD:
        assert all(isinstance(record[key], list) for key in TYPES)


@pytest.mark.parametrize("title, affiliation, right", [
    ("وزير الخارجية", "مصر", (True, True)),
    ("وزير الخارجية", None, (True, False)),
    ("الأمير", "مصر", (False, False)),
    ("المتحدث باسم وزارة الخارجية", "مصر", (True, True)),
])
def test_role_right_needs_title_and_affiliation(title, affiliation, right):
    raw = "وزير الخارجية المصري فلان، المتحدث باسم وزارة الخارجية المصرية"

    def span(words: str, after: int = 0) -> list[int]:
        at = raw.index(words, after)
        return [at, at + len(words)]

    gold = {"title": span("وزير الخارجية"), "title_value": None, "affiliation": span("المصري"),
            "value": "مصر"}
    if title.startswith("المتحدث"):
        gold = {"title": span("المتحدث"), "title_value": None,
                "affiliation": span("وزارة الخارجية المصرية"), "value": None}
    assert role_right(gold, [Role(title, affiliation, Offsets(0, 1))], raw) == right


def test_name_key_drops_the_article_and_former():
    assert name_key("الرئيس الفرنسي السابق") == name_key("رئيس فرنسي")
