"""Stories: near-duplicate detection and same-story linking across outlets and days.

This is the one definition of a story. The SQLite store runs it inside its writer's transaction
(its tables are the store's, so the index survives restarts and a crash leaves no half-written
state); the Spark job computes the features on its executors and runs the same assignment over a
temporary index of the same tables (`StoryIndex.temporary`), in the same input order. Two signals:

* **near-duplicates**: MinHash signatures (datasketch) of the body's folded word 5-grams, looked
  up through LSH buckets; two articles are copies when their signatures agree on at least
  `NEAR_THRESHOLD` (~ Jaccard 0.8) of their positions.
* **same story**: a looser, topical signal for articles that tell the same news in their own
  words. Features are the search forms (khabar.store.search.stem) of the title and the lead
  (first `LEAD_WORDS` words) without stopwords. Candidates share at least two of the new
  article's rarest forms within `WINDOW_DAYS` days; a pair links when the IDF-weighted cosine of
  their form sets (document frequencies counted over the collection so far) reaches
  `STORY_THRESHOLD` and they share at least `STORY_MIN_SHARED` forms, and their titles alone
  pass `TITLE_THRESHOLD` with `TITLE_MIN_SHARED` shared forms, and the mean of the two scores
  reaches `LINK_THRESHOLD`. Thresholds are set for precision (docs/evaluation-stories.md).

An article joins the story of the most similar earlier article (copies first, then same-story
matches); stories are never merged, so one loose link cannot chain two stories together.
"Earlier" is input order: the order `khabar ingest` reads its inputs (files by path, records in
file order), which `input_order` gives for any document, so every engine sees the same sequence.
"""

from __future__ import annotations

import hashlib
import math
import re
import sqlite3
import struct
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

from khabar.arabic import fold
from khabar.arabic.forms import stem, terms_of

NEAR_PERM, NEAR_BANDS = 128, 16  # 16 bands of 8 rows: candidates from Jaccard ~0.7 up
NEAR_THRESHOLD = 0.8
STORY_THRESHOLD = 0.35
STORY_MIN_SHARED = 5
TITLE_THRESHOLD = 0.3
TITLE_MIN_SHARED = 2
LINK_THRESHOLD = 0.6  # mean of the lead and title scores
PROBE_FORMS = 12  # the new article's rarest forms used to find candidates
WINDOW_DAYS = 3
SHINGLE = 5
LEAD_WORDS = 60
NO_DAY = -1

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
    title: tuple[str, ...]  # sorted distinct title forms


