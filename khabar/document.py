"""The Document: one frozen record per article, and the small records that hang off it.

Every annotation holds character offsets into `Document.text` (start inclusive, end exclusive,
Python code points), never a copy of the text: `doc.text[s.start:s.end]` is the span's text.
Only the cleaning stage produces `text`; later stages add records with `dataclasses.replace`.

`to_json` / `from_json` are lossless: `Document.from_json(doc.to_json()) == doc`. The JSON form
is documented in docs/schema.md and docs/document.schema.json.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any

# The version of the JSON form below (docs/schema.md). Adding a key keeps it; changing the
# meaning of a key raises it. Every Document carries it, and a record written before the key
# existed reads as version 1.
SCHEMA_VERSION = 1

# Document.status values.
STATUS_OK = "ok"
STATUS_REJECTED = "rejected"
STATUS_FAILED = "failed"

# Paragraph kinds.
HEADING = "heading"
PARAGRAPH = "paragraph"
DATELINE = "dateline"  # where, when and by whom the article was filed (khabar/reading/dateline.py)


@dataclass(frozen=True, slots=True)
class Offsets:
    """A bare [start, end) range in Document.text (evidence for a role, a quote cue, ...)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the clean text: a body paragraph or a subheading."""

    start: int
    end: int
    kind: str = PARAGRAPH


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the clean text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text, with the stage that found it and its score."""

    start: int
    end: int
    stage: str = ""
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A title a person holds (`وزير الدفاع`) and whom for (`الولايات المتحدة`)."""

    title: str
    affiliation: str | None
    evidence: Offsets


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization, location or other name, merged over its mentions in one article."""

    id: str
    type: str
    name: str
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Something said: the content, the cue that introduced it, and who said it."""

    speaker: str | None  # Entity.id, or None when no speaker could be found
    speaker_text: str | None  # how the text names the speaker ("مسؤولون", "كيري")
    cue: Offsets | None
    content: Offsets
    direct: bool
    speaker_span: Offsets | None = None
    stage: str = ""
    score: float | None = None
    speaker_reason: str | None = None  # why `speaker` is None ("no_antecedent", "unnamed")


@dataclass(frozen=True, slots=True)
class Actor:
    """One side of an event: a CAMEO-style code and the entity or words it was read from."""

    code: str
    name: str
    entity: str | None = None
    span: Offsets | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: a CAMEO code, its PLOVER category, the actors and the evidence."""

    cameo: str
    plover: str | None
    source: Actor | None
    target: Actor | None
    trigger: Offsets
    sentence: Offsets
    location: str | None = None  # Entity.id of the place
    date: str | None = None  # ISO date (possibly partial: 2014-08)
    confidence: float = 0.0
    stage: str = ""
    evidence: tuple[Offsets, ...] = ()  # later triggers of the same incident in the article


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in the text, normalized to ISO (`2014-08`, `2016-07-20`)."""

    start: int
    end: int
    value: str | None  # None when a relative date has no publication date to resolve against
    relative: bool = False
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text with its unit: `2.4 مليون نازح` → 2400000, unit `نازح`."""

    start: int
    end: int
    value: float
    unit: str | None = None
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    """A LOC entity (or an event location) resolved to a gazetteer place, or why it was not.

    `evidence` lists short `key=value` facts behind the choice (the name matched, the kind, the
    population, a country named in the same article); `reason` is set when nothing was chosen.
    """

    entity: str  # Entity.id
    geonames: int | None = None
    name: str | None = None  # the gazetteer's Arabic name that matched
    kind: str | None = None  # country | region | city | continent
    country: str | None = None  # ISO 3166-1 alpha-2; None for a continent
    lat: float | None = None
    lon: float | None = None
    score: float | None = None
    evidence: tuple[str, ...] = ()
    reason: str | None = None  # why it stayed unresolved (docs/places.md), else None
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """The outlet: its name, web domain and the article's URL."""

    name: str | None = None
    domain: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class RawInfo:
    """Where the text came from: content hash of the raw bytes, format and detected encoding."""

    sha256: str
    format: str  # "text", "html", "jsonl"
    encoding: str | None = None
    size: int = 0
    origin: str | None = None  # file path or archive record the page was read from


