"""The Spark job: the analysis pipeline as a batch over corpora bigger than one machine.

The job reads WARC files, JSON lines and text or HTML files from any path Spark can read,
runs `process_partition` over each partition inside `mapInArrow` (the pipeline is built once
per Python worker from plain configuration), and writes Parquet: the `articles` table in the
Document schema (partitioned by published day and source), then the corpus-wide tables
`stories` (MinHash LSH story clusters) and `entities` / `entity_links` (cross-article entity
merging), computed in Spark. Output replaces any earlier output at the same path in one
rename. See docs/spark.md.

`process_partition` and the page readers are plain Python; pyspark is imported only inside
the functions that need it, so `import khabar.spark` works without the `[spark]` extra.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import itertools
import json
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from khabar.config import PipelineConfig, load_config
from khabar.document import STATUS_FAILED, STATUS_OK, Document, Reason
from khabar.errors import InputError, KhabarError, StageError
from khabar.inputs import FORMATS, RawPage, read_stream
from khabar.collection.parquet import ARTICLES, PARTITION_COLUMNS, article_row

INPUT_FORMATS = FORMATS
_PAGE_FIELDS = tuple(f.name for f in dataclasses.fields(RawPage))


# ---------------------------------------------------------------------------------------------
# Plain Python: pages in, rows out (runs on the executors; testable without Spark)


def config_to_dict(config: PipelineConfig) -> dict[str, Any]:
    """A PipelineConfig as plain data (lists and dicts), safe to broadcast and pickle."""
    return {"stages": [[name, dict(options)] for name, options in config.stages],
            "policy": config.policy, "extra": dict(config.extra)}


def config_from_dict(data: dict[str, Any]) -> PipelineConfig:
    """Rebuild a PipelineConfig from `config_to_dict` output."""
    stages = tuple((name, dict(options)) for name, options in data["stages"])
    return PipelineConfig(stages, data.get("policy", "record"), dict(data.get("extra", {})))


def page_to_dict(page: RawPage) -> dict[str, Any]:
    """A RawPage as a plain dict (the form pages travel in between Spark stages)."""
    return {name: getattr(page, name) for name in _PAGE_FIELDS}


def process_partition(pages: Iterable[dict[str, Any]], config: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Analyze a partition's pages; yield one articles-table row per page, whatever happens.

    The pipeline is built once, from `config` (plain data from `config_to_dict`), always under
    the `record` policy: a rejected or crashed page becomes a row with `status` and `reason`.
    Anything that goes wrong around the pipeline (a page dict that is not a page) is caught
    per page too, so one document never fails the task.

    Example:
        >>> rows = process_partition([{"content": b"...", "format": "text"}],
        ...                          config_to_dict(load_config()))  # doctest: +SKIP
    """
    pages = iter(pages)
    first = next(pages, None)
    if first is None:  # an empty partition: don't pay for loading the pipeline
        return
    pipeline = _pipeline(config)
    for page in itertools.chain([first], pages):
        try:
            doc = pipeline(RawPage(**page))
            yield article_row(doc)
        except Exception as error:  # noqa: BLE001  one bad page must not fail the task
            yield article_row(_failed_document(page, error))


_PIPELINES: dict[str, Any] = {}  # per Python worker: Spark reuses workers across tasks


def _pipeline(config: dict[str, Any]) -> Any:
    """The pipeline for `config`, built once per worker process (models load in ~1 s)."""
    from khabar.api import load_pipeline

    key = json.dumps(config, sort_keys=True, default=str)
    if key not in _PIPELINES:
        _PIPELINES.clear()  # one configuration per job; don't keep old models alive
        _PIPELINES[key] = load_pipeline(config_from_dict(config), policy="record")
    return _PIPELINES[key]


def _failed_document(page: Any, error: Exception) -> Document:
    content = page.get("content") if isinstance(page, dict) else None
    given = page.get("id") if isinstance(page, dict) else None
    if isinstance(content, bytes):
        digest = hashlib.sha256(content).hexdigest()
    else:
        digest = hashlib.sha256(repr(page).encode("utf-8", "replace")).hexdigest()
    reason = Reason("crash", "spark.page", f"{type(error).__name__}: {error}")
    return Document(id=str(given) if given else digest[:16], status=STATUS_FAILED, reason=reason)


