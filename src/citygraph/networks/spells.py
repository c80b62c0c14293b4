"""When each place and each edge of the city network held: spells for the dynamic GEXF export.

A fact holds from the first day its start may stand for to the last day its end
may stand for (``schema:endDate``; open when it has none): the interval semantics
of :mod:`citygraph.networks.periods`. A place holds while any of its facts does.
Two places sharing a group (a tie, an agreement, a network, an event) are joined
while both hold in it: for a network, from the day the later of the two joined
to the day the first of them left. An edge's spells are the union over its
groups. A place or edge that rests on an undated fact gets no spells: it cannot
be placed in time, so Gephi shows it throughout.
"""

import networkx as nx

from citygraph.networks.periods import fact_ends, first_day, last_day
from citygraph.networks.projection import incidence

__all__ = ["merge", "spells_of", "put_spells", "read_spells", "add_spells"]


def merge(intervals):
    """The union of ``(start, end)`` intervals of ISO days (``end`` None: open), sorted.

    >>> merge([("2014-01-01", "2018-12-31"), ("2016-01-01", None), ("2010-01-01", "2011-01-01")])
    [('2010-01-01', '2011-01-01'), ('2014-01-01', None)]
    """
    out = []
    for start, end in sorted(intervals, key=lambda i: i[0]):
        if out and (out[-1][1] is None or start <= out[-1][1]):
            last = out[-1]
            out[-1] = (last[0], None if end is None or last[1] is None else max(last[1], end))
        else:
            out.append((start, end))
    return out


def _spans(rows, ends):
    """{(layer, group): {place: [interval, ...] or None (undated)}} of incidence rows."""
    groups = {}
    for row in rows:
        members = groups.setdefault((row["layer"], row["group"]), {})
        place = row["place"]
        if row["date"] is None:
            members[place] = None
            continue
        if place in members and members[place] is None:
            continue
        end = ends.get(row["fact"])
        members.setdefault(place, []).append(
            (first_day(row["date"]), None if end is None else last_day(end)))
    return groups


def spells_of(G, rows, ends):
    """When each place and edge of ``G`` held, from the incidence rows ``G`` was projected from
    and the facts' end dates (:func:`citygraph.networks.periods.fact_ends`).

    Returns ``{"nodes": {place: spells}, "edges": [[u, v, spells], ...]}``, spells a list of
    ``(start, end)`` ISO days (``end`` None: open), JSON as it is (the measures cache of
    :mod:`citygraph.networks.analysis` keeps it); places and edges resting on an undated
    fact are left out. None for a folded network (its places are not the rows' places).

    >>> import networkx as nx
    >>> G = nx.Graph(layers=["membership"], fold="none", max_group=100)
    >>> G.add_edge("place:a", "place:b")
    >>> rows = [{"layer": "membership", "group": "cgorg:n", "fact": f"fact:{p}",
    ...          "place": f"place:{p}", "date": d} for p, d in (("a", "2014"), ("b", "2015-03"))]
    >>> spells = spells_of(G, rows, {"fact:a": "2018"})
    >>> spells["nodes"]
    {'place:a': [('2014-01-01', '2018-12-31')], 'place:b': [('2015-03-01', None)]}
    >>> spells["edges"]
    [['place:a', 'place:b', [('2015-03-01', '2018-12-31')]]]
    """
    if G.graph.get("fold", "none") != "none":
        return None
    groups = _spans(rows, ends)
    largest = G.graph.get("max_group")
    has_edge = G.has_edge
    node_spans, edge_spans, undated = {}, {}, set()
    for members in groups.values():
        for place, spans in members.items():
            if place in G:
                node_spans.setdefault(place, []).append(spans)
        if largest is not None and len(members) > largest:
            continue  # kept two-mode: no edges of its own
        ordered = sorted(members)
        for i, u in enumerate(ordered):
            a = members[u]
            for v in ordered[i + 1:]:
                if not has_edge(u, v):
                    continue
                b = members[v]
                if a is None or b is None:
                    undated.add((u, v))  # no spells, whatever its other groups say
                    continue
                both = edge_spans.get((u, v))
                if both is None:
                    both = edge_spans[(u, v)] = []
                for s1, e1 in a:
                    for s2, e2 in b:
                        start = s1 if s1 > s2 else s2
                        end = e1 if e2 is None else e2 if e1 is None else min(e1, e2)
                        if end is None or start <= end:
                            both.append((start, end))
    nodes = {node: merge(i for s in spans for i in s) for node, spans in node_spans.items()
             if None not in spans}
    edges = [[u, v, merge(spans) if len(spans) > 1 else spans]
             for (u, v), spans in edge_spans.items() if (u, v) not in undated]
    return {"nodes": nodes, "edges": edges}


def put_spells(G, spells):
    """Put :func:`spells_of`'s spells on the places and edges of ``G`` (attribute ``spells``).
    Returns how many edges got spells."""
    if not spells:
        return 0
    nx.set_node_attributes(G, spells["nodes"], "spells")
    nx.set_edge_attributes(G, {(u, v): value for u, v, value in spells["edges"]}, "spells")
    return len(spells["edges"])


def read_spells(G, target):
    """:func:`spells_of` for a place network ``G`` (from
    :func:`citygraph.networks.projection.project`), its rows read again from the same layers,
    dates and fold of ``target``."""
    if G.graph.get("fold", "none") != "none":
        return None
    rows = [row for layer in G.graph.get("layers") or []
            for row in incidence(target, layer, G.graph.get("since"), G.graph.get("until"))]
    return spells_of(G, rows, fact_ends(target))


def add_spells(G, target):
    """Put ``spells`` (a list of ``(start, end)`` ISO days, ``end`` None: open) on the places
    and edges of the place network ``G`` (from :func:`citygraph.networks.projection.project`),
    read from the same layers of ``target``. Returns how many edges got spells.

    :func:`citygraph.networks.analysis.analysed` keeps the spells with the measures
    (``spells=True`` puts them on the network it gives); this reads the store again.
    """
    return put_spells(G, read_spells(G, target))
