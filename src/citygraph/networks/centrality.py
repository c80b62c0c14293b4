"""Centrality and network-level measures of a place network, with igraph for the expensive ones.

Every function takes an undirected NetworkX graph and returns ``{node: value}``
(or a dict of figures). Shortest paths count hops: edge weights say how many
facts join two places, which is a strength, not a distance. Betweenness,
closeness, mean distance and diameter run in igraph (compiled) by default and
give NetworkX's values, normalized the same way; ``backend="networkx"`` runs
NetworkX itself, which the tests use to check that the two agree. On graphs of
more than :data:`LARGE` nodes, ``auto`` also takes eigenvector centrality and
Louvain communities from igraph (NetworkX's take tens of seconds there).

With ``sample=K`` the all-pairs measures become estimates from K source places
drawn at random with a fixed seed: betweenness as NetworkX's ``k``, closeness
as Eppstein and Wang's sampled average distance, mean distance from those
sources, and the diameter as a lower bound (the largest distance they see).
"""

import math
import random
import warnings
from contextlib import contextmanager

import networkx as nx

from citygraph.errors import UsageError

__all__ = [
    "BACKENDS",
    "LARGE",
    "MEASURES",
    "to_igraph",
    "degree",
    "weighted_degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "kcore",
    "communities",
    "bridges",
    "articulation_points",
    "network_figures",
    "node_measures",
    "shared_igraph",
]

#: where the expensive measures run: ``auto`` is igraph
BACKENDS = ("auto", "igraph", "networkx")

#: above this many nodes, ``auto`` runs eigenvector and Louvain in igraph too
LARGE = 5000

#: the per-node measures of :func:`node_measures`, in report order
MEASURES = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank",
            "core", "community", "articulation", "bridges")


def _backend(backend):
    if backend not in BACKENDS:
        raise UsageError(f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}")
    return "networkx" if backend == "networkx" else "igraph"


def _igraph_for_large(G, backend):
    """Whether a measure NetworkX does well on small graphs runs in igraph: when
    asked for igraph, or with ``auto`` on more than :data:`LARGE` nodes."""
    return _backend(backend) == "igraph" and (backend == "igraph" or len(G) > LARGE)


#: igraph copies of the graphs being analysed (see :func:`shared_igraph`), by id
_SHARED = {}


@contextmanager
def shared_igraph(G):
    """Within the block, every measure on ``G`` reuses one igraph copy of it.

    Converting a network of a million edges takes seconds and a few hundred MB;
    the report's measures would otherwise each make their own. ``G`` must not
    change inside the block.

    >>> G = nx.path_graph(3)
    >>> with shared_igraph(G):
    ...     to_igraph(G)[0] is to_igraph(G)[0]
    True
    """
    key = id(G)
    if key in _SHARED:
        yield
        return
    _SHARED[key] = _convert(G)
    try:
        yield
    finally:
        _SHARED.pop(key, None)


def _convert(G):
    import igraph as ig

    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()],
                 directed=False)
    g.es["weight"] = [float(w) for _, _, w in G.edges(data="weight", default=1)]
    return g, nodes


def to_igraph(G):
    """The graph as an undirected igraph graph, and the list of nodes by vertex index.

    >>> g, nodes = to_igraph(nx.path_graph(["a", "b", "c"]))
    >>> g.vcount(), g.ecount(), nodes
    (3, 2, ['a', 'b', 'c'])
    """
    shared = _SHARED.get(id(G))
    if shared is not None and shared[0].vcount() == len(G):
        return shared
    return _convert(G)


def degree(G):
    """Number of neighbours of each node.

    >>> degree(nx.star_graph(3))
    {0: 3, 1: 1, 2: 1, 3: 1}
    """
    return dict(G.degree())