def local_path(uri: str) -> str:
    """`file:/data/a.txt` → `/data/a.txt` (as `khabar analyze` names it); other URIs unchanged."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return uri


def pages_from_file(path: str, data: bytes, *, fmt: str = "auto",
                    encoding: str | None = None) -> Iterator[dict[str, Any]]:
    """The pages in one input file, as dicts: a JSON-lines file, a WARC, a feed or one page.

    The file's bytes go through the same reader as `khabar analyze` and `khabar ingest`
    (`khabar.inputs.read_stream`: same origins, formats and ids), so all give the same Documents;
    an unreadable WARC becomes a page that the reader rejects.
    """
    origin = local_path(path)
    name = PurePosixPath(origin).name.lower()
    for page in read_stream(io.BytesIO(data), origin=origin, fmt=fmt, encoding=encoding,
                            name=name, size=len(data)):
        yield page_to_dict(page)


# ---------------------------------------------------------------------------------------------
# The job (driver side)


@dataclass
class JobSummary:
    """What a job did: pages by outcome and reason code, corpus-wide counts, phase timings."""

    output: str
    processed: int = 0
    ok: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    stories: int = 0
    multi_article_stories: int = 0
    entities: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        rejected = sum(self.rejected.values())
        failed = sum(self.failed.values())
        return (f"{self.processed} processed: {self.ok} ok, {rejected} rejected, {failed} failed; "
                f"{self.multi_article_stories} stories with 2+ articles, {self.entities} entities "
                f"→ {self.output}")

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def run_job(
    inputs: str | Iterable[str],
    output: str,
    *,
    config: PipelineConfig | str | None = None,
    master: str | None = None,
    input_format: str = "auto",
    encoding: str | None = None,
    partitions: int | None = None,
    corpus_steps: bool = True,
    spark: Any = None,
) -> JobSummary:
    """Analyze every page under `inputs` with Spark and write Parquet tables to `output`.

    `inputs` are paths or globs Spark can read (local, `hdfs://`, `s3a://`), comma-joined or
    a list. `config` is a PipelineConfig or a TOML path (defaults when None). `master` is a
    Spark master URL (`local[2]`); leave it None under spark-submit. `partitions` is how many
    pieces the pages are spread over (default: 3 per core). The output directory is replaced
    as a whole, only after every table was written.

    Example:
        >>> run_job("crawl/", "out/", master="local[2]")  # doctest: +SKIP
    """
    from khabar.spark.tables import assign_stories, merge_entities

    if input_format not in INPUT_FORMATS:
        raise InputError("E303", format=input_format, valid=", ".join(INPUT_FORMATS))
    settings = config if isinstance(config, PipelineConfig) else load_config(config)
    paths = [inputs] if isinstance(inputs, str) else list(inputs)
    session = spark or _session(master)
    summary = JobSummary(output=output)
    staging = _Staging(session, output)
    started = time.perf_counter()
    try:
        rows = _analyze(session, paths, settings, input_format, encoding, partitions)
        articles_path = staging.table(ARTICLES)
        rows.write.mode("overwrite").partitionBy(*PARTITION_COLUMNS).parquet(articles_path)
        summary.seconds["analyze"] = round(time.perf_counter() - started, 3)
        articles = _read_articles(session, articles_path)
        _count(articles, summary)
        if corpus_steps:
            mark = time.perf_counter()
            assign_stories(articles).write.mode("overwrite").parquet(staging.table("stories"))
            stories = session.read.parquet(staging.table("stories"))
            _count_stories(stories, summary)
            summary.seconds["stories"] = round(time.perf_counter() - mark, 3)
            mark = time.perf_counter()
            merged = merge_entities(articles, stories)
            merged.entities.write.mode("overwrite").parquet(staging.table("entities"))
            merged.links.write.mode("overwrite").parquet(staging.table("entity_links"))
            summary.entities = session.read.parquet(staging.table("entities")).count()
            summary.seconds["entities"] = round(time.perf_counter() - mark, 3)
        summary.seconds["total"] = round(time.perf_counter() - started, 3)
        staging.write_text("_summary.json", json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
        staging.commit()
    except KhabarError:
        staging.abort()
        raise
    except Exception as error:  # Py4J and Spark errors, translated once, here
        staging.abort()
        raise _translated(error, paths) from error
    except BaseException:
        staging.abort()
        raise
    return summary


def _translated(error: Exception, paths: list[str]) -> KhabarError:
    """A khabar error for a failed Spark job: a missing input, or the job's own failure."""
    text = str(error)
    if "Input path does not exist" in text or "matches 0 files" in text:
        return InputError("E301", path=", ".join(paths), detail="no such file or directory")
    first = next((line.strip() for line in text.splitlines() if line.strip()), type(error).__name__)
    return StageError("E203", stage="spark", detail=first[:500])


def _session(master: str | None) -> Any:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("khabar")
    if master:
        builder = builder.master(master)
    if (master or "").startswith("local"):
        # Local workers must run this interpreter (the one with khabar and its dependencies),
        # not whatever `python3` is first on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def _analyze(session: Any, paths: list[str], settings: PipelineConfig, input_format: str,
             encoding: str | None, partitions: int | None) -> Any:
    """The articles DataFrame (lazy): files → pages → process_partition → rows."""
    from pyspark.sql.pandas.types import to_arrow_schema

    from khabar.collection.parquet import article_schema

    context = session.sparkContext
    # binaryFiles does not descend into subdirectories unless Hadoop is told to.
    context._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    config = context.broadcast(config_to_dict(settings))
    count = partitions or 3 * context.defaultParallelism
    files = context.binaryFiles(",".join(paths), minPartitions=min(count, 64))
    pages = files.flatMap(lambda item: pages_from_file(item[0], item[1], fmt=input_format,
                                                       encoding=encoding))
    # Spread pages evenly: files differ wildly in size (one JSON-lines file can hold a day).
    spread = session.createDataFrame(pages.repartition(count).map(_page_values), _PAGE_COLUMNS)
    schema = article_schema()
    arrow_schema = to_arrow_schema(schema)
    # Rows leave the Python workers as Arrow record batches: columnar buffers the JVM reads as
    # they are, instead of JSON text it would parse on the cores the workers need.
    return spread.mapInArrow(lambda batches: _arrow_articles(batches, config.value, arrow_schema), schema)


