"""Find the quotes of a Document and attribute each to a speaker.

Per paragraph: pair the quotation marks, find the reporting cues outside quoted text, ask each
cue what it introduces (khabar.quotes.scan) and where its content ends
(khabar.quotes.content), then find its speaker (khabar.quotes.attribute). A cue inside
reported content (`قال إن نظيره أكد له أن ...`) belongs to that content and starts no quote of
its own; a participle after a comma (`، مضيفًا`) does.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right

from khabar.arabic import fold
from khabar.document import DATELINE, Document, Entity, Offsets, Quote
from khabar.quotes.attribute import BY_TURN, Attributor
from khabar.quotes.backward import backward
from khabar.quotes.content import (
    according, content_span, looks_back, noun_phrase, opens_a_name, trim_open_end,
)
from khabar.quotes.lexicon import CueForm, CueLexicon
from khabar.quotes.marks import Quoted, find_quoted
from khabar.quotes.people import Covered, People
from khabar.quotes.scan import BARE, COMPLEMENTIZERS, Target, scan, withheld
from khabar.quotes.relays import subject_window
from khabar.quotes.speakers import Speaker, explicit_subject
from khabar.quotes.text import COMMAS, Sentences, Word, blocks_of, words_of

STAGE_V2 = "quotes.cues.v2"
STAGE_V3 = "quotes.cues.v3"
STAGE_V4 = "quotes.cues.v4"  # v3's reading with more reporting verbs (quote_cues_v4.tsv)
STAGE = STAGE_V3  # what find_quotes does unless told otherwise


def find_quotes(doc: Document, lexicon: CueLexicon, *, stage: str = STAGE) -> tuple[Quote, ...]:
    """All quotes of `doc` in text order. Needs doc.sentences and doc.entities (may be empty)."""
    # A name in the dateline or the byline is the writer's or the agency's (`سلوى سعد –
    # متابعات`): no speaker.
    datelines = [(p.start, p.end) for p in doc.paragraphs if p.kind == DATELINE]
    starts = {p.start for p in doc.paragraphs}
    speaking = [e for e in doc.entities if not (stage == STAGE_V4 and _a_cue(e, lexicon))]
    people = People((m.start, m.end, e) for e in speaking for m in e.mentions
                    if not any(start <= m.start < end for start, end in datelines)
                    and not _byline(doc.text, m.start, m.end, starts))
    context = _Context(doc, lexicon, people, stage)
    quotes: list[Quote] = []
    for start, end in blocks_of(doc):
        folded = fold(doc.text[start:end])
        if lexicon.mentions_cue(folded) or context.v4 and (
                _describes(folded) or context.side_clarified.search(folded)):
            quotes.extend(context.block(start, end, folded))  # most paragraphs quote nobody
    return tuple(quotes)


def _a_cue(entity: Entity, lexicon: CueLexicon) -> bool:
    """A one-word name that is a reporting verb (`واستطرد`, `وأردف` tagged a person) is no
    one who speaks."""
    return " " not in entity.name and lexicon.cue(fold(entity.name)) is not None


def _byline(text: str, start: int, end: int, paragraph_starts: set[int]) -> bool:
    """A name that opens a paragraph, followed by a dash and the outlet or the place up to a
    colon, is its writer's byline glued to the body (`عبدالله البرقاوي- سبق- الرياض: كشف ...`):
    no speaker."""
    return start in paragraph_starts and _BYLINE.match(text, end) is not None


_BYLINE = re.compile(r"\s*[-–—][^:\n.،]{1,40}:")


def _inside(position: int, opens: list[int], ends: dict[int, int]) -> bool:
    """Whether `position` is inside one of the quotes opening at `opens` (sorted, disjoint)."""
    index = bisect_right(opens, position) - 1
    return index >= 0 and position < ends[opens[index]]


_EDGE = frozenset(' \t\n"«»“”')


def _trimmed(text: str, start: int, end: int) -> Offsets | None:
    """The span without whitespace or stray quote marks at its edges (mismatched marks leave
    some inside a scanned span); None when nothing is left. An opening mark closed inside the
    span stays (`«النخيل» لا تعتزم ...`)."""
    while start < end and text[start] in _EDGE and not opens_a_name(text, start, end):
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return Offsets(start, end) if start < end else None


class _Context:
    def __init__(self, doc: Document, lexicon: CueLexicon, people: People, stage: str) -> None:
        self.doc, self.lexicon, self.people, self.stage = doc, lexicon, people, stage
        self.sentences = Sentences(doc)
        self.person_ends = {e for _, e, _ in people}
        self.names = Covered()
        self.named_sources = Covered()  # v4: persons' and bodies' mentions, who may be cited
        for start, end, entity in people:
            self.names.add(start, end)
            if entity.type in ("PER", "ORG"):
                self.named_sources.add(start, end)
        self.folds: dict[str, str] = {}
        self.v3 = stage != STAGE_V2
        self.v4 = stage == STAGE_V4
        self.attributor = Attributor(doc, lexicon, people, self.sentences, self.folds, v3=self.v3,
                                     v4=self.v4)
        # v4: a sentence with `بيّن` after a side phrase is read though no lexicon cue is in it
        sides = [" ".join(side) for side in lexicon.sides] + sorted(BY_TURN)
        self.side_clarified = re.compile(
            "(?:" + "|".join(map(re.escape, sides)) + ")،? " + _CLARIFIED + " ")

    def block(self, start: int, end: int, folded_block: str | None = None) -> list[Quote]:
        text, lexicon = self.doc.text, self.lexicon
        words: list[Word] = []
        # A block folded to the same length (nothing dropped) gives its sentences' folded
        # forms as slices, instead of folding each sentence again.
        aligned = folded_block is not None and len(folded_block) == end - start
        for first, last in self.sentences.within(start, end):
            folded = folded_block[first - start : last - start] if aligned \
                else fold(text[first:last])  # type: ignore[index]
            if lexicon.mentions_cue(folded) or self.v4 and (
                    _describes(folded) or self.side_clarified.search(folded)):
                words.extend(words_of(text, first, last, self.folds, folded))  # only with a cue
        quoted = find_quoted(text, start, end)
        open_at = {q.open: q for q in quoted}
        ends = {q.open: q.end if q.closed else self._open_end(q) for q in quoted}
        opens = [q.open for q in quoted]  # in text order; each quote ends before the next opens
        closing = {q.end: q for q in quoted if q.closed}  # closing mark position -> quote
        governed: set[int] = set()
        covered = start
        out: list[Quote] = []
        for i, word in enumerate(words):
            cue = lexicon.cue(word.folded) if word.is_word else None
            clarified = cue is None and self.v4 and word.folded == _CLARIFIED \
                and self._placed(words, i, "side")
            if clarified:  # `من جانبه، بيّن فلان أن`: read as `وبيّن`, after its side
                cue = lexicon.cue(_AND_CLARIFIED)
            if cue is None or withheld(words, i):
                continue
            if cue.where is not None and not clarified and not self._placed(words, i, cue.where):
                continue  # `وبين الرياض` (and between), `وزاد الاهتمام` (increased)
            if self.v4 and cue.kind == "noun" and i > 0 and words[i - 1].folded in _ONE_MAY:
                continue  # `ويمكن القول إن ...`: the writer's own remark, nobody's quote
            if self.v4 and cue.kind == "participle" and _predicate(words, i):
                continue  # `وبات فوز فلان مؤكدا، ...`: certain, no one's confirming
            if self.v4 and word.folded == _WROTE and _books_or_written(words, i):
                continue  # `حظر كتب ابن تيمية`: books; `لافتات كتب عليها`: written on them
            if self.v4 and i > 0 and words[i - 1].folded in _CONDITIONALS:
                continue  # `إذا قال النادي إني جيد`, `إذا أكدت الأدلة أن`: a condition, no report
            if self.v4 and _during(text, word):
                continue  # `إبان تولي المدرب فلان`: during, which folds like `أبان` (stated)
            if _inside(word.start, opens, ends):
                if self.v3:  # a cue inside quoted words is part of the quote, and may
                    out.extend(self._inner(words, i, cue, opens, ends, governed))  # quote too
                if self.v4:
                    out = self._participle_inside(words, i, cue, out)
                continue
            if word.start < covered:
                continue  # inside an earlier quote, or between its cue and its content
            earlier = covered  # where the quotes before this cue end
            limit = self.sentences.end_of(word.start)
            sentence = self.sentences.start_of(word.start)
            target = None
            if cue.kind == "according" and sentence == word.start:
                target = according(words, i, limit, quoted_source=self.v4,
                                   names=self.named_sources if self.v4 else None)
                if self.v4 and target is not None and self._cue_opens(words, target):
                    continue  # `وبحسب "رويترز"، قالت الوزارة إن ...`: the verb's own quote
            elif cue.kind != "according" and not looks_back(words, i):
                target = scan(words, i, limit, open_at, lexicon, self.person_ends,
                              skip_outlets=self.v3, names=self.names, open_subject=self.v4)
                if target is None and cue.complement == "np":
                    target = noun_phrase(words, i, limit, self.people, lexicon, roles=self.v4)
            if target is None and self.v3 and cue.kind == "participle":
                continue  # `، كاشفا عن سلاح`: a participle goes on from its verb, never back
            if target is None:
                found = backward(words, i, sentence, limit, covered, closing, lexicon,
                                 v4=self.v4)
                if found is None or found[0].quoted and found[0].quoted.open in governed:
                    continue
                target, span = found
            elif target.quoted and target.quoted.open in governed:
                continue
            elif self._impersonal(word, target):
                continue
            else:
                span = content_span(text, words, target, limit, lexicon,
                                    self.names if self.v4 else None)
            if span is None:
                continue
            if self.v4 and target.kind == "np":
                span = self._np_end(words, span)
            if self.v3 and target.kind == "np" and (_not_said(words, span, self.v4) or self.v4 and (
                    i > 0 and words[i - 1].folded in _NEGATIONS)):  # `ولم تعلن أي جماعة مسؤوليتها`
                if self.v4 and (content := _trimmed(text, *span)) is not None:
                    # `وشدد فلان على أهمية ...` quotes nothing, but names who speaks next
                    self.attributor.attribute(words, i, cue, target, content)
                continue
            if target.quoted:
                governed.add(target.quoted.open)
            covered = max(covered, span[1])
            content = _trimmed(text, *span)
            if content is not None:
                # `قال فلان إن ...، حيث قال ابن القيم إن ...`: a speaker cited under the first
                # one's words stays theirs for this sentence (its participles), no further
                aside = self.v4 and earlier > sentence and _subordinate(words, i)
                quote = self._quote(words, i, cue, target, content, aside)
                if not _own_reporter(quote.speaker_text):
                    out.append(quote)
        if self.v4:
            out = self._descriptions(words, open_at, opens, ends, governed, out)
        return out

    def _descriptions(self, words: list[Word], open_at: dict[int, Quoted], opens: list[int],
                      ends: dict[int, int], governed: set[int], out: list[Quote]) -> list[Quote]:
        """v4: words in marks that describe something as someone's own, after a verb of
        describing and `بأنه` (`ووصف ترامب الاتفاق بأنه "أسوأ اتفاق"`, `واصفا إياها بأنها "عمل
        مشين"`): a direct quote of the verb's subject. No cue of the lexicon reads them, whose
        verbs take what is said right after their subject."""
        found = []
        for i, word in enumerate(words):
            form = _DESCRIBING.get(word.folded) if word.is_word else None
            if form is None or _inside(word.start, opens, ends) \
                    or i and words[i - 1].folded in _BEFORE_NOUN:
                continue  # `حصلت على وصف بأنها ...`: the noun, no one describing
            limit = self.sentences.end_of(word.start)
            for k in range(i + 1, min(len(words), i + 1 + _DESCRIBED_REACH)):
                if words[k].start >= limit or not words[k].is_word and words[k].folded not in "،,":
                    break
                quoted = open_at.get(words[k + 1].start) if words[k].folded in _AS and \
                    k + 1 < len(words) else None
                if quoted is None:
                    continue
                content = _trimmed(self.doc.text, quoted.start, quoted.end)
                if quoted.closed and quoted.open not in governed and content is not None \
                        and len(self.doc.text[quoted.start:quoted.end].split()) <= _DESCRIPTION \
                        and not any(q.content.start < content.end and content.start < q.content.end
                                    for q in out):
                    governed.add(quoted.open)
                    # a participle goes on from its sentence's verb, whose subject describes:
                    # the words after that first word, up to the participle
                    window = words[bisect_left(words, self.sentences.start_of(word.start),
                                               key=_start) + 1:i] if form.lemma == _PARTICIPLE \
                        else self._describer(words[i + 1:k])
                    target = Target("direct", window, quoted, quoted.start)
                    found.append(self._quote(words, i, form, target, content))
                break
        return sorted(out + found, key=lambda q: q.content.start) if found else out

    def _describer(self, window: list[Word]) -> list[Word]:
        """The subject's words of a verb of describing, out of those between it and `بأنه`:
        the first name or noun phrase when something follows it (`ووصف ترامب الاتفاق`,
        `ووصفت الحكومة الإسرائيلية هجوم الجمعة`); none when that phrase is all there is, the
        object of a subject left unsaid (`ووصف روسيا بأنها`, `واصفا إياها بأنها`), which the
        attribution then finds as for any dropped subject."""
        commas = [w.start for w in window if w.folded in "،,"]
        window = [w for w in window if w.is_word and w.folded not in _OBJECT_WORDS]
        if not window:
            return []
        run = self.names.run_at(window[0].start)
        if run is not None:  # a name
            size = sum(1 for w in window if w.start < run[1])
        else:  # a noun and its adjectives (`الحكومة الإسرائيلية المصغرة`)
            size = 1
            while size < len(window) and window[size].folded.startswith("ال") \
                    and window[size].start not in self.names:
                size += 1
            apposed = self.names.run_at(window[size].start) if size < len(window) else None
            if apposed is not None and any(window[size - 1].end <= c < apposed[0] for c in commas):
                size += sum(1 for w in window[size:] if w.start < apposed[1])  # `وزيرة
                # الداخلية، فلانة،`: the title and the name set off after it
        return window[:size] if size < len(window) else []

    def _inner(self, words: list[Word], i: int, cue: CueForm, opens: list[int],
               ends: dict[int, int], governed: set[int]) -> list[Quote]:
        """A quote inside a quote (`قال الحربي: "... قال الطيار إن العطل فني ..."`): a verb
        inside a quote already taken, with its subject named after it, quotes that subject,
        up to the end of the outer quote. Nobody else's memory changes."""
        outer = opens[bisect_right(opens, words[i].start) - 1]
        if outer not in governed or cue.kind != "verb":
            return []
        limit = min(self.sentences.end_of(words[i].start), ends[outer])
        target = scan(words, i, limit, {}, self.lexicon, self.person_ends, skip_outlets=True,
                      names=self.names)
        if target is None or target.kind != "indirect" or not target.window:
            return []
        speaker = explicit_subject(subject_window(target.window, cue), self.people, self.lexicon)
        if speaker is None or speaker.entity is None and not _names_someone(self.doc.text,
                                                                             speaker):
            return []
        span = content_span(self.doc.text, words, target, limit, self.lexicon)
        content = _trimmed(self.doc.text, *span) if span else None
        if content is None:
            return []
        return [Quote(
            speaker=speaker.entity, speaker_text=self.attributor.name(speaker),
            cue=Offsets(words[i].start, words[i].end), content=content, direct=False,
            speaker_span=speaker.span, stage=self.stage, score=0.7,
        )]

    def _participle_inside(self, words: list[Word], i: int, cue: CueForm,
                           out: list[Quote]) -> list[Quote]:
        """v4: a participle after a comma inside the marks of a quote taken (`إن “الحملة تدرك
        ...، مؤكداً أنه يتم صرف ...”`) starts a quote of its own, as every new cue does (the
        guidelines): the quote before it ends at the comma, and the new one, the same
        speaker's, runs from the clause after `أن` to where that quote ended."""
        outer = out[-1] if out else None
        if cue.kind != "participle" or outer is None or i == 0 or words[i - 1].folded not in (
                "،", ",") or not outer.content.start < words[i - 1].start < outer.content.end:
            return out
        k = i + 1
        while k < len(words) and words[k].start < outer.content.end and k <= i + _PARTICIPLE_GAP \
                and words[k].folded not in COMPLEMENTIZERS:
            k += 1
        if k >= len(words) or words[k].start >= outer.content.end or words[k].folded not in (
                COMPLEMENTIZERS):
            return out
        start = words[k].end if words[k].folded in BARE else words[k].start
        said = _trimmed(self.doc.text, start, outer.content.end)
        before = _trimmed(self.doc.text, outer.content.start, words[i - 1].start)
        if said is None or before is None:
            return out
        inner = dataclasses.replace(outer, cue=Offsets(words[i].start, words[i].end),
                                    content=said, speaker_span=None)
        return out[:-1] + [dataclasses.replace(outer, content=before), inner]

    def _placed(self, words: list[Word], i: int, where: str) -> bool:
        """Whether the cue at words[i] stands where its lexicon row lets it report
        (CueForm.where): opening its sentence or a clause, right before a colon or a mark, or
        (`side`) right after a side phrase, `من جانبه` or `بدوره`."""
        if where == "colon":
            return i + 1 < len(words) and words[i + 1].folded in _COLON_OR_MARK
        if where == "side":  # `من جانبه، بين فلان أن`, `بدوره بين فلان أن`
            k = i - 1 if i > 0 and words[i - 1].folded in COMMAS else i
            return k > 0 and words[k - 1].folded in BY_TURN or k > 1 and (
                words[k - 2].folded, words[k - 1].folded) in self.lexicon.sides
        sentence = self.sentences.start_of(words[i].start)
        if self.v4 and any(words[k].folded == _BETWEEN and words[k].start >= sentence
                           for k in range(max(0, i - _BETWEEN_REACH), i)):
            return False  # `بين فلان، ...، وبين فلان`: the second `بين` of a pair, between
        return i == 0 or words[i].start <= sentence or not words[i - 1].is_word \
            or words[i - 1].end <= sentence or self.v4 and words[i - 1].folded == _HADHA \
            and (i == 1 or words[i - 2].end <= sentence)  # `هذا وبين فلان أن`

    def _open_end(self, quoted: Quoted) -> int:
        tail = words_of(self.doc.text, max(quoted.start, quoted.end - 80), quoted.end, self.folds)
        return trim_open_end(tail, quoted, self.lexicon)

    def _np_end(self, words: list[Word], span: tuple[int, int]) -> tuple[int, int]:
        """v4: a reported noun phrase ends before a verb cue joined by و or ف (`ونفت روسيا
        تدخلها في الانتخابات وقال ترمب إنه ...`): a clause of its own, whoever its subject."""
        k = bisect_left(words, span[0], key=_start)
        last = span[0]
        while k < len(words) and words[k].start < span[1]:
            word = words[k]
            cue = self.lexicon.cue(word.folded) if word.is_word else None
            if cue is not None and cue.kind == "verb" and word.folded[:1] in ("و", "ف") \
                    and word.start > span[0]:
                return (span[0], last) if last > span[0] else span
            if word.kind != "punct":
                last = word.end
            k += 1
        return span

    def _cue_opens(self, words: list[Word], target: Target) -> bool:
        """v4: the words an attribution opens start with a verb cue of their own (after `فقد`)."""
        k = bisect_left(words, target.content_start, key=_start)
        if k < len(words) and words[k].folded in _ALREADY:
            k += 1  # `فقد أعلن الصندوق أن`
        cue = self.lexicon.cue(words[k].folded) if k < len(words) and words[k].is_word else None
        return cue is not None and cue.kind == "verb"

    def _impersonal(self, word: Word, target: Target) -> bool:
        """`ويذكر أن ...` (it is worth noting that) reports nobody."""
        found = self.lexicon.word(word.folded)
        return found is not None and found[0] == "impersonal" and not target.window

    def _quote(self, words: list[Word], i: int, cue: CueForm, target: Target,
               content: Offsets, aside: bool = False) -> Quote:
        found = self.attributor.attribute(words, i, cue, target, content, aside=aside)
        speaker = found.speaker
        score = (0.9 if target.kind == "direct" else 0.8) * (0.8 if found.resolved else 1.0)
        return Quote(
            speaker=speaker.entity if speaker else None,
            speaker_text=self.attributor.name(speaker) if speaker else None,
            cue=Offsets(words[i].start, words[i].end),
            content=content,
            direct=target.kind == "direct",
            speaker_span=found.span,
            stage=self.stage,
            score=round(score if speaker else 0.5, 2),
            speaker_reason=None if speaker else "no_antecedent",
        )


