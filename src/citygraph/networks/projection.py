"""Project the knowledge graph into NetworkX networks of places, one layer per projection query.

Each layer's rows (:func:`citygraph.networks.incidence.incidence`) are the bipartite
incidence of places and the facts (or networks, or events) that join them; the
place network is its projection. Nodes are places, named by their prefixed IRI
(``place:seoul``); each edge keeps the layers, the types of the joining facts,
the weight, the number of groups behind it (``count``), the first and last
date, the source documents and the facts behind it.

Weighting (Newman 2001, "Scientific collaboration networks II"): a group of
``n`` places (an agreement, a tie, a network, an event, a project) adds
``1/(n-1)`` to the weight of each of its ``n(n-1)/2`` pairs, so a bilateral
agreement weighs 1, each pair of a network of 4 members 1/3, and a place's
weighted degree is the number of groups it shares with others, however large
they are. Groups of more than ``max_group`` places (:data:`MAX_GROUP`, 100 by
default) are not turned into cliques: they stay in two-mode form (places and
groups), counted in each place's ``two_mode_degree`` and listed on the graph
(``large_groups``); a clique of 8,000 members would be 32 million edges that
say little more than "these places share one network".
"""

import gc
import itertools
import threading
from contextlib import contextmanager

import networkx as nx

from citygraph import progress
from citygraph.errors import UsageError
from citygraph.networks.incidence import (
    FOLDS,
    LAYERS,
    _compact,
    fold_place,
    incidence,
    parse_date,
    parse_layers,
    place_attributes,
    reading_ahead,
)

# LAYERS, FOLDS, parse_layers, parse_date, incidence, place_attributes and fold_place
# are read in citygraph.networks.incidence and stay importable from here
__all__ = [
    "LAYERS",
    "FOLDS",
    "parse_layers",
    "parse_date",
    "incidence",
    "place_attributes",
    "fold_place",
    "incidence_graph",
    "project_layer",
    "combine",
    "project",
    "two_mode",
    "MAX_GROUP",
    "tidy_weight",
    "paused_gc",
]

#: groups of more than this many places stay in two-mode form instead of becoming cliques
MAX_GROUP = 100

#: node attributes every node carries (None where the gazetteer has no value)
NODE_ATTRIBUTES = ("label", "kind", "country", "country_code", "geonames", "lat", "lon", "iri")

#: the per-layer edge keys that add up when layers are combined
_EDGE_LISTS = ("types", "facts", "groups", "sources")


def tidy_weight(value):
    """A sum of 1/(n-1) shares, rounded off its float noise; whole numbers as int.

    >>> tidy_weight(1 / 3 + 1 / 3 + 1 / 3), tidy_weight(0.1 + 0.2)
    (1, 0.3)
    """
    value = round(value, 12)
    return int(value) if value == int(value) else value


#: how many blocks (in any thread) are inside paused_gc, and whether the collector ran before
_PAUSED = {"depth": 0, "enabled": True}
_PAUSED_LOCK = threading.Lock()


@contextmanager
def paused_gc():
    """Within the block Python's cyclic garbage collector does not run (as it was after).

    Projecting and measuring a network makes millions of small dicts, sets and
    lists that all stay alive until the end: the collector would walk them
    again and again and find nothing to free (at a million triples, a third of
    the projection's time). Nothing here makes reference cycles. The pause is
    the process's: blocks may overlap (nested, or in the server's threads), and
    the collector runs again when the last one ends, if it ran before the first.

    >>> with paused_gc():
    ...     with paused_gc():
    ...         pass
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    with _PAUSED_LOCK:
        if _PAUSED["depth"] == 0:
            _PAUSED["enabled"] = gc.isenabled()
            gc.disable()
        _PAUSED["depth"] += 1
    try:
        yield
    finally:
        with _PAUSED_LOCK:
            _PAUSED["depth"] -= 1
            if _PAUSED["depth"] == 0 and _PAUSED["enabled"]:
                gc.enable()


def _memberships(rows, places=None, fold="none"):
    """``{(layer, group): {place: record}}`` from incidence rows, a record per place in a group.

    A record is a dict of sets: ``facts``, ``roles``, ``dates``, ``types``, ``docs``.
    """
    places = places or {}
    folded = {}
    groups = {}
    for row in rows:
        place = row["place"]
        node = folded.get(place)
        if node is None:
            node = folded[place] = fold_place(place, places, fold)
        members = groups.setdefault((row["layer"], row["group"]), {})
        record = members.get(node)
        if record is None:
            record = members[node] = {"facts": set(), "roles": set(), "dates": set(),
                                      "types": set(), "docs": set()}
        record["facts"].add(row["fact"])
        for key, name in (("roles", "role"), ("dates", "date"), ("types", "type"),
                          ("docs", "doc")):
            value = row.get(name)
            if value is not None:
                record[key].add(_compact(value) if "://" in str(value) else value)
    return groups


def _direction(members, u, v):
    """u or v when the group's tie points from that place to the other, else None."""
    roles_u, roles_v = members[u]["roles"], members[v]["roles"]
    if roles_u == {"from"} and roles_v == {"to"}:
        return u
    if roles_v == {"from"} and roles_u == {"to"}:
        return v
    return None