def weighted_degree(G, weight="weight"):
    """Sum of the weights (facts) of each node's edges.

    Newman's shares (1/3 + 1/3 + 1/3) are rounded off their float noise, whole
    numbers given as int.

    >>> G = nx.Graph(); G.add_edge("a", "b", weight=3); G.add_edge("b", "c", weight=1)
    >>> weighted_degree(G)
    {'a': 3, 'b': 4, 'c': 1}
    """
    from citygraph.networks.projection import tidy_weight

    return {node: tidy_weight(value) for node, value in G.degree(weight=weight)}


def _sample_sources(G, sample, seed):
    """The sources NetworkX's ``betweenness_centrality(k=sample, seed=seed)`` draws."""
    return random.Random(seed).sample(list(G.nodes()), sample)


def betweenness(G, backend="auto", sample=None, seed=42):
    """Betweenness centrality, normalized as NetworkX does (by the number of node pairs).

    With ``sample=k`` it is approximate: shortest paths are counted from ``k``
    source nodes drawn at random (the same draw as NetworkX's ``k`` and
    ``seed``) and rescaled as NetworkX rescales them; igraph then counts from
    those same sources, so both backends give the same estimate.

    >>> G = nx.path_graph(["a", "b", "c"])
    >>> betweenness(G), betweenness(G, backend="networkx")
    ({'a': 0.0, 'b': 1.0, 'c': 0.0}, {'a': 0.0, 'b': 1.0, 'c': 0.0})
    """
    n = G.number_of_nodes()
    if sample is not None:
        if not 1 <= sample:
            raise UsageError(f"--sample must be a positive number of nodes, not {sample}")
        if sample >= n:
            sample = None
    if _backend(backend) == "networkx":
        return nx.betweenness_centrality(G, k=sample, seed=seed, normalized=True)
    if n < 3:
        return dict.fromkeys(G, 0.0)
    g, nodes = to_igraph(G)
    if sample is None:
        raw = g.betweenness(directed=False)
        scale = 2.0 / ((n - 1) * (n - 2))
        return {node: value * scale for node, value in zip(nodes, raw, strict=True)}
    sources = _sample_sources(G, sample, seed)
    index = {node: i for i, node in enumerate(nodes)}
    # igraph halves the (source, target) path counts of an undirected graph; NetworkX sums
    # them whole and rescales by 1/((k-1)(n-2)) on sources and 1/(k(n-2)) elsewhere.
    raw = g.betweenness(directed=False, sources=[index[s] for s in sources])
    chosen = set(sources)
    scale_source = 2.0 / ((sample - 1) * (n - 2)) if sample > 1 else math.nan
    scale_other = 2.0 / (sample * (n - 2))
    return {node: value * (scale_source if node in chosen else scale_other)
            for node, value in zip(nodes, raw, strict=True)}


def closeness(G, backend="auto", sample=None, seed=42):
    """Closeness centrality with NetworkX's correction for disconnected graphs (Wasserman-Faust).

    With ``sample=K`` (igraph only) the sum of distances of a node in a
    component of more than 1000 nodes is estimated from the K sampled sources
    that fall in that component (Eppstein-Wang); smaller components, or those
    fewer than 10 sources fall in, are computed exactly.

    >>> closeness(nx.path_graph(["a", "b", "c"]))
    {'a': 0.6666666666666666, 'b': 1.0, 'c': 0.6666666666666666}
    """
    if _backend(backend) == "networkx":
        return nx.closeness_centrality(G)
    n = G.number_of_nodes()
    if n < 2:
        return dict.fromkeys(G, 0.0)
    g, nodes = to_igraph(G)
    membership = g.connected_components().membership
    sizes = {}
    for comp in membership:
        sizes[comp] = sizes.get(comp, 0) + 1
    estimated = {}
    if sample is not None and sample < n:
        index = {node: i for i, node in enumerate(nodes)}
        by_comp = {}
        for source in _sample_sources(G, sample, seed):
            by_comp.setdefault(membership[index[source]], []).append(index[source])
        for comp, sources in by_comp.items():
            if sizes[comp] > 1000 and len(sources) >= 10:
                estimated[comp] = _sampled_distance_sums(g, membership, comp, sources,
                                                         sizes[comp])
    exact = [i for i, comp in enumerate(membership) if comp not in estimated]
    raw = dict(zip(exact, g.closeness(vertices=exact, normalized=True), strict=True))
    out = {}
    for i, (node, comp) in enumerate(zip(nodes, membership, strict=True)):
        reach = sizes[comp] - 1
        if reach == 0:
            out[node] = 0.0
        elif comp in estimated:
            out[node] = (reach / estimated[comp][i]) * reach / (n - 1)
        else:
            value = raw[i]
            out[node] = 0.0 if value is None or math.isnan(value) else value * reach / (n - 1)
    return out


