"""Who said it: from the subject after the cue to the latest agreeing speaker.

In order: the subject named after the cue (khabar.quotes.speakers), or written before its verb
(`لكن مسؤولين قالوا`); a bare title goes to the person introduced with it
(khabar.quotes.titles); a dropped subject goes to the latest agreeing speaker or person
(khabar.quotes.memory), or for a plural verb to a group named just before.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from functools import cached_property

from khabar.arabic import fold
from khabar.document import Document, Entity, Offsets
from khabar.entities.nisba import load_role_lexicon
from khabar.entities.roles import HONORIFICS, STATE_NOUNS
from khabar.quotes.lexicon import CueForm, CueLexicon
from khabar.quotes.memory import SpeakerMemory
from khabar.quotes.people import People, Skips
from khabar.quotes.scan import Target
from khabar.quotes.preverbal import subject_before
from khabar.quotes.relays import (
    issued_by, medium_author, medium_kind, relayed_owner, relayed_source, subject_after_kana,
    subject_window, widened,
)
from khabar.quotes.speakers import (Speaker, described, entity_gender, explicit_subject,
                                    speaks_for, title_gender, written_imam)
from khabar.quotes.text import Sentences, Word, words_of
from khabar.quotes.titled import titled_subject
from khabar.quotes.titles import TitleIndex, countries_of, person_genders, person_titles
from khabar.quotes.titles import title_antecedent


@dataclasses.dataclass(frozen=True, slots=True)
class Attribution:
    """A cue's speaker, the span that names them at the cue, and whether it was resolved."""

    speaker: Speaker | None
    span: Offsets | None
    resolved: bool


# v4: who may open a sentence a participle goes on from: a body, or a state (`استنكرت مملكة
# البحرين ...، معتبرة أن`, `رحبت مصر بالقرار، مشيرة إلى`)
_BODIES = frozenset(("ORG", "LOC"))
_STATE_NOUNS = frozenset(w for w in STATE_NOUNS if not w.startswith("ال"))  # in construct
BY_TURN = frozenset(fold(w) for w in "بدوره بدورها وبدوره وبدورها".split())
_SHARED = 0.6  # share of a bare title's other words that a role must say
_RANKED = frozenset(fold(w) for w in HONORIFICS)  # before a family name (`اللواء التركي`)


