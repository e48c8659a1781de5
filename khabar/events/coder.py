"""The event coder: triggers, negation and modality, source and target, date and place.

Policy for negation and modality (docs/events.md):
- A trigger right after a negation (لم لن لا ما ليس غير عدم دون بدون بلا, allowing one
  auxiliary such as يتم or يكن between) is dropped, except where CAMEO has the negated act:
  a negated claim of responsibility becomes 016 (deny responsibility). `نفى` and its forms
  within six tokens before a trigger drop it too (`نفى وجود شرخ`): a denial is not the act.
- Hedged or expected acts are dropped: `قد` before a present-tense trigger, and a trigger up to
  ten tokens after يتوقع / توقع / المتوقع / ربما / يحتمل / المحتمل / يمكن / يخشى / إذا / لو /
  في حال.
- Planned and future acts are kept with confidence x0.6: the future prefix سـ, `سوف`, and
  `من المقرر` / `من المنتظر` / يعتزم / ينوي / يستعد / يخطط up to four tokens before.
- A trigger inside the complement of an appeal, intent, demand, rejection or threat (`هدد بقصف`,
  `طالب بالإفراج عن`) is not an event of its own; it refines the governing code where CAMEO
  has a specific one (threat + attack -> 138, demand + release -> 1053).
"""

from __future__ import annotations

import re
from functools import cached_property
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from khabar.arabic import fold, tokenize
from khabar.arabic.tokens import Token
from khabar.document import Actor, Document, Event, Offsets, Sentence
from khabar.events.actors import COUNTERPART, ORG, ActorMention, ActorRecognizer
from khabar.events.cameo import CameoTable, load_cameo_table
from khabar.events.lexicon import Index, Match, data_lines, parse_pattern
from khabar.events.lexicon import select_longest, word_readings

STAGE = "events.cameo.v1"


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


def _bare_past(base: str) -> bool:
    """A past verb of three sound letters with no ending (`دعم`, `قصف`), which is written
    as its verbal noun is."""
    return len(base) == 3 and not set(base) & _WEAK_LETTERS


_WEAK_LETTERS = frozenset("اويىءئؤ")
# Words after which a clause (and so a verb) opens.
_CLAUSE_OPENERS = _folded(
    "قد لقد وقد فقد كما وكما ثم حيث وحيث عندما بعدما حينما لما ولما منذ إذ فيما بينما")
_VERB_AFTER_AN = _folded("بعد قبل منذ إلى")  # `بعد أن رفض`
# Marks that end a clause, for reading the words of a trigger's own clause.
_CLAUSE_MARKS = re.compile(r"[،,.:؛;«»\"“”()\-–—]")
# Verbs of deciding, announcing, renewing and affirming: the verbal noun they govern reports
# the act (`قررت الحكومة الأردنية رفع شكوى`), sought among the last _GOVERNED_REACH words.
_GOVERNING_VERBS = _folded(
    "قرر قررت وقرر وقررت أعلن أعلنت وأعلن وأعلنت جدد جددت وجدد وجددت أكد أكدت وأكد وأكدت"
    " أكدا أكدوا وأكدا وأكدوا")
_GOVERNED_REACH = 5
_PREPOSITION_AND_ARTICLE = tuple(fold(w) for w in "بال لل كال وبال ولل فبال فلل".split())


def _genitive_then_lam(doc: Document, trigger: Offsets) -> bool:
    """`ودعم حكومة مصر للتحالف`: a genitive after the word, then `لل`, within four words of
    its clause: the doer of a verbal noun is its genitive and its object comes after `ل`."""
    words = _CLAUSE_MARKS.split(doc.text[trigger.end:trigger.end + 80], 1)[0].split()[:5]
    return any(fold(w).startswith("لل") for w in words[1:])


def is_word_in(word: str, words: frozenset[str]) -> bool:
    """`word` is one of `words`, possibly behind the conjunction و or ف (ولم, فلا, ونفى)."""
    return word in words or (word[:1] in "وف" and word[1:] in words)


NEGATIONS = _folded("لم لن لا ما ليس ليست غير عدم دون بدون بلا لسنا")
# Words before ما that make it "what" (`على ما أعلن`, `وفق ما ذكرت`), not a negation.
_AS_RELATIVE_MA = _folded("على حسب بحسب وفق وفقا طبقا مثل بعد عن كل")
_AUXILIARIES = _folded("يتم تتم تم يكن تكن يكون تكون")
DENIALS = _folded("نفى نفت نفوا ينفي تنفي ينفون نافيا نافية")
HEDGES = _folded(
    "يتوقع تتوقع توقع توقعت يتوقعون المتوقع متوقع ربما يحتمل المحتمل محتمل يمكن يخشى تخشى"
    " يخشون إذا لو احتمال")
