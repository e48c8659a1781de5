"""Entities across articles: one global entity per person or organization, however named."""

from __future__ import annotations

import itertools

import pytest

from khabar.document import Document, Entity, Mention, Offsets, Quote, Role, Source
from khabar.store import read
from khabar.collection.entities import entity_key

KERRY_TEXT = "وزير الخارجية الأمريكي جون كيري وصل إلى القاهرة اليوم والتقى الأمين العام للجامعة العربية."


def _doc(doc_id, day, *entities, quotes=()):
    return Document(id=doc_id, text=f"{KERRY_TEXT} ({doc_id})", title=f"خبر {doc_id}", source=Source(name="الشروق"),
                    published=day, entities=tuple(entities), quotes=quotes)


def _ent(local, kind, name, mentions=1, roles=()):
    return Entity(local, kind, name, mentions=tuple(Mention(0, 3) for _ in range(mentions)), roles=roles)


@pytest.mark.parametrize("kind, name, key", [
    ("PER", "وزير الخارجية الأمريكي جون كيري", "جون كيري"),
    ("PER", "جون كيري", "جون كيري"),
    ("PER", "الرئيس باراك أوباما", "باراك اوباما"),
    ("PER", "كيري", "كيري"),
    ("ORG", "الأمم المتحدة", "الامم المتحده"),
    ("ORG", "جامعة الدول العربية.", "جامعه الدول العربيه"),
])
def test_entity_key_normalizes_spelling_and_drops_titles(kind, name, key):
    assert entity_key(kind, name) == key


@pytest.mark.parametrize("order", [("full", "short", "titled"), ("short", "full", "titled"),
                                   ("titled", "short", "full")])
def test_kerry_is_one_entity_however_named_and_in_any_order(store, order):
    names = {"full": "جون كيري", "short": "كيري", "titled": "وزير الخارجية الأمريكي جون كيري"}
    store.write_documents([_doc(f"d{i}", f"2024-03-0{i + 1}", _ent("e1", "PER", names[key], mentions=2))
                           for i, key in enumerate(order)])
    people = read.entities(store, type="PER")["items"]
    assert len(people) == 1
    assert (people[0]["name"], people[0]["mentions"], people[0]["documents"]) == ("جون كيري", 6, 3)
    (found,) = read.entities_named(store, "كيري")
    assert {name["name"] for name in found["names"]} == set(names.values())


def test_last_name_shared_by_two_people_stays_apart(store):
    store.write_documents([
        _doc("a", "2024-03-01", _ent("e1", "PER", "جون كيري")),
        _doc("b", "2024-03-02", _ent("e1", "PER", "توم كيري")),
        _doc("c", "2024-03-03", _ent("e1", "PER", "كيري")),
    ])
    assert sorted(e["name"] for e in read.entities(store, type="PER")["items"]) == ["توم كيري", "جون كيري", "كيري"]


@pytest.mark.parametrize("order", list(itertools.permutations("abc")))
def test_a_second_full_name_takes_the_last_name_back_in_any_order(store, order):
    """The end state does not depend on arrival order: `كيري` belongs to no one once two full
    names end in it, even when it had already joined the first (the Spark job's rule)."""
    docs = {"a": _doc("a", "2024-03-01", _ent("e1", "PER", "جون كيري")),
            "b": _doc("b", "2024-03-02", _ent("e1", "PER", "كيري", mentions=2),
                      quotes=(Quote("e1", "كيري", None, Offsets(0, 5), False),)),
            "c": _doc("c", "2024-03-03", _ent("e1", "PER", "توم كيري"))}
    store.write_documents([docs[key] for key in order])
    people = {e["name"]: (e["documents"], e["mentions"]) for e in read.entities(store, type="PER")["items"]}
    assert people == {"جون كيري": (1, 1), "توم كيري": (1, 1), "كيري": (1, 2)}
    speaker = store.conn.execute("SELECT e.key FROM quotes q JOIN entities e ON e.id = q.speaker_entity").fetchone()
    assert speaker == ("كيري",)


def test_taking_a_last_name_back_leaves_the_full_name_of_the_same_article_alone(store):
    """An article that names `جون كيري` and, as a separate entity, `كيري`: when `توم كيري` arrives,
    only the one-word entity's mentions and quotes leave `جون كيري`."""
    both = _doc("a", "2024-03-01", _ent("e1", "PER", "جون كيري", mentions=3), _ent("e2", "PER", "كيري"),
                quotes=(Quote("e1", "جون كيري", None, Offsets(0, 5), False),
                        Quote("e2", "كيري", None, Offsets(6, 9), False)))
    store.write_documents([both, _doc("b", "2024-03-02", _ent("e1", "PER", "توم كيري"))])
    people = {e["name"]: (e["documents"], e["mentions"]) for e in read.entities(store, type="PER")["items"]}
    assert people == {"جون كيري": (1, 3), "توم كيري": (1, 1), "كيري": (1, 1)}
    speakers = store.conn.execute("SELECT q.idx, e.key FROM quotes q JOIN entities e ON e.id = q.speaker_entity "
                                  "ORDER BY q.idx").fetchall()
    assert speakers == [(0, "جون كيري"), (1, "كيري")]


def test_same_name_of_different_types_are_different_entities(store):
    store.write_documents([_doc("a", "2024-03-01", _ent("e1", "LOC", "الأردن"), _ent("e2", "ORG", "الأردن"))])
    assert read.entities(store)["total"] == 2


def test_entity_shows_roles_over_time_and_companions(store):
    role = lambda title, aff: Role(title, aff, Offsets(0, 14))  # noqa: E731
    store.write_documents([
        _doc("a", "2013-02-01", _ent("e1", "PER", "جون كيري", roles=(role("عضو مجلس الشيوخ", None),)),
             _ent("e2", "ORG", "الجامعة العربية")),
        _doc("b", "2014-08-01", _ent("e1", "PER", "كيري", roles=(role("وزير الخارجية", "الولايات المتحدة"),)),
             _ent("e2", "ORG", "الجامعة العربية"), _ent("e3", "LOC", "القاهرة")),
    ])
    (kerry,) = read.entities_named(store, "جون كيري")
    assert [(r["day"], r["title"], r["affiliation"]) for r in kerry["roles"]] == [
        ("2013-02-01", "عضو مجلس الشيوخ", None), ("2014-08-01", "وزير الخارجية", "الولايات المتحدة")]
    assert [(c["name"], c["documents"]) for c in kerry["cooccurring"]] == [("الجامعة العربية", 2), ("القاهرة", 1)]


def test_quotes_link_to_the_global_speaker(store):
    quote = Quote(speaker="e1", speaker_text="كيري", cue=Offsets(0, 3), content=Offsets(4, 20), direct=True)
    store.write_documents([_doc("a", "2024-03-01", _ent("e1", "PER", "جون كيري"), quotes=(quote,))])
    assert [h.id for h in store.search("القاهرة", speaker="جون كيري").hits] == ["a"]
