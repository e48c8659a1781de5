"""`khabar spark` (the batch job on Apache Spark) and `khabar load-parquet` (its output into SQLite)."""

from __future__ import annotations

import sys

import click

from khabar.cli import cli
from khabar.config import load_config
from khabar.errors import ConfigError


@cli.command("spark")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True,
              help="Output directory (any Hadoop path); replaced as a whole when the job succeeds.")
@click.option("--master", default=None,
              help="Spark master URL, e.g. local[2]; leave unset under spark-submit.")
@click.option("--input-format", type=click.Choice(("auto", "text", "html", "jsonl", "warc")),
              default="auto", show_default=True,
              help="How to read the inputs (auto: by file suffix).")
@click.option("--encoding", default=None, help="Force an input encoding, e.g. windows-1256.")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="Pipeline config (TOML).")
@click.option("--partitions", type=int, default=None,
              help="How many pieces to spread the pages over (default: 3 per core).")
@click.option("--no-corpus", is_flag=True, help="Skip the corpus-wide stories and entities tables.")
@click.option("--strict", is_flag=True, help="Exit 1 when any page is rejected or fails.")
def spark_command(inputs, output, master, input_format, encoding, config, partitions, no_corpus,
                  strict) -> None:
    """Analyze a corpus with Apache Spark and write Parquet tables (needs khabar[spark]).

    Example: khabar spark crawl/*.warc.gz news.jsonl -o out/ --master local[2]
    """
    try:
        from khabar.spark.job import run_job
        import pyspark  # noqa: F401
    except ImportError as error:
        raise ConfigError("E103", option="spark",
                          detail="pyspark is not installed; pip install 'khabar[spark]'") from error
    summary = run_job(list(inputs), output, config=load_config(config), master=master,
                      input_format=input_format, encoding=encoding, partitions=partitions,
                      corpus_steps=not no_corpus)
    click.echo(summary.describe(), err=True)
    if strict and summary.ok < summary.processed:
        sys.exit(1)


@cli.command("load-parquet")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--db", required=True, type=click.Path(dir_okay=False),
              help="SQLite store to write the documents into (created when missing).")
def load_parquet_command(path, db) -> None:
    """Import the articles of a `khabar spark` output into a SQLite store.

    Example: khabar load-parquet out/ --db khabar.db
    """
    from khabar.collection.parquet import load_parquet
    from khabar.store import open_store

    store = open_store(db)
    try:
        count = load_parquet(path, store)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
    click.echo(f"loaded {count} documents from {path} → {db}", err=True)
