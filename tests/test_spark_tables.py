"""Corpus-wide Spark steps: connected components for stories, cross-article entity merging."""

from __future__ import annotations

import pytest

from khabar.document import Document, Entity, Mention, Source
from khabar.collection.parquet import article_row
from khabar.spark.tables import entity_key, folded_words
from tests.spark_support import spark_session


@pytest.mark.parametrize("name, key", [
    ("جون كيري", "جون كيري"),
    ("  جـون   كيري ", "جون كيري"),  # tatweel and spacing
    ("إسماعيل هنيّة", "اسماعيل هنيه"),  # hamza on alef, shadda, ta marbuta
    ("«الأمم المتحدة»", "الامم المتحده"),
    ("", ""),
])
def test_entity_key_folds_spelling_variants_together(name, key):
    assert entity_key(name) == key


def test_folded_words_drop_punctuation_and_diacritics():
    assert folded_words("قالَ الوزيرُ: «نعم»، 2015.") == ["قال", "الوزير", "نعم", "2015"]


@pytest.fixture(scope="module")
def spark():
    return spark_session()


def _article(doc_id: str, *entities: tuple[str, str, int], status: str = "ok") -> dict:
    records = tuple(
        Entity(f"{doc_id}-e{n}", kind, name, tuple(Mention(i, i + 1, "ner") for i in range(uses)))
        for n, (kind, name, uses) in enumerate(entities)
    )
    return article_row(Document(id=doc_id, text="نص", source=Source(name="الأفق"),
                                entities=records, status=status))


@pytest.mark.spark
@pytest.mark.slow
def test_connected_components_label_a_chain_with_its_smallest_id(spark):
    from khabar.spark.tables import connected_components

    vertices = spark.createDataFrame([(v,) for v in "abcdefg"], ["doc_id"])
    # a-b-c-d is a chain (diameter 3), e-f a pair, g alone.
    edges = spark.createDataFrame([("c", "d"), ("b", "c"), ("a", "b"), ("e", "f")], ["a", "b"])
    labels = dict(connected_components(vertices, edges).collect())
    assert labels == {"a": "a", "b": "a", "c": "a", "d": "a", "e": "e", "f": "e", "g": "g"}


@pytest.mark.spark
@pytest.mark.slow
def test_entities_merge_across_articles_and_link_unambiguous_last_names(spark):
    from khabar.collection.parquet import article_schema
    from khabar.spark.tables import merge_entities

    rows = [
        _article("d1", ("PER", "جون كيري", 3), ("LOC", "غزة", 1), ("PER", "أحمد", 1)),
        _article("d2", ("PER", "جـون كيري", 1), ("PER", "كيري", 2), ("ORG", "الأمم المتحدة", 1)),
        _article("d3", ("PER", "كيري", 1), ("LOC", "غزّة", 2), ("PER", "أحمد علي", 1), ("PER", "أحمد", 1)),
        _article("d4", ("PER", "محمد علي", 1), ("PER", "علي", 1)),  # two people end in علي
        _article("d5", ("PER", "نسيم", 4), status="rejected"),  # not ok: ignored
    ]
    merged = merge_entities(spark.createDataFrame(rows, article_schema()))
    entities = {(r["type"], r["key"]): r for r in merged.entities.collect()}
    kerry = entities[("PER", "جون كيري")]
    assert (kerry["name"], kerry["documents"], kerry["mentions"]) == ("جون كيري", 3, 7)
    assert kerry["aliases"] == sorted(["جون كيري", "جـون كيري", "كيري"])
    assert entities[("LOC", "غزه")]["documents"] == 2
    assert ("PER", "علي") in entities  # ambiguous last name: not linked
    assert ("PER", "احمد") in entities  # a first name is not a last name
    assert not any(key == "نسيم" for _type, key in entities)
    links = {(r["doc_id"], r["local_id"]): r["entity_id"] for r in merged.links.collect()}
    assert links[("d2", "d2-e1")] == links[("d1", "d1-e0")] == kerry["entity_id"]
    assert len(links) == 12
