"""The analysis stages do work linear in the page, not quadratic.

Not a timing test: each stage runs under a line tracer that counts the Python lines it
executes, on one synthetic page and on the same kind of page four times as long. Linear work
grows about four times; work that compares every mention with every other, or searches from each
match to the text's start, grows sixteen times. A page of 10 MB (the input limit) once took
minutes in the quote and entity stages, and one long sentence made event coding cubic.

`python -m bench.scaling` measures the same in seconds, up to 4 MB.
"""

from __future__ import annotations

import datetime as dt
import random
import sys

import pytest

from khabar.inputs import RawPage

SMALL_KB = 12
GROWTH = 4  # the long page is this many times the short one
LINEAR = 6.0  # most that work may grow by (n log n gives under 5; n² gives 16)

_FIRST = "أحمد محمد خالد سعيد عمر يوسف علي حسن طارق سامي ماجد فهد ناصر عادل وليد هشام".split()
_LAST = ("العتيبي الشمري الحربي القحطاني الدوسري المطيري الزهراني الغامدي العنزي الكعبي "
         "المنصوري الخطيب النجار الحداد الأنصاري التميمي الهاشمي الجبوري الساعدي").split()
_WOMEN = "فاطمة مريم ليلى سلمى نورة هدى".split()
_TITLES = ("وزير الخارجية", "وزير الداخلية", "رئيس الوزراء", "المتحدث باسم الحكومة")
_ORGS = ("الأمم المتحدة", "جامعة الدول العربية", "منظمة الصحة العالمية", "البنك الدولي")
_PLACES = "الرياض القاهرة بغداد دمشق بيروت الدوحة".split()
_CLAUSES = ("الاجتماع كان مثمرا وناقش قضايا كثيرة تهم البلدين",
            "الحكومة ستواصل العمل على تحسين الخدمات المقدمة للمواطنين",
            "بلاده ترفض أي تدخل في شؤونها الداخلية")


def _page(size_kb: int, layout: str) -> str:
    """A news page of about `size_kb` KB with ever new persons, quotes, places and events."""
    rng = random.Random(3)
    parts, size = [], 0
    while size < size_kb * 1000:
        person = f"{rng.choice(_FIRST)} {rng.choice(_FIRST)} {rng.choice(_LAST)}"
        other = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        sentences = [
            f"قال {rng.choice(_TITLES)} {person} إن {rng.choice(_CLAUSES)}.",
            f"وأضاف {person.split()[-1]} في تصريح: «{rng.choice(_CLAUSES)}».",
            f"والتقى {person} نظيره {other} في {rng.choice(_PLACES)} مع وفد من "
            f"{rng.choice(_ORGS)}.",
            f"«{rng.choice(_CLAUSES)}»، قال {other} للصحفيين.",
            f"واعتقلت الشرطة {rng.randint(3, 40)} متظاهرين في {rng.choice(_PLACES)} أمس.",
            f"ونفى {other} وجود خلافات داخل {rng.choice(_ORGS)}.",
            f"ووصل الوفد الاثنين، ومن المقرر أن يزور {rng.choice(_PLACES)} الخميس.",
            f"وأكدت وزيرة الصحة {rng.choice(_WOMEN)} {rng.choice(_LAST)} أن "
            f"{rng.choice(_CLAUSES)}، مضيفة أن {rng.choice(_CLAUSES)}.",
        ]
        paragraph = " ".join(sentences)
        if layout == "one-sentence":
            paragraph = paragraph.replace(".", "")
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8"))
    joiner = "\n\n" if layout == "paragraphs" else " "
    return "عنوان الخبر\n\n" + joiner.join(parts)


