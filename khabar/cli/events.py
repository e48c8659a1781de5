"""`khabar events`: who did what to whom, as a GDELT-like table."""

from __future__ import annotations

import click

from khabar.cli import cli
from khabar.cli.common import analyzed, input_options
from khabar.events.export import FORMATS, write_events


@cli.command()
@input_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="tsv", show_default=True,
              help="Table format (columns in docs/events.md).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of stdout.")
def events(paths, input_format, encoding, config, fmt, output) -> None:
    """Code the articles' events in CAMEO and PLOVER: one row per event.

    Example: khabar events examples/ --format tsv
    """
    write_events(analyzed(paths, input_format, encoding, config), fmt, output)