class StoryHasher:
    """Builds StoryFeatures; holds the MinHash permutations, so build it once per process."""

    def __init__(self) -> None:
        # CRC-32 (C, stable across processes) hashes the shingles; the permutations do the rest.
        from datasketch import MinHash  # imported here: datasketch pulls in SciPy (~0.5 s)

        self._near = MinHash(num_perm=NEAR_PERM, seed=11, hashfunc=zlib.crc32)

    def features(self, title: str | None, text: str, *, words: list[str] | None = None) -> StoryFeatures:
        """Features of an article; `words` are the search forms of `text` when already known."""
        words = terms_of(text) if words is None else words
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
        near = _signature(self._near, shingles)
        return StoryFeatures(
            near=near.astype("<u4").tobytes(),
            near_bands=_bands(near, NEAR_BANDS),
            topic=topic_forms(title, words[:LEAD_WORDS]),
            title=topic_forms(title, ()),
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


class TopicFrequencies:
    """Document frequencies of title+lead forms: the `topic_df` table, mirrored in memory.

    The writer owns one; it must be dropped (and is reloaded) when a transaction rolls back.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.counts: dict[str, int] = dict(conn.execute("SELECT form, df FROM topic_df").fetchall())
        self.articles: int = conn.execute("SELECT COUNT(*) FROM features").fetchone()[0]

    def add(self, conn: sqlite3.Connection, forms: Iterable[str]) -> None:
        forms = list(forms)
        self.articles += 1
        conn.executemany("INSERT INTO topic_df(form, df) VALUES (?, 1) "
                         "ON CONFLICT(form) DO UPDATE SET df = df + 1", [(f,) for f in forms])
        for form in forms:
            self.counts[form] = self.counts.get(form, 0) + 1


def assign_story(conn: sqlite3.Connection, n: int, doc_id: str, day: int | None,
                 features: StoryFeatures, frequencies: TopicFrequencies,
                 story_of: Callable[[int], str]) -> str:
    """Index an article's features and return its story id (recording the link that decided it).

    `n` numbers the articles in input order; `story_of(n)` is the story of an earlier article.
    """
    window = (day - WINDOW_DAYS, day + WINDOW_DAYS) if day is not None else None
    best = _best_near(conn, features, window)
    if best is None:
        best = _best_topic(conn, features, window, frequencies.counts, frequencies.articles)
    stored_day = NO_DAY if day is None else day
    conn.execute("INSERT INTO features(doc_n, day, near, topic, title) VALUES (?, ?, ?, ?, ?)",
                 (n, stored_day, features.near, " ".join(features.topic), " ".join(features.title)))
    conn.executemany("INSERT INTO lsh(band, hash, doc_n) VALUES (?, ?, ?)",
                     [(band, h, n) for band, h in enumerate(features.near_bands)])
    conn.executemany("INSERT INTO topic_postings(form, day, doc_n) VALUES (?, ?, ?)",
                     [(form, stored_day, n) for form in features.topic])
    frequencies.add(conn, features.topic)
    if best is None:
        story_id = doc_id
    else:
        kind, linked, score = best
        conn.execute("INSERT INTO story_links(doc_n, linked_n, kind, score) VALUES (?, ?, ?, ?)",
                     (n, linked, kind, round(score, 4)))
        story_id = story_of(linked)
    return story_id


def _in_window(day: int, window: tuple[int, int] | None) -> bool:
    return window is None or day == NO_DAY or window[0] <= day <= window[1]


def _best_near(conn: sqlite3.Connection, features: StoryFeatures,
               window: tuple[int, int] | None) -> tuple[str, int, float] | None:
    where = " OR ".join("(band = ? AND hash = ?)" for _ in features.near_bands)
    params = [v for band, h in enumerate(features.near_bands) for v in (band, h)]
    found = {row[0] for row in conn.execute(f"SELECT doc_n FROM lsh WHERE {where}", params)}
    best = None
    for n in sorted(found):
        day, near = conn.execute("SELECT day, near FROM features WHERE doc_n = ?", (n,)).fetchone()
        if not _in_window(day, window):
            continue
        score = near_similarity(features.near, near)
        if score >= NEAR_THRESHOLD and (best is None or score > best[2]):
            best = ("near", n, score)
    return best


def _best_topic(conn: sqlite3.Connection, features: StoryFeatures, window: tuple[int, int] | None,
                df: dict[str, int], articles: int) -> tuple[str, int, float] | None:
    if len(features.topic) < STORY_MIN_SHARED:
        return None
    probes = sorted((f for f in features.topic if df.get(f)), key=lambda f: (df[f], f))[:PROBE_FORMS]
    if not probes:
        return None
    marks = ", ".join("?" * len(probes))
    if window is None:
        rows = conn.execute(f"SELECT doc_n FROM topic_postings WHERE form IN ({marks}) "
                            "GROUP BY doc_n HAVING COUNT(*) >= 2", probes)
    else:
        rows = conn.execute(f"SELECT doc_n FROM topic_postings WHERE form IN ({marks}) "
                            "AND (day BETWEEN ? AND ? OR day = ?) GROUP BY doc_n HAVING COUNT(*) >= 2",
                            [*probes, window[0], window[1], NO_DAY])
    candidates = sorted(row[0] for row in rows)
    if not candidates:
        return None
    total = articles + 1  # the articles indexed so far, this one included
    rows = {n: conn.execute("SELECT topic, title FROM features WHERE doc_n = ?", (n,)).fetchone()
            for n in candidates}
    topics = {n: (topic.split(), title.split()) for n, (topic, title) in rows.items()}
    best = None
    for n in candidates:
        score, shared = topic_similarity(features.topic, topics[n][0], df, total)
        if score < STORY_THRESHOLD or shared < STORY_MIN_SHARED:
            continue
        # Precision: the headlines must be about the same thing too, not only the leads.
        title_score, title_shared = topic_similarity(features.title, topics[n][1], df, total)
        if title_score < TITLE_THRESHOLD or title_shared < TITLE_MIN_SHARED:
            continue
        combined = (score + title_score) / 2
        if combined >= LINK_THRESHOLD and (best is None or combined > best[2]):
            best = ("story", n, combined)
    return best


def topic_similarity(a: Iterable[str], b: Iterable[str], df: dict[str, int] | None = None,
                     total: int = 1) -> tuple[float, int]:
    """IDF-weighted cosine of two form sets (plain cosine without `df`), and the shared count."""
    left, right = set(a), set(b)
    if not left or not right:
        return 0.0, 0
    df = df or {}
    weights = {f: math.log(1 + total / (1 + df.get(f, 0))) ** 2 for f in left | right}
    shared = left & right
    dot = sum(weights[f] for f in shared)
    norm = math.sqrt(sum(weights[f] for f in left) * sum(weights[f] for f in right))
    return (dot / norm if norm else 0.0), len(shared)


def text_key(text: str) -> str:
    """SHA-256 of the folded text with whitespace collapsed: equal for the same article text."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


_POSITION = re.compile(r"^(.*?)(?:[#:](\d+))?$", re.S)


def input_order(origin: str | None) -> tuple[str, int]:
    """Where an input sits in the order `khabar ingest` reads: (path key, position in the file).

    The path key is the path's components joined by NUL, so sorting it sorts directories
    entry by entry, as a sorted directory walk does; the position is the record's line or
    archive number (`file.jsonl:12`, `crawl.warc.gz#3`), 0 for a page that is a whole file.
    """
    match = _POSITION.match(origin or "")
    path, position = (match[1], int(match[2])) if match and match[2] else (origin or "", 0)
    return "\x00".join(part for part in path.split("/") if part not in ("", ".")), position


# The store's story tables (khabar/store/migrations/0001_init.sql), for an index kept elsewhere.
INDEX_TABLES = """
CREATE TABLE features (doc_n INTEGER PRIMARY KEY, day INTEGER NOT NULL, near BLOB NOT NULL,
                       topic TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE lsh (band INTEGER NOT NULL, hash INTEGER NOT NULL, doc_n INTEGER NOT NULL,
                  PRIMARY KEY (band, hash, doc_n)) WITHOUT ROWID;
CREATE TABLE topic_postings (form TEXT NOT NULL, day INTEGER NOT NULL, doc_n INTEGER NOT NULL,
                             PRIMARY KEY (form, day, doc_n)) WITHOUT ROWID;
CREATE TABLE topic_df (form TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE story_links (doc_n INTEGER PRIMARY KEY, linked_n INTEGER NOT NULL, kind TEXT NOT NULL,
                          score REAL NOT NULL);
CREATE TABLE members (n INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, text_key TEXT,
                      story_id TEXT NOT NULL);
CREATE INDEX members_text ON members(text_key);
"""


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """An article's story, and the earlier article (and signal) that decided it, if any."""

    doc_id: str
    story_id: str
    linked_id: str | None
    kind: str | None  # near | story | copy (the same text as an earlier article)
    score: float | None


class StoryIndex:
    """The story tables in a SQLite file of their own: stories for engines without the store.

    Articles must be added in input order. Like the store, an article whose text is an exact copy
    of an earlier one (`text_key`) joins that article's story without being indexed, and a
    document id seen before is not added again (None).
    """

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.executescript(INDEX_TABLES)
        self.frequencies = TopicFrequencies(self.conn)

    def add(self, doc_id: str, day: int | None, features: StoryFeatures,
            text_key: str | None = None) -> StoryAssignment | None:
        c = self.conn
        if c.execute("SELECT 1 FROM members WHERE doc_id = ?", (doc_id,)).fetchone():
            return None
        if text_key is not None:
            row = c.execute("SELECT doc_id, story_id FROM members WHERE text_key = ?", (text_key,)).fetchone()
            if row is not None:
                return StoryAssignment(doc_id, row[1], row[0], "copy", 1.0)
        n = (c.execute("SELECT MAX(n) FROM members").fetchone()[0] or 0) + 1

        def story_of(earlier: int) -> str:
            return c.execute("SELECT story_id FROM members WHERE n = ?", (earlier,)).fetchone()[0]

        story_id = assign_story(c, n, doc_id, day, features, self.frequencies, story_of)
        c.execute("INSERT INTO members(n, doc_id, text_key, story_id) VALUES (?, ?, ?, ?)",
                  (n, doc_id, text_key, story_id))
        link = c.execute("SELECT m.doc_id, l.kind, l.score FROM story_links l JOIN members m "
                         "ON m.n = l.linked_n WHERE l.doc_n = ?", (n,)).fetchone()
        return StoryAssignment(doc_id, story_id, *(link or (None, None, None)))

    def close(self) -> None:
        self.conn.close()
