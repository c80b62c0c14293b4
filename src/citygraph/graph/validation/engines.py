"""The SHACL engines: pyshacl-turbo (the default) and pySHACL (the reference), and their reports.

Both take the data as one N-Triples text (:func:`_union_ntriples`) and give
their report as N-Triples text, read back into plain rows by
:func:`_read_report`.
"""

import codecs
import io
import logging
import os
from collections import defaultdict
from contextlib import contextmanager

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib.namespace import SH

from citygraph.errors import UsageError
from citygraph.graph.validation.report import shorten
from citygraph.rdfio import to_rdflib

__all__ = ["ENGINES", "DEFAULT_ENGINE"]

#: the validation engines: the default first, then the reference
ENGINES = ("turbo", "pyshacl")

#: the engine used unless told otherwise (``CITYGRAPH_SHACL_ENGINE`` overrides it)
DEFAULT_ENGINE = "turbo"

_SH = str(SH)

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

_RDF_NIL = _RDF + "nil"


def _escape_utf8(error):
    """Decoding error handler: a UTF-8 sequence becomes N-Triples' \\uXXXX or \\UXXXXXXXX."""
    data, start = error.object, error.start
    lead = data[start]
    size = 4 if lead >= 0xF0 else 3 if lead >= 0xE0 else 2 if lead >= 0xC0 else 1
    char = bytes(data[start:start + size]).decode("utf-8")
    code = ord(char)
    return (f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}"), start + size

codecs.register_error("citygraph-ntriples", _escape_utf8)


def _union_ntriples(store, names):
    """The triples of the named graphs ``names`` as one N-Triples text (the engines' input).

    Each graph is dumped into one buffer, which is decoded once as ASCII with
    every other character written as an N-Triples escape: a text with one
    non-ASCII character would otherwise take two or four bytes a character.
    A triple in two graphs comes twice; the engines read a set.
    """
    buffer = io.BytesIO()
    for name in names:
        store.dump(buffer, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
    view = buffer.getbuffer()
    try:
        return str(view, "ascii", "citygraph-ntriples")
    finally:
        view.release()
        buffer.close()


@contextmanager
def _quiet_rdflib():
    """rdflib logs a traceback for every literal whose text is not of its datatype: not ours."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _engine(engine):
    engine = engine or os.environ.get("CITYGRAPH_SHACL_ENGINE") or DEFAULT_ENGINE
    if engine not in ENGINES:
        raise UsageError(f"unknown validation engine {engine!r}; known: {', '.join(ENGINES)}")
    if engine == "turbo":
        try:
            import pyshacl_turbo  # noqa: F401
        except ImportError:
            return "pyshacl"
    return engine


def _run_turbo(data, shapes, focus):
    """Run pyshacl-turbo on the N-Quads ``data`` (their union); the report as N-Triples text."""
    import pyshacl_turbo

    program = pyshacl_turbo.compile_shapes(shapes)
    native = getattr(program, "_native", None)
    if native is not None:
        try:
            out = native.validate(
                data, "oxigraph-nquads", None, False, 100, 15, False, False, True, False,
                sorted(focus or ()), [], [],
            )
        except TypeError:
            out = None
        if out is not None and isinstance(out[1], str):
            return out[1]
    # the public API: slower (its report is decoded into rdflib and serialized again)
    store = ox.Store()
    store.load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    _, graph, _ = pyshacl_turbo.validate(
        store, shacl_graph=shapes, inference="none", allow_warnings=True,
        focus_nodes=sorted(focus) if focus else None,
    )
    return graph.serialize(format="nt")


def _run_pyshacl(data, shapes, focus):
    """Run pySHACL on an rdflib graph of the N-Quads ``data``; the report as N-Triples text."""
    import pyshacl
    from rdflib import Graph

    graph = Graph()
    with _quiet_rdflib():
        for triple in ox.parse(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate),
                       to_rdflib(triple.object)))
        _, results, _ = pyshacl.validate(
            graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True,
            inplace=True, focus_nodes=[URIRef(f) for f in sorted(focus)] if focus else None,
        )
    return results.serialize(format="nt")


def _path_text(report, path):
    """A SHACL path as text: an IRI, or a sequence / alternative / inverse of them."""
    if not isinstance(path, ox.BlankNode):
        return to_rdflib(path)

    def one(node, predicate, namespace=_SH):
        for quad in report.quads_for_pattern(node, ox.NamedNode(namespace + predicate), None, None):
            return quad.object
        return None

    def items(head):
        out = []
        while head is not None and head != ox.NamedNode(_RDF_NIL):
            first = one(head, "first", _RDF)
            if first is None:
                break
            out.append(first)
            head = one(head, "rest", _RDF)
        return out

    alternatives = one(path, "alternativePath")
    if alternatives is not None:
        return "|".join(shorten(_path_text(report, p)) for p in items(alternatives))
    inverse = one(path, "inversePath")
    if inverse is not None:
        return "^" + shorten(_path_text(report, inverse))
    if one(path, "first", _RDF) is not None:
        return "/".join(shorten(_path_text(report, p)) for p in items(path))
    return to_rdflib(path)


def _path_text_rdflib(graph, path):
    """:func:`_path_text` for a report in an rdflib graph (what pySHACL itself returns)."""
    from rdflib.collection import Collection
    from rdflib.namespace import RDF

    if not isinstance(path, BNode):
        return path
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(
            shorten(_path_text_rdflib(graph, p)) for p in Collection(graph, alternatives)
        )
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + shorten(_path_text_rdflib(graph, inverse))
    if graph.value(path, RDF.first) is not None:
        return "/".join(shorten(_path_text_rdflib(graph, p)) for p in Collection(graph, path))
    return path

_RESULTS = f"""
PREFIX sh: <{_SH}>
SELECT ?r ?severity ?focus ?path ?value ?shape ?component WHERE {{
    ?report a sh:ValidationReport ; sh:result ?r .
    ?r sh:resultSeverity ?severity ; sh:focusNode ?focus ; sh:sourceShape ?shape ;
       sh:sourceConstraintComponent ?component .
    OPTIONAL {{ ?r sh:resultPath ?path }}
    OPTIONAL {{ ?r sh:value ?value }}
}}"""


def _read_report(text):
    """The results of a SHACL report in N-Triples, as dicts of rdflib terms (without files)."""
    report = ox.Store()
    report.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    messages = defaultdict(list)
    for quad in report.quads_for_pattern(None, ox.NamedNode(_SH + "resultMessage"), None, None):
        messages[quad.subject].append(quad.object)
    cache = {}

    def term(t):
        if t is None:
            return None
        if t not in cache:
            cache[t] = to_rdflib(t)
        return cache[t]

    rows = []
    with _quiet_rdflib():
        # only the report's own results: nested ones (sh:detail of sh:node, sh:or) are their causes
        for row in report.query(_RESULTS):
            msgs = messages.get(row["r"], [])
            message = ""
            for msg in msgs:
                if isinstance(msg, ox.Literal) and msg.language in (None, "en"):
                    message = msg.value
                    break
            else:
                message = msgs[0].value if msgs else ""
            path = row["path"]
            rows.append(
                {
                    "severity": row["severity"].value.rsplit("#", 1)[-1],
                    "focus": term(row["focus"]),
                    "path": _path_text(report, path) if path is not None else None,
                    "value": term(row["value"]),
                    "message": message,
                    "shape": term(row["shape"]),
                    "component": term(row["component"]),
                }
            )
    return rows
