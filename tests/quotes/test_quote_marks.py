import pytest

from khabar.quotes.marks import find_quoted


def _contents(text):
    return [(text[q.start : q.end], q.closed) for q in find_quoted(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('قال: "الوضع مستقر".', [("الوضع مستقر", True)]),
        ("قال: «الوضع مستقر».", [("الوضع مستقر", True)]),
        ("قال: “الوضع مستقر”.", [("الوضع مستقر", True)]),
        ('وأكد أن "الوضع مستقر', [("الوضع مستقر", False)]),
        (
            'وأكد أن "الأمن مستتب، مضيفًا "لن نتراجع".',
            [("الأمن مستتب، مضيفًا ", False), ("لن نتراجع", True)],
        ),
        ("قال «إن الحديث عن \"الهدنة\" مبكر» ثم غادر", [('إن الحديث عن "الهدنة" مبكر', True)]),
        ('زار "المركز" ثم قال: "انتهينا"', [("المركز", True), ("انتهينا", True)]),
        # curly marks printed reversed or mixed, as scraped pages do: read from the neighbours
        ("فقال:” سننتظر حتى نهاية الموسم“ ثم غادر", [(" سننتظر حتى نهاية الموسم", True)]),
        ("من الديون” وزاد:” أقدم شكري للجماهير“.", [(" أقدم شكري للجماهير", True)]),
        ("قال: ”الوضع مستقر“ وأضاف: “لن نتراجع”.", [("الوضع مستقر", True), ("لن نتراجع", True)]),
    ],
)
def test_marks_pair_balanced_and_unbalanced_quotes(text, expected):
    assert _contents(text) == expected


@pytest.mark.parametrize("text", ["لا علامات هنا", 'علامة " وحيدة', "» عكسية «"])
def test_marks_find_nothing_without_quoted_words(text):
    assert [t for t, _ in _contents(text) if t.strip() and len(t.split()) > 1] == []
