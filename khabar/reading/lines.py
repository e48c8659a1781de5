"""Judging one line of a page by what it is, in the manner of jusText.

Cleaning (khabar/reading/blocks.py) asks two questions of every line:
- `LineFeatures.of(text)`: is it *good* prose (long, with the function words of running text)?
- `LineJudge.reason(text)`: is it page furniture by its form, and which kind? A navigation menu
  (short items between separators, or section names only), a breadcrumb (section names and
  separators from the home page down, the article's title often at its end), a stamp (a date or
  a time with a label of a few words), a row of social networks, an interface prompt (most of
  its words are the site's own: subscribe, comments, cookies, print), a copyright line, or a
  teaser (a section name, a separator and another article's headline).
None of these looks up whole phrases: they count words of a kind (lexicons/page_words.tsv,
the network names of lexicons/boilerplate.tsv), separators, digits and dates in the line, so a
site's new wording of the same furniture is recognized too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.lexicons import read_rows

# Reason codes for lines judged by their form (docs/cleaning.md lists every code).
MENU, BREADCRUMB, STAMP, SHARE_ROW, UI_PROMPT, COPYRIGHT, TEASER, FIELD = (
    "menu", "breadcrumb", "stamp", "share_row", "ui_prompt", "copyright", "teaser", "field")

_CLOSES_SENTENCE = re.compile(r"[.!?؟…][\"»”')]*$")
_CLOSES_STATEMENT = re.compile(r"[.…][\"»”')]*$")
LIST_ITEM = re.compile(r"^(?:[-–—•*·▪►]|[\d٠-٩]{1,2}\s*[-.)])\s*")
_ITEM_SEPARATORS = re.compile(r"\s+(?:[|•·◄►▶◀●■▪/\\]|[-–—_]{1,2}|[»›>«‹<]{1,2})\s+|\s*[|•·◄►●■▪]\s*")
_TIGHT_CRUMB_SEPARATORS = re.compile(r"[»›>]")  # `الرئيسية»أخبار»سياسة`; not `/` (dates)
_CRUMB_SEPARATORS = re.compile(r"\s+(?:[»›>/\\]|&gt;)\s+")
_DATE = re.compile(
    r"\b\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}\b"
    r"|[٠-٩]{1,4}\s*[/.\-]\s*[٠-٩]{1,2}\s*[/.\-]\s*[٠-٩]{1,4}")
_TIME = re.compile(r"\b\d{1,2}\s*:\s*\d{2}\b|[٠-٩]{1,2}\s*:\s*[٠-٩]{2}")
_DIGITS = re.compile(r"^[\d٠-٩]+[\d٠-٩.,:/\-]*$")
_TEASER = re.compile(r"^(.{1,30}?)\s*(?:[|:：»›>—–]|\s-)\s*(.+)$")
# A word: no spaces, quotes, brackets, punctuation or direction marks around it; `12/03/2018`,
# `2.7` and `10:45` stay whole.
_WORD = re.compile(r"[^\s\"'«»“”()\[\]{}،,.:;!?؟…|•·/\\\u200e\u200f\u202a-\u202e\u2066-\u2069-]+"
                   r"(?:[.,:/\-][^\s\"'«»“”()\[\]{}،,:;!?؟…|•·/\\.\u200e\u200f-]+)*")
_ANY_DIGIT = re.compile(r"[\d٠-٩]")
_LONGEST_JUDGED = 300  # characters: furniture is shorter (a prompt of 40 words at most)
_LONGEST_FORM = 25  # words: menus, breadcrumbs, stamps, share rows, fields and teasers are shorter
_WORD_EDGES = "\"'«»“”()[]{}،,.:;!?؟…-–—|•·/\\\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"
_MONTHS = ("يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر "
           "ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين "
           "january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_WEEKDAYS = ("السبت الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة "
             "saturday sunday monday tuesday wednesday thursday friday")
_TIME_WORDS = ("ص م صباحا صباحاً مساء مساءً مساءا الأول الاول الثاني بتوقيت غرينتش جرينتش مكة "
               "gmt am pm utc هـ")
_STAMP_LABELS = ("نشر تحديث تاريخ النشر التحديث آخر اخر بتاريخ الساعة في العدد published updated "
                 "posted last update on at")


def words_of(text: str) -> list[str]:
    """The line's words, folded, without the punctuation around them (the line is folded once
    and cut by one regular expression: a call per word costs more than the whole line)."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What jusText looks at: length, stopword density, how the line ends."""

    words: int
    stopword_density: float
    ends_sentence: bool
    ends_statement: bool  # with a full stop, not a question or exclamation mark
    list_item: bool  # opens with a dash, a bullet or a number: `- `, `• `, `3. `

    def is_good(self) -> bool:
        """Running text: long, with the function words prose has, ending like a statement
        (headlines do not; a headline may be a long question), or longer than any headline."""
        if self.list_item and self.words < 20:
            return False
        return (self.words >= 10 and self.stopword_density >= 0.08 and self.ends_statement) or (
            self.words >= 15 and self.ends_sentence) or self.words >= 20


