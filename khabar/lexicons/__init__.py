"""Project-written word lists shipped with the package, and one reader for them.

Files are tab-separated, UTF-8, with `#` comment lines; each says in its header that the khabar
project wrote it and what it is for.
"""

from __future__ import annotations

from importlib import resources


def read_rows(name: str) -> list[list[str]]:
    """The rows of lexicon file `name` (e.g. "outlets.tsv"), split on tabs, comments skipped."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows
