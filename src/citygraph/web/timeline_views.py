"""Timeline pages: a place's or an organization's memberships, ties and events year by year.

``/timeline/<path>`` (the path of the node's page under ``/id/``) lists, per year,
the networks a place joined (or, for an organization, the members that joined
it), the ties it started and the events it attended; facts without a date are
counted below, never dropped. A place's timeline includes what its government
did (an organization that ``cg:governs`` it), as the network projection does.
The network view's period slider (:func:`period_context`) says how many
undated facts a date window leaves out.
"""

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.routing import Route

from citygraph.querying.catalog import adhoc_query, compact, run_query

__all__ = ["routes", "timeline", "timeline_rows", "period_context", "KINDS"]

#: the kinds of timeline entries, in the order of the page's columns
KINDS = ("joined", "member", "tie", "event")
#: how a page names each kind
KIND_TITLES = {"joined": "networks joined", "member": "members joining",
               "tie": "ties started", "event": "events attended"}
#: entries listed by name in one year and kind, at most
LISTED = 25

_TIMELINE = """
SELECT ?kind ?fact ?other ?other_label ?date ?end ?what WHERE {
  ?actor cg:governs? $node .
  {
    ?fact org:member ?actor ; org:organization ?other .
    BIND("joined" AS ?kind)
    OPTIONAL { ?fact org:role/skos:prefLabel ?what }
    OPTIONAL { ?fact schema:startDate ?start }
    OPTIONAL { ?fact cg:asOf ?as_of }
    OPTIONAL { ?fact schema:endDate ?end }
    BIND(COALESCE(?start, ?as_of) AS ?date)
  } UNION {
    ?fact org:organization ?actor ; org:member ?other .
    BIND("member" AS ?kind)
    OPTIONAL { ?fact org:role/skos:prefLabel ?what }
    OPTIONAL { ?fact schema:startDate ?start }
    OPTIONAL { ?fact cg:asOf ?as_of }
    OPTIONAL { ?fact schema:endDate ?end }
    BIND(COALESCE(?start, ?as_of) AS ?date)
  } UNION {
    ?fact cg:party|cg:fromParty|cg:toParty ?actor .
    ?fact a/rdfs:subClassOf* cg:Tie .
    ?fact cg:party|cg:fromParty|cg:toParty ?other .
    FILTER(?other != ?actor)
    BIND("tie" AS ?kind)
    OPTIONAL { ?fact cg:tieType/skos:prefLabel ?what }
    OPTIONAL { ?fact schema:startDate ?start }
    OPTIONAL { ?fact dcterms:date ?dated }
    OPTIONAL { ?fact cg:dateEarliest ?earliest }
    OPTIONAL { ?fact cg:asOf ?as_of }
    OPTIONAL { ?fact schema:endDate ?end }
    BIND(COALESCE(?start, ?dated, ?earliest, ?as_of) AS ?date)
  } UNION {
    ?fact cg:participant ?actor ; cg:event ?other .
    FILTER NOT EXISTS { ?fact cg:attended false }
    BIND("event" AS ?kind)
    OPTIONAL { ?other schema:startDate ?start }
    OPTIONAL { ?other cg:dateEarliest ?earliest }
    BIND(COALESCE(?start, ?earliest) AS ?date)
  }
  FILTER(?other != $node)
  OPTIONAL { ?other rdfs:label|schema:name ?other_label }
}"""