_IN = _folded("في")
PLANS = _folded("المقرر المنتظر يعتزم تعتزم يعتزمون ينوي تنوي يستعد تستعد يخطط تخطط سوف")
_BOUNDARIES = _folded("إن أن ان قال قالت وقال وقالت أضاف وأضاف") | frozenset('«»"“”:')
# v5: a blessing after a ruler's name (`حفظه الله`), set off by dashes or commas
_BLESSINGS = _folded("حفظه يحفظه أيده ايده رعاه يرعاه حفظها يحفظها")
_GOD = fold("الله")
_LONGEST_NAMED = 300  # characters: no mention or role evidence is longer
_ASIDE_MARKS = {"-", "–", "—", "،", ","}
_PREPOSITIONS = _folded("مع إلى على ضد عن من في ب ل نحو باتجاه أمام قرب عند لدى")
# Who protests (CAMEO 14): the public, not the authorities it protests against.
_POPULAR = frozenset({"CVL", "OPP", "EDU", "LAB", "PTY", "REL", "MED", "REB", "UAF"})
_OPPONENT_WORDS = _folded("ضد مكافحة محاربة قتال مواجهة الحرب على")
_HOSTILE_ROOTS = ("11", "12", "13", "14", "15", "16", "17", "18", "19", "20")
_POSSESSIVES = ("ها", "ه", "هم", "هما")
_PLACE_WORDS = _folded("في قرب داخل شمال جنوب شرق غرب وسط أنحاء")
_CLAUSE_STOPS = frozenset(".:؛;")
# Signs that a sentence reports one concrete occurrence (a count, a day) rather than talking
# about a kind of act: `تظاهر آلاف ... أمس` versus `مطالب المتظاهرين`.
_CONCRETE = _folded(
    "آلاف ألوف الآلاف عشرات العشرات مئات المئات حشود عدد أمس اليوم الليلة مساء صباح فجر ظهر"
    " السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة")
_GOVERNING_ROOTS = ("02", "03", "10", "12", "13")
_REFINED = {  # (governing root, complement code prefix) -> code
    ("13", "18"): "138", ("13", "19"): "138", ("13", "20"): "138",
    ("13", "16"): "1313", ("13", "163"): "1312",
    ("10", "0841"): "1053", ("02", "0841"): "0253",
    ("10", "087"): "1056", ("02", "087"): "0256",
    ("10", "0871"): "1056", ("02", "0871"): "0256",
    ("10", "04"): "106", ("02", "04"): "026", ("12", "04"): "125", ("03", "04"): "036",
    ("02", "07"): "023", ("10", "07"): "103", ("03", "07"): "033",
}
_ALONE_ROOTS = ("14", "18", "19", "20")
_PATIENT_PREFIXES = ("18", "173", "174", "0841", "20")

_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"(?:\b(\d{{1,2}})\s+)?\b({_MONTH})\b(?:\s*[/(-]\s*(?:{_MONTH})\s*\)?)?\s+(\d{{4}})\b")


@dataclass(frozen=True, slots=True)
class Trigger:
    """Payload of an event pattern: its CAMEO code and weight."""

    code: str
    weight: float
    unless_next: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Found:
    match: Match
    code: str
    factor: float