def _sampled_distance_sums(g, membership, comp, sources, size):
    """Estimated sum of distances from each vertex of a component to the rest of it."""
    import numpy as np

    inside = np.flatnonzero(np.asarray(membership) == comp)
    distances = np.asarray(g.distances(source=sources, target=inside.tolist()), dtype=float)
    totals = distances.sum(axis=0) * (size - 1) / len(sources)
    return dict(zip(inside.tolist(), np.maximum(totals, 1e-12).tolist(), strict=True))


def pagerank(G, weight="weight"):
    """PageRank on the weighted graph (damping 0.85).

    >>> round(sum(pagerank(nx.cycle_graph(4)).values()), 6)
    1.0
    """
    if G.number_of_nodes() == 0:
        return {}
    if len(G) > LARGE:
        # PRPACK, the same stationary distribution NetworkX iterates towards
        g, nodes = to_igraph(G)
        values = g.pagerank(damping=0.85, weights="weight" if weight else None)
        return dict(zip(nodes, values, strict=True))
    return nx.pagerank(G, weight=weight)


def eigenvector(G, weight="weight", max_iter=1000, backend="auto"):
    """Eigenvector centrality on the weighted graph, and the method that gave it.

    Returns ``(values, "eigenvector")``, or ``(pagerank values, "pagerank")``
    where the power iteration does not converge within ``max_iter`` steps.
    Values have unit Euclidean norm, as NetworkX gives them; on graphs of more
    than :data:`LARGE` nodes ``auto`` takes them from igraph (ARPACK), scaled
    the same way.

    >>> values, method = eigenvector(nx.complete_graph(3))
    >>> method, round(values[0], 6)
    ('eigenvector', 0.57735)
    """
    if G.number_of_nodes() == 0:
        return {}, "eigenvector"
    if _igraph_for_large(G, backend):
        g, nodes = to_igraph(G)
        with warnings.catch_warnings():
            # igraph warns whenever values are near zero and blames connectivity;
            # on sparse networks the vector localizes on the densest cluster even
            # when connected (the report says so), so the warning only misleads
            warnings.filterwarnings("ignore", message="Some eigenvector centralities")
            values = g.eigenvector_centrality(weights="weight" if weight else None)
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        return {node: v / norm for node, v in zip(nodes, values, strict=True)}, "eigenvector"
    try:
        values = nx.eigenvector_centrality(G, weight=weight, max_iter=max_iter, tol=1e-8)
        return values, "eigenvector"
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        return pagerank(G, weight), "pagerank"


def kcore(G, backend="auto"):
    """The core number of each node (the largest k of a k-core it belongs to).

    On graphs of more than :data:`LARGE` nodes ``auto`` takes igraph's
    ``coreness`` (the same numbers, without copying the graph).

    >>> kcore(nx.complete_graph(4))
    {0: 3, 1: 3, 2: 3, 3: 3}
    >>> kcore(nx.complete_graph(4), backend="igraph")
    {0: 3, 1: 3, 2: 3, 3: 3}
    """
    if _igraph_for_large(G, backend):
        g, nodes = to_igraph(G)
        return dict(zip(nodes, g.coreness(), strict=True))
    H = nx.Graph(G.edges())
    H.add_nodes_from(G)
    H.remove_edges_from(nx.selfloop_edges(H))
    return nx.core_number(H)


