"""Bodies named without their head noun: a ministry by its portfolio, a club by its name, a news
outlet by its name in a dateline, a byline or quote marks.

- A ministry is often named by its portfolio and a nationality adjective that agrees with the
  unwritten `وزارة` (`الخارجية الأمريكية`, `الداخلية البحرينية`): a definite portfolio word
  (short_names.tsv, kind `portfolio`) followed by a feminine nationality adjective is an
  organization, unless a title comes right before it (`وزيرة الخارجية الأمريكية` is a title)
  or a definite word that it qualifies (`السياسة الخارجية الأمريكية`).
- A sports club is named by its name alone (`فاز الهلال على النصر`, `لاعب الاتحاد`). Most
  club names are common words or cities (`النصر` victory, `الاتحاد` union, `برشلونة`), so a
  club is read only in an article about sport (at least MIN_SPORTS_CUES different sports words)
  and only right after a word that announces a club (`لاعب`, `فريق`, `مدرب`, `جماهير`, `فاز`,
  `أمام`, `ضد` ...) or right after another club and `و` / `على` / `مع`.
- A news outlet is named in the article's opening dateline or byline (`واس- جدة:`,
  `فلان - سبق - الباحة:`, `دبي (CNN)—`): the part between dashes right before the place, or
  in brackets right after it; and in quote marks after a word for a medium or after a verb of
  saying and `لـ` (`صحيفة «الحياة»`, `قال لـ«الشرق الأوسط»`; not `دعما لـ«عاصفة الحزم»`).

The lists are short_names.tsv, written by the project. Policy: docs/entities.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.entities.gazetteer import Ranges
from khabar.entities.names import PROCLITICS, Words, clitic_variants, skip_letters
from khabar.entities.organizations import Body
from khabar.lexicons import read_rows

ORG = "ORG"
MIN_SPORTS_CUES = 2
_LINKS = {fold(w) for w in "و على مع ضد أمام وأمام".split()}
_FEMININE_END = "ه"
# The opening dateline or byline: up to three parts joined by dashes, then `:` or a dash;
# or a place and an outlet in brackets (`دبي، الإمارات العربية المتحدة (CNN)—`).
_BYLINE = re.compile(r"\s*(?:([^\n:()«»\-]{2,40}?)\s*-\s*)?([^\n:()«»\-]{2,25}?)\s*-\s*"
                     r"([^\n:()«»\-]{2,25}?)\s*:")
_DATELINE = re.compile(r"\s*[^\n:()«»]{2,60}?\(([^()\n]{2,25})\)\s*[-—–:]")
_QUOTED = re.compile(r"[«\"]([^«»\":\n]{2,30})[»\"]")
# What stands right before an opening quote mark: a space or a bracket, then maybe `لـ`.
_LEAD = re.compile(r"(?:^|[\s(])(لـ\s*|ل)?$")
_MEDIA = {fold(w) for w in "صحيفة جريدة مجلة قناة وكالة موقع إذاعة تلفزيون شبكة".split()}
# Verbs of saying before `لـ«...»`: what is said to a name in quote marks is said to an outlet.
_TOLD = {fold(w) for w in (
    "قال قالت أكد أكدت أوضح أوضحت صرح صرحت كشف كشفت أضاف أضافت ذكر ذكرت أفاد أفادت "
    "تحدث تحدثت أشار أشارت نفى نفت").split()}
_MAX_OUTLET_WORDS = 3
_HEAD_CHARS = 120  # the longest opening dateline or byline the expressions above read


@dataclass(frozen=True, slots=True)
class ShortNames:
    """Folded club names (token tuples), words that announce a club, words of sport, ministry
    portfolios, feminine nationality adjectives and title heads (folded)."""

    clubs: dict[tuple[str, ...], int]  # name -> its number of words
    club_starts: dict[str, tuple[int, str]]  # a club's first word with no or one proclitic
    portfolio_forms: dict[str, int]  # a portfolio with up to two proclitics -> letters stripped
    cues: frozenset[str]
    sports: frozenset[str]
    portfolios: frozenset[str]
    nisba: frozenset[str]
    titles: frozenset[str]


def load_short_names(nisba: frozenset[str], titles: frozenset[str]) -> ShortNames:
    """Read short_names.tsv: word or name <TAB> club, cue, sport or portfolio."""
    clubs: dict[tuple[str, ...], int] = {}
    kinds: dict[str, set[str]] = {"cue": set(), "sport": set(), "portfolio": set()}
    for row in read_rows("short_names.tsv"):
        words = tuple(fold(row[0]).split())
        if row[1] == "club":
            clubs[words] = len(words)
        else:
            kinds[row[1]].add(words[0])
    feminine = frozenset(w for w in nisba if w.startswith("ال") and w.endswith(_FEMININE_END))
    starts = {}
    for first in {name[0] for name in clubs}:
        starts[first] = (0, first)
        for clitic in PROCLITICS:
            starts.setdefault(clitic + first, (1, first))
            if clitic == "ل" and first.startswith("ال"):
                starts.setdefault("لل" + first[2:], (1, first))
    portfolio_forms = {}
    for word in kinds["portfolio"]:
        for first in ("",) + tuple(PROCLITICS):
            for second in ("",) + tuple(PROCLITICS):
                prefix = first + second
                portfolio_forms.setdefault(prefix + word, len(prefix))
                if prefix.endswith("ل") and word.startswith("ال"):
                    portfolio_forms.setdefault(prefix + word[1:], len(prefix))  # للخارجية
    return ShortNames(clubs, starts, portfolio_forms, frozenset(kinds["cue"]),
                       frozenset(kinds["sport"]), frozenset(kinds["portfolio"]), feminine, titles)


def find_short_names(text: str, words: Words, names: ShortNames,
                     persons: frozenset[tuple[int, int]] = frozenset(), *,
                     pairs: bool = False) -> list[Body]:
    """Ministries named by their portfolio, outlets, and clubs in an article about sport.

    `persons`: the (start, end) of the person mentions found so far. A portfolio or an outlet
    never overlaps one (a byline's reporter stays a person); a club name the tagger read as a
    person in sports news is the club, without a cue (`سوانزي`). With `pairs` (entities.merge.v5),
    two clubs joined by `و` announce each other (`قطبي العاصمة النصر والهلال`), and a cue may
    carry `و` or `ف` (`وفاز`, `فتعادل`)."""
    tokens, folded = words.tokens, words.folded
    people = Ranges(list(persons))
    person_ends = dict(persons)  # a person mention's start -> its end
    found = [b for b in _portfolios(tokens, folded, names) + _outlets(text)
             if not people(b.start, b.end)]
    if len(names.sports.intersection(folded)) < MIN_SPORTS_CUES:
        return found
    k, after_club = 0, -1
    while k < len(tokens):
        club = _club_at(folded, k, names)
        if club is not None:
            stripped, size = club
            previous = folded[k - 1] if k else ""
            start = tokens[k].start + skip_letters(tokens[k].text, stripped)
            end = tokens[k + size - 1].end
            cued = previous in names.cues or (after_club == k - 1 and previous in _LINKS) or (
                after_club == k and stripped) or (pairs and (
                    _paired(folded, k + size, names)
                    or previous[:1] in "وف" and previous[1:] in names.cues))  # v5: `وفاز`
            read_as_person = any(person_ends.get(tokens[t].start, end + 1) <= end
                                 for t in range(k, k + size))  # `ليستر` of `ليستر سيتي`
            if read_as_person or (cued and not people(start, end)):
                found.append(Body(start, end, ORG))
                after_club = k + size
                k += size
                continue
        k += 1
    return found


def _paired(folded, k: int, names: ShortNames) -> bool:
    """Whether another club joined by `و` starts at token k (`النصر والهلال`)."""
    if k >= len(folded) or not folded[k].startswith("و"):
        return False
    club = _club_at(folded, k, names)
    return club is not None and club[0] == 1


def _club_at(folded, k: int, names: ShortNames) -> tuple[int, int] | None:
    """(proclitic letters, words) of a club name starting at token k (`والهلال`), if any."""
    start = names.club_starts.get(folded[k])
    if start is None:
        return None
    stripped, head = start
    for size in (3, 2, 1):
        if k + size <= len(folded) and (head, *folded[k + 1:k + size]) in names.clubs:
            return stripped, size
    return None


def _portfolios(tokens, folded, names: ShortNames) -> list[Body]:
    if names.portfolio_forms.keys().isdisjoint(folded):
        return []  # most articles name no portfolio: one set operation instead of a loop
    found = []
    forms = names.portfolio_forms
    for k in [k for k, word in enumerate(folded[:-1]) if word in forms]:
        stripped = forms[folded[k]]
        if folded[k + 1] not in names.nisba:
            continue
        before = clitic_variants(folded[k - 1]) if k else []
        if any(word in names.titles or word.startswith("ال") for _, word in before):
            continue  # `وزيرة الخارجية الأمريكية` a title, `السياسة الخارجية الأمريكية` an adjective
        start = tokens[k].start + skip_letters(tokens[k].text, stripped)
        found.append(Body(start, tokens[k + 1].end, ORG))
    return found


def _outlets(text: str) -> list[Body]:
    """News outlets in the opening dateline or byline, and quoted after a medium or `لـ`."""
    found = []
    head = text[:_HEAD_CHARS]  # the regular expressions backtrack: try them only where they may match
    byline = (_BYLINE.match(text) if "-" in head and ":" in head else None) or (
        _DATELINE.match(text) if "(" in head else None)
    if byline is not None:
        group = 2 if byline.re is _BYLINE else 1
        start, end = byline.span(group)
        if len(text[start:end].split()) <= _MAX_OUTLET_WORDS:
            found.append(Body(start, end, ORG))
    for quoted in _QUOTED.finditer(text):
        start, end = quoted.span(1)
        name = text[start:end].strip()
        lead = text[max(0, quoted.start() - 30):quoted.start()]
        joined = _LEAD.search(lead)
        if not name or len(name.split()) > _MAX_OUTLET_WORDS or joined is None:
            continue
        before = fold((lead[:joined.start()].split() or [""])[-1])
        if joined.group(1):
            heard = any(w in _TOLD for _, w in clitic_variants(before))
        else:
            heard = any(w in _MEDIA for _, w in clitic_variants(before))
        if heard:
            found.append(Body(start, start + len(text[start:end].rstrip()), ORG))
    return found
