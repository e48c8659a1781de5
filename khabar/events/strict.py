"""The stricter readings of events.cameo.v3 (issue 15, second round; docs/events.md).

Judged events of v2 were wrong mostly for three reasons, and each rule below answers one:

- **Pages that report no political act.** A sports page's meetings (`اللقاء`), visits and
  support are matches, transfers and fans (`sports_page`).
- **A doer taken from the words around the trigger.** A meeting, visit, support or aid told by
  a noun (`الاجتماع`, `زيارة`, `الدعم`) counts only between two named sides of different
  countries (`cooperation_noun_ok`); a nationality adjective alone (`الدعم الأميركي`,
  `مصادر أمنية عراقية`) is a source only after the force or office it describes
  (`الاستخبارات الروسية`); a monitor or a news outlet that reports violence (`أفاد المرصد
  بمقتل`) did not do it; an actor is not its own target.
- **States and background told as acts.** Control in the present (`التي يسيطر عليها`) is a
  state, not a seizure; a speech act after a preposition (`في طلب`, `بعد طلب من`) is a noun
  that names the request, not a report of it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from khabar.arabic import fold
from khabar.document import Actor, Document, Event, Offsets
from khabar.events.actors import ActorMention
from khabar.events.settle import COOPERATIVE_ROOTS

_SECTORS = frozenset(
    "MIL GOV COP JUD LEG OPP REB UAF CVL EDU LAB MED BUS NGO REL PTY REF".split())
_SPEECH_ROOTS = ("01", "02", "10", "11", "12", "13")
_VIOLENT_ROOTS = ("18", "19", "20")

# Words of sports pages; a page with SPORTS_WORDS of them (distinct) is a sports page.
_SPORTS = frozenset(fold(w) for w in (
    "مباراة المباراة مباريات المباريات لكرة كرة الدوري المنتخب منتخب لاعب اللاعب لاعبي"
    " اللاعبين النادي نادي لنادي بنادي البطولة المدرب مدرب الملعب ملعب هدفين أهداف الأهداف"
    " فيفا الفيفا الأولمبي الأولمبية الودية ديربي التعادل تعادل الكروي الكروية للناشئين"
    " للسلة السلة").split())
SPORTS_WORDS = 3

# Heads that a nationality adjective may follow as a source (`القوات التركية`).
_STATE_HEADS = frozenset(fold(w) for w in (
    "الأركان رئاسة قوات القوات الجيش جيش الشرطة شرطة الاستخبارات استخبارات المخابرات"
    " السلطات سلطات الحكومة"
    " حكومة الخارجية الداخلية الدفاع البحرية الطائرات طائرات المقاتلات مقاتلات سلاح الرئاسة"
    " الرئيس الوزارة وزارة البرلمان القيادة الأمن قوى الطيران").split())
# v5: aid and what carries it, which a nationality adjective names the giver of (aid only)
_AID_CARRIERS = frozenset(fold(w) for w in (
    "الإغاثة إغاثة الإغاثية إغاثية الإنسانية إنسانية المساعدات مساعدات المعونات معونات القافلة"
    " قافلة السفينة سفينة الطائرة طائرة الشحنة شحنة").split())
_PREPOSITIONS = frozenset(fold(w) for w in
                          "في بعد قبل حول عن على إلى خلال منذ عقب إثر لدى من مع".split())
_PRESENT_CONTROL = ("يسيطر", "تسيطر", "يسيطرون")
_INCIDENT_ROOTS = ("14", "17", "18", "19", "20")
_COALITION_WORDS = frozenset(fold(w) for w in "تحالف لتحالف التحالف وتحالف".split())
_COMMENT = frozenset(fold(w) for w in "التعليق تعليق الإدلاء".split())
_THEN = frozenset(fold(w) for w in "حينذاك آنذاك وقتذاك".split())
_PRIVATE_SECTORS = frozenset("BUS EDU MED CVL REL LAB NGO".split())
# Speech acts in the first person (`أدعو السلطات`): the actor named after them is addressed.
_FIRST_PERSON = frozenset(fold(w) for w in (
    "أدعو ادعو ندعو أطالب اطالب نطالب أناشد اناشد نناشد أحذر احذر نحذر أدين ادين ندين"
    " أرفض ارفض نرفض أحث نحث").split())
# Words that make who stands before a violent noun its victim, not its doer.
_HARM = frozenset(fold(w) for w in (
    "قتل وقتل قتلوا قتلا قتلت مقتل بمقتل لمقتل قتلى القتلى إصابة وإصابة أصيب وأصيب"
    " أصيبوا جرح وجرح جرحى استشهاد باستشهاد سقوط ضحايا").split())
_RELATIVES = frozenset(fold(w) for w in "التي الذي الذين اللذين اللتين اللواتي".split())
_KANA = frozenset(fold(w) for w in "كان وكان كانت وكانت كانوا وكانوا".split())
# Words before a violent noun that make what stands before them its victim: `قتل جندي في هجوم`.
_VICTIM_LINKS = frozenset(fold(w) for w in "في خلال جراء إثر بعد بسبب".split())


def sports_page(doc: Document) -> bool:
    """Whether the page is about sport: at least SPORTS_WORDS distinct sports words."""
    words = set(fold(doc.text).split())
    return len(words & _SPORTS) >= SPORTS_WORDS


def strict_reading(doc: Document, event: Event, verb: bool,
                   control_is_state: Callable[[Document, Event], bool] | None = None) -> bool:
    """False for an event that v3 leaves out (the module docstring says why).
    `control_is_state(doc, event)` says which present controls are states (v4); all are for v3."""
    root = event.cameo[:2]
    trigger = fold(doc.text[event.trigger.start:event.trigger.end]).split()
    first = trigger[0] if trigger else ""
    if not verb and root in COOPERATIVE_ROOTS and not cooperation_noun_ok(event):
        return False
    if event.cameo.startswith("192") and first.removeprefix("و").startswith(_PRESENT_CONTROL) \
            and (control_is_state is None or control_is_state(doc, event)):
        return False
    before = word_before(doc, event)
    if before in _PREPOSITIONS and not event.cameo.startswith(_INCIDENT_ROOTS) \
            and not cooperation_noun_ok(event):
        return False  # `في طلب`, `إلى دعم`: a noun after a preposition names the act
    if root == "05" and before in _COALITION_WORDS:
        return False  # `تحالف دعم الشرعية` is a name
    if root == "12" and _COMMENT & set(_words_after(doc, event, 8)):
        return False  # `رفضت التعليق`: declining to comment rejects nothing
    if before in _RELATIVES or _after_kana(doc, event) or _future(first):
        return False  # a relative clause, a pluperfect, a plan: background, not the news
    if root == "05" and verb and first.removeprefix("و")[:1] in ("ي", "ت"):
        return False  # `تدعمه بريطانيا`: support in the present describes who backs whom
    if _long_ago(doc, event):
        return False  # `حتى احتلتها اليابان عام 1910`, `حينذاك`: history
    source = event.source
    if root in COOPERATIVE_ROOTS and source is not None and not _country(source) \
            and source.code in _PRIVATE_SECTORS:
        return False  # a company supports a water network, a school receives teachers
    if root == "03" and approved_nothing(doc, event):
        return False  # `وافق البرلمان على الموازنة`: a bill or a drug approved, no one's act
    if root == "04" and verb and first.removeprefix("و")[:1] in ("ي", "ت") and source is not None \
            and not _country(source) and source.code != "GOV":
        return False  # `تستقبل الإدارة المعلمين`: what an office does, not an act
    return True


_APPROVED = fold("وافق")  # its و is the root's own (`وافق`, `وافقت`), or a conjunction's (`ووافق`)


def approved_nothing(doc: Document, event: Event) -> bool:
    """An approval (`وافق على`, CAMEO 03) with no one it is towards: a bill, an appointment or
    a treatment approved (`وافق مجلس الوزراء على تعيينات`), an office's routine."""
    first = fold(doc.text[event.trigger.start:event.trigger.end]).split()[:1]
    return bool(first) and event.cameo[:2] == "03" and event.target is None \
        and _APPROVED in (first[0][:4], first[0][1:5])