def timeline_rows(target, node):
    """The timeline entries of a node: ``{kind, fact, other, label, date, end, what}`` dicts,
    one per fact and other party; ``what`` is a tie's type or a membership's role
    (labels chosen the same way whatever order the store gives)."""
    rows = run_query(adhoc_query(_TIMELINE, source="timeline"), target,
                     bindings={"node": node}).rows
    entries = {}
    for row in rows:
        key = (str(row["kind"]), str(row["fact"]), str(row["other"]))
        label = str(row["other_label"]) if row["other_label"] is not None else None
        what = str(row["what"]) if row["what"] is not None else None
        entry = entries.get(key)
        if entry is None:
            entries[key] = {"kind": key[0], "fact": key[1], "other": key[2], "label": label,
                            "date": str(row["date"])[:10] if row["date"] is not None else None,
                            "end": str(row["end"])[:10] if row["end"] is not None else None,
                            "what": what}
            continue
        if label is not None and (entry["label"] is None or label < entry["label"]):
            entry["label"] = label
        if what is not None and (entry["what"] is None or what < entry["what"]):
            entry["what"] = what
    for entry in entries.values():
        entry["label"] = entry["label"] or compact(entry["other"])
    return sorted(entries.values(), key=lambda e: (e["date"] or "", e["kind"], e["label"]))


def by_year(entries):
    """Entries grouped: ``(years, undated)`` where ``years`` is a list of ``(year, {kind:
    [entries]})`` from the first year to the last (empty years kept, so gaps show) and
    ``undated`` is ``{kind: [entries]}``.

    >>> years, undated = by_year([{"kind": "tie", "date": "2014-05-01"},
    ...                           {"kind": "tie", "date": "2016"}, {"kind": "event", "date": None}])
    >>> [y for y, _ in years], {k: len(v) for k, v in undated.items()}
    ([2014, 2015, 2016], {'event': 1})
    """
    dated, undated = {}, {}
    for entry in entries:
        if entry["date"] is None:
            undated.setdefault(entry["kind"], []).append(entry)
        else:
            dated.setdefault(int(entry["date"][:4]), {}).setdefault(entry["kind"], []).append(entry)
    if not dated:
        return [], undated
    first, last = min(dated), max(dated)
    return [(year, dated.get(year, {})) for year in range(first, last + 1)], undated


def _timeline(request, node):
    from citygraph.web import pages
    from citygraph.web.base import target

    t = target(request)
    info = pages.describe(t, node)
    if info is None or info["kind"] not in ("place", "organization"):
        return None
    entries = timeline_rows(t, node)
    years, undated = by_year(entries)
    kinds = [k for k in KINDS if any(e["kind"] == k for e in entries)]
    peak = max((len(v) for _y, per in years for v in per.values()), default=0)
    return {"e": info, "years": years, "undated": undated, "kinds": kinds, "peak": peak,
            "titles": KIND_TITLES, "listed": LISTED, "total": len(entries)}


async def timeline(request):
    """The timeline page of a place or organization."""
    from citygraph.web import pages
    from citygraph.web.base import render

    node = pages.node_iri(request.path_params["path"])
    if node is None:
        raise HTTPException(404)
    context = await run_in_threadpool(_timeline, request, node)
    if context is None:
        raise HTTPException(404)
    return render(request, "timeline.html", context)


def _undated(request):
    """{layer: facts without a date} and the first and last year of the dated ones; kept."""
    from citygraph.networks.projection import LAYERS, incidence
    from citygraph.web.base import whole_graph_target

    cache = request.app.state.cache
    if "undated" not in cache:
        big = whole_graph_target(request)
        counts, years = {}, set()
        for layer in LAYERS:
            rows = incidence(big, layer)
            counts[layer] = len({r["fact"] for r in rows if r["date"] is None})
            years |= {int(r["date"][:4]) for r in rows if r["date"]}
        cache["undated"] = (counts, min(years, default=None), max(years, default=None))
    return cache["undated"]


def period_context(request, choice):
    """What the network view's period slider needs: the years it spans, and how many undated
    facts of the chosen layers a date window leaves out (none without a window)."""
    from citygraph.networks.projection import LAYERS

    counts, first, last = _undated(request)
    # the network view checked the layers already
    layers = LAYERS if choice["layers"] == "all" else choice["layers"].split(",")
    undated = {layer: counts.get(layer, 0) for layer in layers if counts.get(layer)}
    windowed = bool(choice["since"] or choice["until"])
    return {"first": first, "last": last, "undated": undated,
            "undated_total": sum(undated.values()), "windowed": windowed}


def routes():
    return [Route("/timeline/{path:path}", timeline)]