class Attributor:
    """Finds speakers for one Document; remembers speakers as the text goes on."""

    def __init__(self, doc: Document, lexicon: CueLexicon, people: People,
                 sentences: Sentences, folds: dict[str, str], *, v3: bool = False,
                 v4: bool = False) -> None:
        self.doc, self.lexicon, self.people = doc, lexicon, people
        self.sentences, self.folds = sentences, folds
        self.v3 = v3  # quotes.cues.v3: relays, media, apposition, subjects of their sentence
        # quotes.cues.v4: the one told is no subject; a bare title's nationality must agree
        self.v4 = v4
        self.nisba = load_role_lexicon(version=3).nisba if v4 else None

    @cached_property
    def titles(self) -> dict[tuple[int, str], set[str]]:
        return person_titles(self.doc.text, self.people, self.lexicon, clauses=self.v4)

    @cached_property
    def title_index(self) -> TitleIndex:
        return TitleIndex(self.titles)

    @cached_property
    def groups(self) -> tuple[list[Word], Skips]:
        """The article's group words (`مسؤولون`, `الخبراء`), in text order, and those of them
        still outside every quote."""
        found = self._groups_in(words_of(self.doc.text, 0, len(self.doc.text), self.folds))
        return found, Skips(len(found))

    def _groups_in(self, words: list[Word]) -> list[Word]:
        found = []
        for word in words:
            kind = self.lexicon.word(word.folded)
            if kind is not None and kind[0] == "group" and word.folded != "مصدر":
                found.append(word)
        return found

    @cached_property
    def memory(self) -> SpeakerMemory:
        memory = SpeakerMemory(self.people, subject_like=self._subject_like if self.v3 else None,
                               text=self.doc.text)
        for entity in self.doc.entities:  # roles and first names first, then nearby titles
            gender = entity_gender(entity, self.lexicon) if entity.type == "PER" else None
            if gender:
                memory.genders[entity.id] = gender
        for entity_id, gender in person_genders(self.titles, self.lexicon,
                                                places=self.v4).items():
            memory.genders.setdefault(entity_id, gender)
        if self.v4:
            _surnames_gendered(self.doc.entities, memory.genders)
        return memory

    def attribute(self, words: list[Word], i: int, cue: CueForm, target: Target,
                  content: Offsets, *, aside: bool = False) -> Attribution:
        """The speaker of the quote whose cue is words[i]; an `aside` speaker is remembered
        for the rest of its sentence only."""
        position, memory = words[i].start, self.memory
        if self.v3:
            speaker = self._subject_v3(words, i, cue, target, content)
        else:
            speaker = self._subject_v2(words, i, cue, target)
        if speaker is not None and speaker.entity is None and speaker.span is not None \
                and not (self.v3 and speaker.text):
            speaker = self._by_title(speaker, position)
        if self.v4 and speaker is not None and speaker.entity is None and speaker.span is not None:
            speaker = self._by_role_or_surname(speaker, position)
        if self.v4 and speaker is not None and speaker.entity is None and speaker.span is not None:
            speaker = self._by_body_head(speaker, position)
        span, resolved = (speaker.span if speaker else None), speaker is None
        if speaker is not None and speaker.entity is None and span is not None:
            # A person named inside an unnamed subject (`أحد أقارب فلان`) is not the one who
            # speaks: later dropped subjects must not go to them.
            memory.contents.add(span.start, span.end)
        if speaker is None and self.v4 and cue.number in ("p", "d"):
            # a group named in the cue's own sentence before it comes before the memory's
            # (`وأجمع ضيوف الندوة ...، مؤكدين أن` after another group's quote)
            speaker = self._group_before(self.sentences.start_of(position), position)
        if speaker is None:
            since = self.sentences.previous_start(position)
            speaker = memory.resolve(cue, position, since, self._side_gender(words, i))
            if self.v3 and cue.number not in ("p", "d"):
                speaker = self._titled_or(speaker, cue, since, position)
            if speaker is None and cue.number in ("p", "d"):
                speaker = self._group_before(since, position)
            if speaker is None and self.v3 and cue.kind == "participle":
                speaker = self._same_sentence(position, cue)
            if self.v4 and (cue.kind == "participle" or _joined_verb(words, i, cue)) \
                    and not self._spoke_here(position):
                speaker = self._opening_body(position, cue) or speaker
            elif self.v4 and speaker is None and cue.kind == "verb" \
                    and self._opens_sentence(words, i) and not self._spoke_since(since):
                # `وعلقت هيئة الإذاعة البريطانية على ... . وقالت في تقرير لها إن`
                speaker = self._opening_body(position, cue, opening=since)
            if self.v4 and speaker is not None and speaker.entity is None \
                    and speaker.span is not None and self._titled(speaker.span):
                # a title remembered, or read in the sentence, as a person's role says it
                speaker = self._by_role_or_surname(speaker, position)
        if speaker is not None and not target.cited:
            if self.v4 and not resolved and cue.gender and cue.number == "s" \
                    and self._named_right_after(speaker, words[i]):
                # v4: the verb agrees with the subject it names (`وقالت فلانة عضو اللجنة`): its
                # gender, not a title word's (`عضو`, `رئيس` are said of women too)
                memory.genders[speaker.entity] = cue.gender
            memory.remember(position, speaker, cue,
                            until=self.sentences.end_of(position) if aside else None)
        memory.contents.add(content.start, content.end)
        return Attribution(speaker, span, resolved)

    def _subject_v2(self, words: list[Word], i: int, cue: CueForm, target: Target
                    ) -> Speaker | None:
        speaker = None
        if cue.kind in ("verb", "according"):
            speaker = explicit_subject(target.window, self.people, self.lexicon)
        if speaker is None and cue.kind == "verb":
            speaker = subject_before(words, i, self.people, self.lexicon)
        if speaker is None:
            speaker = _relayed(target.window, self.people, self.lexicon)
        return speaker

    def _subject_v3(self, words: list[Word], i: int, cue: CueForm, target: Target,
                    content: Offsets) -> Speaker | None:
        """v2's subject, except that a relay gives way to its source and a medium (a tweet, a
        statement) to whoever posted it; an unnamed subject keeps its apposed name."""
        text, people, lexicon = self.doc.text, self.people, self.lexicon
        between = [w for w in target.window if w.is_word]
        if not between:  # `مشيرة، نقلا عن فلان، إلى "..."`: the relay opens the content
            after = [w for w in words[i + 1 : i + 1 + _RELAY_REACH] if w.is_word]
            between = after if after and after[0].folded in _FROM else []
        relayed = relayed_source(between, cue, people, lexicon)
        if relayed is not None:
            return widened(text, relayed, target.window, people, lexicon)
        speaker = None
        if cue.kind in ("verb", "according"):
            speaker = explicit_subject(subject_window(target.window, cue, v4=self.v4), people,
                                       lexicon, addressee=self.v4, times=self.v4,
                                       text=text if self.v4 else None)
            if speaker is not None and cue.kind == "according":
                speaker = _without_li(text, speaker)
        if speaker is None and cue.kind == "verb":
            speaker = subject_after_kana(words, i, people, lexicon, marks=self.v4)
        if speaker is None and cue.kind == "verb" and not _joined(words[i], lexicon):
            speaker = subject_before(words, i, people, lexicon, persons_first=self.v4)
        if speaker is None and cue.kind == "noun":
            sentence = self.sentences.start_of(words[i].start)
            speaker = relayed_owner(words, i, sentence, people, lexicon)
        medium = medium_kind(text, speaker, lexicon) if speaker is not None else None
        if self.v4 and medium == "medium" and (
                issuer := issued_by(target.window, people, lexicon)) is not None:
            speaker, medium = issuer, None  # `بحسب بيان صادر عن وزارة الخارجية`
        if speaker is None or medium:  # a tweet or statement speaks for who posted it
            sentence = self.sentences.start_of(words[i].start)
            author = medium_author(words, i, sentence, people, lexicon)
            if author is not None or medium == "platform":
                speaker = author
        if speaker is None:
            speaker = _relayed(target.window, people, lexicon)
        return widened(text, speaker, target.window, people, lexicon) if speaker else None

    def _titled_or(self, speaker: Speaker | None, cue: CueForm, since: int,
                   position: int) -> Speaker | None:
        """`speaker`, unless a title opens a later sentence before the cue (khabar.quotes.titled)
        and agrees with the cue's gender."""
        spans = [(start, self.sentences.end_of(start))
                 for start in self.sentences.starts_between(since, position)]
        titled = titled_subject(self.doc.text, spans, position, self.people, self.lexicon,
                                self.folds) if spans else None
        if titled is None or cue.gender and titled.speaker.gender \
                and cue.gender != titled.speaker.gender:
            return speaker
        if speaker is not None and self._last_seen(speaker) >= titled.sentence and not (
                speaker.span is not None
                and self.sentences.start_of(speaker.span.start) == titled.sentence
                and speaker.span.start > titled.speaker.span.start):  # type: ignore[union-attr]
            return speaker  # (a name after the title in its own sentence is no subject)
        return titled.speaker

    def _last_seen(self, speaker: Speaker) -> int:
        """Where a resolved speaker last spoke or was named."""
        spoke = [pos for pos, s in self.memory.recent
                 if s is speaker or speaker.entity and s.entity == speaker.entity]
        named = speaker.span.start if speaker.span else -1
        return max([named, *spoke])

    def _spoke_here(self, position: int) -> bool:
        """Whether someone already spoke in the sentence of `position`."""
        recent = self.memory.recent
        return bool(recent) and recent[-1][0] >= self.sentences.start_of(position)

    def _named_right_after(self, speaker: Speaker, cue: Word) -> bool:
        """Whether the speaker is named right after the cue, the verb's own subject (`وقالت
        هيفي مصطفى`): not a title resolved to someone named elsewhere, not a person inside a
        subject (`مصادر في تيار عون أكدت`) nor one a relay quotes (`نقلت الصحيفة عن فلان`)."""
        span = speaker.span
        return speaker.entity is not None and span is not None and span.start >= cue.end \
            and not self.doc.text[cue.end:span.start].strip() and any(
                entity.id == speaker.entity and start == span.start
                for start, _end, entity in self.people.starting_in(span.start, span.start + 1))

    def _spoke_since(self, start: int) -> bool:
        """Whether someone spoke at or after offset `start`."""
        recent = self.memory.recent
        return bool(recent) and recent[-1][0] >= start

    def _opens_sentence(self, words: list[Word], i: int) -> bool:
        """v4: the cue at words[i] is its sentence's first word."""
        return words[i].start == self.sentences.start_of(words[i].start)

    def _opening_body(self, position: int, cue: CueForm, *, opening: int | None = None
                      ) -> Speaker | None:
        """v4: the organization named right after its sentence's opening verb, which a
        participle after it shares (`وكانت الرئاسة الفلسطينية قد استنكرت الهجوم، ومؤكدة أن`,
        `ورحبت الوزارة بالقرار، مشيرة إلى أن`), as a verb joined to it by و does (`ورفضت الحكومة
        الاتهامات وقالت إن`): not the speaker of an earlier sentence. With `opening`, the
        sentence that starts there (the one before a cue that opens its own)."""
        start = self.sentences.start_of(position) if opening is None else opening
        words = [w for w in words_of(self.doc.text, start, min(position, start + _GLANCE),
                                     self.folds) if w.is_word][:4]
        if words and words[0].folded in BY_TURN:
            words = words[1:]  # `بدوره، استنكر الأزهر الهجوم، مؤكدا أن`
        elif len(words) > 1 and (words[0].folded, words[1].folded) in self.lexicon.sides:
            words = words[2:]  # `من جهتها، دانت الوزارة ...`
        if len(words) < 2 or opening is None and self.lexicon.cue(words[0].folded) is not None:
            return None  # (a speech verb's subject is remembered with its own quote; one
            # that quoted nothing before a cue that opens the next sentence is not)
        if words[1].folded in _STATE_NOUNS and len(words) > 2:
            words = words[1:]  # `مملكة البحرين`, `دولة الكويت`: the state named after its noun
        for mention_start, end, entity in self.people.starting_in(words[1].start, words[1].end):
            # `الوزارة` f, `الحزب` m; a state is spoken of as feminine (`مصر`, `العراق`)
            gender = "f" if words[1].folded.endswith("ه") or entity.type == "LOC" else "m"
            if entity.type in _BODIES and cue.gender in (None, gender):
                return Speaker(entity.id, None, Offsets(mention_start, end), None, "s")
        found = self.lexicon.word(words[1].folded)
        if found is not None and found[0] == "body" and words[1].folded.startswith("ال") \
                and cue.number not in ("p", "d") \
                and cue.gender in (None, "f" if words[1].folded.endswith("ه") else "m"):
            # a body the tagger left unnamed (`فرضت الحكومة الأمريكية عقوبات ... وقالت إن`)
            rest = words_of(self.doc.text, words[1].start, position, self.folds)
            return described(rest, self.lexicon, True)
        return None

    def _same_sentence(self, position: int, cue: CueForm) -> Speaker | None:
        """`وأكد عدد منهم أن ...، مشيرين إلى`: a participle after a comma shares the subject of
        its sentence's verb, whatever number the memory could check (not another gender)."""
        if not self._spoke_here(position):
            return None
        speaker = self.memory.recent[-1][1]
        # a named person's gender only: an unnamed subject's may be a word's inside it
        # (`والد الطالبة`)
        known = self.memory.genders.get(speaker.entity) if speaker.entity else None
        return None if cue.gender and known and known != cue.gender else speaker

    def _subject_like(self, start: int) -> bool:
        """Whether a mention stands where its sentence's subject would (`التقت هند العتيبي`,
        `طالب رئيس اللجنة الدولية للصليب الأحمر بيتر مورير`): the sentence's first person, with
        no preposition in the three words before it (`إلى عائلة فلان`) and not the object of one
        (`بالمقاول فلان`).
        A person named elsewhere is talked about, and is no dropped subject."""
        head = self.sentences.start_of(start)
        if any(s < start and e.type == "PER" for s, _, e in self.people.starting_in(head, start)):
            return False
        stretch = self.doc.text[max(head, start - 60):start]
        cut = max(stretch.rfind("،"), stretch.rfind(","))  # `في حينه، الجنرال فلان`: apposition
        before = fold(stretch[cut + 1 :]).split()[-3:]
        if before and before[-1].startswith(_PREPOSED):
            return False
        return not any(w in _PREPOSITIONS for w in before)  # `إلى عائلة المرحوم فلان`

    def name(self, speaker: Speaker) -> str | None:
        """How the text names a speaker: the name without its title, or the words used."""
        if speaker.text:
            return speaker.text
        span = speaker.span
        for start, end, entity in self.people.starting_in(span.start, span.end) \
                if speaker.entity and span else ():
            if entity.id == speaker.entity and span.start <= start and end <= span.end:
                return self.doc.text[start:end]
        return self.doc.text[span.start : span.end] if span else None

    def _group_before(self, since: int, until: int) -> Speaker | None:
        """`قدّر عدد من الخبراء ... ونفوا`: a plural verb goes to a group named just before."""
        if until - since <= _STRETCH:  # the usual case: read the stretch itself
            groups = self._groups_in(words_of(self.doc.text, since, until, self.folds))
            skips = None
            index = len(groups) - 1
        else:  # a long page without sentence ends: the page's group words, read once, and
            groups, skips = self.groups  # the quoted ones dropped for good once seen
            index = skips.last(bisect_right(groups, until, key=_end) - 1)
        while index >= 0 and groups[index].start >= since:
            word = groups[index]
            if word.start not in self.memory.contents:
                return Speaker(None, self.doc.text[word.start : word.end], None, None, "p")
            if skips is None:
                index -= 1
            else:
                skips.drop(index)
                index = skips.last(index - 1)
        return None

    def _by_title(self, speaker: Speaker, before: int) -> Speaker:
        """A bare title (`الوزير التركي`) goes to the person introduced with that title."""
        assert speaker.span is not None
        folded = [w.folded for w in words_of(self.doc.text, speaker.span.start, speaker.span.end)]
        entity_id = title_antecedent(folded, before, self.title_index, self.memory.genders,
                                     self.lexicon, self.nisba)
        if entity_id is None:
            return speaker
        text = self.doc.text[speaker.span.start : speaker.span.end]
        return dataclasses.replace(speaker, entity=entity_id, text=text)

    def _by_role_or_surname(self, speaker: Speaker, before: int) -> Speaker:
        """v4: an unnamed subject that names one person of the article: the words the roles
        stage read as their title; or, for one named before it, a title like the one the roles
        stage gave them (`الوزير البريطاني` → the one whose role is `وزير الخارجية` of Britain;
        a nationality must be their affiliation's) or their family name alone where the tagger
        did not read it as a name (`ورأى مروة أن` → `هشام مروة`)."""
        assert speaker.span is not None
        span = speaker.span
        span_words = words_of(self.doc.text, span.start, span.end)
        if speaks_for(span_words):
            return speaker  # `محامي الرئيس ترامب`, `متحدث باسم الأمين العام فلان`: someone of
            # the person's speaks, not the title's holder
        held = [e for e in self.doc.entities if e.type == "PER" and any(
            r.evidence is not None and r.evidence.start < span.end and span.start < r.evidence.end
            for r in e.roles)]
        if len(held) == 1:  # the title the roles stage gave someone (`أعلن رئيس الوزراء ... أن`,
            # whose name the next sentence says): theirs, wherever they are named
            return dataclasses.replace(speaker, entity=held[0].id,
                                       text=self.doc.text[span.start:span.end])
        words = [w.folded for w in span_words if w.is_word]
        imam = bool(span_words) and written_imam(self.doc.text, span_words[0])
        if len(words) > 2 and words[1][:1] == "و" and title_gender(words[1][1:], self.lexicon) \
                and (imam or title_gender(words[0], self.lexicon)):
            words, imam = [words[1][1:]] + words[2:], False  # `إمام وخطيب المسجد الحرام`: the
            # second of two heads, which share what follows, as the roles stage reads it
        if not words or len(words) > _ROLE_WORDS:
            return speaker
        named_before = {e.id for _, end, e in self.people if end <= before and e.type == "PER"}
        persons = [e for e in self.doc.entities if e.id in named_before]
        if len(words) == 1 and not title_gender(words[0], self.lexicon) \
                and words[0] not in _HONORIFIC_NAMES:
            found = [e for e in persons
                     if " " in e.name and fold(e.name.split()[-1]) == words[0]]
        elif len(words) == 2 and words[0] in _RANKED and (found := [
                e for e in persons if " " in e.name and fold(e.name.split()[-1]) == words[1]]):
            pass  # `اللواء التركي` after `اللواء منصور التركي`: his family name, no nationality
        elif imam or title_gender(words[0], self.lexicon):
            found = [e for e in persons if any(self._holds(role, words) for role in e.roles)]
            if not found and len(words) > 1:  # v4: the name told later (`وقال السفير
                # البنغلاديشي إن ...` before `السفير البنغلاديشي فلان`), one holder only
                found = [e for e in self.doc.entities if e.type == "PER" and any(
                    self._holds(role, words, share=1.0) for role in e.roles)]
        else:
            return speaker
        if len(found) != 1:
            return speaker
        return dataclasses.replace(speaker, entity=found[0].id,
                                   text=self.doc.text[speaker.span.start:speaker.span.end])

    def _by_body_head(self, speaker: Speaker, before: int) -> Speaker:
        """v4: a body named by its definite head alone (`وقالت الوزارة`, `وذكر المرصد`) is the
        one organization of the article named with that head before the quote (`وزارة الصحة
        السعودية`, `المرصد السوري لحقوق الإنسان`); none when two are (`وزارة الخارجية` and
        `وزارة الدفاع`: which one is not said)."""
        assert speaker.span is not None
        words = [w for w in words_of(self.doc.text, speaker.span.start, speaker.span.end)
                 if w.is_word]
        if len(words) != 1 or not words[0].folded.startswith("ال") \
                or not self._body_noun(words[0].folded[2:]):
            return speaker
        head = words[0].folded[2:]
        found = {e.id for e in self.doc.entities if e.type == "ORG" and " " in e.name
                 and _bare(fold(e.name.split()[0])) == head
                 and any(m.end <= before for m in e.mentions)}
        if len(found) != 1:
            return speaker
        return dataclasses.replace(speaker, entity=found.pop(),
                                   text=self.doc.text[speaker.span.start:speaker.span.end])

    def _titled(self, span: Offsets) -> bool:
        """Whether a speaker's words open with a title (`الوزير`, `وزير الطاقة الإماراتي`)."""
        first = next((w for w in words_of(self.doc.text, span.start, span.end) if w.is_word), None)
        return first is not None and title_gender(first.folded, self.lexicon) is not None

    def _holds(self, role, words: list[str], share: float = _SHARED) -> bool:
        """Whether a role says the bare title `words`: the same head, a nationality among
        the words that is the role's country, and most other words (`share` of them) in the
        role's."""
        title = [_bare(w) for w in fold(role.title).split()]
        if not title or title[0] != _bare(words[0]):
            return False
        theirs = set(title) | {_bare(w) for w in fold(role.affiliation or "").split()}
        countries = countries_of(set(words[1:]), self.nisba)
        if countries and not self._held_for(role.affiliation or "", countries):
            return False
        rest = [_bare(w) for w in words[1:] if not (self.nisba and (w,) in self.nisba)]
        return sum(w in theirs or bool(role.affiliation) and self._body_noun(w)
                   for w in rest) >= share * len(rest)

    def _body_noun(self, bare: str) -> bool:
        """A body's noun (`للشركة`, `الوزارة`): in a bare title, the body the role is held in
        (`الرئيس التنفيذي للشركة` for `الرئيس التنفيذي` of Facebook)."""
        found = self.lexicon.word("ال" + bare)
        return found is not None and found[0] == "body"

    def _held_for(self, affiliation: str, countries: set[str]) -> bool:
        """Whether a role's affiliation is one of `countries`: the country itself, with its
        state's noun (`جمهورية ألبانيا` for `السفير الألباني`), or a body its nationality
        adjective names (`وزارة الخارجية الإيرانية` for `المتحدث الإيراني`)."""
        folded = fold(affiliation)
        named = {fold(c) for c in countries}
        if folded in named:
            return True
        words = folded.split()
        if len(words) > 1 and words[0] in _STATE_NOUNS and " ".join(words[1:]) in named:
            return True
        return bool(countries_of(set(words), self.nisba) & countries)

    def _side_gender(self, words: list[Word], i: int) -> str | None:
        """`من جانبه، وأكد ...`: the marker just before a cue gives the dropped subject's gender."""
        before = tuple(w.folded for w in words[max(0, i - 3) : i] if w.is_word)
        for size in (2, 1):
            found = self.lexicon.sides.get(before[-size:]) if len(before) >= size else None
            if found:
                return found
        return None


