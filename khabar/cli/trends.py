"""`khabar trends`: articles and stories per day, week or month, from the store."""

from __future__ import annotations

import csv
import json
import sys

import click

from khabar.cli import cli
from khabar.store.sqlite import open_store
from khabar.store.trends import PERIODS, SPLITS, Filters
from khabar.web.trends import CSV_COLUMNS, trends

DB_OPTION = click.option("--db", "db", type=click.Path(dir_okay=False), default="khabar.db",
                         show_default=True, help="The SQLite store.")


def filter_options(command):
    """The filters that trends, the article list and watches share (khabar.store.trends.Filters)."""
    for name, text in reversed((
            ("--q", "Words and \"quoted phrases\" the articles contain."),
            ("--entity", "Only articles that mention this entity."),
            ("--source", "Only this outlet (name or domain)."),
            ("--actor", "Only articles with an event by or on this actor code (a prefix)."),
            ("--root", "Only articles with an event of this CAMEO root (two digits)."),
            ("--since", "From this day on (YYYY, YYYY-MM or YYYY-MM-DD)."),
            ("--until", "Up to this day, inclusive (a prefix includes its whole year or month)."))):
        command = click.option(name, default=None, help=text)(command)
    return command


@cli.command("trends")
@DB_OPTION
@filter_options
@click.option("--by", type=click.Choice(PERIODS), default="day", show_default=True, help="The period counted.")
@click.option("--split", type=click.Choice(SPLITS), default="none", show_default=True,
              help="One series in all, or one per outlet.")
@click.option("--format", "fmt", type=click.Choice(("json", "csv")), default="json", show_default=True)
def trends_command(db, q, entity, source, actor, root, since, until, by, split, fmt) -> None:
    """Count articles and stories (each story once) per period, as GET /trends does.

    Example: khabar trends --db khabar.db --q الحج --by week --split source --format csv
    """
    filters = Filters(q=q, entity=entity, source=source, actor=actor, root=root, since=since, until=until)
    with open_store(db, create=False) as store:
        data = trends(store, filters, by=by, split=split)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2))
        return
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for series in data["series"]:
        for point in series["points"]:
            writer.writerow([series["key"], point["date"], point["articles"], point["stories"]])
