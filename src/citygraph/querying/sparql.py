"""Run SPARQL on the embedded store or a remote endpoint, with bound parameters, as rdflib terms.

The terms, query-text helpers and the :class:`Target` interface live in
:mod:`citygraph.graph.sparql_base` (shared with :mod:`citygraph.querying.remote`) and are
importable from here as before.
"""

from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef  # noqa: F401  (doctests of this module use it)

from citygraph.errors import EndpointError, InputError, QueryError, QueryTimeout
from citygraph.graph.sparql_base import (  # noqa: F401  (re-exported: the names callers import)
    _TOKEN,
    UPDATE_REFUSED,
    Target,
    _check_name,
    dataset_options,
    inject_values,
    keywords,
    parse_only,
    query_form,
    refuse_update,
    syntax_error,
    to_ntriples,
    to_oxigraph,
    to_python,
    to_rdflib,
    to_term,
    uses_service,
    values_block,
    within,
)

__all__ = [
    "Target",
    "LocalTarget",
    "connect",
    "to_python",
    "to_term",
    "to_rdflib",
    "to_oxigraph",
    "to_ntriples",
    "values_block",
    "inject_values",
    "query_form",
    "keywords",
    "refuse_update",
    "uses_service",
    "parse_only",
    "syntax_error",
    "UPDATE_REFUSED",
]


class LocalTarget(Target):
    """Queries on a pyoxigraph Store, over the union of its named graphs.

    A query with ``FROM`` or ``FROM NAMED`` gets the dataset it names instead,
    by the SPARQL 1.1 rules (see :func:`~citygraph.graph.sparql_base.dataset_options`).

    ``timeout`` (seconds, or None for no limit) bounds each query, its
    evaluation and the reading of all its results: past it the query is
    abandoned and :class:`~citygraph.errors.QueryTimeout` raised (exit 3).
    ``SERVICE`` calls to other endpoints are refused unless ``allow_service``;
    when allowed, a failing call is an :class:`~citygraph.errors.EndpointError`
    and the ``timeout`` bounds the calls too. Updates are always refused.

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/n"),
    ...                   ox.Literal("A"), ox.NamedNode("http://e/g")))
    >>> target = LocalTarget(store)
    >>> target.select("SELECT ?n WHERE { ?c <http://e/n> ?n }", {"c": URIRef("http://e/a")})
    [{'n': rdflib.term.Literal('A')}]
    >>> target.ask('ASK { ?c <http://e/n> ?n }', {"n": "A } UNION { ?c ?p ?n"})
    False
    >>> target.select("SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    citygraph.errors.QueryError: query: SERVICE is refused: a query on the store does not call \
other endpoints (allow it with --allow-service)
    """

    def __init__(self, store, path=None, timeout=None, allow_service=False):
        self.store = store
        self.path = path
        self.timeout = None if timeout is None else float(timeout)
        self.allow_service = allow_service

    def _evaluate(self, query, bindings, text=False):
        """Run the query and read every result (pyoxigraph evaluates lazily); with ``text``, a
        SELECT's rows as the strings of the store's CSV serialization (see :meth:`select_text`).
        """
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        dataset = dataset_options(query)
        try:
            results = self.store.query(query, substitutions=substitutions or None, **dataset)
        except RuntimeError as exc:
            # pyoxigraph substitutes only projected variables; bind the others
            # the way a remote endpoint does, by a VALUES block.
            if "projection" not in str(exc):
                raise
            results = self.store.query(inject_values(query, bindings), **dataset)
        if isinstance(results, ox.QuerySolutions):
            names = [v.value for v in results.variables]
            if text:
                return names, _csv_rows(results, len(names))
            return names, [[solution[name] for name in names] for solution in results]
        if isinstance(results, ox.QueryTriples):
            return None, [(t.subject, t.predicate, t.object) for t in results]
        return None, bool(results)

    def _bounded(self, query, bindings, text=False):
        """:meth:`_evaluate`, abandoned after ``timeout`` seconds.

        pyoxigraph releases the GIL while it evaluates, so the query runs in a
        daemon thread and this thread waits for it at most ``timeout`` seconds.
        """
        if self.timeout is None:
            return self._evaluate(query, bindings, text)
        return within(self.timeout, lambda: self._evaluate(query, bindings, text),
                      QueryTimeout(f"query: no answer within --timeout {self.timeout:g} s"),
                      "citygraph-query", detach=True)

    def _run(self, query, bindings, form, text=False):
        bindings = dict(bindings or {})
        for name in bindings:
            _check_name(name)
        actual = query_form(query)
        if actual != form:
            raise QueryError(f"expected a {form} query, got {actual}")
        service = uses_service(query)
        if service and not self.allow_service:
            raise QueryError(
                "query: SERVICE is refused: a query on the store does not call other "
                "endpoints (allow it with --allow-service)"
            )
        try:
            return self._bounded(query, bindings, text)
        except SyntaxError as exc:
            raise syntax_error(exc) from None
        except (RuntimeError, OSError, ValueError) as exc:
            reason = " ".join(str(exc).split())[:300] or type(exc).__name__
            if service and isinstance(exc, OSError):
                raise EndpointError(f"query: a SERVICE call failed: {reason}") from None
            raise QueryError(f"query failed: {reason}") from None

    def select_terms(self, query, bindings=None):
        """A SELECT's variable names and its rows as lists of pyoxigraph terms (None unbound).

        The same checks and errors as :meth:`select`, without turning each term
        into rdflib: for readers of many rows that want only the text of terms.

        >>> target = LocalTarget(ox.Store())
        >>> target.select_terms("SELECT ?x { VALUES ?x { <http://e.org/a> } }")
        (['x'], [[<NamedNode value=http://e.org/a>]])
        """
        return self._run(query, bindings, "SELECT")

    def select_text(self, query, bindings=None):
        """A SELECT's variable names and its rows as lists of strings (None unbound).

        Each term is its text: an IRI as itself, a literal's lexical form (no
        language or datatype), a blank node as ``_:id``. The store writes the
        rows as CSV in one call and Python's C reader splits them, with no
        object per term: for readers of a hundred thousand rows that want only
        text. An empty literal cannot be told from an unbound variable there,
        and comes back as None too.

        >>> target = LocalTarget(ox.Store())
        >>> target.select_text("SELECT ?x ?y ?z { VALUES (?x ?y) { (<http://e.org/a> 'a, b') } }")
        (['x', 'y', 'z'], [['http://e.org/a', 'a, b', None]])
        """
        return self._run(query, bindings, "SELECT", text=True)

    def select(self, query, bindings=None):
        names, rows = self.select_terms(query, bindings)
        return [
            {name: to_rdflib(term) for name, term in zip(names, row, strict=True)}
            for row in rows
        ]

    def construct(self, query, bindings=None):
        form = query_form(query)
        _, triples = self._run(query, bindings, "DESCRIBE" if form == "DESCRIBE" else "CONSTRUCT")
        return [(to_rdflib(s), to_rdflib(p), to_rdflib(o)) for s, p, o in triples]

    def ask(self, query, bindings=None):
        return self._run(query, bindings, "ASK")[1]