@dataclass(frozen=True, slots=True)
class Warning:
    """A non-fatal problem found while processing (a date not understood, a speaker not found)."""

    code: str
    message: str
    stage: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a document was rejected or failed: a reason code, the stage, a message."""

    code: str
    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class ModelRef:
    """A trained model a stage used: its name and the SHA-256 of its files' content."""

    name: str
    sha256: str


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the page that cleaning left out of `text`: its number among the page's non-empty
    lines (or HTML blocks), from 1, and the reason code (docs/cleaning.md). No copy of the line:
    the raw page holds it."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class TraceEntry:
    """One stage that ran over the document, with the models it used (and, for the reader,
    every line it removed and why)."""

    stage: str
    version: str = "1"
    models: tuple[ModelRef, ...] = ()
    removed: tuple[RemovedLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One article, from raw page to annotations. Frozen: stages return modified copies."""

    id: str
    text: str = ""
    title: str | None = None
    source: Source = field(default_factory=Source)
    published: str | None = None  # ISO 8601 date or datetime, as precise as the page says
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    status: str = STATUS_OK
    reason: Reason | None = None
    raw: RawInfo | None = None
    warnings: tuple[Warning, ...] = ()
    trace: tuple[TraceEntry, ...] = ()
    schema_version: int = SCHEMA_VERSION

    def span_text(self, span: Any) -> str:
        """The text a span-like record (anything with start and end) covers."""
        return self.text[span.start : span.end]

    def with_warning(self, code: str, message: str, *, stage: str = "") -> Document:
        """A copy with one more warning."""
        return dataclasses.replace(self, warnings=self.warnings + (Warning(code, message, stage),))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict in the documented key order."""
        return _to_plain(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """JSON text that keeps Arabic readable (no \\u escapes)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a Document from `to_dict` output (a record without `schema_version` is 1)."""
        return _from_plain(cls, {"schema_version": 1, **data})

    @classmethod
    def from_json(cls, text: str) -> Document:
        """Rebuild a Document from `to_json` output."""
        return cls.from_dict(json.loads(text))


def field_paths() -> frozenset[str]:
    """Every field a stage may require or produce: `entities`, and nested ones such as
    `entities.mentions` or `entities.roles` (a field of the records a list holds)."""
    return frozenset(_paths(Document, ""))


def _paths(record: type, prefix: str) -> list[str]:
    found = []
    for name, hint in typing.get_type_hints(record).items():
        path = prefix + name
        found.append(path)
        inner = _record_type(hint)
        if inner is not None:
            found += _paths(inner, path + ".")
    return found


def _record_type(hint: Any) -> type | None:
    # The record class a field holds, through `X | None` and `tuple[X, ...]`.
    for arg in (hint, *typing.get_args(hint)):
        if isinstance(arg, type) and dataclasses.is_dataclass(arg):
            return arg
        if typing.get_origin(arg) is tuple:
            return _record_type(typing.get_args(arg)[0])
    return None


_SCALARS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _to_plain(value: Any) -> Any:
    # Runs over every record of every article (tens of thousands of calls per article in a
    # batch), so the field names of each record class are looked up once.
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, tuple):
        return [_to_plain(item) for item in value]
    cls = type(value)
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = (tuple(f.name for f in dataclasses.fields(cls))
                             if dataclasses.is_dataclass(cls) else None)
    names = _FIELD_NAMES[cls]
    if names is None:
        return value
    return {name: _to_plain(getattr(value, name)) for name in names}


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    # Resolved type hints per record class; computed from the class itself, so this is a
    # derived memo of static facts rather than configuration state.
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _from_plain(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _from_plain(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item_hint, _ellipsis) = typing.get_args(hint)
        return tuple(_from_plain(item_hint, item) for item in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        known = {f.name for f in dataclasses.fields(hint)}
        return hint(**{k: _from_plain(hints[k], v) for k, v in value.items() if k in known})
    if hint is float and isinstance(value, int):
        return float(value)
    return value
