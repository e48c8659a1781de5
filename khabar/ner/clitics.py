"""Trim attached proclitics off the start of a predicted entity span.

An entity span in khabar covers the name, not the conjunction or preposition glued to it:
`وتركيا` -> `تركيا`, `بالعراق` -> `العراق` (the article ال stays), `لداعش` -> `داعش`. Many names
genuinely start with these letters (`لبنان`, `بغداد`, `واشنطن`, `فرنسا`, `كارتر`), so a
proclitic is only trimmed when the evidence says the rest is the name:

- the rest starts with ال and has at least three more letters (`وبالعراق` -> `العراق`), or
- the rest is a known name: an entry of the hand-written name lists, a word seen inside
  training entities more often than the whole token, or a word of another name found in the
  same article (`لبومبيو` next to `مايك بومبيو`);

and in both cases the whole token must not be a listed name itself, and the rest must be at
least as frequent as the whole token in the news corpus the clusters were learned from
(`فالنسيا` stays whole: `النسيا` is rarer). `لل` (ل + ال with its alef dropped, `للعراق`) cannot
be cut inside the word without breaking it, so such tokens are left whole. See docs/ner.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from khabar.arabic import normalize

# Longest first, so `وب` wins over `و` when both would apply.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class ProcliticTrimmer:
    """Decides how many leading characters of an entity's first token are a proclitic."""

    names: frozenset[str]  # folded single-word entries of the name lists
    entity_counts: Mapping[str, int]  # folded word -> count inside training entities
    news_counts: Mapping[str, int]  # folded word -> count in the news corpus

    def cut(self, token: str, article: frozenset[str] = frozenset()) -> int:
        """Characters to drop from the start of `token` (0 when it should stay whole);
        `article`: the folded words of the article's other names."""
        normalized = normalize(token)
        folded = normalized.text
        if folded in self.names:
            return 0
        for prefix in _PROCLITICS:
            if not folded.startswith(prefix):
                continue
            rest = folded[len(prefix):]
            if prefix.endswith("ل") and rest.startswith("ل"):
                return 0
            if len(rest) < 3 or not self._plausible(rest, folded, article):
                continue
            return normalized.offsets[len(prefix)]
        return 0

    def _plausible(self, rest: str, whole: str, article: frozenset[str]) -> bool:
        if self.news_counts.get(rest, 0) < self.news_counts.get(whole, 0):
            return False
        if rest.startswith("ال") and len(rest) >= 5:
            return True
        if rest in self.names or rest in article:
            return True
        return self.entity_counts.get(rest, 0) > self.entity_counts.get(whole, 0)