# `حيث قال`, `إذ أكد`, `كما ذكر`: a cue in a clause that supports or sets off the sentence's
# first quote.
_SUBORDINATE = frozenset(fold(w) for w in "حيث إذ كما فيما بينما حين عندما".split())


_PARTICIPLE_GAP = 3  # v4: words between a participle inside marks and its `أن` (`إلى`)
# v4: a negation right before a verb whose object is a noun phrase: nothing was said
_NEGATIONS = frozenset(fold(w) for w in "لم لن لا ولم ولن ولا فلم فلن فلا".split())
_CONDITIONALS = frozenset(fold(w) for w in "إذا وإذا فإذا لو ولو فلو لئن".split())
_BETWEEN = fold("بين")  # v4: `بين ... وبين ...` (between ... and ...), no `وبيّن` (stated)
_BETWEEN_REACH = 12
_DURING = frozenset(("إبان", "وإبان", "فإبان"))  # as written: `أبان` (stated) folds alike
# v4: `كتب` (wrote; also books, and the passive `كُتب`), the nouns and prepositions before
# books, and where a thing was written
_WROTE = fold("كتب")
_ON_BOOKS = frozenset(fold(w) for w in (
    "حظر بحظر حرق لحرق بحرق منع بمنع بيع ببيع نشر بنشر طباعة قراءة بقراءة اقتناء في من عن بين "
    "إحدى أحد بعض أمهات").split())
