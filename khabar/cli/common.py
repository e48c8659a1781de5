"""What several commands share: reading inputs and building the pipeline from options."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import click

from khabar.api import load_pipeline
from khabar.config import load_config
from khabar.document import Document
from khabar.inputs import FORMATS, RawPage, ReadLimits
from khabar.inputs import read_inputs as _read_inputs
from khabar.pipeline import Pipeline


def input_options(command=None, *, required: bool = True):
    """The input options of every command that analyzes pages (PATHS optional when not `required`)."""
    if command is None:
        return lambda decorated: input_options(decorated, required=required)
    command = click.option("--config", type=click.Path(dir_okay=False), default=None,
                           help="Pipeline config (TOML).")(command)
    command = click.option("--encoding", default=None,
                           help="Force an input encoding, e.g. windows-1256.")(command)
    command = click.option("--input-format", type=click.Choice(FORMATS), default="auto",
                           show_default=True,
                           help="How to read the inputs (auto: by file suffix, then by content; "
                                "stdin is sniffed).")(command)
    return click.argument("paths", nargs=-1, required=required)(command)


def read_inputs(paths: Iterable[str], input_format: str = "auto", encoding: str | None = None,
                max_bytes: int | None = None) -> Iterator[RawPage]:
    """Every page under every path, in order (paths are checked before the first is read)."""
    return _read_inputs(paths, fmt=input_format, encoding=encoding, limits=read_limits(max_bytes))


def read_limits(max_bytes: int | None) -> ReadLimits:
    """The read budget for a `--max-bytes` option (None: the default 10 MiB)."""
    return ReadLimits(max_bytes=max_bytes) if max_bytes else ReadLimits()


def analyzed(paths: Iterable[str], input_format: str, encoding: str | None,
             config: str | None) -> Iterator[Document]:
    """Analyze the inputs with the configured pipeline (record policy: bad pages come out rejected)."""
    pipeline: Pipeline = load_pipeline(load_config(config))
    for page in read_inputs(paths, input_format, encoding):
        yield pipeline(page)
