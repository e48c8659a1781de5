"""A document's entity mentions by position, so each sentence finds its own in a bisection.

The event coder looks at the entities named in every sentence it codes. Walking all of the
document's entities per sentence made the stage quadratic in the page (a page of a few megabytes
has thousands of sentences and tens of thousands of mentions).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from khabar.document import Entity, Mention


class MentionIndex:
    """The mentions of a document's entities, sorted by start offset."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        found = [(mention.start, number, order, entity, mention)
                 for number, entity in enumerate(entities)
                 for order, mention in enumerate(entity.mentions)]
        found.sort(key=lambda item: item[:3])
        self._found = found
        self._starts = [item[0] for item in found]

    def starting_in(self, lo: int, hi: int) -> list[tuple[Entity, Mention]]:
        """The mentions that start in [lo, hi), in the order of the document's entities and
        of each entity's mentions (the order a walk over `doc.entities` meets them)."""
        chosen = self._found[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]
        chosen.sort(key=lambda item: item[1:3])
        return [(entity, mention) for _start, _number, _order, entity, mention in chosen]
