"""The fast scoring and decoding give the very numbers of the straightforward ones.

The featurizer's emissions memoize per-token blocks in one array, take bigram rows from a table
of known pairs and score an article's sentences together, and Viterbi decodes only the sentences
still running at each position; none of it may change a score's last bit or a label. The
reference implementations below are the code they replaced: every attribute string of
`_context` built and looked up, added with one `np.add.at`, and Viterbi over the whole padded
batch. Checked on sentences written for this test and, where
../shared is present, on a few hundred SaudiNewsNet sentences, with the shipped model.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from khabar.arabic import tokenize
from khabar.ner.crf import Weights, batches, pad, viterbi_batch
from khabar.ner.tagger import load_tagger

from tests.conftest import SHARED, shared_file

_CUE_LISTS = ("person_titles", "org_cues", "loc_cues")
_OFFSETS = (-2, -1, 1, 2)

TEXTS = [
    "قال وزير الخارجية الأردني سمير الحداد في عمّان إن المحادثات مع وفد الاتحاد الأوروبي مستمرة.",
    "وأعلنت الهيئة العامة للطيران المدني أن مطار الملك خالد الدولي استقبل 2.4 مليون مسافر عام 2015.",
    "التقى الأمير فيصل بن سلمان أمير منطقة المدينة المنورة بالسفير الكوبي خوسيه مارتينيز.",
    "وصرحت المستشارة هدى العتيبي لوكالة الأنباء: «سنبدأ التنفيذ في يناير»، وفقا لبيان NATO.",
    "نادي الهلال",
    "الرياض",
    "و",
    "٢٫٤ % من 1,500 F16 iPhone ؟ ! …",
    " ".join(["وقال", "محمد", "بن", "راشد", "آل", "مكتوم"] * 30) + ".",
]


@pytest.fixture(scope="module")
def tagger():
    return load_tagger()


def _reference_matches(lexicon, folded, stems) -> list[list[str]]:
    """`Lexicon.matches` as it was: every token's list, built token by token."""
    found: list[list[str]] = [[] for _ in folded]
    for i in range(len(folded)):
        for first in {folded[i], stems[i]}:
            candidates = lexicon.entries.get(first)
            if not candidates:
                continue
            for size in range(min(lexicon.longest, len(folded) - i), 0, -1):
                names = candidates.get((first, *folded[i + 1 : i + size]))
                if names:
                    for name in names:
                        found[i].append(f"{name}:B")
                        for j in range(i + 1, i + size):
                            found[j].append(f"{name}:I")
                    break
    return found


def _reference_context(lexicon, words) -> list[list[str]]:
    """The sentence attributes of each token, as strings, in the order they were added."""
    folded = [w.folded for w in words]
    gazetteer = _reference_matches(lexicon, folded, [w.name for w in words])
    size = len(words)
    extra: dict[int, list[str]] = {}
    for j in [i for i in range(size) if gazetteer[i]]:
        extra.setdefault(j, []).extend("G=" + g for g in gazetteer[j])
        if j + 1 < size:
            extra.setdefault(j + 1, []).extend("-1G=" + g for g in gazetteer[j])
        if j > 0:
            extra.setdefault(j - 1, []).extend("1G=" + g for g in gazetteer[j])
        cues = ["win-" + g for g in gazetteer[j] if g.startswith(_CUE_LISTS)]
        for i in range(j + 2, min(size, j + 5)) if cues else ():
            extra.setdefault(i, []).extend(cues)
    coarse = [w.coarse for w in words]
    result = []
    for i in range(size):
        features = extra.get(i, [])
        if i > 0:
            features.append(f"b-1={folded[i - 1]}|{folded[i]}")
            features.append(f"cc={coarse[i - 1]}|{coarse[i]}")
        if i < size - 1:
            features.append(f"b+1={folded[i]}|{folded[i + 1]}")
        features.extend(f"{offset}:BOUND" for offset in _OFFSETS if not 0 <= i + offset < size)
        result.append(features)
    return result