def _long_ago(doc: Document, event: Event) -> bool:
    """`حينذاك` near the trigger, in its sentence, or a year at least two before the page's
    date (`حتى احتلتها اليابان عام 1910`; a page with no date has no such years)."""
    lo = max(event.sentence.start, event.trigger.start - 60)
    hi = min(event.sentence.end, event.trigger.end + 60)
    near = doc.text[lo:hi]
    if any(fold(w) in _THEN for w in near.split()):
        return True
    published = (doc.published or "")[:4]
    if not published.isdigit():
        return False
    years = re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", near)
    return any(int(year) <= int(published) - 2 for year in years)


def strict_sources(events: Sequence[Event]) -> list[Event]:
    """Events whose source (a quote's speaker included) may stand. A source the lexicons
    cannot place (no code) is no source. A speech act needs a source of a country or an
    international body that is not a news outlet: a call or a condemnation by an unplaced
    official or by a paper is rarely an act between political actors, so it is left out."""
    kept = []
    for event in events:
        source = event.source
        if event.cameo[:2] in _SPEECH_ROOTS or event.cameo.startswith("051"):
            named_ngo = source is not None and source.code.startswith("NGO") \
                and len(source.code) > 3
            if source is None or not (_country(source) or named_ngo) \
                    or source.code.endswith("MED"):
                continue
        elif source is not None and not source.code:
            event = dataclasses.replace(event, source=None)
        kept.append(event)
    return kept


