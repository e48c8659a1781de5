"""Who a dropped subject refers to: the latest compatible speaker or person before the cue.

`وأضاف أن ...`, `وقالت: ...`, `مضيفًا ...` name nobody. The speaker is the most recent
candidate whose gender and number agree with the verb: a speaker of an earlier quote, or a
person mentioned (outside any quote) in the same or the previous sentence, as in
`رصدت سالي باين ... أدلة على ذلك. وقالت ...`. A person's gender comes from a role title next to
a mention (`منسقة`), a first name, or a gendered verb already used with them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from khabar.document import Entity, Offsets
from khabar.quotes.lexicon import CueForm
from khabar.quotes.speakers import Speaker

_LOOKBACK = 8  # earlier quote speakers considered, most recent first


@dataclass
class SpeakerMemory:
    """Speakers and person mentions seen so far in one article, with what we know of gender."""

    people: list[tuple[int, int, Entity]]
    genders: dict[str, str] = field(default_factory=dict)
    recent: list[tuple[int, Speaker]] = field(default_factory=list)
    contents: list[Offsets] = field(default_factory=list)

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
        candidates = [(pos, s) for pos, s in self.recent[-_LOOKBACK:] if pos < position]
        if not plural:
            candidates.extend(self._mentions(since, position))
        for _, speaker in sorted(candidates, key=lambda item: item[0], reverse=True):
            if plural != (speaker.number == "p"):
                continue
            known = self.genders.get(speaker.entity or "", speaker.gender)
            if gender and known and known != gender:
                continue
            return speaker
        return None

    def _mentions(self, since: int, until: int) -> list[tuple[int, Speaker]]:
        starts = [s for s, _, _ in self.people]
        out = []
        for start, end, entity in self.people[bisect_left(starts, since) :]:
            if start >= until:
                break
            if entity.type != "PER" or any(c.start <= start < c.end for c in self.contents):
                continue
            text = Speaker(entity.id, None, Offsets(start, end), self.genders.get(entity.id))
            out.append((start, text))
        return out
