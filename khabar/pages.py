"""Moved to `khabar.inputs`; this name stays until every caller imports from there."""

from khabar.inputs import FORMATS, RawPage, domain_of, iter_pages, page_from_record  # noqa: F401
