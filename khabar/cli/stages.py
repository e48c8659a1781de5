"""`khabar stages`: what stages exist and what each needs and gives."""

from __future__ import annotations

import click

from khabar.cli import cli
from khabar.pipeline import registered_stages


@cli.command()
def stages() -> None:
    """List registered stages with what they require and produce.

    Example: khabar stages
    """
    for name, spec in sorted(registered_stages().items()):
        requires = ", ".join(sorted(spec.requires)) or "a raw page"
        produces = ", ".join(sorted(spec.produces))
        click.echo(f"{name}\n    {spec.summary}\n    requires: {requires}; produces: {produces}")