_GLANCE = 120  # characters that hold a sentence's first two words
_ROLE_WORDS = 6  # words of a bare title or a family name read by _by_role_or_surname
# honorifics that are family names too (`سعيد الشيخ`): alone, no one's name
_HONORIFIC_NAMES = frozenset(fold(w) for w in (
    "الشيخ الأمير الملك السلطان السيد الدكتور الرئيس الحاج الإمام").split())


def _joined_verb(words: list[Word], i: int, cue: CueForm) -> bool:
    """v4: a verb cue joined by و to the clause before it, whose subject it shares
    (`ورفضت الحكومة الاتهامات وقالت إن`)."""
    return cue.kind == "verb" and i > 0 and words[i].folded.startswith("و") \
        and words[i - 1].is_word


def _surnames_gendered(entities: tuple[Entity, ...], genders: dict[str, str]) -> None:
    """v4: a family name that the merge left apart (`بومبيو` beside `مايك بومبيو`, when the
    tagger's `بومبيو الديمقراطي` made it ambiguous) takes the gender of the one gendered
    person whose name ends with it."""
    known: dict[str, set[str]] = {}
    for entity in entities:
        words = fold(entity.name).split()
        if entity.type == "PER" and len(words) > 1 and entity.id in genders:
            known.setdefault(words[-1], set()).add(genders[entity.id])
    for entity in entities:
        words = fold(entity.name).split()
        if entity.type == "PER" and len(words) == 1 and entity.id not in genders \
                and len(known.get(words[0], ())) == 1:
            genders[entity.id] = next(iter(known[words[0]]))