def _lines_run(stage, *args, **kwargs) -> int:
    """How many Python lines `stage(*args, **kwargs)` executes."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += 1
        return local

    def tracer(frame, event, arg):
        return local

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        stage(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count


def _work(pipeline, layout: str, area: str, size_kb: int) -> tuple[str, int]:
    """(stage name, lines run) for the default pipeline's stage of `area` (`events.`: whichever
    version the defaults name) on a page of `size_kb`."""
    text = _page(size_kb, layout)
    page = RawPage(text.encode("utf-8"), format="text", encoding="utf-8", published="2024-03-10")
    doc = pipeline.reader.run(page)
    for stage in pipeline.stages:
        if stage.spec.name.startswith(area):
            return stage.spec.name, _lines_run(stage.run, doc)
        doc = stage.run(doc)
    raise AssertionError(f"no {area}* stage in the default pipeline")


@pytest.mark.slow
@pytest.mark.parametrize(("layout", "area"), [
    ("paragraphs", "ner."),
    ("paragraphs", "entities.merge."),
    ("paragraphs", "entities.roles."),
    ("paragraphs", "quotes."),
    ("paragraphs", "dates."),
    ("paragraphs", "events."),
    ("one-paragraph", "quotes."),
    ("one-sentence", "ner."),
    ("one-sentence", "dates."),
    ("one-sentence", "quotes."),
    ("one-sentence", "events."),
])
def test_stage_work_grows_linearly_with_the_page(pipeline, layout, area):
    stage_name, short = _work(pipeline, layout, area, SMALL_KB)
    _name, long = _work(pipeline, layout, area, SMALL_KB * GROWTH)
    assert long <= LINEAR * short, (
        f"{stage_name} on a {layout} page: {short:,} lines at {SMALL_KB} KB, {long:,} at "
        f"{SMALL_KB * GROWTH} KB ({long / short:.1f} times for a page {GROWTH} times as long)")


def _names_and_parts(count: int) -> tuple[list[list[str]], list[list]]:
    """Sentences naming `count` persons `عبد <first> <last>` in full (confidently) and once
    more by their first two words (unsure), which grow to the full name."""
    from khabar.ner.tagger import TaggedSpan

    sentences, spans = [], []
    names = [(first, last) for last in _LAST for first in _FIRST][:count]
    for first, last in names:
        sentences.append(["قال", "عبد", first, last, "إن", "الاجتماع", "كان", "مثمرا"])
        spans.append([TaggedSpan(1, 4, "PER", 0.95)])
        sentences.append(["والتقى", "عبد", first, last, "نظيره", "أمس"])
        spans.append([TaggedSpan(1, 3, "PER", 0.5)])
    return sentences, spans


@pytest.mark.slow
def test_ner_names_grow_to_longer_ones_in_work_linear_in_the_names():
    from khabar.ner.context import consistent
    from khabar.ner.tagger import TaggedSpan, load_tagger

    tagger = load_tagger()
    work = []
    for count in (60, 60 * GROWTH):
        sentences, spans = _names_and_parts(count)
        grown = consistent(sentences, spans, lexicon=tagger.lexicon, weights=tagger.weights,
                           make_span=TaggedSpan)
        assert [found[0].end for found in grown[1::2]] == [4] * count  # `عبد X` grew to `عبد X Y`
        work.append(_lines_run(consistent, sentences, spans, lexicon=tagger.lexicon,
                               weights=tagger.weights, make_span=TaggedSpan))
    assert work[1] <= LINEAR * work[0], work


@pytest.mark.parametrize("lengths", [
    [100_000] + [12] * 2_000,
    [5, 300, 40, 7, 90_000, 3, 1_000] * 50,
    [30] * 5_000,
])
def test_ner_batches_pad_at_most_four_times_the_tokens(lengths):
    from khabar.ner.crf import SMALL_BATCH, batches

    groups = batches(lengths)
    assert sorted(k for group in groups for k in group) == list(range(len(lengths)))
    padded = sum(len(group) * max(lengths[k] for k in group) for group in groups)
    assert padded <= max(4 * sum(lengths), SMALL_BATCH)


class _CountingText(str):
    """A text that counts the characters its slices copy (a copy of the text before every match
    is quadratic work that no Python line shows)."""

    copied = 0

    def __getitem__(self, key):
        found = super().__getitem__(key)
        _CountingText.copied += len(found)
        return found


def test_dates_copy_text_linear_in_the_sentence():
    from khabar.measures.dates import find_dates

    copied = []
    for count in (200, 200 * GROWTH):
        text = _CountingText("ووصل الوفد الاثنين، ومن المقرر أن يعود الخميس " * count)
        _CountingText.copied = 0
        found = find_dates(text, 0, len(text), dt.date(2024, 3, 10))
        assert len(found) == count  # الخميس; this الاثنين is "the two", not Monday
        copied.append(_CountingText.copied)
    assert copied[1] <= LINEAR * copied[0], copied