class EventCoder:
    """Code the events of a Document's sentences. Build once; call on many documents."""

    def __init__(self, *, min_confidence: float = 0.0,
                 pattern_files: Sequence[str] = ("patterns.tsv",),
                 light_verbs: bool = False, long_subjects: bool = False,
                 verbal_nouns: bool = False) -> None:
        self.light_verbs = light_verbs  # v4: `قام بـ` + a verbal noun reads as its verb
        # v5: a past verb written as its verbal noun (`دعم`) is the noun where words govern it
        self.verbal_nouns = verbal_nouns
        # v5: a name with its title and honorifics counts as one word between a verb and what
        # completes it (`بحث خادم الحرمين الشريفين الملك سلمان - حفظه الله - مع`)
        self.long_subjects = long_subjects
        self._named_memo: tuple[Document | None, tuple[tuple[int, int], ...]] = (None, ())
        self.patterns = Index(
            parse_pattern(row[2], Trigger(row[0], float(row[1]), _unless(row)))
            for name in pattern_files for row in data_lines(name)
        )
        self.actors = ActorRecognizer(titled=long_subjects)
        self.cameo: CameoTable = load_cameo_table()
        self.min_confidence = min_confidence
        # Word readings repeat across sentences (news vocabulary is Zipfian): memoize per coder,
        # bounded, so a long batch does not grow without limit.
        self._words, self._others = _Analyses(word=True), _Analyses(word=False)

    def __call__(self, doc: Document) -> tuple[Event, ...]:
        """All events of `doc`, sentence by sentence, in text order."""
        events: list[Event] = []
        for sentence in doc.sentences:
            events.extend(self.code_sentence(doc, sentence))
        return tuple(events)

    def code_sentence(self, doc: Document, sentence: Sentence) -> list[Event]:
        """The events of one sentence."""
        tokens = tokenize(doc.text, sentence.start, sentence.end)
        if not tokens:
            return []
        words, others = self._words, self._others
        analyzed = [words[t.text] if t.kind == "word" else others[t.text] for t in tokens]
        folded = [a[0] for a in analyzed]
        token_readings = [a[1] for a in analyzed]
        free = named_tokens(self._named(doc), tokens, folded) if self.long_subjects else frozenset()
        found = self._triggers(tokens, folded, token_readings, free)
        if not found:
            return []
        actors = self.actors.find(doc, tokens, token_readings, doc.entities)
        cast = _Cast(actors, folded)
        # مجلس التعاون, حركة المقاومة: words of an organization's name are not triggers.
        found = [f for f in found if not cast.in_name(f.match.start, f.match.end)]
        if not found:
            return []
        concrete = 1.0 if any(t.kind == "number" or is_word_in(f, _CONCRETE)
                              for t, f in zip(tokens, folded)) else 0.85
        when = _event_date(doc, folded)
        where = self._location(doc, tokens, folded)
        events: dict[tuple[str, str, str], Event] = {}
        previous = None  # the source of the sentence's last verb trigger
        for item in found:
            source, target = _participants(item, cast, tokens, folded, free,
                                           gap_only=self.long_subjects)
            if item.match.pattern.verb:
                if previous is not None and _shares_subject(item.match, source, folded):
                    source = previous  # اقتحم مسلحون المطار وخطفوا ...: the same subject
                previous = source or previous
            trigger = item.match.pattern.payload
            if source is None and target is None and not _stands_alone(item):
                continue
            confidence = trigger.weight * item.factor * concrete * (1.0 if source else 0.8)
            if confidence < self.min_confidence:
                continue
            event = Event(
                cameo=item.code,
                plover=self.cameo.plover(item.code),
                source=_actor(doc, source),
                target=_actor(doc, target),
                trigger=Offsets(tokens[item.match.start].start, tokens[item.match.end - 1].end),
                sentence=Offsets(sentence.start, sentence.end),
                location=where,
                date=when,
                confidence=round(confidence, 2),
                stage=STAGE,
            )
            key = (item.code, source.code if source else "", target.code if target else "")
            if key not in events:
                events[key] = event
        return list(events.values())

    def trigger_is_verb(self, doc: Document, trigger: Offsets) -> bool:
        """Whether an event's trigger was read as a verb (`دعمت`, `استقبل`), not a noun
        (`دعم`, `زيارة`): the article-level rules (khabar.events.settle) trust nouns less."""
        tokens = [t for t in tokenize(doc.text, trigger.start, trigger.end) if t.kind == "word"]
        if not tokens:
            return False
        readings = [self._words[t.text][1] for t in tokens]
        free = (named_tokens(self._named(doc), tokens, [self._words[t.text][0] for t in tokens])
                if self.long_subjects else frozenset())
        return any(m.start == 0 and m.pattern.verb
                   and not (self.verbal_nouns and self._verbal_noun(doc, trigger, readings[0], m))
                   for m in self.patterns.matches(readings, free))

    def _verbal_noun(self, doc: Document, trigger: Offsets, readings: Sequence[tuple],
                     match: Match) -> bool:
        """v5: a verb of three sound letters read in the past with no ending (`دعم`, `رفض`,
        `قصف`, `ثمن`) is written as its verbal noun is; it is the noun where the words before
        it govern a noun (`سواء دعم`, `أعنف قصف`, `يدفع ثمن`, `حركات رفض`). The verb stands
        where a clause opens, after a clause opener (`كما`, `بعد أن`) or after its subject (a
        named actor: `قال إن التحالف منع`); a clause that opens with a genitive and `لل` after
        it is the noun's (`، ودعم حكومة مصر للتحالف`). A noun that a verb of deciding or
        affirming governs reports the act as its verb would (`قررت الحكومة رفع شكوى`,
        `أكد الجانبان رفضهما`), so it is read as one."""
        past = match.pattern.past
        if not _bare_past(past) or not any(base == past and not future
                                           for base, future, _ in readings):
            return False
        sentence = next((s for s in doc.sentences if s.start <= trigger.start < s.end), None)
        lo = sentence.start if sentence else 0
        before = doc.text[lo:trigger.start].rstrip()
        clause = _CLAUSE_MARKS.split(before)[-1].split()
        if not clause:
            return _genitive_then_lam(doc, trigger)
        folded = [fold(w) for w in clause]
        previous = folded[-1]
        if previous in _CLAUSE_OPENERS or (
                previous in ("أن", "ان") and len(folded) > 1 and folded[-2] in _VERB_AFTER_AN):
            return False
        if any(w in _GOVERNING_VERBS for w in folded[-_GOVERNED_REACH:]):
            return False
        if previous.startswith(_PREPOSITION_AND_ARTICLE):
            return True  # a name after a preposition is no subject (`بالمملكة ودعم`)
        end = lo + len(before)
        if any(m.end == end for e in doc.entities for m in e.mentions):
            return False
        if sentence is None:
            return True
        tokens = tokenize(doc.text, sentence.start, sentence.end)
        token_readings = [self._words[t.text][1] if t.kind == "word" else self._others[t.text][1]
                          for t in tokens]
        return not any(a.end == end
                       for a in self.actors.find(doc, tokens, token_readings, doc.entities))

    def _named(self, doc: Document) -> tuple[tuple[int, int], ...]:
        """The named stretches of `doc`, read once per document (every sentence asks)."""
        if self._named_memo[0] is not doc:
            self._named_memo = (doc, named_spans(doc))
        return self._named_memo[1]

    def light_verb(self, doc: Document, event: Event) -> Offsets | None:
        """v4: where the form of قام stands whose verbal noun is the trigger of an aid or force
        event (`قام المركز أمس، بتسيير قافلة`, `قامت القوات بقصف`): the act is told as a verb,
        and its doer is the subject of قام. Visits and the like told so are mostly local
        courtesies (`قام المحافظ بزيارة المرضى`), not an article's main events."""
        if not self.light_verbs or event.cameo[:2] not in _LIGHT_ROOTS \
                or not doc.text.startswith("ب", event.trigger.start):
            return None
        return _light_verb_before(doc.text, event.trigger.start)

    def _location(self, doc: Document, tokens: Sequence[Token],
                  folded: Sequence[str]) -> str | None:
        """The id of a LOC entity named after `في` in the sentence, if the document has
        entities (the first such mention in the order of the document's entities)."""
        if not doc.entities:
            return None
        starts = {t.start: i for i, t in enumerate(tokens)}
        mentions = self.actors.mentions(doc.entities)
        for entity, mention in mentions.starting_in(tokens[0].start, tokens[-1].start + 1):
            i = starts.get(mention.start)
            if entity.type in ("LOC", "GPE") and i is not None and i > 0 \
                    and folded[i - 1] == "في":
                return entity.id
        return None

    def _triggers(
        self, tokens: Sequence[Token], folded: Sequence[str], token_readings: Sequence[tuple],
        free: frozenset[int] = frozenset(),
    ) -> list[_Found]:
        """Trigger matches after negation, modality and complement rules."""
        matches = select_longest(
            self.patterns.matches(token_readings, free),
            key=lambda m: m.pattern.payload.weight + len(m.pattern.payload.code) / 100,
        )
        kept: list[_Found] = []
        for match in matches:
            code = match.pattern.payload.code
            unless = match.pattern.payload.unless_next
            after = folded[match.start + 1 : match.end + 1]  # inside the match, and the next word
            if unless and any(is_word_in(word, unless) for word in after):
                continue  # فجر أمس is dawn, not a bombing; حققت الشركة أرباحا في: no inquiry
            factor = _modality(match, tokens, folded)
            if factor is None:
                continue
            if _negated(match, folded):
                if code.startswith("015"):
                    code = "016"
                else:
                    continue
            governor = kept[-1] if kept else None
            if governor and governor.code[:2] in _GOVERNING_ROOTS and \
                    match.start - governor.match.end <= 4:
                kept[-1] = _Found(governor.match, _refine(governor.code, code), governor.factor)
                continue
            kept.append(_Found(match, code, factor))
        return kept