def _csv_rows(results, width):
    """The rows of query solutions from their CSV serialization: strings, None for empty cells."""
    import csv
    import io

    data = results.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
    rows = csv.reader(io.StringIO(data, newline=""))
    next(rows, None)  # the header: the variable names
    # a row of one unbound variable is an empty line, which the reader gives as []
    return [[cell or None for cell in row] if row else [None] * width for row in rows]


def connect(store=None, endpoint=None, timeout=30.0, retries=2, local_timeout=None,
            allow_service=False):
    """Open the place queries run on, local or remote.

    ``store`` is a store directory built by ``citygraph build`` or a
    ``pyoxigraph.Store``; ``endpoint`` the URL of a SPARQL 1.1 query endpoint
    (``timeout`` seconds per request, ``retries`` further tries for reads).
    With neither, the default store ``.citygraph/store`` of the project opens;
    ``local_timeout`` bounds each query on it and ``allow_service`` lets its
    queries call other endpoints (see :class:`LocalTarget`).

    >>> connect(ox.Store()).is_remote
    False
    >>> connect(endpoint="http://127.0.0.1:7878/query").is_remote
    True
    """
    if store is not None and endpoint is not None:
        raise InputError("give either a store or an endpoint, not both")
    if endpoint is not None:
        from citygraph.querying.remote import RemoteTarget

        return RemoteTarget(endpoint, timeout=timeout, retries=retries)
    options = {"timeout": local_timeout, "allow_service": allow_service}
    if isinstance(store, ox.Store):
        return LocalTarget(store, **options)
    from citygraph.graph.store import default_store_path, open_existing

    path = Path(store) if store is not None else default_store_path()
    return LocalTarget(open_existing(path), path, **options)
