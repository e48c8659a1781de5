"""`khabar quotes`: who said what, as a table."""

from __future__ import annotations

import click

from khabar.cli import cli
from khabar.cli.common import analyzed, input_options
from khabar.quotes import format_quotes_table


@cli.command()
@input_options
def quotes(paths, input_format, encoding, config) -> None:
    """Print each article's quotes: speaker, role, cue and quote.

    Example: khabar quotes examples/wire.jsonl
    """
    for doc in analyzed(paths, input_format, encoding, config):
        if doc.status != "ok":
            click.echo(f"[{doc.id}] {doc.status}: {doc.reason.code if doc.reason else ''}", err=True)
            continue
        click.echo(f"# {doc.title or doc.id}")
        click.echo(format_quotes_table(doc) if doc.quotes else "(no quotes)")
        click.echo()