# `قام المركز بتسيير قافلة`, `قامت القوات بقصف`: the verbal noun after `قام بـ` is the act, told
# as a verb (its doer is the subject of قام).
_LIGHT_VERBS = _folded("قام قامت قاموا يقوم تقوم يقومون وقام وقامت وتقوم ويقوم")
_LIGHT_VERB_REACH = 8  # words between قام and its verbal noun (the subject, a time)
_LIGHT_ROOTS = frozenset(("07", "17", "18", "19", "20"))  # aid, coercion, force


def _light_verb_before(text: str, start: int) -> Offsets | None:
    """The form of قام at most _LIGHT_VERB_REACH words before offset `start`, with no mark but
    a comma between (`قام المركز أمس، بتسيير`)."""
    before = [t for t in tokenize(text, max(0, start - 160), start) if t.text not in ("،", ",")]
    for token in reversed(before[-_LIGHT_VERB_REACH:]):
        if token.kind != "word":
            return None
        if fold(token.text) in _LIGHT_VERBS:
            return Offsets(token.start, token.end)
    return None


def _shares_subject(match: Match, source: ActorMention | None, folded: Sequence[str]) -> bool:
    """A verb joined by و/ف with no subject of its own after it (its source, if any, was taken
    from the words before it): it shares the subject of the verb before it."""
    head, forms = folded[match.start], match.pattern.slots[0].forms
    joined = head[:1] in "وف" and head not in forms and head[1:] in forms  # وخطفوا, not فجر
    return joined and (source is None or source.last <= match.start)