def _after_kana(doc: Document, event: Event) -> bool:
    """`وكانت القوات سيطرت`: a form of كان shortly before the trigger, in the same clause;
    right after `قد`, anywhere in the clause (`وكانت الناطقة باسم الخارجية ... قد حذرت`)."""
    lo = max(event.sentence.start, event.trigger.start - 120)
    words = doc.text[lo:event.trigger.start]
    if any(c in words for c in "،,.:؛;"):
        words = words[max(words.rfind(c) for c in "،,.:؛;") + 1:]
    folded = [fold(w) for w in words.split()]
    reach = 12 if folded and folded[-1] == "قد" else 4
    return any(w in _KANA for w in folded[-reach:])


def _future(first: str) -> bool:
    word = first.removeprefix("و")
    return len(word) > 3 and word[0] == "س" and word[1] in "يتن" and not word.startswith("سيطر")


def cooperation_noun_ok(event: Event) -> bool:
    """A cooperative act told by a noun: a named source (an entity) and a target, both of a
    country or an international body, not of the same country (`دعم أنقرة للتحالف`)."""
    source, target = event.source, event.target
    if source is None or target is None or not source.entity:
        return False
    a, b = _country(source), _country(target)
    return bool(a and b) and a != b


def _country(actor: Actor) -> str:
    head = actor.code[:3]
    return head if len(head) == 3 and head not in _SECTORS else ""


def word_before(doc: Document, event: Event) -> str:
    """The folded word right before the trigger, in its sentence ("" when none)."""
    start = max(event.sentence.start, event.trigger.start - 20)
    words = doc.text[start:event.trigger.start].split()
    return fold(words[-1]) if words else ""


def _words_after(doc: Document, event: Event, count: int) -> list[str]:
    text = doc.text[event.trigger.end:min(event.sentence.end, event.trigger.end + 15 * count)]
    return [fold(w) for w in text.split()[:count]]


def strict_actors(doc: Document, event: Event, *, carriers: bool = False) -> Event:
    """The event without a source that did not do it: a bare nationality adjective not after a
    force or office, a monitor or outlet as the source of violence, an actor that is its own
    target. The event then needs another source (a quote's speaker) or is left out.
    `carriers` (events.cameo.v5): aid's carrier or the aid itself is a head too, for aid
    (`سفينة الإغاثة الإماراتية`, `مساعدات سعودية`)."""
    source = event.source
    if source is None:
        return event
    aid = carriers and event.cameo.startswith("07")
    heads = _STATE_HEADS | _AID_CARRIERS if aid else _STATE_HEADS
    if _bare_nationality(doc, source, heads) or _reporter_of_violence(event, source) \
            or _addressed(doc, event, source) or (
            event.target is not None and event.target.code == source.code
            and event.cameo.startswith(_VIOLENT_ROOTS)) or _victim(doc, event, source) or (
            event.cameo.startswith("14") and source.code[-3:] in ("MIL", "COP")):
        return dataclasses.replace(event, source=None)
    return event


def _victim(doc: Document, event: Event, source: Actor) -> bool:
    """Who stands before violence is its victim or its reporter, not its doer, when the words
    say so: `قتل جندي تركي في هجوم` (after `في`), `مقتل 42 من عناصر داعش` (a killing
    told by a noun names its doer after it), `أعلنت وزارة الصحة مقتل مزارع في قصف` (harm
    named between them)."""
    if not event.cameo.startswith(_VIOLENT_ROOTS) or source.span is None \
            or source.span.end > event.trigger.start:
        return False
    if word_before(doc, event) in _VICTIM_LINKS or event.cameo.startswith("180"):
        return True
    start = max(event.sentence.start, source.span.start - 40)
    return any(fold(w) in _HARM for w in doc.text[start:event.trigger.start].split())


