"""The blind quotes-and-events set (eval/quotes_events_gold.jsonl) is well formed.

Its rules: docs/annotation-quotes-events.md. The spans are checked against the corpus texts in
../shared (skipped with the reason where that folder is absent); the rest needs only the file.
"""

from __future__ import annotations

import copy
from collections import Counter

import pytest

from eval.quotes_events_news import GOLD as GOLD_PATH
from eval.quotes_events_news import Alignment, cameo_codes, problems, read_gold, same_name
from tests.conftest import SHARED, shared_file

GOLD = read_gold()
EVAL = GOLD_PATH.parent
CORPORA = SHARED / "data"


@pytest.fixture(scope="module")
def corpora():
    shared_file(CORPORA / "saudinewsnet")
    shared_file(CORPORA / "ant-multisource")
    from eval.quotes_corpus import load_articles

    return load_articles({r["corpus"] for r in GOLD}, CORPORA)


@pytest.fixture(scope="module")
def codes():
    return cameo_codes(shared_file(CORPORA / "events" / "cameo-codebook" / "cameo.csv"))


def test_gold_has_sixty_articles_from_eight_outlets_in_two_disjoint_halves():
    keys = [(r["corpus"], r["id"]) for r in GOLD]
    halves = {h: {(r["corpus"], r["id"]) for r in GOLD if r["half"] == h} for h in ("dev", "test")}
    assert len(keys) == len(set(keys)) >= 60
    assert len({r["outlet"] for r in GOLD}) >= 8
    assert set(r["half"] for r in GOLD) == {"dev", "test"}
    assert not halves["dev"] & halves["test"]


def test_every_outlet_is_in_both_halves_equally():
    per_half = Counter((r["outlet"], r["half"]) for r in GOLD)
    for outlet in {r["outlet"] for r in GOLD}:
        assert per_half[(outlet, "dev")] == per_half[(outlet, "test")]


def test_no_other_eval_set_uses_the_blind_articles():
    blind = {r["id"] for r in GOLD}
    for path in sorted(EVAL.glob("*.jsonl")):
        if path.name == "quotes_events_gold.jsonl":
            continue
        for record in read_gold(path):
            assert not blind & {str(record.get(k)) for k in ("id", "url", "a", "b")}, path.name


def test_gold_holds_offsets_and_labels_only():
    allowed_quote = {"content", "cue", "speaker", "speaker_reason", "direct"}
    allowed_event = {"trigger", "cameo", "source", "target", "source_code", "target_code"}
    for record in GOLD:
        assert set(record) == {"corpus", "id", "outlet", "half", "sha256", "quotes", "events"}
        for quote in record["quotes"]:
            assert set(quote) <= allowed_quote
        for event in record["events"]:
            assert set(event) <= allowed_event
            assert event["cameo"].isdigit() and 2 <= len(event["cameo"]) <= 4


@pytest.mark.shared
def test_every_span_rebuilds_from_the_corpus_with_the_recorded_hash(corpora, codes):
    assert problems(GOLD, corpora, codes) == []


@pytest.mark.shared
@pytest.mark.parametrize("damage", ["hash", "span", "code"])
def test_a_damaged_record_is_reported(corpora, codes, damage):
    record = copy.deepcopy(next(r for r in GOLD if r["events"]))
    if damage == "hash":
        record["sha256"] = "0" * 64
    elif damage == "span":
        record["events"][0]["trigger"] = [10**6, 10**6 + 3]
    else:
        record["events"][0]["cameo"] = "999"
    assert problems([record], corpora, codes)


def test_alignment_maps_a_cleaned_span_back_to_the_raw_text():
    raw = "قال الوزير خالد العمري إن الاتفاق سيوقع غدا."
    clean = "عاجل\nقال الوزير خالد العمري إن الاتفاق سيوقع غدا"
    align = Alignment(raw, clean)
    start = clean.index("الاتفاق")
    assert align.predicted(start, start + len("الاتفاق سيوقع")) == align.gold(
        [raw.index("الاتفاق"), raw.index("الاتفاق") + len("الاتفاق سيوقع")])


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("خالد العمري", "الوزير خالد العمري", True),
    ("العمري", "خالد العمري", True),
    ("الأميركي", "الولايات المتحدة", False),
    ("", "خالد العمري", False),
])
def test_names_agree_by_their_words(predicted, gold, same):
    assert same_name(predicted, gold) is same


@pytest.mark.shared
def test_the_recorded_draw_gives_the_gold_articles_and_halves(corpora):
    from eval.quotes_events_draw import draw

    drawn = [(row["corpus"], row["id"], row["outlet"], row["half"]) for row in draw(CORPORA)]
    assert drawn == [(r["corpus"], r["id"], r["outlet"], r["half"]) for r in GOLD]