def _unless(row: list[str]) -> frozenset[str]:
    """Words that cancel the pattern right after it or between its words (4th column:
    `!word|word`)."""
    if len(row) > 3 and row[3].startswith("!"):
        return frozenset(fold(w) for w in row[3][1:].split("|") if w)
    return frozenset()


class _Analyses(dict):
    """Token text -> `_analyze(text, word)` for the tokens of one kind (words, or the others):
    a hit is one dictionary lookup, about a third of an lru_cache's. Bounded: when full it
    starts over."""

    def __init__(self, *, word: bool, limit: int = 200_000) -> None:
        super().__init__()
        self.word, self.limit = word, limit

    def __missing__(self, text: str) -> tuple[str, tuple]:
        if len(self) >= self.limit:
            self.clear()
        found = self[text] = _analyze(text, self.word)
        return found


def _analyze(text: str, word: bool) -> tuple[str, tuple]:
    """A token's folded form and, for words, its readings, as plain tuples (the memo keeps them
    out of the garbage collector's walks; khabar.events.lexicon.Reading)."""
    folded = fold(text)
    return folded, tuple(map(tuple, word_readings(text))) if word else ()


def _stands_alone(item: _Found) -> bool:
    """An event with no actor is kept only for unambiguous protest and violence triggers."""
    return item.code.startswith(_ALONE_ROOTS) and item.match.pattern.payload.weight >= 0.7


def _refine(governing: str, complement: str) -> str:
    root = governing[:2]
    for length in (4, 3, 2):
        refined = _REFINED.get((root, complement[:length]))
        if refined:
            return refined
    return governing


def _negated(match: Match, folded: Sequence[str]) -> bool:
    i = match.start - 1
    if i >= 0 and is_word_in(folded[i], _AUXILIARIES):
        i -= 1
    if i >= 0 and is_word_in(folded[i], NEGATIONS) \
            and not (folded[i] == "ما" and i > 0 and folded[i - 1] in _AS_RELATIVE_MA):
        return True  # `على ما أعلن`, `حسب ما أفاد`: "according to what", no negation
    if match.pattern.payload.code.startswith("016"):
        return False
    return any(is_word_in(f, DENIALS) for f in folded[max(0, match.start - 6):match.start])


