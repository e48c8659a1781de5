"""CoNLL-U trees read onto khabar's surface tokens (whole space-separated words).

Treebanks split clitics off as their own syntactic words (`ل` + `أوباما`, `نشرت` + `ها`); the
product reads whole words (khabar.arabic.tokenize). Each group of word pieces that makes one
surface word is merged back into one token, which takes the tag, head and relation of its
*content piece*: the piece whose head lies outside the group (a proclitic's head is its host, an
enclitic's head is the word it hangs on). Punctuation always stays a token of its own, as the
product's tokenizer splits it.

Which pieces form a group:

* Arabic PUD (UD v2) marks it: `SpaceAfter=No` joins a piece to the next one.
* PADT v1.2 has no SpaceAfter. A piece is joined to the next one when it is a one-letter
  proclitic (`و ف ب ل ك س`, tagged CONJ/CCONJ, ADP, PART or SCONJ), and to the previous one when
  it is an enclitic pronoun (PRON whose unvocalized form is one of ه ها هم هما هن ك كم كما كن
  ي ني نا) right after a word. UD v1 labels are mapped to v2 (`dobj` -> `obj`, `nsubjpass` ->
  `nsubj:pass`, `name` -> `flat`, `mwe` -> `fixed`, CONJ -> CCONJ, CONJ marking a clause
  (أن, إن) -> SCONJ, and `nmod` of a verb, adjective or adverb -> `obl`). A sentence-opening
  و that v1 makes the root, with the verb hanging on it, gives its merged word (وقالت) the
  root relation and the verb's tag. PADT v1 tags most proper names X and its forms are vocalized
  (the features fold the diacritics away); neither is changed.

The readers take a path; nothing here knows where data lives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from khabar.arabic import fold

# Word classes in the order a group's content piece is preferred when several pieces have
# their head outside the group (فإن: two particles; the last one wins among equals).
_CONTENT_RANK = {"VERB": 0, "NOUN": 0, "PROPN": 0, "ADJ": 0, "NUM": 0, "ADV": 1, "PRON": 2,
                 "X": 2, "AUX": 2, "DET": 3, "PART": 4, "SCONJ": 4, "ADP": 5, "CCONJ": 5, "INTJ": 2,
                 "SYM": 6, "PUNCT": 6}

_V1_LABELS = {"dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass",
              "auxpass": "aux:pass", "name": "flat", "mwe": "fixed", "neg": "advmod",
              "remnant": "orphan"}
_V1_TAGS = {"CONJ": "CCONJ"}

_PROCLITICS = {"و", "ف", "ب", "ل", "ك", "س"}
_PROCLITIC_TAGS = {"CONJ", "CCONJ", "ADP", "PART", "SCONJ"}
_ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"}


@dataclass(frozen=True, slots=True)
class Piece:
    """One syntactic word of a CoNLL-U line (ids and heads are 1-based, 0 = root)."""

    id: int
    form: str
    upos: str
    head: int
    deprel: str
    space_after: bool


@dataclass(frozen=True, slots=True)
class Tree:
    """One sentence over surface tokens; heads are 0-based token indexes, -1 for the root."""

    sent_id: str
    tokens: tuple[str, ...]
    upos: tuple[str, ...]
    heads: tuple[int, ...]
    deprels: tuple[str, ...]


def read_pieces(path: Path) -> Iterator[tuple[str, list[Piece]]]:
    """(sent_id, pieces) for each sentence of a CoNLL-U file; multiword ranges are skipped."""
    sent_id, pieces = "", []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if pieces:
                    yield sent_id, pieces
                sent_id, pieces = "", []
            elif line.startswith("# sent_id"):
                sent_id = line[len("# sent_id"):].lstrip(" =:").strip()
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                pieces.append(Piece(int(cols[0]), cols[1], _V1_TAGS.get(cols[3], cols[3]),
                                    int(cols[6]), _v2_label(cols[7]),
                                    "SpaceAfter=No" not in cols[9]))
    if pieces:
        yield sent_id, pieces


def _v2_label(deprel: str) -> str:
    base, _, sub = deprel.partition(":")
    mapped = _V1_LABELS.get(deprel) or _V1_LABELS.get(base)
    return mapped or deprel


def read_pud(path: Path) -> list[Tree]:
    """Arabic PUD sentences merged on SpaceAfter=No."""
    return [merge(sent_id, pieces, _pud_groups(pieces)) for sent_id, pieces in read_pieces(path)]


def read_padt_v1(path: Path) -> list[Tree]:
    """PADT v1.2 sentences merged on known proclitics and enclitic pronouns."""
    trees = []
    for sent_id, pieces in read_pieces(path):
        pieces = _v2_obliques(pieces)
        trees.append(merge(sent_id, pieces, _padt_groups(pieces)))
    return trees


def _v2_obliques(pieces: Sequence[Piece]) -> list[Piece]:
    """UD v1's nmod of a predicate (verb, adjective, adverb) is v2's obl; a CONJ that marks a
    clause is v2's SCONJ."""
    upos = {p.id: p.upos for p in pieces}
    out = []
    for p in pieces:
        if p.deprel == "nmod" and upos.get(p.head) in ("VERB", "ADJ", "ADV"):
            p = Piece(p.id, p.form, p.upos, p.head, "obl", p.space_after)
        if p.upos == "CCONJ" and p.deprel == "mark":  # أن, إن: v2 calls them SCONJ
            p = Piece(p.id, p.form, "SCONJ", p.head, p.deprel, p.space_after)
        out.append(p)
    return out


