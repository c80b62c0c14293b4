"""Write a place network as GEXF 1.3, GraphML, CSV tables (Gephi's spreadsheet import) or JSON.

Every writer takes a path or a file object. Paths are written to a temporary
file in the same directory and renamed into place, so an interrupted export
never leaves a half-written file. Lists (sources, facts, layers) are written as
one string joined by ``|``; missing values (None) are left out.
"""

import io
import json
import os
from pathlib import Path

import networkx as nx
from lxml import etree

from citygraph import progress
from citygraph.errors import UsageError
from citygraph.fileio import atomic_path, csv_text, make_dirs
from citygraph.networks.export_gexf import GEXF_NS, VIZ_NS, gexf_errors, gexf_tree, write_gexf
from citygraph.networks.export_io import (
    _NATIVE_EDGE,
    LIST_SEPARATOR,
    _parse,
    flat_value,
    json_value,
    write_atomic,
)

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

    One node and one edge a line, each written by json's C encoder (``indent``
    would bypass it and hold the whole document as one string).
    """
    def dumps(value):
        return json.dumps(value, ensure_ascii=False, default=json_value)

    def lines():
        yield '{"directed": false, "multigraph": false, "graph": ' + dumps(G.graph) + ","
        yield ' "nodes": ['
        last = G.number_of_nodes() - 1
        for i, (node, data) in enumerate(G.nodes(data=True)):
            yield "  " + dumps({**data, "id": node}) + ("," if i < last else "")
        yield " ],"
        yield ' "edges": ['
        last = G.number_of_edges() - 1
        for i, (u, v, data) in enumerate(G.edges(data=True)):
            yield "  " + dumps({**data, "source": u, "target": v}) + ("," if i < last else "")
        yield " ]"
        yield "}"

    if isinstance(dest, str | os.PathLike):
        with atomic_path(dest) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            for line in lines():
                handle.write(line + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        return
    write_atomic("".join(line + "\n" for line in lines()), dest)


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
        with progress.step("writing csv"):
            write_csv(G, *paths)
        return paths
    import sys

    dest = output if output is not None else sys.stdout.buffer
    writer = {"gexf": lambda d: write_gexf(G, d, color_by=color_by),
              "graphml": lambda d: write_graphml(G, d),
              "json": lambda d: write_json(G, d)}[fmt]
    with progress.step(f"writing {fmt}"):
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
