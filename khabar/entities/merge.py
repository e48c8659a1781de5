"""Merge the raw mentions of one article into entities.

Persons: mentions with the same name key are one person, and a shorter name whose words are the
first or last words of exactly one fuller name (`كارتر` → `آشتون كارتر`, `جون` → `جون كيري`)
joins it, unless the fuller name gives it as a father's (`سلمان بن عبدالعزيز` in `محمد بن
سلمان بن عبدالعزيز`). Other types: same name key (folded, article dropped), or the same row of
the project's alias lists (`داعش` = `تنظيم الدولة الإسلامية`). The canonical name is the fullest
form; entity ids are e1, e2, ... in order of first mention.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from khabar.document import Entity, Mention
from khabar.entities.gazetteer import Lexicon
from khabar.entities.names import key_tokens, surface

PER = "PER"
_SON_OF = frozenset(("بن", "بنت"))  # folded, as in name keys


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
        group = None if r.type == PER else lexicon.groups.get(" ".join(keys[i]))  # group_of
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
    """Join each shorter person name to the one fuller name it is part of, longest first.

    Mentions with one key are already one cluster, so this works on distinct keys, and finds
    the fuller names of a key through its first and last words (`_FullerNames`) instead of
    comparing every pair of names: an article names thousands of people at most, but a page
    of a few megabytes may name tens of thousands.
    """
    first_mention: dict[tuple[str, ...], int] = {}
    for i, r in enumerate(raw):
        if r.type == PER and keys[i]:
            first_mention.setdefault(keys[i], i)
    fuller_names = _FullerNames(first_mention)
    for key in sorted(first_mention, key=len, reverse=True):
        fuller: set[int] = set()
        for full in fuller_names.of(key):
            fuller.add(root(first_mention[full]))
            if len(fuller) > 1:
                break  # two candidates: the short name is ambiguous
        if len(fuller) == 1:
            join(fuller.pop(), first_mention[key])


class _FullerNames:
    """Person name keys by their first word and by their last word, each paired with every
    other word of the name, so the fuller names of a short one are a few lookups away."""

    def __init__(self, keys) -> None:
        self.starting: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        self.ending: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        for key in keys:
            for word in dict.fromkeys(key[1:]):
                self.starting.setdefault((key[0], word), []).append(key)
            for word in dict.fromkeys(key[:-1]):
                self.ending.setdefault((word, key[-1]), []).append(key)
            self.starting.setdefault((key[0], ""), []).append(key)
            self.ending.setdefault(("", key[-1]), []).append(key)

    def of(self, short: tuple[str, ...]):
        """The longer keys that `short` is part of (`_names_part`)."""
        if len(short) == 1:
            pairs = ((short[0], ""), ("", short[0]))
        else:
            pairs = ((short[0], short[-1]), (short[0], short[-1]))
        lists = (self.starting.get(pairs[0], ()), self.ending.get(pairs[1], ()))
        for full in (full for found in lists for full in found):
            if len(full) > len(short) and _names_part(short, full):
                yield full


def _names_part(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when `short` is the first or last words of `full`, in order (middle names may drop);
    not a name of two words or more that the fuller one gives after `بن` (`سلمان بن عبدالعزيز`
    in `محمد بن سلمان بن عبدالعزيز`, `ناصر العساف` in `خالد بن ناصر العساف`): the father's."""
    if short[0] != full[0] and short[-1] != full[-1]:
        return False
    if len(short) > 1 and short[0] != full[0] and any(
            full[k - 1] in _SON_OF and full[k] == short[0] for k in range(1, len(full))):
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
