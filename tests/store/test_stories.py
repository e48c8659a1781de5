"""Stories: copies and same-story articles from several outlets share a story id."""

from __future__ import annotations

import pytest

from khabar.store import open_store
from khabar.batch.ingest import ingest
from khabar.collection.stories import StoryHasher, near_similarity, topic_similarity


@pytest.fixture
def collected(tmp_path, fixtures_dir):
    with open_store(tmp_path / "k.db") as store:
        ingest([str(fixtures_dir / "articles.jsonl")], store)
        yield store


def _story_of(store, doc_id):
    return next(d["story_id"] for d in store.documents(limit=100) if d["id"] == doc_id)


def test_near_duplicates_from_two_outlets_share_a_story(collected):
    assert _story_of(collected, "nahar-55") == _story_of(collected, "shorouk-1")
    links = {link["doc"]: link for link in collected.story_links()}
    assert links["nahar-55"]["kind"] == "near" and links["nahar-55"]["linked"] == "shorouk-1"


def test_same_story_told_in_other_words_joins_the_story(collected):
    assert _story_of(collected, "wadi-9") == _story_of(collected, "shorouk-1")
    assert {link["doc"]: link["kind"] for link in collected.story_links()}["wadi-9"] == "story"


@pytest.mark.parametrize("doc_id", ["shorouk-2", "nahar-56", "wadi-10"])
def test_unrelated_articles_keep_their_own_story(collected, doc_id):
    assert _story_of(collected, doc_id) == doc_id


def test_most_covered_story_lists_outlets_and_days(collected):
    top = collected.stories(order="outlets")[0]
    assert top.id == "shorouk-1"
    assert set(top.outlets) == {"الشروق", "النهار", "الوادي"}
    assert (top.first_seen, top.last_seen, top.size) == ("2024-03-01", "2024-03-02", 3)
    assert top.headline == "الأمم المتحدة تدعو إلى وقف إطلاق النار في الواحة"


@pytest.mark.parametrize("since, expected", [("2024-03-02", True), ("2024-03-03", False)])
def test_stories_since_a_day_keep_stories_still_running(collected, since, expected):
    assert any(s.id == "shorouk-1" for s in collected.stories(since=since)) is expected


def test_story_shows_its_articles_with_their_links(collected):
    story, articles = collected.story("shorouk-1")
    assert [a["id"] for a in articles] == ["shorouk-1", "nahar-55", "wadi-9"]
    assert [a["link"] for a in articles] == [None, "near", "story"]


def test_articles_far_apart_in_time_are_not_the_same_story(store):
    from khabar.document import Document, Source

    text = ("دعت الأمم المتحدة إلى وقف فوري لإطلاق النار في مدينة الواحة بعد اشتباكات عنيفة أسفرت عن "
            "سقوط ضحايا بين المدنيين، وقال المتحدث باسمها إن الوضع الإنساني يتدهور بسرعة كبيرة.")
    store.write_documents([
        Document(id="a", text=text, title="وقف إطلاق النار", source=Source(name="x"), published="2024-01-01"),
        Document(id="b", text=text + " وأضاف أن المساعدات تنتظر.", title="وقف إطلاق النار",
                 source=Source(name="y"), published="2024-02-01"),
    ])
    assert {d["story_id"] for d in store.documents()} == {"a", "b"}


@pytest.mark.parametrize("edit", [
    lambda t: t.replace("،", " ,"),
    lambda t: t.replace("الأمم", "الأُمَم"),
    lambda t: t + " تابعونا على مواقع التواصل الاجتماعي.",
])
def test_small_edits_keep_near_duplicate_signatures_close(edit):
    hasher = StoryHasher()
    text = " ".join(["دعت الأمم المتحدة إلى وقف فوري لإطلاق النار في المدينة، وقال المتحدث إن الوضع يتدهور."] * 1
                    + [f"وأضاف المتحدث في الفقرة رقم {i} أن فرق الإغاثة تنتظر منذ أيام عند مداخل المدينة." for i in range(8)])
    a, b = hasher.features("عنوان", text), hasher.features("عنوان", edit(text))
    assert near_similarity(a.near, b.near) >= 0.8


def test_topic_similarity_counts_shared_forms():
    score, shared = topic_similarity(["امم", "متحده", "واحه"], ["امم", "متحده", "نار"])
    assert (round(score, 3), shared) == (0.667, 2)
