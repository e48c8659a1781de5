"""Recognizing page furniture line by line, and learning a source's recurring boilerplate.

Two sources of knowledge:
- a project-written lexicon (lexicons/boilerplate.tsv, lexicons/outlets.tsv): section markers
  such as "الأكثر قراءة" that open a block of links, empty-widget text ("No stories found."),
  share/follow prompts and share bars, footers ("رابط الخبر ...", a columnist's SMS contact
  line), logo lines, outlet names and bare domains;
- `BoilerplateModel`, learned per source from many pages (corpus mode): a line that appears in a
  large share of one source's pages is that source's template. Frequencies count *pages*, not
  lines, so text that repeats inside one article is never mistaken for a template.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from khabar.arabic import fold
from khabar.lexicons import read_rows

# Line kinds returned by `LineClassifier.kind`.
SECTION, WIDGET, FURNITURE, PROMPT, DOMAIN, OUTLET, LEARNED, FOOTER = (
    "section", "widget", "furniture", "prompt", "domain", "outlet", "learned", "footer")
SHARE, NETWORK, PAGER = "share", "network", "pager"  # lexicon kinds; lines of them: furniture
TAGS = "tags"  # lexicon kind: opens a tag list; the lines it starts are FOOTER

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?$", re.IGNORECASE)
_LONGEST_FURNITURE = 160  # characters; longer lines are checked only against learned templates
_PUNCT_EDGES = " \t:：.،,!-–—|•·»«\"'()[]"
_FOOTER_TAIL = 300  # characters: how long a footer glued after a paragraph's last sentence may be
_MAX_TAG_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?؟…]")
# Where scraping glues a footer to a paragraph: after a sentence's end, or straight after Latin
# letters, digits or an address with no space at all ("...@mail.comللتواصل مع الكاتب").
_GLUED_AFTER = re.compile(r"(?:[.!?؟…»”\"]\s+|[A-Za-z0-9@)])$")
_WORD = re.compile(r"\S+")


def line_key(line: str) -> str:
    """The comparison form of a line: folded, punctuation at the edges and inner spaces squeezed."""
    return " ".join(fold(line).strip(_PUNCT_EDGES).split())


@dataclass(frozen=True)
class Outlets:
    """Outlet names and domains, both ways."""

    by_name: dict[str, tuple[str, str]]  # line_key(name) -> (name, domain)
    by_domain: dict[str, str]  # domain -> display name

    @classmethod
    def load(cls) -> Outlets:
        by_name: dict[str, tuple[str, str]] = {}
        by_domain: dict[str, str] = {}
        for name, domain in read_rows("outlets.tsv"):
            by_name.setdefault(line_key(name), (name, domain))
            by_domain.setdefault(domain, name)
        return cls(by_name, by_domain)

    def name_for(self, domain: str | None) -> str | None:
        if not domain:
            return None
        while domain:
            if domain in self.by_domain:
                return self.by_domain[domain]
            domain = domain.partition(".")[2] if domain.count(".") > 1 else ""
        return None


@dataclass(frozen=True)
class LineClassifier:
    """Says which kind of furniture a line is, or None for possible article text."""

    exact: dict[str, str]
    prompts: tuple[str, ...]
    outlets: Outlets
    learned: frozenset[str] = frozenset()
    footers: tuple[str, ...] = ()
    share: frozenset[str] = frozenset()  # share prompts ("شارك من خلال", "اكتب رأيك")
    networks: frozenset[str] = frozenset()  # social network names
    pagers: frozenset[str] = frozenset()  # slider and pager buttons ("Next", "السابق")
    # First words of the footers (as written and folded) and of the share phrases: checked
    # before anything is folded, since nearly every line is article text.
    footer_heads: frozenset[str] = frozenset()
    share_heads: frozenset[str] = frozenset()
    tags: tuple[str, ...] = ()  # phrases that open a tag list ("سمات", "كلمات دلالية")

    @functools.cached_property
    def tag_words(self) -> tuple[list[str], ...]:
        return tuple(tag.split() for tag in self.tags)

    @functools.cached_property
    def _bar_kinds(self) -> dict[str, str]:
        """Share, network and pager phrases, each with its kind."""
        return {**dict.fromkeys(self.share, SHARE), **dict.fromkeys(self.networks, NETWORK),
                **dict.fromkeys(self.pagers, PAGER)}

    @functools.cached_property
    def _any_footer_head(self) -> re.Pattern:
        return re.compile("|".join(map(re.escape, sorted(self.footer_heads))) or "(?!)")

    @classmethod
    def load(cls, learned: Iterable[str] = ()) -> LineClassifier:
        exact: dict[str, str] = {}
        prompts: list[str] = []
        footers: list[str] = []
        tags: list[str] = []
        footer_heads: set[str] = set()
        sets: dict[str, set[str]] = {SHARE: set(), NETWORK: set(), PAGER: set()}
        for kind, phrase in read_rows("boilerplate.tsv"):
            key = line_key(phrase)
            if kind == PROMPT:
                prompts.append(key)
            elif kind in (FOOTER, TAGS):
                (footers if kind == FOOTER else tags).append(key)
                footer_heads.update((phrase.split()[0], key.split()[0]))
            elif kind in sets:
                sets[kind].add(key)
                exact[key] = FURNITURE
            else:
                exact[key] = kind
        share_heads = frozenset(phrase.split()[0] for phrase in set().union(*sets.values()))
        return cls(exact, tuple(prompts), Outlets.load(), frozenset(learned), tuple(footers),
                   frozenset(sets[SHARE]), frozenset(sets[NETWORK]), frozenset(sets[PAGER]),
                   frozenset(footer_heads), share_heads, tuple(tags))

    def kind(self, line: str) -> str | None:
        if self._footer_starts(line):
            return FOOTER  # whatever its length: "رابط الخبر بصحيفة ...: <the title>"
        if len(line) > _LONGEST_FURNITURE and not self.learned:
            return None  # article paragraphs: no lexicon entry is this long
        key = line_key(line)
        if not key:
            return FURNITURE
        if key in self.exact:
            return self.exact[key]
        if _DOMAIN.match(line.strip()):
            return DOMAIN
        if key in self.outlets.by_name:
            return OUTLET
        if self.learned and fingerprint(line) in self.learned:
            return LEARNED
        if len(key.split()) <= 12 and any(key.startswith(p) for p in self.prompts):
            return PROMPT
        return None

    def glued_footer(self, text: str) -> int | None:
        """Where a footer glued after the last sentence of `text` starts
        ("... النص. رابط الخبر بصحيفة ...: العنوان"), or None."""
        for head in self._any_footer_head.finditer(text, max(0, len(text) - _FOOTER_TAIL)):
            start = head.start()
            if (start and _GLUED_AFTER.search(text, max(0, start - 8), start)
                    and self._footer_starts(text[start:])):
                return start
        return None

    def glued_bar(self, text: str) -> int:
        """How many leading characters of `text` are a share or pager bar glued before the
        paragraph ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك <text>", "Next Previous
        <text>"), or 0. A share bar needs a share prompt and two network names, so a sentence
        that opens with the verb شارك is kept; a pager bar needs two buttons."""
        first = text[:40].split(None, 1)
        if not first or fold(first[0].strip(_PUNCT_EDGES)) not in self.share_heads:
            return 0
        matches = list(_WORD.finditer(text[:300]))
        words = [match.group() for match in matches]
        at = 0
        found: Counter[str] = Counter()
        while at < len(words):
            for size in (3, 2, 1):
                if at + size > len(words):
                    continue
                phrase = line_key(" ".join(words[at : at + size]))
                kind = self._bar_kinds.get(phrase)
                if kind is not None:
                    found[kind] += 1
                    at += size
                    break
            else:
                break
        bar = (found[SHARE] and found[NETWORK] >= 2) or found[PAGER] >= 2
        return matches[at].start() if bar and at < len(words) else 0

    def _footer_starts(self, text: str) -> bool:
        text = text.lstrip("*• ")  # `** جميع المقالات المنشورة تمثل رأي كتابها فقط.`
        first = text[:40].split(None, 1)
        if not first or fold(first[0].strip(_PUNCT_EDGES)) not in self.footer_heads:
            return False
        head = line_key(text[:60])
        if any(head.startswith(footer) for footer in self.footers):
            return True
        # A tag list: a few words and no sentence's end ("سمات الحرب اليمن علي صالح"). The
        # phrase alone on its line is a section marker ("وسوم" above a block of links).
        words = head.replace(":", " ").split()
        return (any(words[: len(tag)] == tag and len(words) > len(tag) for tag in self.tag_words)
                and len(text.split()) <= _MAX_TAG_WORDS and not _SENTENCE_END.search(text))

    @staticmethod
    def domain_of(line: str) -> str | None:
        match = _DOMAIN.match(line.strip())
        return match.group(1).lower() if match else None


def fingerprint(line: str) -> str:
    """A short stable hash of a line's comparison form (what a learned model stores)."""
    return hashlib.blake2b(line_key(line).encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class BoilerplateModel:
    """Per-source sets of line fingerprints that recur across that source's pages."""

    sources: dict[str, frozenset[str]] = field(default_factory=dict)
    min_pages: int = 5
    min_share: float = 0.5

    def for_source(self, source: str | None) -> frozenset[str]:
        return self.sources.get(source or "", frozenset())

    def save(self, path: str | Path) -> None:
        data = {"min_pages": self.min_pages, "min_share": self.min_share,
                "sources": {k: sorted(v) for k, v in sorted(self.sources.items())}}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> BoilerplateModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls({k: frozenset(v) for k, v in data["sources"].items()},
                   data.get("min_pages", 5), data.get("min_share", 0.5))


def learn_boilerplate(pages: Iterable[tuple[str, list[str]]], *, min_pages: int = 5,
                      min_share: float = 0.5) -> BoilerplateModel:
    """Learn recurring lines from (source key, lines of one page) pairs.

    A line is a template line of a source when it occurs in at least `min_share` of that source's
    pages and in at least `min_pages` of them. Each page counts a line once.
    """
    page_counts: Counter[str] = Counter()
    line_counts: dict[str, Counter[str]] = defaultdict(Counter)
    for source, lines in pages:
        page_counts[source] += 1
        line_counts[source].update({fingerprint(line) for line in lines if line_key(line)})
    sources = {}
    for source, total in page_counts.items():
        if total < min_pages:
            continue
        threshold = max(min_pages, min_share * total)
        sources[source] = frozenset(fp for fp, n in line_counts[source].items() if n >= threshold)
    return BoilerplateModel(sources, min_pages, min_share)
