import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.arabic import fold, normalize


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("الأُمَمُ المتّحدة", "الامم المتحده"),
        ("إسرائيل وآسيا", "اسراييل واسيا"),
        ("مستشفىً", "مستشفي"),
        ("مـــصـــر", "مصر"),
        ("٢٠١٤ و۱۲", "2014 و12"),
        ("مؤتمر", "موتمر"),
        ("CNN بالعربية", "cnn بالعربيه"),
    ],
)
def test_fold_applies_the_documented_rules(text, folded):
    assert fold(text) == folded
    assert normalize(text).text == folded


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("قال إنّ الأمـمَ المتحدة", "الامم", "الأمـمَ"),
        ("في عام ٢٠١٤ بدأ", "2014", "٢٠١٤"),
    ],
)
def test_normalize_maps_matches_back_to_original_offsets(text, needle, expected):
    normalized = normalize(text)
    at = normalized.text.index(needle)
    start, end = normalized.to_source(at, at + len(needle))
    assert text[start:end].startswith(expected[:1]) and fold(text[start:end]) == needle


_arabic_text = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىة ًٌٍَُِّْـ٠١٢٣ .،؟«»\"")),
    max_size=80,
)


@given(_arabic_text)
def test_offset_map_points_at_characters_that_fold_to_the_derived_ones(text):
    normalized = normalize(text)
    assert len(normalized.offsets) == len(normalized.text)
    assert list(normalized.offsets) == sorted(set(normalized.offsets))
    for derived, index in zip(normalized.text, normalized.offsets):
        assert fold(text[index]) == derived


_every_folded_character = "".join(
    chr(c) for c in (*range(0x0600, 0x0700), *range(0x200B, 0x2010), 0xFEFF, 0x0000)
) + "ABC É"


@pytest.mark.parametrize(
    "text",
    [
        # long texts are folded in one array pass: the same result as folding each character
        _every_folded_character * 3,
        ("قال الأمينُ العامّ للأمم المتحدة إنّ ٢٠١٤ كان عاماً صعباً. " * 10),
        ("مـــصـــر " * 40) + "😀",  # beyond the BMP
        ("مصر " * 80) + "\udc80",  # a lone surrogate
    ],
)
def test_fold_of_a_long_text_is_the_fold_of_each_character(text):
    assert len(text) >= 100
    assert fold(text) == "".join(fold(ch) for ch in text).lower()


def test_presentation_forms_fold_like_their_letters_and_keep_offsets():
    from khabar.arabic import fold, normalize

    shaped = "\ufe83\ufee5 \ufe8d\ufedf\ufee4\ufee4\ufee0\ufedc\ufe94"  # `أن المملكة`, as some sites encode it
    assert fold(shaped) == fold("أن المملكة")
    assert len(normalize(shaped).text) == len(shaped)
    assert fold("\ufefb") == "\ufefb"  # a ligature of two letters stays one character
