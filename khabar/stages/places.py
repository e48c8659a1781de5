"""Stage places.resolve.v1: LOC entities and event locations resolved to gazetteer places.

Runs after the entity stages (and after events.cameo.v1 when it runs, so event locations that
are not LOC entities resolve too). Produces `doc.places`: one Place per such entity, with its
GeoNames id, country, coordinates, score and evidence, or the reason it stayed unresolved.
The gazetteer loads once when the stage is built. See docs/places.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from khabar.document import Document
from khabar.pipeline import register
from khabar.places.gazetteer import load_gazetteer
from khabar.places.resolve import PlaceResolver

STAGE = "places.resolve.v1"


@register(STAGE, requires=("entities",), produces=("places",))
def make_places() -> Callable[[Document], Document]:
    """Resolve places (LOC entities, event locations) to GeoNames ids and coordinates."""
    resolver = PlaceResolver(load_gazetteer(), stage=STAGE)

    def resolve_places(doc: Document) -> Document:
        return dataclasses.replace(doc, places=resolver.resolve(doc))

    return resolve_places
