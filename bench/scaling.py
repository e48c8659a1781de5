"""How each stage's time grows with the length of one page: it should grow linearly.

    python -m bench.scaling [--sizes 100,400,1000,2000,4000] [--variants paragraphs,...]

Builds synthetic Arabic articles of the given sizes (kilobytes of UTF-8) and runs the default
pipeline over each, timing every stage separately. The text is written here, not taken from a
corpus: paragraphs of persons with titles (`قال وزير الخارجية أحمد العتيبي إن ...`), quotes in
«», organizations, places, dates and amounts, with thousands of distinct names so that entity
merging and speaker attribution see many entities. Four layouts of the same words:

- paragraphs: a blank line between paragraphs, as a normal article;
- one-paragraph: no line breaks at all (one block for the quote and role stages);
- no-punctuation: paragraphs without any sentence end mark (one sentence per paragraph);
- one-sentence: both at once, the whole page as one sentence.

For each variant the table gives CPU seconds per stage at each size (this process's CPU time,
which other jobs on a shared machine disturb less than wall time) and the growth exponent
between the two largest sizes (1.0 is linear, 2.0 quadratic; up to ~1.3 is noise or n log n).
Each page is analyzed once, so the smallest sizes are noisy. The reader's limit on clean text
(a million characters, about 1.8 MB of Arabic) is lifted here unless `--max-chars` says
otherwise, so that pages up to the input limit show what the stages themselves cost.
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import time
from collections import defaultdict

from bench.analyze import timed_stages
from bench.common import machine
from khabar import build_pipeline, load_config
from khabar.inputs import RawPage

VARIANTS = ("paragraphs", "one-paragraph", "no-punctuation", "one-sentence")

_FIRST = ("أحمد محمد خالد سعيد عمر يوسف إبراهيم علي حسن طارق سامي ماجد فهد ناصر عادل كريم وليد "
          "هشام رامي زياد منصور بسام جمال نبيل مروان").split()
_FIRST_F = "فاطمة مريم ليلى سلمى نورة هدى رنا سارة دينا منى".split()
_LAST = ("العتيبي الشمري الحربي القحطاني الدوسري المطيري الزهراني الغامدي العنزي السبيعي "
         "الرشيدي البلوشي الكعبي المنصوري الحمادي الخطيب النجار الحداد الصباغ الأنصاري "
         "التميمي الهاشمي العمري الجبوري الساعدي الكبيسي الدليمي الشهري العسيري البدوي").split()
_TITLES = ("وزير الخارجية", "وزير الداخلية", "رئيس الوزراء", "وزير المالية", "المتحدث باسم الحكومة",
           "سفير المملكة", "محافظ البنك المركزي", "رئيس البرلمان", "وزير الدفاع")
_TITLES_F = ("وزيرة الصحة", "المتحدثة باسم الوزارة", "منسقة الأمم المتحدة", "رئيسة اللجنة")
_ORGS = ("الأمم المتحدة", "جامعة الدول العربية", "منظمة الصحة العالمية", "البنك الدولي",
         "وزارة الصحة", "مجلس الأمن", "صندوق النقد الدولي", "الهلال الأحمر")
_COMPANY = "النور الأمل الفجر الرواد الخليج الصحراء الواحة الشروق المستقبل الريادة".split()
_SECTOR = "للتجارة للمقاولات للاستثمار للطاقة للنقل للاتصالات للتقنية".split()
_PLACES = "الرياض القاهرة بغداد دمشق عمان بيروت الدوحة الكويت تونس الرباط جدة الخرطوم".split()
_DAYS = "الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت".split()
_MONTHS = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()
_CLAUSES = (
    "الاجتماع كان مثمرا وناقش قضايا كثيرة تهم البلدين",
    "الحكومة ستواصل العمل على تحسين الخدمات المقدمة للمواطنين",
    "المفاوضات ما زالت في مراحلها الأولى ولم يتم الاتفاق على شيء بعد",
    "الوضع الأمني في المنطقة يتطلب تعاونا أكبر بين جميع الأطراف",
    "بلاده ترفض أي تدخل في شؤونها الداخلية",
    "الميزانية الجديدة تركز على التعليم والصحة والبنية التحتية",
    "اللجنة ستصدر تقريرها النهائي خلال الأسابيع المقبلة",
    "الأسعار ارتفعت بشكل ملحوظ خلال العام الماضي",
)


class _Writer:
    """Sentences of a synthetic news article, from a seeded random generator."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)

    def pick(self, items):
        return self.rng.choice(items)

    def person(self) -> str:
        middle = self.pick(_FIRST) + " " if self.rng.random() < 0.5 else ""
        return f"{self.pick(_FIRST)} {middle}{self.pick(_LAST)}"

    def woman(self) -> str:
        return f"{self.pick(_FIRST_F)} {self.pick(_LAST)}"

    def org(self) -> str:
        if self.rng.random() < 0.5:
            return self.pick(_ORGS)
        return f"شركة {self.pick(_COMPANY)} {self.pick(_SECTOR)}"

    def date(self) -> str:
        return f"يوم {self.pick(_DAYS)} {self.rng.randint(1, 28)} {self.pick(_MONTHS)} " \
               f"{self.rng.randint(2015, 2024)}"

    def paragraph(self) -> str:
        person, other, woman = self.person(), self.person(), self.woman()
        surname = person.split()[-1]
        clause, clause2 = self.pick(_CLAUSES), self.pick(_CLAUSES)
        sentences = [
            f"قال {self.pick(_TITLES)} {person} إن {clause}.",
            f"وأضاف {surname} في تصريح لوكالة الأنباء {self.date()}: «{clause2}».",
            f"والتقى {person} نظيره {other} في {self.pick(_PLACES)} لبحث التعاون مع {self.org()}.",
            f"وأكدت {self.pick(_TITLES_F)} {woman} أن {self.pick(_CLAUSES)}، مضيفة أن "
            f"{self.pick(_CLAUSES)}.",
            f"«{self.pick(_CLAUSES)}»، قال {other} للصحفيين.",
            f"وبحسب {self.org()}، فإن نحو {self.rng.randint(2, 90)} ألف شخص نزحوا وإن الخسائر "
            f"بلغت {self.rng.randint(1, 9)}.{self.rng.randint(1, 9)} مليار دولار.",
            f"واعتقلت الشرطة {self.rng.randint(3, 40)} أشخاص في {self.pick(_PLACES)} "
            f"{self.date()}.",
            f"ونفى {other} وجود خلافات داخل {self.org()}.",
            f"وأشار الوزير إلى أن نسبة البطالة بلغت {self.rng.randint(5, 30)} في المئة.",
        ]
        self.rng.shuffle(sentences)
        return " ".join(sentences[: self.rng.randint(4, len(sentences))])


