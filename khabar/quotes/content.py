"""Where a quote's content starts and ends.

Quoted content is what the marks enclose (an unclosed quote loses a trailing `، مضيفًا`).
Reported content runs from the complementizer to the end of the sentence, unless a participle
cue (`مضيفًا`), a new clause after a comma and a conjunction (`، لكن مسؤولين قالوا`), a cue
before a colon (`، أما عن المدرب فقال: "…"`) or (quotes.cues.v4) a cue that opens a clause
and names its subject (`... حيث أكد الرئيس الروسي فلاديمير بوتين أن ...`) starts another
quote first. Sentence-initial `وبحسب X فإن ...` and backward attributions (`حسبما أكد مصدر`)
are recognized here too.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from khabar.arabic import fold
from khabar.quotes.lexicon import CueForm, CueLexicon
from khabar.quotes.marks import Quoted
from khabar.quotes.people import Covered, People
from khabar.quotes.scan import COMPLEMENTIZERS, Target
from khabar.quotes.speakers import explicit_subject
from khabar.quotes.text import COMMAS, Word

# `، لكن مستخدمين قالوا`, `، إلا أنهم أكدوا`: a new reported clause after a conjunction.
_CONJUNCTIONS = frozenset("لكن ولكن لكنه لكنها لكنهم الا كما فيما بينما ثم حين".split())
# `حسبما أكد مصدر`, `وفق ما ذكرت الوكالة`: the cue attributes what came before it.
_LOOKING_BACK = frozenset(fold(w) for w in "حسبما بحسبما لما وفقما".split())
_ACCORDING = frozenset(fold(w) for w in "حسب بحسب وفق وفقا طبقا على".split())
_LINK_WORDS = _LOOKING_BACK | _ACCORDING | {"ما"}
_THEN = frozenset(("،", ",", "فان", "فانه", "فانها"))
_SO = fold("فقد")  # v4: opens what the source said, as `فإن` does
# v4: words of a source after `بحسب` up to its comma or `فإن`, marks not counted (`وحسب الناطق
# الإعلامي لشرطة منطقة مكة المكرمة العقيد دكتور فلان بن فلان الفلاني، فقد`)
_SOURCE_WORDS, _SOURCE_WORDS_V4 = 9, 14
_SOURCE_NAMED = 8  # v4: a source of more words names someone the article tags
_QUOTED_SOURCE = 4  # v4: words of a source named in marks after `بحسب` (`"واس"`, `"رويترز"`)
_MARKS = frozenset("\"«»“”„‟")  # doubled or nested marks at a quote's edge
_OPENING_MARKS = {"«": "»", "“": "”"}  # opening marks and their own closing ones
# `... حيث أكد فلان أن`, `... وقد أعلن فلان أن`: words that open a clause before its cue.
_CLAUSE_OPENERS = frozenset(fold(w) for w in "حيث إذ فقد وقد كما ثم فيما بينما حين عندما".split())
_COMPLEMENTS = frozenset(fold(w) for w in "أن إن بأن ان".split()) | {":"} | _MARKS
_SUBJECT_AHEAD = 5  # words after an opening cue where its subject's name may start
_NAME_WORDS = 5  # words of a name in marks that opens reported words (`أن «أوبك» لا تعتزم`)
_SAID_AHEAD = 14  # words after the cue within which its complement must come


def looks_back(words: list[Word], i: int) -> bool:
    """Whether the cue at words[i] attributes earlier words (`حسبما أكد`, `وفق ما ذكرت`)."""
    before = words[i - 1].folded if i > 0 else ""
    if before in _LOOKING_BACK:
        return True
    return before == "ما" and i > 1 and words[i - 2].folded in _ACCORDING


def according(words: list[Word], i: int, limit: int, *, quoted_source: bool = False,
              names: Covered | None = None) -> Target | None:
    """`وبحسب المحامي كروتينا فإن ...` (the caller checks it opens a sentence); with
    `quoted_source` (quotes.cues.v4), a source named in quotation marks needs no comma after it
    (`وبحسب "واس" تستعرض اللجنة ...`), `فقد` opens what it said as `فإن` does, and a source
    longer than eight words names a person or a body the article tags (`names`: their mentions;
    `ووفقاً للنجاح الذي حققته تجربة التعليم الإلكتروني خلال العام الماضي،` names nobody)."""
    if quoted_source:
        found = _after_quoted_source(words, i, limit)
        if found is not None:
            return found
    window: list[Word] = []
    reach = _SOURCE_WORDS_V4 if quoted_source else _SOURCE_WORDS
    marked = False  # inside marks, where `إن` is a name's (`وبحسب "سي إن إن"،`)
    for j in range(i + 1, len(words)):
        word = words[j]
        if word.start >= limit or (sum(w.is_word for w in window) if quoted_source
                                   else j - i - 1) >= reach:
            return None
        marked ^= word.folded in _MARKS
        if quoted_source and word.folded == ":":
            return None  # `وحسب فلان: «...»، غير أنه`: words said after the colon, no clause
        if quoted_source and word.folded in COMPLEMENTIZERS and word.folded not in _THEN \
                and not marked:
            return None  # `ووفقا للبيانات السابقة يفترض أن ...`: the writer's own reading
        if quoted_source and (word.folded == _SO or word.folded in _THEN) and window \
                and sum(w.is_word for w in window) > _SOURCE_NAMED and not any(
                    names is not None and w.start in names for w in window):
            return None
        if quoted_source and word.folded == _SO and window:  # `ووفقا للتلفزيون السوري فقد`
            return Target("indirect", window, content_start=word.start)
        if word.folded in _THEN:
            start = word.end if word.folded in ("،", ",", "فان") else word.start
            if j + 1 < len(words) and words[j + 1].folded == "فان":
                start = words[j + 1].end
            return Target("indirect", window, content_start=start) if window else None
        window.append(word)
    return None


def _after_quoted_source(words: list[Word], i: int, limit: int) -> Target | None:
    """`وبحسب "واس" تستعرض اللجنة ...`: a source of at most _QUOTED_SOURCE words in marks right
    after the cue, then the reported words (a comma or فإن after the marks is read as before)."""
    if i + 1 >= len(words) or words[i + 1].folded not in _MARKS:
        return None
    for j in range(i + 2, min(len(words), i + 3 + _QUOTED_SOURCE)):
        if words[j].folded in _MARKS:
            after = words[j + 1] if j + 1 < len(words) else None
            if j == i + 2 or after is None or after.start >= limit or not after.is_word \
                    or after.folded in _THEN:
                return None
            return Target("indirect", words[i + 1 : j + 1], content_start=after.start)
        if not words[j].is_word:
            return None
    return None


def clause_end(words: list[Word], k: int, limit: int, lexicon: CueLexicon,
               names: Covered | None = None) -> int:
    """Where reported content starting at words[k] ends: its sentence, or a new cue.

    Quotation marks inside do not end it: `أن X "Y"` is one (mixed) quote. With `names` (the
    entities' mentions), a verb cue that opens a clause and names its subject ends it too.
    """
    last = words[k].end if k < len(words) else limit
    for j in range(k, len(words)):
        word = words[j]
        if word.start >= limit:
            break
        prev = words[j - 1].folded if j > 0 else ""
        cue = lexicon.cue(word.folded) if j > k and word.is_word else None
        if cue is not None and cue.kind == "participle":
            break
        if cue is not None and prev in COMMAS and word.folded[0] in "وف":
            break
        if cue is not None and looks_back(words, j):  # `... بحسب ما نقلت رويترز`
            last = max((w.end for w in words[k:j] if w.is_word and w.folded not in _LINK_WORDS),
                       default=last)
            break
        comma = _after_conjunction(words, k, j) if cue is not None and cue.kind == "verb" else -1
        colon_next = j + 1 < len(words) and words[j + 1].folded == ":"
        if cue is not None and cue.kind == "verb" and colon_next:
            # the clause before it ends at its last comma or quotation mark (`الديون” وزاد:”`)
            comma = max((c for c in range(k + 1, j) if words[c].folded in COMMAS
                         or words[c].folded in _MARKS), default=j)
        if comma > k:
            last = max((w.end for w in words[k:comma] if w.kind != "punct"), default=last)
            break
        if cue is not None and names is not None and _opens_named_clause(words, j, cue, names):
            # `... المساعدات، وأشارت إلى قمة حيث أكد الرئيس الروسي فلاديمير بوتين أن`
            stop = j - 1 if words[j - 1].folded in _CLAUSE_OPENERS else j
            last = max((w.end for w in words[k:stop] if w.kind != "punct"), default=last)
            break
        if word.kind != "punct":
            last = word.end
    return last


def _opens_named_clause(words: list[Word], j: int, cue: CueForm, names: Covered) -> bool:
    """Whether the verb cue at words[j] opens a clause of its own (`وأضاف`, `حيث قال`, `وقد
    أعلن`) whose subject is a named entity within a few words, followed by what it said (a
    complementizer, a colon or a mark): another speaker's quote, or the same speaker's next
    one, not part of the reported words (a cue after its subject, `أن نظيره أكد له أن`,
    stays inside)."""
    if cue.kind != "verb":
        return False
    prev = words[j - 1].folded if j > 0 else ""
    if not (prev in _CLAUSE_OPENERS or words[j].folded[0] in "وف" and len(words[j].folded) > 3):
        return False
    ahead = words[j + 1 : j + 1 + _SAID_AHEAD]
    for n, word in enumerate(ahead[:_SUBJECT_AHEAD]):
        if word.start in names:  # the subject, before anything it says
            return any(w.folded in _COMPLEMENTS for w in ahead[n + 1 :])
        if not word.is_word or word.folded in _COMPLEMENTS:
            return False
    return False


def _after_conjunction(words: list[Word], k: int, j: int) -> int:
    """The comma's index when words[j] follows `، <conjunction or و-word> [words]`, else -1.

    `، لكن مسؤولين قالوا`, `، وحول الخطط قال`: a new clause; `، أكد له` (no conjunction) is
    still the same reported clause (`قال إن نظيره التركي، أكد له أن ...`).
    """
    for back in range(j - 1, max(k, j - 6) - 1, -1):
        word = words[back].folded
        if word in _CONJUNCTIONS or (word[0] == "و" and len(word) > 2):
            return back - 1 if back > k and words[back - 1].folded in COMMAS else -1
        if not words[back].is_word:
            return -1
    return -1


def trim_open_end(words: list[Word], quoted: Quoted, lexicon: CueLexicon) -> int:
    """End of an unclosed quote: drop a trailing cue (`، مضيفًا`) and punctuation."""
    # The words inside the marks are words[lo:hi] (tokens are in order and do not overlap).
    lo = bisect_left(words, quoted.start, key=_start)
    hi = bisect_right(words, quoted.end, key=_end)
    for back in range(1, min(4, hi - lo) + 1):
        word = words[hi - back]
        if word.is_word and lexicon.cue(word.folded) is not None:
            hi -= back
            break
    while hi > lo and words[hi - 1].kind == "punct":
        hi -= 1
    return words[hi - 1].end if hi > lo else quoted.end


def noun_phrase(words: list[Word], i: int, limit: int, people: People, lexicon: CueLexicon,
                *, roles: bool = False) -> Target | None:
    """`نفى كارتر وجود شرخ`: a subject (if any), then the reported noun phrase; `roles`
    (quotes.cues.v4): a subject named after a long title the roles stage read."""
    rest = [w for w in words[i + 1 : i + (_NP_REACH_V4 if roles else _NP_REACH)] if w.start < limit]
    if not rest or rest[0].folded in _NO_CONTENT:
        return None
    lead = 1 if roles and rest[0].folded in _RESUMPTIVE and len(rest) > 1 else 0
    if roles and (named := _quoted_name(rest)):  # `وأكد "زيزو" صعوبة المباراة`: the name
        # in marks is the subject, what follows the noun phrase
        skip = named
        while skip < len(rest) and rest[skip].kind == "punct":
            skip += 1
        if len([w for w in rest[skip:] if w.is_word]) < 2:
            return None
        return Target("np", [w for w in rest[:named] if w.is_word], content_start=rest[skip].start)
    speaker = explicit_subject(rest[lead:], people, lexicon, phrase_only=True, roles=roles)
    skip = lead  # v4: `في الوقت الذي أعلنت فيه القوات ...`: the relative's `فيه`, then the subject
    if speaker is not None and speaker.span is not None:
        skip = sum(1 for w in rest if w.end <= speaker.span.end)
    while skip < len(rest) and rest[skip].kind == "punct":
        skip += 1
    if len([w for w in rest[skip:] if w.is_word]) < 2:
        return None
    return Target("np", rest[:skip], content_start=rest[skip].start)


def _quoted_name(rest: list[Word]) -> int:
    """v4: how many of `rest` a name in marks opening it takes (marks included), or 0."""
    if not rest or rest[0].folded not in _MARKS:
        return 0
    for k in range(1, min(len(rest), _QUOTED_NAME + 2)):
        if rest[k].folded in _MARKS:
            return k + 1 if k > 1 else 0
        if not rest[k].is_word:
            return 0
    return 0


_QUOTED_NAME = 4  # words of a name in marks that opens a reported noun phrase
_NP_REACH, _NP_REACH_V4 = 13, 19  # words after the cue read for a subject and its noun phrase
_NO_CONTENT = frozenset("عنه عنها عنهم ذلك هذا هذه عن".split())
_RESUMPTIVE = frozenset("فيه فيها فيهم".split())  # folded


def content_span(text: str, words: list[Word], target: Target, limit: int,
                 lexicon: CueLexicon, names: Covered | None = None) -> tuple[int, int] | None:
    """The content offsets of a target: inside the quote marks, or the reported clause (see
    clause_end for `names`)."""
    if target.quoted is not None:
        q = target.quoted
        start, end = q.start, q.end if q.closed else trim_open_end(words, q, lexicon)
        while start < end and (text[start].isspace() or text[start] in _MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _MARKS):
            end -= 1
        return (start, end) if start < end else None
    k = bisect_left(words, target.content_start, key=_start)
    while k < len(words) and words[k].kind == "punct":
        k += 1
    if k == len(words) or words[k].start >= limit:
        return None
    end = clause_end(words, k, limit, lexicon, names)
    if not _two_words(words, k, end):
        return None
    mark = words[k - 1] if k > 0 else None  # `أن «أوبك» لا تعتزم`: a name in marks opens it
    if mark is not None and mark.end == words[k].start and opens_a_name(text, mark.start, end):
        return mark.start, end
    return words[k].start, end


def opens_a_name(text: str, start: int, end: int) -> bool:
    """Whether text[start] is `«` or `“` whose closing mark comes before `end` with words after
    it: a name in marks that opens the reported words, not marks around all of them. A name is
    at most _NAME_WORDS words with no complementizer (`“قال فلان إن ”` is speech, no name)."""
    closing = _OPENING_MARKS.get(text[start])
    at = text.find(closing, start + 1, end) if closing else -1
    if at <= 0 or not text[at + 1 : end].strip(' \t\n"«»“”.,،'):
        return False
    named = fold(text[start + 1 : at]).split()
    return len(named) <= _NAME_WORDS and not any(w in _COMPLEMENTS for w in named)


def _two_words(words: list[Word], k: int, end: int) -> bool:
    """Whether at least two words from words[k] on end by `end`."""
    count = 0
    for index in range(k, len(words)):
        word = words[index]
        if word.end > end:  # tokens do not overlap: every later one ends later too
            return False
        count += word.is_word
        if count == 2:
            return True
    return False


def _start(word: Word) -> int:
    return word.start


def _end(word: Word) -> int:
    return word.end
