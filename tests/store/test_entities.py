"""Entities across articles: one global entity per person or organization, however named."""

from __future__ import annotations

import pytest

from khabar.document import Document, Entity, Mention, Offsets, Quote, Role, Source
from khabar.store.entities import entity_key

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
    people = store.entities(type="PER")
    assert len(people) == 1
    assert (people[0].name, people[0].mentions, people[0].documents) == ("جون كيري", 6, 3)
    (found,) = store.entity("كيري")
    assert {name for name, _count in found.names} == set(names.values())


def test_last_name_shared_by_two_people_stays_apart(store):
    store.write_documents([
        _doc("a", "2024-03-01", _ent("e1", "PER", "جون كيري")),
        _doc("b", "2024-03-02", _ent("e1", "PER", "توم كيري")),
        _doc("c", "2024-03-03", _ent("e1", "PER", "كيري")),
    ])
    assert sorted(e.name for e in store.entities(type="PER")) == ["توم كيري", "جون كيري", "كيري"]


def test_same_name_of_different_types_are_different_entities(store):
    store.write_documents([_doc("a", "2024-03-01", _ent("e1", "LOC", "الأردن"), _ent("e2", "ORG", "الأردن"))])
    assert len(store.entities()) == 2


def test_entity_shows_roles_over_time_and_companions(store):
    role = lambda title, aff: Role(title, aff, Offsets(0, 14))  # noqa: E731
    store.write_documents([
        _doc("a", "2013-02-01", _ent("e1", "PER", "جون كيري", roles=(role("عضو مجلس الشيوخ", None),)),
             _ent("e2", "ORG", "الجامعة العربية")),
        _doc("b", "2014-08-01", _ent("e1", "PER", "كيري", roles=(role("وزير الخارجية", "الولايات المتحدة"),)),
             _ent("e2", "ORG", "الجامعة العربية"), _ent("e3", "LOC", "القاهرة")),
    ])
    (kerry,) = store.entity("جون كيري")
    assert [(r["day"], r["title"], r["affiliation"]) for r in kerry.roles] == [
        ("2013-02-01", "عضو مجلس الشيوخ", None), ("2014-08-01", "وزير الخارجية", "الولايات المتحدة")]
    assert [(c["name"], c["documents"]) for c in kerry.cooccurring] == [("الجامعة العربية", 2), ("القاهرة", 1)]


def test_quotes_link_to_the_global_speaker(store):
    quote = Quote(speaker="e1", speaker_text="كيري", cue=Offsets(0, 3), content=Offsets(4, 20), direct=True)
    store.write_documents([_doc("a", "2024-03-01", _ent("e1", "PER", "جون كيري"), quotes=(quote,))])
    assert [h.id for h in store.search("القاهرة", speaker="جون كيري").hits] == ["a"]
