"""The network view (sigma.js + graphology, bundled), a place's ego network, and the map.

The measured and laid-out network is computed once per choice of layers and
dates, in the background: at serve start for the whole network
(:func:`start_background`), on first request for the others. A page that needs
it before it is ready says so and shows what it can, instead of waiting.
"""

import json
import re
import threading
import time

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route

from citygraph.errors import CitygraphError, UsageError
from citygraph.networks.projection import LAYERS, parse_date, parse_layers

__all__ = ["routes", "ready", "start_background", "filtered", "ego"]

SIZE_BY = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank",
           "core")
COLOR_BY = ("community", "country")

#: how many places the drawing labels at every zoom (the largest by the size measure)
LABELLED = 30


def _key(layers, since, until):
    return ("network", layers, since or "", until or "")


def _compute(app, layers, since, until):
    """The network of this choice, computed in a query worker and kept in the app's cache."""
    settings = app.state.settings
    key = _key(layers, since, until)
    cache = app.state.cache
    lock = cache.setdefault(("lock",) + key, threading.Lock())
    with lock:
        if key not in cache:
            try:
                cache[key] = app.state.pool.call(
                    ("network", {"layers": layers, "since": since, "until": until,
                                 "sample": settings.sample}), settings.network_timeout)
            except CitygraphError as exc:
                cache[("error",) + key] = str(exc)
                raise
        return cache[key]


def _background(app, layers="all", since=None, until=None):
    key = _key(layers, since, until)
    cache = app.state.cache
    with _STARTING:
        if ("started",) + key in cache or key in cache:
            return
        cache[("started",) + key] = time.monotonic()

    def run():
        try:
            _compute(app, layers, since, until)
        except CitygraphError:
            pass
        except Exception as exc:  # noqa: BLE001 - kept for the page to say, never a traceback
            cache[("error",) + key] = f"the network could not be computed: {type(exc).__name__}"

    threading.Thread(target=run, name="citygraph-network", daemon=True).start()


_STARTING = threading.Lock()


def start_background(app):
    """Start measuring and laying out the whole network, and reading every name for search
    and the autocomplete (serve start), so that the first pages need not wait for them."""
    _background(app)

    def names():
        from types import SimpleNamespace

        from citygraph.web.base import search_index

        try:
            search_index(SimpleNamespace(app=app))
        except CitygraphError:
            pass  # the first search asks again and says why

    threading.Thread(target=names, name="citygraph-names", daemon=True).start()


def ready(request, layers="all", since=None, until=None):
    """The network of this choice when it is ready, else None (its computation started in the
    background); a failure is a CitygraphError with its message."""
    key = _key(layers, since, until)
    cache = request.app.state.cache
    if key in cache:
        return cache[key]
    if ("error",) + key in cache:
        raise CitygraphError(cache[("error",) + key])
    _background(request.app, layers, since, until)
    return None


def waited(request, layers="all", since=None, until=None):
    """Seconds since the computation of this choice started (for the page to say)."""
    started = request.app.state.cache.get(("started",) + _key(layers, since, until))
    return round(time.monotonic() - started) if started else 0


def _choice(request):
    """The network asked for: layers, dates, size and colour, filters, ego place."""
    params = request.query_params
    layers = params.get("layer", "all").strip() or "all"
    since = params.get("since", "").strip() or None
    until = params.get("until", "").strip() or None
    if not re.fullmatch(r"[a-z,]+", layers):
        raise UsageError(f"layer: unknown layer {layers!r}; layers: all, {', '.join(LAYERS)}")
    parse_layers(layers)
    since = parse_date(since, "since")
    until = parse_date(until, "until")
    size_by = params.get("size", "degree")
    color_by = params.get("color", "community")
    if size_by not in SIZE_BY:
        raise UsageError(f"size: unknown measure {size_by!r}; measures: {', '.join(SIZE_BY)}")
    if color_by not in COLOR_BY:
        raise UsageError(f"color: choose community or country, not {color_by!r}")
    country = params.get("country", "").strip().upper()[:3] or None
    community = params.get("community", "").strip() or None
    if community is not None and not community.isdigit():
        raise UsageError(f"community: give a community number, not {community!r}")
    steps = params.get("steps", "1").strip()
    if steps not in ("1", "2"):
        raise UsageError(f"steps: 1 or 2, not {steps!r}")
    return {"layers": layers, "since": since, "until": until, "size": size_by,
            "color": color_by, "country": country,
            "community": int(community) if community is not None else None,
            "place": params.get("place", "").strip()[:300] or None, "steps": int(steps)}


