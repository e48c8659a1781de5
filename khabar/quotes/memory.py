"""Who a dropped subject refers to: the latest compatible speaker or person before the cue.

`وأضاف أن ...`, `وقالت: ...`, `مضيفًا ...` name nobody. The speaker is the most recent
candidate whose gender and number agree with the verb: a speaker of an earlier quote, or a
person mentioned (outside any quote) in the same or the previous sentence, as in
`رصدت سالي باين ... أدلة على ذلك. وقالت ...`. A person's gender comes from a role title next to
a mention (`منسقة`), a first name, or a gendered verb already used with them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from khabar.arabic import fold
from khabar.document import Offsets
from khabar.quotes.lexicon import CueForm
from khabar.quotes.people import Covered, People, Skips
from khabar.quotes.speakers import Speaker

_LOOKBACK = 8  # earlier quote speakers considered, most recent first


@dataclass
class SpeakerMemory:
    """Speakers and person mentions seen so far in one article, with what we know of gender."""

    people: People
    genders: dict[str, str] = field(default_factory=dict)
    recent: list[tuple[int, Speaker]] = field(default_factory=list)
    contents: Covered = field(default_factory=Covered)  # the quotes' contents so far
    # quotes.cues.v3: whether a mention at an offset stands where its sentence's subject would;
    # a person named elsewhere is talked about and is no dropped subject (None: every mention).
    subject_like: Callable[[int], bool] | None = None
    _skips: dict[tuple[str | None, bool], Skips] = field(default_factory=dict, repr=False)
    # speakers remembered up to an offset only (a speaker cited aside: their sentence's end)
    until: dict[int, int] = field(default_factory=dict)
    text: str = ""  # the Document's text, to read a group speaker's words

    def remember(self, position: int, speaker: Speaker, cue: CueForm,
                 until: int | None = None) -> None:
        """Record a speaker found at `position` (followed up to `until` only, if given); a
        singular gendered verb tells their gender."""
        if until is None and self.until:  # a speaker cited aside, followed in their sentence
            until = next((self.until[pos] for pos, s in reversed(self.recent[-_LOOKBACK:])
                          if s is speaker and pos in self.until), None)
        if until is not None:
            self.until[position] = until
        if speaker.entity and cue.gender and cue.number == "s":
            self.genders.setdefault(speaker.entity, speaker.gender or cue.gender)
        elif speaker.entity and speaker.gender:
            self.genders.setdefault(speaker.entity, speaker.gender)
        self.recent.append((position, speaker))

    def resolve(self, cue: CueForm, position: int, since: int, hint: str | None) -> Speaker | None:
        """The latest candidate before `position` that agrees with the cue, if any: a recent
        speaker, or (for a singular cue) a person mentioned since `since` outside the quotes so
        far; a speaker before a mention at one offset."""
        gender = cue.gender or hint
        plural = cue.number in ("p", "d")
        recent = sorted(((pos, s) for pos, s in self.recent[-_LOOKBACK:]
                         if pos < position < self.until.get(pos, position + 1)),
                        key=lambda item: item[0], reverse=True)
        spoken = next(((pos, s) for pos, s in recent if self._agrees(s, plural, gender, cue)),
                      None)
        if not plural:
            mentioned = self._latest_person(since, position, gender)
            if mentioned is None and spoken is None and self.subject_like is not None:
                # nobody has spoken and nobody stands as a subject: the latest person, as v2
                mentioned = self._latest_person(since, position, gender, anywhere=True)
            if mentioned is not None and (spoken is None or mentioned[0] > spoken[0]):
                return mentioned[1]
        return spoken[1] if spoken is not None else None

    def _agrees(self, speaker: Speaker, plural: bool, gender: str | None,
                cue: CueForm | None = None) -> bool:
        if plural != (speaker.number == "p"):
            # `وذكرت مصادر أمنية ... وأوضحت أن`: a plural of things takes a feminine singular
            # verb (quotes.cues.v3 only)
            return (self.subject_like is not None and cue is not None and not plural
                    and cue.gender == "f" and speaker.number == "p"
                    and _broken_plural(speaker, self))
        known = self.genders.get(speaker.entity or "", speaker.gender)
        return not (gender and known and known != gender)

    def _latest_person(self, since: int, until: int, gender: str | None,
                       *, anywhere: bool = False) -> tuple[int, Speaker] | None:
        """The latest person mentioned in [since, until) outside the quotes so far whose known
        gender agrees (of those at one offset, the first in text order).

        A mention that fails once fails for good (quotes only grow, a person's gender is only
        ever set once), so it is dropped from later walks for that gender: a dropped subject
        in a sentence of a whole page does not walk back over every mention each time.
        """
        starts, items = self.people.starts, self.people.items
        subject_like = None if anywhere else self.subject_like
        key = (gender or None, anywhere)
        skips = self._skips.get(key)
        if skips is None:
            skips = self._skips[key] = Skips(len(items))
        floor = bisect_left(starts, since)
        found = None
        index = skips.last(bisect_left(starts, until) - 1)
        while index >= floor and (found is None or starts[index] == starts[found]):
            start, _end, entity = items[index]
            known = self.genders.get(entity.id)
            if entity.type != "PER" or start in self.contents or (
                    gender and known and known != gender) or (
                    subject_like is not None and not subject_like(start)):
                skips.drop(index)
            else:
                found = index  # and look on for one at the same offset before it
            index = skips.last(index - 1)
        if found is None:
            return None
        start, end, entity = items[found]
        return start, Speaker(entity.id, None, Offsets(start, end), self.genders.get(entity.id))


def _broken_plural(speaker: Speaker, memory: SpeakerMemory) -> bool:
    """`مصادر`, `السلطات`, `تقارير`: a group word that is no sound masculine plural (those are
    people: `مسؤولون`, `مسؤولين`, and take a plural verb)."""
    words = (speaker.text or (memory.text[speaker.span.start : speaker.span.end]
                              if speaker.span else "")).split()
    return bool(words) and not fold(words[0]).endswith(("ون", "ين"))
