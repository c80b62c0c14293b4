"""The GEXF 1.3 writer of citygraph's exports, and the check against the GEXF RELAX NG schema.

NetworkX's ``write_gexf`` output does not validate against GEXF 1.3 (an XML
Schema instance attribute the schema does not allow, a ``name`` on ``graph``,
None and list values), so the document is built here with lxml: typed
attributes, ``viz:position`` from longitude and latitude, ``viz:color`` by
community or country, and edge start dates for Gephi's timeline.
"""

import math
import operator
from datetime import date
from pathlib import Path

import networkx as nx  # noqa: F401  (the examples below use it)
from lxml import etree

from citygraph import __version__, progress
from citygraph.networks.export_io import (
    _NATIVE_EDGE,
    _parse,
    attribute_types,
    text_column,
    write_chunks,
    xml_text,
)

__all__ = ["GEXF_NS", "VIZ_NS", "gexf_tree", "write_gexf", "gexf_errors"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"

_NSMAP = {None: GEXF_NS, "viz": VIZ_NS}

# 20 colours (matplotlib's tab20) for communities or countries; more wrap around
_PALETTE = [
    (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
    (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
    (174, 199, 232), (255, 187, 120), (152, 223, 138), (255, 152, 150), (197, 176, 213),
    (196, 156, 148), (247, 182, 210), (199, 199, 199), (219, 219, 141), (158, 218, 229),
]

def _full_date(text):
    """An ISO date of 4, 7 or 10 characters padded to a full xsd:date (its first day)."""
    if not text:
        return None
    text = str(text)[:10]
    return text + "-01-01"[len(text) - 4:] if len(text) < 10 else text


def _colors(G, color_by):
    key = color_by if color_by in ("community", "country") else None
    if key is None:
        return {}
    values = {node: G.nodes[node].get(key) for node in G}
    if key == "community" and all(v is None for v in values.values()):
        return _colors(G, "country")
    ordered = sorted({v for v in values.values() if v is not None}, key=str)
    index = {value: i for i, value in enumerate(ordered)}
    return {node: _PALETTE[index[v] % len(_PALETTE)] for node, v in values.items()
            if v is not None}


def _description(G):
    """What the GEXF's description says: layers, dates, fold, weighting, two-mode groups, and
    how many places have no coordinates."""
    layers = G.graph.get("layers") or []
    description = "City network of citygraph; layers: " + (", ".join(layers) or "none")
    for key in ("since", "until", "fold"):
        if G.graph.get(key):
            description += f"; {key}: {G.graph[key]}"
    if G.graph.get("weighting") == "newman":
        description += "; edge weight: a group of n places adds 1/(n-1) to each pair"
    if G.graph.get("large_groups"):
        description += (f"; {len(G.graph['large_groups'])} groups of more than "
                        f"{G.graph.get('max_group')} places kept two-mode (not cliques)")
    missing = sum(1 for _, d in G.nodes(data=True)
                  if d.get("bipartite") != 0 and (d.get("lat") is None or d.get("lon") is None))
    if missing:
        description += f"; places without coordinates (no viz:position): {missing}"
    return description


def _attributes(cls, types):
    """The ``attributes`` block of a class, and ``{key: (id, type)}`` for its values."""
    if not types:
        return f'    <attributes class="{cls}" mode="static"/>\n', {}
    lines = [f'    <attributes class="{cls}" mode="static">\n']
    fields = {}
    for i, (key, kind) in enumerate(types.items()):
        lines.append(f'      <attribute id="{i}" title="{xml_text(str(key))}" type="{kind}"/>\n')
        fields[key] = (str(i), kind)
    lines.append("    </attributes>\n")
    return "".join(lines), fields


def _attvalues(items, fields):
    """The ``attvalues`` block of each of a batch of attribute dicts ("" for one without values),
    each block's values in the order of its dict; keys without a field (the label, the
    native weight, NaN-only columns) are left out.

    Each attribute's lines are made for the whole batch at once
    (:func:`citygraph.networks.export_io.text_column`), not one value at a time.

    >>> _attvalues([{"n": 2, "label": "A"}, {"n": None}], {"n": ("0", "integer")})
    ['        <attvalues>\\n          <attvalue for="0" value="2"/>\\n        </attvalues>\\n', '']
    """
    # dicts with the same keys in the same order (most of them) are done together: their
    # values read by one itemgetter call each, each column's lines made at once
    together = {}
    for i, keys in enumerate(map(tuple, items)):
        together.setdefault(keys, []).append(i)
    blocks = [""] * len(items)
    for keys, indices in together.items():
        keys = [key for key in keys if key in fields]
        if not keys:
            continue
        get = operator.itemgetter(*keys) if len(keys) > 1 else lambda d, k=keys[0]: (d[k],)
        rows = [get(items[i]) for i in indices]
        columns = []
        for key, values in zip(keys, zip(*rows, strict=True), strict=True):
            ident, kind = fields[key]
            head = f'          <attvalue for="{ident}" value="'
            columns.append(["" if text is None else f'{head}{text}"/>\n'
                            for text in text_column(values, kind)])
        for i, lines in zip(indices, map("".join, zip(*columns, strict=True)), strict=True):
            if lines:
                blocks[i] = f"        <attvalues>\n{lines}        </attvalues>\n"
    return blocks


def _spells(spells):
    """The ``spells`` block of a node or edge from ``(start, end)`` ISO days (``end`` None:
    open), "" without spells; see :func:`citygraph.networks.spells.spells_of`."""
    if spells is None:
        return ""
    lines = ["        <spells>\n"]
    for start, end in spells:
        until = f' end="{end}"' if end is not None else ""
        lines.append(f'          <spell start="{start}"{until}/>\n')
    lines.append("        </spells>\n")
    return "".join(lines)


def _start(G, node):
    """A node's start: its earliest edge's first date, none if one of its edges has none."""
    start = None
    for data in G.adj[node].values():
        first = _full_date(data.get("first"))
        if first is None:
            return None  # most often after a few edges: the place rests on an undated fact
        if start is None or first < start:
            start = first
    return start


def _edge_list(G):
    """``(u, v, data)`` of every edge of ``G``, in the order of ``G.edges(data=True)``, read
    from the adjacency a node at a time rather than through an edge view an edge at a time.

    >>> G = nx.Graph([("a", "b", {"w": 1}), ("b", "c"), ("c", "c")])
    >>> _edge_list(G) == list(G.edges(data=True))
    True
    """
    seen = set()
    edges = []
    for u, neighbours in G.adj.items():
        edges.extend([(u, v, data) for v, data in neighbours.items() if v not in seen])
        seen.add(u)
    return edges


#: how many nodes or edges are made into text at a time
BATCH = 5000


def _chunks(G, color_by="community", scale=10.0):
    """The GEXF document as text, a few thousand nodes or edges at a time.

    The values are written straight from the network's attribute dicts: their
    types come from one pass over each attribute column
    (:func:`citygraph.networks.export_io.attribute_types`), and each column of
    a batch becomes text at once (:func:`_attvalues`); no element tree is built.
    """
    # no xsi:schemaLocation: the GEXF 1.3 RELAX NG schema allows no attribute but version
    yield "<?xml version='1.0' encoding='UTF-8'?>\n"
    yield f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.3">\n'
    yield f'  <meta lastmodifieddate="{date.today().isoformat()}">\n'
    yield f"    <creator>citygraph {xml_text(__version__)}</creator>\n"
    yield f"    <description>{xml_text(_description(G))}</description>\n"
    yield "  </meta>\n"
    yield '  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date">\n'
    nodes = list(G.nodes.items())
    edges = _edge_list(G)
    node_types = attribute_types([d for _, d in nodes])
    node_types.pop("label", None)
    node_types.pop("spells", None)
    edge_types = attribute_types([d for _, _, d in edges])
    for key in (*_NATIVE_EDGE, "spells"):
        edge_types.pop(key, None)
    block, node_fields = _attributes("node", node_types)
    yield block
    block, edge_fields = _attributes("edge", edge_types)
    yield block
    colors = _colors(G, color_by)
    names = {node: xml_text(str(node)) for node, _ in nodes}

    def node_text(batch):
        out = []
        for (node, data), values in zip(batch, _attvalues([d for _, d in batch], node_fields),
                                        strict=True):
            name = names[node]
            head = f'      <node id="{name}" label="{xml_text(str(data.get("label") or node))}"'
            spells = data.get("spells")
            if spells is None:
                start = _start(G, node)
                if start:
                    head += f' start="{start}"'
            parts = [head, ">\n", _spells(spells), values]
            if node in colors:
                r, g, b = colors[node]
                parts.append(f'        <viz:color r="{r}" g="{g}" b="{b}"/>\n')
            lat, lon = data.get("lat"), data.get("lon")
            if lat is not None and lon is not None:
                parts.append(f'        <viz:position x="{float(lon) * scale!r}" '
                             f'y="{float(lat) * scale!r}" z="0.0"/>\n')
            size = 4.0 + 2.0 * math.sqrt(G.degree(node))
            parts.append(f'        <viz:size value="{size!r}"/>\n      </node>\n')
            out.append("".join(parts))
        return "".join(out)

    def edge_text(batch, first):
        out = []
        for i, ((u, v, data), values) in enumerate(
                zip(batch, _attvalues([d for _, _, d in batch], edge_fields), strict=True),
                first):
            source, target, kind = u, v, ""
            directed = data.get("directed_from")
            if directed is not None and directed in (u, v):
                source, kind = directed, ' type="directed"'
                target = v if source == u else u
            head = (f'      <edge id="{i}"{kind} source="{names[source]}" '
                    f'target="{names[target]}" weight="{float(data.get("weight", 1))!r}"')
            spells = data.get("spells")
            if spells is None:
                start = _full_date(data.get("first"))
                if start:
                    head += f' start="{start}"'
            else:
                values = _spells(spells) + values
            out.append(f"{head}>\n{values}      </edge>\n" if values else f"{head}/>\n")
        return "".join(out)

    for name, elements, text in (("nodes", nodes, lambda batch, _: node_text(batch)),
                                 ("edges", edges, edge_text)):
        yield f'    <{name} count="{len(elements)}">\n'
        bar = progress.bar(total=len(elements), desc=f"GEXF {name}", unit=name[:-1])
        try:
            for first in range(0, len(elements), BATCH):
                batch = elements[first:first + BATCH]
                yield text(batch, first)
                bar.update(len(batch))
        finally:
            bar.close()
        yield f"    </{name}>\n"
    yield "  </graph>\n</gexf>\n"


def gexf_tree(G, color_by="community", scale=10.0):
    """The GEXF 1.3 document of a place network, as an lxml element tree.

    Node attributes become typed GEXF attributes; ``lon``/``lat`` become
    ``viz:position`` (times ``scale``, y up as in a map); ``viz:color`` comes
    from the community (or, without one, the country). Edges carry ``weight``,
    their other attributes, ``start`` from their first date and, for ties that
    point one way (``directed_from``), ``type="directed"``. Nodes start with
    their first dated edge, so Gephi's timeline plays the network's growth;
    places and edges with ``spells`` (:func:`citygraph.networks.spells.add_spells`)
    get GEXF spells instead, so memberships that ended leave the timeline.
    The description says how edges are weighted, which groups stayed two-mode
    and how many places have no coordinates.

    >>> G = nx.Graph(); G.add_edge("place:a", "place:b", weight=2, first="2014-09-06")
    >>> root = gexf_tree(G).getroot()
    >>> root.get("version"), root.find("{http://gexf.net/1.3}graph").get("mode")
    ('1.3', 'dynamic')
    """
    text = "".join(_chunks(G, color_by, scale))
    return etree.ElementTree(etree.fromstring(text.encode("utf-8")))


def write_gexf(G, dest, color_by="community", scale=10.0):
    """Write GEXF 1.3 (valid against the official RELAX NG schema) to a path or file object.

    The document is written as it is made, a few thousand nodes or edges at a
    time, so memory stays that of the network, not of its XML.

    >>> import io
    >>> buffer = io.BytesIO()
    >>> write_gexf(nx.Graph([("place:a", "place:b")]), buffer)
    >>> b'<gexf xmlns="http://gexf.net/1.3"' in buffer.getvalue()
    True
    """
    write_chunks(_chunks(G, color_by, scale), dest)


def gexf_errors(source, schema_dir):
    """Where a GEXF document breaks the GEXF 1.3 RELAX NG schema (empty when it is valid).

    ``source`` is a path or the document's bytes; ``schema_dir`` holds ``gexf.rng``
    (with ``viz.rng`` and ``dynamics.rng``), e.g. ``../shared/schemas/gexf/1.3``.
    """
    schema = etree.RelaxNG(etree.parse(str(Path(schema_dir) / "gexf.rng")))
    ok = schema.validate(_parse(source))
    return [] if ok else [f"line {e.line}: {e.message}" for e in schema.error_log]
