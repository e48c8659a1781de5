"""Builds small WARC files for tests (warcio), so no archive needs to be committed."""

from __future__ import annotations

import io

import pytest


def make_warc(records: list[tuple[str, str, bytes, str]], *, gzip: bool = True) -> bytes:
    """A WARC holding one response record per (url, status, body, content type)."""
    pytest.importorskip("warcio", reason="warcio is not installed: pip install -e '.[spark]'")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, status, body, content_type in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                           http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()
