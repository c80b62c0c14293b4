"""The GEXF 1.3 writer of citygraph's exports, and the check against the GEXF RELAX NG schema.

NetworkX's ``write_gexf`` output does not validate against GEXF 1.3 (an XML
Schema instance attribute the schema does not allow, a ``name`` on ``graph``,
None and list values), so the document is built here with lxml: typed
attributes, ``viz:position`` from longitude and latitude, ``viz:color`` by
community or country, and edge start dates for Gephi's timeline.
"""

import io
import math
import os
from datetime import date
from pathlib import Path

import networkx as nx  # noqa: F401  (the examples below use it)
from lxml import etree

from citygraph import __version__, progress
from citygraph.fileio import atomic_path
from citygraph.networks.export_io import _NATIVE_EDGE, _parse, flat_value

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

def _attribute_types(items):
    """The GEXF / GraphML type of each attribute key over a list of dicts."""
    seen = {}
    for attrs in items:
        for key, value in attrs.items():
            value = flat_value(value)
            if value is None:
                continue
            if isinstance(value, bool):
                kind = "boolean"
            elif isinstance(value, int):
                kind = "integer" if abs(value) < 2**31 else "long"
            elif isinstance(value, float):
                kind = "double"
            else:
                kind = "string"
            previous = seen.get(key)
            if previous is None or previous == kind:
                seen[key] = kind
            elif {previous, kind} <= {"integer", "long", "double"}:
                seen[key] = "double" if "double" in (previous, kind) else "long"
            else:
                seen[key] = "string"
    return seen


def _text(value, kind):
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return str(value)


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


def _gexf_parts(G, color_by="community", scale=10.0):
    """The GEXF document in pieces: the root, the graph element, its head, then nodes and edges.

    Returns ``(root, graph, head, nodes, edges)``: ``head`` is the list of the
    graph's ``attributes`` blocks, ``nodes`` and ``edges`` generators of one
    element at a time, so a writer can stream them (a network of 200,000 edges
    as one lxml tree takes gigabytes).
    """
    # no xsi:schemaLocation: the GEXF 1.3 RELAX NG schema allows no attribute but version
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap=_NSMAP)
    root.set("version", "1.3")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta", lastmodifieddate=date.today().isoformat())
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = f"citygraph {__version__}"
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
    etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = description
    graph = etree.Element(f"{{{GEXF_NS}}}graph", defaultedgetype="undirected",
                          mode="dynamic", timeformat="date", nsmap=_NSMAP)

    def node_attrs(data):
        return {k: v for k, v in data.items() if k not in ("label", "spells")}

    def edge_attrs(data):
        return {k: v for k, v in data.items() if k not in _NATIVE_EDGE and k != "spells"}

    node_types = _attribute_types(node_attrs(d) for _, d in G.nodes(data=True))
    edge_types = _attribute_types(edge_attrs(d) for _, _, d in G.edges(data=True))
    node_ids = {key: str(i) for i, key in enumerate(node_types)}
    edge_ids = {key: str(i) for i, key in enumerate(edge_types)}
    head = []
    for cls, types, ids in (("node", node_types, node_ids), ("edge", edge_types, edge_ids)):
        block = etree.Element(f"{{{GEXF_NS}}}attributes", {"class": cls, "mode": "static"},
                              nsmap=_NSMAP)
        for key, kind in types.items():
            etree.SubElement(block, f"{{{GEXF_NS}}}attribute", id=ids[key], title=key, type=kind)
        head.append(block)

    starts = {}
    for u, v, d in G.edges(data=True):
        for node in (u, v):
            first = _full_date(d.get("first"))
            current = starts.get(node, "")
            if current is None:
                continue
            starts[node] = None if first is None else min(first, current or first)
    colors = _colors(G, color_by)

    def nodes():
        for node, data in progress.bar(G.nodes(data=True), total=G.number_of_nodes(),
                                       desc="GEXF nodes", unit="node"):
            element = etree.Element(f"{{{GEXF_NS}}}node", id=str(node),
                                    label=str(data.get("label") or node), nsmap=_NSMAP)
            if data.get("spells") is not None:
                _spells(element, data["spells"])
            elif starts.get(node):
                element.set("start", starts[node])
            _attvalues(element, node_attrs(data), node_types, node_ids)
            if node in colors:
                r, g, b = colors[node]
                etree.SubElement(element, f"{{{VIZ_NS}}}color", r=str(r), g=str(g), b=str(b))
            lat, lon = data.get("lat"), data.get("lon")
            if lat is not None and lon is not None:
                etree.SubElement(element, f"{{{VIZ_NS}}}position", x=repr(float(lon) * scale),
                                 y=repr(float(lat) * scale), z="0.0")
            etree.SubElement(element, f"{{{VIZ_NS}}}size",
                             value=repr(4.0 + 2.0 * math.sqrt(G.degree(node))))
            yield element

    def edges():
        for i, (u, v, data) in enumerate(progress.bar(
                G.edges(data=True), total=G.number_of_edges(), desc="GEXF edges", unit="edge")):
            source, target = u, v
            element = etree.Element(f"{{{GEXF_NS}}}edge", id=str(i), nsmap=_NSMAP)
            if data.get("directed_from") in (u, v):
                source = data["directed_from"]
                target = v if source == u else u
                element.set("type", "directed")
            element.set("source", str(source))
            element.set("target", str(target))
            element.set("weight", repr(float(data.get("weight", 1))))
            start = _full_date(data.get("first"))
            if data.get("spells") is not None:
                _spells(element, data["spells"])
            elif start:
                element.set("start", start)
            _attvalues(element, edge_attrs(data), edge_types, edge_ids)
            yield element

    return root, graph, head, nodes(), edges()


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
    root, graph, head, nodes, edges = _gexf_parts(G, color_by, scale)
    root.append(graph)
    graph.extend(head)
    etree.SubElement(graph, f"{{{GEXF_NS}}}nodes", count=str(G.number_of_nodes())).extend(nodes)
    etree.SubElement(graph, f"{{{GEXF_NS}}}edges", count=str(G.number_of_edges())).extend(edges)
    return etree.ElementTree(root)


