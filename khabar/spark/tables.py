"""Corpus-wide steps of the Spark job: stories and collection entities, by the definitions in
khabar.collection, so a corpus gets the same stories and entities on Spark as in the SQLite store.

Stories: the executors compute each ok article's story features (`StoryHasher`, the same
MinHash signature, LSH bands and title+lead forms the store computes), its day and its place in
input order. A story is decided against *earlier* articles with document frequencies counted
*so far* (khabar.collection.stories), so the assignment is one pass in input order: the driver
streams the features in that order (`toLocalIterator`, one partition at a time) through a
`StoryIndex`, the store's story tables in a temporary SQLite file. Its memory stays flat; it
keeps one small row per article for the result table.

Entities: every entity of every stored article (exact copies are aliases of their first
article, as in the store) is keyed by `entity_key`; a one-word person key joins the corpus's only
multi-word person key of its type ending in it; the display name is `best_name`'s choice.
See docs/spark.md.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from typing import Any

from khabar.arabic.forms import terms_of
from khabar.collection import entities as rules
from khabar.collection.day import day_number, parse_day
from khabar.collection.stories import StoryHasher, StoryIndex, input_order, text_key

def _features(rows: Any) -> Any:
    """mapPartitions body: (doc id, title, text, published, origin) → story feature rows."""
    hasher = StoryHasher()  # holds the MinHash permutations: one per partition
    for doc_id, title, text, published, origin in rows:
        if not (text or "").strip():
            continue
        features = hasher.features(title, text, words=terms_of(text))
        path, position = input_order(origin)
        yield (path, position, doc_id, day_number(parse_day(published)), features.near,
               list(features.near_bands), " ".join(features.topic), " ".join(features.title), text_key(text))


def assign_stories(articles: Any) -> Any:
    """One row per stored article: `doc_id`, `story_id`, `story_size`, and the earlier article
    that decided its story (`linked_id`, `kind` near|story|copy, `score`), or nulls."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import (ArrayType, BinaryType, DoubleType, IntegerType, LongType, StringType,
                                   StructField, StructType)

    from khabar.collection.stories import StoryFeatures

    session = articles.sparkSession
    ok = articles.where(F.col("status") == "ok").select(
        "id", "title", "text", "published", F.col("raw.origin").alias("origin"))
    schema = StructType([
        StructField("path", StringType()), StructField("position", LongType()),
        StructField("doc_id", StringType()), StructField("day", IntegerType()),
        StructField("near", BinaryType()), StructField("bands", ArrayType(LongType())),
        StructField("topic", StringType()), StructField("title", StringType()),
        StructField("text_key", StringType())])
    features = session.createDataFrame(ok.rdd.map(tuple).mapPartitions(_features), schema)
    ordered = features.orderBy("path", "position", "doc_id")
    result = []
    with tempfile.TemporaryDirectory(prefix="khabar-stories-") as scratch:
        index = StoryIndex(os.path.join(scratch, "index.db"))
        try:
            for row in ordered.toLocalIterator():
                found = StoryFeatures(near=bytes(row["near"]), near_bands=tuple(row["bands"]),
                                      topic=tuple(row["topic"].split()), title=tuple(row["title"].split()))
                assigned = index.add(row["doc_id"], row["day"], found, row["text_key"])
                if assigned is not None:
                    result.append((assigned.doc_id, assigned.story_id, assigned.linked_id,
                                   assigned.kind, assigned.score))
        finally:
            index.close()
    out_schema = StructType([
        StructField("doc_id", StringType(), False), StructField("story_id", StringType(), False),
        StructField("linked_id", StringType()), StructField("kind", StringType()),
        StructField("score", DoubleType())])
    assigned = session.createDataFrame(result, out_schema)
    # A story's size counts its stored articles; an exact copy is an alias, as in the store.
    sizes = (assigned.where(F.coalesce(F.col("kind"), F.lit("")) != "copy")
             .groupBy("story_id").agg(F.count("*").alias("story_size")))
    return (assigned.join(sizes, "story_id", "left")
            .select("doc_id", "story_id", F.coalesce("story_size", F.lit(1)).alias("story_size"),
                    "linked_id", "kind", "score"))


