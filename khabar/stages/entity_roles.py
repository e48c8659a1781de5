"""Per-article entities: merge raw NER mentions into entities, then attach persons' titles.

`entities.merge.v1` turns the NER stage's one-entity-per-mention output into one entity per
person, organization or place of the article (`.v2` also reads organizations and landmarks
named by a head noun, issue 14); `entities.roles.v1` reads the title phrase next to
each person's name. Policy and limits: docs/entities.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from khabar.document import Document, Entity, Mention
from khabar.entities.article import with_bodies, without_titles
from khabar.entities.attach import find_roles
from khabar.entities.gazetteer import find_names, load_lexicon
from khabar.entities.merge import RawMention, merge_mentions, raw_mentions
from khabar.entities.names import surface
from khabar.entities.nisba import load_role_lexicon
from khabar.entities.organizations import Heads, find_bodies, load_heads
from khabar.entities.person_spans import PersonWords
from khabar.entities.roles import HONORIFICS
from khabar.errors import ConfigError
from khabar.pipeline import register

PER = "PER"
MERGE = "entities.merge.v1"
MERGE_V2 = "entities.merge.v2"
ROLES = "entities.roles.v1"
ROLES_V2 = "entities.roles.v2"
ROLES_V3 = "entities.roles.v3"
ROLES_V4 = "entities.roles.v4"
ROLES_V5 = "entities.roles.v5"


@register(MERGE, requires=["entities.mentions"], produces=["entities"])
def make_entities_merge(*, gazetteer: bool = True) -> Callable[[Document], Document]:
    """Merge mentions into entities per article (short names, spellings, aliases).

    Options:
        gazetteer: also tag places and organizations from the project's lexicons that no
            mention covers (never persons). On by default.
    """
    return _merger(MERGE, gazetteer=gazetteer, heads=None)


@register(MERGE_V2, requires=["entities.mentions"], produces=["entities"])
def make_entities_merge_v2(*, gazetteer: bool = True) -> Callable[[Document], Document]:
    """Merge mentions into entities per article, adding bodies named by a head noun (`وزارة الصحة`).

    Organizations and landmarks named by a head noun and its chain (`وزارة الصحة والسكان`,
    `مطار الملك خالد`) are added where the tagger missed them (khabar.entities.organizations).

    Options:
        gazetteer: also tag places and organizations from the project's lexicons that no
            mention covers (never persons). On by default.
    """
    roles = load_role_lexicon()
    nisba = frozenset(form[0] for form in roles.nisba if len(form) == 1)
    words = PersonWords(roles.first_words, frozenset(HONORIFICS))
    return _merger(MERGE_V2, gazetteer=gazetteer, heads=load_heads(nisba), person_words=words)


def _merger(stage: str, *, gazetteer: bool, heads: Heads | None,
            person_words: PersonWords | None = None) -> Callable[[Document], Document]:
    if not isinstance(gazetteer, bool):
        raise ConfigError("E103", option="gazetteer", detail="expected true or false")
    lexicon = load_lexicon()

    def merge(doc: Document) -> Document:
        raw = raw_mentions(doc.text, doc.entities)
        if person_words is not None:
            raw = without_titles(doc.text, raw, person_words)
        if gazetteer:
            taken = [(r.mention.start, r.mention.end) for r in raw]
            for hit in find_names(doc.text, lexicon, taken):
                mention = Mention(hit.start, hit.end, stage=stage)
                raw.append(RawMention(mention, hit.type, surface(doc.text, hit.start, hit.end)))
        if heads is not None:
            typed = [(r.mention.start, r.mention.end, r.type) for r in raw]
            raw = with_bodies(doc.text, raw, find_bodies(doc.text, heads, typed), stage)
        return dataclasses.replace(doc, entities=tuple(merge_mentions(doc.text, raw, lexicon)))

    return merge


@register(ROLES, requires=["entities"], produces=["entities.roles"])
def make_entities_roles() -> Callable[[Document], Document]:
    """Attach titles and affiliations to persons (`وزير الدفاع الأمريكي، آشتون كارتر`)."""
    return _attacher(version=1)


@register(ROLES_V2, requires=["entities"], produces=["entities.roles"])
def make_entities_roles_v2() -> Callable[[Document], Document]:
    """Attach titles to persons, full titles before honorifics (`ولي العهد الأمير محمد`).

    As `entities.roles.v1`, and also: a title read past an honorific, a modifier (`السابق`),
    quotes or a parenthesis around the name; a title right before another joins it
    (`نائب رئيس الوزراء وزير الداخلية`); an honorific or rank is the role only when the article
    gives the person no full title (issue 14, docs/entities.md).
    """
    return _attacher(version=2)


@register(ROLES_V3, requires=["entities"], produces=["entities.roles"])
def make_entities_roles_v3() -> Callable[[Document], Document]:
    """Attach titles to persons in every placement of issue 14 (`وزير الثقافة والإعلام فلان`).

    As `entities.roles.v2`, and also: complements joined by و (`وزير الثقافة والإعلام`); two
    titles joined by و (`وزير الدولة وعضو مجلس الوزراء`); where the title is held between it
    and the name (`مدير الشرطة بمنطقة جازان اللواء فلان`, `المبعوث الأممي إلى اليمن فلان`); an
    affiliation after `ب`/`ل` + a noun (`بقيادة حرس الحدود`) or in quotes; a title after the name
    in quotes, a fixed title after it (`فلان ولي العهد`) and the titles that follow it; a dual
    title with one country per coordinated name (`وزيرا خارجية مصر والأردن فلان وفلان`); more
    title heads and nationality adjectives (titles_v3.tsv, nisba_v3.tsv).
    """
    return _attacher(version=3)


@register(ROLES_V4, requires=["entities"], produces=["entities.roles"])
def make_entities_roles_v4() -> Callable[[Document], Document]:
    """Attach titles to persons as `entities.roles.v3`, reading longer bodies and regions.

    As `entities.roles.v3`, and also: a body's name that holds a place or a purpose
    (`المدير الطبي للعيادات التخصصية السعودية الدكتور فلان`, `للحملة الوطنية لنصرة الأشقاء`),
    a state's noun before a place (`السفير لدى دولة الكويت فلان`) and a region named by its
    noun that the tagger left untagged (`مدير الشؤون الصحية بمنطقة الجوف فلان`).
    """
    return _attacher(version=4)


@register(ROLES_V5, requires=["entities"], produces=["entities.roles"])
def make_entities_roles_v5() -> Callable[[Document], Document]:
    """Attach titles to persons as `entities.roles.v4`, with occupations written after a name.

    As `entities.roles.v4`, reading also the title heads of titles_v5.tsv: occupations and
    positions that news writes in apposition without the article (`فلان أستاذ العلوم
    السياسية`, `فلان خبير الشؤون الأمنية`, `رجل أعمال`) and feminine forms (`الدكتورة`,
    `القاضية`, `مذيعة`); a title after a name past the words that say it is held (`فلان،
    الذي يشغل منصب وزير العدل`, `فلان بصفته رئيس اللجنة`); a title before a name past an
    abbreviated honorific (`المستشار القانوني د. فلان`); and, where nothing else or only an
    honorific is read, a title whose phrase runs to the name through a body or a place the
    tagger left out (`أمين عام جمعية إبصار فلان`, `مدير التعليم في محافظة الأفلاج فلان`).
    """
    return _attacher(version=5)


def _attacher(*, version: int) -> Callable[[Document], Document]:
    # v4 reads v3's lexicon; v5 adds titles_v5.tsv
    lexicon = load_role_lexicon(version=version if version >= 5 else min(version, 3))

    def attach(doc: Document) -> Document:
        found = find_roles(doc.text, doc.entities, lexicon, version=version, sentences=doc.sentences)
        entities = tuple(_with_roles(e, found.get(e.id, [])) for e in doc.entities)
        return dataclasses.replace(doc, entities=entities)

    return attach


def _with_roles(entity: Entity, roles: list) -> Entity:
    merged = list(entity.roles)
    for role in roles:
        if all((r.title, r.affiliation) != (role.title, role.affiliation) for r in merged):
            merged.append(role)
    return dataclasses.replace(entity, roles=tuple(merged))
