"""Token patterns keyed on folded Arabic words: loading, inflection and matching.

Both event triggers (`patterns.tsv`) and actor names (`countries.tsv`, `organizations.tsv`,
`agents.tsv`) are lists of token patterns. A pattern is a sequence of slots; each slot is a set
of folded word forms. The index maps every form of a pattern's first slot to the pattern, so a
sentence is matched by one dictionary lookup per reading of each token, never by looping over
the whole lexicon.

A token's *readings* are the bare forms it may stand for once clitics are peeled off: the
conjunctions و ف, the prepositions ب ل ك, the future prefix س, the article ال, and object or
possessive pronouns (دعمها -> دعم, قتلوهم -> قتلوا). Lexicon forms are stored without the article,
so `الجيش`, `والجيش`, `للجيش` and `جيش` all meet the same entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

from khabar.arabic import fold

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_PRONOUNS = ("هما", "هم", "هن", "ها", "كم", "نا", "ني", "ه", "ك")
# Words whose first و is their own: a ministry with a pronoun (`وزارته`, `وزارتها`), not
# و + زارت + a pronoun (and she visited him), which news hardly writes.
_NOT_CONJUNCTION = tuple(f"وزارت{p}" for p in _PRONOUNS)
_PRESENT_PREFIXES = "يتنا"
_MAX_GAP = 4
_MAX_FREE_GAP = 20  # tokens in a gap of names and titles (`خادم الحرمين الشريفين الملك ...`)


class Reading(NamedTuple):
    """One way to read a token: its bare form, and whether it carried the future prefix.

    A named tuple, read by position where readings are matched (`Index.matches`), so that a memo
    may keep plain tuples of the same fields: the garbage collector stops walking a plain tuple
    of strings and booleans, never one of a named class, and the memoized readings of a long
    batch number in the hundreds of thousands.
    """

    base: str
    future: bool = False
    article: bool = False  # an article or a preposition was peeled off: the word is a noun


@dataclass(frozen=True, slots=True)
class Slot:
    """One position of a pattern: the forms it accepts, optional or after a short gap."""

    forms: frozenset[str]
    optional: bool = False
    gap_before: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    """A token pattern and what it stands for (an event code, an actor code...)."""

    slots: tuple[Slot, ...]
    payload: Any
    past: str = ""  # a verb pattern's past with no ending, folded (`دعم` of `دعم/يدعم`)

    @property
    def verb(self) -> bool:
        """Whether the pattern opens with a verb (written PAST/PRESENT)."""
        return bool(self.past)


@dataclass(frozen=True, slots=True)
class Match:
    """A pattern found in a token list: token range [start, end) and the head's reading."""

    start: int
    end: int
    pattern: Pattern
    future: bool


def strip_article(form: str) -> str:
    """A lexicon form without its article (`الجيش` -> `جيش`), keeping short words whole."""
    if form.startswith("ال") and len(form) >= 5:
        return form[2:]
    return form


def readings(token: str, taa_marbuta: bool = False) -> tuple[Reading, ...]:
    """Every bare form a folded token may stand for, most literal first.

    `taa_marbuta`: the unfolded word ends in ة, so its final ه is not a pronoun (زيارة is not
    زيار + ه, وزارة is not و + زار + ه).
    """
    seen: dict[str, Reading] = {}

    def add(base: str, future: bool = False, article: bool = False) -> None:
        if len(base) >= 2 and base not in seen:
            seen[base] = Reading(base, future, article)

    stems: list[tuple[str, bool, bool]] = []
    for conj in ("",) + _CONJUNCTIONS:
        if conj and (not token.startswith(conj) or token.startswith(_NOT_CONJUNCTION)):
            continue
        rest = token[len(conj):]
        if len(rest) < 2:
            continue
        stems.append((rest, False, False))
        if rest.startswith("س") and len(rest) > 3 and rest[1] in _PRESENT_PREFIXES:
            stems.append((rest[1:], True, False))
        if rest.startswith("لل") and len(rest) > 3:
            stems.append((rest[2:], False, True))
        for prep in _PREPOSITIONS:
            if rest.startswith(prep) and len(rest) > 3:
                stems.append((rest[1:], False, True))
                if rest[1:].startswith("ال") and len(rest) > 5:
                    stems.append((rest[3:], False, True))
        if rest.startswith("ال") and len(rest) >= 5:
            stems.append((rest[2:], False, True))
    for base, future, article in stems:
        add(base, future, article)
    for base, future, article in stems:
        for form in _unsuffixed(base, taa_marbuta):
            add(form, future, article)
    return tuple(seen.values())


_MARKS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640"  # harakat, tatweel


def word_readings(word: str) -> tuple[Reading, ...]:
    """Readings of a word as written (folds it, and knows whether it ends in ة)."""
    return readings(fold(word), word.rstrip(_MARKS).endswith("ة"))


def _unsuffixed(base: str, taa_marbuta: bool = False) -> Iterator[str]:
    """Forms of `base` without a pronoun suffix or accusative alef (هجوما -> هجوم)."""
    if base.endswith("ا") and len(base) >= 4:
        yield base[:-1]
    if taa_marbuta:
        return
    for pronoun in _PRONOUNS:
        if base.endswith(pronoun) and len(base) - len(pronoun) >= 2:
            bare = base[: -len(pronoun)]
            yield bare
            if bare.endswith("و"):  # قتلوهم -> قتلوا
                yield bare + "ا"
            if bare.endswith("ت"):  # دعوته -> دعوة (folded ه)
                yield bare[:-1] + "ه"
            break


