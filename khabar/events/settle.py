"""Article-level settling of coded events: precision first (issue 15, docs/events.md).

The sentence coder (khabar.events.coder) codes every trigger it can read. An article's events
are then settled here, in three steps:

1. **Speech acts take their speaker.** A condemnation, appeal, demand, rejection, threat or
   praise (CAMEO 02, 051, 10-13) whose trigger is the cue of a quote, or that shares a sentence
   with a quote and has no source that names someone, takes the quote's speaker as its source.
2. **A real source.** An event is kept by default only when its source is an entity, an actor
   phrase whose code names a country or an international body (`الجيش التركي`, `الأمم
   المتحدة`), a nationality mapped to its country (`الأميركي` -> USA), or a group named by what
   it does (`مسلحون`, `المتظاهرون`). A bare title (`رئيس`, `مسؤول`, `الوزارة`) or no source at
   all does not make an event.
3. **One incident, one event.** In one sentence, a killing or injury told by a noun
   (`مقتل`, `القتلى`) next to the attack that caused it is the attack; across the article, the
   same act (CAMEO root) by the same source is one event. Repeated mentions become the kept
   event's `evidence` (their trigger offsets); the kept event is the first clear mention. A
   later mention of an attack or protest with no source of its own (`وأسفر الهجوم`) is
   evidence of the incident too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence

from khabar.arabic import fold
from khabar.document import Actor, Document, Entity, Event, Offsets, Quote
from khabar.events.lexicon import data_lines

# Intent, meetings, cooperation and aid: told by a noun, they count only with a target.
COOPERATIVE_ROOTS = ("03", "04", "05", "06", "07", "08")
# Who a violent verb names after it is its victim when of these sectors (`قتل جندي`): soldiers,
# police, officials and civilians; armed groups (`قتل مسلحون`) are doers.
VICTIM_SECTORS = frozenset("MIL COP GOV CVL".split())
_SPEECH_ACT_ROOTS = ("02", "10", "11", "12", "13")
_SPEECH_ACT_CODES = ("051",)
_VIOLENT_ROOTS = ("18", "19", "20")
# Sectors whose bare noun names a group that acts (attackers, rebels, protesters), as the
# annotation guidelines accept them as sources; a bare title or office does not.
_GROUP_SECTORS = frozenset({"UAF", "REB", "OPP"})
_PROTEST_SECTORS = frozenset({"CVL", "EDU", "LAB", "OPP", "PTY"})
_FORCE_SECTORS = frozenset({"MIL", "COP"})
_FORCE_ROOTS = ("17", "18", "19", "20")
_SECTORS = frozenset(
    "MIL GOV COP JUD LEG OPP REB UAF CVL EDU LAB MED BUS NGO REL PTY REF".split())
# A cooperative noun after ل or ب says what something is for or how it was done (`لدعم`,
# `بالتعاون مع`), not that it happened.
_PURPOSE_HEADS = tuple(fold(w) for w in (
    "لدعم بدعم للدعم بالدعم لمساندة بمساندة للتعاون بالتعاون لتعاون بالتنسيق للتنسيق"
    " لمساعدة بمساعدة للمساعدة بمساعدات لتقديم لتعزيز").split())
# `الاحتلال` names an occupying power (or an old occupation) far more often than it reports one.
_KANA = frozenset(fold(w) for w in "كان وكان كانت وكانت وكانوا كانوا".split())
_OCCUPATION_NOUNS = frozenset(fold(w) for w in "الاحتلال احتلال والاحتلال للاحتلال بالاحتلال"
                              " فالاحتلال".split())


def is_speech_act(code: str) -> bool:
    """CAMEO codes that an utterance performs: appeal, praise, demand, disapprove, reject,
    threaten."""
    return code.startswith(_SPEECH_ACT_ROOTS) or code.startswith(_SPEECH_ACT_CODES)


def has_real_source(event: Event) -> bool:
    """The event's source names someone: an entity, a country or international body, or an
    acting group (see the module docstring)."""
    source = event.source
    if source is None:
        return False
    if source.entity:
        return True
    code = source.code
    if code and code not in _SECTORS:
        return True  # a country, nationality or international body leads the code
    if code in _GROUP_SECTORS:
        return True
    if event.cameo.startswith(_FORCE_ROOTS) and code in _FORCE_SECTORS:
        return True  # قوات الأمن, الشرطة, الجيش: armed forces are who arrest, attack and fight
    return event.cameo.startswith("14") and code in _PROTEST_SECTORS


def is_plain_reading(doc: Document, event: Event, places: frozenset[str],
                     verb: bool = True) -> bool:
    """False for readings that report no act: a purpose phrase (`لدعم`), the noun
    `الاحتلال`, violence whose source is a place (`places`: ids of LOC entities that are
    not countries; `مقتل شخص في دمشق`), and, for a trigger that is a noun (`verb` False),
    the readings below (`noun_reports_act`)."""
    head = fold(doc.text[event.trigger.start:event.trigger.end]).split()
    first = head[0] if head else ""
    if event.cameo[:2] in COOPERATIVE_ROOTS and first.startswith(_PURPOSE_HEADS):
        return False
    if not verb and not noun_reports_act(event, first):
        return False
    if _background(doc, event):
        return False
    if event.cameo.startswith("192") and first in _OCCUPATION_NOUNS:
        return False
    source, target = event.source, event.target
    if event.cameo.startswith(_VIOLENT_ROOTS) and source is not None and source.entity in places:
        return False
    # `إطلاق النار في ولاية ميزوري الأمريكية`: one place's adjective read as both sides
    return not (source is not None and target is not None and source.code == target.code
                and len(source.code) == 3 and not source.entity)


def _background(doc: Document, event: Event) -> bool:
    """An act recalled as background (the guidelines leave history out): a past perfect
    (`وكان الرئيس قد حصل`, `كانت ... قد`) or `في وقت سابق` right after the trigger."""
    before = fold(doc.text[max(event.sentence.start, event.trigger.start - 80):event.trigger.start])
    words = before.split()[-6:]
    if "قد" in words and any(w in _KANA for w in words[: words.index("قد")]):
        return True
    after = fold(doc.text[event.trigger.end:min(event.sentence.end, event.trigger.end + 60)])
    return fold("في وقت سابق") in " ".join(after.split()[:6])


def noun_reports_act(event: Event, first: str) -> bool:
    """Whether a noun trigger reports an act. News names acts by nouns as often to talk about
    them (`مطالبات`, `انتقادات`, `قانون العقوبات`, `التعاون بين الجامعتين`) as to report
    one, so a noun counts only when it names an incident (violence, protest, arrest), or a
    meeting, support, cooperation or aid with the one it is directed at (`دعمها للتحالف`,
    `زيارة ... كينيا`), not after ل or ب (`لدعم`, `بالتعاون`). Speech acts, sanctions and
    occupation told by a noun are left out: the verb that reports them is coded instead."""
    root = event.cameo[:2]
    if root in ("14", "17", "18", "19", "20"):
        return not event.cameo.startswith("192")
    if root not in COOPERATIVE_ROOTS:
        return False
    return event.target is not None and not first.startswith(("ل", "ب"))


def place_ids(doc: Document, country_names: frozenset[str]) -> frozenset[str]:
    """Ids of the document's LOC entities that are not countries (cities, regions)."""
    def bare(name: str) -> str:
        word = fold(name)
        return word[2:] if word.startswith("ال") else word

    return frozenset(e.id for e in doc.entities
                     if e.type in ("LOC", "GPE") and bare(e.name) not in country_names)


