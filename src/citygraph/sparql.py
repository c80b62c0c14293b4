"""Run SPARQL on the embedded store or a remote endpoint, with bound parameters, as rdflib terms."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from citygraph import rdfio
from citygraph.errors import InputError, QueryError

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
    "syntax_error",
]

_XSD_STRING = str(XSD.string)


def to_term(value):
    """Turn a plain Python value or an rdflib term into an rdflib term.

    >>> to_term("Tomsk")
    rdflib.term.Literal('Tomsk')
    >>> to_term(datetime.date(2014, 9, 6)).datatype == XSD.date
    True
    >>> to_term(URIRef("https://w3id.org/citygraph/id/place/tomsk"))
    rdflib.term.URIRef('https://w3id.org/citygraph/id/place/tomsk')
    """
    if isinstance(value, URIRef | BNode | Literal):
        return value
    if isinstance(value, bool | int | float | Decimal | str | datetime.date | datetime.datetime):
        return Literal(value)
    raise TypeError(f"cannot bind a {type(value).__name__} value: {value!r}")


def to_rdflib(term):
    """Turn a pyoxigraph term into the equal rdflib term (None stays None).

    >>> to_rdflib(ox.NamedNode("http://example.org/a"))
    rdflib.term.URIRef('http://example.org/a')
    >>> to_rdflib(ox.Literal("7", datatype=ox.NamedNode(str(XSD.integer)))).toPython()
    7
    """
    return None if term is None else rdfio.to_rdflib(term)


def to_oxigraph(value):
    """Turn an rdflib term or a plain Python value into a pyoxigraph term.

    >>> to_oxigraph(URIRef("http://example.org/a"))
    <NamedNode value=http://example.org/a>
    >>> to_oxigraph(3).datatype.value
    'http://www.w3.org/2001/XMLSchema#integer'
    """
    term = to_term(value)
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is None or str(term.datatype) == _XSD_STRING:
        return ox.Literal(str(term))
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))


def to_ntriples(value):
    """Serialize a term (or plain value) as N-Triples, safe to place in SPARQL text.

    Quotes, backslashes and line breaks in literals are escaped, so a value
    can never end its literal early and add query text of its own.

    >>> to_ntriples('say "hi" } UNION {')
    '"say \\\\"hi\\\\" } UNION {"'
    >>> to_ntriples(URIRef("http://example.org/a"))
    '<http://example.org/a>'
    """
    term = to_term(value)
    if isinstance(term, BNode):
        raise TypeError("a blank node cannot be bound as a parameter")
    return str(to_oxigraph(term))


def to_python(term):
    """Turn an rdflib term into a plain Python value.

    IRIs and strings become ``str``; numbers ``int``, ``Decimal`` or ``float``;
    booleans ``bool``; dates ``date`` and date-times ``datetime``. None stays None.

    >>> to_python(URIRef("https://w3id.org/citygraph/id/place/tomsk"))
    'https://w3id.org/citygraph/id/place/tomsk'
    >>> to_python(Literal("2014-09-06", datatype=XSD.date))
    datetime.date(2014, 9, 6)
    >>> to_python(Literal("107", datatype=XSD.nonNegativeInteger))
    107
    >>> to_python(None) is None
    True
    """
    if term is None:
        return None
    if isinstance(term, URIRef | BNode):
        return str(term)
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Literal):
            return str(term)
        return value
    return term


def query_form(query):
    """The form of a SPARQL query: 'SELECT', 'CONSTRUCT', 'ASK' or 'DESCRIBE'.

    >>> query_form("PREFIX a: <http://a/> # CONSTRUCT\\nselect * { ?s ?p ?o }")
    'SELECT'
    """
    for token, _ in _tokens(query):
        upper = token.upper()
        if upper in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
            return upper
    raise QueryError("the query is not a SELECT, CONSTRUCT, ASK or DESCRIBE query")


# IRIs, strings, comments and other single characters, so that braces and
# keywords inside them are never taken for query structure.
_TOKEN = re.compile(
    r"""(?P<iri><[^<>"{}|^`\\\s]*>)
    |(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    |(?P<comment>\#[^\n]*)
    |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<brace>[{}])
    |(?P<other>\S)""",
    re.VERBOSE | re.DOTALL,
)


def _tokens(query):
    for match in _TOKEN.finditer(query):
        if match.lastgroup in ("word", "brace"):
            yield match.group(), match.start()


def _where_brace(query):
    """Offset of the '{' that opens the outermost WHERE group."""
    depth = 0
    template_done = query_form(query) != "CONSTRUCT"
    for token, start in _tokens(query):
        if token == "{":
            if depth == 0 and template_done:
                return start
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                template_done = True
        elif depth == 0 and token.upper() == "WHERE":
            template_done = True
    raise QueryError("cannot find the WHERE clause of the query to bind its parameters")


def values_block(bindings):
    """A VALUES block binding each variable to one N-Triples term.

    >>> values_block({"city": URIRef("http://example.org/tomsk"), "n": "2"})
    'VALUES (?city ?n) { (<http://example.org/tomsk> "2") }'
    """
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(to_ntriples(value) for value in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def inject_values(query, bindings):
    """Bind variables by a VALUES block at the start of the outermost WHERE group.

    Values are serialized as N-Triples terms, so they match literally. Use the
    parameters in the outermost group (not only inside a sub-query) so that the
    embedded store and a remote endpoint give the same answers.

    >>> inject_values("SELECT ?n WHERE { ?c <http://e/n> ?n }", {"c": URIRef("http://e/a")})
    'SELECT ?n WHERE { VALUES (?c) { (<http://e/a>) } ?c <http://e/n> ?n }'
    """
    if not bindings:
        return query
    for name in bindings:
        _check_name(name)
    at = _where_brace(query) + 1
    return f"{query[:at]} {values_block(bindings)}{query[at:]}"


def _check_name(name):
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"{name!r} is not a SPARQL variable name")


_POSITION = re.compile(r"(?:at|line) (\d+):(\d+)|line (\d+) column (\d+)")


def syntax_error(exc, where="query"):
    """A QueryError for a pyoxigraph SyntaxError, naming line and column.

    >>> str(syntax_error(SyntaxError("error at 2:9: expected one of LATERAL")))
    'query:2:9: invalid SPARQL: expected one of LATERAL'
    """
    message = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc)
    match = _POSITION.search(message)
    if match:
        line = match.group(1) or match.group(3)
        column = match.group(2) or match.group(4)
        reason = message[match.end():].lstrip(": ") or message
        return QueryError(f"{where}:{line}:{column}: invalid SPARQL: {reason}")
    return QueryError(f"{where}: invalid SPARQL: {message}")


class Target:
    """Where queries run: the embedded store or a remote endpoint.

    ``select`` returns a list of dicts ``{variable: rdflib term or None}``,
    ``construct`` a list of ``(s, p, o)`` rdflib triples, ``ask`` a bool.
    """

    is_remote = False

    def select(self, query, bindings=None):
        """Rows of a SELECT query as dicts of rdflib terms (None when unbound)."""
        raise NotImplementedError

    def construct(self, query, bindings=None):
        """Triples of a CONSTRUCT or DESCRIBE query, as rdflib terms."""
        raise NotImplementedError

    def ask(self, query, bindings=None):
        """The answer of an ASK query."""
        raise NotImplementedError


class LocalTarget(Target):
    """Queries on a pyoxigraph Store, over the union of its named graphs.

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/n"),
    ...                   ox.Literal("A"), ox.NamedNode("http://e/g")))
    >>> target = LocalTarget(store)
    >>> target.select("SELECT ?n WHERE { ?c <http://e/n> ?n }", {"c": URIRef("http://e/a")})
    [{'n': rdflib.term.Literal('A')}]
    >>> target.ask('ASK { ?c <http://e/n> ?n }', {"n": "A } UNION { ?c ?p ?n"})
    False
    """

    def __init__(self, store, path=None):
        self.store = store
        self.path = path

    def _run(self, query, bindings, form):
        bindings = dict(bindings or {})
        for name in bindings:
            _check_name(name)
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        try:
            if query_form(query) != form:
                raise QueryError(f"expected a {form} query, got {query_form(query)}")
            try:
                return self.store.query(
                    query, use_default_graph_as_union=True, substitutions=substitutions or None
                )
            except RuntimeError as exc:
                # pyoxigraph substitutes only projected variables; bind the others
                # the way a remote endpoint does, by a VALUES block.
                if "projection" not in str(exc):
                    raise
                return self.store.query(
                    inject_values(query, bindings), use_default_graph_as_union=True
                )
        except SyntaxError as exc:
            raise syntax_error(exc) from None
        except (RuntimeError, OSError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from None

    def select(self, query, bindings=None):
        solutions = self._run(query, bindings, "SELECT")
        names = [v.value for v in solutions.variables]
        return [
            {name: to_rdflib(solution[name]) for name in names} for solution in solutions
        ]

    def construct(self, query, bindings=None):
        form = query_form(query)
        triples = self._run(query, bindings, "DESCRIBE" if form == "DESCRIBE" else "CONSTRUCT")
        return [
            (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in triples
        ]

    def ask(self, query, bindings=None):
        return bool(self._run(query, bindings, "ASK"))


def connect(store=None, endpoint=None, timeout=30.0, retries=2):
    """Open the place queries run on, local or remote.

    ``store`` is a store directory built by ``citygraph build`` or a
    ``pyoxigraph.Store``; ``endpoint`` the URL of a SPARQL 1.1 query endpoint
    (``timeout`` seconds per request, ``retries`` further tries for reads).
    With neither, the default store ``.citygraph/store`` of the project opens.

    >>> connect(ox.Store()).is_remote
    False
    >>> connect(endpoint="http://127.0.0.1:7878/query").is_remote
    True
    """
    if store is not None and endpoint is not None:
        raise InputError("give either a store or an endpoint, not both")
    if endpoint is not None:
        from citygraph.remote import RemoteTarget

        return RemoteTarget(endpoint, timeout=timeout, retries=retries)
    if isinstance(store, ox.Store):
        return LocalTarget(store)
    from citygraph.store import default_store_path, open_existing

    path = Path(store) if store is not None else default_store_path()
    return LocalTarget(open_existing(path), path)