def _project_groups(groups, max_group=MAX_GROUP):
    """The place network of a set of groups, with Newman's 1/(n-1) weighting.

    Returns ``(G, large)``: ``G`` has a node for every place of every group
    (``two_mode_degree``: how many groups it is in; ``large_groups``: how many
    of those have more than ``max_group`` places) and an edge for every pair
    sharing a group of at most ``max_group`` places; ``large`` lists the groups
    left in two-mode form as ``(group, layer, size)``, largest first.
    """
    if max_group is not None and max_group < 2:
        raise UsageError(f"--max-group must be at least 2, not {max_group}")
    two_mode_degree, large_count = {}, {}
    large = []
    pairs = {}
    for key, members in progress.bar(groups.items(), total=len(groups),
                                     desc="projecting groups", unit="group"):
        layer, group = key
        n = len(members)
        for node in members:
            two_mode_degree[node] = two_mode_degree.get(node, 0) + 1
        if max_group is not None and n > max_group:
            large.append((group, layer, n))
            for node in members:
                large_count[node] = large_count.get(node, 0) + 1
            continue
        if n < 2:
            continue
        share = 1.0 / (n - 1)
        for u, v in itertools.combinations(sorted(members), 2):
            entry = pairs.get((u, v))
            if entry is None:
                pairs[(u, v)] = [(key, share)]
            else:
                entry.append((key, share))
    G = nx.Graph()
    for node in sorted(two_mode_degree):
        G.add_node(node, two_mode_degree=two_mode_degree[node],
                   large_groups=large_count.get(node, 0))
    G.add_edges_from(_edges(groups, pairs))
    large.sort(key=lambda item: (-item[2], item[0]))
    return G, large


def _edges(groups, pairs):
    """``(u, v, attributes)`` of every pair, in sorted order (see :func:`_project_groups`)."""
    for (u, v), shared in progress.bar(sorted(pairs.items()), total=len(pairs),
                                       desc="edge attributes", unit="edge"):
        if len(shared) == 1:
            # most pairs share one group: its two records are all there is to merge
            key, share = shared[0]
            members = groups[key]
            first, second = members[u], members[v]
            dates = first["dates"] | second["dates"]
            weight = tidy_weight(share)
            yield u, v, {
                "weight": weight, "count": 1, "layers": [key[0]],
                "types": sorted(first["types"] | second["types"], key=str),
                "groups": [key[1]], "facts": sorted(first["facts"] | second["facts"]),
                "sources": sorted(first["docs"] | second["docs"], key=str),
                "first": min(dates) if dates else None, "last": max(dates) if dates else None,
                "directed_from": _direction(members, u, v), f"weight_{key[0]}": weight,
            }
            continue
        weights = {}
        facts, types, dates, docs, directions = set(), set(), set(), set(), set()
        for key, share in shared:
            members = groups[key]
            weights[key[0]] = weights.get(key[0], 0) + share
            for record in (members[u], members[v]):
                facts |= record["facts"]
                types |= record["types"]
                dates |= record["dates"]
                docs |= record["docs"]
            directions.add(_direction(members, u, v))
        layers = sorted(weights)
        data = {
            "weight": tidy_weight(sum(weights[layer] for layer in layers)),
            "count": len(shared),
            "layers": layers, "types": sorted(types, key=str),
            "groups": sorted({key[1] for key, _ in shared}), "facts": sorted(facts),
            "sources": sorted(docs, key=str),
            "first": min(dates) if dates else None, "last": max(dates) if dates else None,
            "directed_from": directions.pop() if len(directions) == 1 else None,
        }
        for layer in layers:
            data[f"weight_{layer}"] = tidy_weight(weights[layer])
        yield u, v, data