_WRITTEN_ON = frozenset(fold(w) for w in "عليه عليها عليهم فيه فيها".split())
# v4: verbs of being, whose predicate a participle may be (`بات فوزه مؤكدا`)
_BEING = frozenset(fold(w) for w in (
    "بات باتت وبات وباتت أصبح أصبحت وأصبح وأصبحت أضحى أضحت صار صارت ظل ظلت بدا بدت يبدو "
    "تبدو كان كانت وكان وكانت يكون تكون ليس ليست أمسى").split())
_PREDICATE_REACH = 4  # words between the verb of being and the participle (its subject)
_OPENS_SAID = frozenset(fold(w) for w in ': " « “ إلى الى على'.split())
# v4: `one may`, `one must` before the verbal noun of saying (`ويمكن القول`, `يجدر القول`)
_ONE_MAY = frozenset(fold(w) for w in (
    "يمكن ويمكن فيمكن يمكننا ويمكننا يجدر ويجدر يجب ويجب يصح ويصح نستطيع ونستطيع بد").split())


def _books_or_written(words: list[Word], i: int) -> bool:
    """v4: `كتب` at words[i] is the plural noun, books, after a noun that acts on them or a
    preposition (`حظر كتب فلان`, `في كتب التراث`), or the passive before where it was written
    (`لافتة كتب عليها`): no one wrote anything there."""
    before = words[i - 1] if i > 0 and words[i - 1].is_word else None
    after = words[i + 1] if i + 1 < len(words) else None
    return (before is not None and before.folded in _ON_BOOKS) or (
        after is not None and after.folded in _WRITTEN_ON)


