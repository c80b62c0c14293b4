"""The centrality report of a place network: a terminal table, CSV/JSON of every node, an HTML page.

:func:`analyze` computes every measure and puts it on the graph's nodes (so the
exports carry it too); :func:`top_table` is the terminal view;
:func:`write_report` writes ``nodes.csv``, ``nodes.json``, ``network.json`` and
``report.html`` into a folder.
"""

import json
from pathlib import Path

import networkx as nx

from citygraph import progress
from citygraph.errors import UsageError
from citygraph.fileio import csv_text, make_dirs
from citygraph.networks.centrality import LARGE, MEASURES, network_figures, shared_igraph, to_igraph
from citygraph.networks.centrality import bridges as _bridges
from citygraph.networks.centrality import node_measures as _node_measures
from citygraph.networks.export import flat_value, json_value, write_atomic
from citygraph.networks.projection import paused_gc
from citygraph.networks.report_html import SORT_KEYS, ranked, report_html

__all__ = [
    "NODE_FIELDS",
    "SORT_KEYS",
    "analyze",
    "ranked",
    "top_table",
    "nodes_csv",
    "write_report",
]

#: the columns of nodes.csv, in order
NODE_FIELDS = ("id", "label", "kind", "country", "country_code", "geonames", "lat", "lon",
               *MEASURES, "two_mode_degree", "large_groups")

#: with ``sample="auto"``, networks of more than :data:`citygraph.networks.centrality.LARGE` places
#: get betweenness, closeness and distances estimated from this many sampled sources
AUTO_SAMPLE = 1000


def resolve_sample(sample, nodes):
    """The number of sources to sample, or None for exact measures.

    ``"auto"`` (what ``report`` and ``export`` use unless told ``--sample K`` or
    ``--exact``) is exact up to :data:`LARGE` places and :data:`AUTO_SAMPLE`
    sources above: all-pairs shortest paths on a network of 12,000 places and
    190,000 edges take minutes, an estimate from 1,000 sources seconds.

    >>> resolve_sample("auto", 100), resolve_sample("auto", 20000), resolve_sample(50, 20000)
    (None, 1000, 50)
    """
    if sample == "auto":
        return AUTO_SAMPLE if nodes > LARGE else None
    return sample


def analyze(G, backend="auto", sample=None, seed=42):
    """Compute every node measure and the network figures; store the measures on the nodes.

    Returns the network figures, with how the measures were made
    (``eigenvector_method``, ``betweenness_method``, ``backend``), the
    ``bridges`` and ``articulation_points`` lists, the number of
    ``communities`` and their ``modularity``, the ``weighting``, the groups
    kept in two-mode form (``max_group``, ``two_mode_groups``,
    ``two_mode_places``, ``large_groups``) and how many places have no
    coordinates (``without_coordinates``).

    >>> G = nx.path_graph(["place:a", "place:b", "place:c"])
    >>> figures = analyze(G)
    >>> figures["nodes"], figures["articulation_points"], G.nodes["place:b"]["betweenness"]
    (3, ['place:b'], 1.0)
    """
    with shared_igraph(G):
        sample = resolve_sample(sample, G.number_of_nodes())
        rows, method = _node_measures(G, backend=backend, sample=sample, seed=seed)
        for node, row in rows.items():
            G.nodes[node].update(row)
        figures = network_figures(G, backend=backend, sample=sample, seed=seed)
        groups = {}
        for node, row in rows.items():
            groups.setdefault(row["community"], set()).add(node)
        if not G.number_of_edges():
            modularity = None
        elif backend != "networkx" and len(G) > LARGE:
            g, nodes = to_igraph(G)
            modularity = g.modularity([rows[node]["community"] for node in nodes],
                                      weights="weight")
        else:
            modularity = nx.community.modularity(G, list(groups.values()), weight="weight")
        bridge_list = _bridges(G, backend=backend)
    large = G.graph.get("large_groups") or []
    figures.update(
        layers=G.graph.get("layers"), since=G.graph.get("since"), until=G.graph.get("until"),
        fold=G.graph.get("fold"), eigenvector_method=method,
        weighting=("Newman: a group of n places adds 1/(n-1) to each pair"
                   if G.graph.get("weighting") == "newman" else "as given"),
        max_group=G.graph.get("max_group"),
        two_mode_groups=len(large),
        two_mode_places=sum(1 for _, k in G.nodes(data="large_groups") if k),
        large_groups=[list(item) for item in large],
        without_coordinates=sum(1 for _, d in G.nodes(data=True)
                                if d.get("lat") is None or d.get("lon") is None),
        betweenness_method=(f"sampled from {sample} sources (seed {seed}), approximate"
                            if sample and sample < G.number_of_nodes() else "exact"),
        closeness_method=(f"estimated from {sample} sources (seed {seed}) in components of "
                          "more than 1000 places" if sample and sample < G.number_of_nodes()
                          else "exact"),
        backend="networkx" if backend == "networkx" else "igraph",
        communities=len(groups), modularity=modularity,
        bridges=[list(edge) for edge in bridge_list],
        articulation_points=sorted((node for node, row in rows.items() if row["articulation"]),
                                   key=str),
    )
    return figures