def communities(G, seed=42, weight="weight", backend="auto"):
    """Louvain communities with a fixed seed.

    NetworkX's ``louvain_communities``; on graphs of more than :data:`LARGE`
    nodes ``auto`` runs igraph's ``community_multilevel`` (the same method,
    seeded through Python's ``random``, which igraph draws from). Returns
    ``{node: community number}``, communities numbered by decreasing size (0 is
    the largest), ties broken by their smallest node.

    >>> G = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
    >>> communities(G)
    {1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 1}
    """
    if G.number_of_nodes() == 0:
        return {}
    if _igraph_for_large(G, backend):
        g, nodes = to_igraph(G)
        state = random.getstate()
        random.seed(seed)
        try:
            membership = g.community_multilevel(weights="weight" if weight else None).membership
        finally:
            random.setstate(state)
        groups = {}
        for node, comp in zip(nodes, membership, strict=True):
            groups.setdefault(comp, set()).add(node)
        found = list(groups.values())
    else:
        found = nx.community.louvain_communities(G, weight=weight, seed=seed)
    found = sorted(found, key=lambda c: (-len(c), min(map(str, c))))
    return {node: i for i, members in enumerate(found) for node in sorted(members, key=str)}


def bridges(G, backend="auto"):
    """Edges whose removal disconnects their two ends, as sorted pairs.

    >>> bridges(nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]))
    [('c', 'd')]
    >>> bridges(nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]), backend="igraph")
    [('c', 'd')]
    """
    if _igraph_for_large(G, backend):
        g, nodes = to_igraph(G)
        found = ((nodes[g.es[i].source], nodes[g.es[i].target]) for i in g.bridges())
    else:
        found = nx.bridges(G)
    return sorted(tuple(sorted((u, v), key=str)) for u, v in found)


def articulation_points(G, backend="auto"):
    """Nodes whose removal splits their component.

    >>> articulation_points(nx.path_graph(["a", "b", "c"]))
    ['b']
    >>> articulation_points(nx.path_graph(["a", "b", "c"]), backend="igraph")
    ['b']
    """
    if _igraph_for_large(G, backend):
        g, nodes = to_igraph(G)
        return sorted((nodes[i] for i in g.articulation_points()), key=str)
    return sorted(nx.articulation_points(G), key=str)


