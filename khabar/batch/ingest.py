"""Ingest: read inputs, analyze every article, and write the results into the store.

Pages are read in a fixed order (paths as given, directories sorted). Analysis runs in this
process or in `workers` processes; results come back in input order, and one writer (this
process) stores them in transactions of `batch_size` inputs. Because every input's key is
stored in the same transaction as its document, a run killed at any moment and started again
skips what was committed and redoes the rest, ending with the database an uninterrupted run
gives. Two runs into the same store at once both finish with that database too: each write
transaction checks the input keys again under the write lock, so an input the other run stored
first is skipped.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from khabar.api import load_pipeline
from khabar.batch.run import BatchSummary
from khabar.config import PipelineConfig, load_config
from khabar.inputs import RawPage, ReadLimits, read_inputs
from khabar.pipeline import Pipeline
from khabar.store.prepare import Prepared, page_key, prepare
from khabar.store.sqlite import SKIPPED, Store
from khabar.collection.stories import StoryHasher


@dataclass
class IngestSummary:
    """Counts of an ingest run: analysis outcomes by status and reason, and storage outcomes."""

    analysis: BatchSummary = field(default_factory=BatchSummary)
    stored: dict[str, int] = field(default_factory=dict)  # stored | alias | duplicate_id | skipped
    already: int = 0  # inputs found in the store before analysis (earlier runs)

    @property
    def skipped(self) -> int:
        return self.already + self.stored.get(SKIPPED, 0)

    def describe(self) -> str:
        storage = ", ".join(f"{k}: {v}" for k, v in sorted(self.stored.items()) if k != SKIPPED)
        return (f"{self.analysis.describe()}; stored ({storage or 'nothing new'}); "
                f"{self.skipped} already in the store")

    def to_dict(self) -> dict[str, object]:
        return {**self.analysis.to_dict(), "storage": dict(self.stored), "already": self.skipped}


class _Analyzer:
    """Pipeline + story hasher, built once per process."""

    def __init__(self, config: PipelineConfig) -> None:
        self.pipeline: Pipeline = load_pipeline(config, policy="record")
        self.hasher = StoryHasher()

    def __call__(self, page: RawPage) -> Prepared:
        return prepare(self.pipeline(page), page, hasher=self.hasher)


_WORKER: dict[str, _Analyzer] = {}  # one analyzer per worker process, set by its initializer


def _init_worker(config: PipelineConfig) -> None:
    _die_with_parent()
    _WORKER["analyzer"] = _Analyzer(config)


def _die_with_parent() -> None:
    """On Linux, ask for SIGTERM when the ingest process dies (even by kill -9), so no worker lingers."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _analyze_in_worker(page: RawPage) -> Prepared:
    return _WORKER["analyzer"](page)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    config: str | Path | PipelineConfig | None = None,
    workers: int = 1,
    batch_size: int = 200,
    progress: Callable[[IngestSummary], None] | None = None,
    fmt: str = "auto",
    encoding: str | None = None,
    limits: ReadLimits = ReadLimits(),
) -> IngestSummary:
    """Analyze and store every article under `paths`; returns what happened to each input.

    Example:
        >>> summary = ingest(["articles/"], open_store("khabar.db"), workers=2)  # doctest: +SKIP
    """
    settings = config if isinstance(config, PipelineConfig) else load_config(config)
    pages = read_inputs(paths, fmt=fmt, encoding=encoding, limits=limits)
    summary = IngestSummary()
    done = store.input_keys()
    fresh = (page for page in pages if _is_new(page, done, summary))
    batch: list[Prepared] = []
    for item in _analyzed(fresh, settings, workers):
        batch.append(item)
        if len(batch) >= batch_size:
            _flush(store, batch, summary, progress)
    _flush(store, batch, summary, progress)
    return summary


def _is_new(page: RawPage, done: set[str], summary: IngestSummary) -> bool:
    # Runs in the pool's feeder thread: it touches only `already`, nothing the writer updates.
    if page_key(page) in done:
        summary.already += 1
        return False
    return True


def _flush(store: Store, batch: list[Prepared], summary: IngestSummary,
           progress: Callable[[IngestSummary], None] | None) -> None:
    if not batch:
        return
    result = store.write_prepared(batch)
    for position, item in enumerate(batch):  # counted as stored: a record refused by the store as failed
        summary.analysis.add(result.failed.get(position, item.doc))
    for outcome, count in result.outcomes.items():
        summary.stored[outcome] = summary.stored.get(outcome, 0) + count
    batch.clear()
    if progress is not None:
        progress(summary)


def _analyzed(pages: Iterator[RawPage], config: PipelineConfig, workers: int) -> Iterator[Prepared]:
    if workers <= 1:
        analyzer = _Analyzer(config)
        for page in pages:
            yield analyzer(page)
        return
    # At most `window` pages are in flight, so memory stays flat on big inputs.
    window = threading.BoundedSemaphore(64 * workers)

    def throttled() -> Iterator[RawPage]:
        for page in pages:
            window.acquire()
            yield page

    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        for item in pool.imap(_analyze_in_worker, throttled(), chunksize=4):
            window.release()
            yield item