def filtered(data, country=None, community=None):
    """The node-link data keeping the places of one country (ISO code) and/or community,
    and the ties among them.

    >>> data = {"nodes": [{"id": "a", "country_code": "KR", "community": 0},
    ...                   {"id": "b", "country_code": "JP", "community": 0},
    ...                   {"id": "c", "country_code": "KR", "community": 1}],
    ...         "edges": [{"source": "a", "target": "b"}, {"source": "a", "target": "c"}]}
    >>> out = filtered(data, country="KR")
    >>> [n["id"] for n in out["nodes"]], len(out["edges"])
    (['a', 'c'], 1)
    >>> [n["id"] for n in filtered(data, community=0)["nodes"]]
    ['a', 'b']
    """
    if country is None and community is None:
        return data
    keep = {n["id"] for n in data["nodes"]
            if (country is None or (n.get("country_code") or "").upper() == country)
            and (community is None or n.get("community") == community)}
    return {**data, "nodes": [n for n in data["nodes"] if n["id"] in keep],
            "edges": [e for e in data["edges"] if e["source"] in keep and e["target"] in keep]}


def ego(data, place, steps=1):
    """The places within ``steps`` ties of ``place`` (an id or IRI) and the ties among them;
    None when the place is not in the network.

    >>> data = {"nodes": [{"id": x, "iri": x.upper()} for x in "abcd"],
    ...         "edges": [{"source": "a", "target": "b"}, {"source": "b", "target": "c"},
    ...                   {"source": "c", "target": "d"}]}
    >>> [n["id"] for n in ego(data, "B")["nodes"]], [n["id"] for n in ego(data, "b", 2)["nodes"]]
    (['a', 'b', 'c'], ['a', 'b', 'c', 'd'])
    """
    ids = {n["id"] for n in data["nodes"]}
    by_iri = {n.get("iri"): n["id"] for n in data["nodes"]}
    start = place if place in ids else by_iri.get(place)
    if start is None:
        return None
    neighbours = {}
    for e in data["edges"]:
        neighbours.setdefault(e["source"], set()).add(e["target"])
        neighbours.setdefault(e["target"], set()).add(e["source"])
    keep, frontier = {start}, {start}
    for _ in range(steps):
        frontier = {m for n in frontier for m in neighbours.get(n, ())} - keep
        keep |= frontier
    return {**data, "nodes": [n for n in data["nodes"] if n["id"] in keep],
            "edges": [e for e in data["edges"] if e["source"] in keep and e["target"] in keep],
            "centre": start}


def undated(request, choice):
    """How many ties the date filter leaves out because they have no date (None without a
    date filter, or while the undated network is not ready)."""
    if not choice["since"] and not choice["until"]:
        return None
    whole = ready(request, choice["layers"])
    if whole is None:
        return None
    return sum(1 for e in whole["graph"]["edges"] if not e.get("first") and not e.get("last"))


def _resolve_place(request, text):
    from citygraph.querying.names import looks_like_iri, resolve_name
    from citygraph.querying.params import parse_iri
    from citygraph.web.base import search_index

    if looks_like_iri(text):
        iri = parse_iri(text)
        if iri is None:
            raise UsageError(f"place: {text!r} is not an IRI or a prefixed name")
        return iri
    return resolve_name(text, search_index(request), example="place:seoul", where="place: ")