def _modality(match: Match, tokens: Sequence[Token], folded: Sequence[str]) -> float | None:
    """1.0 for a plain act, 0.6 for a planned or future one, None for a hedged one."""
    start = match.start
    head = folded[start]
    if start > 0 and folded[start - 1] == "قد" and match.pattern.verb and head[:1] in "يتن":
        return None
    for i in range(start - 1, max(-1, start - 11), -1):
        if folded[i] in _CLAUSE_STOPS:
            break
        if is_word_in(folded[i], HEDGES) or (
                folded[i] == "حال" and i > 0 and is_word_in(folded[i - 1], _IN)):
            return None  # ... or `في حال`, a condition like إذا
    window = folded[max(0, start - 4):start]
    if match.future or any(is_word_in(f, PLANS) for f in window):
        return 0.6
    return 1.0


class _Candidates:
    """Actors that may take part in an event, in text order, with what `_participants` looks
    up for every trigger: by token position, and past runs of actors with one code."""

    def __init__(self, actors: list[ActorMention]) -> None:
        self.items = actors
        # Actors share no token, so no two are equal: identity tells membership.
        self.members = {id(a) for a in actors}
        self.firsts = [a.first for a in actors]
        self.lasts = [a.last for a in actors]  # sorted too: actors share no token

    @cached_property
    def next_other(self) -> list[int]:
        """For each actor, the index of the nearest one after it with another code."""
        actors, count = self.items, len(self.items)
        found = [count] * count
        for k in range(count - 2, -1, -1):
            found[k] = found[k + 1] if actors[k + 1].code == actors[k].code else k + 1
        return found

    @cached_property
    def previous_other(self) -> list[int]:
        """For each actor, the index of the nearest one before it with another code."""
        actors = self.items
        found = [-1] * len(actors)
        for k in range(1, len(actors)):
            found[k] = found[k - 1] if actors[k - 1].code == actors[k].code else k - 1
        return found

    @cached_property
    def popular(self) -> list[int]:
        return [k for k, a in enumerate(self.items) if a.sector in _POPULAR]

    def after(self, token: int) -> int:
        """Index of the first actor that starts at or after `token`."""
        return bisect_left(self.firsts, token)

    def ending_by(self, token: int) -> int:
        """How many actors end by `token` (they come first: actors share no token)."""
        return bisect_right(self.lasts, token)

    def forward(self, index: int, source: ActorMention | None) -> ActorMention | None:
        """The first actor from `index` on that is not `source` and has another code."""
        while index < len(self.items):
            actor = self.items[index]
            if source is not None and actor.code == source.code:
                index = self.next_other[index]
            elif actor is source:
                index += 1
            else:
                return actor
        return None

    def backward(self, index: int, source: ActorMention | None) -> ActorMention | None:
        """The last actor up to `index` that is not `source` and has another code."""
        while index >= 0:
            actor = self.items[index]
            if source is not None and actor.code == source.code:
                index = self.previous_other[index]
            elif actor is source:
                index -= 1
            else:
                return actor
        return None

    def nearest_popular(self, token: int) -> ActorMention | None:
        """The popular actor (protesters, students, parties) that starts nearest to `token`,
        the earlier one on a tie."""
        popular = self.popular
        if not popular:
            return None
        k = bisect_left(popular, token, key=lambda index: self.firsts[index])
        near = [popular[j] for j in (k - 1, k) if 0 <= j < len(popular)]
        return self.items[min(near, key=lambda index: abs(self.firsts[index] - token))]


class _Cast:
    """The actors of one sentence, indexed once for all its triggers: a sentence of a long page
    may name thousands, and scanning them all for each trigger made coding quadratic (or
    cubic, through the places test) in the length of a sentence."""

    def __init__(self, actors: list[ActorMention], folded: Sequence[str]) -> None:
        self.actors = actors  # in text order (ActorRecognizer.find)
        self.folded = folded
        self.firsts = [a.first for a in actors]
        names = [a for a in actors if a.kind == ORG]
        self._name_firsts = [a.first for a in names]
        self._name_reach = list(accumulate((a.last for a in names), max))

    @cached_property
    def hostile(self) -> _Candidates:
        places = {id(a) for a in _places(self.actors, self.folded)}
        return _Candidates([a for a in self.actors if id(a) not in places])

    @cached_property
    def other(self) -> _Candidates:
        return _Candidates([a for a in self.hostile.items
                            if not _after_opponent_word(a, self.folded)])

    def in_name(self, start: int, end: int) -> bool:
        """Whether tokens [start, end) lie inside an organization's name."""
        count = bisect_right(self._name_firsts, start)  # names that start by `start`
        return count > 0 and self._name_reach[count - 1] >= end

    def candidates(self, code: str) -> _Candidates:
        """Who may take part in an event: no place, and for a friendly act nobody named after
        an opponent word (دعمها للتحالف ضد داعش: داعش is not the target)."""
        return self.hostile if code.startswith(_HOSTILE_ROOTS) else self.other

    def subject(self, match: Match, candidates: _Candidates, *, gap_only: bool = False,
                ) -> ActorMention | None:
        """The first candidate that starts inside the trigger's words after its head; with
        `gap_only` (events.cameo.v5), before the pattern's last word, which is the pattern's own
        (`استدعت السفير`: the ambassador summoned is no subject)."""
        end = match.end - 1 if gap_only else match.end
        lo, hi = bisect_right(self.firsts, match.start), bisect_left(self.firsts, end)
        return next((a for a in self.actors[lo:hi] if id(a) in candidates.members), None)