def network_figures(G, backend="auto", sample=None, seed=42):
    """Network-level figures: size, density, components, clustering, assortativity, distances.

    Mean distance and diameter are those of the largest component, in hops;
    ``distances`` says whether they are exact or, with ``sample=K`` on a
    largest component of more than 1000 nodes, estimated from K sources (the
    diameter is then a lower bound).

    >>> f = network_figures(nx.path_graph(4))
    >>> f["nodes"], f["edges"], f["components"], f["diameter"], round(f["mean_distance"], 4)
    (4, 3, 1, 3, 1.6667)
    """
    n, m = G.number_of_nodes(), G.number_of_edges()
    figures = {"nodes": n, "edges": m, "density": nx.density(G) if n > 1 else 0.0}
    if n == 0:
        figures.update(components=0, largest_component=0, isolates=0, clustering=0.0,
                       transitivity=0.0, assortativity=None, mean_distance=None, diameter=None,
                       distances="exact")
        return figures
    use_nx = _backend(backend) == "networkx"
    if use_nx:
        comps = sorted(nx.connected_components(G), key=len, reverse=True)
        largest = comps[0]
        figures.update(components=len(comps), largest_component=len(largest),
                       isolates=nx.number_of_isolates(G))
        figures["clustering"] = nx.average_clustering(G)
        figures["transitivity"] = nx.transitivity(G)
    else:
        g, nodes = to_igraph(G)
        parts = g.connected_components()
        sizes = parts.sizes()
        biggest = max(range(len(sizes)), key=lambda i: sizes[i])
        largest = [i for i, comp in enumerate(parts.membership) if comp == biggest]
        figures.update(components=len(sizes), largest_component=len(largest),
                       isolates=sum(1 for d in g.degree() if d == 0))
        figures["clustering"] = g.transitivity_avglocal_undirected(mode="zero")
        t = g.transitivity_undirected()
        figures["transitivity"] = 0.0 if math.isnan(t) else t
    with warnings.catch_warnings():
        # undefined (0/0) when every edge joins nodes of equal degree: reported as None
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            if not m:
                value = math.nan
            elif use_nx or len(G) <= LARGE:
                value = nx.degree_assortativity_coefficient(G)
            else:
                value = g.assortativity_degree(directed=False)
        except (ValueError, ZeroDivisionError):
            value = math.nan
    figures["assortativity"] = None if value is None or math.isnan(value) else value
    figures["distances"] = "exact"
    if len(largest) < 2:
        figures.update(mean_distance=0.0, diameter=0)
    elif use_nx:
        core = G.subgraph(largest)
        figures.update(mean_distance=nx.average_shortest_path_length(core),
                       diameter=nx.diameter(core))
    elif sample is not None and len(largest) > 1000 and sample < len(largest):
        core = g.induced_subgraph(largest)
        core_nodes = [nodes[i] for i in largest]
        index = {node: i for i, node in enumerate(core_nodes)}
        # drawn from the component's places in the graph's order, so a seed gives one draw
        sources = [index[s] for s in random.Random(seed).sample(core_nodes, sample)]
        rows = core.distances(source=sources)
        far = max(range(len(core_nodes)), key=lambda i: rows[0][i])
        sweep = core.distances(source=[far])[0]  # a double sweep tightens the lower bound
        figures.update(
            mean_distance=sum(map(sum, rows)) / (len(sources) * (len(core_nodes) - 1)),
            diameter=int(max(max(max(row) for row in rows), max(sweep))),
            distances=f"estimated from {len(sources)} sources; diameter is a lower bound",
        )
    else:
        core = g.induced_subgraph(largest)
        figures.update(mean_distance=core.average_path_length(directed=False),
                       diameter=core.diameter(directed=False))
    return figures


def node_measures(G, backend="auto", sample=None, seed=42):
    """Every per-node measure of :data:`MEASURES`, and the method used for eigenvector.

    Returns ``({node: {measure: value}}, method)``; ``articulation`` is a bool
    and ``bridges`` the number of bridges at the node.

    >>> rows, method = node_measures(nx.path_graph(["a", "b", "c"]))
    >>> rows["b"]["degree"], rows["b"]["betweenness"], rows["b"]["articulation"], method
    (2, 1.0, True, 'eigenvector')
    """
    from citygraph import progress

    steps = [
        ("degree", lambda: degree(G)),
        ("weighted_degree", lambda: weighted_degree(G)),
        ("betweenness", lambda: betweenness(G, backend=backend, sample=sample, seed=seed)),
        ("closeness", lambda: closeness(G, backend=backend, sample=sample, seed=seed)),
        ("eigenvector", lambda: eigenvector(G, backend=backend)),
        ("pagerank", lambda: pagerank(G)),
        ("core", lambda: kcore(G, backend=backend)),
        ("community", lambda: communities(G, seed=seed, backend=backend)),
    ]
    columns = {}
    with progress.step("measures", total=len(steps) + 2, unit="measure") as bar:
        for name, compute in steps:
            bar.set_postfix_str(name)
            columns[name] = compute()
            bar.update(1)
        columns["eigenvector"], method = columns["eigenvector"]
        bar.set_postfix_str("cut points and bridges")
        cut = set(articulation_points(G, backend=backend))
        bar.update(1)
        found = bridges(G, backend=backend)
        bar.update(1)
    bridge_count = dict.fromkeys(G, 0)
    for u, v in found:
        bridge_count[u] += 1
        bridge_count[v] += 1
    rows = {}
    for node in G:
        row = {name: values.get(node) for name, values in columns.items()}
        row["articulation"] = node in cut
        row["bridges"] = bridge_count[node]
        rows[node] = row
    return rows, method
