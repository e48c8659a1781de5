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
