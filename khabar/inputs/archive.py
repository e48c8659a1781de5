"""A content-addressed archive of raw inputs, so any article can be reprocessed later.

Each page's bytes are stored once, gzip-compressed, under `<root>/<sha[:2]>/<sha>.gz`. Writing
the same bytes twice is a no-op. Files are written to a temporary name and renamed, so a crash
never leaves a half-written blob under its final name.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from khabar.errors import InputError
from khabar.inputs import RawPage


class RawArchive:
    """Raw page bytes on disk, addressed by their SHA-256."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.gz"

    def put(self, page: RawPage) -> str:
        """Store the page's bytes (once) and return their SHA-256."""
        sha = page.sha256
        target = self.path_for(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(f".tmp{os.getpid()}")
            temporary.write_bytes(gzip.compress(page.content, mtime=0))
            os.replace(temporary, target)
        return sha

    def get(self, sha256: str) -> bytes:
        """The raw bytes stored under `sha256`."""
        try:
            return gzip.decompress(self.path_for(sha256).read_bytes())
        except OSError as error:
            raise InputError("E301", path=str(self.path_for(sha256)), detail=str(error)) from error
