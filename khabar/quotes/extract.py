"""Find the quotes of a Document and attribute each to a speaker.

Per paragraph: pair the quotation marks, find the reporting cues outside quoted text, ask each
cue what it introduces (khabar.quotes.scan), then find its speaker: the subject after the cue
(khabar.quotes.speakers), the person a bare title refers to (khabar.quotes.titles), or, when
the subject was dropped, the latest agreeing speaker (khabar.quotes.memory). A cue inside
reported content (`قال إن نظيره أكد له أن ...`) belongs to that content and starts no quote of
its own; a participle after a comma (`، مضيفًا`) does.
"""

from __future__ import annotations

import dataclasses
from functools import cached_property

from khabar.arabic import fold
from khabar.document import Document, Entity, Offsets, Quote
from khabar.quotes.lexicon import CueForm, CueLexicon
from khabar.quotes.marks import Quoted, find_quoted
from khabar.quotes.memory import SpeakerMemory
from khabar.quotes.scan import Target, content_span, noun_phrase, scan, trim_open_end
from khabar.quotes.speakers import Speaker, entity_gender, explicit_subject, subject_before
from khabar.quotes.text import Sentences, Word, blocks_of, words_of
from khabar.quotes.titles import person_genders, person_titles, title_antecedent

STAGE = "quotes.cues.v1"
# `حسبما أكد مصدر`, `وفق ما ذكرت الوكالة`: the cue attributes what came before it.
_LOOKING_BACK = frozenset(fold(w) for w in "حسبما بحسبما لما وفقما".split())
_ACCORDING = frozenset(fold(w) for w in "حسب بحسب وفق وفقا على".split())


def find_quotes(doc: Document, lexicon: CueLexicon, *, stage: str = STAGE) -> tuple[Quote, ...]:
    """All quotes of `doc` in text order. Needs doc.sentences and doc.entities (may be empty)."""
    people = sorted((m.start, m.end, e) for e in doc.entities for m in e.mentions)
    context = _Context(doc, lexicon, people, stage)
    quotes: list[Quote] = []
    for start, end in blocks_of(doc):
        if lexicon.mentions_cue(fold(doc.text[start:end])):  # most paragraphs quote nobody
            quotes.extend(context.block(start, end))
    return tuple(quotes)


def _looks_back(words: list[Word], i: int) -> bool:
    before = words[i - 1].folded if i > 0 else ""
    if before in _LOOKING_BACK:
        return True
    return before == "ما" and i > 1 and words[i - 2].folded in _ACCORDING