def _predicate(words: list[Word], i: int) -> bool:
    """v4: the participle at words[i] is the predicate of a verb of being before it in its
    clause (`بات فوز فلان مؤكدا`, `أصبح ذلك مؤكداً بعد`, `كان ذلك أمراً متوقعاً`), not a
    speaker's `confirming that`: nothing that opens what was said follows it."""
    after = words[i + 1] if i + 1 < len(words) else None
    if after is not None and (after.folded in COMPLEMENTIZERS or after.folded in _OPENS_SAID):
        return False
    for back in range(i - 1, max(-1, i - 1 - _PREDICATE_REACH), -1):
        if not words[back].is_word:
            return False
        if words[back].folded in _BEING:
            return True
    return False


def _subordinate(words: list[Word], i: int) -> bool:
    return i > 0 and words[i - 1].folded in _SUBORDINATE


# v4: `بيّن` (clarified) is spelled like `بين` (between): a cue only right after a side (`من
# جانبه، بيّن فلان أن`, `بدوره بيّن`), read as the lexicon's `وبيّن`; no lexicon key, which
# would make every `بين` inside content a cue
_CLARIFIED, _AND_CLARIFIED = fold("بين"), fold("وبين")
_HADHA = fold("هذا")  # `هذا وأكد ...`: a connective that opens a sentence
_ABOUT = fold("عن")
_RELAYING = fold("نقلا")
_TOWARDS = frozenset((fold("عن"), fold("إلى"), "الي"))
_OPENING = frozenset("\"«“")
_NP_HEAD = 12  # words of a noun-phrase content read for a stray `، عن`
_STRESSED_ON = frozenset(fold(w) for w in "على علي من".split())  # v4: `شدد على`, `حذر من`
_IMPORTANCE = frozenset(fold(w) for w in "أهمية ضرورة".split())  # v4: `أكد (على) أهمية`
_ADJUNCTS = frozenset(fold(w) for w in "في وفي خلال".split())  # v4: before what is reported
_ADJUNCT_WORDS = 6  # words of such an adjunct (`في مؤتمر صحفي مشترك بين الوزيرين`)
_AFTER_ADJUNCT = _TOWARDS | {fold("على"), "علي"}  # not من: `في وقت متأخر أول من أمس`
_NP_SUBJECT = 4  # words of it that may be a subject read as content before عن or إلى