# Pages as DataFrame rows; `extra` (arbitrary record fields) travels as JSON text.
_PAGE_COLUMNS = ", ".join(f"{name} {'binary' if name == 'content' else 'string'}" for name in _PAGE_FIELDS)
_ARROW_ROWS = 256  # rows per output batch: bounded memory whatever the partition size


def _page_values(page: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(json.dumps(page.get(name) or {}, ensure_ascii=False, default=str) if name == "extra"
                 else page.get(name) for name in _PAGE_FIELDS)


def _arrow_articles(batches: Iterable[Any], config: dict[str, Any], schema: Any) -> Iterator[Any]:
    """mapInArrow body: record batches of pages in, record batches of articles rows out."""
    import pyarrow as pa

    def pages() -> Iterator[dict[str, Any]]:
        for batch in batches:
            for page in batch.to_pylist():
                page["extra"] = json.loads(page["extra"]) if page.get("extra") else {}
                yield page

    rows: list[dict[str, Any]] = []
    for row in process_partition(pages(), config):
        rows.append(row)
        if len(rows) >= _ARROW_ROWS:
            yield pa.RecordBatch.from_pylist(rows, schema=schema)
            rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _read_articles(session: Any, path: str) -> Any:
    # Partition values stay strings (`2015-07-21` would otherwise be read back as a date).
    from khabar.collection.parquet import article_schema

    return session.read.schema(article_schema()).parquet(path)


def _count(articles: Any, summary: JobSummary) -> None:
    from pyspark.sql import functions as F

    counts = (articles.groupBy("status", F.col("reason.code").alias("code")).count().collect())
    by_status: dict[str, Counter[str]] = {"rejected": Counter(), "failed": Counter()}
    for row in counts:
        summary.processed += row["count"]
        if row["status"] == STATUS_OK:
            summary.ok += row["count"]
        elif row["status"] in by_status:
            by_status[row["status"]][row["code"] or "unknown"] += row["count"]
    summary.rejected = dict(sorted(by_status["rejected"].items()))
    summary.failed = dict(sorted(by_status["failed"].items()))


def _count_stories(stories: Any, summary: JobSummary) -> None:
    from pyspark.sql import functions as F

    sizes = stories.where(F.coalesce(F.col("kind"), F.lit("")) != "copy").groupBy("story_id").count()
    row = sizes.agg(F.count("*").alias("n"), F.sum(F.when(F.col("count") > 1, 1).otherwise(0)).alias("multi")).first()
    summary.stories = int(row["n"] or 0)
    summary.multi_article_stories = int(row["multi"] or 0)


class _Staging:
    """Writes a job's tables into a temporary sibling directory, then swaps it into place.

    Readers of `output` see the old tables or the new ones, never a mix: the new directory is
    renamed over the old one only after every table and `_summary.json` is written. On a failed
    job the staging directory is deleted and the old output is left as it was.
    """

    def __init__(self, session: Any, output: str) -> None:
        jvm = session.sparkContext._jvm
        self._Path = jvm.org.apache.hadoop.fs.Path
        self.target = self._Path(output.rstrip("/") or output)
        self.fs = self.target.getFileSystem(session.sparkContext._jsc.hadoopConfiguration())
        token = uuid.uuid4().hex[:12]
        name = self.target.getName()
        parent = self.target.getParent()
        self.staging = self._Path(parent, f".{name}.tmp-{token}") if parent else self._Path(f".{name}.tmp-{token}")
        self.retired = self._Path(parent, f".{name}.old-{token}") if parent else self._Path(f".{name}.old-{token}")

    def table(self, name: str) -> str:
        return self._Path(self.staging, name).toString()

    def write_text(self, name: str, text: str) -> None:
        stream = self.fs.create(self._Path(self.staging, name), True)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()

    def commit(self) -> None:
        had_old = self.fs.exists(self.target)
        if had_old and not self.fs.rename(self.target, self.retired):
            raise OSError(f"cannot move the old output {self.target.toString()} aside")
        if not self.fs.rename(self.staging, self.target):
            if had_old:
                self.fs.rename(self.retired, self.target)
            raise OSError(f"cannot move the new output into {self.target.toString()}")
        if had_old:
            self.fs.delete(self.retired, True)

    def abort(self) -> None:
        try:
            self.fs.delete(self.staging, True)
        except Exception:  # noqa: BLE001  cleaning up must not hide the job's own error
            pass
