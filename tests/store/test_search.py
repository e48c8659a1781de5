"""Arabic search: spelling variants and proclitics match, results are ranked and highlighted."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import Document, Entity, Mention, Offsets, Quote, Source
from khabar.errors import KhabarError
from khabar.store.search import parse_query, stem, terms_of

UN = "وأكدت الأمم المتحدة في بيانها أن المساعدات وصلت إلى المدينة المحاصرة بعد أسابيع من الانتظار."
UN_FOLDED = "واكدت الامم المتحده في بيانها الثاني ان المساعدات وصلت الى المدينة بعد اسابيع طويلة من الانتظار."
UN_CLITIC = "ورحب الوفد بالأمم المتحدة وشكر العاملين في المنظمة على جهودهم الكبيرة في المدينة."
OTHER = "فاز نادي النجوم على ضيفه بثلاثة أهداف في المباراة التي أقيمت مساء السبت في الملعب الكبير."


def _doc(doc_id, text, *, title=None, source="الشروق", published="2024-03-01", **fields):
    return Document(id=doc_id, text=text, title=title, source=Source(name=source), published=published,
                    **fields)


@pytest.fixture
def filled(store):
    store.write_documents([
        _doc("un", UN, title="بيان أممي"),
        _doc("folded", UN_FOLDED, source="النهار", published="2024-03-05"),
        _doc("clitic", UN_CLITIC, published="2024-03-09"),
        _doc("other", OTHER, title="النجوم يفوز"),
    ])
    return store


@pytest.mark.parametrize("word, form", [
    ("الأمم", "امم"), ("بالأمم", "امم"), ("للأمم", "امم"), ("والأمم", "امم"), ("الامم", "امم"),
    ("المتحدة", "متحده"), ("المُتَّحِدَة", "متحده"), ("وزير", "زير"), ("الوزير", "زير"),
    ("مستشفى", "مستشفي"), ("القاهرة", "قاهره"), ("ســلام", "سلام"), ("إسلام", "اسلام"),
])
def test_search_form_folds_spelling_and_strips_proclitics(word, form):
    assert terms_of(word) == [form]


@pytest.mark.parametrize("word", ["لا", "من", "في", "بل", "ال"])
def test_search_form_keeps_short_words_whole(word):
    assert stem(word) == word


@pytest.mark.parametrize("query", ["الأمم المتحدة", "الامم المتحده", "بالأمم المتحدة", "الأُمَم المُتَّحِدَة",
                                   '"الأمم المتحدة"', "للأمم المتحدة"])
def test_search_finds_every_spelling_of_the_united_nations(filled, query):
    found = {hit.id for hit in filled.search(query).hits}
    assert found == {"un", "folded", "clitic"}


def test_search_phrase_needs_words_in_order(filled):
    assert {h.id for h in filled.search('"المتحدة الأمم"').hits} == set()
    assert {h.id for h in filled.search('"الأمم المتحدة" بيانها').hits} == {"un", "folded"}


def test_search_ranks_title_matches_first(store):
    store.write_documents([_doc("body", OTHER + " ويذكر أن النجوم تصدر الترتيب."),
                           _doc("title", UN, title="النجوم بطلا للدوري")])
    assert [h.id for h in store.search("النجوم").hits][0] == "title"


def test_search_snippet_shows_original_spelling_with_highlights(filled):
    hit = next(h for h in filled.search("الامم المتحده").hits if h.id == "un")
    marked = [hit.snippet[s:e] for s, e in hit.highlights]
    assert marked == ["الأمم", "المتحدة"]
    assert hit.snippet in UN


@pytest.mark.parametrize("filters, expected", [
    ({"source": "النهار"}, {"folded"}),
    ({"since": "2024-03-02"}, {"folded", "clitic"}),
    ({"until": "2024-03-05"}, {"un", "folded"}),
    ({"since": "2024-03-02", "until": "2024-03-06"}, {"folded"}),
])
def test_search_filters_by_source_and_dates(filled, filters, expected):
    assert {h.id for h in filled.search("المتحدة", **filters).hits} == expected


def test_search_filters_by_entity_and_speaker(store):
    kerry = Entity("e1", "PER", "جون كيري", mentions=(Mention(0, 8),))
    quote = Quote(speaker="e1", speaker_text="جون كيري", cue=Offsets(9, 12), content=Offsets(13, 30), direct=True)
    text = "جون كيري قال إن المدينة بحاجة إلى المساعدات العاجلة."
    store.write_documents([_doc("q", text, entities=(kerry,), quotes=(quote,)),
                           _doc("n", "قال المحافظ إن المدينة بحاجة إلى المساعدات والدعم.")])
    assert {h.id for h in store.search("المدينة").hits} == {"q", "n"}
    assert {h.id for h in store.search("المدينة", entity="كيري").hits} == {"q"}
    assert {h.id for h in store.search("المدينة", speaker="جون كيري").hits} == {"q"}
    assert {h.id for h in store.search("المدينة", entity="أوباما").hits} == set()


def test_search_pages_with_limit_and_offset(store):
    store.write_documents([_doc(f"d{i}", f"المدينة تستقبل الزوار في اليوم رقم {i} من المهرجان السنوي الكبير.")
                           for i in range(5)])
    first, second = store.search("المدينة", limit=3), store.search("المدينة", limit=3, offset=3)
    assert len(first.hits) == 3 and first.has_more
    assert len(second.hits) == 2 and not second.has_more
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}


@pytest.mark.parametrize("query", ["", "   ", "!!!", '""', "«»", "؟ ، ؛", "- * ( )"])
def test_query_without_words_is_a_clear_error(filled, query):
    with pytest.raises(KhabarError) as caught:
        filled.search(query)
    assert caught.value.code == "E502"


@pytest.mark.parametrize("query", ['"unclosed', "NEAR(a b)", "a OR", "AND", "col:word", "^start", "x*",
                                   "title:الأمم", 'الأمم" المتحدة'])
def test_fts_syntax_in_a_query_is_searched_as_words(filled, query):
    filled.search(query)  # must not raise an SQL error


def test_parse_query_quotes_every_group():
    assert parse_query('الأمم "مجلس الأمن"').match_expression() == '"امم" AND "مجلس امن"'


@pytest.fixture(scope="module")
def small_store():
    from khabar.store import open_store

    with open_store(":memory:") as opened:
        opened.write_documents([_doc("un", UN), _doc("other", OTHER)])
        yield opened


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_search_never_raises_anything_but_a_khabar_error(small_store, query):
    try:
        small_store.search(query)
    except KhabarError as error:
        assert error.code == "E502"


def test_rejected_documents_are_not_searchable(store):
    rejected = dataclasses.replace(_doc("r", UN), status="rejected")
    store.write_documents([rejected])
    assert store.search("الأمم").hits == []


def test_snippet_finds_a_match_far_into_a_long_article(store):
    filler = " ".join(["وتحدث المشاركون عن قضايا كثيرة تخص التعليم والصحة والنقل في المدينة."] * 80)
    text = filler + " وفي الختام شكر الحضور منظمة الصحة العالمية على دعمها."
    store.write_documents([_doc("long", text)])
    (hit,) = store.search("العالمية").hits
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["العالمية"]
    assert text[hit.snippet_start : hit.snippet_start + len(hit.snippet)] == hit.snippet


def test_snippet_highlights_words_with_diacritics_and_tatweel(store):
    store.write_documents([_doc("d", "وقالت المنظمة إن الأُمَمَ المُتّحدة ستُرسل قافلــة مساعدات جديدة إلى المنطقة قريبا.")])
    (hit,) = store.search("الأمم المتحدة قافلة").hits
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["الأُمَمَ", "المُتّحدة", "قافلــة"]