def _is_punct(piece: Piece) -> bool:
    return piece.upos == "PUNCT" or not any(ch.isalnum() for ch in piece.form)


def _pud_groups(pieces: Sequence[Piece]) -> list[list[int]]:
    groups: list[list[int]] = []
    joined = False
    for i, piece in enumerate(pieces):
        if _is_punct(piece):
            groups.append([i])
            joined = False
            continue
        if joined and groups and not _is_punct(pieces[groups[-1][-1]]):
            groups[-1].append(i)
        else:
            groups.append([i])
        joined = not piece.space_after
    return groups


def _padt_groups(pieces: Sequence[Piece]) -> list[list[int]]:
    groups: list[list[int]] = []
    open_proclitic = False
    for i, piece in enumerate(pieces):
        bare = fold(piece.form)
        if _is_punct(piece):
            groups.append([i])
            open_proclitic = False
        elif open_proclitic:
            groups[-1].append(i)
        elif (piece.upos == "PRON" and bare in _ENCLITICS and groups
              and not _is_punct(pieces[groups[-1][-1]])):
            groups[-1].append(i)
        else:
            groups.append([i])
        open_proclitic = bare in _PROCLITICS and piece.upos in _PROCLITIC_TAGS
    return groups


def merge(sent_id: str, pieces: Sequence[Piece], groups: Iterable[list[int]]) -> Tree:
    """One token per group, with the tag, head and relation of the group's content piece."""
    groups = list(groups)
    token_of = {pieces[i].id: g for g, group in enumerate(groups) for i in group}
    tokens, upos, heads, deprels = [], [], [], []
    for g, group in enumerate(groups):
        outside = [i for i in group if token_of.get(pieces[i].head) != g]
        content = min(outside or group, key=lambda i: (_CONTENT_RANK.get(pieces[i].upos, 2), -i))
        piece = pieces[content]
        # PADT v1 heads a sentence with its opening و and hangs the verb on it (وقالت): the
        # token keeps the particle's place in the tree but is tagged as its host
        hosts = [i for i in group if pieces[i].head == piece.id
                 and _CONTENT_RANK.get(pieces[i].upos, 2) < _CONTENT_RANK.get(piece.upos, 2)]
        tokens.append("".join(pieces[i].form for i in group))
        upos.append(pieces[hosts[0]].upos if hosts else piece.upos)
        heads.append(-1 if piece.head == 0 else token_of[piece.head])
        deprels.append(piece.deprel)
    return Tree(sent_id, tuple(tokens), tuple(upos), tuple(heads), tuple(deprels))