class _Context:
    def __init__(self, doc: Document, lexicon: CueLexicon,
                 people: list[tuple[int, int, Entity]], stage: str) -> None:
        self.doc, self.lexicon, self.people, self.stage = doc, lexicon, people, stage
        self.sentences = Sentences(doc)
        self.person_ends = {e for _, e, _ in people}
        self.folds: dict[str, str] = {}

    @cached_property
    def titles(self) -> dict[tuple[int, str], set[str]]:
        return person_titles(self.doc.text, self.people, self.lexicon)

    @cached_property
    def memory(self) -> SpeakerMemory:
        memory = SpeakerMemory(self.people)
        for entity in self.doc.entities:  # roles and first names first, then nearby titles
            gender = entity_gender(entity, self.lexicon) if entity.type == "PER" else None
            if gender:
                memory.genders[entity.id] = gender
        for entity_id, gender in person_genders(self.titles, self.lexicon).items():
            memory.genders.setdefault(entity_id, gender)
        return memory

    def block(self, start: int, end: int) -> list[Quote]:
        text, lexicon = self.doc.text, self.lexicon
        words: list[Word] = []
        for first, last in self.sentences.within(start, end):
            if lexicon.mentions_cue(fold(text[first:last])):  # only sentences with a cue
                words.extend(words_of(text, first, last, self.folds))
        quoted = find_quoted(text, start, end)
        open_at = {q.open: q for q in quoted}
        ends = {q.open: q.end if q.closed else self._open_end(q) for q in quoted}
        governed: set[int] = set()
        covered = start
        out: list[Quote] = []
        for i, word in enumerate(words):
            cue = lexicon.cue(word.folded) if word.is_word else None
            if cue is None or any(q.open <= word.start < ends[q.open] for q in quoted):
                continue  # a cue inside quoted words is part of the quote
            if word.start < covered and cue.kind != "participle":
                continue
            if _looks_back(words, i):
                continue
            limit = self.sentences.end_of(word.start)
            if cue.kind == "according":
                target = self._according(words, i, limit)
            else:
                target = scan(words, i, limit, open_at, lexicon, self.person_ends)
                if target is None and cue.complement == "np":
                    target = noun_phrase(words, i, limit, self.people, lexicon)
            if target is None or (target.quoted and target.quoted.open in governed):
                continue
            if self._impersonal(word, target):
                continue
            span = content_span(text, words, target, limit, lexicon)
            if span is None:
                continue
            if target.quoted:
                governed.add(target.quoted.open)
            covered = max(covered, span[1])
            out.append(self._quote(words, i, cue, target, Offsets(*span)))
        return out

    def _open_end(self, quoted: Quoted) -> int:
        tail = words_of(self.doc.text, max(quoted.start, quoted.end - 80), quoted.end, self.folds)
        return trim_open_end(tail, quoted, self.lexicon)

    def _according(self, words: list[Word], i: int, limit: int) -> Target | None:
        """`وبحسب المحامي كروتينا فإن ...` at the start of a sentence: source, then content."""
        if self.sentences.start_of(words[i].start) != words[i].start:
            return None
        window: list[Word] = []
        for j in range(i + 1, min(len(words), i + 10)):
            word = words[j]
            if word.start >= limit:
                return None
            if word.folded in ("،", ",", "فان", "فانه", "فانها"):
                start = word.end if word.folded in ("،", ",", "فان") else word.start
                if j + 1 < len(words) and words[j + 1].folded == "فان":
                    start = words[j + 1].end
                return Target("indirect", window, content_start=start) if window else None
            window.append(word)
        return None

    def _impersonal(self, word: Word, target: Target) -> bool:
        """`ويذكر أن ...` (it is worth noting that) reports nobody."""
        found = self.lexicon.word(word.folded)
        return found is not None and found[0] == "impersonal" and not target.window

    def _quote(self, words: list[Word], i: int, cue: CueForm, target: Target,
               content: Offsets) -> Quote:
        cue_word, memory = words[i], self.memory
        speaker = None
        if cue.kind in ("verb", "according"):
            speaker = explicit_subject(target.window, self.people, self.lexicon)
        if speaker is None and cue.kind == "verb":
            speaker = subject_before(words, i, self.people, self.lexicon)
        if speaker is not None and speaker.entity is None and speaker.span is not None:
            speaker = self._by_title(speaker, cue_word.start)
        score = 0.9 if target.kind == "direct" else 0.8
        span = speaker.span if speaker else None
        if speaker is None:
            since = self.sentences.previous_start(cue_word.start)
            speaker = memory.resolve(cue, cue_word.start, since, self._side_gender(words, i))
            if speaker is None and cue.number in ("p", "d"):
                speaker = self._group_before(since, cue_word.start)
            score *= 0.8
        if speaker is not None:
            memory.remember(cue_word.start, speaker, cue)
        memory.contents.append(content)
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

    def _group_before(self, since: int, until: int) -> Speaker | None:
        """`قدّر عدد من الخبراء ... ونفوا`: a plural verb goes to a group named just before."""
        found = None
        for word in words_of(self.doc.text, since, until, self.folds):
            kind = self.lexicon.word(word.folded)
            if kind is not None and kind[0] == "group" and word.folded != "مصدر" and not any(
                    c.start <= word.start < c.end for c in self.memory.contents):
                found = Speaker(None, self.doc.text[word.start : word.end], None, None, "p")
        return found

    def _by_title(self, speaker: Speaker, before: int) -> Speaker:
        """A bare title (`الوزير التركي`) goes to the person introduced with that title."""
        assert speaker.span is not None
        folded = [w.folded for w in words_of(self.doc.text, speaker.span.start, speaker.span.end)]
        entity_id = title_antecedent(folded, before, self.titles, self.memory.genders,
                                     self.lexicon)
        if entity_id is None:
            return speaker
        text = self.doc.text[speaker.span.start : speaker.span.end]
        return dataclasses.replace(speaker, entity=entity_id, text=text)

    def _name(self, speaker: Speaker) -> str | None:
        if speaker.text:
            return speaker.text
        span = speaker.span
        for start, end, entity in self.people if speaker.entity and span else ():
            if entity.id == speaker.entity and span.start <= start and end <= span.end:
                return self.doc.text[start:end]  # the name itself, without its title
        return self.doc.text[speaker.span.start : speaker.span.end] if speaker.span else None

    def _side_gender(self, words: list[Word], i: int) -> str | None:
        """`من جانبه، وأكد ...`: the marker just before a cue gives the dropped subject's gender."""
        before = tuple(w.folded for w in words[max(0, i - 3) : i] if w.is_word)
        for size in (2, 1):
            found = self.lexicon.sides.get(before[-size:]) if len(before) >= size else None
            if found:
                return found
        return None
