"""The web's read queries: search with cheaper snippets agrees with Store.search."""

from __future__ import annotations

import pytest

from khabar.arabic import fold
from khabar.store import queries
from khabar.store.search import make_snippet, parse_query
from khabar.store.sqlite import Store
from tests.web.fixtures import build_store

FILLER = "وتحدث المشاركون في الجلسة عن قضايا كثيرة تخص التنمية والتعليم والنقل في المدن الصغيرة. "


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(build_store(tmp_path_factory.mktemp("queries") / "khabar.db")) as opened:
        yield opened


@pytest.mark.parametrize(("query", "filters"), [
    ("المياه", {}),
    ("الخطيب", {"source": "صحيفة الفجر"}),
    ('"ساحة النخيل"', {}),
    ("الماء", {"since": "2024-03-12", "until": "2024-03-12"}),
    ("المياه", {"entity": "سامر الخطيب"}),
    ("الوعود", {"speaker": "ليلى منصور"}),
    ("المياه", {"limit": 2, "offset": 2}),
])
def test_search_finds_what_store_search_finds_in_the_same_order(store, query, filters):
    ours = queries.search(store.conn, query, **filters)
    theirs = store.search(query, **filters)
    assert [h.id for h in ours.hits] == [h.id for h in theirs.hits] and ours.has_more == theirs.has_more
    assert [h.snippet for h in ours.hits] == [h.snippet for h in theirs.hits]  # short texts: same snippets


@pytest.mark.parametrize(("before", "after"), [(0, 20), (12, 12), (30, 0), (40, 40)])
def test_quick_snippet_on_a_long_text_highlights_the_match_at_its_offsets(before, after):
    text = FILLER * before + "وأعلن وزير الري سامر الخطيب خطة جديدة للمياه. " + FILLER * after
    query = parse_query("الخطيب")
    snippet = queries.quick_snippet(text, query)
    assert snippet.highlights
    for start, end in snippet.highlights:
        assert fold(text[snippet.start + start: snippet.start + end]) == fold("الخطيب")
    assert text[snippet.start: snippet.start + len(snippet.text)] == snippet.text
    assert snippet.highlights == make_snippet(text, query).highlights or snippet.text in text


def test_quick_snippet_falls_back_to_the_whole_text_for_a_phrase_found_late():
    text = "ولي " + FILLER * 20 + "وقال ولي العهد إن المشروع مهم. " + FILLER * 5
    snippet = queries.quick_snippet(text, parse_query('"ولي العهد"'))
    assert [snippet.text[s:e] for s, e in snippet.highlights] == ["ولي", "العهد"]


def test_quick_snippet_without_a_match_in_the_body_shows_its_beginning():
    text = FILLER * 20
    snippet = queries.quick_snippet(text, parse_query("الخطيب"))
    assert snippet.start == 0 and not snippet.highlights


@pytest.mark.parametrize("query", ["الخطيب", "المياه", '"ساحة النخيل"', "وزير الري", "2024", "العهد"])
@pytest.mark.parametrize("width", [24, 5])
def test_fast_snippet_equals_make_snippet(store, query, width):
    parsed = parse_query(query)
    texts = [store.get_document(d["id"]).text for d in store.documents(limit=50)]
    texts += [FILLER * 15 + "قال ولي العهد إن الخطيب زار ساحة النخيل عام 2024، وبحث المياه مع وزير الري. " + FILLER * 3,
              "", "«»، ؟", "الخطيب",
              "قالَ الخَطِيـــبُ إنّ المياهَ عادت", "Reuters: ALKHATIB said «الخطيب» 2024 ١٢ العهد"]
    for text in texts:
        assert queries.fast_snippet(text, parsed, width=width) == make_snippet(text, parsed, width=width)
