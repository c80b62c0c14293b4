"""The network view's data: the projected place network with its measures and its layout.

The layout (a force-directed drawing: igraph's Fruchterman-Reingold, on a grid
for large networks, from seeded starting points; the largest component in the
middle, the others around it) is computed once per network
and kept beside the measures, in the live store version's ``cache/`` folder,
keyed by the network's places and ties; a later server on the same store reads
it back.
"""

import hashlib
import json
import math

__all__ = ["compute", "layout", "LAYOUT_VERSION"]

#: changes when the drawing changes, so that kept layouts of an older kind are not read
LAYOUT_VERSION = "fr-4"

#: the width and height of the drawing's coordinates (centred on 0)
EXTENT = 1000.0


def _fr(graph, seed, big):
    """Fruchterman-Reingold coordinates of an igraph graph, from seeded starting points."""
    import random

    import igraph as ig
    import numpy as np

    side = max(graph.vcount(), 1) ** 0.5
    start = np.random.default_rng(seed).uniform(-side, side, size=(graph.vcount(), 2)).tolist()
    # igraph draws its random moves from Python's random module (or a generator set here)
    ig.set_random_number_generator(random.Random(seed))
    try:
        return graph.layout_fruchterman_reingold(seed=start, niter=300 if big else 500,
                                                 grid=big).coords
    finally:
        ig.set_random_number_generator(random)


def _fit(coords, radius):
    """Coordinates centred on 0 and scaled so that all (above 1,000 places: 95 in 100) lie
    within ``radius``; the farthest few (the ends of long chains) are drawn in towards its
    rim, at most 1.15 x."""
    if len(coords) == 1:
        return [(0.0, 0.0)]
    cx = sum(x for x, _ in coords) / len(coords)
    cy = sum(y for _, y in coords) / len(coords)
    distances = sorted(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 for x, y in coords)
    # in a large network a few long chains would otherwise shrink the rest to a dot;
    # a small one is drawn whole
    share = 0.95 if len(coords) > 1000 else 1.0
    far = distances[min(len(distances) - 1, int(share * len(distances)))] or distances[-1] or 1.0
    out = []
    for x, y in coords:
        dx, dy = (x - cx) * radius / far, (y - cy) * radius / far
        d = (dx * dx + dy * dy) ** 0.5
        if d > radius:
            squeeze = (radius + 0.15 * radius * (1 - math.exp(-(d - radius) / radius))) / d
            dx, dy = dx * squeeze, dy * squeeze
        out.append((dx, dy))
    return out


def layout(nodes, edges, seed=42):
    """{node id: (x, y)}: a force-directed drawing of the network within +-EXTENT/2.

    The largest connected component is drawn in the middle (igraph's
    Fruchterman-Reingold, on a grid above 1,000 places); the smaller ones, each
    drawn the same way at a size that grows with its places, around it on a spiral,
    largest first, so that they neither crowd the middle nor shrink it to a dot.
    Deterministic for a given network and seed.

    >>> pos = layout(["a", "b", "c", "d", "e"], [("a", "b"), ("b", "c"), ("d", "e")])
    >>> sorted(pos) == list("abcde") and pos == layout(list("abcde"),
    ...                                                [("a", "b"), ("b", "c"), ("d", "e")])
    True
    >>> all(abs(v) <= EXTENT / 2 for xy in pos.values() for v in xy)
    True
    >>> max(abs(v) for v in pos["a"] + pos["b"] + pos["c"]) < max(abs(v) for v in pos["d"])
    True
    """
    import igraph as ig

    nodes = list(nodes)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    graph = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges
                                          if a in index and b in index and a != b])
    parts = sorted(graph.connected_components(), key=lambda c: (-len(c), min(c)))
    total = len(nodes)
    out = {}
    giant = parts[0]
    middle = 0.36 * EXTENT if len(parts) > 1 else 0.5 * EXTENT
    sub = graph.subgraph(giant)
    for vertex, xy in zip(giant, _fit(_fr(sub, seed, len(giant) > 1000), middle), strict=True):
        out[nodes[vertex]] = xy
    rest = parts[1:]
    golden = math.pi * (3 - math.sqrt(5))
    for k, part in enumerate(rest):
        size = 0.04 * EXTENT * math.sqrt(len(part) / max(total, 1)) * 10 if len(part) > 1 else 0
        size = min(size, 0.05 * EXTENT)
        ring = 0.40 * EXTENT + 0.08 * EXTENT * (k + 1) / max(len(rest), 1)
        cx, cy = ring * math.cos(k * golden), ring * math.sin(k * golden)
        coords = _fit(_fr(graph.subgraph(part), seed, False), size) if len(part) > 1 \
            else [(0.0, 0.0)]
        for vertex, (x, y) in zip(part, coords, strict=True):
            out[nodes[vertex]] = (cx + x, cy + y)
    limit = EXTENT / 2
    return {n: (round(max(-limit, min(limit, x)), 2), round(max(-limit, min(limit, y)), 2))
            for n, (x, y) in out.items()}


