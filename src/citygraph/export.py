"""Write a place network as GEXF 1.3, GraphML, CSV tables (Gephi's spreadsheet import) or JSON.

Every writer takes a path or a file object. Paths are written to a temporary
file in the same directory and renamed into place, so an interrupted export
never leaves a half-written file. Lists (sources, facts, layers) are written as
one string joined by ``|``; missing values (None) are left out.
"""

import csv
import io
import json
import math
import os
import tempfile
from datetime import date
from pathlib import Path

import networkx as nx
from lxml import etree

from citygraph import __version__
from citygraph.errors import InputError, UsageError

__all__ = [
    "FORMATS",
    "GEXF_NS",
    "VIZ_NS",
    "LIST_SEPARATOR",
    "flat_value",
    "json_value",
    "write_atomic",
    "write_gexf",
    "write_graphml",
    "write_csv",
    "write_json",
    "export",
    "gexf_errors",
    "graphml_errors",
]

FORMATS = ("gexf", "graphml", "csv", "json")
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
LIST_SEPARATOR = "|"

# 20 colours (matplotlib's tab20) for communities or countries; more wrap around
_PALETTE = [
    (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
    (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
    (174, 199, 232), (255, 187, 120), (152, 223, 138), (255, 152, 150), (197, 176, 213),
    (196, 156, 148), (247, 182, 210), (199, 199, 199), (219, 219, 141), (158, 218, 229),
]
# edge attributes written natively (GEXF source/target/weight) or used for direction only
_NATIVE_EDGE = {"weight", "layer"}


def flat_value(value):
    """A value as a file format can hold it: lists joined by ``|``, NaN and None as None.

    >>> flat_value(["doc:000", "doc:002"]), flat_value(float("nan")), flat_value(3)
    ('doc:000|doc:002', None, 3)
    """
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return LIST_SEPARATOR.join(str(v) for v in items)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, date):
        return value.isoformat()
    return value


def json_value(value):
    """What ``json.dumps`` writes for a value it does not know: sets as sorted lists, dates ISO.

    >>> json_value({"b", "a"}), json_value(date(2014, 9, 6))
    (['a', 'b'], '2014-09-06')
    """
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write a {type(value).__name__} value as JSON")


def write_atomic(data, dest):
    """Write ``data`` (bytes or str) to a path through a temporary file, or to a file object.

    >>> buffer = io.StringIO(); write_atomic("x,y\\n", buffer); buffer.getvalue()
    'x,y\\n'
    """
    if isinstance(dest, str | os.PathLike):
        path = Path(dest)
        if path.is_dir():
            raise UsageError(f"{path}: is a directory; give a file name")
        if not path.parent.is_dir():
            raise UsageError(f"{path}: the directory {path.parent} does not exist")
        raw = data.encode("utf-8") if isinstance(data, str) else data
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return
    if isinstance(dest, io.TextIOBase):
        dest.write(data.decode("utf-8") if isinstance(data, bytes) else data)
    else:
        dest.write(data.encode("utf-8") if isinstance(data, str) else data)


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


def gexf_tree(G, color_by="community", scale=10.0):
    """The GEXF 1.3 document of a place network, as an lxml element tree.

    Node attributes become typed GEXF attributes; ``lon``/``lat`` become
    ``viz:position`` (times ``scale``, y up as in a map); ``viz:color`` comes
    from the community (or, without one, the country). Edges carry ``weight``,
    their other attributes, ``start`` from their first date and, for ties that
    point one way (``directed_from``), ``type="directed"``. Nodes start with
    their first dated edge, so Gephi's timeline plays the network's growth.

    >>> G = nx.Graph(); G.add_edge("place:a", "place:b", weight=2, first="2014-09-06")
    >>> root = gexf_tree(G).getroot()
    >>> root.get("version"), root.find("{http://gexf.net/1.3}graph").get("mode")
    ('1.3', 'dynamic')
    """
    # no xsi:schemaLocation: the GEXF 1.3 RELAX NG schema allows no attribute but version
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS, "viz": VIZ_NS})
    root.set("version", "1.3")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta", lastmodifieddate=date.today().isoformat())
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = f"citygraph {__version__}"
    layers = G.graph.get("layers") or []
    description = "City network of citygraph; layers: " + (", ".join(layers) or "none")
    for key in ("since", "until", "fold"):
        if G.graph.get(key):
            description += f"; {key}: {G.graph[key]}"
    etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = description
    graph = etree.SubElement(root, f"{{{GEXF_NS}}}graph", defaultedgetype="undirected",
                             mode="dynamic", timeformat="date")

    node_attrs = {n: {k: v for k, v in d.items() if k not in ("label",)}
                  for n, d in G.nodes(data=True)}
    edge_attrs = [{k: v for k, v in d.items() if k not in _NATIVE_EDGE}
                  for _, _, d in G.edges(data=True)]
    node_types, edge_types = _attribute_types(node_attrs.values()), _attribute_types(edge_attrs)
    node_ids = {key: str(i) for i, key in enumerate(node_types)}
    edge_ids = {key: str(i) for i, key in enumerate(edge_types)}
    for cls, types, ids in (("node", node_types, node_ids), ("edge", edge_types, edge_ids)):
        block = etree.SubElement(graph, f"{{{GEXF_NS}}}attributes",
                                 {"class": cls, "mode": "static"})
        for key, kind in types.items():
            etree.SubElement(block, f"{{{GEXF_NS}}}attribute", id=ids[key], title=key, type=kind)

    starts = {}
    for u, v, d in G.edges(data=True):
        for node in (u, v):
            first = _full_date(d.get("first"))
            current = starts.get(node, "")
            if current is None:
                continue
            starts[node] = None if first is None else min(first, current or first)
    colors = _colors(G, color_by)
    nodes = etree.SubElement(graph, f"{{{GEXF_NS}}}nodes", count=str(G.number_of_nodes()))
    for node, data in G.nodes(data=True):
        element = etree.SubElement(nodes, f"{{{GEXF_NS}}}node", id=str(node),
                                   label=str(data.get("label") or node))
        if starts.get(node):
            element.set("start", starts[node])
        _attvalues(element, node_attrs[node], node_types, node_ids)
        if node in colors:
            r, g, b = colors[node]
            etree.SubElement(element, f"{{{VIZ_NS}}}color", r=str(r), g=str(g), b=str(b))
        lat, lon = data.get("lat"), data.get("lon")
        if lat is not None and lon is not None:
            etree.SubElement(element, f"{{{VIZ_NS}}}position", x=repr(float(lon) * scale),
                             y=repr(float(lat) * scale), z="0.0")
        etree.SubElement(element, f"{{{VIZ_NS}}}size",
                         value=repr(4.0 + 2.0 * math.sqrt(G.degree(node))))
    edges = etree.SubElement(graph, f"{{{GEXF_NS}}}edges", count=str(G.number_of_edges()))
    for i, ((u, v, data), attrs) in enumerate(zip(G.edges(data=True), edge_attrs, strict=True)):
        source, target = u, v
        element = etree.SubElement(edges, f"{{{GEXF_NS}}}edge", id=str(i))
        if data.get("directed_from") in (u, v):
            source = data["directed_from"]
            target = v if source == u else u
            element.set("type", "directed")
        element.set("source", str(source))
        element.set("target", str(target))
        element.set("weight", repr(float(data.get("weight", 1))))
        start = _full_date(data.get("first"))
        if start:
            element.set("start", start)
        _attvalues(element, attrs, edge_types, edge_ids)
    return etree.ElementTree(root)


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

    >>> buffer = io.BytesIO()
    >>> write_gexf(nx.Graph([("place:a", "place:b")]), buffer)
    >>> b'<gexf xmlns="http://gexf.net/1.3"' in buffer.getvalue()
    True
    """
    tree = gexf_tree(G, color_by=color_by, scale=scale)
    write_atomic(etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                pretty_print=True), dest)


def _flat_graph(G):
    """A copy whose attribute values are all strings, numbers or booleans (None left out)."""
    H = nx.Graph()
    H.graph.update({k: flat_value(v) for k, v in G.graph.items() if flat_value(v) is not None})
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: flat_value(v) for k, v in data.items()
                            if flat_value(v) is not None})
    for u, v, data in G.edges(data=True):
        H.add_edge(u, v, **{k: flat_value(v) for k, v in data.items()
                            if flat_value(v) is not None})
    return H


def write_graphml(G, dest):
    """Write GraphML (valid against the GraphML XSD) to a path or file object.

    >>> buffer = io.BytesIO()
    >>> write_graphml(nx.Graph([("place:a", "place:b")]), buffer)
    >>> b'<graph edgedefault="undirected">' in buffer.getvalue()
    True
    """
    H = _flat_graph(G)
    buffer = io.BytesIO()
    nx.write_graphml(H, buffer, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    write_atomic(buffer.getvalue(), dest)


#: node columns first in nodes.csv, after Id and Label, in Gephi's spreadsheet names
NODE_COLUMNS = ("kind", "country", "country_code", "geonames", "lat", "lon", "iri")
EDGE_COLUMNS = ("layers", "types", "first", "last", "sources", "facts", "groups",
                "directed_from")


def _csv_text(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue()


def _csv_number(value):
    value = flat_value(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(G, nodes_dest, edges_dest):
    """Write the node table and the edge table Gephi's spreadsheet import reads.

    Nodes: ``Id``, ``Label``, then the node attributes; edges: ``Source``,
    ``Target``, ``Type`` (Directed or Undirected), ``Weight``, then the edge
    attributes. A directed tie's Source is the place it goes from.

    >>> nodes, edges = io.StringIO(), io.StringIO()
    >>> write_csv(nx.Graph([("place:a", "place:b", {"weight": 2})]), nodes, edges)
    >>> edges.getvalue().splitlines()
    ['Source,Target,Type,Weight', 'place:a,place:b,Undirected,2']
    """
    node_keys = list(NODE_COLUMNS)
    for _, data in G.nodes(data=True):
        node_keys += [k for k in data if k not in node_keys and k != "label"]
    node_keys = [k for k in node_keys if any(k in d for _, d in G.nodes(data=True))]
    edge_keys = [k for k in EDGE_COLUMNS if any(k in d for _, _, d in G.edges(data=True))]
    for _, _, data in G.edges(data=True):
        edge_keys += [k for k in data if k not in edge_keys and k not in _NATIVE_EDGE]
    node_rows = [[node, data.get("label") or node]
                 + [_csv_number(data.get(k)) for k in node_keys]
                 for node, data in G.nodes(data=True)]
    edge_rows = []
    for u, v, data in G.edges(data=True):
        source, target, kind = u, v, "Undirected"
        if data.get("directed_from") in (u, v):
            source, kind = data["directed_from"], "Directed"
            target = v if source == u else u
        edge_rows.append([source, target, kind, _csv_number(data.get("weight", 1))]
                         + [_csv_number(data.get(k)) for k in edge_keys])
    write_atomic(_csv_text(["Id", "Label", *node_keys], node_rows), nodes_dest)
    write_atomic(_csv_text(["Source", "Target", "Type", "Weight", *edge_keys], edge_rows),
                 edges_dest)


def write_json(G, dest):
    """Write node-link JSON (NetworkX's ``node_link_data``, edges under ``edges``).

    >>> buffer = io.StringIO()
    >>> write_json(nx.Graph([("place:a", "place:b")]), buffer)
    >>> json.loads(buffer.getvalue())["edges"]
    [{'source': 'place:a', 'target': 'place:b'}]
    """
    data = nx.node_link_data(G, edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=1, default=json_value)
    write_atomic(text + "\n", dest)


def export(G, fmt, output=None, color_by="community"):
    """Write ``G`` in ``fmt`` to ``output``: a file path, or for CSV a directory.

    Without ``output`` (and for every format but CSV) the text goes to standard
    output. CSV writes ``nodes.csv`` and ``edges.csv`` into the directory.
    Returns the paths written.

    >>> export(nx.Graph(), "dot")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: --format: unknown format 'dot'; choose from gexf, ...
    """
    if fmt not in FORMATS:
        raise UsageError(f"--format: unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "csv":
        if output is None:
            raise UsageError("--format csv writes two tables; give --output DIRECTORY")
        directory = Path(output)
        if directory.exists() and not directory.is_dir():
            raise UsageError(f"--output {directory}: CSV export needs a directory")
        directory.mkdir(parents=True, exist_ok=True)
        paths = [directory / "nodes.csv", directory / "edges.csv"]
        write_csv(G, *paths)
        return paths
    import sys

    dest = output if output is not None else sys.stdout.buffer
    writer = {"gexf": lambda d: write_gexf(G, d, color_by=color_by),
              "graphml": lambda d: write_graphml(G, d),
              "json": lambda d: write_json(G, d)}[fmt]
    writer(dest)
    return [Path(output)] if output is not None else []


class _LocalSchemas(etree.Resolver):
    """Resolve the GraphML schema's own web addresses to the files beside it."""

    def __init__(self, directory):
        super().__init__()
        self.directory = Path(directory)

    def resolve(self, url, pubid, context):
        name = url.rsplit("/", 1)[-1]
        if url.startswith("http://graphml.graphdrawing.org/") and (self.directory / name).is_file():
            return self.resolve_filename(str(self.directory / name), context)
        return None


def _parse(source):
    try:
        if isinstance(source, bytes):
            return etree.fromstring(source)
        return etree.parse(str(source)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(f"{source if not isinstance(source, bytes) else 'document'}: "
                         f"not readable XML: {exc}") from None


def gexf_errors(source, schema_dir):
    """Where a GEXF document breaks the GEXF 1.3 RELAX NG schema (empty when it is valid).

    ``source`` is a path or the document's bytes; ``schema_dir`` holds ``gexf.rng``
    (with ``viz.rng`` and ``dynamics.rng``), e.g. ``../shared/schemas/gexf/1.3``.
    """
    schema = etree.RelaxNG(etree.parse(str(Path(schema_dir) / "gexf.rng")))
    ok = schema.validate(_parse(source))
    return [] if ok else [f"line {e.line}: {e.message}" for e in schema.error_log]


def graphml_errors(source, schema_dir):
    """Where a GraphML document breaks the GraphML XSD (empty when it is valid).

    ``schema_dir`` holds ``graphml.xsd`` and the files it imports.
    """
    parser = etree.XMLParser()
    parser.resolvers.add(_LocalSchemas(schema_dir))
    schema = etree.XMLSchema(etree.parse(str(Path(schema_dir) / "graphml.xsd"), parser))
    ok = schema.validate(_parse(source))
    return [] if ok else [f"line {e.line}: {e.message}" for e in schema.error_log]
