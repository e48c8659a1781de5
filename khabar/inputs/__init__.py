"""Inputs: the one family of readers that turns files, archives, feeds, JSON lines and stdin
into `RawPage`s, every byte within a read budget.

    paths.read_inputs    paths → pages (files, directories, `-`), checked up front
    paths.read_stream    one binary stream → pages, its kind from the name or the bytes
    warc.iter_warc       WARC/ARC records (the only archive reader: CLI, store, Spark, web)
    records.iter_jsonl   JSON-lines article records, line by line
    feeds.iter_feed      RSS/Atom items
    limits               the read budget: bounded reads, capped inflation, regular files only
    page                 RawPage, and the failure page whose id derives from its origin
"""

from khabar.inputs.limits import DEFAULT_MAX_BYTES, ReadLimits
from khabar.inputs.page import FAILURE, RawPage, domain_of, failure_page
from khabar.inputs.paths import FORMATS, iter_pages, read_inputs, read_stream
from khabar.inputs.records import iter_jsonl, page_from_record
from khabar.inputs.warc import iter_warc

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FAILURE",
    "FORMATS",
    "RawPage",
    "ReadLimits",
    "domain_of",
    "failure_page",
    "iter_jsonl",
    "iter_pages",
    "iter_warc",
    "page_from_record",
    "read_inputs",
    "read_stream",
]
