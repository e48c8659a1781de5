"""Corpus-wide Spark steps: stories in input order, cross-article entity merging (khabar.collection rules)."""

from __future__ import annotations

import pytest

from khabar.collection.parquet import article_row
from khabar.document import Document, Entity, Mention, Source
from tests.spark_support import spark_session


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
