"""The article's entity mentions by position, and the stretches of text already quoted.

Speaker attribution asks, once per cue, which mentions lie between two offsets and whether an
offset is inside an earlier quote. Both answers come from a bisection, so their cost follows
the answer, not the article: a page of a few megabytes names thousands of people and holds
thousands of quotes, and a scan of all of them per cue made the stage quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from khabar.document import Entity

Mention = tuple[int, int, Entity]


class People:
    """Entity mentions as (start, end, entity), sorted by position."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.items: list[Mention] = sorted(mentions)
        self.starts = [start for start, _, _ in self.items]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start at or after `lo` and before `hi`, in text order."""
        return self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


class Covered:
    """Offsets covered by any of a set of [start, end) spans, kept as disjoint sorted runs."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        """Cover [start, end) too."""
        if start >= end:
            return
        lo = bisect_left(self._ends, start)  # first run that ends at or after `start`
        hi = bisect_right(self._starts, end)  # runs from `hi` on start after `end`
        if lo < hi:
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def run_at(self, position: int) -> tuple[int, int] | None:
        """The covered run holding `position`, if any."""
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self._ends[index]:
            return self._starts[index], self._ends[index]
        return None

    def __contains__(self, position: int) -> bool:
        return self.run_at(position) is not None


class Skips:
    """Indexes 0 .. size-1 still worth visiting, walked from right to left. An index found
    useless for good is dropped, and every later walk skips it (a disjoint-set forest with path
    halving), so all walks together cost about one visit per index."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size + 1))  # slot k + 1 stands for index k; slot 0 for none

    def last(self, index: int) -> int:
        """The largest index not dropped that is at most `index`; -1 when there is none."""
        parent, slot = self._parent, index + 1
        while parent[slot] != slot:
            parent[slot] = parent[parent[slot]]
            slot = parent[slot]
        return slot - 1

    def drop(self, index: int) -> None:
        """Skip `index` from now on."""
        self._parent[index + 1] = index
