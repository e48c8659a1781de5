"""Find the quotes of a Document and attribute each to a speaker.

Per paragraph: pair the quotation marks, find the reporting cues outside quoted text, ask each
cue what it introduces (khabar.quotes.scan), then find its speaker (khabar.quotes.speakers).
A cue inside reported content (`قال إن نظيره أكد له أن ...`) belongs to that content and does
not start a quote of its own; a participle after a comma (`، مضيفًا`) does.
"""

from __future__ import annotations

from khabar.document import Document, Entity, Offsets, Quote
from khabar.quotes.lexicon import CueForm, CueLexicon
from khabar.quotes.marks import Quoted, find_quoted
from khabar.quotes.scan import Target, clause_end, scan, trim_open_end
from khabar.quotes.speakers import Speaker, SpeakerMemory, entity_gender, explicit_subject
from khabar.quotes.text import Sentences, Word, blocks_of, words_of

STAGE = "quotes.cues.v1"


def find_quotes(doc: Document, lexicon: CueLexicon, *, stage: str = STAGE) -> tuple[Quote, ...]:
    """All quotes of `doc` in text order. Needs doc.sentences and doc.entities (may be empty)."""
    people = sorted((m.start, m.end, e) for e in doc.entities for m in e.mentions)
    memory = SpeakerMemory()
    for entity in doc.entities:
        gender = entity_gender(entity, lexicon) if entity.type == "PER" else None
        if gender:
            memory.genders[entity.id] = gender
    context = _Context(doc, lexicon, people, memory, Sentences(doc), stage)
    quotes: list[Quote] = []
    for start, end in blocks_of(doc):
        quotes.extend(context.block(start, end))
    return tuple(quotes)


class _Context:
    def __init__(self, doc: Document, lexicon: CueLexicon, people: list[tuple[int, int, Entity]],
                 memory: SpeakerMemory, sentences: Sentences, stage: str) -> None:
        self.doc, self.lexicon, self.people = doc, lexicon, people
        self.memory, self.sentences, self.stage = memory, sentences, stage
        self.person_ends = {e for _, e, _ in people}

    def block(self, start: int, end: int) -> list[Quote]:
        text, lexicon = self.doc.text, self.lexicon
        words = words_of(text, start, end)
        quoted = find_quoted(text, start, end)
        open_at = {q.open: q for q in quoted}
        ends = {q.open: q.end if q.closed else trim_open_end(words, q, lexicon) for q in quoted}
        governed: set[int] = set()
        covered = start
        out: list[Quote] = []
        for i, word in enumerate(words):
            cue = lexicon.cue(word.folded) if word.is_word else None
            if cue is None or cue.kind == "according":
                continue
            if any(q.open <= word.start < ends[q.open] for q in quoted):
                continue  # a cue inside quoted words is part of the quote
            if word.start < covered and cue.kind != "participle":
                continue
            limit = self.sentences.end_of(word.start)
            target = scan(words, i, limit, open_at, lexicon, self.person_ends)
            if target is None and cue.complement == "np":
                target = self._noun_phrase(words, i, limit)
            if target is None or (target.quoted and target.quoted.open in governed):
                continue
            content = self._content(words, target, limit)
            if content is None:
                continue
            if target.quoted:
                governed.add(target.quoted.open)
            covered = max(covered, content.end)
            out.append(self._quote(words, i, cue, target, content))
        return out

    def _noun_phrase(self, words: list[Word], i: int, limit: int) -> Target | None:
        rest = [w for w in words[i + 1 : i + 1 + 12] if w.start < limit]
        speaker = explicit_subject(rest, self.people, self.lexicon) if rest else None
        skip = 0
        if speaker is not None and speaker.span is not None:
            skip = sum(1 for w in rest if w.end <= speaker.span.end)
        while skip < len(rest) and rest[skip].kind == "punct":
            skip += 1
        if len([w for w in rest[skip:] if w.is_word]) < 2:
            return None
        return Target("np", rest[:skip], content_start=rest[skip].start)

    def _content(self, words: list[Word], target: Target, limit: int) -> Offsets | None:
        if target.quoted is not None:
            q = target.quoted
            end = q.end if q.closed else trim_open_end(words, q, self.lexicon)
            start, text = q.start, self.doc.text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            return Offsets(start, end) if start < end else None
        k = next((j for j, w in enumerate(words) if w.start >= target.content_start), None)
        if k is None or words[k].start >= limit:
            return None
        end = clause_end(words, k, limit, {}, self.lexicon)
        start = words[k].start
        if sum(1 for w in words[k:] if w.is_word and w.end <= end) < 2:
            return None
        return Offsets(start, end)

    def _quote(self, words: list[Word], i: int, cue: CueForm, target: Target,
               content: Offsets) -> Quote:
        cue_word = words[i]
        speaker = None
        if cue.kind == "verb":
            speaker = explicit_subject(target.window, self.people, self.lexicon)
        score = 0.9 if target.kind == "direct" else 0.8
        if speaker is not None:
            self.memory.remember(speaker, cue)
            span = speaker.span
        else:
            speaker = self.memory.resolve(cue, self._side_gender(words, i))
            score *= 0.8
            span = None
            if speaker is not None:
                self.memory.recent.append(speaker)
        return Quote(
            speaker=speaker.entity if speaker else None,
            speaker_text=self._name(speaker) if speaker else None,
            cue=Offsets(cue_word.start, cue_word.end),
            content=content,
            direct=target.kind == "direct",
            speaker_span=span,
            stage=self.stage,
            score=round(score if speaker else 0.5, 2),
        )

    def _name(self, speaker: Speaker) -> str | None:
        if speaker.text:
            return speaker.text
        if speaker.entity:
            for start, end, entity in self.people:
                if entity.id == speaker.entity and speaker.span and speaker.span.start <= start \
                        and end <= speaker.span.end:
                    return self.doc.text[start:end]
        return self.doc.text[speaker.span.start : speaker.span.end] if speaker.span else None

    def _side_gender(self, words: list[Word], i: int) -> str | None:
        """`من جانبه، وأكد ...`: the marker just before a cue gives the dropped subject's gender."""
        before = tuple(w.folded for w in words[max(0, i - 3) : i] if w.is_word)
        for size in (2, 1):
            found = self.lexicon.sides.get(before[-size:]) if len(before) >= size else None
            if found:
                return found
        return None
