"""The founding article: the defense ministers' phone call and Turkey's support for the coalition.

Reads the seed article from ../shared (skipped where it is absent); nothing of it is stored here.
"""

from pathlib import Path

import pytest

from khabar.arabic import split_sentences
from khabar.document import Document, Entity, Mention, Offsets, Role, Sentence
from khabar.events import EventCoder
from khabar.stages.events import make_events as make_stage

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_5e025d6c33d64320.txt"
FIRST = "قال وزير الدفاع الأمريكي"
LAST = "ولنحو 2.4 مليون نازح."

# Gold entities: (id, type, surface forms, roles as (title, affiliation)).
GOLD = [
    ("carter", "PER", ["آشتون كارتر", "كارتر"], [("وزير الدفاع", "الولايات المتحدة")]),
    ("isik", "PER", ["فكري إشيق"], [("وزير الدفاع", "تركيا")]),
    ("kerry", "PER", ["جون كيري", "كيري"], [("وزير الخارجية", "الولايات المتحدة")]),
    ("grande", "PER", ["ليز جراندي"], [("منسقة العمليات الإنسانية", "الأمم المتحدة")]),
    ("turkey", "LOC", ["تركيا"], []),
    ("ankara", "LOC", ["أنقرة"], []),
    ("usa", "LOC", ["الولايات المتحدة"], []),
    ("iraq", "LOC", ["العراق"], []),
    ("syria", "LOC", ["سوريا"], []),
    ("mosul", "LOC", ["الموصل"], []),
    ("washington", "LOC", ["واشنطن"], []),
    ("maryland", "LOC", ["ولاية ميريلاند"], []),
    ("andrews", "LOC", ["قاعدة \"اندروز\" الجوية", "قاعدة أندروز الجوية"], []),
    ("pentagon", "ORG", ["البنتاغون"], []),
    ("isis", "ORG", ["داعش"], []),
    ("un", "ORG", ["الأمم المتحدة"], []),
    ("coalition", "ORG", ["التحالف الدولي لمحاربة داعش"], []),
]


def _body() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (it lives in ../shared)")
    raw = SEED.read_text(encoding="utf-8")
    start = raw.index(FIRST)
    return raw[start:raw.index(LAST, start) + len(LAST)]


def _entities(text: str) -> tuple[Entity, ...]:
    taken: list[tuple[int, int]] = []
    entities = []
    forms = sorted(((f, g) for g in GOLD for f in g[2]), key=lambda item: -len(item[0]))
    mentions: dict[str, list[Mention]] = {g[0]: [] for g in GOLD}
    for form, (entity_id, *_rest) in forms:
        start = text.find(form)
        while start != -1:
            end = start + len(form)
            whole = (start == 0 or not text[start - 1].isalpha()) and (
                end == len(text) or not text[end].isalpha())
            if whole and all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                mentions[entity_id].append(Mention(start, end, "gold"))
            start = text.find(form, end)
    for entity_id, kind, surfaces, roles in GOLD:
        found = tuple(sorted(mentions[entity_id], key=lambda m: m.start))
        role_records = tuple(Role(t, a, Offsets(found[0].start, found[0].end)) for t, a in roles)
        entities.append(Entity(entity_id, kind, surfaces[0], found, role_records))
    return tuple(entities)


def _document(with_entities: bool) -> Document:
    text = _body()
    sentences = tuple(Sentence(s, e) for s, e in split_sentences(text))
    return Document(id="seed", text=text, published="2016-07-21", sentences=sentences,
                    entities=_entities(text) if with_entities else ())


@pytest.fixture(scope="module", params=["lexicon-coder", "stage-with-classifier"])
def coder(request):
    """The lexicon coder, and the stage as shipped (protest/assault classifier on)."""
    if request.param == "lexicon-coder":
        return EventCoder()
    stage = make_stage()
    return lambda doc: stage(doc).events


@pytest.mark.shared
@pytest.mark.parametrize("with_entities", [False, True], ids=["lexicons", "gold-entities"])
def test_seed_codes_the_defense_ministers_phone_call(coder, with_entities):
    doc = _document(with_entities)
    calls = [e for e in coder(doc) if e.cameo.startswith("04") and e.source and e.target
             and e.source.code.startswith("USA") and e.target.code.startswith("TUR")]
    assert calls, [(e.cameo, e.source, e.target) for e in coder(doc)]
    assert doc.text[calls[0].trigger.start:calls[0].trigger.end] == "اتصال هاتفي"
    assert calls[0].plover == "CONSULT"


@pytest.mark.shared
@pytest.mark.parametrize("with_entities", [False, True], ids=["lexicons", "gold-entities"])
def test_seed_codes_turkeys_support_for_the_coalition(coder, with_entities):
    doc = _document(with_entities)
    support = [e for e in coder(doc) if e.plover == "SUPPORT" and e.source and e.target
               and e.source.code.startswith("TUR") and e.target.code == "IGOMIL"]
    assert support
    assert {"دعمها", "دعم"} >= {doc.text[e.trigger.start:e.trigger.end] for e in support}


@pytest.mark.shared
@pytest.mark.parametrize("with_entities", [False, True], ids=["lexicons", "gold-entities"])
def test_seed_events_name_only_actors_that_are_in_the_text(coder, with_entities):
    doc = _document(with_entities)
    events = coder(doc)
    assert events
    for event in events:
        for actor in (event.source, event.target):
            if actor is None:
                continue
            assert actor.span is not None
            assert event.sentence.start <= actor.span.start < actor.span.end <= event.sentence.end
            assert actor.name in doc.text or actor.entity
        assert not any(a and a.code.startswith(("RUS", "IRN", "ISR", "SYRREB")) for a in
                       (event.source, event.target))


@pytest.mark.shared
def test_seed_does_not_code_the_prevention_that_will_not_happen(coder):
    doc = _document(False)
    assert not [e for e in coder(doc) if e.cameo.startswith("12")]
