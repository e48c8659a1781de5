"""Hand-written word lists and a longest-match finder over token sequences.

The lists live in khabar/ner/lexicon/*.txt (see its README). Entries and tokens are compared in
folded form (khabar.arabic.fold); a token may also match through its clitic-stripped form, so
`وبغداد` matches the entry `بغداد` and `بالعراق` matches `العراق`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from khabar.arabic import fold

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
LIST_NAMES = (
    "countries", "places", "organizations", "first_names",
    "person_titles", "org_cues", "loc_cues", "nationalities", "misc",
)
NOT_NAMES = "not_names"  # not a feature list: one-word mentions of these are dropped
COMMON_WORDS = "common_words"  # not a feature list: list backoff never names one of these alone


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists by name, indexed by first folded token for longest-match lookup."""

    entries: dict[str, dict[tuple[str, ...], tuple[str, ...]]]  # first token -> {entry: names}
    longest: int
    not_names: frozenset[str] = frozenset()  # folded words that are never a name alone
    common_words: frozenset[str] = frozenset()  # list entries that are also common words

    def words(self, name: str) -> frozenset[str]:
        """All single-token entries of one list (folded)."""
        return frozenset(
            entry[0] for by_first in self.entries.values()
            for entry, names in by_first.items() if len(entry) == 1 and name in names
        )

    def matches(self, folded: Sequence[str], stems: Sequence[str]) -> list[list[str]]:
        """For each token, the `list:B` / `list:I` labels of the longest entries covering it."""
        found: list[list[str]] = [[] for _ in folded]
        for position, labels in self.matched(folded, stems).items():
            found[position] = labels
        return found

    def matched(self, folded: Sequence[str], stems: Sequence[str]) -> dict[int, list[str]]:
        """`matches` for the tokens that have some, by position in ascending order (most tokens
        match no list, and the featurizer needs only these)."""
        entries = self.entries
        found: dict[int, list[str]] = {}
        size = len(folded)
        for i, (word, stem) in enumerate(zip(folded, stems)):
            if word not in entries and stem not in entries:
                continue
            for first in {word, stem}:
                candidates = entries.get(first)
                if not candidates:
                    continue
                for length in range(min(self.longest, size - i), 0, -1):
                    key = (first, *folded[i + 1 : i + length])
                    names = candidates.get(key)
                    if names:
                        for name in names:
                            found.setdefault(i, []).append(f"{name}:B")
                            for j in range(i + 1, i + length):
                                found.setdefault(j, []).append(f"{name}:I")
                        break
        return dict(sorted(found.items()))


def load_lexicon(directory: Path = LEXICON_DIR) -> Lexicon:
    """Read every list in `directory`; each entry is split on spaces and folded."""
    by_entry: dict[tuple[str, ...], set[str]] = {}
    for name in LIST_NAMES:
        for entry in _entries(directory / f"{name}.txt"):
            by_entry.setdefault(tuple(entry.split()), set()).add(name)
    entries: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
    for entry, names in by_entry.items():
        entries.setdefault(entry[0], {})[entry] = tuple(sorted(names))
    not_names = frozenset(_entries(directory / f"{NOT_NAMES}.txt"))
    common = directory / f"{COMMON_WORDS}.txt"
    common_words = frozenset(_entries(common)) if common.exists() else frozenset()
    return Lexicon(entries, max(len(e) for e in by_entry), not_names, common_words)


def _entries(path: Path) -> list[str]:
    """The folded entries of one list file (comments and blank lines skipped)."""
    found = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.split("#", 1)[0].strip()
        if line:
            found.append(fold(line))
    return found
