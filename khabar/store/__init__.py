"""The embedded store: SQLite with Arabic search, stories across outlets and global entities.

See docs/store.md. `open_store(path)` is the entry point; all SQL lives in this package.
"""

from khabar.store.sqlite import SearchHit, SearchPage, Store, StoryInfo, open_store

__all__ = ["SearchHit", "SearchPage", "Store", "StoryInfo", "open_store"]