def _reference_emissions(featurizer, tokens, weights: Weights) -> np.ndarray:
    table = featurizer.table
    rows = [featurizer._row(token) if table is not None else -1 for token in tokens]
    words = [featurizer._word(token) for token in tokens]
    blocks = np.stack([
        table.blocks[row].astype(np.float64) if row >= 0
        else featurizer._block(token, word, weights, keep=False).copy()
        for token, word, row in zip(tokens, words, rows, strict=True)])
    scores = blocks[:, 0].copy()
    scores[2:] += blocks[:-2, 1]
    scores[1:] += blocks[:-1, 2]
    scores[:-1] += blocks[1:, 3]
    scores[:-2] += blocks[2:, 4]
    positions, found = [], []
    for i, attributes in enumerate(_reference_context(featurizer.lexicon, words)):
        for attribute in attributes:
            if attribute in weights.index:
                positions.append(i)
                found.append(weights.index[attribute])
    if found:
        np.add.at(scores, positions, weights.state[found])
    return scores


def _reference_viterbi(weights: Weights, batch: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    size, longest, labels = batch.shape
    identity = np.broadcast_to(np.arange(labels), (size, labels))
    score = batch[:, 0].copy()
    back = np.empty((max(longest - 1, 0), size, labels), dtype=np.intp)
    for t in range(1, longest):
        candidates = score[:, :, None] + weights.transition
        best = candidates.argmax(axis=1)
        new = candidates.max(axis=1) + batch[:, t]
        active = (t < lengths)[:, None]
        score = np.where(active, new, score)
        back[t - 1] = np.where(active, best, identity)
    current = score.argmax(axis=1)
    path = np.empty((size, longest), dtype=np.intp)
    path[:, longest - 1] = current
    for t in range(longest - 1, 0, -1):
        current = back[t - 1][np.arange(size), current]
        path[:, t - 1] = current
    return [path[row, :n].tolist() for row, n in enumerate(lengths)]


def _snn_sentences(limit: int) -> list[list[str]]:
    from eval.corpora import saudinewsnet_records

    from khabar.arabic.tokens import split_sentences
    shared_file(SHARED / "data" / "saudinewsnet")
    sentences = []
    for record in itertools.islice(saudinewsnet_records(), 0, 400, 20):
        text = record["text"]
        sentences += [[t.text for t in tokenize(text, start, end)]
                      for start, end in split_sentences(text)]
    return [s for s in sentences if s][:limit]


def _written_sentences() -> list[list[str]]:
    return [[t.text for t in tokenize(text)] for text in TEXTS]


def _check_emissions(tagger, sentences) -> None:
    fresh = load_tagger()  # cold memo against the warm one: both must give the same bits
    expected = [_reference_emissions(fresh.featurizer, sentence, fresh.weights)
                for sentence in sentences]
    for sentence, scores in zip(sentences * 2, expected * 2, strict=True):
        assert np.array_equal(tagger.featurizer.emissions(sentence, tagger.weights), scores)
    together = load_tagger().emissions(sentences)  # all sentences scored at once
    assert all(np.array_equal(a, b) for a, b in zip(together, expected, strict=True))


def _check_decoding(tagger, sentences) -> None:
    emissions = tagger.emissions(sentences)
    for group in batches([len(e) for e in emissions]):
        batch, lengths = pad([emissions[k] for k in group])
        assert viterbi_batch(tagger.weights, batch, lengths) == _reference_viterbi(
            tagger.weights, batch, lengths)
    for sentence, scores in zip(sentences, emissions, strict=True):
        assert tagger.tag(sentence) == [tagger.labels[i] for i in tagger.weights.viterbi(scores)]


def test_written_sentences_score_and_decode_as_before(tagger):
    sentences = _written_sentences()
    _check_emissions(tagger, sentences)
    _check_decoding(tagger, sentences)


def test_saudinewsnet_sentences_score_and_decode_as_before(tagger):
    sentences = _snn_sentences(300)
    _check_emissions(tagger, sentences)
    _check_decoding(tagger, sentences)



def test_spans_of_sentences_decoded_together_are_those_of_each_alone(tagger):
    # Marginals are computed only for the sentences that name someone: the others must not
    # shift which sentence's spans and scores go where.
    sentences = _written_sentences() + [["و"], ["قال", "إنه", "سيعود"]] + _written_sentences()[:3]
    together = tagger.spans_many(sentences)
    alone = [tagger.spans(sentence) for sentence in sentences]
    assert any(not spans for spans in alone) and sum(bool(spans) for spans in alone) >= 5
    assert [[(s.start, s.end, s.label) for s in spans] for spans in together] == [
        [(s.start, s.end, s.label) for s in spans] for spans in alone]
    for mine, single in zip(together, alone, strict=True):
        assert [s.score for s in mine] == pytest.approx([s.score for s in single], abs=1e-4)
