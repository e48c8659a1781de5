"""Attach title phrases to the persons they name, before the name or in apposition after it."""

from __future__ import annotations

import bisect

from khabar.arabic import fold, tokenize
from khabar.document import Entity, Offsets, Role
from khabar.entities.names import clitic_variants
from khabar.entities.nisba import RoleLexicon
from khabar.entities.roles import BARRIERS, COMMAS, COUNTERPART, FIXED, Context, Span, Title, read_title

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


def find_roles(text: str, entities: tuple[Entity, ...], lexicon: RoleLexicon) -> dict[str, list[Role]]:
    """Roles per person entity id, in text order, without repeats of one (title, affiliation)."""
    if not any(e.type == PER for e in entities):
        return {}
    ctx = _context(text, entities, lexicon)
    roles: dict[str, list[Role]] = {}
    last_title: str | None = None
    for span in sorted(ctx.spans, key=lambda s: (s.first, s.start)):
        if span.entity.type != PER:
            continue
        found = _before(ctx, span) or _after(ctx, span)
        if found is None:
            continue
        title = found.title
        if found.kind == COUNTERPART:
            if last_title is None:
                continue
            title = last_title
        last_title = title
        role = Role(title, found.affiliation, Offsets(found.start, found.end))
        known = roles.setdefault(span.entity.id, [])
        if all((r.title, r.affiliation) != (role.title, role.affiliation) for r in known):
            known.append(role)
    return roles


def _context(text: str, entities: tuple[Entity, ...], lexicon: RoleLexicon) -> Context:
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
    return Context(text, tokens, folded, covering, lexicon, spans)


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
    return j + 1 if ctx.word(j) and ctx.folded[j] in _HONORIFICS else j


def _before(ctx: Context, span: Span) -> Title | None:
    """The longest title phrase that ends right before the name (an optional comma between)."""
    best = None
    for i in range(span.first - 1, max(-1, span.first - 1 - _LOOK_BACK), -1):
        token = ctx.tokens[i]
        if token.text in BARRIERS or not ctx.joined(i):
            break
        other = ctx.covering.get(i)
        if other is not None and other.entity.type == PER:
            break
        found = read_title(ctx, i)
        if found is not None and _name_follows(ctx, found.next) == span.first:
            best = found
    return best


def _after_meeting_verb(ctx: Context, first: int) -> bool:
    """True when the name is the subject of a verb whose object is a person (التقى, استقبل)."""
    k = first - 1
    if not ctx.word(k):
        return False
    return any(word in _MEETING_VERBS for _, word in clitic_variants(ctx.folded[k])[:2])


def _after(ctx: Context, span: Span) -> Title | None:
    """A title in apposition after the name, unless it introduces the next person's name."""
    j = _skip_comma(ctx, span.last + 1)
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
