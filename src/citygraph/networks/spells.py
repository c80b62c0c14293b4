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

import itertools

from citygraph.networks.periods import fact_ends, first_day, last_day
from citygraph.networks.projection import incidence

__all__ = ["merge", "add_spells"]


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


def add_spells(G, target):
    """Put ``spells`` (a list of ``(start, end)`` ISO days, ``end`` None: open) on the places
    and edges of the place network ``G`` (from :func:`citygraph.networks.projection.project`),
    read from the same layers of ``target``. Returns how many edges got spells.
    """
    layers = G.graph.get("layers") or []
    if G.graph.get("fold", "none") != "none":
        return 0
    rows = [row for layer in layers for row in incidence(target, layer, G.graph.get("since"),
                                                         G.graph.get("until"))]
    groups = _spans(rows, fact_ends(target))
    largest = G.graph.get("max_group")
    node_spans, edge_spans = {}, {}
    for members in groups.values():
        for place, spans in members.items():
            if place in G:
                node_spans.setdefault(place, []).append(spans)
        if largest is not None and len(members) > largest:
            continue  # kept two-mode: no edges of its own
        for u, v in itertools.combinations(sorted(members), 2):
            if not G.has_edge(u, v):
                continue
            a, b = members[u], members[v]
            if a is None or b is None:
                edge_spans.setdefault((u, v), []).append(None)
                continue
            both = []
            for (s1, e1), (s2, e2) in itertools.product(a, b):
                start = max(s1, s2)
                end = e1 if e2 is None else e2 if e1 is None else min(e1, e2)
                if end is None or start <= end:
                    both.append((start, end))
            edge_spans.setdefault((u, v), []).append(both)
    for node, spans in node_spans.items():
        if all(s is not None for s in spans):
            G.nodes[node]["spells"] = merge(i for s in spans for i in s)
    count = 0
    for (u, v), spans in edge_spans.items():
        if all(s is not None for s in spans):
            G.edges[u, v]["spells"] = merge(i for s in spans for i in s)
            count += 1
    return count
