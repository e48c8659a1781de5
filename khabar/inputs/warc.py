"""The one WARC (and ARC) reader: HTML and text responses of an archive, read from a binary stream.

`khabar analyze`, `khabar ingest`, the Spark job and the web API all read archives here, from a
path or from bytes, and get the same pages with the same ids and origins (`archive#N`, N counting
the archive's records). A broken archive never stops the walk: the pages before the break come
out, then one failure page that the reader stage rejects with a reason code. An archive is
inflated by `limits.guarded`, so a gzip bomb or a record with no line break stops at the limit
instead of filling memory.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from khabar.inputs.limits import InputLimitError, ReadLimits, TooLargeError, guarded, read_at_most, was_truncated
from khabar.inputs.page import RawPage, failure_page

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_KEPT_RECORDS = ("response", "resource")


def iter_warc(stream: BinaryIO, *, origin: str, limits: ReadLimits = ReadLimits(),
              size: int | None = None, arc: bool | None = None) -> Iterator[RawPage]:
    """One page per successful HTML or plain-text `response`/`resource` record.

    `size` is the compressed size when known (it bounds how far the archive may inflate);
    `arc` says the archive is in the older ARC format (by default: from the origin's suffix).
    """
    from warcio.archiveiterator import ArchiveIterator

    is_arc = origin.lower().endswith((".arc", ".arc.gz")) if arc is None else arc
    number = 0
    where = origin
    try:
        inflated = guarded(stream, limits=limits, compressed_size=size)
        if not inflated.peek(16).lstrip(b"\r\n").startswith((b"WARC/", b"filedesc:")):
            # Checked before warcio parses: it would read any bytes in search of a header line.
            yield failure_page(origin, "no WARC records found")
            return
        records = ArchiveIterator(inflated, arc2warc=is_arc)
        for record in records:
            if record.rec_type is None or (record.format != "warc" and not is_arc):
                continue  # warcio reads any text as an ARC record; a .warc file must hold WARC
            number += 1
            where = f"{origin}#{number}"
            kind = _content_type(record)
            if kind is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                content = read_at_most(record.content_stream(), limits.max_bytes)
            except TooLargeError as error:
                yield failure_page(where, f"record {number}: {error}", code=error.code, url=url)
                continue
            if getattr(record.raw_stream, "limit", 0):  # the block is shorter than it says
                yield failure_page(where, f"archive truncated inside record {number}")
                return
            yield RawPage(content=content, format="text" if kind.startswith("text/plain") else "html",
                          origin=where, url=url, encoding=_charset(kind),
                          extra={"fetched": record.rec_headers.get_header("WARC-Date")})
    except InputLimitError as error:
        yield failure_page(f"{origin}#{number + 1}", f"archive unreadable after {number} records: "
                           f"{error}", code=error.code)
        return
    except Exception as error:  # noqa: BLE001  warcio and zlib raise many kinds on a broken archive
        yield failure_page(f"{origin}#{number + 1}", f"archive broken after {number} records: "
                           f"{type(error).__name__}: {error}")
        return
    if was_truncated(inflated):  # warcio stops quietly at a cut gzip member
        yield failure_page(f"{origin}#{number + 1}", f"archive truncated after {number} records")
    elif not number:  # warcio stops quietly on bytes that are not an archive at all
        yield failure_page(origin, "no WARC records found")


def _content_type(record) -> str | None:  # type: ignore[no-untyped-def]
    """The page's content type, '' when none is given, None for a record that is no page."""
    if record.rec_type not in _KEPT_RECORDS:
        return None
    http = record.http_headers
    if http is not None and http.get_statuscode() not in (None, "200"):
        return None  # redirects and error pages are not articles
    kind = (http.get_header("Content-Type") if http is not None
            else record.rec_headers.get_header("Content-Type")) or ""
    lowered = kind.lower()
    if kind and "html" not in lowered and not lowered.startswith("text/plain"):
        return None  # images, scripts, style sheets, feeds
    return lowered


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
            try:
                codecs.lookup(charset)
            except LookupError:
                return None  # a server's typo is no reason to lose the page: detect instead
            return charset
    return None