def _fmt(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def top_table(G, top=10, by="degree"):
    """The top ``top`` places by a measure as an aligned text table.

    >>> G = nx.star_graph(["place:hub", "place:a", "place:b"])
    >>> _ = analyze(G)
    >>> top_table(G, top=1).splitlines()[1].split()
    ['1', 'hub', '2', '2', '1.000', '1.000', '0.707', '1', '0', 'yes']
    """
    header = ["rank", "place", "country", "degree", "weighted", "betweenness", "closeness",
              "eigenvector", "core", "community", "cut"]
    rows = []
    for rank, node in enumerate(ranked(G, by)[:top], start=1):
        d = G.nodes[node]
        label = d.get("label") or str(node).split(":", 1)[-1]
        rows.append([str(rank), label, d.get("country") or "", _fmt(d.get("degree")),
                     _fmt(d.get("weighted_degree")), _fmt(d.get("betweenness")),
                     _fmt(d.get("closeness")), _fmt(d.get("eigenvector")), _fmt(d.get("core")),
                     _fmt(d.get("community")), _fmt(d.get("articulation"))])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *rows]]
    return "\n".join(lines)


def _node_records(G):
    records = []
    for node in ranked(G, "degree"):
        d = G.nodes[node]
        record = {"id": node}
        record.update({key: flat_value(d.get(key)) for key in NODE_FIELDS if key != "id"})
        record["label"] = record["label"] or node
        records.append(record)
    return records


def nodes_csv(G):
    """Every node's attributes and measures as CSV text (columns :data:`NODE_FIELDS`).

    >>> G = nx.Graph([("place:a", "place:b")]); _ = analyze(G)
    >>> header, first = nodes_csv(G).splitlines()[:2]
    >>> header.split(",")[:3], first.split(",")[:2], first.split(",")[8:11]
    (['id', 'label', 'kind'], ['place:a', 'place:a'], ['1', '1', '0.0'])
    """
    # cells a spreadsheet would run as formulas get a ' in front (fileio.csv_cell)
    return csv_text(NODE_FIELDS, [
        {k: ("true" if v is True else "false" if v is False else
             repr(v) if isinstance(v, float) else v) for k, v in record.items()}
        for record in _node_records(G)])


def write_report(G, figures, out_dir, top=10, periods=None):
    """Write ``nodes.csv``, ``nodes.json``, ``network.json`` and ``report.html`` into ``out_dir``.

    With ``periods`` (:func:`citygraph.networks.periods.periods`), also ``periods.csv``
    (:func:`citygraph.networks.periods.periods_csv`) and the report's periods section.

    ``G`` must have been through :func:`analyze` (``figures`` is what it
    returned). Each file goes through a temporary file renamed into place.
    Returns the paths written.
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: not a directory")
    make_dirs(out)
    paths = {name: out / name for name in ("nodes.csv", "nodes.json", "network.json",
                                           "report.html")}
    # the report's records, like the network itself, stay alive until written (see paused_gc)
    with paused_gc(), progress.step("writing the report", total=4, unit="file") as bar:
        write_atomic(nodes_csv(G), paths["nodes.csv"])
        bar.update(1)
        # one node per line: readable, and written by json's C encoder (indent would bypass it)
        records = [json.dumps(r, ensure_ascii=False) for r in _node_records(G)]
        write_atomic("[\n" + ",\n".join(records) + "\n]\n", paths["nodes.json"])
        bar.update(1)
        # whether the measures were computed or reused is no property of the network
        kept = {key: value for key, value in figures.items() if key != "cache"}
        write_atomic(json.dumps(kept, ensure_ascii=False, indent=1, default=json_value)
                     + "\n", paths["network.json"])
        bar.update(1)
        write_atomic(report_html(G, figures, top=top, periods=periods), paths["report.html"])
        bar.update(1)
    if periods is not None:
        from citygraph.networks.periods import periods_csv

        paths["periods.csv"] = out / "periods.csv"
        write_atomic(periods_csv(periods), paths["periods.csv"])
    return list(paths.values())
