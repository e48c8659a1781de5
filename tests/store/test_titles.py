"""A person's titles across the collection (issue 14): over time, and for an article that names
them bare, the title the collection last knew, kept apart from the article's own roles."""

from __future__ import annotations

from khabar.document import Document, Entity, Mention, Offsets, Role, Source
from khabar.store import read
from khabar.store.titles import known_titles, titles_over_time

TEXT = "قال وزير الخارجية الأردني سامر الحديدي إن الزيارة مهمة."


def _doc(doc_id, day, *entities):
    return Document(id=doc_id, text=f"{TEXT} ({doc_id})", title=f"خبر {doc_id}", source=Source(name="الشروق"),
                    published=day, entities=tuple(entities))


def _person(name, *roles):
    return Entity("e1", "PER", name, mentions=(Mention(26, 38),),
                  roles=tuple(Role(title, affiliation, Offsets(4, 25)) for title, affiliation in roles))


def _entity_id(store, doc_id):
    return read.article(store, doc_id)["entity_ids"]["e1"]


def test_a_bare_name_gets_the_title_the_collection_last_knew_before_its_day(store):
    store.write_documents([
        _doc("old", "2024-01-05", _person("سامر الحديدي", ("وزير المالية", "الأردن"))),
        _doc("new", "2024-03-05", _person("سامر الحديدي", ("وزير الخارجية", "الأردن"))),
        _doc("later", "2024-06-01", _person("سامر الحديدي", ("رئيس الوزراء", "الأردن"))),
        _doc("bare", "2024-04-01", _person("سامر الحديدي")),
    ])
    known = known_titles(store.conn, "bare")
    assert known == {"e1": {"title": "وزير الخارجية", "affiliation": "الأردن", "doc_id": "new",
                            "day": "2024-03-05", "from": "collection"}}
    data = read.article(store, "bare")
    assert data["known_titles"] == known
    assert data["article"]["entities"][0]["roles"] == []  # never mixed into the article's evidence


def test_an_article_with_its_own_title_takes_nothing_from_the_collection(store):
    store.write_documents([
        _doc("a", "2024-01-05", _person("سامر الحديدي", ("وزير المالية", "الأردن"))),
        _doc("b", "2024-02-05", _person("سامر الحديدي", ("الأمير", None))),
    ])
    assert known_titles(store.conn, "b") == {}


def test_a_full_title_is_preferred_to_a_later_honorific(store):
    store.write_documents([
        _doc("a", "2024-01-05", _person("سامر الحديدي", ("ولي العهد", "الأردن"))),
        _doc("b", "2024-02-05", _person("سامر الحديدي", ("الأمير", None))),
        _doc("bare", "2024-03-05", _person("سامر الحديدي")),
    ])
    assert known_titles(store.conn, "bare")["e1"]["title"] == "ولي العهد"


def test_titles_over_time_group_each_title_with_its_days_and_articles(store):
    store.write_documents([
        _doc("a", "2024-01-05", _person("سامر الحديدي", ("وزير المالية", "الأردن"))),
        _doc("b", "2024-02-05", _person("سامر الحديدي", ("وزير المالية", "الأردن"))),
        _doc("c", "2024-05-05", _person("سامر الحديدي", ("وزير الخارجية", "الأردن"))),
    ])
    entity_id = _entity_id(store, "a")
    assert titles_over_time(store.conn, entity_id) == [
        {"title": "وزير الخارجية", "affiliation": "الأردن", "first_day": "2024-05-05",
         "last_day": "2024-05-05", "articles": 1, "last_doc_id": "c"},
        {"title": "وزير المالية", "affiliation": "الأردن", "first_day": "2024-01-05",
         "last_day": "2024-02-05", "articles": 2, "last_doc_id": "b"},
    ]
    assert read.entity(store, entity_id)["entity"]["titles"][0]["title"] == "وزير الخارجية"


def test_the_article_page_shows_a_collection_title_apart_and_links_its_article(tmp_path):
    from tests.web.conftest import make_client

    from khabar.store import open_store

    db = tmp_path / "khabar.db"
    with open_store(db) as store:
        store.write_documents([
            _doc("titled", "2024-03-05", _person("سامر الحديدي", ("وزير الخارجية", "الأردن"))),
            _doc("bare", "2024-04-01", _person("سامر الحديدي")),
        ])
    client = make_client(db)
    page = client.get("/articles/bare", headers={"Accept": "text/html"}).text
    assert "من المجموعة" in page and "/articles/titled" in page
    assert client.get("/articles/bare.json").json()["known_titles"]["e1"]["from"] == "collection"
    assert "من المجموعة" not in client.get("/articles/titled", headers={"Accept": "text/html"}).text