@dataclass(frozen=True)
class LineJudge:
    """Word kinds (section names, interface words, stopwords, network names) and the rules."""

    nav: frozenset[str]
    ui: frozenset[str]
    stop: frozenset[str]
    networks: frozenset[str]
    time_words: frozenset[str]  # hours, zones, "a.m."
    dates: frozenset[str]  # month and weekday names
    stamp_labels: frozenset[str]  # "published", "updated", "issue"

    @classmethod
    def load(cls, networks: frozenset[str] = frozenset()) -> LineJudge:
        kinds: dict[str, set[str]] = {"nav": set(), "ui": set(), "stop": set()}
        for kind, word in read_rows("page_words.tsv"):
            kinds[kind].add(fold(word))
            if kind in ("stop", "ui"):
                kinds[kind].add(word)  # matched as written too, before any folding
        network_words = {fold(w) for phrase in networks for w in phrase.split()}
        folded = lambda words: frozenset(fold(w) for w in words.split())  # noqa: E731
        return cls(frozenset(kinds["nav"]), frozenset(kinds["ui"]), frozenset(kinds["stop"]),
                   frozenset(network_words), folded(_TIME_WORDS), folded(_MONTHS + " " + _WEEKDAYS),
                   folded(_STAMP_LABELS))

    def features(self, text: str) -> LineFeatures:
        # Raw tokens against the stopwords as written and folded: folding every paragraph of
        # every page would cost more than the rest of this judgement.
        tokens = text.split()
        stop = self.stop
        stops = 0
        for token in tokens:
            word = token.strip(_WORD_EDGES)
            if word in stop or (word[:1] == "و" and word[1:] in stop):
                stops += 1
        return LineFeatures(len(tokens), stops / len(tokens) if tokens else 0.0,
                            bool(_CLOSES_SENTENCE.search(text)), bool(_CLOSES_STATEMENT.search(text)),
                            bool(LIST_ITEM.match(text)))

    def reason(self, text: str, features: LineFeatures | None = None) -> str | None:
        """Which furniture the line is by its form, or None. Long lines are never judged here;
        a sentence (its `features` given) without an interface word is not either."""
        if len(text) > _LONGEST_JUDGED:
            return None
        if (features is not None and features.words >= 6 and features.ends_statement
                and "©" not in text and not any(t.strip(_WORD_EDGES) in self.ui for t in text.split())):
            return None  # the common case, article prose, decided without folding
        words = words_of(text)
        if not words:
            return None
        if "©" in text:
            return COPYRIGHT
        if len(words) > _LONGEST_FORM or (len(words) >= 6 and _CLOSES_STATEMENT.search(text)):
            # A sentence: of the furniture, only a prompt (a cookie notice) reads like one.
            return UI_PROMPT if self._is_prompt(words) else None
        if self._is_breadcrumb(text):
            return BREADCRUMB
        if self._is_stamp(text, words):
            return STAMP
        if self._is_share_row(words):
            return SHARE_ROW
        if self._is_menu(text, words):
            return MENU
        if self._is_prompt(words):
            return UI_PROMPT
        if self._is_field(text):
            return FIELD
        if self._is_teaser(text):
            return TEASER
        return None

    def _nav_word(self, word: str) -> bool:
        return word in self.nav or (word[:1] == "و" and word[1:] in self.nav)

    def _is_menu(self, text: str, words: list[str]) -> bool:
        """Short items between separators, or a line of section names only."""
        if text.endswith((".", "؟", "?", "!")):
            return False
        items = [i for i in _ITEM_SEPARATORS.split(text) if i.strip()]
        if len(items) >= 3 and all(len(i.split()) <= 3 for i in items):
            return not any(w in self.stop for w in words)  # a headline's `سعودي - أميركي - روسي في`
        nav = sum(self._nav_word(w) or w in self.ui for w in words)
        return nav >= 0.75 * len(words) and len(words) <= 15

    def _is_breadcrumb(self, text: str) -> bool:
        """From a section name down: `الرئيسية » سياسة » <title>`, `Home / World`."""
        spaced = bool(_CRUMB_SEPARATORS.search(text))
        if not spaced and "«" in text:
            return False  # `«الصحة» تنفي ...`: quotation marks, not separators
        separators = _CRUMB_SEPARATORS if spaced else _TIGHT_CRUMB_SEPARATORS
        parts = [p for p in separators.split(text) if p.strip()]
        if len(parts) < 2:
            return False
        head = words_of(parts[0])
        if not head or len(head) > 3:
            return False
        starts_home = all(self._nav_word(w) for w in head)
        short = all(len(p.split()) <= 3 for p in parts[:-1])
        return short and starts_home and not _DATE.search(text)

    def _is_stamp(self, text: str, words: list[str]) -> bool:
        """A date or a time, with at most a label: `آخر تحديث: 12/3/2018 10:45`, `منذ 3 ساعات`.
        A headline that names a day (`الإثنين يتحدد مصير خليجي 23`) has more words than that."""
        if not _ANY_DIGIT.search(text):
            return False
        if words[0] in ("منذ", "since") or words[-1] == "ago":
            return len(words) <= 4 and any(_DIGITS.match(w) for w in words)
        numeric = bool(_DATE.search(text) or _TIME.search(text))
        named = any(w in self.dates for w in words) and any(_DIGITS.match(w) for w in words)
        if not (numeric or named):
            return False
        labelled = any(w in self.stamp_labels for w in words)
        rest = [w for w in words if not _DIGITS.match(w) and w not in self.dates
                and w not in self.time_words and w not in self.stamp_labels]
        return len(rest) <= (3 if labelled else 1)

    def _is_share_row(self, words: list[str]) -> bool:
        networks = sum(w in self.networks for w in words)
        if not networks:
            return False
        ui = sum(w in self.ui for w in words)
        return (networks >= 2 and networks + ui >= 0.6 * len(words)) or (
            len(words) <= 6 and networks + ui >= len(words) - 1 and (ui or networks >= 3))

    def _is_prompt(self, words: list[str]) -> bool:
        """Mostly the site's own words: a newsletter or cookie prompt, a comment counter."""
        if len(words) > 40:
            return False
        ui = sum(w in self.ui for w in words)
        counted = sum(bool(_DIGITS.match(w)) for w in words)
        site = ui + sum(self._nav_word(w) for w in words)  # `سجل الآن لتصلك آخر الأخبار`
        return ((ui >= 2 and site >= 0.5 * len(words)) or (ui >= 3 and ui >= 0.25 * len(words))
                or (ui >= 1 and counted >= 1 and ui + counted == len(words) <= 3))

    def _is_field(self, text: str) -> bool:
        """A labelled field of the page: `المصدر: <site>`, `بقلم: <name>`, `تصوير: <name>`."""
        label, colon, value = text.partition(":")
        if not colon or len(label) > 30:
            return False
        label_words = words_of(label)
        return (bool(colon) and 1 <= len(label_words) <= 2 and any(w in self.ui for w in label_words)
                and 1 <= len(value.split()) <= 6 and not _CLOSES_SENTENCE.search(text))

    def _is_teaser(self, text: str) -> bool:
        """A label of section or interface words, a separator, then another headline:
        `رياضة | <headline>`, `اقرأ أيضاً: <headline>`. A sentence after the label is not."""
        match = _TEASER.match(text)
        if not match or (text.endswith(".") and not text.endswith("..")):
            return False
        if "«" in match.group(1) or len(match.group(2).split()) > 20:  # «الصحة» تنفي ...
            return False
        label = words_of(match.group(1))
        marked = sum(self._nav_word(w) or w in self.ui for w in label)
        plain = all(self._nav_word(w) or w in self.ui or w in self.stop for w in label)
        return 1 <= len(label) <= 3 and marked >= 1 and plain and len(match.group(2).split()) >= 2
