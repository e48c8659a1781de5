"""The /map page's SVG: country shapes shaded by articles, and a dot per city, all links.

Shapes come from `khabar/places/data/world.json` (built by scripts/build_places_map.py from
Natural Earth via world-atlas): paths already projected (equirectangular, north up, east to the
right, as every map is read, in Arabic as in English). Nothing is fetched: no tiles, no scripts.
A country's shade is one of five steps on a log scale of its article count; a city's dot grows
with the square root of its count, so its area is proportional to it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

SHADES = ("#eef1f4", "#d4e4f2", "#a9c8e4", "#6fa3d0", "#3a78b5", "#1d4f85")  # none, then five steps
MAX_CITIES = 300  # dots drawn: the cities with most articles


@dataclass(frozen=True, slots=True)
class World:
    """Projected country outlines and the projection's constants."""

    width: float
    height: float
    top: float
    scale: float
    countries: tuple[dict[str, Any], ...]

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """View-box coordinates of a point (the projection of scripts/build_places_map.py)."""
        return round((lon + 180.0) * self.scale, 1), round((self.top - lat) * self.scale, 1)


def load_world() -> World:
    """Read the shipped country outlines."""
    raw = resources.files("khabar.places").joinpath("data", "world.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return World(data["width"], data["height"], data["top"], data["scale"], tuple(data["countries"]))


def shade(count: int, most: int) -> str:
    """The fill of a country with `count` articles when the busiest has `most`."""
    if count <= 0 or most <= 0:
        return SHADES[0]
    step = 1 + int(4.999 * math.log1p(count) / math.log1p(most))
    return SHADES[min(step, len(SHADES) - 1)]


def draw(world: World, countries: dict[str, dict[str, int]], cities: list[dict[str, Any]],
         country_href: Any, city_href: Any) -> dict[str, Any]:
    """What the template draws: shapes with fill, title and link; city dots with radius and link."""
    most = max((c["articles"] for c in countries.values()), default=0)
    shapes = []
    for country in world.countries:
        counts = countries.get(country["code"], {"articles": 0, "events": 0})
        shapes.append({"code": country["code"], "name": country["name"], "d": country["d"],
                       "fill": shade(counts["articles"], most), "articles": counts["articles"],
                       "events": counts["events"],
                       "href": country_href(country["code"]) if counts["articles"] else None})
    biggest = max((c["articles"] for c in cities[:MAX_CITIES]), default=1) or 1
    dots = []
    for city in cities[:MAX_CITIES]:
        x, y = world.project(city["lat"], city["lon"])
        radius = round(1.5 + 6.5 * math.sqrt(city["articles"] / biggest), 1)
        dots.append({"x": x, "y": y, "r": radius, "name": city["name"], "articles": city["articles"],
                     "events": city["events"], "href": city_href(city["geonames"])})
    dots.sort(key=lambda d: -d["r"])  # small dots on top of big ones, so each stays clickable
    return {"width": world.width, "height": world.height, "shapes": shapes, "dots": dots}
