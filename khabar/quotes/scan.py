"""What a cue introduces: a quoted span, a reported clause (أن ...), or a noun phrase (نفى ...).

From a cue, the scan reads the words up to the end of its sentence: the subject first, then a
quotation mark, a colon or a complementizer (`إن`, `أن`, `بأن`, `أنه` ...) that starts the
content. A plain reporting verb needs one of those; a verb marked `np` in the lexicon
(`نفى وجود شرخ`) may report a noun phrase instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.quotes.lexicon import CueLexicon
from khabar.quotes.marks import Quoted
from khabar.quotes.text import Word

COMPLEMENTIZERS = frozenset(
    "ان انه انها انهم انهما انهن انني اننا اني بان بانه بانها بانهم فان".split()
)
_BARE = frozenset(("ان", "بان", "فان"))
_BEFORE_QUOTE = frozenset(":،,-–—")
_COMMAS = frozenset("،,")
# `، لكن مستخدمين قالوا`, `، إلا أنهم أكدوا`: a new reported clause after a conjunction.
_CONJUNCTIONS = frozenset("لكن ولكن لكنه لكنها لكنهم الا كما فيما بينما ثم حين".split())
_MAX_WINDOW = 40
# `بعد أن`, `قبل أن`: a conjunction, not the start of reported content.
_NOT_REPORTING = frozenset("بعد قبل منذ رغم دون حتى لدرجه بمجرد".split())


@dataclass(frozen=True, slots=True)
class Target:
    """What a cue governs: its subject window and where the content starts (or the quote)."""

    kind: str  # "direct", "indirect" or "np"
    window: list[Word]
    quoted: Quoted | None = None
    content_start: int = 0


def scan(
    words: list[Word], i: int, limit: int, open_at: dict[int, Quoted], lexicon: CueLexicon,
    person_ends: set[int],
) -> Target | None:
    """The target of the cue at words[i], looking no further than `limit` (sentence end)."""
    window: list[Word] = []
    for j in range(i + 1, min(len(words), i + 1 + _MAX_WINDOW)):
        word = words[j]
        if word.start >= limit:
            break
        quoted = open_at.get(word.start)
        if quoted is not None:
            prev = words[j - 1]
            if j == i + 1 or prev.folded in COMPLEMENTIZERS or prev.folded in _BEFORE_QUOTE \
                    or _opens_with_complementizer(words, j):
                return Target("direct", window, quoted)
            if prev.end in person_ends and _word_count(words, quoted) >= 2:
                return Target("direct", window, quoted)  # قال كارتر "..." without a comma
        if word.folded in COMPLEMENTIZERS:
            if words[j - 1].folded in _NOT_REPORTING:
                break
            after = words[j + 1] if j + 1 < len(words) else None
            if after is not None and after.start in open_at:
                return Target("direct", window, open_at[after.start])
            start = word.end if word.folded in _BARE else word.start
            return Target("indirect", window, content_start=start)
        if word.folded == ":":
            after = words[j + 1] if j + 1 < len(words) else None
            if after is not None and after.start in open_at:
                return Target("direct", window, open_at[after.start])
            if after is not None and after.start < limit:
                return Target("indirect", window, content_start=after.start)
            return None
        if word.is_word and lexicon.cue(word.folded) is not None:
            break
        window.append(word)
    return None


def _opens_with_complementizer(words: list[Word], j: int) -> bool:
    """`قالت في تقرير "إن ...`: the quote itself starts with the complementizer."""
    return j + 1 < len(words) and words[j + 1].folded in COMPLEMENTIZERS


def _word_count(words: list[Word], quoted: Quoted) -> int:
    return sum(1 for w in words if quoted.start <= w.start < quoted.end and w.is_word)


def clause_end(
    words: list[Word], k: int, limit: int, open_at: dict[int, Quoted], lexicon: CueLexicon
) -> int:
    """Where reported content starting at words[k] ends: its sentence, or a new cue or quote."""
    last = words[k].end if k < len(words) else limit
    for j in range(k, len(words)):
        word = words[j]
        if word.start >= limit:
            break
        prev = words[j - 1].folded if j > 0 else ""
        if j > k and word.start in open_at and (prev in _BEFORE_QUOTE or prev in COMPLEMENTIZERS):
            break
        cue = lexicon.cue(word.folded) if j > k and word.is_word else None
        if cue is not None and cue.kind == "participle":
            break
        if cue is not None and prev in _COMMAS and word.folded[0] in "وف":
            break
        comma = _after_conjunction(words, k, j) if cue is not None and cue.kind == "verb" else -1
        if comma > k:
            last = max((w.end for w in words[k:comma] if w.kind != "punct"), default=last)
            break
        if word.kind != "punct":
            last = word.end
    return last


def _after_conjunction(words: list[Word], k: int, j: int) -> int:
    """The comma's index when words[j] follows `، <conjunction or و-word> [words]`, else -1.

    `، لكن مسؤولين قالوا`, `، وحول الخطط قال`: a new clause; `، أكد له` (no conjunction) is
    still the same reported clause (`قال إن نظيره التركي، أكد له أن ...`).
    """
    for back in range(j - 1, max(k, j - 6) - 1, -1):
        word = words[back].folded
        if word in _CONJUNCTIONS or (word[0] == "و" and len(word) > 2):
            return back - 1 if back > k and words[back - 1].folded in _COMMAS else -1
        if not words[back].is_word:
            return -1
    return -1


def trim_open_end(words: list[Word], quoted: Quoted, lexicon: CueLexicon) -> int:
    """End of an unclosed quote: drop a trailing cue (`، مضيفًا`) and punctuation."""
    inner = [w for w in words if quoted.start <= w.start and w.end <= quoted.end]
    for back in range(1, min(4, len(inner)) + 1):
        word = inner[-back]
        if word.is_word and lexicon.cue(word.folded) is not None:
            inner = inner[:-back]
            break
    while inner and inner[-1].kind == "punct":
        inner.pop()
    return inner[-1].end if inner else quoted.end


def noun_phrase(words: list[Word], i: int, limit: int, people: list, lexicon: CueLexicon,
                ) -> Target | None:
    """`نفى كارتر وجود شرخ`: a subject (if any), then the reported noun phrase."""
    from khabar.quotes.speakers import explicit_subject  # speakers imports this module's types

    rest = [w for w in words[i + 1 : i + 13] if w.start < limit]
    if not rest or rest[0].folded in _NO_CONTENT:
        return None
    speaker = explicit_subject(rest, people, lexicon, phrase_only=True)
    skip = 0
    if speaker is not None and speaker.span is not None:
        skip = sum(1 for w in rest if w.end <= speaker.span.end)
    while skip < len(rest) and rest[skip].kind == "punct":
        skip += 1
    if len([w for w in rest[skip:] if w.is_word]) < 2:
        return None
    return Target("np", rest[:skip], content_start=rest[skip].start)


_NO_CONTENT = frozenset("عنه عنها عنهم ذلك هذا هذه عن".split())


def content_span(text: str, words: list[Word], target: Target, limit: int,
                 lexicon: CueLexicon) -> tuple[int, int] | None:
    """The content offsets of a target: inside the quote marks, or the reported clause."""
    if target.quoted is not None:
        q = target.quoted
        start, end = q.start, q.end if q.closed else trim_open_end(words, q, lexicon)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None
    k = next((j for j, w in enumerate(words) if w.start >= target.content_start), None)
    if k is None or words[k].start >= limit:
        return None
    end = clause_end(words, k, limit, {}, lexicon)
    if sum(1 for w in words[k:] if w.is_word and w.end <= end) < 2:
        return None
    return words[k].start, end
