"""Attach title phrases to the persons they name, before the name or in apposition after it."""

from __future__ import annotations

import bisect

from khabar.arabic import fold, tokenize
from khabar.document import Entity, Offsets, Role
from khabar.entities.names import clitic_variants, strip_article
from khabar.entities.nisba import RoleLexicon
from khabar.entities.roles import (
    BARRIERS, COMMAS, COUNTERPART, FIXED, HONORIFICS, Context, Span, Title, read_title,
)

PER = "PER"
_HONORIFICS = {fold(w) for w in "السيد السيدة معالي سعادة فخامة سمو الحاج الحاجة".split()}
# Verbs whose subject is often followed by a titled object with no comma between:
# `التقى كيري رئيس الوزراء` (Kerry met the prime minister), unlike apposition `كيري، رئيس ...`.
_MEETING_VERBS = {fold(w) for w in (
    "التقى التقت يلتقي تلتقي استقبل استقبلت يستقبل تستقبل قابل قابلت يقابل زار زارت يزور تزور "
    "هاتف هاتفت أقال أقالت عين عينت انتقد انتقدت ينتقد دعا دعت يدعو حث حثت طالب طالبت أبلغ "
    "أبلغت التقيا اجتمع اجتمعت يجتمع بحث بحثت يبحث ودع ودعت"
).split()}
_LOOK_BACK = 12  # tokens searched before a name for the start of its title
# entities.roles.v2 (issue 14): words between a title and its name that leave the title whole
# (`الرئيس الفرنسي السابق نيكولا`), and quotes or a parenthesis around the name
# (`وزير الخارجية الفرنسي (فلان)`, `الرئيس المصري "فلان"`, `فلان» زعيم التنظيم`).
_MODIFIERS = {fold(w) for w in "السابق السابقة الأسبق الأسبقة الراحل الراحلة المخلوع الحالي".split()}
_OPENING = {"(", '"', "«", "“"}
_CLOSING = {")", '"', "»", "”"}
# A dual title shared by coordinated names (`الوزيرين المصري فلان والأردني فلان`): its singular.
_DUALS = {fold(k): v for k, v in (("الوزيرين", "وزير"), ("وزيري", "وزير"), ("الرئيسين", "الرئيس"),
                                  ("الوزيرتين", "وزيرة"), ("السفيرين", "السفير"))}


def find_roles(text: str, entities: tuple[Entity, ...], lexicon: RoleLexicon, *,
               extended: bool = False) -> dict[str, list[Role]]:
    """Roles per person entity id, in text order, without repeats of one (title, affiliation).

    `extended` (entities.roles.v2) also reads titles past honorifics, modifiers, quotes and
    parentheses, joins compound titles, prefers a full title to an honorific, and keeps an
    honorific as a person's role only when no full title is found for them.
    """
    if not any(e.type == PER for e in entities):
        return {}
    ctx = _context(text, entities, lexicon, extended)
    roles: dict[str, list[Role]] = {}
    last_title: str | None = None
    shared: str | None = None  # a dual title the next coordinated name shares
    for span in sorted(ctx.spans, key=lambda s: (s.first, s.start)):
        if span.entity.type != PER:
            continue
        found = _pick(ctx, span) if extended else _before(ctx, span) or _after(ctx, span)
        if found is None and shared is not None:
            found = _coordinated(ctx, span, shared)
        if found is None:
            continue
        title, shared = found.title, None
        if extended:
            title, dual = _singular(title)
            shared = title if dual else None
        if found.kind == COUNTERPART:
            if last_title is None:
                continue
            title = last_title
        last_title = title
        role = Role(title, found.affiliation, Offsets(found.start, found.end))
        known = roles.setdefault(span.entity.id, [])
        if all((r.title, r.affiliation) != (role.title, role.affiliation) for r in known):
            known.append(role)
    return {key: _full_first(found) for key, found in roles.items()} if extended else roles


def _coordinated(ctx: Context, span: Span, shared: str) -> Title | None:
    """`… والأردني فلان` after `الوزيرين المصري فلان`: the shared title, this person's country."""
    k = span.first - 1
    if not ctx.word(k) or not ctx.folded[k].startswith("و") or not ctx.joined(k):
        return None
    country = ctx.lexicon.nisba.get((ctx.folded[k][1:],))
    if country is None:
        return None
    token = ctx.tokens[k]
    return Title("head", shared, country, token.start + 1, token.end, span.first)


def _singular(title: str) -> tuple[str, bool]:
    """A title with its dual head made singular (`الوزيرين` → `وزير`), and whether it was dual."""
    head, _, rest = title.partition(" ")
    single = _DUALS.get(fold(head))
    return (title, False) if single is None else (f"{single} {rest}".strip(), True)


def _honorific(title: str) -> bool:
    return fold(title) in HONORIFICS


def _full_first(roles: list[Role]) -> list[Role]:
    """A person's full titles; their honorifics only when the article gives nothing else, and
    a bare title (`الوزير`) only when no fuller one says it (`وزير الخارجية`)."""
    full = [r for r in roles if not _honorific(r.title)] or roles
    return [r for r in full if r.affiliation or not any(
        other is not r and _says_more(other.title, r.title) for other in full)]


def _says_more(fuller: str, bare: str) -> bool:
    words = [strip_article(w) for w in fold(fuller).split()]
    bare_words = [strip_article(w) for w in fold(bare).split()]
    return len(words) > len(bare_words) and words[:len(bare_words)] == bare_words