def country_names() -> frozenset[str]:
    """Folded country names of the actor lexicon, without the article (`سوريا`, `تركيا`)."""
    names = set()
    for row in data_lines("countries.tsv"):
        for name in row[1].split("|") if len(row) > 1 else ():
            word = fold(name.strip())
            names.add(word[2:] if word.startswith("ال") else word)
    return frozenset(names)


def tighten(doc: Document, event: Event, verb: bool, anchor: Offsets | None = None, *,
            gap: bool = False) -> Event:
    """Actors only where the words tie them to the trigger (precision first): the source
    within NEAR words of the trigger with no punctuation between (`ودعا الرئيس`, `أنقرة دعم`,
    `الغارات الروسية`), the target likewise after the trigger or its source. The two sides of
    a meeting told by a noun (`في اتصال هاتفي`) may stand anywhere in the sentence. A source
    dropped here may come back from a quote's speaker (speaker_sources). `anchor` (v4): where
    the source is sought instead of the trigger, the `قام` whose verbal noun the trigger is.
    `gap` (v5): a source inside the trigger's words (`وقدمت السعودية مساعدات إنسانية`) leaves
    the target sought after the trigger, not after the source."""
    source, target = event.source, event.target
    if event.cameo.startswith("14"):
        return event  # protesters are chosen apart (the nearest popular actor: coder._protesters)
    meeting = event.cameo.startswith("04") and not verb
    if source is not None and source.span is not None and not meeting \
            and not _near(doc, source.span, anchor or event.trigger):
        source = None
    if target is not None and target.span is not None and not meeting:
        after = event.trigger if source is None or source.span is None \
            or source.span.start < event.trigger.start \
            or (gap and source.span.end <= event.trigger.end) else source.span
        if target.span.start < after.end or not _near(doc, target.span, after) or (
                source is not None and (target.name == source.name or target.span == source.span)):
            target = None
    if source is event.source and target is event.target:
        return event
    return dataclasses.replace(event, source=source, target=target)