async def network_json(request):
    """The network's nodes and edges with every measure and the layout, as node-link JSON;
    ``country``, ``community`` and ``place`` (with ``steps``) narrow it. 503 while it is
    being computed."""
    choice = _choice(request)
    data = ready(request, choice["layers"], choice["since"], choice["until"])
    if data is None:
        return Response("the network is being computed; try again in a moment\n",
                        status_code=503, media_type="text/plain",
                        headers={"Retry-After": "5"})
    whole = choice["country"] is None and choice["community"] is None and not choice["place"]
    key = ("network.json", choice["layers"], choice["since"] or "", choice["until"] or "")
    cache = request.app.state.cache
    if whole and key in cache:
        return Response(cache[key], media_type="application/json")
    graph = filtered(data["graph"], choice["country"], choice["community"])
    if choice["place"]:
        place = await run_in_threadpool(_resolve_place, request, choice["place"])
        graph = ego(graph, str(place), choice["steps"])
        if graph is None:
            return Response(f"place: {choice['place']} has no ties in this network\n",
                            status_code=404, media_type="text/plain")
    body = json.dumps({"graph": graph, "figures": data["figures"]},
                      ensure_ascii=False).encode("utf-8")
    if whole:
        cache[key] = body
    return Response(body, media_type="application/json")


def _top(graph, measure, count=25):
    return sorted(graph["nodes"], key=lambda n: (-(n.get(measure) or 0),
                                                 n.get("label") or ""))[:count]


def _countries(graph):
    seen = {}
    for n in graph["nodes"]:
        if n.get("country_code"):
            seen.setdefault(n["country_code"], n.get("country") or n["country_code"])
    return sorted(seen.items(), key=lambda item: item[1])


async def network(request):
    """The network view: the laid-out drawing in the browser, and a table of the top places."""
    return await _network_page(request, ego_page=False)


async def ego_network(request):
    """A place's ego network: the places within one or two ties of it."""
    return await _network_page(request, ego_page=True)


async def _network_page(request, ego_page):
    from urllib.parse import urlencode

    from citygraph.web.base import render

    choice = _choice(request)
    data = error = None
    try:
        data = ready(request, choice["layers"], choice["since"], choice["until"])
    except CitygraphError as exc:
        error = str(exc)
    graph = None
    place = None
    if data is not None:
        graph = filtered(data["graph"], choice["country"], choice["community"])
        if ego_page:
            if not choice["place"]:
                raise UsageError("place: give the place whose network to show")
            place = await run_in_threadpool(_resolve_place, request, choice["place"])
            graph = ego(graph, str(place), choice["steps"])
            if graph is None:
                error = f"{choice['place']} has no ties in this network"
    query = {k: v for k, v in (("layer", choice["layers"]), ("since", choice["since"]),
                               ("until", choice["until"]), ("country", choice["country"]),
                               ("community", choice["community"]),
                               ("place", str(place) if place else None),
                               ("steps", choice["steps"] if ego_page else None)) if v}
    options = {"container": "sigma", "status": "network-status", "panel": "edge-panel",
               "data": f"/network.json?{urlencode(query)}", "sizeBy": choice["size"],
               "colorBy": choice["color"], "labelled": LABELLED,
               "centre": graph.get("centre") if graph else None}
    pending = data is None and error is None
    from citygraph.web.timeline_views import period_context

    period = await run_in_threadpool(period_context, request, choice)
    response = render(request, "network.html", {"period": period,
        "choice": choice, "data": data, "graph": graph, "error": error, "layers": LAYERS,
        "size_by": SIZE_BY, "color_by": COLOR_BY, "options": options, "ego": ego_page,
        "pending": pending, "waited": waited(request, choice["layers"], choice["since"],
                                             choice["until"]),
        "undated": undated(request, choice) if data is not None else None,
        "countries": _countries(data["graph"]) if data else [],
        "communities": sorted({n.get("community") for n in data["graph"]["nodes"]
                               if n.get("community") is not None}) if data else [],
        "top": _top(graph, choice["size"]) if graph else []},
        status_code=503 if error and not ego_page else 200)
    if pending:
        response.headers["Cache-Control"] = "no-store"
    return response


