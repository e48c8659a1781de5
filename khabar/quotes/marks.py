"""Quotation marks: pair them into quoted spans, tolerating the unbalanced marks of real pages.

Guillemets (« ») pair by direction. Straight double quotes (") are ambiguous, so each is read
as opening or closing from its neighbours (space before and a letter after: it opens). Curly
quotes (“ ”) are read the same way, their direction deciding only where the neighbours do not:
scraped Arabic pages often print them reversed or mixed (`فقال:” سننتظر … الفريق“`, `الديون”
وزاد:” أقدم …`), and by direction alone such a quote ran on into the next one. A quote whose
closing mark is missing ends just before the next opening mark or at the end of the paragraph;
the caller trims a cue such as `مضيفًا` from such an open end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.quotes.people import Covered

_PAIRS = (("«", "»"), ("“", "”"), ("\"", "\""))
QUOTE_MARKS = frozenset(mark for pair in _PAIRS for mark in pair)  # every mark, either way
_MARKS = {pair: re.compile("[" + re.escape(pair[0] + pair[1]) + "]") for pair in _PAIRS}
_OPENERS_BEFORE = " \t\n([{:،,؛;«“—-"
_BY_NEIGHBOURS = frozenset({"\"", "“"})  # openers of the pairs read from their neighbours


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted span: the marks' positions and whether the closing mark was really there."""

    open: int  # index of the opening mark
    start: int  # content start (after the mark)
    end: int  # content end (exclusive; the closing mark's index when closed)
    closed: bool


def find_quoted(text: str, start: int, end: int) -> list[Quoted]:
    """Quoted spans inside text[start:end] (one paragraph), outermost only, in text order."""
    found: list[Quoted] = []
    for opener, closer in _PAIRS:
        taken = Covered()  # the quotes of the marks paired before these
        for q in found:
            taken.add(q.open, q.end + 1)
        for quoted in _pair(text, start, end, opener, closer):
            if quoted.open not in taken:
                found.append(quoted)
    found.sort(key=lambda q: q.open)
    outer: list[Quoted] = []
    for quoted in found:
        if outer and quoted.open < outer[-1].end:
            continue  # nested inside the previous quote: part of its content
        outer.append(quoted)
    return outer


def _pair(text: str, start: int, end: int, opener: str, closer: str) -> list[Quoted]:
    spans: list[Quoted] = []
    current: int | None = None
    for match in _MARKS[(opener, closer)].finditer(text, start, end):
        index = match.start()
        if _opens(text, index, start, end, opener, closer, current is not None):
            if current is not None:  # a new quote opens before the last one closed
                spans.append(Quoted(current, current + 1, index, False))
            current = index
        elif current is not None:
            spans.append(Quoted(current, current + 1, index, True))
            current = None
    if current is not None:
        spans.append(Quoted(current, current + 1, end, False))
    return [s for s in spans if any(ch.isalnum() for ch in text[s.start : s.end])]


def _opens(text: str, i: int, start: int, end: int, opener: str, closer: str, inside: bool) -> bool:
    ch = text[i]
    if opener not in _BY_NEIGHBOURS:
        return ch == opener
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    space_before = before in _OPENERS_BEFORE or before.isspace()
    space_after = after.isspace() or after in ".،,؛;:!?؟)]»"
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    if opener != closer:  # a curly mark between two spaces or two letters: as printed, except
        # a closing one right after a colon that opens no quote yet (`وزاد:” أقدم`)
        return ch == opener or (not inside and _after_colon(text, start, i))
    return not inside


def _after_colon(text: str, start: int, i: int) -> bool:
    k = i - 1
    while k >= start and text[k].isspace():
        k -= 1
    return k >= start and text[k] == ":"
