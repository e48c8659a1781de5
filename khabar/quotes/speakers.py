"""Speakers: the subject after a cue, and what a pronoun or continuation refers back to.

Arabic news puts the explicit subject right after the reporting verb (`قال وزير الدفاع
الأمريكي، آشتون كارتر، إن`): the first person mentioned in that window is the speaker and the
title before the name belongs to the speaker span. When the verb is followed directly by a
preposition, a time word or nothing (`وأضاف أن`, `وقالت:`, `مضيفًا`), the subject is dropped
and the speaker is the most recent one whose gender and number agree with the verb.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.document import Entity, Offsets
from khabar.quotes.lexicon import CueForm, CueLexicon
from khabar.quotes.text import Word

# Words after a verb that show its subject was dropped: prepositions, object pronouns, times.
_DROPPED_SUBJECT = frozenset(
    "في فى خلال امام على عن مع من الى الي لدى عقب بعد قبل اثناء له لها لهم لهما لنا لي لك "
    "انه انها ان بان ايضا كذلك امس اليوم الليله مساء صباح الاحد الاثنين الثلاثاء الاربعاء "
    "الخميس الجمعه السبت حينها".split()
)
_STOP = frozenset("في خلال امام على عن مع الى لدى عقب اثناء ان انه انها بان".split())


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a cue's subject is: an entity id or None, how the text names them, and where."""

    entity: str | None
    text: str | None
    span: Offsets | None
    gender: str | None = None
    number: str | None = "s"


@dataclass
class SpeakerMemory:
    """Speakers already seen in the article, most recent last, with what we know of gender."""

    genders: dict[str, str] = field(default_factory=dict)
    recent: list[Speaker] = field(default_factory=list)

    def remember(self, speaker: Speaker, cue: CueForm) -> None:
        if speaker.entity and cue.gender and cue.number == "s":
            self.genders.setdefault(speaker.entity, cue.gender)
        self.recent.append(speaker)

    def resolve(self, cue: CueForm, gender_hint: str | None) -> Speaker | None:
        """The most recent speaker compatible with the cue's gender and number, if any."""
        gender = cue.gender or gender_hint
        plural = cue.number in ("p", "d")
        for speaker in reversed(self.recent[-6:]):
            known = self.genders.get(speaker.entity or "", speaker.gender)
            if plural != (speaker.number == "p"):
                continue
            if gender and known and known != gender:
                continue
            return speaker
        return None


def explicit_subject(
    words: list[Word], people: list[tuple[int, int, Entity]], lexicon: CueLexicon
) -> Speaker | None:
    """The subject named right after a cue, or None when the subject was dropped."""
    if not words or words[0].folded in _DROPPED_SUBJECT or words[0].folded.startswith("لل"):
        return None
    first = lexicon.word(words[0].folded)
    if first and first[0] == "pronoun":
        return None
    lo, hi = words[0].start, words[-1].end
    inside = [(s, e, ent) for s, e, ent in people if s >= lo and e <= hi]
    person = next((m for m in inside if m[2].type == "PER"), None)
    if person is not None:
        return _named(words, person, lexicon)
    leading = next((m for m in inside if m[0] == lo), None)
    if leading is not None:
        start, end, entity = leading
        return Speaker(entity.id, entity.name, Offsets(start, end), None, "s")
    return _described(words, lexicon)


def _named(words: list[Word], mention: tuple[int, int, Entity], lexicon: CueLexicon) -> Speaker:
    start, end, entity = mention
    gender, plain = None, True
    for word in words:
        if word.start >= start:
            break
        plain = plain and word.folded not in _STOP
        found = lexicon.word(word.folded)
        if found and found[0] == "title":
            gender = gender or found[1]
    for word in words:  # a title right after the name: `ليز جراندي منسقة ...`
        if word.start >= end:
            found = lexicon.word(word.folded)
            if found and found[0] == "title":
                gender = gender or found[1]
            break
    span_start = words[0].start if plain else start
    return Speaker(entity.id, None, Offsets(span_start, end), gender, "s")


def _described(words: list[Word], lexicon: CueLexicon) -> Speaker | None:
    """An unnamed subject: a group (`مسؤولون`) or a title without a name (`المتحدث باسم`)."""
    first = lexicon.word(words[0].folded)
    if first is None or first[0] not in ("title", "group"):
        return None
    taken = [words[0]]
    for word in words[1:5]:
        if word.folded in _STOP or not word.is_word:
            break
        taken.append(word)
    number = "p" if first[0] == "group" and words[0].folded not in ("مصدر",) else "s"
    span = Offsets(taken[0].start, taken[-1].end)
    return Speaker(None, None, span, first[1], number)


def entity_gender(entity: Entity, lexicon: CueLexicon) -> str | None:
    """A person's gender from a role title or a first name, when either is known."""
    for role in entity.roles:
        found = lexicon.word(_first(role.title))
        if found and found[0] == "title" and found[1]:
            return found[1]
    found = lexicon.word(_first(entity.name))
    return found[1] if found and found[0] in ("name", "title") else None


def _first(text: str) -> str:
    from khabar.arabic import fold

    parts = fold(text).split()
    return parts[0] if parts else ""
