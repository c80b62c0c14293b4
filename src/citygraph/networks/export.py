"""Write a place network as GEXF 1.3, GraphML, CSV tables (Gephi's spreadsheet import) or JSON.

Every writer takes a path or a file object. Paths are written to a temporary
file in the same directory and renamed into place, so an interrupted export
never leaves a half-written file. Lists (sources, facts, layers) are written as
one string joined by ``|``; missing values (None) are left out.
"""

import io  # noqa: F401  (the examples below use it)
import json
from pathlib import Path

import networkx as nx  # noqa: F401  (the examples below use it)
from lxml import etree

from citygraph import progress
from citygraph.errors import UsageError
from citygraph.fileio import csv_text, make_dirs
from citygraph.networks.export_gexf import GEXF_NS, VIZ_NS, gexf_errors, gexf_tree, write_gexf
from citygraph.networks.export_io import (
    _NATIVE_EDGE,
    LIST_SEPARATOR,
    _parse,
    attribute_types,
    flat_value,
    json_value,
    text_of,
    write_atomic,
    write_chunks,
    xml_text,
)
from citygraph.networks.projection import paused_gc

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
    "gexf_tree",
    "gexf_errors",
    "graphml_errors",
]

FORMATS = ("gexf", "graphml", "csv", "json")

_GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)

# GraphML's names of the attribute types (whole numbers as long, as NetworkX writes them)
_GRAPHML_TYPES = {"boolean": "boolean", "integer": "long", "long": "long", "double": "double",
                  "string": "string"}


def _graphml_chunks(G):
    """The GraphML document as text, one node or edge at a time (see :func:`write_graphml`)."""
    graph = {k: flat_value(v) for k, v in G.graph.items() if flat_value(v) is not None}
    keys = []
    fields = {}
    for cls, types in (("graph", attribute_types([graph])),
                       ("node", attribute_types([d for _, d in G.nodes(data=True)])),
                       ("edge", attribute_types([d for _, _, d in G.edges(data=True)]))):
        fields[cls] = {}
        for key, kind in types.items():
            ident = f"d{len(keys)}"
            keys.append(f'  <key id="{ident}" for="{cls}" attr.name="{xml_text(str(key))}" '
                        f'attr.type="{_GRAPHML_TYPES[kind]}"/>\n')
            fields[cls][key] = (ident, text_of(kind))
    yield _GRAPHML_HEAD + "".join(keys) + '  <graph edgedefault="undirected">\n'
    yield _graphml_data(graph, fields["graph"], "    ")

    def elements():
        for node, data in G.nodes(data=True):
            values = _graphml_data(data, fields["node"], "      ")
            head = f'    <node id="{xml_text(str(node))}"'
            yield f"{head}>\n{values}    </node>\n" if values else f"{head}/>\n"
        for u, v, data in G.edges(data=True):
            values = _graphml_data(data, fields["edge"], "      ")
            head = f'    <edge source="{xml_text(str(u))}" target="{xml_text(str(v))}"'
            yield f"{head}>\n{values}    </edge>\n" if values else f"{head}/>\n"

    batch = []
    for element in elements():
        batch.append(element)
        if len(batch) == 2000:
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "  </graph>\n</graphml>\n"


def _graphml_data(data, fields, pad):
    lines = []
    for key, value in data.items():
        field = fields.get(key) if value is not None else None
        if field is None:
            continue
        value = field[1](value)
        if value is not None:
            lines.append(f'{pad}<data key="{field[0]}">{value}</data>\n')
    return "".join(lines)


def write_graphml(G, dest):
    """Write GraphML (valid against the GraphML XSD) to a path or file object.

    Typed keys (``attr.name``, ``attr.type``) for the graph's, the nodes' and
    the edges' attributes; lists joined by ``|``; missing values left out. The
    document is written as it is made, a few thousand elements at a time.

    >>> buffer = io.BytesIO()
    >>> write_graphml(nx.Graph([("place:a", "place:b")]), buffer)
    >>> b'<graph edgedefault="undirected">' in buffer.getvalue()
    True
    """
    write_chunks(_graphml_chunks(G), dest)


#: node columns first in nodes.csv, after Id and Label, in Gephi's spreadsheet names
NODE_COLUMNS = ("kind", "country", "country_code", "geonames", "lat", "lon", "iri")
EDGE_COLUMNS = ("layers", "types", "first", "last", "sources", "facts", "groups",
                "directed_from")


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
    write_atomic(csv_text(["Id", "Label", *node_keys], node_rows), nodes_dest)
    write_atomic(csv_text(["Source", "Target", "Type", "Weight", *edge_keys], edge_rows),
                 edges_dest)


def write_json(G, dest):
    """Write node-link JSON (NetworkX's ``node_link_data``, edges under ``edges``).

    >>> buffer = io.StringIO()
    >>> write_json(nx.Graph([("place:a", "place:b")]), buffer)
    >>> json.loads(buffer.getvalue())["edges"]
    [{'source': 'place:a', 'target': 'place:b'}]

    One node and one edge a line, each written by one json C encoder (``indent``
    would bypass it and hold the whole document as one string), a few thousand
    lines at a time.
    """
    encode = json.JSONEncoder(ensure_ascii=False, default=json_value).encode

    def items(records):
        batch, started = [], False
        for record in records:
            batch.append("  " + encode(record))
            if len(batch) == 2000:
                yield (",\n" if started else "") + ",\n".join(batch)
                batch, started = [], True
        if batch:
            yield (",\n" if started else "") + ",\n".join(batch)
            started = True
        if started:
            yield "\n"

    def chunks():
        yield '{"directed": false, "multigraph": false, "graph": ' + encode(G.graph) + ",\n"
        yield ' "nodes": [\n'
        yield from items({**data, "id": node} for node, data in G.nodes(data=True))
        yield " ],\n"
        yield ' "edges": [\n'
        yield from items({**data, "source": u, "target": v} for u, v, data in G.edges(data=True))
        yield " ]\n}\n"

    write_chunks(chunks(), dest)


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
        make_dirs(directory)
        paths = [directory / "nodes.csv", directory / "edges.csv"]
        with progress.step("writing csv"), paused_gc():
            write_csv(G, *paths)
        return paths
    import sys

    dest = output if output is not None else sys.stdout.buffer
    writer = {"gexf": lambda d: write_gexf(G, d, color_by=color_by),
              "graphml": lambda d: write_graphml(G, d),
              "json": lambda d: write_json(G, d)}[fmt]
    # the writers make many small containers and no reference cycles: the collector would
    # only walk the network's millions of objects again and again
    with progress.step(f"writing {fmt}"), paused_gc():
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


def graphml_errors(source, schema_dir):
    """Where a GraphML document breaks the GraphML XSD (empty when it is valid).

    ``schema_dir`` holds ``graphml.xsd`` and the files it imports.
    """
    parser = etree.XMLParser()
    parser.resolvers.add(_LocalSchemas(schema_dir))
    schema = etree.XMLSchema(etree.parse(str(Path(schema_dir) / "graphml.xsd"), parser))
    ok = schema.validate(_parse(source))
    return [] if ok else [f"line {e.line}: {e.message}" for e in schema.error_log]
