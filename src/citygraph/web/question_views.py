"""Questions researchers ask, as pages: the path between two places, two documents side by side.

Both take names (or IRIs) in their fields; a name several entities carry shows
its candidates. Each step of a path shows the facts behind it (the catalog's
``place-links`` query) and the sources; the comparison shows what each document
mentions and what they share (``document-mentions``, ``document-links``).
"""

from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from citygraph.errors import CitygraphError, UsageError
from citygraph.querying.names import UnresolvedName, looks_like_iri, resolve_name
from citygraph.querying.params import parse_iri

__all__ = ["routes", "shortest_path"]


def _resolve(index, text, field, kind_example):
    """The entity a field names, or a UsageError / UnresolvedName naming the field."""
    text = (text or "").strip()
    if not text:
        return None
    if looks_like_iri(text):
        iri = parse_iri(text)
        if iri is None:
            raise UsageError(f"{field}: {text!r} is not an IRI or a prefixed name")
        return iri
    return resolve_name(text, index, example=kind_example, where=f"{field}: ")


def _labels(index):
    """{entity: its first label} from the name index."""
    out = {}
    for _, name, entity, prop in index:
        if str(prop).endswith(("#label", "/name", "/title")):
            out.setdefault(entity, name)
    return out


def shortest_path(data, first, second):
    """The fewest-steps path between two places of the network's node-link data, as
    [(node, edge attributes to the next node or None)], or None when none joins them.

    >>> data = {"nodes": [{"id": "a", "iri": "A"}, {"id": "b", "iri": "B"},
    ...                   {"id": "c", "iri": "C"}],
    ...         "edges": [{"source": "a", "target": "b", "w": 1},
    ...                   {"source": "b", "target": "c", "w": 2}]}
    >>> [(n["id"], e and e["w"]) for n, e in shortest_path(data, "A", "C")]
    [('a', 1), ('b', 2), ('c', None)]
    """
    import networkx as nx

    graph = nx.Graph()
    by_iri = {}
    for node in data["nodes"]:
        graph.add_node(node["id"], **node)
        by_iri[node.get("iri") or node["id"]] = node["id"]
    for edge in data["edges"]:
        graph.add_edge(edge["source"], edge["target"], **edge)
    a, b = by_iri.get(str(first)), by_iri.get(str(second))
    if a is None or b is None:
        return None
    try:
        ids = nx.shortest_path(graph, a, b)
    except nx.NetworkXNoPath:
        return None
    return [(graph.nodes[n], graph.edges[n, ids[i + 1]] if i + 1 < len(ids) else None)
            for i, n in enumerate(ids)]


def _path(request, given):
    from citygraph.web import pages
    from citygraph.web.base import search_index, target
    from citygraph.web.network_views import ready

    index = search_index(request)
    ends = {}
    problems = {}
    for field in ("from", "to"):
        try:
            ends[field] = _resolve(index, given[field], field, "place:seoul")
        except UnresolvedName as exc:
            problems[field] = (str(exc), exc.candidates)
    if problems or not ends.get("from") or not ends.get("to"):
        return {"problems": problems, "steps": None}
    data = ready(request, given["layer"])
    if data is None:
        return {"problems": {}, "steps": None, "pending": True}
    path = shortest_path(data["graph"], ends["from"], ends["to"])
    if path is None:
        return {"problems": {}, "steps": [], "ends": ends}
    labels = _labels(index)
    t = target(request)
    steps = []
    for (node, edge), (after, _) in zip(path, path[1:], strict=False):
        facts = pages.catalog_rows(t, "place-links", first=node["iri"], second=after["iri"])
        by_fact = {}
        for row in facts:
            entry = by_fact.setdefault(row["fact"], {**row, "evidence": []})
            if row["evidence"] is not None and str(row["evidence"]) not in entry["evidence"]:
                entry["evidence"].append(str(row["evidence"]))
        direct = set(by_fact)
        others = [{"iri": _expand(g), "label": labels.get(_expand(g))}
                  for g in (edge.get("groups") or []) if _expand(g) not in direct]
        sources = [{"iri": _expand(s), "label": labels.get(_expand(s))}
                   for s in edge.get("sources") or []]
        steps.append({"from": node, "to": after, "edge": edge, "facts": list(by_fact.values()),
                      "others": others, "sources": sources})
    _in_words(t, [f for step in steps for f in step["facts"]])
    return {"problems": {}, "steps": steps, "ends": ends, "places": [n for n, _ in path]}


