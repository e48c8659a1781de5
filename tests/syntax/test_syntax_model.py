"""The shipped parser loads and reads a few sentences written for these tests."""

import pytest

from khabar.errors import InputError
from khabar.syntax import TokenSpan, load_parser, subject_of
from khabar.syntax.model import read_parser


@pytest.fixture(scope="module")
def parser():
    return load_parser()


def test_the_parser_loads_once(parser):
    assert load_parser() is parser


def test_a_missing_model_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as error:
        read_parser(tmp_path / "absent.npz")
    assert error.value.code == "E301"


@pytest.mark.parametrize("sentence, verb, subject", [
    ("استقبل الرئيس السفير", 0, TokenSpan(1, 2)),                    # verb first
    ("الرئيس استقبل السفير في القصر", 1, TokenSpan(0, 1)),          # subject first
    ("وقال وزير الخارجية إن المحادثات مستمرة .", 0, TokenSpan(1, 3)),  # a quote cue
])
def test_the_subject_of_a_verb(parser, sentence, verb, subject):
    parse = parser.parse(sentence.split())
    assert parse.upos[verb] == "VERB"
    assert subject_of(parse, verb) == subject


@pytest.mark.parametrize("sentence", ["هذه المدينة جميلة جدا .", "استقبل الرئيس السفير"])
def test_every_parse_is_one_tree(parser, sentence):
    tokens = sentence.split()
    parse = parser.parse(tokens)
    assert len(parse.heads) == len(parse.upos) == len(parse.deprels) == len(tokens)
    assert all(-1 <= h < len(tokens) and h != i for i, h in enumerate(parse.heads))
    roots = [i for i, h in enumerate(parse.heads) if h == -1]
    assert roots and all(parse.deprels[i] == "root" for i in roots)


def test_a_nominal_sentence_tags_its_predicate_adjective(parser):
    parse = parser.parse("هذه المدينة جميلة جدا .".split())
    assert parse.upos[1:3] == ("NOUN", "ADJ")
