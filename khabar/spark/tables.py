"""Corpus-wide steps of the Spark job, done in Spark DataFrames (nothing is collected to the driver).

Stories: each ok article becomes a set of folded word shingles (`khabar.arabic.fold`, then
`shingle` words in a row), hashed into a sparse binary vector. MinHashLSH's
`approxSimilarityJoin` finds pairs whose Jaccard distance is at most `max_distance`; the
connected components of that pair graph, found by iterative min-label propagation, are the
stories. A story's id is derived from its smallest article id, so it is stable across runs.

Entities: every entity of every ok article is keyed by type plus its folded name; all entities
with the same key are one corpus entity. A one-word person name (`كيري`) is then linked to the
one multi-word person whose last word it is (`جون كيري`), only when exactly one such person
exists in the corpus. See docs/spark.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from khabar.arabic import fold

_WORD = re.compile(r"\w+")
PERSON = "PER"


def folded_words(text: str | None) -> list[str]:
    """The words of `text` after folding (no diacritics or tatweel, unified alef/ya/ta marbuta)."""
    return _WORD.findall(fold(text or ""))


def entity_key(name: str | None) -> str:
    """The merge key of an entity name: its folded words joined by one space."""
    return " ".join(folded_words(name))


def cluster_stories(articles: Any, *, shingle: int = 3, max_distance: float = 0.6,
                    hash_tables: int = 5, features: int = 1 << 20, max_rounds: int = 30) -> Any:
    """One row per ok article: `doc_id`, `story_id`, `story_size`.

    An article too short to make one shingle is a story of its own.
    """
    from pyspark.ml.feature import HashingTF, MinHashLSH, NGram
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, StringType

    # Wrapped in lambdas: Spark 4 reads a UDF's type hints as a pandas UDF signature.
    words = F.udf(lambda text: folded_words(text), ArrayType(StringType()))
    docs = articles.where(F.col("status") == "ok").select(F.col("id").alias("doc_id"), "text")
    ok = docs.select("doc_id", words("text").alias("words"))
    grams = NGram(n=shingle, inputCol="words", outputCol="shingles").transform(ok)
    grams = grams.where(F.size("shingles") > 0)
    hashed = HashingTF(inputCol="shingles", outputCol="features", numFeatures=features,
                       binary=True).transform(grams).select("doc_id", "features")
    # Fitting and both sides of the join read the vectors: compute them (and the UDF) once.
    hashed = hashed.localCheckpoint()
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=hash_tables,
                       seed=20150721).fit(hashed)
    pairs = (model.approxSimilarityJoin(hashed, hashed, max_distance, distCol="distance")
             .select(F.col("datasetA.doc_id").alias("a"), F.col("datasetB.doc_id").alias("b"))
             .where(F.col("a") < F.col("b")))
    labels = connected_components(docs.select("doc_id").distinct(), pairs, max_rounds=max_rounds)
    sizes = labels.groupBy("label").agg(F.count("*").alias("story_size"))
    return (labels.join(sizes, "label")
            .select("doc_id",
                    F.concat(F.lit("s-"), F.substring(F.sha1(F.col("label")), 1, 16)).alias("story_id"),
                    "story_size"))


def connected_components(vertices: Any, edges: Any, *, max_rounds: int = 30) -> Any:
    """`doc_id`, `label`: each vertex labelled with the smallest id in its component.

    Iterative min-label propagation over undirected `edges` (`a`, `b`): each round every vertex
    takes the smallest label among itself and its neighbours, until no label changes. Rounds
    are at most the graph's diameter; each round's result is checkpointed so plans stay short.
    """
    from pyspark.sql import functions as F

    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    both = both.localCheckpoint()
    labels = vertices.select("doc_id", F.col("doc_id").alias("label")).localCheckpoint()
    for _ in range(max_rounds):
        offered = (both.join(labels, both.a == labels.doc_id)
                   .groupBy(F.col("b").alias("doc_id")).agg(F.min("label").alias("offered")))
        updated = (labels.join(offered, "doc_id", "left")
                   .select("doc_id",
                           F.least("label", F.coalesce("offered", "label")).alias("label"),
                           F.coalesce(F.col("offered") < F.col("label"), F.lit(False)).alias("changed"))
                   .localCheckpoint())
        labels = updated.select("doc_id", "label")
        if updated.where("changed").isEmpty():
            break
    return labels


@dataclass(frozen=True)
class MergedEntities:
    """The corpus entity table and the links from each article's entities to it."""

    entities: Any  # entity_id, type, key, name, aliases, documents, mentions
    links: Any  # doc_id, local_id, entity_id, name, type


def merge_entities(articles: Any) -> MergedEntities:
    """Merge entities across articles by type + folded name, then link unambiguous last names."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    key = F.udf(lambda name: entity_key(name), StringType())
    local = (articles.where(F.col("status") == "ok")
             .select(F.col("id").alias("doc_id"), F.explode("entities").alias("e"))
             .select("doc_id", F.col("e.id").alias("local_id"), F.col("e.type").alias("type"),
                     F.col("e.name").alias("name"), F.size("e.mentions").alias("mentions"))
             .withColumn("key", key("name"))
             .where(F.col("key") != ""))
    keys = local.select("type", "key").distinct()
    # Last-name linking: a one-word person key → the only multi-word person key ending in it.
    full = (keys.where((F.col("type") == PERSON) & (F.size(F.split("key", " ")) > 1))
            .withColumn("last", F.element_at(F.split("key", " "), -1)))
    unique_last = (full.groupBy("last").agg(F.count("*").alias("n"), F.first("key").alias("full_key"))
                   .where(F.col("n") == 1).select("last", "full_key"))
    single = keys.where((F.col("type") == PERSON) & (F.size(F.split("key", " ")) == 1))
    renames = (single.join(unique_last, single.key == unique_last["last"])
               .select(F.col("type"), F.col("key"), F.col("full_key")))
    linked = (local.join(renames, ["type", "key"], "left")
              .withColumn("merged_key", F.coalesce("full_key", "key"))
              .withColumn("entity_id", F.concat(
                  F.lit("e-"), F.substring(F.sha1(F.concat_ws(":", "type", "merged_key")), 1, 16)))
              .localCheckpoint())  # both tables below read it: run the UDF and joins once
    links = linked.select("doc_id", "local_id", "entity_id", "name", "type")
    # The display name: the most used full form (a linked last name never wins), ties broken
    # by the smaller string, so the choice does not depend on partitioning.
    names = (linked.groupBy("entity_id", "name")
             .agg(F.max(F.col("full_key").isNotNull()).alias("short"), F.sum("mentions").alias("uses"))
             .groupBy("entity_id")
             .agg(F.min(F.struct("short", -F.col("uses"), F.col("name"))).alias("best"))
             .select("entity_id", F.col("best.name").alias("name")))
    entities = (linked.groupBy("entity_id", "type", F.col("merged_key").alias("key"))
                .agg(F.sort_array(F.collect_set("name")).alias("aliases"),
                     F.countDistinct("doc_id").alias("documents"),
                     F.sum("mentions").alias("mentions"))
                .join(names, "entity_id")
                .select("entity_id", "type", "key", "name", "aliases", "documents", "mentions"))
    return MergedEntities(entities, links)
