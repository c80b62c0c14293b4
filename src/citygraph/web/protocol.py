"""The SPARQL 1.1 Protocol, read-only: what is refused, content negotiation, result formats.

:func:`refusal` says why a request is refused (an update, ``LOAD``,
``SERVICE``, a ``file:`` IRI) before anything runs; :func:`evaluate` runs a
query in a worker and serializes its answer in the format the client accepts.
"""

import csv
import functools
import io
import json
from json.encoder import encode_basestring as _json_string
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from citygraph.errors import QueryError
from citygraph.graph.sparql_base import (
    dataset_options,
    iris,
    keywords,
    refuse_update,
    syntax_error,
)

__all__ = ["ResultTooLarge", "READ_ONLY", "refusal", "negotiate", "evaluate", "SELECT_TYPES",
           "GRAPH_TYPES", "FORMAT_MEDIA", "with_hint", "GRAPH_MEDIA", "serialize_graph", "accepted"]

#: result formats of SELECT and ASK, by media type
SELECT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: result formats of CONSTRUCT and DESCRIBE, by media type
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "text/n3": ox.RdfFormat.TURTLE,
    "text/rdf+n3": ox.RdfFormat.TURTLE,
    "application/n3": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "text/xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/x-json+ld": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
}
_MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
          "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}

#: why an update (a query, an update parameter or an update body) is refused
READ_ONLY = "updates are refused: this endpoint is read-only"


class ResultTooLarge(Exception):
    """A query gave more rows or triples than the server's limit."""


def refusal(text):
    """Why this read-only endpoint refuses a query text, in one line; None when it may run.

    Keywords and IRIs are those of :mod:`citygraph.graph.sparql_base` (strings,
    comments, variables and prefixed names never count); when a text has
    several faults, the first in the text is named.

    >>> refusal("SELECT * WHERE { ?s ?p ?o }") is None
    True
    >>> refusal("LOAD <http://example.org/x>")
    'updates are refused: this endpoint is read-only (LOAD)'
    >>> refusal("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    'SERVICE is refused: this endpoint queries only its own store'
    >>> refusal("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    'file: IRIs are refused: <file:///etc/passwd>'
    >>> refusal('SELECT * WHERE { ?s ?p "INSERT" } # DELETE') is None
    True
    >>> refusal("PREFIX insert: <http://e/> SELECT ?service { ?service insert:x ?o }") is None
    True
    """
    words = list(keywords(text))
    faults = []
    try:
        refuse_update(text)
    except QueryError:
        word, start = next((w, s) for w, s in words if w not in ("PREFIX", "BASE"))
        faults.append((start, f"{READ_ONLY} ({word})"))
    faults.extend((start, "SERVICE is refused: this endpoint queries only its own store")
                  for word, start in words if word == "SERVICE")
    faults.extend((start, f"file: IRIs are refused: {iri}")
                  for iri, start in iris(text) if iri[1:].lower().startswith("file:"))
    return min(faults)[1] if faults else None