def _names_someone(text: str, speaker: Speaker) -> bool:
    """Whether an unnamed subject reads as one (`الطيار الثاني`), not as a clause (`ما هو`)."""
    words = text[speaker.span.start : speaker.span.end].split() if speaker.span else []
    return bool(words) and fold(words[0]).startswith("ال")


def _not_said(words: list[Word], span: tuple[int, int], v4: bool = False) -> bool:
    """A noun phrase that tells what was spoken about, not what was said
    (docs/annotation-quotes-events.md): `كشف عن خطة`, `أشار إلى اختيار فلان` (but `أشار إلى
    "..."` quotes), also عن after a few words of a subject read as content (`أعلنت مصادر
    رسمية عن مقتل`), and `أعلن مدير المطار، فلان، عن عودة الرحلة`. v4: also what is stressed
    or warned of (`شدد على ...`, `حذر من ...`) and the importance or need of something
    (`أكد أهمية التعاون`, `مؤكدا ضرورة الرقابة`)."""
    lo = bisect_right(words, span[0] - 1, key=_start)
    head = [w for w in words[lo : lo + _NP_HEAD + 1] if w.start < span[1]]
    if not head:
        return False
    if v4 and head[0].folded in _STRESSED_ON:
        return True
    if v4 and _IMPORTANCE & {w.folded.removeprefix("ب").removeprefix("ل")
                             for w in head[:_NP_SUBJECT + 1]}:
        return True  # also past a subject's words read as content (`أكد أستاذ ... على أهمية`)
    if v4 and head[0].folded in _ADJUNCTS:  # `وأشار في بيانه إلى ...`, `مشددا في الوقت ذاته على`
        near = head[1 : _ADJUNCT_WORDS + 2]
        return any(a.folded in _AFTER_ADJUNCT and b.folded not in _OPENING
                   for a, b in zip(near, near[1:]))
    for k, word in enumerate(head[:_NP_SUBJECT]):  # `أعلنت مصادر رسمية عن مقتل`
        after = head[k + 1] if k + 1 < len(head) else None
        if (word.folded == _ABOUT or k == 0 and word.folded in _TOWARDS) \
                and (after is None or after.folded not in _OPENING) \
                and not (k and head[k - 1].folded == _RELAYING):  # `نقلا عن` relays
            return True  # (`الحاجة إلى الحوار`: إلى inside the noun phrase stays)
    return any(a.folded in "،," and b.folded == _ABOUT for a, b in zip(head, head[1:]))


