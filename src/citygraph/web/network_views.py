"""The network view (sigma.js + graphology, bundled) and the map of the network."""

import json
import re

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route

from citygraph.errors import CitygraphError, UsageError
from citygraph.networks.projection import LAYERS, parse_date, parse_layers

__all__ = ["routes"]

SIZE_BY = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank",
           "core")
COLOR_BY = ("community", "country")


def _choice(request):
    """The network asked for: layers, date window, measure for size, colouring."""
    params = request.query_params
    layers = params.get("layer", "all").strip() or "all"
    since = params.get("since", "").strip() or None
    until = params.get("until", "").strip() or None
    if not re.fullmatch(r"[a-z,]+", layers):
        raise UsageError(f"layer: unknown layer {layers!r}; layers: all, {', '.join(LAYERS)}")
    parse_layers(layers)
    parse_date(since, "since")
    parse_date(until, "until")
    size_by = params.get("size", "degree")
    color_by = params.get("color", "community")
    if size_by not in SIZE_BY:
        raise UsageError(f"size: unknown measure {size_by!r}; measures: {', '.join(SIZE_BY)}")
    if color_by not in COLOR_BY:
        raise UsageError(f"color: choose community or country, not {color_by!r}")
    return {"layers": layers, "since": since, "until": until, "size": size_by,
            "color": color_by}


async def network_json(request):
    """The network's nodes and edges with every measure, as node-link JSON."""
    from citygraph.web.base import network_data

    choice = _choice(request)
    key = ("network.json", choice["layers"], choice["since"] or "", choice["until"] or "")
    cache = request.app.state.cache
    if key not in cache:
        data = await run_in_threadpool(network_data, request, choice["layers"],
                                       choice["since"], choice["until"])
        cache[key] = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Response(cache[key], media_type="application/json")


def _top(data, measure, count=25):
    nodes = data["graph"]["nodes"]
    return sorted(nodes, key=lambda n: (-(n.get(measure) or 0), n.get("label") or ""))[:count]


async def network(request):
    """The network view: WebGL drawing in the browser, and a table of the top places."""
    from urllib.parse import urlencode

    from citygraph.web.base import network_data, render

    choice = _choice(request)
    data = error = None
    try:
        data = await run_in_threadpool(network_data, request, choice["layers"],
                                       choice["since"], choice["until"])
    except CitygraphError as exc:
        error = str(exc)
    query = urlencode({"layer": choice["layers"], "since": choice["since"] or "",
                       "until": choice["until"] or ""})
    from citygraph.web.timeline_views import period_context

    period = await run_in_threadpool(period_context, request, choice)
    return render(request, "network.html", {"period": period,
        "choice": choice, "data": data, "error": error, "layers": LAYERS,
        "size_by": SIZE_BY, "color_by": COLOR_BY, "data_url": f"/network.json?{query}",
        "top": _top(data, choice["size"]) if data else []}, status_code=503 if error else 200)


async def network_map(request):
    """The network on the offline basemap; places without coordinates listed."""
    from citygraph.web.base import network_data, render
    from citygraph.web.geo import project

    choice = _choice(request)
    data = await run_in_threadpool(network_data, request, choice["layers"], choice["since"],
                                   choice["until"])
    nodes = data["graph"]["nodes"]
    placed = {}
    missing = []
    for n in nodes:
        if n.get("lat") is None or n.get("lon") is None:
            missing.append(n)
        else:
            x, y = project(n["lon"], n["lat"])
            placed[n["id"]] = {"x": x, "y": y, "node": n}
    lines = []
    for e in data["graph"]["edges"]:
        a, b = placed.get(e["source"]), placed.get(e["target"])
        if a and b:
            lines.append((a["x"], a["y"], b["x"], b["y"]))
    missing.sort(key=lambda n: n.get("label") or n["id"])
    return render(request, "map.html", {"choice": choice, "placed": list(placed.values()),
                                        "lines": lines, "missing": missing,
                                        "total": len(nodes)})


def routes():
    return [Route("/network", network), Route("/network.json", network_json),
            Route("/map", network_map)]
