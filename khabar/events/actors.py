"""Actors: find who is named in a sentence and give each a CAMEO-style code.

Codes are an ISO 3166 alpha-3 country (or IGO/NGO/IMG for international bodies) followed by one
three-letter sector: `USAMIL` (وزير الدفاع الأمريكي, البنتاغون), `TURGOV` (الحكومة التركية), `TUR`
(أنقرة, تركيا), `IGOUNO` (الأمم المتحدة), `IMGMUSISI` (داعش); an agent with no country is its sector
alone (`CVL` for المتظاهرون). See docs/events.md for the conventions.

Two sources feed the recognizer: the project lexicons (countries, capitals, nisba adjectives,
organizations, agent nouns), which always run, and the document's entities when a NER stage has
produced them (a PER entity with the role وزير الدفاع / الولايات المتحدة becomes USAMIL).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.arabic.tokens import Token, tokenize
from khabar.document import Document, Entity
from khabar.events.lexicon import Index, Pattern, Reading, data_lines, parse_pattern
from khabar.events.lexicon import select_longest, word_readings
from khabar.events.mentions import MentionIndex

COUNTRY = "country"
ORG = "org"
AGENT = "agent"
COUNTERPART = "counterpart"

_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان", "يتين", "يات")
_CODE_MEMO = 50_000  # short texts whose code is remembered
# Words that never stand between an agent and its country: prepositions, conjunctions and
# quantifiers (`ناشد الوزراء جميع الليبيين`: the Libyans are addressed, not the ministers').
_NO_JOIN = frozenset(fold(w) for w in "في من مع على إلى عن ضد و ان أن إن جميع كل كافة بعض".split())


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """What a lexicon pattern names: a code and its kind (country, org, agent, counterpart)."""

    code: str
    kind: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in a sentence: token range, character span, code, and entity if any."""

    first: int  # token index, inclusive
    last: int  # token index, exclusive
    start: int
    end: int
    code: str
    kind: str
    entity: str | None = None
    name: str | None = None

    @property
    def sector(self) -> str:
        return _sector(self.code)


_SECTORS = frozenset(
    "MIL GOV COP JUD LEG OPP REB UAF CVL EDU LAB MED BUS NGO REL PTY REF".split()
)


def _sector(code: str) -> str:
    """The sector part of a code: `USAMIL` -> MIL, `CVL` -> CVL, `TUR` and `IGOUNO` -> ""."""
    if code in _SECTORS:
        return code
    if code[:3] in ("IGO", "NGO", "IMG"):
        return ""
    return code[3:6]


def load_actor_patterns() -> list[Pattern]:
    """All actor patterns from the shipped lexicons."""
    patterns: list[Pattern] = []
    for row in data_lines("countries.tsv"):
        row = row + [""] * (5 - len(row))
        code, names, stems, demonyms, capitals = row[:5]
        entry = ActorEntry(code, COUNTRY)
        for written in _alternatives(names) + _alternatives(demonyms) + _alternatives(capitals):
            patterns.append(parse_pattern(written, entry))
        for stem in _alternatives(stems):
            forms = "|".join(stem + ending for ending in _NISBA_ENDINGS)
            patterns.append(parse_pattern(forms, entry))
    for row in data_lines("organizations.tsv"):
        entry = ActorEntry(row[0], ORG)
        patterns.extend(parse_pattern(w, entry) for w in _alternatives(row[1]))
    for row in data_lines("agents.tsv"):
        entry = ActorEntry(row[0], COUNTERPART if row[0] == "~" else AGENT)
        patterns.extend(parse_pattern(w, entry) for w in _alternatives(row[1]))
    return patterns


def _alternatives(cell: str) -> list[str]:
    # A multi-word name is one pattern; `|` separates whole names here (not per token).
    return [alt.strip() for alt in cell.split("|") if alt.strip()]


