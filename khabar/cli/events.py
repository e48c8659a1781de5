"""`khabar events`: who did what to whom, as a GDELT-like table, from new articles or from the store."""

from __future__ import annotations

import click

from khabar.cli import cli
from khabar.cli.common import analyzed, input_options
from khabar.events.export import FORMATS, confident_events, write_event_rows, write_events
from khabar.store.event_table import iter_event_rows
from khabar.store.sqlite import open_store


@cli.command()
@input_options(required=False)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="tsv", show_default=True,
              help="Table format (columns in docs/events.md).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of stdout.")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Read the events stored in this store instead of analyzing PATHS.")
@click.option("--since", default=None, help="With --db: events from this day on (YYYY-MM-DD).")
@click.option("--until", default=None, help="With --db: events up to this day, inclusive.")
@click.option("--actor", default=None, help="With --db: events by or on this actor code (a prefix).")
@click.option("--root", default=None, help="With --db: events of this CAMEO root (two digits).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Only events whose calibrated confidence is at least this (0 to 1).")
def events(paths, input_format, encoding, config, fmt, output, db, since, until, actor, root,
           min_confidence) -> None:
    """Code the articles' events in CAMEO and PLOVER: one row per event.

    With --db, the table holds the store's events (the rows of GET /events, newest first).

    Example: khabar events examples/ --format tsv

    Example: khabar events --db khabar.db --since 2015-07-01 --actor SAU --format csv

    Example: khabar events examples/ --min-confidence 0.8
    """
    if bool(paths) == bool(db):
        raise click.UsageError("give either PATHS to analyze or --db to read a store")
    if not db:
        docs = analyzed(paths, input_format, encoding, config)
        write_events(confident_events(docs, min_confidence or 0.0), fmt, output)
        return
    with open_store(db, create=False) as store:
        rows = iter_event_rows(store.conn, since=since, until=until, actor=actor, root=root,
                               min_confidence=min_confidence)
        write_event_rows(rows, fmt, output)
