"""Choosing a page's title by agreement: with the body, the URL's slug and repetition.

A scraped page puts many headline-like lines above its first paragraph: the site's name, menus,
a breaking-news ticker, other articles' headlines, the title itself (sometimes twice, or glued
to itself). The title is the line the article is *about*: most of its content words come back
in the first paragraphs, and in the URL's slug when the page has one. Site names, menus and
other headlines share few words with the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from khabar.arabic import fold

_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_SUFFIXES = ("ها", "هم", "ات", "ون", "ين", "ه", "ي")
_PREFIX_LETTERS = frozenset(p[0] for p in _PREFIXES)
_SUFFIX_LETTERS = frozenset(s[-1] for s in _SUFFIXES)
_SLUG_SPLIT = re.compile(r"[-_/.+\s]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_MIN_AGREEMENT = 0.25
_AGREES = 0.5
_NEAREST = 0.15  # the line just above the body is often the title,
_LONGEST = 0.3  # and a title is longer than a site's name, a tagline or a byline


def root(word: str) -> str:
    """The word without one clitic prefix and one common suffix (3 letters kept), so that
    `لبناء`, `بناء` and `البناء` meet; the same cut on both sides of a comparison."""
    if word[:1] in _PREFIX_LETTERS:
        for prefix in _PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix):]
                break
    if word[-1:] not in _SUFFIX_LETTERS:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str, stop: frozenset[str]) -> list[str]:
    """Folded letter runs of `text` that are not stopwords (digits and punctuation left out)."""
    return [w for w in _LETTERS.findall(fold(text)) if w not in stop and len(w) > 1]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Folded text to compare a candidate's words with: its words, and the text itself, where a
    root of four letters or more is looked up as a substring (`بناء` in `لبناء`)."""

    words: frozenset[str]
    text: str

    def __contains__(self, word: str) -> bool:
        if word in self.words:
            return True
        base = root(word)
        return base in self.words or (len(base) >= 4 and base in self.text)


def vocabulary(texts: Iterable[str]) -> Vocabulary:
    text = fold(" ".join(texts))
    return Vocabulary(frozenset(_LETTERS.findall(text)), text)


def slug_vocabulary(url: str | None) -> Vocabulary:
    """The words of a URL's path (`/2018/03/01/لأول-مرة-دي-كابريو.html`)."""
    if not url:
        return Vocabulary(frozenset(), "")
    try:
        path = urlsplit(url).path
    except ValueError:  # an unparsable URL (`http://[x/`) has no slug to agree with
        return Vocabulary(frozenset(), "")
    return vocabulary([" ".join(_SLUG_SPLIT.split(unquote(path)))])


@dataclass(frozen=True, slots=True)
class Candidate:
    """A headline-like line above the body: where it is and whether the page repeats it."""

    index: int
    text: str
    repeated: bool
    teaser: bool = False  # a section name and a headline: another article's, unless it agrees


def _extends_another(candidate: Candidate, candidates: Sequence[Candidate]) -> bool:
    """`Title - Site name` when `Title` is a candidate too: the bare title is the one."""
    return any(other is not candidate and len(other.text) < len(candidate.text)
               and candidate.text.startswith(other.text) and len(other.text.split()) >= 2
               for other in candidates)


def _share(words: list[str], known: Vocabulary) -> float:
    """Share of `words` found in `known`, halved when fewer than two are (a site's name shares
    one word with the body by chance)."""
    if not known.text:
        return 0.0
    found = sum(w in known for w in words)
    return found / len(words) * (1.0 if found >= 2 else 0.5)


def choose_title(candidates: Sequence[Candidate], body: Iterable[str], *, stop: frozenset[str],
                 url: str | None = None) -> Candidate | None:
    """The candidate that agrees best with the body and the URL; None when none agrees enough.

    Agreement is the share of a candidate's content words found in the first paragraphs (or in
    the slug), weighed down for lines under five words (site names, labels); the line nearest
    the body and a line the page repeats get a bonus. Ties go to the line nearest the body."""
    in_lead = vocabulary(body)
    slug = slug_vocabulary(url)
    scored = []
    for candidate in candidates:
        words = content_words(candidate.text, stop)
        if not words or _extends_another(candidate, candidates):
            continue
        length = min(1.0, len(words) / 5)  # site names, labels and bylines are short
        scored.append((candidate, max(_share(words, in_lead), _share(words, slug)) * length))
    # The first line that clearly agrees is the title (a byline or dateline under it may agree
    # too); failing that, the best, with a bonus for the longest line and the line just above
    # the body.
    for candidate, agreement in scored:
        if agreement >= _AGREES and not candidate.teaser:
            return candidate
    best: tuple[float, int] | None = None
    chosen = None
    longest = max((len(c.text) for c, _ in scored if not c.teaser), default=0)
    for candidate, agreement in scored:
        nearest = candidate is candidates[-1]
        score = (agreement + (_NEAREST if nearest else 0.0) + (0.5 if candidate.repeated else 0.0)
                 + (_LONGEST if len(candidate.text) == longest else 0.0)
                 - (_NEAREST + _LONGEST if candidate.teaser else 0.0))
        if score < _MIN_AGREEMENT:
            continue
        key = (round(score, 6), candidate.index)
        if best is None or key > best:
            best, chosen = key, candidate
    return chosen
