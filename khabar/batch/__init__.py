"""Running the analysis over many pages: a batch (`run`), a batch into the store (`ingest`), and
corpus mode (`corpus`: learning each outlet's boilerplate from many of its pages).

This layer sits above the pipeline and the store, and joins them; the store never imports it.
"""

from khabar.batch.run import BatchSummary, run_batch

__all__ = ["BatchSummary", "run_batch"]
