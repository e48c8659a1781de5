"""`khabar watch add | list | rm | check`: saved searches that every ingest checks."""

from __future__ import annotations

import json
import sys

import click

from khabar.cli import cli
from khabar.cli.trends import DB_OPTION
from khabar.store.sqlite import open_store
from khabar.store.trends import Filters
from khabar.store.watches import add_watch, check_watches, list_watches, remove_watch

SPIKE_EXIT = 3


@cli.group("watch")
def watch() -> None:
    """Save searches that every ingest checks, and report their new articles and spikes.

    Example: khabar watch add hajj --q الحج --db khabar.db
    """


@watch.command("add")
@click.argument("name")
@click.option("--q", default=None, help="Words and \"quoted phrases\" the articles contain.")
@click.option("--entity", default=None, help="Only articles that mention this entity.")
@click.option("--source", default=None, help="Only this outlet (name or domain).")
@DB_OPTION
def add_command(name, q, entity, source, db) -> None:
    """Save a watch; from now on every ingest records the articles it matches.

    Example: khabar watch add hajj --q الحج --source "صحيفة الرياض" --db khabar.db
    """
    with open_store(db, create=False) as store:
        added = add_watch(store.conn, name, Filters(q=q, entity=entity, source=source))
    click.echo(f"watch {added.name} added: {added.filters.to_json()}", err=True)


@watch.command("list")
@DB_OPTION
def list_command(db) -> None:
    """List the watches and their filters.

    Example: khabar watch list --db khabar.db
    """
    with open_store(db, create=False) as store:
        for item in list_watches(store.conn):
            click.echo(f"{item.name}\t{item.filters.to_json()}\tsince {item.created}")


@watch.command("rm")
@click.argument("name")
@DB_OPTION
def rm_command(name, db) -> None:
    """Delete a watch and the matches it recorded.

    Example: khabar watch rm hajj --db khabar.db
    """
    with open_store(db, create=False) as store:
        remove_watch(store.conn, name)
    click.echo(f"watch {name} removed", err=True)


@watch.command("check")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(("json", "text")), default="text", show_default=True)
def check_command(db, fmt) -> None:
    """Report each watch's matches since the last check and whether its last day is a spike.

    Exits 0 when no watch spikes and 3 when one does (spike rule in docs/store.md); the matches
    reported are marked as seen.

    Example: khabar watch check --db khabar.db --format json
    """
    with open_store(db, create=False) as store:
        reports = check_watches(store.conn)
    if fmt == "json":
        click.echo(json.dumps({"watches": reports}, ensure_ascii=False, sort_keys=True, indent=2))
    else:
        for report in reports:
            flag = "  SPIKE" if report["spike"] else ""
            click.echo(f"{report['name']}: {len(report['new'])} new{flag}")
            for match in report["new"]:
                where = f"{match['source'] or '-'}  {match['day'] or '-'}"
                click.echo(f"    {match['id']}  {where}  {match['title'] or ''}")
    if any(report["spike"] for report in reports):
        sys.exit(SPIKE_EXIT)