def article(size_kb: int, variant: str, seed: int = 7) -> str:
    """A synthetic article of about `size_kb` kilobytes of UTF-8 in one of the VARIANTS."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; one of {', '.join(VARIANTS)}")
    writer = _Writer(seed)
    title = "مباحثات موسعة بين الوزراء حول التعاون الإقليمي"
    paragraphs, size = [], len(title.encode("utf-8"))
    while size < size_kb * 1000:
        paragraph = writer.paragraph()
        if variant in ("no-punctuation", "one-sentence"):
            paragraph = paragraph.translate(str.maketrans("", "", ".!?؟"))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    joiner = " " if variant in ("one-paragraph", "one-sentence") else "\n\n"
    return title + "\n\n" + joiner.join(paragraphs)


def measure(pipeline, seconds: dict[str, float], text: str) -> tuple[float, float, str]:
    """CPU and wall seconds for one page (stage CPU seconds go into `seconds`), and the page's
    status."""
    page = RawPage(content=text.encode("utf-8"), format="text", encoding="utf-8")
    seconds.clear()
    started, started_wall = time.process_time(), time.perf_counter()
    doc = pipeline(page)
    status = doc.status if doc.reason is None else \
        f"{doc.status} at {doc.reason.stage}: {doc.reason.message}"
    return time.process_time() - started, time.perf_counter() - started_wall, status


def _exponent(small: float, large: float, ratio: float) -> str:
    if small < 0.02 or large <= 0:
        return "-"
    return f"{math.log(large / small) / math.log(ratio):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,400,1000,2000,4000",
                        help="comma-separated page sizes in kilobytes (default: %(default)s)")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help="comma-separated layouts (default: all of them)")
    parser.add_argument("--max-chars", type=int, default=100_000_000,
                        help="the reader's limit on clean text (default: %(default)s)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    seconds: dict[str, float] = defaultdict(float)
    stages = [(name, {**options, "max_chars": args.max_chars} if name == "clean.auto.v2"
               else options) for name, options in load_config().stages]
    pipeline = timed_stages(build_pipeline(stages, policy="record"), seconds, clock=time.process_time)
    measure(pipeline, seconds, article(5, "paragraphs"))  # lazy imports and model loading
    print(f"machine: {machine()}")
    for variant in args.variants.split(","):
        table: dict[str, list[float]] = {}
        totals = []
        for size in sizes:
            total, wall, status = measure(pipeline, seconds, article(size, variant))
            totals.append(total)
            for name, spent in seconds.items():
                table.setdefault(name, [0.0] * len(sizes))[sizes.index(size)] = spent
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  {variant} {size} KB: {total:.2f} s CPU ({wall:.2f} s wall), {status}, "
                  f"peak RSS so far {peak:.0f} MB", flush=True)
        ratio = sizes[-1] / sizes[-2] if len(sizes) > 1 else 1.0
        print(f"\n{variant}: CPU seconds per stage\n")
        print("| stage | " + " | ".join(f"{s} KB" for s in sizes) + " | exponent |")
        print("|---|" + "---:|" * (len(sizes) + 1))
        for name, row in [*table.items(), ("total", totals)]:
            cells = " | ".join(f"{value:.2f}" for value in row)
            exponent = _exponent(row[-2], row[-1], ratio) if len(sizes) > 1 else "-"
            print(f"| `{name}` | {cells} | {exponent} |")
        print(flush=True)


if __name__ == "__main__":
    main()