NEAR = 3  # words that may stand between a trigger and its actor
_BREAKS = frozenset('،,.:؛;«»"“”()[]-–')


def _near(doc: Document, actor: Offsets, trigger: Offsets) -> bool:
    lo, hi = (actor.end, trigger.start) if actor.end <= trigger.start else (trigger.end, actor.start)
    if hi < lo:
        return True  # overlapping spans
    between = doc.text[lo:hi]
    return not any(c in _BREAKS for c in between) and len(between.split()) <= NEAR


def speaker_sources(doc: Document, events: Sequence[Event],
                    code_of: Callable[[Entity | None, str], str],
                    joined: bool = False) -> list[Event]:
    """Speech-act events with the speaker of their quote as source (step 1). `joined` (v4):
    a speech verb joined by و inside a reported quote, with no source of its own, shares the
    speaker (`قال مسؤول إن الوضع قد يتدهور وحث على حماية المدنيين`)."""
    quotes = [q for q in doc.quotes if q.speaker or q.speaker_text]
    if not quotes:
        return list(events)
    entities = {e.id: e for e in doc.entities}
    result = []
    for event in events:
        quote = _quote_of(event, quotes, doc) if is_speech_act(event.cameo) else None
        if quote is None and joined and event.source is None and is_speech_act(event.cameo):
            quote = _reporting_quote(event, quotes, doc)
        if quote is not None:
            source = _speaker(quote, entities.get(quote.speaker or ""), code_of)
            event = dataclasses.replace(event, source=source)
        result.append(event)
    return result


def _speaker(quote: Quote, entity: Entity | None,
             code_of: Callable[[Entity | None, str], str]) -> Actor:
    """A quote's speaker as an actor: its entity, else the words that name them."""
    name = entity.name if entity else quote.speaker_text or ""
    span = quote.speaker_span
    return Actor(code_of(entity, name), name, entity.id if entity else None,
                 Offsets(span.start, span.end) if span else None)


def condemnations(doc: Document, events: Sequence[Event],
                  code_of: Callable[[Entity | None, str], str], plover: str | None) -> list[Event]:
    """v5: a named speaker's quote that opens by calling an act cowardly or criminal (`وأكد
    سموه أن هذا العمل الإرهابي الجبان ...`, `وقال: "إن المجلس يدين هذا العمل ..."`) reports
    a condemnation (111) by the speaker, unless the sentence already holds a criticism (11x)
    from them; not a news medium, which relays the words. The trigger is the act's words in
    the quote."""
    entities = {e.id: e for e in doc.entities}
    found = []
    for quote in doc.quotes:
        entity = entities.get(quote.speaker or "")
        if entity is None or entity.type not in ("PER", "ORG"):
            continue
        trigger = _condemned_act(doc.text, quote.content)
        if trigger is None:
            continue
        sentence = next((s for s in doc.sentences if s.start <= trigger.start < s.end), None)
        if sentence is None or any(e.cameo.startswith("11") and e.sentence.start == sentence.start
                                   and e.source is not None and e.source.entity == entity.id
                                   for e in events):
            continue
        source = _speaker(quote, entity, code_of)
        if source.code.endswith("MED"):
            continue  # the agency that relays the words, no one who condemns
        found.append(Event(cameo="111", plover=plover, source=source, target=None,
                           trigger=trigger, sentence=Offsets(sentence.start, sentence.end),
                           confidence=_CONDEMNATION_SCORE))
    return sorted(list(events) + found, key=lambda e: e.trigger.start) if found else list(events)


