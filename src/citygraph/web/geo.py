"""The offline basemap: Natural Earth country boundaries (from the world-atlas npm package,
converted at build time) drawn as SVG paths in an equirectangular projection."""

import json
from functools import lru_cache

__all__ = ["land_paths", "land_paths_near", "project", "WORLD"]


def _world_file():
    from citygraph.web.paths import STATIC

    return STATIC / "world-110m.geojson"


WORLD = "world-110m.geojson"


def project(lon, lat):
    """SVG coordinates of a point: x = lon + 180, y = 90 - lat (a 360 x 180 view box).

    >>> project(126.9784, 37.566)
    (306.9784, 52.434)
    """
    return round(lon + 180, 4), round(90 - lat, 4)


def _ring(ring):
    """Path data of one ring. A ring crossing the antimeridian is unwrapped (longitudes kept
    continuous past +-180) and drawn a second time shifted by 360 degrees, so both halves
    show and no band is drawn across the map."""
    unwrapped = []
    shift = 0.0
    previous = None
    for lon, lat in ring:
        if previous is not None and abs(lon + shift - previous) > 180:
            shift += -360.0 if lon + shift > previous else 360.0
        previous = lon + shift
        unwrapped.append((previous, lat))
    copies = [0.0]
    if max(lon for lon, _ in unwrapped) > 180:
        copies.append(-360.0)
    if min(lon for lon, _ in unwrapped) < -180:
        copies.append(360.0)
    out = []
    for offset in copies:
        points = [project(lon + offset, lat) for lon, lat in unwrapped]
        out.append("M" + "L".join(f"{x:.2f},{y:.2f}" for x, y in points) + "Z")
    return "".join(out)


@lru_cache(maxsize=1)
def land_paths():
    """[(country name, SVG path data)] of every country of the basemap."""
    path = _world_file()
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for feature in data.get("features", []):
        geometry = feature.get("geometry") or {}
        kind = geometry.get("type")
        polygons = ([geometry["coordinates"]] if kind == "Polygon"
                    else geometry.get("coordinates", []) if kind == "MultiPolygon" else [])
        d = "".join(_ring(ring) for polygon in polygons for ring in polygon)
        if d:
            out.append(((feature.get("properties") or {}).get("name", ""), d))
    return out


@lru_cache(maxsize=1)
def _boxes():
    """[(name, path data, (min x, min y, max x, max y))] of the basemap's countries."""
    import re

    out = []
    for name, d in land_paths():
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
        xs, ys = numbers[0::2], numbers[1::2]
        out.append((name, d, (min(xs), min(ys), max(xs), max(ys))))
    return out


def land_paths_near(x, y, half_width=30, half_height=18):
    """The countries of :func:`land_paths` whose bounds meet the box around (x, y), so a
    small map of one place carries a few countries, not the world.

    >>> names = [name for name, _ in land_paths_near(*project(126.9784, 37.566))]
    >>> "South Korea" in names and "Japan" in names and "Brazil" not in names
    True
    """
    left, right, top, bottom = x - half_width, x + half_width, y - half_height, y + half_height
    return [(name, d) for name, d, (x0, y0, x1, y1) in _boxes()
            if x0 <= right and x1 >= left and y0 <= bottom and y1 >= top]
