"""Recognizing page furniture line by line, and learning a source's recurring boilerplate.

Two sources of knowledge:
- a project-written lexicon (lexicons/boilerplate.tsv, lexicons/outlets.tsv): section markers
  such as "الأكثر قراءة" that open a block of links, empty-widget text ("No stories found."),
  share/follow prompts, logo lines, outlet names and bare domains;
- `BoilerplateModel`, learned per source from many pages (corpus mode): a line that appears in a
  large share of one source's pages is that source's template. Frequencies count *pages*, not
  lines, so text that repeats inside one article is never mistaken for a template.
"""

from __future__ import annotations

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
SECTION, WIDGET, FURNITURE, PROMPT, DOMAIN, OUTLET, LEARNED = (
    "section", "widget", "furniture", "prompt", "domain", "outlet", "learned")

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?$", re.IGNORECASE)
_LONGEST_FURNITURE = 160  # characters; longer lines are checked only against learned templates
_PUNCT_EDGES = " \t:：.،,!-–—|•·»«\"'()[]"


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

    @classmethod
    def load(cls, learned: Iterable[str] = ()) -> LineClassifier:
        exact: dict[str, str] = {}
        prompts: list[str] = []
        for kind, phrase in read_rows("boilerplate.tsv"):
            if kind == PROMPT:
                prompts.append(line_key(phrase))
            else:
                exact[line_key(phrase)] = kind
        return cls(exact, tuple(prompts), Outlets.load(), frozenset(learned))

    def kind(self, line: str) -> str | None:
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
