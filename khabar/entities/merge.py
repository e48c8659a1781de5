"""Merge the raw mentions of one article into entities.

Persons: mentions with the same name key are one person, and a shorter name whose words are the
first or last words of exactly one fuller name (`كارتر` → `آشتون كارتر`, `جون` → `جون كيري`)
joins it. Other types: same name key (folded, article dropped), or the same row of the project's
alias lists (`داعش` = `تنظيم الدولة الإسلامية`). The canonical name is the fullest form; entity ids
are e1, e2, ... in order of first mention.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from khabar.document import Entity, Mention
from khabar.entities.gazetteer import Lexicon
from khabar.entities.names import key_tokens, surface

PER = "PER"


@dataclass(frozen=True, slots=True)
class RawMention:
    """One mention to merge: where it is, what type the tagger gave it and how it names."""

    mention: Mention
    type: str
    name: str


def merge_mentions(text: str, raw: list[RawMention], lexicon: Lexicon) -> list[Entity]:
    """Entities of one article from its raw mentions (see the module docstring)."""
    raw = sorted(raw, key=lambda r: (r.mention.start, -r.mention.end))
    parent = list(range(len(raw)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    keys = [key_tokens(r.name) for r in raw]
    first_with: dict[tuple, int] = {}  # (person?, name key or alias group) → first such mention
    for i, r in enumerate(raw):
        if not keys[i]:
            continue
        group = None if r.type == PER else lexicon.group_of(r.name)
        key = (r.type == PER, keys[i] if group is None else group)
        if key in first_with:
            join(first_with[key], i)
        else:
            first_with[key] = i
    _join_short_person_names(raw, keys, root, join)
    clusters: dict[int, list[int]] = {}
    for i in range(len(raw)):
        clusters.setdefault(root(i), []).append(i)
    entities = []
    for number, members in enumerate(sorted(clusters.values(), key=min), start=1):
        entities.append(_entity(f"e{number}", [raw[i] for i in members], [keys[i] for i in members]))
    return entities


def _join_short_person_names(raw, keys, root, join) -> None:
    persons = [i for i, r in enumerate(raw) if r.type == PER and keys[i]]
    for i in sorted(persons, key=lambda i: -len(keys[i])):
        fuller = {root(j) for j in persons if len(keys[j]) > len(keys[i]) and _names_part(keys[i], keys[j])}
        if len(fuller) == 1:
            join(fuller.pop(), i)


def _names_part(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when `short` is the first or last words of `full`, in order (middle names may drop)."""
    if short[0] != full[0] and short[-1] != full[-1]:
        return False
    position = 0
    for word in short:
        try:
            position = full.index(word, position) + 1
        except ValueError:
            return False
    return True


def _entity(entity_id: str, members: list[RawMention], keys: list[tuple[str, ...]]) -> Entity:
    types = Counter(m.type for m in members)
    first_type = members[0].type
    best = max(types.values())
    kind = first_type if types[first_type] == best else next(t for t in types if types[t] == best)
    fullest = max(range(len(members)), key=lambda k: (len(keys[k]), len(members[k].name), -k))
    mentions = tuple(m.mention for m in members)
    return Entity(id=entity_id, type=kind, name=members[fullest].name, mentions=mentions)


def raw_mentions(text: str, entities) -> list[RawMention]:
    """Every mention of the incoming entities as a RawMention named by its surface form."""
    return [
        RawMention(m, e.type, surface(text, m.start, m.end))
        for e in entities
        for m in e.mentions
        if 0 <= m.start < m.end <= len(text)
    ]
