"""`khabar analyze` and `khabar learn-boilerplate`."""

from __future__ import annotations

import sys

import click

from khabar.api import load_pipeline
from khabar.batch import BatchSummary, run_batch
from khabar.cli import cli
from khabar.cli.common import read_inputs
from khabar.cli.output import OUTPUT_FORMATS, write_documents
from khabar.config import load_config
from khabar.batch.corpus import learn_from_pages
from khabar.inputs import FORMATS
from khabar.inputs.archive import RawArchive


def _progress(summary: BatchSummary, doc) -> None:
    if summary.processed % 50 == 0:
        click.echo(f"\r{summary.describe()}", err=True, nl=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "out_format", type=click.Choice(OUTPUT_FORMATS), default="json",
              show_default=True, help="Output format.")
@click.option("--input-format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="How to read the inputs (auto: by file suffix, then by content; stdin is sniffed).")
@click.option("--encoding", default=None, help="Force an input encoding, e.g. windows-1256.")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="Pipeline config (TOML).")
@click.option("--boilerplate", type=click.Path(dir_okay=False), default=None,
              help="A boilerplate model from `khabar learn-boilerplate`.")
@click.option("--learn-boilerplate", "learn", is_flag=True,
              help="Corpus mode: learn each source's recurring lines from the inputs first.")
@click.option("--max-bytes", type=int, default=None,
              help="Reject pages larger than this many bytes (default 10 MiB).")
@click.option("--keep-raw", type=click.Path(file_okay=False), default=None,
              help="Directory where raw inputs are archived by content hash.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of stdout.")
@click.option("--strict", is_flag=True, help="Exit 1 when any page is rejected or fails.")
def analyze(paths, out_format, input_format, encoding, config, boilerplate, learn, max_bytes,
            keep_raw, output, strict) -> None:
    """Analyze articles: files, directories, JSON lines, WARC archives, feeds, or - for stdin.

    Example: khabar analyze examples/ --format text
    """
    settings = load_config(config)
    if boilerplate:
        settings = settings.with_stage_options("clean.auto.v2", boilerplate=boilerplate)
    if max_bytes:
        settings = settings.with_stage_options("clean.auto.v2", max_bytes=max_bytes)
    if learn:  # two passes: learn the sources' templates, then clean with them
        model = learn_from_pages(read_inputs(paths, input_format, encoding, max_bytes))
        settings = settings.with_stage_options("clean.auto.v2", boilerplate_model=model)
    pipeline = load_pipeline(settings)
    summary = BatchSummary()
    archive = RawArchive(keep_raw) if keep_raw else None
    docs = run_batch(read_inputs(paths, input_format, encoding, max_bytes), pipeline, summary,
                     archive=archive, progress=_progress)
    write_documents(docs, output, out_format)
    click.echo(f"\r{summary.describe()}", err=True)
    if strict and summary.ok < summary.processed:
        sys.exit(1)


@cli.command("learn-boilerplate")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="Where to write the model (JSON).")
@click.option("--min-pages", type=int, default=5, show_default=True,
              help="A line must recur on at least this many pages of one source.")
@click.option("--min-share", type=float, default=0.5, show_default=True,
              help="...and on at least this share of the source's pages.")
def learn_boilerplate(paths, output, min_pages, min_share) -> None:
    """Learn each source's recurring boilerplate lines from many of its pages.

    Example: khabar learn-boilerplate crawl/ -o boilerplate.json
    """
    model = learn_from_pages(read_inputs(paths), min_pages=min_pages, min_share=min_share)
    model.save(output)
    lines = sum(len(v) for v in model.sources.values())
    click.echo(f"learned {lines} boilerplate lines for {len(model.sources)} sources → {output}", err=True)