def participle_acts(doc: Document, events: Sequence[Event],
                    code_of: Callable[[Entity | None, str], str],
                    plover: Callable[[str], str | None]) -> list[Event]:
    """v5: a speech act told by a participle after a comma (`وقال الوزير ...، مطالبا المجتمع
    الدولي بالتدخل`, `أدانت الخارجية الهجوم، داعية إلى ...`) is an act of who speaks in the
    sentence: the speaker of its last quote whose cue comes before the participle, else the
    source of its last speech act before it, else the person or body named after the verb
    that opens it (`توقع فلان ...، مطالبا`). The entity named right after the participle is its
    target. None is read for a prayer (`داعيا الله`), where the sentence names no speaker, or
    where it already holds an act of that kind from them."""
    found = []
    for match in _PARTICIPLE.finditer(doc.text):
        code = _PARTICIPLES.get(fold(match.group(2)))
        if code is None:
            continue
        start, end = match.start(2), match.end(2)
        after = _words_after(doc.text, end, 5)
        if code == "020" and (_GOD & set(after[:4]) or asks_blessing(after)):
            continue  # `داعيا الله أن يتغمده`, `داعياً أن يتقبل الله`, `داعيا لهم بالتوفيق`
        if code == _EXPRESSING:  # `معربا عن قلقه`: the code of what is expressed
            after = _words_after(doc.text, end, 2)
            code = _EXPRESSED.get(after[1], "") if after[:1] == ["عن"] and len(after) == 2 else ""
            if not code:
                continue
        sentence = next((s for s in doc.sentences if s.start <= start < s.end), None)
        if sentence is None:
            continue
        source = _sentence_speaker(doc, events, sentence, start, code_of)
        if source is None or any(e.cameo[:2] == code[:2] and e.source is not None
                                 and e.source.code == source.code
                                 and e.sentence.start == sentence.start for e in events):
            continue
        found.append(Event(cameo=code, plover=plover(code), source=source,
                           target=_entity_right_after(doc, end, code_of),
                           trigger=Offsets(start, end), sentence=Offsets(sentence.start, sentence.end),
                           confidence=_PARTICIPLE_SCORE))
    return sorted(list(events) + found, key=lambda e: e.trigger.start) if found else list(events)


def _sentence_speaker(doc: Document, events: Sequence[Event], sentence: Offsets, before: int,
                      code_of: Callable[[Entity | None, str], str]) -> Actor | None:
    """Who speaks in the sentence before `before`: its last quote's named speaker whose cue
    comes first, else the source (an entity or a country) of its last speech act."""
    entities = {e.id: e for e in doc.entities}
    quotes = [q for q in doc.quotes if q.cue is not None and q.speaker in entities
              and sentence.start <= q.cue.start < before]
    if quotes:
        quote = max(quotes, key=lambda q: q.cue.start)
        source = _speaker(quote, entities[quote.speaker], code_of)
        return None if source.code.endswith("MED") else source  # an agency relays the words
    acts = [e for e in events if e.sentence.start == sentence.start and e.trigger.end <= before
            and is_speech_act(e.cameo) and e.source is not None
            and (e.source.entity or (e.source.code and e.source.code[:3] not in _SECTORS))]
    if acts:
        return max(acts, key=lambda e: e.trigger.start).source
    return _opening_subject(doc, sentence, before, code_of)


def _opening_subject(doc: Document, sentence: Offsets, before: int,
                     code_of: Callable[[Entity | None, str], str]) -> Actor | None:
    """The person or body named among the first SUBJECT_WORDS words of a sentence that opens
    with a verb (`توقع رئيس الإقليم فلان ...، مطالبا`), before `before`: the verb's subject."""
    head = doc.text[sentence.start:before].split()[:SUBJECT_WORDS]
    if not head or not _opens_with_verb(head[0]):
        return None
    limit = sentence.start + len(" ".join(head)) + 1
    named = [(m.start, entity, m) for entity in doc.entities if entity.type in ("PER", "ORG")
             for m in entity.mentions if sentence.start <= m.start < min(limit, before)]
    if not named:
        return None
    _, entity, mention = min(named, key=lambda n: n[0])
    code = code_of(entity, entity.name)
    if not code or code.endswith("MED"):
        return None
    return Actor(code, entity.name, entity.id, Offsets(mention.start, mention.end))


