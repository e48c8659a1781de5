"""Stories: near-duplicate detection and same-story linking across outlets and days.

Two signals, both from MinHash signatures (datasketch) looked up through LSH buckets kept in
SQLite, so the index survives restarts and a crashed run leaves no half-written state:

* **near-duplicates**: shingles are folded word 5-grams of the body; two articles are copies when
  the signatures agree on at least `NEAR_THRESHOLD` (~ Jaccard 0.8) of their positions.
* **same story**: a looser topical signal for articles that tell the same news in their own
  words. Its features are the search forms (khabar.store.search.stem) of the title and the lead
  (first `LEAD_WORDS` words), without stopwords; a pair links when their exact Jaccard is at
  least `STORY_THRESHOLD`, they share at least `STORY_MIN_SHARED` forms, and their dates are at
  most `WINDOW_DAYS` apart. The thresholds are set for precision (docs/evaluation-stories.md).

An article joins the story of the most similar earlier article (copies first, then same-story
matches); stories are never merged, so one loose link cannot chain two stories together.
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from khabar.arabic import fold
from khabar.store.search import stem, terms_of

NEAR_PERM, NEAR_BANDS = 128, 16  # 16 bands of 8 rows: candidates from Jaccard ~0.7 up
TOPIC_PERM, TOPIC_BANDS = 64, 32  # 32 bands of 2 rows: candidates from Jaccard ~0.2 up
NEAR_THRESHOLD = 0.8
STORY_THRESHOLD = 0.3
STORY_MIN_SHARED = 5
WINDOW_DAYS = 3
SHINGLE = 5
LEAD_WORDS = 60
KIND_NEAR, KIND_TOPIC = 0, 1

# Function words that say nothing about the topic (folded, stemmed forms are compared).
_STOPWORDS_TEXT = """
في من على الى إلى عن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين هو هي هم هن انه أنه انها أنها
كان كانت يكون تكون كانوا قد لقد لم لن لا ما ماذا متى كيف اين أين كل بعض غير بين حتى ثم او أو أم
ان إن أن إنه لكن بل اذا إذا عند عندما حيث خلال بعد قبل منذ حول ضد دون امام أمام وراء فوق تحت
اي أي ايضا أيضا كما مثل لدى لها له لهم منه منها عليه عليها فيه فيها به بها اليوم امس أمس غدا
وقال قال قالت وقالت واضاف وأضاف اضاف أضاف واكد وأكد اكد أكد وذكر ذكر واشار وأشار اشار أشار
يوم العام عام الى تم وتم جاء وجاء حسب وفق وفقا نحو اكثر أكثر اقل أقل الف ألف مليون
"""
_NEAR_STOPS = frozenset(stem(fold(w)) for w in _STOPWORDS_TEXT.split())


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What an article contributes to story detection (computed once, in a worker)."""

    near: bytes  # uint32 signature of NEAR_PERM values
    near_bands: tuple[int, ...]
    topic: tuple[str, ...]  # sorted distinct title+lead forms
    topic_bands: tuple[int, ...]


class StoryHasher:
    """Builds StoryFeatures; holds the MinHash permutations, so build it once per process."""

    def __init__(self) -> None:
        # CRC-32 (C, stable across processes) hashes the shingles; the permutations do the rest.
        self._near = MinHash(num_perm=NEAR_PERM, seed=11, hashfunc=zlib.crc32)
        self._topic = MinHash(num_perm=TOPIC_PERM, seed=17, hashfunc=zlib.crc32)

    def features(self, title: str | None, text: str, *, words: list[str] | None = None) -> StoryFeatures:
        """Features of an article; `words` are the search forms of `text` when already known."""
        words = terms_of(text) if words is None else words
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
        near = _signature(self._near, shingles)
        topic = topic_forms(title, words[:LEAD_WORDS])
        topic_sig = _signature(self._topic, set(topic) or {""})
        return StoryFeatures(
            near=near.astype("<u4").tobytes(),
            near_bands=_bands(near, NEAR_BANDS),
            topic=topic,
            topic_bands=_bands(topic_sig, TOPIC_BANDS),
        )


