"""Arabic fonts served from an installed font package (no CDN, no network).

The font files ship inside the `fontpkg-noto-sans-arabic` wheel; they are found with
importlib.resources and served under /static/fonts/ with plain names.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

FONT_PACKAGE = "fontpkg_noto_sans_arabic"
FONT_NAME = "noto-sans-arabic.ttf"


def font_files() -> dict[str, Path]:
    """Served name -> file on disk, for the fonts the web pages use (empty if none installed)."""
    try:
        folder = resources.files(FONT_PACKAGE).joinpath("files")
    except ModuleNotFoundError:
        return {}
    found = sorted(item for item in folder.iterdir() if item.name.endswith(".ttf"))
    return {FONT_NAME: Path(str(found[0]))} if found else {}
