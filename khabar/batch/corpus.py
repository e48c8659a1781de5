"""Corpus mode: learn each source's recurring boilerplate lines from many of its pages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from khabar.errors import Rejected
from khabar.inputs import RawPage
from khabar.reading.boilerplate import BoilerplateModel, learn_boilerplate
from khabar.stages.read import Cleaner


def learn_from_pages(pages: Iterable[RawPage], *, cleaner: Cleaner | None = None,
                     min_pages: int = 5, min_share: float = 0.5) -> BoilerplateModel:
    """Learn a BoilerplateModel from raw pages; pages that cannot be read are skipped."""
    cleaner = cleaner or Cleaner()

    def page_lines() -> Iterator[tuple[str, list[str]]]:
        for page in pages:
            try:
                extracted = cleaner.extract(page)
            except Rejected:
                continue
            yield extracted.source_key, [block.text for block in extracted.blocks]

    return learn_boilerplate(page_lines(), min_pages=min_pages, min_share=min_share)