def topic_forms(title: str | None, lead_forms: Iterable[str]) -> tuple[str, ...]:
    """Distinct content forms of the title and lead: no stopwords, no numbers, 3+ letters."""
    forms = terms_of(title or "") + list(lead_forms)
    return tuple(sorted({f for f in forms if len(f) >= 3 and f not in _NEAR_STOPS and not f.isdigit()}))


def _signature(template: MinHash, shingles: set[str]) -> np.ndarray:
    minhash = template.copy()
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype(np.uint32)


def _bands(signature: np.ndarray, bands: int) -> tuple[int, ...]:
    rows = len(signature) // bands
    out = []
    for band in range(bands):
        chunk = signature[band * rows : (band + 1) * rows].astype("<u4").tobytes()
        # A signed 63-bit hash fits SQLite's INTEGER.
        out.append(struct.unpack("<q", hashlib.blake2b(chunk, digest_size=8).digest())[0] >> 1)
    return tuple(out)


def near_similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard of two near-duplicate signatures."""
    left = np.frombuffer(a, dtype="<u4")
    right = np.frombuffer(b, dtype="<u4")
    return float(np.mean(left == right))


def topic_similarity(a: Iterable[str], b: Iterable[str]) -> tuple[float, int]:
    """Exact Jaccard of two topic form sets, and how many forms they share."""
    left, right = set(a), set(b)
    if not left or not right:
        return 0.0, 0
    shared = len(left & right)
    return shared / len(left | right), shared


def assign_story(conn: sqlite3.Connection, n: int, doc_id: str, day: int | None,
                 features: StoryFeatures) -> str:
    """Index an article's features and return its story id (recording the link that decided it)."""
    window = (day - WINDOW_DAYS, day + WINDOW_DAYS) if day is not None else None
    best = _best_near(conn, features, window)
    if best is None:
        best = _best_topic(conn, features, window)
    conn.execute("INSERT INTO features(doc_n, day, near, topic) VALUES (?, ?, ?, ?)",
                 (n, day, features.near, " ".join(features.topic)))
    conn.executemany("INSERT INTO lsh(kind, band, hash, doc_n) VALUES (?, ?, ?, ?)",
                     [(KIND_NEAR, band, h, n) for band, h in enumerate(features.near_bands)]
                     + [(KIND_TOPIC, band, h, n) for band, h in enumerate(features.topic_bands)])
    if best is None:
        story_id = doc_id
    else:
        kind, linked, score = best
        conn.execute("INSERT INTO story_links(doc_n, linked_n, kind, score) VALUES (?, ?, ?, ?)",
                     (n, linked, kind, round(score, 4)))
        story_id = conn.execute("SELECT story_id FROM documents WHERE n = ?", (linked,)).fetchone()[0]
    conn.execute("UPDATE documents SET story_id = ? WHERE n = ?", (story_id, n))
    return story_id


def _candidates(conn: sqlite3.Connection, kind: int, bands: tuple[int, ...],
                window: tuple[int, int] | None) -> list[int]:
    found: set[int] = set()
    for band, value in enumerate(bands):
        rows = conn.execute(
            "SELECT l.doc_n FROM lsh l JOIN features f ON f.doc_n = l.doc_n "
            "WHERE l.kind = ? AND l.band = ? AND l.hash = ? "
            "AND (? IS NULL OR f.day IS NULL OR f.day BETWEEN ? AND ?)",
            (kind, band, value, window is None, *(window or (0, 0)))).fetchall()
        found.update(row[0] for row in rows)
    return sorted(found)


def _best_near(conn, features, window):
    best = None
    for n in _candidates(conn, KIND_NEAR, features.near_bands, window):
        near = conn.execute("SELECT near FROM features WHERE doc_n = ?", (n,)).fetchone()[0]
        score = near_similarity(features.near, near)
        if score >= NEAR_THRESHOLD and (best is None or score > best[2]):
            best = ("near", n, score)
    return best


def _best_topic(conn, features, window):
    best = None
    for n in _candidates(conn, KIND_TOPIC, features.topic_bands, window):
        topic = conn.execute("SELECT topic FROM features WHERE doc_n = ?", (n,)).fetchone()[0]
        score, shared = topic_similarity(features.topic, topic.split())
        if score >= STORY_THRESHOLD and shared >= STORY_MIN_SHARED and (best is None or score > best[2]):
            best = ("story", n, score)
    return best


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