# v4: verbs of describing, the forms that report (_Context._descriptions), and `بأنه` after
# their object; a description in marks has at most _DESCRIPTION words.
# A participle (`واصفا`) goes on from its sentence's verb: its subject, read after that verb
# (the participle's lemma is _PARTICIPLE), describes.
_PARTICIPLE = "واصف"
_DESCRIBING = {fold(w): CueForm(lemma, "verb", "that", gender, number)
               for forms, lemma, gender, number in (
                   ("وصف ووصف فوصف يصف ويصف", "وصف", "m", "s"),
                   ("وصفت ووصفت تصف وتصف", "وصف", "f", "s"),
                   ("وصفوا ووصفوا يصفون ويصفون", "وصف", "m", "p"),
                   ("واصفا واصفاً", _PARTICIPLE, "m", "s"),
                   ("واصفة واصفةً", _PARTICIPLE, "f", "s"),
               ) for w in forms.split()}
_AS = frozenset(fold(w) for w in "بأنه بأنها بأنهم بأنهما بأنهن".split())


def _describes(folded: str) -> bool:
    """Whether folded text may hold a description in marks (`بأنه «...»`): its `بأنه` and a mark."""
    return "بانه" in folded and any(mark in folded for mark in _MARKS)


_MARKS = ('"', "«", "“")
_DESCRIBED_REACH = 12  # words between the verb and `بأنه`: its subject and its object
# objects that are no subject there (`واصفا إياها`, `وصف فيه`)
_OBJECT_WORDS = frozenset(fold(w) for w in "إياه إياها إياهم إياهما فيه فيها".split())
_BEFORE_NOUN = frozenset(fold(w) for w in (
    "على علي في من إلى الى عن مع عند لدى بعد قبل خلال هذا هذه ذلك تلك").split())
_DESCRIPTION = 12
_COLON_OR_MARK = frozenset(':"«“”')  # what a cue placed "colon" (CueForm.where) needs next
_ALREADY = frozenset(fold(w) for w in "فقد قد وقد لقد".split())  # v4: before a verb cue


def _start(word: Word) -> int:
    return word.start


# `وفق ما أورد مراسلنا`: the outlet's own reporter tells the news; that is no quote.
_OWN_REPORTER = ("مراسلنا", "مراسلتنا", "مراسلينا", "موفدنا", "موفدتنا")


def _own_reporter(speaker_text: str | None) -> bool:
    return bool(speaker_text) and any(fold(w) in fold(speaker_text) for w in _OWN_REPORTER)


def _during(text: str, word: Word) -> bool:
    """v4: the word is `إبان` (during) as written, with its hamza below."""
    return text[word.start:word.end] in _DURING
