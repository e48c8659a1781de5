"""Who a dropped subject refers to: the latest compatible speaker or person before the cue.

`وأضاف أن ...`, `وقالت: ...`, `مضيفًا ...` name nobody. The speaker is the most recent
candidate whose gender and number agree with the verb: a speaker of an earlier quote, or a
person mentioned (outside any quote) in the same or the previous sentence, as in
`رصدت سالي باين ... أدلة على ذلك. وقالت ...`. A person's gender comes from a role title next to
a mention (`منسقة`), a first name, or a gendered verb already used with them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from khabar.document import Offsets
from khabar.quotes.lexicon import CueForm
from khabar.quotes.people import Covered, People
from khabar.quotes.speakers import Speaker

_LOOKBACK = 8  # earlier quote speakers considered, most recent first


@dataclass
class SpeakerMemory:
    """Speakers and person mentions seen so far in one article, with what we know of gender."""

    people: People
    genders: dict[str, str] = field(default_factory=dict)
    recent: list[tuple[int, Speaker]] = field(default_factory=list)
    contents: Covered = field(default_factory=Covered)  # the quotes' contents so far

    def remember(self, position: int, speaker: Speaker, cue: CueForm) -> None:
        """Record a speaker found at `position`; a singular gendered verb tells their gender."""
        if speaker.entity and cue.gender and cue.number == "s":
            self.genders.setdefault(speaker.entity, speaker.gender or cue.gender)
        elif speaker.entity and speaker.gender:
            self.genders.setdefault(speaker.entity, speaker.gender)
        self.recent.append((position, speaker))

    def resolve(self, cue: CueForm, position: int, since: int, hint: str | None) -> Speaker | None:
        """The latest candidate before `position` that agrees with the cue, if any."""
        gender = cue.gender or hint
        plural = cue.number in ("p", "d")
        for speaker in self._candidates(position, since, plural):
            if plural != (speaker.number == "p"):
                continue
            known = self.genders.get(speaker.entity or "", speaker.gender)
            if gender and known and known != gender:
                continue
            return speaker
        return None

    def _candidates(self, position: int, since: int, plural: bool) -> Iterator[Speaker]:
        """Recent speakers and (for a singular cue) persons mentioned since `since`, latest
        first; at one position the speakers come before the mentions."""
        recent = sorted(((pos, s) for pos, s in self.recent[-_LOOKBACK:] if pos < position),
                        key=lambda item: item[0], reverse=True)
        mentions = iter(()) if plural else self._mentions(since, position)
        mention = next(mentions, None)
        for pos, speaker in recent:
            while mention is not None and mention[0] > pos:
                yield mention[1]
                mention = next(mentions, None)
            yield speaker
        while mention is not None:
            yield mention[1]
            mention = next(mentions, None)

    def _mentions(self, since: int, until: int) -> Iterator[tuple[int, Speaker]]:
        """Persons mentioned in [since, until) outside the quotes so far, latest first (those
        starting at one offset in text order); a quote's mentions are skipped in one step."""
        starts, items = self.people.starts, self.people.items
        floor = bisect_left(starts, since)
        index = bisect_left(starts, until) - 1
        while index >= floor:
            run = self.contents.run_at(starts[index])
            if run is not None:  # every mention from the run's start to here is quoted
                index = bisect_left(starts, run[0], floor, index + 1) - 1
                continue
            first = bisect_left(starts, starts[index], floor, index + 1)
            for start, end, entity in items[first : index + 1]:
                if entity.type == "PER":
                    speaker = Speaker(entity.id, None, Offsets(start, end),
                                      self.genders.get(entity.id))
                    yield start, speaker
            index = first - 1