def _participants(
    item: _Found, cast: _Cast, tokens: Sequence[Token], folded: Sequence[str],
    free: frozenset[int] = frozenset(), *, gap_only: bool = False,
) -> tuple[ActorMention | None, ActorMention | None]:
    """Source and target of one trigger, by Arabic word-order heuristics (docs/events.md);
    `gap_only` (v5): a subject inside a verb pattern stands in its gap (_Cast.subject)."""
    match, code = item.match, item.code
    if not cast.actors:
        return None, None
    group = cast.candidates(code)
    candidates = group.items
    after = group.after(match.end)
    first_after = candidates[after] if after < len(candidates) else None
    earlier = group.ending_by(match.start)  # candidates[:earlier] end by the trigger
    before = _before(group, match.start, folded)
    ends_with_preposition = folded[match.end - 1] in _PREPOSITIONS
    patient = code.startswith(_PATIENT_PREFIXES)
    source: ActorMention | None = None
    target: ActorMention | None = None
    subject = cast.subject(match, group, gap_only=gap_only) if match.pattern.verb else None
    if code.startswith("04") and not match.pattern.verb:
        source = candidates[0] if earlier else None
    elif subject is not None:  # قطعت البحرين العلاقات: the subject sits in the gap
        source = subject
    elif match.pattern.verb and before and before[-1].last == match.start:
        source = before[-1]  # SVO: أن مجهولين خطفوا القنصل
    elif first_after is not None and not ends_with_preposition and _adjacent(
            match.end, first_after, tokens, folded, 3 if match.pattern.verb else 1, free):
        numbered = any(t.kind == "number" for t in tokens[match.end:first_after.first])
        if patient and (numbered or first_after.sector == "CVL" or not match.pattern.verb):
            # قتل 7 أشخاص, مقتل مدنيين, قام مسلحون بخطف نائب: the one named after is the victim.
            target = first_after
            source = before[-1] if before else None
        else:
            source = first_after
    elif before:
        source = before[-1]
    elif not match.pattern.verb and folded[match.start].endswith(_POSSESSIVES):
        # دعمها: the possessor is named earlier, possibly before إن / أن.
        source = candidates[earlier - 1] if earlier else None
    if code.startswith("14"):
        source, target = _protesters(source, target, group, match)
    elif code.startswith(("18", "19", "20")) and source is not None and source.sector == "CVL":
        # Civilians are the victims of an attack, not its authors.
        source, target = None, target or source
    if target is None:
        if code.startswith("04") and not match.pattern.verb:
            target = group.backward(earlier - 1, source)
        if target is None:
            # after the trigger, and after the source when the source is named after it too
            start = after
            if source is not None and source.first >= match.start:
                start = max(start, bisect_right(group.firsts, source.first))
            target = group.forward(start, source)
    if source is not None and source.kind == COUNTERPART and not source.entity:
        source = None
    return source, target


def _protesters(
    source: ActorMention | None, target: ActorMention | None,
    candidates: _Candidates, match: Match,
) -> tuple[ActorMention | None, ActorMention | None]:
    """For protests, the source is a popular actor (protesters, students, parties) if named."""
    if source is not None and source.sector in _POPULAR:
        return source, target
    chosen = candidates.nearest_popular(match.start)
    if chosen is None:
        return source, target
    if target is chosen or target is None:
        target = source if source is not None and source is not chosen else None
    return chosen, target


