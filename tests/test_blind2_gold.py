"""The second blind news set (eval/entities_gold2.jsonl, eval/quotes_events_gold2.jsonl) is well
formed: the recorded draw's 40 articles, balanced halves, no article of another eval set, and
every span rebuilt from the corpus text that was annotated (skipped where ../shared is absent).
"""

from __future__ import annotations

from collections import Counter

import pytest

from eval.blind2 import ENTITIES_GOLD, OUTLETS, PER_OUTLET, QUOTES_GOLD
from eval.entities_gold import problems as entity_problems
from eval.entities_gold import read_gold as read_entities
from eval.quotes_events_news import cameo_codes
from eval.quotes_events_news import problems as quote_problems
from eval.quotes_events_news import read_gold as read_quotes
from tests.conftest import SHARED, shared_file

ENTITIES = read_entities(ENTITIES_GOLD)
QUOTES = read_quotes(QUOTES_GOLD)
CORPORA = SHARED / "data"


@pytest.fixture(scope="module")
def articles():
    shared_file(CORPORA / "saudinewsnet")
    from eval.quotes_corpus import load_articles

    return load_articles({"saudinewsnet"}, CORPORA)


def test_both_files_hold_the_same_forty_articles_in_the_same_halves():
    entities = [(r["corpus"], r["id"], r["half"]) for r in ENTITIES]
    quotes = [(r["corpus"], r["id"], r["half"]) for r in QUOTES]
    assert entities == quotes
    assert len(set(entities)) == len(OUTLETS) * PER_OUTLET


def test_every_outlet_has_as_many_articles_in_each_half():
    per_half = Counter((r["outlet"], r["half"]) for r in QUOTES)
    assert set(per_half.values()) == {PER_OUTLET // 2}
    assert {outlet for outlet, _ in per_half} == set(OUTLETS)


def test_no_other_eval_set_names_these_articles():
    ours = {r["id"] for r in QUOTES}
    for path in sorted(ENTITIES_GOLD.parent.glob("*.jsonl")):
        if path in (ENTITIES_GOLD, QUOTES_GOLD):
            continue
        for record in read_quotes(path):
            assert not ours & {str(record.get(k)) for k in ("id", "url", "a", "b")}, path.name


def test_the_recorded_draw_gives_these_articles(articles):
    from eval.blind2 import draw

    drawn = [(a.corpus, a.id, a.source, half) for half, a in draw(articles)]
    assert drawn == [(r["corpus"], r["id"], r["outlet"], r["half"]) for r in QUOTES]


def test_every_span_rebuilds_from_the_text_that_was_annotated(articles):
    for record in ENTITIES:
        assert entity_problems(record, articles[(record["corpus"], record["id"])].text) == []
    codes = cameo_codes(shared_file(CORPORA / "events" / "cameo-codebook" / "cameo.csv"))
    assert quote_problems(QUOTES, articles, codes) == []
