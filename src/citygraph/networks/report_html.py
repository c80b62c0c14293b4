"""The self-contained HTML centrality report, with its plots drawn by matplotlib (Agg) as PNG.

Three plots, embedded as base64: the top places by degree and betweenness, the
network drawn with places at their coordinates (longitude, latitude), and the
degree distribution.
"""

import base64
import html
import io
import math
from collections import Counter

import networkx as nx  # noqa: F401  (the examples below use it)

__all__ = ["MAX_MAP_EDGES", "SORT_KEYS", "ranked", "plot_top", "plot_map", "plot_degrees",
           "report_html"]

#: the map draws at most this many edges (the heaviest), so large networks stay readable
MAX_MAP_EDGES = 3000

#: what the top-N table may be sorted by
SORT_KEYS = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank",
             "core")


def ranked(G, by="degree"):
    """Nodes sorted by a measure (highest first), ties broken by weighted degree, then label.

    >>> G = nx.star_graph(["place:hub", "place:a", "place:b"])
    >>> nx.set_node_attributes(G, dict(G.degree()), "degree")
    >>> ranked(G)[0]
    'place:hub'
    """
    if by not in SORT_KEYS:
        from citygraph.errors import UsageError

        raise UsageError(f"--sort: unknown measure {by!r}; choose from {', '.join(SORT_KEYS)}")

    def key(node):
        data = G.nodes[node]
        value = data.get(by)
        value = -math.inf if value is None else value
        return (-value, -(data.get("weighted_degree") or 0), str(data.get("label") or node))

    return sorted(G.nodes, key=key)