def _before(
    candidates: _Candidates, start: int, folded: Sequence[str]
) -> list[ActorMention]:
    """Actors before `start` in the same clause (not across `إن`/`أن` or a quote mark)."""
    limit = start
    while limit > 0 and start - limit < 15 and not is_word_in(folded[limit - 1], _BOUNDARIES):
        limit -= 1
    lo, hi = bisect_left(candidates.firsts, limit), candidates.ending_by(start)
    return candidates.items[lo:hi]


def _after_opponent_word(actor: ActorMention, folded: Sequence[str]) -> bool:
    i = actor.first - 1
    return i >= 0 and is_word_in(folded[i], _OPPONENT_WORDS)


def _adjacent(end: int, actor: ActorMention, tokens: Sequence[Token], folded: Sequence[str],
              window: int, free: frozenset[int] = frozenset()) -> bool:
    """The actor follows the trigger closely, with no punctuation or preposition between (a
    title or honorific before the actor's name, in `free`, does not count)."""
    gap = [i for i in range(end, actor.first) if i not in free]
    if len(gap) > window:
        return False
    if any(tokens[i].kind == "punct" or folded[i] in _PREPOSITIONS for i in gap):
        return False
    head = folded[actor.first]
    return not head.startswith(("لل", "بال", "وبال", "ولل", "فال"))


def named_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """v5: the (start, end) stretches of a document that name someone with their title, in
    order: its persons', organizations' and places' mentions (`الإمارات العربية المتحدة`) and
    its persons' role evidence."""
    spans = [(m.start, m.end) for e in doc.entities if e.type in ("PER", "ORG", "LOC")
             for m in e.mentions]
    spans += [(r.evidence.start, r.evidence.end) for e in doc.entities for r in e.roles]
    return tuple(sorted(spans))


def named_tokens(spans: Sequence[tuple[int, int]], tokens: Sequence[Token],
                 folded: Sequence[str]) -> frozenset[int]:
    """v5: indices of tokens inside one of the named `spans` (khabar.events.coder.named_spans:
    `خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز`), and of a blessing set off after a name
    (`- حفظه الله -`)."""
    if not tokens:
        return frozenset()
    lo, hi = tokens[0].start, tokens[-1].end
    first = bisect_left(spans, (lo - _LONGEST_NAMED, 0))
    starts = [t.start for t in tokens]
    free: set[int] = set()
    for start, end in spans[first:bisect_left(spans, (hi, 0))]:
        if end > lo:  # the tokens that start inside the stretch
            free.update(range(bisect_left(starts, start), bisect_left(starts, end)))
    for i in range(len(tokens) - 1):
        if folded[i] in _BLESSINGS and folded[i + 1] == _GOD:
            free |= {i, i + 1}
            free |= {k for k in (i - 1, i + 2)
                     if 0 <= k < len(tokens) and tokens[k].text in _ASIDE_MARKS}
    return frozenset(free)


def _places(actors: Sequence[ActorMention], folded: Sequence[str]) -> list[ActorMention]:
    """Countries named as places (`في العراق وسوريا`, `قرب واشنطن`), not as participants."""
    places: list[ActorMention] = []
    for actor in actors:
        if actor.sector:
            continue
        head = folded[actor.first]
        preceded = actor.first > 0 and folded[actor.first - 1] in _PLACE_WORDS
        listed = bool(places) and places[-1].last == actor.first and head.startswith("و")
        if preceded or listed or head.startswith("بال"):
            places.append(actor)
    return places


def _actor(doc: Document, mention: ActorMention | None) -> Actor | None:
    if mention is None:
        return None
    name = mention.name or doc.text[mention.start:mention.end]
    return Actor(mention.code, name, mention.entity, Offsets(mention.start, mention.end))


def _event_date(doc: Document, folded: Sequence[str]) -> str | None:
    """A simple date named in the sentence, else أمس against doc.published, else published."""
    text = " ".join(folded)
    found = _DATE.search(text)
    if found and fold("منذ") in text[:found.start()].split():
        found = None  # منذ ... آب 2014 dates a beginning, not this event
    if found:
        day, month, year = found.group(1), _MONTHS[found.group(2)], found.group(3)
        return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"
    published = (doc.published or "")[:10]
    try:
        base = date.fromisoformat(published)
    except ValueError:
        return published or None
    if fold("أمس") in folded:
        return (base - timedelta(days=1)).isoformat()
    return base.isoformat()