def _bare(word: str) -> str:
    """A folded word without its article or ل (`للشركة` → `شركه`)."""
    for prefix in ("لل", "ال", "ل"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix):]
    return word


_STRETCH = 2_000  # characters before a plural cue read word by word for a group noun
_PREPOSITIONS = frozenset(fold(w) for w in
    "في على عن مع إلى من لدى عند بين حول ضد مثل عبر بعد قبل خلال أمام وراء تجاه بحق".split())
_PREPOSED = ("بال", "لل", "وبال", "ولل", "كال", "فبال")
_RELAY_REACH = 8  # words after a cue that may hold `نقلا عن فلان` before the content
_FROM = frozenset((fold("نقلا"),))


def _end(word: Word) -> int:
    return word.end


def _without_li(text: str, speaker: Speaker) -> Speaker:
    """`وفقا للوكالة`: an unnamed source is written without its ل (`الوكالة`)."""
    if speaker.entity is not None or speaker.text or speaker.span is None:
        return speaker
    words = text[speaker.span.start : speaker.span.end]
    if words.startswith("لل"):
        return dataclasses.replace(speaker, text="ال" + words[2:])
    if words.startswith("ل") and len(words.split()[0]) > 3:
        return dataclasses.replace(speaker, text=words[1:])
    return speaker


def _joined(word: Word, lexicon: CueLexicon) -> bool:
    """`... تصريحات الحربي وقال`: a verb joined by و or ف goes on with the clause before, so
    the words just before it are no subject of its own."""
    return word.folded[:1] in ("و", "ف") and lexicon.cue(word.folded[1:]) is not None


_RELAYED = (fold("نقلا"), fold("عن"))


def _relayed(window: list[Word], people: People, lexicon: CueLexicon) -> Speaker | None:
    """`مشيرة، نقلا عن الأركان التركية، إلى ...`: the words come from the one named after
    `نقلا عن`, not from the relaying speaker (docs/annotation-quotes-events.md)."""
    lead = [w for w in window if w.is_word]
    if len(lead) < 3 or (lead[0].folded, lead[1].folded) != _RELAYED:
        return None
    return explicit_subject(lead[2:], people, lexicon)