def _spells(element, spells):
    """GEXF spells of a node or edge from ``(start, end)`` ISO days (``end`` None: open);
    see :func:`citygraph.networks.spells.add_spells`."""
    block = etree.SubElement(element, f"{{{GEXF_NS}}}spells")
    for start, end in spells:
        spell = etree.SubElement(block, f"{{{GEXF_NS}}}spell", start=start)
        if end is not None:
            spell.set("end", end)


def _attvalues(element, attrs, types, ids):
    values = [(key, flat_value(value)) for key, value in attrs.items()]
    values = [(key, value) for key, value in values if value is not None]
    if not values:
        return
    block = etree.SubElement(element, f"{{{GEXF_NS}}}attvalues")
    for key, value in values:
        etree.SubElement(block, f"{{{GEXF_NS}}}attvalue", {"for": ids[key],
                                                           "value": _text(value, types[key])})


def write_gexf(G, dest, color_by="community", scale=10.0):
    """Write GEXF 1.3 (valid against the official RELAX NG schema) to a path or file object.

    The document is streamed one node and one edge at a time (lxml's
    incremental writer), so memory stays that of the network, not of its XML.

    >>> import io
    >>> buffer = io.BytesIO()
    >>> write_gexf(nx.Graph([("place:a", "place:b")]), buffer)
    >>> b'<gexf xmlns="http://gexf.net/1.3"' in buffer.getvalue()
    True
    """
    if isinstance(dest, str | os.PathLike):
        with atomic_path(dest) as tmp, open(tmp, "wb") as handle:
            _stream_gexf(G, handle, color_by, scale)
            handle.flush()
            os.fsync(handle.fileno())
        return
    if isinstance(dest, io.TextIOBase):
        buffer = io.BytesIO()
        _stream_gexf(G, buffer, color_by, scale)
        dest.write(buffer.getvalue().decode("utf-8"))
        return
    _stream_gexf(G, dest, color_by, scale)


_DECLARATIONS = f' xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}"'.encode()


def _piece(element, depth):
    """An element as pretty-printed bytes at ``depth``, without the namespace declarations
    the enclosing ``gexf`` element already makes."""
    text = etree.tostring(element, pretty_print=True).replace(_DECLARATIONS, b"", 1)
    pad = b"  " * depth
    return b"".join(pad + line if line.lstrip(b" ").startswith(b"<") else line
                    for line in text.splitlines(keepends=True))


def _open_tag(element):
    text = etree.tostring(element).replace(_DECLARATIONS, b"", 1)
    return text[:-2] + b">" if text.endswith(b"/>") else text[:text.index(b">") + 1]


def _stream_gexf(G, handle, color_by, scale):
    """Write the document as :func:`gexf_tree` would print it, one element at a time."""
    root, graph, head, nodes, edges = _gexf_parts(G, color_by, scale)
    handle.write(b"<?xml version='1.0' encoding='UTF-8'?>\n")
    handle.write(b"<gexf" + _DECLARATIONS + b' version="1.3">\n')
    for child in root:  # meta
        handle.write(_piece(child, 1))
    handle.write(b"  " + _open_tag(graph) + b"\n")
    for block in head:
        handle.write(_piece(block, 2))
    for name, count, elements in (("nodes", G.number_of_nodes(), nodes),
                                  ("edges", G.number_of_edges(), edges)):
        handle.write(f'    <{name} count="{count}">\n'.encode())
        for element in elements:
            handle.write(_piece(element, 3))
        handle.write(f"    </{name}>\n".encode())
    handle.write(b"  </graph>\n</gexf>\n")


def gexf_errors(source, schema_dir):
    """Where a GEXF document breaks the GEXF 1.3 RELAX NG schema (empty when it is valid).

    ``source`` is a path or the document's bytes; ``schema_dir`` holds ``gexf.rng``
    (with ``viz.rng`` and ``dynamics.rng``), e.g. ``../shared/schemas/gexf/1.3``.
    """
    schema = etree.RelaxNG(etree.parse(str(Path(schema_dir) / "gexf.rng")))
    ok = schema.validate(_parse(source))
    return [] if ok else [f"line {e.line}: {e.message}" for e in schema.error_log]
