"""The network view's data: the projected place network with its measures and its layout.

The layout (a force-directed drawing: igraph's Fruchterman-Reingold, on a grid
for large networks, from seeded starting points) is computed once per network
and kept beside the measures, in the live store version's ``cache/`` folder,
keyed by the network's places and ties; a later server on the same store reads
it back.
"""

import hashlib
import json

__all__ = ["compute", "layout", "LAYOUT_VERSION"]

#: changes when the drawing changes, so that kept layouts of an older kind are not read
LAYOUT_VERSION = "fr-1"

#: the width and height of the drawing's coordinates (centred on 0)
EXTENT = 1000.0


def layout(nodes, edges, seed=42):
    """{node id: (x, y)}: a force-directed drawing of the network, scaled to +-EXTENT/2.

    Deterministic for a given network and seed.

    >>> pos = layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> sorted(pos) == ["a", "b", "c"] and pos == layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
    True
    >>> all(abs(v) <= EXTENT / 2 for xy in pos.values() for v in xy)
    True
    """
    import igraph as ig
    import numpy as np

    nodes = list(nodes)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    graph = ig.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges
                                          if a in index and b in index and a != b])
    side = max(len(nodes), 1) ** 0.5
    start = np.random.default_rng(seed).uniform(-side, side, size=(len(nodes), 2)).tolist()
    big = len(nodes) > 1000
    import random

    # igraph draws its random moves from Python's random module (or a generator set here)
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = graph.layout_fruchterman_reingold(seed=start, niter=300 if big else 500,
                                                   grid=big).coords
    finally:
        ig.set_random_number_generator(random)
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    scale = EXTENT / span
    return {n: (round((x - cx) * scale, 2), round((y - cy) * scale, 2))
            for n, (x, y) in zip(nodes, coords, strict=True)}


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
