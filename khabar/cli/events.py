"""`khabar events`: who did what to whom, as a GDELT-like table, from new articles or from the store."""

from __future__ import annotations

import click

from khabar.cli import cli
from khabar.cli.common import analyzed, input_options
from khabar.events.export import FORMATS, write_event_rows, write_events
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
def events(paths, input_format, encoding, config, fmt, output, db, since, until, actor, root) -> None:
    """Code the articles' events in CAMEO and PLOVER: one row per event.

    With --db, the table holds the store's events (the rows of GET /events, newest first).

    Example: khabar events examples/ --format tsv

    Example: khabar events --db khabar.db --since 2015-07-01 --actor SAU --format csv
    """
    if bool(paths) == bool(db):
        raise click.UsageError("give either PATHS to analyze or --db to read a store")
    if not db:
        write_events(analyzed(paths, input_format, encoding, config), fmt, output)
        return
    with open_store(db, create=False) as store:
        rows = iter_event_rows(store.conn, since=since, until=until, actor=actor, root=root)
        write_event_rows(rows, fmt, output)
