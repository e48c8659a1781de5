"""A parsed sentence and the readings other areas ask of it (who did it, to whom)."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.arabic import fold

SUBJECT_RELATIONS = ("nsubj",)  # a passive subject (nsubj:pass) is not the doer
OBJECT_RELATIONS = ("obj",)
# A name or noun phrase reaches over these relations: كوري شولمان (flat), رئيس الوزراء (nmod),
# المساعدة الخاصة (amod); relative clauses and conjuncts are left out, and so are appositions
# below the phrase's own word.
_PHRASE_RELATIONS = ("flat", "compound", "amod", "nmod", "det", "case", "nummod")
_RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين",
                                          "اللتين", "اللواتي", "اللاتي", "اللائي"))


@dataclass(frozen=True, slots=True)
class Parse:
    """Per token: its UPOS tag, the index of its head (-1 for the root) and its relation."""

    tokens: tuple[str, ...]
    upos: tuple[str, ...]
    heads: tuple[int, ...]
    deprels: tuple[str, ...]

    def dependents(self, i: int, relations: tuple[str, ...]) -> list[int]:
        return [d for d, h in enumerate(self.heads) if h == i and self.deprels[d] in relations]


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """Token indexes `start` (inclusive) to `end` (exclusive) of a parse."""

    start: int
    end: int


def phrase(parse: Parse, i: int) -> TokenSpan:
    """Token `i` with its flat/compound/amod/nmod chain and its own apposition, as one span of
    token indexes (المتحدث الرسمي محمد علي: the title's appos is the name it stands for)."""
    members = {i}
    todo = [i, *parse.dependents(i, ("appos",))]
    members.update(todo)
    while todo:
        for d in parse.dependents(todo.pop(), _PHRASE_RELATIONS):
            if d not in members:
                members.add(d)
                todo.append(d)
    start, end = min(members), max(members) + 1
    # an nmod reached across a punctuation mark or a verb is not the same phrase
    for k in range(i + 1, end):
        if parse.upos[k] in ("PUNCT", "VERB"):
            end = k
            break
    for k in range(i - 1, start - 1, -1):
        if parse.upos[k] in ("PUNCT", "VERB"):
            start = k + 1
            break
    return TokenSpan(start, end)


def subject_of(parse: Parse, i: int, *, shared: bool = False) -> TokenSpan | None:
    """The subject phrase of token `i` (its nsubj), or None when it has none.

    With `shared`, a subject the tree implies is read too (as enhanced UD does): a relative
    pronoun subject (التي انتشرت) stands for the noun the clause hangs on; a verb without a
    subject that is the conjunct or the controlled complement of another (تظاهروا وأحرقوا), or
    a verbal noun that is a verb's object or oblique (لم يتورع عن إحراق), shares that verb's.
    """
    for _ in range(4):  # a chain of shared subjects is short; a wrong tree must not loop
        found = parse.dependents(i, SUBJECT_RELATIONS)
        if found:
            k = found[0]
            if shared and fold(parse.tokens[k]) in _RELATIVES and parse.deprels[i] == "acl:relcl":
                k = parse.heads[i]
            return phrase(parse, k)
        head = parse.heads[i]
        if not shared or head < 0 or parse.upos[head] != "VERB":
            return None
        shares = (parse.deprels[i] in ("conj", "xcomp") if parse.upos[i] == "VERB"
                  else parse.deprels[i] in ("obl", "obj", "xcomp"))
        if not shares:
            return None
        i = head
    return None


def object_of(parse: Parse, i: int) -> TokenSpan | None:
    """The object phrase of token `i` (its obj), or None when it has none."""
    found = parse.dependents(i, OBJECT_RELATIONS)
    return phrase(parse, found[0]) if found else None
