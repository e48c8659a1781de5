"""The NER data recipe: which third-party files and lines the model is trained and tested on.

- ANERcorp (Benajiba et al. 2007), lines 1-125,275 only: everything before the CAMeL Lab test
  split, which starts at line 125,276 (see ../shared/data/anercorp/SOURCE.md). Lines whose token
  is empty or only a bidi mark are dropped.
- Optionally the AQMAR train split (Mohit et al. 2012), MIS mapped to MISC.
- Development set for tuning: the last 10% of the ANERcorp training sentences (a contiguous
  block, so that an article's repeated names do not leak between train and dev).
- Test: ANERCorp_CamelLab_test.txt, read only by eval/ner.py.
- Never NewsFANE Gold: it re-annotates the same text as the test split.
"""

from __future__ import annotations

from pathlib import Path

from khabar.ner.conll import Sentence, read_blank_separated, read_running

DEFAULT_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
ANERCORP_TRAIN_LAST_LINE = 125_275
DEV_SHARE = 0.10


def anercorp_train(data: Path = DEFAULT_DATA) -> list[Sentence]:
    """ANERcorp before the CAMeL test split."""
    return read_running(data / "anercorp" / "ANERCorp.txt", last=ANERCORP_TRAIN_LAST_LINE)


def split_dev(sentences: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): dev is the last DEV_SHARE of the sentences."""
    cut = int(len(sentences) * (1 - DEV_SHARE))
    return sentences[:cut], sentences[cut:]


def aqmar_train(data: Path = DEFAULT_DATA) -> list[Sentence]:
    """AQMAR's train split (Arabic Wikipedia)."""
    return read_blank_separated(data / "aqmar" / "train.txt")


def aqmar_dev(data: Path = DEFAULT_DATA) -> list[Sentence]:
    """AQMAR's dev split (Arabic Wikipedia)."""
    return read_blank_separated(data / "aqmar" / "dev.txt")


def anercorp_test(data: Path = DEFAULT_DATA) -> list[Sentence]:
    """The CAMeL Lab test split of ANERcorp."""
    return read_blank_separated(data / "anercorp" / "ANERCorp_CamelLab_test.txt")
