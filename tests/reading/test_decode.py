import codecs

import pytest

from khabar.errors import (
    BinaryInputRejected,
    EmptyInputRejected,
    EncodingRejected,
    InputError,
    TooLargeRejected,
)
from khabar.reading.decode import decode

ARTICLE = "قال المتحدث باسم الوزارة إن الاجتماع انتهى دون اتفاق."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("windows-1256"), "windows-1256"),
    ],
)
def test_decode_detects_and_records_the_encoding(data, encoding):
    decoded = decode(data)
    assert decoded.text.lstrip("\ufeff") == ARTICLE
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    ("data", "rejection"),
    [
        (b"", EmptyInputRejected),
        (b"   \n\t ", EmptyInputRejected),
        (bytes(range(256)) * 20, BinaryInputRejected),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x01" * 500, BinaryInputRejected),
    ],
)
def test_decode_rejects_empty_and_binary_input_with_a_reason(data, rejection):
    with pytest.raises(rejection) as caught:
        decode(data)
    assert caught.value.reason in {"empty", "binary"}


def test_decode_rejects_input_over_the_size_limit():
    with pytest.raises(TooLargeRejected) as caught:
        decode(b"a" * 101, max_bytes=100)
    assert caught.value.code == "R103" and "101" in caught.value.message


def test_forced_encoding_that_does_not_fit_says_what_to_try():
    with pytest.raises(EncodingRejected) as caught:
        decode(ARTICLE.encode("windows-1256"), encoding="utf-8")
    assert "windows-1256" in caught.value.message


def test_unknown_encoding_name_is_an_input_error():
    with pytest.raises(InputError) as caught:
        decode(b"abc", encoding="klingon-8")
    assert caught.value.code == "E304"


ARABIC = "أعلنت وزارة الزراعة في مدينة الوادي اليوم عن خطة جديدة لري الحقول بمياه الأمطار. " * 3


AT = ARABIC.encode("utf-8").index("مدينة".encode("utf-8"))


@pytest.mark.parametrize("damage", [
    lambda b: b[:-3],  # a download cut inside the last letter
    lambda b: b[:AT] + b"\xff" + b[AT:],  # one corrupt byte
    lambda b: b[:AT + 1] + b[AT + 2:],  # one byte lost inside a letter
])
def test_issue_19_utf8_with_a_few_bad_bytes_stays_utf8_and_counts_them(damage):
    decoded = decode(damage(ARABIC.encode("utf-8")))
    assert decoded.encoding == "utf-8"
    assert decoded.replaced == 1
    assert decoded.text.count("الزراعة") == 3


def test_issue_19_windows_1256_is_chosen_on_evidence():
    decoded = decode(ARABIC.encode("windows-1256"))
    assert (decoded.encoding, decoded.text, decoded.replaced) == ("windows-1256", ARABIC, 0)


def test_issue_19_bytes_that_are_neither_are_rejected_with_advice():
    from khabar.errors import EncodingRejected

    with pytest.raises(EncodingRejected, match="--encoding"):
        decode(("Le ministère a annoncé une réforme très attendue à Genève. " * 3).encode("latin-1"))