def verb_forms(spec: str) -> frozenset[str]:
    """Past and present inflections of `PAST/PRESENT[/EXTRA,EXTRA]` (folded)."""
    parts = [fold(part) for part in spec.split("/")]
    past, present = parts[0], parts[1]
    forms = {past}
    forms.update(past + suffix for suffix in ("ت", "وا", "ا", "تا", "ن", "نا", "تم", "و"))
    stem = present[1:] if present[:1] in _PRESENT_PREFIXES else present
    for prefix in _PRESENT_PREFIXES:
        forms.add(prefix + stem)
        forms.update(prefix + stem + suffix for suffix in ("ون", "ان", "ين", "وا", "ن"))
    if len(parts) > 2:
        forms.update(extra.strip() for extra in parts[2].split(",") if extra.strip())
    return frozenset(forms)


def parse_pattern(text: str, payload: Any) -> Pattern:
    """Build a Pattern from its written form (see the header of patterns.tsv)."""
    slots: list[Slot] = []
    gap = False
    past = ""
    for piece in text.split():
        if piece == "...":
            gap = True
            continue
        optional = piece.endswith("؟")
        piece = piece.rstrip("؟")
        if "/" in piece:
            forms = verb_forms(piece)
            if not slots:
                past = fold(piece.split("/")[0])
        else:
            forms = frozenset(_noun_form(alt) for alt in piece.split("|") if alt)
        # Verb-subject-object order puts the subject between a verb and its complement
        # (قطعت البحرين العلاقات): a verb's next token may come after a short gap.
        slots.append(Slot(forms, optional, gap or (bool(past) and len(slots) == 1)))
        gap = False
    if not slots or slots[0].optional or slots[0].gap_before:
        raise ValueError(f"pattern must start with a required token: {text!r}")
    return Pattern(tuple(slots), payload, past)


def _noun_form(written: str) -> str:
    if written.startswith("="):  # exact: the article is part of the name (القاعدة)
        return fold(written[1:])
    return strip_article(fold(written))


class Index:
    """Patterns indexed by the forms of their first slot; finds all matches in a token list."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self._by_form: dict[str, list[Pattern]] = {}
        for pattern in patterns:
            for form in pattern.slots[0].forms:
                self._by_form.setdefault(form, []).append(pattern)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_form.values())

    def matches(self, tokens: Sequence[tuple[Reading, ...]],
                free: frozenset[int] = frozenset()) -> list[Match]:
        """Every match of every pattern, starting at any token. Tokens in `free` (a name with
        its title: `بحث خادم الحرمين الشريفين الملك سلمان مع`) do not count toward a gap."""
        found: list[Match] = []
        for i, token_readings in enumerate(tokens):
            for base, future, article in token_readings:
                for pattern in self._by_form.get(base, ()):
                    if pattern.verb and article:
                        continue  # الطلب, بطلب: a noun, not the verb طلب
                    end = _match_rest(pattern.slots, 1, tokens, i + 1, free)
                    if end is not None:
                        found.append(Match(i, end, pattern, future))
        return found


def _match_rest(
    slots: Sequence[Slot], j: int, tokens: Sequence[tuple[Reading, ...]], i: int,
    free: frozenset[int] = frozenset(),
) -> int | None:
    """End token index if slots[j:] match from token i on, else None (greedy, backtracking)."""
    if j == len(slots):
        return i
    slot = slots[j]
    starts = _gap_starts(i, len(tokens), free) if slot.gap_before else (i,)
    for k in starts:
        if k < len(tokens) and any(base in slot.forms for base, _, _ in tokens[k]):
            end = _match_rest(slots, j + 1, tokens, k + 1, free)
            if end is not None:
                return end
    if slot.optional:
        return _match_rest(slots, j + 1, tokens, i, free)
    return None


def _gap_starts(i: int, size: int, free: frozenset[int]) -> Sequence[int]:
    """Where the token after a gap may stand: up to _MAX_GAP tokens on, not counting those in
    `free`, and never more than _MAX_FREE_GAP in all."""
    if not free:
        return range(i, min(i + _MAX_GAP + 1, size))
    starts, counted = [], 0
    for k in range(i, min(i + _MAX_FREE_GAP + 1, size)):
        starts.append(k)
        counted += k not in free
        if counted > _MAX_GAP:
            break
    return starts


def data_lines(name: str) -> Iterator[list[str]]:
    """Tab-separated rows of a data file shipped in khabar/events/data, without comments."""
    text = resources.files("khabar.events").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def select_longest(matches: Iterable[Match], key: Any = None) -> list[Match]:
    """Non-overlapping matches, preferring longer ones (then `key`, higher first)."""
    ranked = sorted(
        matches,
        key=lambda m: (-(m.end - m.start), -(key(m) if key else 0), m.start),
    )
    taken: list[Match] = []
    used: set[int] = set()
    for match in ranked:
        span = set(range(match.start, match.end))
        if span & used:
            continue
        used |= span
        taken.append(match)
    return sorted(taken, key=lambda m: m.start)