async def edge_facts(request):
    """/network/edge?a=IRI&b=IRI: the facts between two places of the drawing, for the panel
    a click on an edge opens (the catalog's place-links query), as JSON."""
    from citygraph.querying.catalog import find_query, run_query
    from citygraph.querying.params import parse_iri
    from citygraph.web.base import target
    from citygraph.web.present import page_url

    a = parse_iri(request.query_params.get("a", ""))
    b = parse_iri(request.query_params.get("b", ""))
    if a is None or b is None:
        raise UsageError("a and b: give the IRIs of two places")
    result = await run_in_threadpool(run_query, find_query("place-links"), target(request),
                                     {"first": a, "second": b})
    facts = {}
    for row in result.rows:
        entry = facts.setdefault(str(row["fact"]), {
            "fact": str(row["fact"]), "page": page_url(row["fact"]), "kind": str(row["kind"]),
            "label": str(row["fact_label"]) if row["fact_label"] is not None else None,
            "date": str(row["date"]) if row["date"] is not None else None,
            "source": page_url(row["source"]) if row["source"] is not None else None,
            "evidence": []})
        if row["evidence"] is not None and str(row["evidence"]) not in entry["evidence"]:
            entry["evidence"].append(str(row["evidence"]))
    from rdflib import URIRef

    unnamed = [URIRef(f["fact"]) for f in facts.values() if f["label"] is None]
    if unnamed:
        from citygraph.web.fact_words import fact_words

        words = await run_in_threadpool(fact_words, target(request), unnamed)
        for iri, text in words.items():
            facts[str(iri)]["label"] = text
    return Response(json.dumps(list(facts.values()), ensure_ascii=False),
                    media_type="application/json")


async def network_map(request):
    """The network on the offline basemap, with pan, zoom and clustered markers in the
    browser; places without coordinates listed."""
    from citygraph.web.base import render

    choice = _choice(request)
    data = ready(request, choice["layers"], choice["since"], choice["until"])
    if data is None:
        response = render(request, "map.html", {"choice": choice, "pending": True,
                                                "waited": waited(request, choice["layers"],
                                                                 choice["since"],
                                                                 choice["until"]),
                                                "placed": [], "missing": [], "total": 0,
                                                "edges": []})
        response.headers["Cache-Control"] = "no-store"
        return response
    from citygraph.web.geo import project

    graph = filtered(data["graph"], choice["country"], choice["community"])
    placed, missing = [], []
    for n in graph["nodes"]:
        if n.get("lat") is None or n.get("lon") is None:
            missing.append(n)
        else:
            x, y = project(n["lon"], n["lat"])
            placed.append({"id": n["id"], "x": x, "y": y, "label": n.get("label") or n["id"],
                           "page": _page(n), "size": n.get(choice["size"]) or 0})
    index = {p["id"]: i for i, p in enumerate(placed)}
    edges = [[index[e["source"]], index[e["target"]]] for e in graph["edges"]
             if e["source"] in index and e["target"] in index]
    missing.sort(key=lambda n: n.get("label") or n["id"])
    return render(request, "map.html", {"choice": choice, "pending": False, "placed": placed,
                                        "edges": edges, "missing": missing,
                                        "total": len(graph["nodes"])})


def _page(node):
    from citygraph.web.present import page_url

    return page_url(node.get("iri") or "")


def routes():
    return [Route("/network", network), Route("/network.json", network_json),
            Route("/network/ego", ego_network), Route("/network/edge", edge_facts),
            Route("/map", network_map)]
