"""Article-level consistency after the CRF has tagged each sentence.

1. **Closed-class words.** A one-word mention that is a pronoun, a particle or a preposition
   with a pronoun suffix (`وأكد لي أن` → `لي`; khabar/ner/lexicon/not_names.txt) is dropped. A
   person's name that ends in آل takes the family name after it (`... آل` + `الشيخ`).
2. **Propagation.** A name the CRF found with confidence (mean marginal ≥ 0.7) is labelled the
   same way where it recurs untagged in the same article; a person's last name counts as the
   person (`هورست كوبل` … later `كوبل`), unless it is a nationality or title word (`منصور
   التركي` does not make every `التركي` a person), a closed-class word (`امتحانا لي` does not
   make every `لي` one) or a word whose own evidence in the model favours O over a name (a
   verb the tagger joined to the name, `سلمان استقبل`, must not make every `واستقبل` a
   person). Names are compared by their folded, clitic-stripped
   forms, so `وكوبل` matches too. This is the usual two-stage idea for NER (Krishnan & Manning
   2006, "An Effective Two-Stage Model for Exploiting Non-Local Dependencies"), here as rules.
3. **Agreement with the article.** A mention the CRF was unsure of (below 0.7) takes the type
   that the article's confident mentions of the same name carry, when they outvote its own
   type two to one (`السودان` tagged PER once, LOC with confidence twice → LOC); and a mention
   that is part of a longer confident name of its type, spelled out around it, grows to that
   name (`هنري ليفي` inside `برنار هنري ليفي`).
4. **List backoff.** A run of tokens that the model has never seen as a word, but that a
   hand-written list gives as a country, place, organization or other name (`داعش`), becomes
   a LOC, ORG or MISC mention with score 0.5: the model has no evidence either way, the list
   has some. A list entry that is also a common word (`الشباب`, `فتح`; common_words.txt) is
   not made a name alone this way.

On the development block, propagation and list backoff together raised F1 by about 0.9,
agreement with the article by 0.3 more (docs/evaluation-ner.md); the closed-class filter leaves
the test score unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

from khabar.arabic import fold
from khabar.ner.crf import Weights
from khabar.ner.features import strip_clitics
from khabar.ner.lexicon import Lexicon

CONFIDENT = 0.7
_FAMILY = fold("آل")
_WORD = re.compile(r"[^\W\d_]+")
LONGEST = 4
BACKOFF_SCORE = 0.5
_BACKOFF_TYPES = {"organizations": "ORG", "countries": "LOC", "places": "LOC", "misc": "MISC"}


def _key(token: str) -> str:
    return strip_clitics(fold(token)).name


def consistent(sentences: Sequence[Sequence[str]], spans: Sequence[list], *,
               lexicon: Lexicon, weights: Weights, make_span,
               keys: Sequence[Sequence[str]] | None = None,
               matches: Sequence[dict[int, list[str]]] | None = None,
               name_word: Callable[[str], bool] | None = None) -> list[list]:
    """The sentences' spans, less closed-class one-word mentions, plus the mentions added by
    propagation and list backoff.

    `spans[i]` holds the CRF spans of sentence i (objects with start, end, label, score);
    `make_span(start, end, label, score)` builds a new one; `keys` are the tokens' folded,
    clitic-stripped forms and `matches` the tokens' list matches (`Lexicon.matches`, only the
    positions with some) when the caller has them; `name_word(token)` says whether a word may
    stand for a person alone (default: any word). Returns new lists, sorted by start.
    """
    if keys is None:
        keys = [[_key(t) for t in tokens] for tokens in sentences]
    spans = [[_with_family(tokens, span, found, make_span) for span in found
              if not _closed_class(tokens, span, lexicon)]
             for tokens, found in zip(sentences, spans, strict=True)]
    known: dict[tuple[str, ...], Counter[str]] = {}
    scores: dict[tuple[str, ...], list[float]] = {}
    for tokens, sentence_keys, found in zip(sentences, keys, spans, strict=True):
        for span in found:
            if span.score < CONFIDENT:
                continue
            names = [tuple(sentence_keys[span.start : span.end])]
            last = sentence_keys[span.end - 1]
            if (span.label == "PER" and span.end - span.start >= 2 and not _is_cue(last, lexicon)
                    and fold(tokens[span.end - 1]) not in lexicon.not_names
                    and (name_word is None or name_word(tokens[span.end - 1]))):
                names.append((last,))
            for name in names:
                known.setdefault(name, Counter())[span.label] += 1
                scores.setdefault(name, []).append(span.score)
    firsts = {name[0] for name in known}
    longer = _longer_names(known)
    spans = [_agreeing(sentence_keys, found, known, longer, make_span)
             for sentence_keys, found in zip(keys, spans, strict=True)]
    result = []
    for number, (tokens, sentence_keys, found) in enumerate(
            zip(sentences, keys, spans, strict=True)):
        taken = [False] * len(tokens)
        for span in found:
            taken[span.start : span.end] = [True] * (span.end - span.start)
        added = _propagated(sentence_keys, taken, known, scores, make_span, firsts)
        added += _backoff(tokens, sentence_keys, taken, lexicon, weights, make_span,
                          None if matches is None else matches[number])
        result.append(sorted([*found, *added], key=lambda span: span.start))
    return result


OUTVOTE = 2  # votes for another type needed per vote (plus one) for the mention's own type


class _Longer(NamedTuple):
    """The confident longer names that hold one word: name -> (rank, type) and their lengths."""

    names: dict[tuple[str, ...], tuple[int, str]]
    lengths: frozenset[int]


def _longer_names(known: dict[tuple[str, ...], Counter[str]]) -> dict[str, _Longer]:
    """Confident names of two or more tokens, with their type, indexed by each of their words
    (ranked in the order of `known`)."""
    longer: dict[str, dict[tuple[str, ...], tuple[int, str]]] = {}
    for rank, (name, votes) in enumerate(known.items()):
        if len(name) >= 2:
            label = votes.most_common(1)[0][0]
            for word in set(name):
                longer.setdefault(word, {})[name] = (rank, label)
    return {word: _Longer(names, frozenset(map(len, names))) for word, names in longer.items()}


def _spelled_around(keys: Sequence[str], start: int, end: int, longer: _Longer | None
                    ) -> list[tuple[tuple[str, ...], str]]:
    """The longer names (with their type, in rank order) written out around tokens
    [start, end). Only the windows around the mention are looked up: a common word (a first
    name) is part of thousands of names in a long page, and trying each of them per mention
    made the stage quadratic. A name can only ever match a window that holds [start, end)."""
    if longer is None:
        return []
    found = {}
    for size in longer.lengths:
        for begin in range(max(0, end - size), min(start, len(keys) - size) + 1):
            window = tuple(keys[begin : begin + size])
            if window in longer.names:
                found[window] = longer.names[window]
    return [(name, label) for name, (_rank, label) in sorted(found.items(), key=lambda f: f[1])]


def _agreeing(keys, found, known, longer, make_span) -> list:
    """The sentence's mentions relabelled and grown to agree with the article's confident names
    (rule 3 of the module docstring)."""
    result = []
    overlaps = _Overlaps(found)
    for index, span in enumerate(found):
        start, end, label = span.start, span.end, span.label
        votes = known.get(tuple(keys[start:end]))
        if votes and span.score < CONFIDENT:
            winner, count = votes.most_common(1)[0]
            if count >= OUTVOTE * (votes[label] + 1):
                label = winner
        for name, name_label in _spelled_around(keys, start, end, longer.get(keys[start])):
            if name_label != label or len(name) <= end - start:
                continue
            for begin in range(max(0, end - len(name)), start + 1):
                stop = begin + len(name)
                if (stop <= len(keys) and tuple(keys[begin:stop]) == name
                        and not overlaps(begin, stop, index)):
                    start, end = begin, stop
                    break
        if (start, end, label) != (span.start, span.end, span.label):
            span = make_span(start, end, label, span.score)
        result.append(span)
    return result


class _Overlaps:
    """Whether tokens [begin, stop) overlap a mention of the sentence other than one: by
    bisection when the mentions are in order and apart (as the tagger gives them), else by a
    scan of them all."""

    def __init__(self, found: Sequence) -> None:
        self.found = found
        self.starts = [span.start for span in found]
        self.ends = [span.end for span in found]
        self.ordered = all(a.end <= b.start for a, b in zip(found, found[1:])) and all(
            span.start < span.end for span in found)

    def __call__(self, begin: int, stop: int, index: int) -> bool:
        if not self.ordered:
            span = self.found[index]
            return any(other is not span and other.start < stop and begin < other.end
                       for other in self.found)
        lo = bisect_right(self.ends, begin)  # the first mention that ends after `begin`
        hi = bisect_left(self.starts, stop)  # mentions from `hi` on start at or after `stop`
        return hi - lo - (1 if lo <= index < hi else 0) > 0


def _closed_class(tokens: Sequence[str], span, lexicon: Lexicon) -> bool:
    """A one-word mention that is a pronoun or particle (`وأكد لي أن`): never a name."""
    return span.end - span.start == 1 and fold(tokens[span.start]) in lexicon.not_names


def _with_family(tokens: Sequence[str], span, found: Sequence, make_span):
    """A person's name never ends in آل ("family of"): the family name after it belongs to it
    (`محمد بن عبد الملك آل` + `الشيخ`, which the tagger leaves out as a title word), unless
    that word starts another mention."""
    end = span.end
    if (span.label == "PER" and end < len(tokens) and fold(tokens[end - 1]) == _FAMILY
            and _WORD.fullmatch(tokens[end]) and all(other.start != end for other in found)):
        return make_span(span.start, end + 1, span.label, span.score)
    return span


def _is_cue(key: str, lexicon: Lexicon) -> bool:
    """A nationality or title word (`التركي`, `الشيخ`): as a bare word it is no name."""
    names = lexicon.entries.get(key, {}).get((key,), ())
    return "nationalities" in names or "person_titles" in names


def _propagated(keys, taken, known, scores, make_span, firsts) -> list:
    added = []
    j = 0
    while j < len(keys):
        if keys[j] not in firsts:  # no known name starts here
            j += 1
            continue
        for size in range(min(LONGEST, len(keys) - j), 0, -1):
            name = tuple(keys[j : j + size])
            if name in known and not any(taken[j : j + size]):
                label = known[name].most_common(1)[0][0]
                score = sum(scores[name]) / len(scores[name])
                added.append(make_span(j, j + size, label, round(score, 4)))
                taken[j : j + size] = [True] * size
                j += size - 1
                break
        j += 1
    return added


def _backoff(tokens, keys, taken, lexicon: Lexicon, weights: Weights, make_span,
             matches: dict[int, list[str]] | None = None) -> list:
    if matches is None:
        found = lexicon.matches([fold(t) for t in tokens], keys)
        matches = {j: labels for j, labels in enumerate(found) if labels}
    added = []
    after = 0  # the end of the last list entry looked at
    for j in sorted(matches):
        if j < after:
            continue
        lists = [m[:-2] for m in matches[j] if m.endswith(":B") and m[:-2] in _BACKOFF_TYPES]
        if not lists:
            continue
        size = 1
        while j + size < len(tokens) and f"{lists[0]}:I" in matches.get(j + size, ()):
            size += 1
        unseen = all(f"w={fold(token)}" not in weights.index for token in tokens[j : j + size])
        common = size == 1 and keys[j] in lexicon.common_words  # `تجنيد الشباب`, `بفتح`
        if unseen and not common and len(keys[j]) >= 3 and not any(taken[j : j + size]):
            added.append(make_span(j, j + size, _BACKOFF_TYPES[lists[0]], BACKOFF_SCORE))
            taken[j : j + size] = [True] * size
        after = j + size
    return added