class ActorRecognizer:
    """Find actors in a sentence from the lexicons and, when present, the document's entities."""

    def __init__(self, *, titled: bool = False) -> None:
        # v5 (`titled`): a place or body inside a person's title read by the roles stage is a
        # word of the title, no actor of its own
        self.titled = titled
        self.index = Index(load_actor_patterns())
        self._mentions: tuple[Sequence[Entity], MentionIndex] | None = None
        self._titles: tuple[Sequence[Entity], list[tuple[int, int]]] | None = None
        self._codes: dict[str, str | None] = {}

    def find(
        self,
        doc: Document,
        tokens: Sequence[Token],
        token_readings: Sequence[tuple[Reading, ...]],
        entities: Sequence[Entity] = (),
    ) -> list[ActorMention]:
        """Actors of one sentence, in text order, composed (agent + country) and merged."""
        matches = select_longest(self.index.matches(token_readings))
        raw = [
            ActorMention(m.start, m.end, tokens[m.start].start, tokens[m.end - 1].end,
                         m.pattern.payload.code, m.pattern.payload.kind)
            for m in matches
        ]
        composed = _compose(raw, tokens)
        if entities:
            composed = self._with_entities(composed, tokens, entities)
        return _merge_appositions(composed, tokens)

    def code_of_text(self, text: str) -> str | None:
        """The code of the first actor named in a short text (an entity name, a role title).
        Memoized: the same names and titles recur on every page (bounded, cleared when full)."""
        if text in self._codes:
            return self._codes[text]
        composed = self._actors_of_text(text)
        if len(self._codes) >= _CODE_MEMO:
            self._codes.clear()
        code = self._codes[text] = composed[0].code if composed else None
        return code

    def leading_actor(self, text: str, offset: int) -> ActorMention | None:
        """The actor that opens a short text (its first word starts the actor), with its span
        moved by `offset`: the text is a window of a document starting at `offset`."""
        composed = self._actors_of_text(text)
        if not composed or composed[0].first != 0:
            return None
        first = composed[0]
        return dataclasses.replace(first, start=first.start + offset, end=first.end + offset)

    def _actors_of_text(self, text: str) -> list[ActorMention]:
        """The actors (no counterparts) named in a short text, in order, with offsets into it."""
        tokens = [t for t in tokenize(text) if t.kind != "punct"]
        if not tokens:
            return []
        token_readings = [word_readings(t.text) for t in tokens]
        raw = [
            ActorMention(m.start, m.end, tokens[m.start].start, tokens[m.end - 1].end,
                         m.pattern.payload.code, m.pattern.payload.kind)
            for m in select_longest(self.index.matches(token_readings))
        ]
        return [a for a in _compose(raw, tokens) if a.kind != COUNTERPART]

    def entity_code(self, entity: Entity) -> str | None:
        """A code for an entity: its roles for people, its name for places and organizations."""
        for role in entity.roles:
            title = self.code_of_text(role.title) if role.title else None
            where = self.code_of_text(role.affiliation) if role.affiliation else None
            country_title = _COUNTRY_OF_TITLE.get(fold(role.title or ""))
            if country_title and not where:
                return country_title + (_sector(title) if title else "GOV")
            if where and len(where) == 3 and where not in _SECTORS:  # a country
                return where + (_sector(title) if title else "")
            if where or title:
                return where or title
        return self.code_of_text(entity.name)

    def mentions(self, entities: Sequence[Entity]) -> MentionIndex:
        """The mentions of `entities` by position; kept for the next sentence of the same
        document (the same tuple of entities), so a document is indexed once."""
        memo = self._mentions
        if memo is None or memo[0] is not entities:
            memo = self._mentions = (entities, MentionIndex(entities))
        return memo[1]

    def title_spans(self, entities: Sequence[Entity]) -> list[tuple[int, int]]:
        """v5: the (start, end) of the persons' titles the roles stage read, when titles are
        asked for; kept for the document's next sentence, like its mentions."""
        if not self.titled:
            return []
        memo = self._titles
        if memo is None or memo[0] is not entities:
            memo = self._titles = (entities, [
                (r.evidence.start, r.evidence.end) for e in entities if e.type == "PER"
                for r in e.roles if r.evidence is not None])
        return memo[1]

    def _with_entities(
        self, actors: list[ActorMention], tokens: Sequence[Token], entities: Sequence[Entity]
    ) -> list[ActorMention]:
        """The lexicon's actors with the entities named in the sentence added or attached.

        Actors never share a token (the lexicon's matches do not overlap, and an entity that
        overlaps actors replaces them with one actor over all their tokens), so the actors an
        entity mention overlaps are read off a token -> actor table, not found by a scan.
        """
        if not tokens:
            return actors
        lo, hi = tokens[0].start, tokens[-1].end
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        # Keys keep the order of a list that is edited in place and appended to.
        alive: dict[tuple[int, int], ActorMention] = {(0, k): a for k, a in enumerate(actors)}
        owner: list[tuple[int, int] | None] = [None] * len(tokens)
        for key, actor in alive.items():
            owner[actor.first:actor.last] = [key] * (actor.last - actor.first)
        codes: dict[int, str] = {}
        added = 0
        titles = [(s, e) for s, e in self.title_spans(entities) if lo <= s and e <= hi]
        for entity, mention in self.mentions(entities).starting_in(lo, hi):
            if mention.end > hi:
                continue
            if entity.type != "PER" and any(s <= mention.start and mention.end <= e
                                            for s, e in titles):
                continue  # v5: `استنكر محافظ الأفلاج فلان`: the town is a word of his title
            if id(entity) not in codes:
                codes[id(entity)] = self.entity_code(entity) or ""
            code = codes[id(entity)]
            first = bisect.bisect_right(ends, mention.start)
            last = bisect.bisect_left(starts, mention.end)
            keys = sorted({key for key in owner[first:last] if key is not None})
            overlapping = [alive[key] for key in keys]
            if any(a.last - a.first > last - first and a.first <= first and last <= a.last
                   and not a.entity for a in overlapping):
                continue  # داعش inside التحالف الدولي لمحاربة داعش: the longer name wins
            if overlapping and not code:
                # The lexicon already named it (الأمم المتحدة): attach the entity.
                alive[keys[0]] = dataclasses.replace(overlapping[0], entity=entity.id,
                                                     name=entity.name)
                continue
            for key in keys:
                del alive[key]
            start = min([mention.start] + [a.start for a in overlapping])
            end = max([mention.end] + [a.end for a in overlapping])
            first = min([first] + [a.first for a in overlapping])
            last = max([last] + [a.last for a in overlapping])
            key, added = (1, added), added + 1  # appended: after every earlier key
            alive[key] = ActorMention(first, last, start, end, code, ORG, entity.id, entity.name)
            owner[first:last] = [key] * (last - first)
        return sorted((alive[key] for key in sorted(alive)), key=lambda a: a.first)