@dataclass(frozen=True)
class MergedEntities:
    """The corpus entity table and the links from each article's entities to it."""

    entities: Any  # entity_id, type, key, name, aliases, documents, mentions
    links: Any  # doc_id, local_id, entity_id, name, type


def merge_entities(articles: Any, stories: Any | None = None) -> MergedEntities:
    """Merge entities across stored articles by `entity_key`, then link unambiguous last names.

    With `stories` (from `assign_stories`), exact copies are left out, as the store leaves them.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import BooleanType, StringType

    key = F.udf(lambda kind, name: rules.entity_key(kind or "", name or ""), StringType())
    person = F.udf(lambda kind: rules.is_person(kind or ""), BooleanType())
    display = F.udf(lambda name, merged: rules.display_name(name, merged), StringType())
    ok = articles.where(F.col("status") == "ok")
    if stories is not None:
        stored = stories.where(F.coalesce(F.col("kind"), F.lit("")) != "copy").select(F.col("doc_id").alias("id"))
        ok = ok.join(stored, "id", "left_semi")
    ok = ok.dropDuplicates(["id"])  # the same page read twice is one stored article
    local = (ok.select(F.col("id").alias("doc_id"), F.explode("entities").alias("e"))
             .select("doc_id", F.col("e.id").alias("local_id"), F.col("e.type").alias("type"),
                     F.col("e.name").alias("name"),
                     F.greatest(F.lit(1), F.size("e.mentions")).alias("mentions"))
             .withColumn("key", key("type", "name"))
             .withColumn("person", person("type")))
    keys = local.select("type", "key", "person").distinct()
    # Last-name linking: a one-word person key → the only multi-word person key of its type
    # ending in it.
    words = F.size(F.split("key", " "))
    full = (keys.where(F.col("person") & (words > 1))
            .withColumn("last", F.element_at(F.split("key", " "), -1)))
    unique_last = (full.groupBy("type", "last").agg(F.count("*").alias("n"), F.first("key").alias("full_key"))
                   .where(F.col("n") == 1).select("type", F.col("last").alias("key"), "full_key"))
    linked = (local.join(unique_last, ["type", "key"], "left")
              .withColumn("merged_key", F.coalesce("full_key", "key"))
              .withColumn("entity_id", F.concat(
                  F.lit("e-"), F.substring(F.sha1(F.concat_ws(":", "type", "merged_key")), 1, 16)))
              .localCheckpoint())  # both tables below read it: run the UDFs and joins once
    links = linked.select("doc_id", "local_id", "entity_id", "name", "type")
    # The display name (collection.entities.best_name): of the names whose own key is the
    # entity's key, the one most article entities use, ties to the shorter then smaller string.
    names = (linked.where(F.col("key") == F.col("merged_key"))
             .groupBy("entity_id", "name", "merged_key").agg(F.count("*").alias("uses"))
             .groupBy("entity_id")
             .agg(F.min(F.struct(-F.col("uses"), F.length("name"), F.col("name"), F.col("merged_key")))
                  .alias("best"))
             .select("entity_id", display(F.col("best.name"), F.col("best.merged_key")).alias("name")))
    entities = (linked.groupBy("entity_id", "type", F.col("merged_key").alias("key"))
                .agg(F.sort_array(F.collect_set("name")).alias("aliases"),
                     F.countDistinct("doc_id").alias("documents"),
                     F.sum("mentions").alias("mentions"))
                .join(names, "entity_id", "left")
                .select("entity_id", "type", "key", F.coalesce("name", "key").alias("name"), "aliases",
                        "documents", "mentions"))
    return MergedEntities(entities, links)
