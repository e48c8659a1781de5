"""The store's story table: each article counted into the story that khabar.collection.stories
assigned it (size, outlets, first and last day seen)."""

from __future__ import annotations

import sqlite3


def add_to_story(conn: sqlite3.Connection, story_id: str, n: int, title: str | None,
                 day: str | None, outlet: str) -> None:
    """Count an article into its story: size, outlets, first and last seen."""
    conn.execute(
        "INSERT INTO stories(id, headline, first_seen, last_seen, size, outlets) VALUES (?, ?, ?, ?, 1, 0) "
        "ON CONFLICT(id) DO UPDATE SET size = size + 1, "
        "first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen "
        "THEN COALESCE(excluded.first_seen, first_seen) ELSE first_seen END, "
        "last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen "
        "THEN COALESCE(excluded.last_seen, last_seen) ELSE last_seen END",
        (story_id, title, day, day))
    conn.execute("INSERT INTO story_outlets(story_id, outlet, articles) VALUES (?, ?, 1) "
                 "ON CONFLICT(story_id, outlet) DO UPDATE SET articles = articles + 1", (story_id, outlet))
    conn.execute("UPDATE stories SET outlets = (SELECT COUNT(*) FROM story_outlets WHERE story_id = ?) "
                 "WHERE id = ?", (story_id, story_id))