def _in_words(target, facts):
    """Give each fact row without a name (``fact_label``) its words: kind and parties."""
    from citygraph.web.fact_words import fact_words

    words = fact_words(target, [f["fact"] for f in facts if f.get("fact_label") is None])
    for fact in facts:
        if fact.get("fact_label") is None and fact["fact"] in words:
            fact["fact_label"] = words[fact["fact"]]


def _expand(curie):
    """A prefixed name of the network data as a URIRef (as it is when it is no prefixed name).

    >>> str(_expand("doc:002"))
    'https://w3id.org/citygraph/id/doc/002'
    """
    from rdflib import URIRef

    return parse_iri(curie) or URIRef(curie)


async def path_page(request):
    """/path?from=Seoul&to=Tomsk: the fewest steps between two places in the network, each
    step with the facts and sources behind it."""
    from citygraph.networks.projection import LAYERS
    from citygraph.web.base import render

    params = request.query_params
    given = {"from": params.get("from", "").strip()[:200], "to": params.get("to", "").strip()[:200],
             "layer": params.get("layer", "all").strip() or "all"}
    if given["layer"] not in ("all", *LAYERS):
        raise UsageError(f"layer: unknown layer {given['layer']!r}; layers: all, "
                         f"{', '.join(LAYERS)}")
    answer, error = {"problems": {}, "steps": None}, None
    if given["from"] or given["to"]:
        try:
            answer = await run_in_threadpool(_path, request, given)
        except CitygraphError as exc:
            error = str(exc)
    candidates = {field: [(label, _choose(given, field, entity), entity)
                          for entity, label in found]
                  for field, (_, found) in answer["problems"].items()}
    status = 400 if error or answer["problems"] else 200
    return render(request, "path.html", {"given": given, "answer": answer, "error": error,
                                         "candidates": candidates, "layers": LAYERS},
                  status_code=status)


def _choose(given, field, entity):
    from citygraph.querying.results import compact

    return "/path?" + urlencode({**given, field: compact(entity)})


def _compare(request, first_text, second_text):
    from citygraph.web import pages
    from citygraph.web.base import search_index, target

    index = search_index(request)
    docs, problems = {}, {}
    for field, text in (("first", first_text), ("second", second_text)):
        try:
            docs[field] = _resolve(index, text, field, "doc:000")
        except UnresolvedName as exc:
            problems[field] = (str(exc), exc.candidates)
    if problems or not docs.get("first") or not docs.get("second"):
        return {"problems": problems, "sides": None}
    t = target(request)
    sides = []
    for field in ("first", "second"):
        info = pages.describe(t, docs[field])
        if info is None:
            raise UsageError(f"{field}: the graph says nothing of {docs[field]}")
        mentions = pages.catalog_rows(t, "document-mentions", document=docs[field])
        sides.append({"info": info, "mentions": mentions})
    shared = {r["entity"] for r in sides[0]["mentions"]} & {r["entity"] for r in
                                                           sides[1]["mentions"]}
    for side in sides:
        side["only"] = [r for r in side["mentions"] if r["entity"] not in shared]
    both = [r for r in sides[0]["mentions"] if r["entity"] in shared]
    return {"problems": {}, "sides": sides, "shared": both}


async def compare_page(request):
    """/compare?first=doc:000&second=doc:002: two documents side by side, what each
    mentions and what they share."""
    from citygraph.web.base import render

    first = request.query_params.get("first", "").strip()[:200]
    second = request.query_params.get("second", "").strip()[:200]
    answer, error = {"problems": {}, "sides": None}, None
    if first or second:
        try:
            answer = await run_in_threadpool(_compare, request, first, second)
        except CitygraphError as exc:
            error = str(exc)
    status = 400 if error or answer["problems"] else 200
    return render(request, "compare.html", {"first": first, "second": second,
                                            "answer": answer, "error": error},
                  status_code=status)


def routes():
    return [Route("/path", path_page), Route("/compare", compare_page)]
