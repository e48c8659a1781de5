"""Reading BIO files and scoring them by conlleval's rules."""

from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

from khabar.ner.conll import (chunks, map_tag, read_blank_separated, read_running, score,
                              to_bio, to_bioes)


@pytest.mark.parametrize(("tag", "expected"), [
    ("B-PERS", "B-PER"), ("I-MIS", "I-MISC"), ("B-LOC", "B-LOC"), ("O", "O"), ("B-XYZ", "O"),
])
def test_map_tag_uses_khabar_labels(tag, expected):
    assert map_tag(tag) == expected


@pytest.mark.parametrize(("tags", "expected"), [
    (["B-PER", "I-PER", "O"], {(0, 2, "PER")}),
    (["I-LOC", "I-LOC", "O"], {(0, 2, "LOC")}),  # an I- after O starts an entity
    (["B-ORG", "I-LOC"], {(0, 1, "ORG"), (1, 2, "LOC")}),  # a type change starts another
    (["B-PER", "B-PER"], {(0, 1, "PER"), (1, 2, "PER")}),
    (["O", "O"], set()),
])
def test_chunks_follow_conlleval(tags, expected):
    assert chunks(tags) == expected


def test_bioes_marks_single_and_last_tokens():
    tags = ["O", "B-PER", "I-PER", "I-PER", "B-LOC", "I-ORG", "O", "I-MISC"]
    assert to_bioes(tags) == ("O", "B-PER", "I-PER", "E-PER", "S-LOC", "S-ORG", "O", "S-MISC")


@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]), max_size=12))
def test_bioes_keeps_the_entities_and_reads_back_as_bio(tags):
    bioes = to_bioes(tags)
    assert chunks([to_bio(tag) for tag in bioes]) == chunks(tags)
    assert all(tag == "O" or tag[0] in "BIES" for tag in bioes)


def test_score_counts_only_exact_span_and_type():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "O", "O", "B-LOC"]]
    report = score(gold, predicted)
    assert (report.overall.gold, report.overall.predicted, report.overall.correct) == (2, 2, 1)
    assert report.overall.f1 == pytest.approx(50.0)
    assert report.by_label["LOC"].f1 == pytest.approx(100.0)
    assert report.by_label["PER"].f1 == 0.0


def test_readers_split_sentences_and_skip_empty_tokens(tmp_path):
    running = tmp_path / "running.txt"
    running.write_text("قال O\nكارتر B-PERS\n. O\n O\n\u200f O\nبغداد B-LOC\n. O\n", encoding="utf-8")
    sentences = read_running(running)
    assert [s.tokens for s in sentences] == [("قال", "كارتر", "."), ("بغداد", ".")]
    assert sentences[0].tags == ("O", "B-PER", "O")
    blank = tmp_path / "blank.txt"
    blank.write_text("داعش B-ORG\n\nفي O\nحلب B-LOC\n", encoding="utf-8")
    assert [s.tags for s in read_blank_separated(blank)] == [("B-ORG",), ("O", "B-LOC")]
