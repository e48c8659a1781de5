"""The `khabar` command: one verb per library function, each in a small module.

Errors are translated here, once: a KhabarError prints `ErrorName: message` on stderr and exits
1; usage errors exit 2 (click's convention).
"""

from __future__ import annotations

import sys

import click

from khabar.errors import KhabarError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="khabar")
def cli() -> None:
    """Arabic news into structured, searchable knowledge.

    Example: khabar analyze examples/ --format text
    """


def _register_commands() -> None:
    from khabar.cli import (analyze, events, quotes, serve, spark, stages, store, trends,  # noqa: F401
                            watch)  # each module adds its commands


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and translate khabar errors into exit code 1."""
    try:
        cli.main(args=argv, prog_name="khabar", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except KhabarError as error:
        click.echo(f"{type(error).__name__}: {error.code} {error.message}", err=True)
        sys.exit(1)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
