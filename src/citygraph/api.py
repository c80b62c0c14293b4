"""The Python API: build or open a store, run a catalog query or your own SPARQL.

Four functions, also importable from ``citygraph`` itself::

    import citygraph
    report = citygraph.build()                    # what `citygraph build` does
    target = citygraph.connect()                  # the store it left (or endpoint=URL)
    rows = citygraph.query("network-members", target, network="cgorg:anmc21")
    rows = citygraph.run_sparql("SELECT ?n WHERE { place:seoul rdfs:label ?n }", target)

Rows are a plain list of dicts, one per answer, keyed by the query's column
names. Values are rdflib terms (``URIRef``, ``Literal``; None where a column is
unbound) or, with ``plain=True``, Python values: ``str`` for IRIs and strings,
``int``/``Decimal``/``float``, ``bool``, ``datetime.date``/``datetime``.
Parameters are bound, never pasted into the query text: a value is matched
literally whatever characters it holds.
"""

from citygraph.graph.build import build
from citygraph.querying.catalog import adhoc_query, find_query, run_query
from citygraph.querying.sparql import connect, to_python

__all__ = ["build", "connect", "query", "run_sparql"]


def _rows(result, plain):
    if result.boolean is not None:
        return result.boolean
    if not plain:
        return result.rows
    return [{key: to_python(value) for key, value in row.items()} for row in result.rows]


def query(name, target=None, plain=False, **params):
    """Run the catalog query ``queries/NAME.rq`` with its parameters; return its rows.

    ``target`` is what :func:`connect` returned (default: the store
    ``citygraph build`` left). Parameters are given as keywords, as typed on the
    command line (``"cgorg:anmc21"``, ``"2014-09-06"``) or as rdflib terms; an
    unknown, missing or ill-typed one raises :class:`citygraph.errors.ParameterError`.
    An ASK query returns a bool, a CONSTRUCT query dicts of subject, predicate, object.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.load(b'''@prefix cg: <https://w3id.org/citygraph/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <https://w3id.org/citygraph/id/place/seoul> rdfs:label "Seoul"@en .''',
    ...     format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g"))
    >>> query("find-name", connect(store), plain=True, text="seo")[0]["matched"]
    'Seoul'
    >>> query("find-name", connect(store), place="x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.ParameterError: query 'find-name' has no parameter 'place'; ...
    """
    target = connect() if target is None else target
    return _rows(run_query(find_query(name), target, params), plain)


def run_sparql(text, target=None, bindings=None, plain=False):
    """Run SPARQL text (the project prefixes ``cg:``, ``place:``, ... predeclared); return its rows.

    ``bindings`` maps variable names to values (rdflib terms or Python
    values), bound before the query runs.

    >>> import pyoxigraph as ox
    >>> from rdflib import URIRef
    >>> store = ox.Store()
    >>> store.load(b'<https://w3id.org/citygraph/id/place/seoul> '
    ...     b'<http://www.w3.org/2000/01/rdf-schema#label> "Seoul" .',
    ...     format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://example.org/g"))
    >>> run_sparql("SELECT ?n WHERE { ?p rdfs:label ?n }", connect(store),
    ...        bindings={"p": URIRef("https://w3id.org/citygraph/id/place/seoul")}, plain=True)
    [{'n': 'Seoul'}]
    """
    target = connect() if target is None else target
    return _rows(run_query(adhoc_query(text, source="query"), target, bindings=bindings), plain)