def accepted(accept):
    """Media types of an Accept header, best first (by q, then by order)."""
    ranked = []
    for index, part in enumerate((accept or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for piece in pieces[1:]:
            if piece.startswith("q="):
                try:
                    q = float(piece[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, index, media))
    return [media for _, _, media in sorted(ranked)]


#: the media types each ``format`` parameter value asks for (for links, downloads and the
#: clients that send one, such as SPARQLWrapper): for results first, then for graphs
FORMAT_MEDIA = {"json": "application/sparql-results+json, application/ld+json",
                "xml": "application/sparql-results+xml, application/rdf+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values",
                "turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/turtle",
                "nt": "application/n-triples", "ntriples": "application/n-triples",
                "json-ld": "application/ld+json", "jsonld": "application/ld+json",
                "rdf": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
                "rdfxml": "application/rdf+xml"}


def with_hint(fmt, accept):
    """The Accept header to negotiate with when a ``format`` parameter is given: its media
    types first, then the client's own. The parameter is a hint: an unknown value is ignored,
    and one whose formats do not fit the query's form leaves the Accept header to decide.

    >>> with_hint("csv", "application/json")
    'text/csv, application/json'
    >>> with_hint("n3", None)
    'text/turtle, */*'
    >>> with_hint("nonsense", "text/csv")
    'text/csv'
    """
    accept = accept or "*/*"
    media = FORMAT_MEDIA.get((fmt or "").strip().lower())
    return f"{media}, {accept}" if media else accept


@functools.lru_cache(maxsize=256)  # clients send the same few Accept headers
def negotiate(accept, graph):
    """The format to answer in: 'json', 'xml', 'csv' or 'tsv' for SELECT and ASK; an RdfFormat
    for CONSTRUCT and DESCRIBE. None when nothing the client accepts can be given.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", graph=False)
    'xml'
    >>> negotiate("*/*", graph=True) == ox.RdfFormat.TURTLE
    True
    >>> negotiate("image/png", graph=False) is None
    True
    """
    table = GRAPH_TYPES if graph else SELECT_TYPES
    media_types = accepted(accept) or ["*/*"]
    for media in media_types:
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            return ox.RdfFormat.TURTLE if graph else "json"
    return None


class NotAcceptable(QueryError):
    """The client accepts no format this endpoint can give for the query."""

    status = 406


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _term_json(term):
    """A term in the SPARQL 1.1 JSON results format, as JSON text (written directly: an
    answer's cells cost a third of what building dicts for json.dumps does)."""
    if isinstance(term, ox.Literal):
        value = _json_string(term.value)
        if term.language:
            return f'{{"type":"literal","value":{value},"xml:lang":{_json_string(term.language)}}}'
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return f'{{"type":"literal","value":{value}}}'
        return f'{{"type":"literal","value":{value},"datatype":{_json_string(datatype)}}}'
    if isinstance(term, ox.NamedNode):
        return f'{{"type":"uri","value":{_json_string(term.value)}}}'
    if isinstance(term, ox.BlankNode):
        return f'{{"type":"bnode","value":{_json_string(term.value)}}}'
    return f'{{"type":"triple","value":{_json_string(str(term))}}}'


def _term_xml(term):
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def serialize_solutions(variables, rows, fmt):
    """SELECT results in the SPARQL 1.1 JSON, XML, CSV or TSV results format.

    >>> seoul = [ox.NamedNode("http://e/seoul"), ox.Literal("서울", language="ko")]
    >>> serialize_solutions(["place", "name"], [seoul, [None, ox.Literal(3)]], "json").decode()
    '{"head":{"vars":["place","name"]},"results":{"bindings":[{"place":{"type":"uri","value":\
"http://e/seoul"},"name":{"type":"literal","value":"서울","xml:lang":"ko"}},{"name":{"type":\
"literal","value":"3","datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}'
    """
    if fmt == "json":
        names = [_json_string(v) + ":" for v in variables]
        bindings = ",".join(
            "{" + ",".join(name + _term_json(term) for name, term in zip(names, row, strict=True)
                           if term is not None) + "}" for row in rows)
        return (f'{{"head":{{"vars":[{",".join(_json_string(v) for v in variables)}]}},'
                f'"results":{{"bindings":[{bindings}]}}}}').encode()
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
               "<head>", *[f"<variable name={quoteattr(v)}/>" for v in variables], "</head>",
               "<results>"]
        for row in rows:
            out.append("<result>")
            for i, v in enumerate(variables):
                if row[i] is not None:
                    out.append(f"<binding name={quoteattr(v)}>{_term_xml(row[i])}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode)
                                                   else t.value) for t in row])
        return buffer.getvalue().encode("utf-8")
    lines = ["\t".join(f"?{v}" for v in variables)]
    for row in rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_boolean(answer, fmt):
    """An ASK answer in the SPARQL 1.1 results formats."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(answer)}).encode("utf-8")
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if answer else 'false'}</boolean></sparql>\n"
                ).encode()
    return (("true" if answer else "false") + "\n").encode("utf-8")


#: the media type of each graph format's answer
GRAPH_MEDIA = {ox.RdfFormat.TURTLE: "text/turtle; charset=utf-8",
               ox.RdfFormat.N_TRIPLES: "application/n-triples",
               ox.RdfFormat.RDF_XML: "application/rdf+xml",
               ox.RdfFormat.JSON_LD: "application/ld+json"}


def serialize_graph(triples, fmt, prefixes=None):
    """Triples in one of the graph formats, as (media type, body bytes).

    >>> t = ox.Triple(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("A"))
    >>> serialize_graph([t], ox.RdfFormat.JSON_LD)
    ('application/ld+json', b'[{"@id":"http://e/a","http://e/p":[{"@value":"A"}]}]')
    """
    options = {"prefixes": prefixes} if prefixes and fmt == ox.RdfFormat.TURTLE else {}
    return GRAPH_MEDIA[fmt], ox.serialize(triples, format=fmt, **options) or b""


def evaluate(store, text, accept, default_graphs=(), named_graphs=(), max_rows=None,
             base_iri=None, options=None):
    """Run ``text`` on ``store``; return (media type, body bytes). In a worker process.

    ``base_iri`` resolves the relative IRIs of a query without BASE (the
    endpoint's own URL, as the SPARQL 1.1 Protocol allows). ``options`` are the
    dataset arguments of ``Store.query`` when the caller knows them already (else
    :func:`citygraph.graph.sparql_base.dataset_options` of the query and the graphs).

    Raises :class:`QueryError` for invalid SPARQL (line and column named),
    ``ResultTooLarge`` past ``max_rows``, :class:`NotAcceptable` when the
    client accepts no format of the query's form.
    """

    if options is None:
        options = dataset_options(text, default_graphs, named_graphs)
    else:
        options = dict(options)
    if base_iri:
        options["base_iri"] = base_iri
    try:
        answer = store.query(text, **options)
    except SyntaxError as exc:
        raise syntax_error(exc) from None
    except (RuntimeError, OSError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
    limit = max_rows if max_rows is not None else float("inf")
    if isinstance(answer, ox.QuerySolutions):
        fmt = negotiate(accept, graph=False)
        if fmt is None:
            raise NotAcceptable(f"cannot answer a SELECT query as {accept}")
        variables = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            rows.append([solution[v] for v in variables])
            if len(rows) > limit:
                raise ResultTooLarge(max_rows)
        return _MEDIA[fmt], serialize_solutions(variables, rows, fmt)
    if isinstance(answer, ox.QueryTriples):
        fmt = negotiate(accept, graph=True)
        if fmt is None:
            raise NotAcceptable(f"cannot answer a CONSTRUCT or DESCRIBE query as {accept}")
        triples = []
        for triple in answer:
            triples.append(triple)
            if len(triples) > limit:
                raise ResultTooLarge(max_rows)
        return serialize_graph(triples, fmt)
    fmt = negotiate(accept, graph=False)
    if fmt is None:
        raise NotAcceptable(f"cannot answer an ASK query as {accept}")
    return _MEDIA[fmt], serialize_boolean(bool(answer), fmt)

