"""Batches: many pages through one pipeline, counted by outcome and reason code.

A batch never stops on one bad page: the pipeline runs under the `record` policy, so every page
comes out as exactly one Document (ok, rejected or failed), and the summary counts each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from khabar.document import STATUS_FAILED, STATUS_OK, STATUS_REJECTED, Document
from khabar.inputs import RawPage
from khabar.pipeline import Pipeline
from khabar.inputs.archive import RawArchive


@dataclass
class BatchSummary:
    """How a batch went: documents by status, rejections and failures by reason code."""

    processed: int = 0
    ok: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)

    def add(self, doc: Document) -> None:
        self.processed += 1
        reason = doc.reason.code if doc.reason else "unknown"
        if doc.status == STATUS_OK:
            self.ok += 1
        elif doc.status == STATUS_REJECTED:
            self.rejected[reason] += 1
        elif doc.status == STATUS_FAILED:
            self.failed[reason] += 1

    def describe(self) -> str:
        """One line for humans: `12 processed: 10 ok, 1 rejected (empty: 1), 1 failed (...)`."""

        def part(label: str, counts: Counter[str]) -> str:
            total = sum(counts.values())
            detail = ", ".join(f"{code}: {n}" for code, n in sorted(counts.items()))
            return f"{total} {label}" + (f" ({detail})" if detail else "")

        return (f"{self.processed} processed: {self.ok} ok, "
                f"{part('rejected', self.rejected)}, {part('failed', self.failed)}")

    def to_dict(self) -> dict[str, object]:
        return {"processed": self.processed, "ok": self.ok,
                "rejected": dict(self.rejected), "failed": dict(self.failed)}


def run_batch(
    pages: Iterable[RawPage],
    pipeline: Pipeline,
    summary: BatchSummary,
    *,
    archive: RawArchive | None = None,
    progress: Callable[[BatchSummary, Document], None] | None = None,
) -> Iterator[Document]:
    """Process pages lazily, keeping raw bytes in `archive` and counting into `summary`."""
    for page in pages:
        if archive is not None and page.content:
            archive.put(page)
        doc = pipeline(page)
        summary.add(doc)
        if progress is not None:
            progress(summary, doc)
        yield doc