def _addressed(doc: Document, event: Event, source: Actor) -> bool:
    """`أدعو السلطات الإسرائيلية إلى`: a speech act in the first person addresses the actor
    after it; its speaker is the quote's (speaker_sources)."""
    words = fold(doc.text[event.trigger.start:event.trigger.end]).split()
    return bool(words) and words[0].removeprefix("و") in _FIRST_PERSON \
        and source.span is not None and source.span.start >= event.trigger.end


def strict_target(doc: Document, event: Event) -> Event:
    """No target that is the source's partner in the act: `دانت الجامعة العربية ومصر`,
    `رحبت الرئاسة الفلسطينية ونظيرتها الإسرائيلية` (joined to the source by `و`); none for a
    protest, whose target the words rarely name (the flags carried, the police that came)."""
    source, target = event.source, event.target
    if target is not None and event.cameo.startswith("14"):
        return dataclasses.replace(event, target=None)
    if source is None or target is None or source.span is None or target.span is None \
            or target.span.start < source.span.end:
        return event
    between = doc.text[source.span.end:target.span.start].split()
    joined = doc.text[target.span.start] == "و" \
        or (len(between) == 1 and between[0].startswith("و"))
    if len(between) <= 1 and joined and not any(c in "،," for c in " ".join(between)):
        return dataclasses.replace(event, target=None)
    return event


def self_targets(events: Sequence[Event]) -> list[Event]:
    """No actor is its own target (`المسلح` fired on `المسلح`): merging the mentions of one
    incident can join a source and a target read from different words."""
    return [dataclasses.replace(e, target=None)
            if e.source is not None and e.target is not None and e.source.code
            and (e.source.code, e.source.name) == (e.target.code, e.target.name) else e
            for e in events]


# Words after a violent noun that name its doer next: `هجوم شنه مسلحون`, `برصاص الجيش`.
_AGENT_MARKERS = frozenset(fold(w) for w in (
    "شنه شنها شنته شنتها نفذه نفذها نفذته نفذتها تبنته تبناه تبنتها تبناها برصاص بنيران"
    " يد قبل").split())


def agent_after(doc: Document, event: Event,
                leading_actor: Callable[[str, int], ActorMention | None],
                markers: frozenset[str] = frozenset()) -> Event:
    """A violent event without a source takes the actor named right after its noun or after a
    word that names the doer (`قصف طائرات التحالف`, `هجوم شنه مسلحون`, `على يد مسلحين`);
    `leading_actor(text, offset)` reads the actor that opens a window of the text; `markers`
    are more words that name the doer next (v4's)."""
    if event.source is not None or not event.cameo.startswith(_VIOLENT_ROOTS):
        return event
    end = min(event.sentence.end, event.trigger.end + 80)
    window = doc.text[event.trigger.end:end]
    starts = [0]
    for word in re.finditer(r"\S+", window[:40]):
        if fold(word.group()) in _AGENT_MARKERS or fold(word.group()) in markers:
            starts.append(word.end())
            break
    for start in starts:
        text = window[start:]
        lead = len(text) - len(text.lstrip())
        if any(c in text[:lead] for c in "،,.:؛;"):
            continue
        found = leading_actor(text, event.trigger.end + start)
        if found is None or found.code[-3:] in ("CVL", "MED") or not found.code:
            continue
        name = doc.text[found.start:found.end]
        source = Actor(found.code, name, found.entity, Offsets(found.start, found.end))
        target = event.target
        if target is not None and target.code == source.code:
            target = None
        return dataclasses.replace(event, source=source, target=target)
    return event


def _bare_nationality(doc: Document, source: Actor, heads: frozenset[str] = _STATE_HEADS) -> bool:
    if source.entity or source.span is None or len(source.name.split()) != 1:
        return False
    if not _country(source):
        return False
    before = doc.text[max(0, source.span.start - 30):source.span.start].split()
    return not (before and fold(before[-1]).removeprefix("و") in heads)


def _reporter_of_violence(event: Event, source: Actor) -> bool:
    return event.cameo.startswith(_VIOLENT_ROOTS) and (
        source.code.endswith(("MED", "HRI")) or source.code == "NGO")