def _opens_with_verb(word: str) -> bool:
    """A past verb of saying, announcing, judging or expecting (`وأكدت`, `توقع`): the word
    that opens a sentence whose subject follows it."""
    word = fold(word).removeprefix("و").removeprefix("ف")
    return word in _OPENING_VERBS or word.removesuffix("ت") in _OPENING_VERBS


SUBJECT_WORDS = 10
_OPENING_VERBS = frozenset(fold(w) for w in (
    "قال أكد أضاف أوضح أشار بين توقع رأى اعتبر شدد لفت نوه أعلن ذكر كشف أفاد دعا طالب"
    " أعرب أبدى حذر انتقد أدان ندد رحب أشاد استنكر رفض اتهم جدد صرح تابع ختم").split())


def _entity_right_after(doc: Document, end: int,
                        code_of: Callable[[Entity | None, str], str]) -> Actor | None:
    """The entity whose mention starts at the word right after `end`, as an actor."""
    gap = len(doc.text[end:end + 3]) - len(doc.text[end:end + 3].lstrip())
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.start == end + gap and gap and entity.type in ("PER", "ORG", "LOC", "GPE"):
                return Actor(code_of(entity, entity.name), entity.name, entity.id,
                             Offsets(mention.start, mention.end))
    return None


def _words_after(text: str, end: int, count: int) -> list[str]:
    """Up to `count` folded words of `text` after `end`."""
    return [fold(w) for w in text[end:end + 15 * count].split()[:count]]


# Participles of speech acts, after a comma, with their CAMEO codes; `معربا عن` takes the
# code of what is expressed (_EXPRESSED).
_PARTICIPLE = re.compile(r"([،,]\s*)([^\W\d_][\w\u064B-\u0652]*)")
_EXPRESSING = "expressing"
_PARTICIPLES = {fold(w): code for code, words in (
    ("100", "مطالبا مطالبة مطالبين"),
    ("020", "داعيا داعية داعين مناشدا"),
    ("051", "مشيدا مشيدة مشيدين مرحبا مرحبة"),
    ("111", "منددا منددة منددين مستنكرا مستنكرة مستنكرين"),
    ("120", "رافضا رافضة رافضين"),
    ("112", "متهما"),
    (_EXPRESSING, "معربا معربة معربين"),
) for w in words.split()}
_EXPRESSED = {fold(w): code for code, words in (
    ("012", "قلقه قلقها قلقهم أسفه أسفها"),
    ("013", "ارتياحه ارتياحها تفاؤله تفاؤلها"),
    ("018", "تعازيه تعازيها تضامنه تضامنها"),
    ("030", "استعداده استعدادها"),
) for w in words.split()}
_PARTICIPLE_SCORE = 0.5
# Whom a prayer addresses (`داعيا الله`) and what it asks for someone (`بالتوفيق` -> `توفيق`).
_GOD = frozenset(fold(w) for w in "الله المولى ربه الرب".split())
_ALLAH = fold("الله")
# After `الله`, the words that make it God addressed rather than the end of a name (`عبد الله`,
# `خير الله`, `حزب الله`).
_AFTER_GOD = frozenset(fold(w) for w in "أن ان عز جل سبحانه تعالى العلي".split())
_BLESSINGS = frozenset(fold(w) for w in "توفيق شفاء رحمة مغفرة نجاح سداد صبر".split())


def prays(words: Sequence[str]) -> bool:
    """Whether folded `words` address God (`ودعا الدكتور المولى عز وجل أن`): a name of God, or
    `الله` followed by `أن` or a word of praise."""
    return any(word in _GOD and word != _ALLAH or word == _ALLAH and i + 1 < len(words)
               and words[i + 1] in _AFTER_GOD for i, word in enumerate(words))


def asks_blessing(words: Iterable[str]) -> bool:
    """Whether folded `words` ask a blessing for someone (`دعا له بالتوفيق`, `والرحمة`): the
    word of appeal before them is a prayer. A word is read without its quote marks and its
    leading و, ب and article."""
    for word in words:
        word = word.strip('«»"“”()')
        for prefix in ("و", "ب", "ال"):
            word = word.removeprefix(prefix)
        if word in _BLESSINGS:
            return True
    return False