def _key(nodes, edges):
    digest = hashlib.sha256(LAYOUT_VERSION.encode())
    for node in sorted(nodes):
        digest.update(b"n" + str(node).encode() + b"\0")
    for a, b in sorted(tuple(sorted((str(a), str(b)))) for a, b in edges):
        digest.update(b"e" + a.encode() + b"\0" + b.encode() + b"\0")
    return digest.hexdigest()[:24]


def kept_layout(target, nodes, edges):
    """The layout of this network, read from the store version's cache or computed and kept
    there; returns ({node: (x, y)}, "reused" or "computed")."""
    from citygraph.fileio import write_atomic
    from citygraph.graph.store import live_folder

    path = getattr(target, "path", None)
    folder = None if path is None or getattr(target, "is_remote", False) else live_folder(path)
    file = folder / "cache" / f"layout-{_key(nodes, edges)}.json" if folder else None
    if file is not None and file.is_file():
        try:
            kept = json.loads(file.read_text(encoding="utf-8"))
            return {n: tuple(xy) for n, xy in kept.items()}, "reused"
        except (OSError, ValueError, TypeError):
            pass
    positions = layout(nodes, edges)
    if file is not None:
        try:
            write_atomic(json.dumps(positions, separators=(",", ":")), file, mkdir=True)
        except Exception:  # noqa: BLE001 - a read-only store still serves, without keeping it
            pass
    return positions, "computed"


def compute(target, layers="all", since=None, until=None, fold="none", sample=None):
    """The measured and laid-out network (in a query worker); node-link data and figures.

    Nodes keep their label, kind, country, coordinates, every measure
    ``citygraph report`` computes and their place in the drawing (x, y); edges their
    layers, weight, dates, facts and source documents. The network is
    :func:`citygraph.networks.analysis.analysed`'s, so a store state measured once (by
    ``citygraph report``, ``export`` or an earlier server) is read back, not projected
    and measured again; so is its layout.
    """
    import networkx as nx

    from citygraph.networks.analysis import analysed
    from citygraph.networks.export_io import json_value

    G, figures = analysed(target, layers=layers, since=since, until=until, fold=fold,
                          sample=sample)
    figures.pop("cache", None)
    positions, how = kept_layout(target, list(G.nodes), list(G.edges))
    for node, (x, y) in positions.items():
        G.nodes[node]["x"], G.nodes[node]["y"] = x, y
    figures["layout"] = how
    data = nx.node_link_data(G, edges="edges")
    # one JSON round trip turns dates, sets and numpy numbers into plain values
    data = json.loads(json.dumps(data, default=json_value))
    figures = json.loads(json.dumps(figures, default=json_value))
    return {"graph": data, "figures": figures}
