"""Reading within a budget: every byte that enters khabar passes a limit checked while reading.

A page, an archive record or a JSON line is read up to `max_bytes` and no further; compressed
input is inflated as a stream whose output is capped (by a ratio to the compressed size and by a
total), and a run of bytes with no line break is capped too, because parsers that read lines
would otherwise hold all of it. Paths are opened without blocking and refused unless they are
regular files, so a FIFO with no writer or `/dev/zero` never hangs or fills memory.
"""

from __future__ import annotations

import fcntl
import io
import os
import stat
import zlib
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """The budget of one input: bytes per page, and how far compressed input may expand."""

    max_bytes: int = DEFAULT_MAX_BYTES  # one page, archive record or JSON line
    max_ratio: int = 100  # inflated bytes per compressed byte (text compresses 3-10 times)
    expansion_floor: int = 32 * 1024 * 1024  # the ratio applies past this much output
    max_expanded: int = 1024 * 1024 * 1024  # inflated bytes of one file in all

    def expansion_limit(self, compressed_size: int | None) -> int:
        """How many bytes a compressed file of this size may inflate to."""
        if compressed_size is None:
            return self.max_expanded
        return min(self.max_expanded, max(self.expansion_floor, self.max_ratio * compressed_size))

    @property
    def max_line_run(self) -> int:
        """The longest run without a line break that a line-reading parser may be handed."""
        return 2 * self.max_bytes + _CHUNK


class InputLimitError(Exception):
    """An input went past a read limit; `code` is the rejection code of the page it becomes."""

    code = "R109"


class TooLargeError(InputLimitError):
    """More bytes than `limit` for one page, record or line."""

    code = "R103"

    def __init__(self, limit: int) -> None:
        super().__init__(f"over the limit of {limit} bytes")
        self.limit = limit


class NotRegularError(InputLimitError):
    """A path that is a FIFO, a device or a socket."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"not a regular file ({kind})")
        self.kind = kind


def file_kind(mode: int) -> str:
    """`regular file`, `directory`, `FIFO`, `character device`, ... for a stat mode."""
    kinds = ((stat.S_ISREG, "regular file"), (stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "FIFO"),
             (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
             (stat.S_ISSOCK, "socket"))
    return next((name for test, name in kinds if test(mode)), "special file")


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading; anything else raises NotRegularError without blocking."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularError(file_kind(mode))
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """All of `stream` if it holds at most `limit` bytes; TooLargeError otherwise (memory stays
    within `limit` plus one chunk)."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise TooLargeError(limit)


class GuardedReader(io.RawIOBase):
    """A raw byte stream, inflated when it is gzip, whose output is capped.

    Raises InputLimitError past `limit` output bytes and past `max_run` bytes without a line
    break. Gzip data that ends inside a member (a cut download) ends the stream there and sets
    `truncated`, so a reader keeps what came before the cut and then records the cut.
    Concatenated gzip members (as WARC files use, one per record) are read one after another.
    """

    def __init__(self, raw: BinaryIO, *, gzip: bool, limit: int, max_run: int) -> None:
        super().__init__()
        self._raw = raw
        self._inflater = zlib.decompressobj(31) if gzip else None
        self._limit = limit
        self._max_run = max_run
        self._pending = b""
        self._done = False
        self.truncated = False
        self.produced = 0
        self._run = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self._pending and not self._done:
            self._pending = self._next_output()
        if not self._pending:
            return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _next_output(self) -> bytes:
        data = self._inflate() if self._inflater is not None else self._raw.read(_CHUNK)
        if not data:
            self._done = True
            return b""
        self.produced += len(data)
        if self.produced > self._limit:
            raise InputLimitError(f"the input expands past {self._limit} bytes (a compression bomb?)")
        newline = data.rfind(b"\n")
        self._run = len(data) - newline - 1 if newline >= 0 else self._run + len(data)
        if self._run > self._max_run:
            raise InputLimitError(f"a run of over {self._max_run} bytes without a line break")
        return data

    def _inflate(self) -> bytes:
        inflater = self._inflater
        assert inflater is not None
        while True:
            if inflater.eof:
                rest = inflater.unused_data or self._raw.read(_CHUNK)
                if not rest.strip(b"\x00"):  # the end, or padding after the last member
                    return b""
                if not rest.startswith(GZIP_MAGIC[: len(rest)]):
                    raise InputLimitError("bytes that are not gzip after a gzip member")
                inflater = self._inflater = zlib.decompressobj(31)
                compressed = rest
            else:
                compressed = inflater.unconsumed_tail or self._raw.read(_CHUNK)
                if not compressed:
                    self.truncated = True
                    return b""
            try:
                data = inflater.decompress(compressed, _CHUNK)
            except zlib.error as error:
                raise InputLimitError(f"broken gzip data: {error}") from error
            if data:
                return data


def guarded(raw: BinaryIO, *, limits: ReadLimits, compressed_size: int | None = None,
            gzip: bool | None = None) -> io.BufferedReader:
    """A buffered reader over `raw` within `limits`; gzip is sniffed from the magic bytes when
    `gzip` is None (`raw` must then support peek or seek)."""
    if gzip is None:
        gzip = _peek(raw, 2) == GZIP_MAGIC
    limit = limits.expansion_limit(compressed_size) if gzip else (compressed_size or limits.max_expanded)
    reader = GuardedReader(raw, gzip=gzip, limit=max(limit, 1), max_run=limits.max_line_run)
    return io.BufferedReader(reader, buffer_size=_CHUNK)


def was_truncated(reader: BinaryIO) -> bool:
    """Whether a reader made by `guarded` met the end of its data inside a gzip member."""
    return bool(getattr(getattr(reader, "raw", None), "truncated", False))


def _peek(raw: BinaryIO, size: int) -> bytes:
    if hasattr(raw, "peek"):
        return raw.peek(size)[:size]
    position = raw.tell()
    head = raw.read(size)
    raw.seek(position)
    return head