def _pyplot():
    """matplotlib's pyplot on the Agg backend, imported only when a plot is drawn."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(fig):
    plt = _pyplot()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def _label(G, node, width=None):
    label = G.nodes[node].get("label") or str(node).split(":", 1)[-1]
    return label if width is None or len(label) <= width else label[:width - 1] + "\u2026"


def plot_top(G, top=10):
    """PNG bytes: horizontal bars of the top places by degree, and by betweenness.

    >>> G = nx.star_graph(["place:hub", "place:a", "place:b"])
    >>> nx.set_node_attributes(G, {n: G.degree(n) for n in G}, "degree")
    >>> nx.set_node_attributes(G, nx.betweenness_centrality(G), "betweenness")
    >>> plot_top(G)[:4]
    b'\\x89PNG'
    """
    from matplotlib.ticker import MaxNLocator

    plt = _pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(12, 0.45 * min(top, max(len(G), 1)) + 1.6),
                             layout="constrained")
    for ax, key, title in ((axes[0], "degree", "Degree (partner places)"),
                           (axes[1], "betweenness", "Betweenness (normalized)")):
        nodes = sorted(G, key=lambda n: (-(G.nodes[n].get(key) or 0), _label(G, n)))[:top]
        values = [0 if G.nodes[n].get(key) is None else G.nodes[n][key] for n in nodes]
        ax.barh([_label(G, n, 24) for n in nodes][::-1], values[::-1], color="#1f77b4")
        if key == "degree":
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(title)
        ax.tick_params(axis="y", labelsize=9)
        for i, value in enumerate(values[::-1]):
            text = f"{value:.3f}" if isinstance(value, float) else str(value)
            ax.text(value, i, " " + text, va="center", fontsize=8)
        ax.margins(x=0.18)
    fig.suptitle(f"Top {min(top, len(G))} places")
    return _png(fig)


def plot_map(G, top=10):
    """PNG bytes: the network with places at (longitude, latitude), sized by degree.

    Places without coordinates are left off the map (the caption says how many).

    >>> G = nx.Graph([("place:a", "place:b")])
    >>> nx.set_node_attributes(G, {"place:a": 126.98, "place:b": 79.85}, "lon")
    >>> nx.set_node_attributes(G, {"place:a": 37.57, "place:b": 6.94}, "lat")
    >>> plot_map(G)[:4]
    b'\\x89PNG'
    """
    from matplotlib.collections import LineCollection

    plt = _pyplot()
    colors = plt.get_cmap("tab20").colors
    pos = {n: (d["lon"], d["lat"]) for n, d in G.nodes(data=True)
           if d.get("lon") is not None and d.get("lat") is not None}
    fig, ax = plt.subplots(figsize=(11, 6.5))
    edges = [(u, v, w) for u, v, w in G.edges(data="weight", default=1)
             if u in pos and v in pos]
    total = len(edges)
    if total > MAX_MAP_EDGES:
        # a readable map (and a quick one): the heaviest edges, between the best-linked places
        degree = dict(G.degree())
        edges = sorted(edges, key=lambda e: (-e[2], -(degree[e[0]] + degree[e[1]]),
                                             str(e[0]), str(e[1])))[:MAX_MAP_EDGES]
    top_weight = max((w for _, _, w in edges), default=1)
    if edges:
        ax.add_collection(LineCollection(
            [(pos[u], pos[v]) for u, v, _ in edges],
            linewidths=[0.6 + 2.4 * w / top_weight for _, _, w in edges],
            colors="#888888", alpha=0.55, zorder=1))
    nodes = sorted(pos, key=lambda n: G.nodes[n].get("degree") or 0)  # hubs drawn on top
    most = max((G.nodes[n].get("degree") or 0 for n in nodes), default=0) or 1
    small, large = (30, 450) if len(nodes) <= 300 else (2, 160)
    ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes],
               s=[small + (large - small) * ((G.nodes[n].get("degree") or 0) / most) ** 0.7
                  for n in nodes],
               c=[colors[(G.nodes[n].get("community") or 0) % len(colors)] for n in nodes],
               edgecolors="#333333", linewidths=0.5 if len(nodes) <= 300 else 0.2,
               alpha=1.0 if len(nodes) <= 300 else 0.7, zorder=2)
    leaders = sorted(pos, key=lambda n: (-(G.nodes[n].get("degree") or 0), _label(G, n)))[:top]
    for node in leaders:
        x, y = pos[node]
        ax.annotate(_label(G, node), (x, y), xytext=(4, 4), textcoords="offset points",
                    fontsize=8, zorder=3)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_aspect("equal", adjustable="datalim")
    ax.autoscale_view()
    ax.grid(True, linewidth=0.3)
    missing = G.number_of_nodes() - len(pos)
    note = f"; {missing} without coordinates not shown" if missing else ""
    if total > MAX_MAP_EDGES:
        note += f"; the {MAX_MAP_EDGES} heaviest of {total} edges"
    ax.set_title(f"Places at their coordinates, colour = community{note}")
    return _png(fig)


def plot_degrees(G):
    """PNG bytes: how many places have each degree.

    >>> plot_degrees(nx.path_graph(3))[:4]
    b'\\x89PNG'
    """
    from matplotlib.ticker import MaxNLocator

    plt = _pyplot()
    counts = Counter(dict(G.degree()).values())
    fig, ax = plt.subplots(figsize=(7, 3.8))
    if len(counts) > 1 and max(counts) > 50:
        # heavy-tailed: points on log-log axes, where bars would be unreadable
        ax.scatter(list(counts), list(counts.values()), s=12, color="#1f77b4")
        ax.set_xscale("log")
        ax.set_yscale("log")
    else:
        ax.bar(list(counts), list(counts.values()), color="#1f77b4", width=0.8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("degree (number of partner places)")
    ax.set_ylabel("places")
    ax.set_title("Degree distribution")
    return _png(fig)


def _img(data, alt):
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{encoded}">'


_EXPLAIN = """
<dl>
<dt>group</dt><dd>what joins places: an agreement, a tie, a city network (its members), an event
(the delegations that attended) or a project.</dd>
<dt>edge weight</dt><dd>Newman's weighting of collaboration networks (M. E. J. Newman, Scientific
collaboration networks II, Phys. Rev. E 64, 016132, 2001): a group of n places adds 1/(n-1) to
each of its pairs, so a bilateral agreement or tie weighs 1 and each pair of a network of 4
members 1/3. A place thus gets 1 from every group it shares with others, however large; without
it a network of 500 members would outweigh hundreds of bilateral agreements. <i>count</i> on an
edge is the plain number of groups the two places share.</dd>
<dt>two-mode groups</dt><dd>groups of more than <i>max group</i> places (100 unless
<code>--max-group</code> says otherwise) are not turned into cliques: a network of 8,000
members would be 32 million edges saying only that they share it, and would swamp every
measure. They stay in two-mode form (places and groups): the measures above leave them out, the
table of large groups lists them, each place's <i>two-mode degree</i> counts every group it is
in, and <code>citygraph export --two-mode</code> writes the places-and-groups network whole.
</dd>
<dt>degree</dt><dd>how many other places a place is joined to.</dd>
<dt>weighted</dt><dd>the sum of its edge weights: the number of groups it shares with other
places (see edge weight).</dd>
<dt>betweenness</dt><dd>the share of shortest paths between other places that pass through it
(brokers score high); paths count hops.</dd>
<dt>closeness</dt><dd>how few hops it needs to reach the places it can reach (corrected for
disconnected networks).</dd>
<dt>eigenvector</dt><dd>being joined to places that are themselves central. In a network of
several components it concentrates in the most tightly knit one; places elsewhere score near 0.
</dd>
<dt>core</dt><dd>the largest k such that it belongs to a group where every place has k partners
inside the group.</dd>
<dt>community</dt><dd>Louvain community (fixed seed).</dd>
<dt>two-mode degree</dt><dd>how many groups the place is in, of every size (large groups
included).</dd>
<dt>cut</dt><dd>an articulation point: removing it splits the network.</dd>
</dl>
"""


def _table(header, rows):
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _num(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def report_html(G, figures, top=10, periods=None):
    """The report as one HTML page with its plots embedded (no outside files).

    ``periods`` (a :class:`citygraph.networks.periods.Periods`) adds the section on how
    the network changed, with its growth curves.

    >>> from citygraph.networks.report import analyze
    >>> G = nx.path_graph(["place:a", "place:b", "place:c"]); figures = analyze(G)
    >>> page = report_html(G, figures)
    >>> page.startswith("<!DOCTYPE html>"), page.count("data:image/png;base64,")
    (True, 3)
    """
    layers = ", ".join(figures.get("layers") or []) or "none"
    window = " to ".join(x for x in (figures.get("since") or "", figures.get("until") or "") if x)
    made = [("layers", layers), ("date window", window or "all dates"),
            ("folded into", figures.get("fold") or "none"),
            ("betweenness", figures.get("betweenness_method")),
            ("closeness", figures.get("closeness_method")),
            ("distances", figures.get("distances")),
            ("eigenvector", figures.get("eigenvector_method")),
            ("backend", figures.get("backend")),
            ("edge weight", figures.get("weighting") or ""),
            ("max group (larger groups stay two-mode)", _num(figures.get("max_group"))),
            ("groups kept two-mode", _num(figures.get("two_mode_groups"))),
            ("places in them", _num(figures.get("two_mode_places"))),
            ("places without coordinates", _num(figures.get("without_coordinates")))]
    network = [(key, _num(figures.get(key))) for key in (
        "nodes", "edges", "density", "components", "largest_component", "isolates", "clustering",
        "transitivity", "assortativity", "mean_distance", "diameter", "communities",
        "modularity")]
    top_rows = []
    for rank, node in enumerate(ranked(G, "degree")[:top], start=1):
        d = G.nodes[node]
        top_rows.append([rank, _label(G, node), d.get("country") or "", _num(d.get("degree")),
                         _num(d.get("weighted_degree")), _num(d.get("betweenness")),
                         _num(d.get("closeness")), _num(d.get("eigenvector")),
                         _num(d.get("core")), _num(d.get("community")),
                         _num(d.get("two_mode_degree")),
                         _num(d.get("articulation"))])
    large = figures.get("large_groups") or []
    bridge_rows = [[_label(G, u), _label(G, v), _num(G.edges[u, v].get("weight", 1)),
                    "; ".join(G.edges[u, v].get("facts") or [])]
                   for u, v in figures.get("bridges", [])[:50]]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        "<title>citygraph network report</title>",
        "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
        "padding:3px 8px;font-size:14px;text-align:left}th{background:#f0f0f0}"
        "img{max-width:100%;display:block;margin:1em 0}dt{font-weight:bold}</style>",
        "</head><body>", "<h1>City network report</h1>",
        _table(["how it was made", ""], made),
        "<h2>The network</h2>", _table(["figure", "value"], network),
        "<p>Mean distance and diameter are those of the largest component, in hops.</p>",
        f"<h2>Top {min(top, len(G))} places by degree</h2>",
        _table(["rank", "place", "country", "degree", "weighted", "betweenness", "closeness",
                "eigenvector", "core", "community", "two-mode degree", "cut"], top_rows),
        _img(plot_top(G, top), "bar charts of the top places by degree and betweenness"),
        "<h2>Map</h2>", _img(plot_map(G, top), "the network at the places' coordinates"),
        "<h2>Degree distribution</h2>", _img(plot_degrees(G), "degree distribution"),
        "<h2>Groups kept in two-mode form</h2>",
        (f"<p>The {len(large)} groups of more than {figures.get('max_group')} places, largest "
         "first (at most 50 shown): not projected into cliques; see what the measures mean.</p>"
         + _table(["group", "layer", "places"], large[:50])) if large else
        "<p>None: every group was projected into a clique.</p>",
        "<h2>Bridges</h2>",
        "<p>Edges whose removal cuts the network, with the facts behind them.</p>",
        _table(["place", "place", "weight", "facts"], bridge_rows) if bridge_rows
        else "<p>None.</p>",
        "<h2>What the measures mean</h2>", _EXPLAIN,
        "</body></html>",
    ]
    if periods is not None:
        from citygraph.networks.periods_html import periods_section

        parts.insert(parts.index("<h2>What the measures mean</h2>"),
                     periods_section(periods, _img))
    return "\n".join(parts) + "\n"