# An act named and called criminal at a quote's start: a demonstrative, the act, its
# adjectives (`هذا العمل الإرهابي الجبان`), or a condemning verb in the first person or the
# speaker's (`ندين`, `يدين`, `أستنكر`).
_DEMONSTRATIVES = frozenset(fold(w) for w in "هذا هذه ذلك تلك".split())
_ACTS = frozenset(fold(w) for w in (
    "العمل الأعمال الحادث الهجوم الاعتداء التفجير التفجيرات الفعل الجريمة الجرائم العملية "
    "الحادثة").split())
_PEJORATIVES = frozenset(fold(w) for w in (
    "الجبان الجبانة الإجرامي الإجرامية الغاشم الغاشمة الآثم الآثمة الشنيع الشنيعة النكراء "
    "الغادر الغادرة الدنيء الدنيئة الوحشي الوحشية البربري البربرية الخسيس الخسيسة").split())
_CONDEMNING = frozenset(fold(w) for w in (
    "ندين يدين تدين يدينون نستنكر أستنكر يستنكر تستنكر يستنكرون نشجب أشجب يشجب تشجب"
).split())  # not `أدين`, also `أُدين` (was convicted)
_ACT_WORDS = 6  # words of a quote's start read for the act
_CONDEMNATION_SCORE = 0.6


def _condemned_act(text: str, content: Offsets) -> Offsets | None:
    """The act's words a quote opens with when it condemns it (_DEMONSTRATIVES, _ACTS,
    _PEJORATIVES, _CONDEMNING), else None."""
    words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(
        text, content.start, min(content.end, content.start + 120))][:_ACT_WORDS]
    for k, (start, _end, word) in enumerate(words):
        if word in _CONDEMNING or word.removeprefix("و") in _CONDEMNING:
            rest = words[k + 1:]
            return Offsets(start, rest[-1][1] if rest else _end)
        if word in _DEMONSTRATIVES and k + 1 < len(words) and words[k + 1][2] in _ACTS:
            pejorative = next((w for w in words[k + 2:] if w[2] in _PEJORATIVES), None)
            if pejorative is not None:
                return Offsets(start, pejorative[1])
    return None


_WORD = re.compile(r"[^\W\d_]+")


def _reporting_quote(event: Event, quotes: Sequence[Quote], doc: Document) -> Quote | None:
    """The reported (indirect) quote whose content holds a speech verb joined by و."""
    word = doc.text[event.trigger.start:event.trigger.end].split()
    if not word or not word[0].startswith("و"):
        return None
    return next((q for q in quotes if not q.direct
                 and q.content.start <= event.trigger.start < q.content.end), None)


def _quote_of(event: Event, quotes: Sequence[Quote], doc: Document) -> Quote | None:
    """The quote whose speaker performs this speech act, if any."""
    trigger = event.trigger
    for quote in quotes:
        cue = quote.cue
        if cue and cue.start <= trigger.start < cue.end:
            return quote  # the trigger is the quote's cue: وحذر ... من أن
    if event.source is not None and (event.source.entity or event.source.code not in _SECTORS):
        return None  # the sentence names its own source
    sentence = event.sentence
    inside = [q for q in quotes if q.cue and sentence.start <= q.cue.start < sentence.end
              and not (q.content.start <= trigger.start < q.content.end)]
    return inside[0] if len(inside) == 1 else None


def merge_incidents(events: Sequence[Event], by_country: bool = False) -> list[Event]:
    """One event per incident (step 3); repeated mentions become the kept event's evidence.
    `by_country` (v4): actors of one country are one side (`إيران`, `السلطات الإيرانية` and
    `قوات الأمن الإيرانية` demolishing one mosque)."""
    kept: dict[tuple[str, str], Event] = {}  # insertion order is text order
    for event in merge_sentence_incidents(events):
        key = _incident_key(event, by_country)
        first = kept.get(key)
        kept[key] = event if first is None else dataclasses.replace(
            first, evidence=first.evidence + (event.trigger,) + event.evidence,
            confidence=max(first.confidence, event.confidence))
    return list(kept.values())


def attach_mentions(kept: Sequence[Event], unsourced: Sequence[Event]) -> list[Event]:
    """Events without a real source that repeat a kept incident (`وأسفر الهجوم`, `مقتل` after
    `هجوم شنه مسلحون`: the same act, violence with violence) become its evidence."""
    kept = list(kept)
    for event in unsourced:
        same = next((k for k, e in enumerate(kept) if _same_act(e, event)
                     and e.trigger.start < event.trigger.start), None)
        if same is not None:
            first = kept[same]
            kept[same] = dataclasses.replace(first, evidence=first.evidence + (event.trigger,))
    return kept