def incidence_graph(rows, places=None, fold="none"):
    """The two-mode graph of places and the groups that join them.

    Group nodes have ``bipartite=0`` and place nodes ``bipartite=1``; each
    group-place edge keeps the facts, roles, dates, types and documents of the
    rows behind it.

    >>> rows = [{"layer": "agreement", "group": "agreement:x", "fact": "agreement:x",
    ...          "place": p, "role": "party", "date": "2016-06-08", "type": "agt:mou",
    ...          "doc": "doc:002", "actor": p} for p in ("place:seoul", "place:colombo")]
    >>> B = incidence_graph(rows)
    >>> sorted(B.nodes(data="bipartite"))
    [('agreement:x', 0), ('place:colombo', 1), ('place:seoul', 1)]
    """
    B = nx.Graph()
    for (layer, group), members in _memberships(rows, places, fold).items():
        B.add_node(group, bipartite=0, layer=layer)
        for node, record in members.items():
            B.add_node(node, bipartite=1)
            B.add_edge(group, node, **record)
    return B


def project_layer(rows, layer, places=None, fold="none", max_group=MAX_GROUP):
    """The place network of one layer, from its incidence rows.

    A group of ``n`` places adds ``1/(n-1)`` to each pair's ``weight`` (Newman's
    weighting) and 1 to its ``count``; groups of more than ``max_group`` places
    stay two-mode (see the module's description). Each edge also keeps
    ``layer``, ``types``, ``first`` and ``last`` date, ``sources``, ``facts``,
    ``groups`` and, for ties that point one way, ``directed_from``.

    >>> rows = [{"layer": "network", "group": "cgorg:net", "fact": f"fact:{p}",
    ...          "place": f"place:{p}", "role": None, "date": None, "type": None,
    ...          "doc": None, "actor": p} for p in "abcd"]
    >>> G = project_layer(rows, "membership")
    >>> round(G.edges["place:a", "place:b"]["weight"], 4), G.nodes["place:a"]["two_mode_degree"]
    (0.3333, 1)
    >>> project_layer(rows, "membership", max_group=3).number_of_edges()
    0
    """
    rows = [dict(row, layer=layer) for row in rows]
    G, large = _project_groups(_memberships(rows, places, fold), max_group)
    G.graph.update(layers=[layer], fold=fold, max_group=max_group,
                   large_groups=[list(item) for item in large])
    for _, _, data in G.edges(data=True):
        data["layer"] = layer
    return G


def combine(graphs):
    """One weighted network from several layers: weights add up, lists merge.

    An edge keeps ``layers`` (those it appears in), ``weight_<layer>`` for each,
    and ``directed_from`` only when every layer that has it agrees.

    >>> a, b = nx.Graph(layers=["agreement"]), nx.Graph(layers=["tie"])
    >>> a.add_edge("x", "y", weight=1, layers=["agreement"], types=["agt:mou"], facts=["f1"],
    ...            groups=["f1"], sources=["doc:002"], first="2016-06-08", last="2016-06-08",
    ...            directed_from=None, weight_agreement=1)
    >>> b.add_edge("x", "y", weight=2, layers=["tie"], types=["tiet:cooperation"],
    ...            facts=["f2", "f3"], groups=["f2", "f3"], sources=["doc:002"], first=None,
    ...            last=None, directed_from="x", weight_tie=2)
    >>> G = combine([a, b])
    >>> G.edges["x", "y"]["weight"], G.edges["x", "y"]["layers"], G.edges["x", "y"]["directed_from"]
    (3, ['agreement', 'tie'], None)
    """
    G = nx.Graph()
    layers = []
    for H in graphs:
        layers.extend(H.graph.get("layers", []))
        G.graph.update({k: v for k, v in H.graph.items() if k != "layers"})
        G.add_nodes_from(H.nodes(data=True))
        for u, v, data in H.edges(data=True):
            if not G.has_edge(u, v):
                G.add_edge(u, v, **{k: (list(x) if isinstance(x, list) else x)
                                    for k, x in data.items()})
                G.edges[u, v].pop("layer", None)
                continue
            edge = G.edges[u, v]
            edge["weight"] += data["weight"]
            for key in ("layers", "types", "facts", "groups", "sources"):
                edge[key] = sorted(set(edge[key]) | set(data[key]))
            dates = [d for d in (edge["first"], edge["last"], data["first"], data["last"]) if d]
            edge["first"], edge["last"] = (min(dates), max(dates)) if dates else (None, None)
            edge["directed_from"] = (edge["directed_from"]
                                     if edge["directed_from"] == data["directed_from"] else None)
            for key, value in data.items():
                if key.startswith("weight_"):
                    edge[key] = edge.get(key, 0) + value
    G.graph["layers"] = list(dict.fromkeys(layers))
    return G


def _node_attributes(G, places):
    for node in G.nodes:
        attrs = places.get(node, {})
        label = attrs.get("label") or node.split(":", 1)[-1]
        G.nodes[node].update({key: attrs.get(key) for key in NODE_ATTRIBUTES})
        G.nodes[node]["label"] = label
        G.nodes[node].pop("bipartite", None)
        if G.nodes[node]["iri"] is None:
            G.nodes[node]["iri"] = node


