"""What the tagger and the parser see of one surface word.

The form is folded with the project's normalizer (no diacritics or tatweel, أ إ آ -> ا,
ى -> ي, ة -> ه, Arabic-Indic digits -> ASCII). Arabic marks much of a word's role on its edges:
proclitics and the article at the front (و ف ب ل ك س, ال), case endings, agreement and enclitic
pronouns at the back (ـه ـها ـهم, ـون ـين ـات), so prefixes and suffixes stand in for the
morphological analysis the project does not have. The word clusters the NER model learned from
unlabelled news (khabar/models/ner/clusters.tsv.gz, docs/ner.md) tell the tagger what an unseen
word is like: PUD's 15,000 training words leave most news words unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from khabar.arabic import fold
from khabar.ner.features import Clusters, load_clusters

_ARTICLE_PREFIXES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل")
_CONJUNCTIONS = ("و", "ف")
_ENCLITICS = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه")


@dataclass(frozen=True, slots=True)
class Word:
    """The folded form of a word and the pieces of it that features use."""

    form: str
    shape: str
    prefix1: str
    prefix2: str
    suffix1: str
    suffix2: str
    suffix3: str
    article: bool
    conjunction: bool
    enclitic: str
    cluster: str  # the coarse and the fine cluster, "-" for a word the table lacks
    fine: str


ROOT = Word("<ROOT>", "root", "", "", "", "", "", False, False, "", "root", "root")


class Vocabulary:
    """Words described with the cluster table (memoized per instance: news repeats its words)."""

    def __init__(self, clusters: Clusters | None):
        self._clusters = clusters
        self._memo: dict[str, Word] = {}

    @property
    def uses_clusters(self) -> bool:
        return self._clusters is not None

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        return cls(load_clusters(path))

    def word(self, token: str) -> Word:
        found = self._memo.get(token)
        if found is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            found = self._memo[token] = _describe(token, self._clusters)
        return found

    def words(self, tokens) -> list[Word]:
        return [self.word(t) for t in tokens]


def _describe(token: str, clusters: Clusters | None) -> Word:
    form = fold(token)
    ids = clusters.ids.get(form) if clusters is not None else None
    return Word(
        form=form,
        shape=_shape(form),
        prefix1=form[:1],
        prefix2=form[:2],
        suffix1=form[-1:],
        suffix2=form[-2:],
        suffix3=form[-3:],
        article=form.startswith(_ARTICLE_PREFIXES) and len(form) > 3,
        conjunction=form.startswith(_CONJUNCTIONS) and len(form) > 3,
        enclitic=next((e for e in _ENCLITICS if form.endswith(e) and len(form) > len(e) + 2), ""),
        cluster=ids[0] + "/" + ids[1] if ids else "-",
        fine=ids[2] if ids else "-",
    )


def _shape(form: str) -> str:
    if form.isdigit():
        return "digit"
    if any(ch.isdigit() for ch in form):
        return "alnum"
    if not any(ch.isalpha() for ch in form):
        return "punct"
    if form.isascii():
        return "latin"
    return "short" if len(form) <= 2 else "word"