def _same_act(a: Event, b: Event) -> bool:
    # Only incidents: an attack or a protest told again. Meetings, aid and statements with no
    # source of their own are too often other meetings, other aid.
    if a.cameo.startswith(_VIOLENT_ROOTS) and b.cameo.startswith(_VIOLENT_ROOTS):
        return True
    return a.cameo[:2] == b.cameo[:2] == "14"


def merge_sentence_incidents(events: Sequence[Event]) -> list[Event]:
    """In one sentence, violence by the same source (or none) is one incident: the most
    specific code wins (an attack over the killing it caused), the first on a tie."""
    result: list[Event] = []
    violent: list[int] = []  # indexes in `result` of the current sentence's violent events
    for event in events:
        if not event.cameo.startswith(_VIOLENT_ROOTS):
            result.append(event)
            continue
        if violent and result[violent[0]].sentence != event.sentence:
            violent = []
        same = next((k for k in violent if _compatible(result[k].source, event.source)), None)
        if same is None:
            violent.append(len(result))
            result.append(event)
            continue
        first = result[same]
        keep, drop = (event, first) if _specificity(event) > _specificity(first) else (first, event)
        result[same] = dataclasses.replace(
            keep, source=keep.source or drop.source, target=keep.target or drop.target,
            evidence=keep.evidence + (drop.trigger,) + drop.evidence,
            confidence=max(keep.confidence, drop.confidence))
    return result


def _compatible(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or _actor_key(a) == _actor_key(b)


def _specificity(event: Event) -> int:
    # 180 (unspecified violence) is what a noun like مقتل codes; an attack code says more.
    return 0 if event.cameo.startswith("180") else len(event.cameo)


def _actor_key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    if len(actor.code) == 3 and actor.code not in _SECTORS:
        return actor.code  # أنقرة and تركيا are one actor: TUR
    return actor.entity or actor.code or actor.name


def _incident_key(event: Event, by_country: bool = False) -> tuple[str, str]:
    # An event with no source is its own incident: nothing says two such mentions are one.
    who = _actor_key(event.source) or f"@{event.trigger.start}"
    source = event.source
    if by_country and source is not None and not source.entity and len(source.code) >= 6 \
            and source.code[:3] not in _SECTORS and source.code[:3] not in ("IGO", "NGO", "IMG"):
        who = source.code[:3]
    # Two sides of one meeting are two events (042 visit, 043 host: the guidelines).
    act = event.cameo[:3] if event.cameo[:3] in ("042", "043") else event.cameo[:2]
    return act, who


# The highest confidence of an event kept without a source (`sourceless`): a reader who sorts
# by confidence meets it after the events whose doer is named.
SOURCELESS_CONFIDENCE = 0.3


def sourceless_incidents(kept: Sequence[Event], unsourced: Sequence[Event],
                         categories: frozenset[str]) -> list[Event]:
    """`kept` plus one event per PLOVER category in `categories` from the events that failed
    the real-source rule (`قتل ثلاثة في انفجار سيارة مفخخة`: no doer is named). An unsourced
    event that is already evidence of a kept incident adds nothing; the first of the others is
    the incident, with `source=None` and its confidence capped at SOURCELESS_CONFIDENCE, the
    later ones its evidence."""
    result = list(kept)
    told = {t for e in kept for t in (e.trigger, *e.evidence)}
    first: dict[str, int] = {}  # category -> index in result
    for event in unsourced:
        if event.plover not in categories or event.trigger in told:
            continue
        at = first.get(event.plover)
        if at is None:
            first[event.plover] = len(result)
            result.append(dataclasses.replace(event, source=None))
            continue
        incident = result[at]
        result[at] = dataclasses.replace(
            incident, evidence=incident.evidence + (event.trigger,) + event.evidence,
            confidence=max(incident.confidence, event.confidence))
    return result


def cap_sourceless(event: Event) -> Event:
    """An event without a source (kept by `sourceless`) reads no surer than
    SOURCELESS_CONFIDENCE."""
    if event.source is not None or event.confidence <= SOURCELESS_CONFIDENCE:
        return event
    return dataclasses.replace(event, confidence=SOURCELESS_CONFIDENCE)