def project(target, layers=LAYERS, since=None, until=None, fold="none", max_group=MAX_GROUP,
            keep_rows=False):
    """The network of places over the chosen layers, combined into one weighted graph.

    ``target`` is a :func:`citygraph.querying.sparql.connect` target (embedded store or
    remote endpoint); ``layers`` a sequence of :data:`LAYERS`; ``since`` and
    ``until`` ISO dates bounding the facts used; ``fold`` one of :data:`FOLDS`.
    Nodes carry ``label``, ``kind``, ``country``, ``country_code``,
    ``geonames``, ``lat``, ``lon``, ``iri``, ``two_mode_degree`` (how many
    groups the place is in) and ``large_groups`` (how many of them have more
    than ``max_group`` places and stay two-mode). Edges are weighted by
    Newman's 1/(n-1) (see the module's description). The graph's ``layers``,
    ``since``, ``until``, ``fold``, ``weighting``, ``max_group`` and
    ``large_groups`` (``[group, layer, size]``, largest first) say how it was made.
    With ``keep_rows``, returns ``(G, rows)``: the network and the incidence rows it was
    projected from (what :func:`citygraph.networks.spells.spells_of` reads).

    >>> from citygraph.querying.sparql import connect
    >>> import pyoxigraph as ox
    >>> G = project(connect(ox.Store()), layers=("agreement",))
    >>> G.number_of_nodes(), G.graph["layers"]
    (0, ['agreement'])
    """
    since, until = parse_date(since, "--since"), parse_date(until, "--until")
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    if fold not in FOLDS:
        raise UsageError(f"--fold: unknown fold {fold!r}; choose from {', '.join(FOLDS)}")
    layers = parse_layers(",".join(layers)) if not isinstance(layers, str) else parse_layers(layers)
    with paused_gc():
        G, rows = _project(target, layers, since, until, fold, max_group, keep_rows)
    return (G, rows) if keep_rows else G


def _project(target, layers, since, until, fold, max_group, keep_rows=False):
    target = reading_ahead(target, layers)
    places = place_attributes(target)
    rows = []
    for layer in progress.bar(layers, desc="reading layers", unit="layer"):
        rows.extend(incidence(target, layer, since, until))
    G, large = _project_groups(_memberships(rows, places, fold), max_group)
    if not keep_rows:
        rows = None
    G.graph.update(layers=list(layers), since=since, until=until, fold=fold,
                   weighting="newman", max_group=max_group,
                   large_groups=[list(item) for item in large])
    _node_attributes(G, places)
    return G, rows



def two_mode(target, layers=LAYERS, since=None, until=None, fold="none"):
    """The two-mode network of places and the groups (agreements, networks, events...) joining them.

    Group nodes have ``bipartite=0``, ``kind`` (the layer: agreement, tie,
    network, event, project) and ``label`` (their prefixed IRI); place nodes
    have ``bipartite=1`` and the place attributes of :func:`project`. Each edge
    keeps the facts, roles, dates, types and documents behind it.

    >>> from citygraph.querying.sparql import connect
    >>> import pyoxigraph as ox
    >>> two_mode(connect(ox.Store())).number_of_nodes()
    0
    """
    since, until = parse_date(since, "--since"), parse_date(until, "--until")
    layers = parse_layers(",".join(layers)) if not isinstance(layers, str) else parse_layers(layers)
    target = reading_ahead(target, layers)
    places = place_attributes(target)
    rows = [row for layer in layers for row in incidence(target, layer, since, until)]
    B = incidence_graph(rows, places, fold)
    G = nx.Graph(layers=list(layers), since=since, until=until, fold=fold, two_mode=True)
    kinds = {"membership": "network"}
    for node, data in sorted(B.nodes(data=True)):
        if data["bipartite"] == 0:
            G.add_node(node, bipartite=0, kind=kinds.get(data["layer"], data["layer"]),
                       label=node, iri=node)
        else:
            G.add_node(node, bipartite=1)
    _node_attributes_places(G, places)
    for u, v, data in sorted(B.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        dates = sorted(data["dates"])
        G.add_edge(u, v, weight=len(data["facts"]), facts=sorted(data["facts"]),
                   roles=sorted(map(str, data["roles"])), types=sorted(data["types"]),
                   sources=sorted(data["docs"]), first=dates[0] if dates else None,
                   last=dates[-1] if dates else None)
    return G


def _node_attributes_places(G, places):
    for node, data in G.nodes(data=True):
        if data.get("bipartite") != 1:
            continue
        attrs = places.get(node, {})
        data.update({key: attrs.get(key) for key in NODE_ATTRIBUTES})
        data["label"] = attrs.get("label") or node.split(":", 1)[-1]
        data["iri"] = data["iri"] or node