def _pick(ctx: Context, span: Span) -> Title | None:
    """entities.roles.v2: the title before the name, unless it is an honorific and a full title
    stands in apposition after it (`الجنرال فلان قائد القوات`)."""
    before = _before(ctx, span)
    if before is not None and not _honorific(before.title):
        return before
    return _after(ctx, span) or before


def _context(text: str, entities: tuple[Entity, ...], lexicon: RoleLexicon,
             extended: bool = False) -> Context:
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    covering: dict[int, Span] = {}
    spans: list[Span] = []
    for entity in entities:
        for m in entity.mentions:
            inside = []
            i = _index_at(starts, m.start)
            while i < len(tokens) and tokens[i].start < m.end:
                if m.start < tokens[i].end:
                    inside.append(i)
                i += 1
            if inside:
                span = Span(entity, inside[0], inside[-1], m.start)
                spans.append(span)
                for i in inside:
                    covering.setdefault(i, span)
    folded_text = fold(text)
    if len(folded_text) == len(text):  # nothing dropped: folded tokens sit at the same offsets
        folded = [folded_text[t.start:t.end] for t in tokens]
    else:
        folded = [fold(t.text) for t in tokens]
    return Context(text, tokens, folded, covering, lexicon, spans, extended)


def _index_at(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _skip_comma(ctx: Context, j: int) -> int:
    return j + 1 if j < len(ctx.tokens) and ctx.tokens[j].text in COMMAS else j


def _skip_place(ctx: Context, j: int) -> int:
    """Skip `في العراق` between a title and a name: where, not whom for."""
    if ctx.word(j) and ctx.folded[j] == "في":
        span = ctx.entity_at(j + 1, types=("LOC",))
        if span is not None and span.first == j + 1:
            return span.last + 1
    return j


def _name_follows(ctx: Context, j: int) -> int:
    """Where a name would start after a title ending before token j: past `في` + place, a comma
    and an honorific (`الأمين العام لحزب الله السيد حسن نصر الله`)."""
    j = _skip_comma(ctx, _skip_place(ctx, j))
    if ctx.extended:
        while ctx.word(j) and (ctx.folded[j] in _MODIFIERS or ctx.folded[j] in HONORIFICS):
            j += 1
        return j + 1 if j < len(ctx.tokens) and ctx.tokens[j].text in _OPENING else j
    return j + 1 if ctx.word(j) and ctx.folded[j] in _HONORIFICS else j


def _before(ctx: Context, span: Span) -> Title | None:
    """The longest title phrase that ends right before the name (an optional comma between)."""
    best = None
    for i in range(span.first - 1, max(-1, span.first - 1 - _LOOK_BACK), -1):
        token = ctx.tokens[i]
        if ctx.extended and i == span.first - 1 and token.text in _OPENING and ctx.joined(i):
            continue  # `وزير الخارجية الفرنسي (فلان)`
        if token.text in BARRIERS or not ctx.joined(i):
            break
        other = ctx.covering.get(i)
        if other is not None and other.entity.type == PER:
            break
        found = read_title(ctx, i)
        if found is not None and _name_follows(ctx, found.next) == span.first:
            best = found
    if ctx.extended and best is not None and best.kind not in (COUNTERPART, FIXED):
        best = _compound(ctx, best)
    return best


def _compound(ctx: Context, title: Title) -> Title:
    """`نائب رئيس مجلس الوزراء وزير الداخلية`: a title right before another is one title."""
    first = bisect.bisect_left(ctx.tokens, title.start, key=lambda t: t.end)
    for i in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        if not ctx.word(i) or not ctx.joined(i):
            return title
        found = read_title(ctx, i)
        if (found is not None and found.next == first and found.kind not in (COUNTERPART, FIXED)
                and not ctx.text[found.end:title.start].strip()):  # `الباحث والطبيب`: two
            words = f"{ctx.text[found.start:title.start].strip()} {title.title}"
            return Title(title.kind, words, title.affiliation or found.affiliation, found.start,
                         title.end, title.next)
    return title


def _after_meeting_verb(ctx: Context, first: int) -> bool:
    """True when the name is the subject of a verb whose object is a person (التقى, استقبل)."""
    k = first - 1
    if not ctx.word(k):
        return False
    return any(word in _MEETING_VERBS for _, word in clitic_variants(ctx.folded[k])[:2])


def _after(ctx: Context, span: Span) -> Title | None:
    """A title in apposition after the name, unless it introduces the next person's name."""
    j = span.last + 1
    if ctx.extended and j < len(ctx.tokens) and ctx.tokens[j].text in _CLOSING:
        j += 1  # `بفلان» زعيم التنظيم`
    j = _skip_comma(ctx, j)
    if j >= len(ctx.tokens) or not ctx.joined(span.last):
        return None
    if j == span.last + 1 and _after_meeting_verb(ctx, span.first):
        return None  # `استقبل كيري رئيس الوزراء`: the title is the object, someone else's
    found = read_title(ctx, j)
    if found is None or found.kind in (COUNTERPART, FIXED) or found.start != ctx.tokens[j].start:
        return None  # `الأسد وأمين عام حزب الله`: after و it is someone else's title
    following = ctx.covering.get(_name_follows(ctx, found.next))
    if following is not None and following.entity.type == PER:
        return None
    return found