# Titles that name their country by themselves (the King of Saudi Arabia and his deputy).
_COUNTRY_OF_TITLE = {fold(title): code for title, code in (
    ("خادم الحرمين الشريفين", "SAU"), ("نائب خادم الحرمين الشريفين", "SAU"))}


def _compose(raw: list[ActorMention], tokens: Sequence[Token]) -> list[ActorMention]:
    """Join an agent with the country or organization that follows it.

    الجيش التركي -> TURMIL; a member or leader of an organization takes its code:
    زعيم تنظيم داعش -> IMGMUSISI, مقاتلو حزب الله -> LBNREB.
    """
    result: list[ActorMention] = []
    i = 0
    previous_sector = ""
    while i < len(raw):
        actor = raw[i]
        if actor.kind in (AGENT, COUNTERPART):
            sector = actor.code if actor.kind == AGENT else (previous_sector or "GOV")
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            if nxt is not None and nxt.kind == COUNTRY and _joinable(actor, nxt, tokens):
                actor = ActorMention(actor.first, nxt.last, actor.start, nxt.end,
                                     nxt.code + sector, AGENT)
                i += 1
            elif nxt is not None and nxt.kind == ORG and _joinable(actor, nxt, tokens):
                actor = ActorMention(actor.first, nxt.last, actor.start, nxt.end, nxt.code, ORG)
                i += 1
                sector = _sector(nxt.code) or sector
            else:
                actor = dataclasses.replace(actor, code=sector)
            previous_sector = sector
        elif actor.kind == ORG:
            previous_sector = _sector(actor.code) or previous_sector
        result.append(actor)
        i += 1
    return result


def _joinable(agent: ActorMention, country: ActorMention, tokens: Sequence[Token]) -> bool:
    gap = tokens[agent.last:country.first]
    if len(gap) > 1:
        return False
    return all(t.kind == "word" and fold(t.text) not in _NO_JOIN for t in gap)


def _merge_appositions(actors: list[ActorMention], tokens: Sequence[Token]) -> list[ActorMention]:
    """Merge `وزير الدفاع الأمريكي، آشتون كارتر،` into one actor; bare entities join titles."""
    result: list[ActorMention] = []
    for actor in actors:
        if result:
            prev = result[-1]
            gap = tokens[prev.last:actor.first]
            adjacent = len(gap) <= 1 and all(t.kind == "punct" for t in gap)
            # a bare title before the named person of its sector (`الملك سلمان`): the person's
            # fuller code
            titled = bool(actor.entity) and not prev.entity and prev.code in _SECTORS \
                and _sector(actor.code) == prev.code
            same = actor.code == prev.code or not actor.code or titled or (
                prev.kind == COUNTERPART and actor.entity)
            if adjacent and same:
                keep = prev.code and prev.kind != COUNTERPART and not titled
                code = prev.code if keep else actor.code or prev.code
                result[-1] = ActorMention(prev.first, actor.last, prev.start, actor.end, code,
                                          prev.kind if prev.kind != COUNTERPART else AGENT,
                                          prev.entity or actor.entity, prev.name or actor.name)
                continue
        result.append(actor)
    return [a for a in result if a.code]
