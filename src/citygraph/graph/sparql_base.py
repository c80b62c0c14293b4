"""What the embedded store and a remote endpoint share: terms, query text, the Target interface.

Turning values into rdflib, pyoxigraph and N-Triples terms; reading a query's
form and keywords (told apart from IRIs, strings and comments); binding
variables by a VALUES block; one-line syntax errors; refusing updates. The
targets themselves are :class:`citygraph.querying.sparql.LocalTarget` and
:class:`citygraph.querying.remote.RemoteTarget`, which both build on this module (and
this module on neither, so the three do not import each other in a circle).
"""

import datetime
import re
import threading
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from citygraph import rdfio
from citygraph.errors import QueryError

__all__ = [
    "Target",
    "to_python",
    "to_term",
    "to_rdflib",
    "to_oxigraph",
    "to_ntriples",
    "values_block",
    "inject_values",
    "inject_choices",
    "inject_rows",
    "query_form",
    "keywords",
    "iris",
    "refuse_update",
    "uses_service",
    "parse_only",
    "syntax_error",
    "UPDATE_REFUSED",
    "within",
    "names_dataset",
    "dataset_options",
]

#: the one-line reason an update given as a query is refused
UPDATE_REFUSED = "updates are not allowed here; use build/import"
_UPDATE_WORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
)
_QUERY_WORDS = frozenset(("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"))

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

    An update (INSERT, DELETE, LOAD, CLEAR, DROP, ...) is refused with
    :data:`UPDATE_REFUSED`: the store changes only through build and import.

    >>> query_form("PREFIX a: <http://a/> # CONSTRUCT\\nselect * { ?s ?p ?o }")
    'SELECT'
    >>> query_form("INSERT { ?s ?p 1 } WHERE { SELECT ?s ?p { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    citygraph.errors.QueryError: updates are not allowed here; use build/import
    """
    form = _first_form(query)
    if form is None:
        raise QueryError("the query is not a SELECT, CONSTRUCT, ASK or DESCRIBE query")
    return form


def refuse_update(query):
    """Raise :data:`UPDATE_REFUSED` when the text is a SPARQL update, not a query.

    >>> refuse_update("PREFIX insert: <http://a/> SELECT ?insert { ?s insert:x ?insert }")
    >>> refuse_update("prefix a: <http://a/> DROP ALL")
    Traceback (most recent call last):
    ...
    citygraph.errors.QueryError: updates are not allowed here; use build/import
    """
    _first_form(query)


def _first_form(query):
    """The first query-form keyword of the text, None without one; an update word first raises."""
    for upper, _ in keywords(query):
        if upper in _UPDATE_WORDS:
            raise QueryError(UPDATE_REFUSED)
        if upper in _QUERY_WORDS:
            return upper
    return None


def parse_only(query):
    """Parse a query with Oxigraph without calling any endpoint; return what Oxigraph returns.

    pyoxigraph has no parse-only call, so the query runs on an empty store;
    each ``SERVICE`` keyword (with its ``SILENT``) is first blanked into a
    ``GRAPH`` of the same length, which has the same grammar and positions
    but never leaves the process. Raises ``SyntaxError`` as Oxigraph does.

    >>> isinstance(parse_only("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
    ...            ox.QuerySolutions)
    True
    """
    text = query
    for upper, start in reversed(list(keywords(query))):
        if upper != "SERVICE":
            continue
        end = start + len("SERVICE")
        silent = re.match(r"\s+SILENT\b", query[end:], re.I)
        if silent:
            end += silent.end()
        text = text[:start] + "GRAPH".ljust(end - start) + text[end:]
    return ox.Store().query(text)


def uses_service(query):
    """Whether a query calls out to another endpoint with ``SERVICE``.

    Keywords are told from variables, prefixed names, strings, IRIs and
    comments, so ``?service``, ``ex:service`` or ``"SERVICE"`` do not count.

    >>> uses_service("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service ex:SERVICE "service" } # SERVICE')
    False
    >>> uses_service("SELECT * { SERVICE SILENT ?endpoint { ?s ?p ?o } }")
    True
    """
    return any(upper == "SERVICE" for upper, _ in keywords(query))


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


def keywords(query):
    """The upper-cased SPARQL keywords of a query with their offsets, in order.

    Words that are parts of variables (``?x``), prefixed names (``ex:x``,
    ``x:``), blank node labels, language tags or numbers are left out.

    >>> [k for k, _ in keywords("PREFIX drop: <http://a/> SELECT ?drop { ?s drop:x 1 }")]
    ['PREFIX', 'SELECT']
    """
    for match in _TOKEN.finditer(query):
        if match.lastgroup != "word":
            continue
        start, end = match.span()
        before = query[start - 1] if start else " "
        after = query[end] if end < len(query) else " "
        following = query[end + 1] if end + 1 < len(query) else " "
        if before in "?$:@-._" or before.isalnum() or after in ":-":
            continue
        if after == "." and (following.isalnum() or following in "_-:"):
            continue  # the first part of a prefix such as ex.v2:name
        yield match.group().upper(), start


def names_dataset(query):
    """Whether a query names its own dataset with ``FROM`` or ``FROM NAMED``.

    >>> names_dataset("SELECT * FROM <http://e/g> { ?s ?p ?o }")
    True
    >>> names_dataset('SELECT ?from { ?from <http://e/p> "FROM" } # FROM <x>')
    False
    """
    return any(word == "FROM" for word, _ in keywords(query))


def dataset_options(query, default_graphs=(), named_graphs=()):
    """The dataset arguments of ``pyoxigraph.Store.query`` under the SPARQL 1.1 rules.

    A dataset given by the protocol (``default-graph-uri``, ``named-graph-uri``)
    wins over the query's own, and holds only the graphs it names: with only
    named graphs, the default graph is empty. Otherwise a query's ``FROM`` and
    ``FROM NAMED`` decide. Only a query that names no dataset at all gets the
    union of every graph as its default graph, as the store has always given.

    >>> dataset_options("ASK { ?s ?p ?o }")
    {'use_default_graph_as_union': True}
    >>> dataset_options("ASK FROM <http://e/g> { ?s ?p ?o }")
    {}
    >>> dataset_options("ASK { ?s ?p ?o }", named_graphs=["http://e/g"])
    {'default_graph': [], 'named_graphs': [<NamedNode value=http://e/g>]}
    """
    if default_graphs or named_graphs:
        return {"default_graph": [ox.NamedNode(g) for g in default_graphs],
                "named_graphs": [ox.NamedNode(g) for g in named_graphs]}
    if names_dataset(query):
        return {}
    return {"use_default_graph_as_union": True}


def iris(query):
    """The IRIs written in a query (``<...>``) with their offsets, in order; not those in strings
    or comments.

    >>> list(iris('SELECT * FROM <http://e/g> { ?s ?p "<http://e/x>" } # <http://e/y>'))
    [('<http://e/g>', 14)]
    """
    for match in _TOKEN.finditer(query):
        if match.lastgroup == "iri":
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


def inject_choices(query, name, values):
    """Bind one variable to any of ``values`` (N-Triples terms) by a VALUES block at the
    start of the outermost WHERE group, as :func:`inject_values` binds one value.

    >>> inject_choices("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "p", ["<http://e/a>"])
    'CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?p { <http://e/a> } ?s ?p ?o }'
    """
    _check_name(name)
    at = _where_brace(query) + 1
    return f"{query[:at]} VALUES ?{name} {{ {' '.join(values)} }}{query[at:]}"


def inject_rows(query, names, rows):
    """Bind the variables ``names`` to any of ``rows`` (tuples of N-Triples terms, or ``UNDEF``)
    by a VALUES block at the start of the outermost WHERE group.

    >>> inject_rows("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", ["s", "o"],
    ...             [("<http://e/a>", "UNDEF")])
    'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s ?o) { (<http://e/a> UNDEF) } ?s ?p ?o }'
    """
    for name in names:
        _check_name(name)
    at = _where_brace(query) + 1
    head = " ".join(f"?{name}" for name in names)
    body = " ".join(f"({' '.join(row)})" for row in rows)
    return f"{query[:at]} VALUES ({head}) {{ {body} }}{query[at:]}"


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


def within(seconds, work, expired, name, detach=False):
    """``work()``, or raise the exception ``expired`` when it has not returned after ``seconds``.

    ``work`` runs in a daemon thread (named ``name``) that is abandoned at
    the limit: what bounds a local query and a whole remote answer. With
    ``detach`` an exception of ``work`` is raised as a copy without its
    traceback, whose frames may hold objects that must be dropped on the
    thread that made them (pyoxigraph results).

    >>> within(1, lambda: 7, TimeoutError("late"), "citygraph-doctest")
    7
    >>> within(0.05, lambda: __import__("time").sleep(1), TimeoutError("late"), "citygraph-doctest")
    Traceback (most recent call last):
    ...
    TimeoutError: late
    """
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            if not detach:
                outcome["error"] = exc
                return
            try:
                outcome["error"] = type(exc)(*exc.args)
            except Exception:  # noqa: BLE001 - an exception type with other arguments
                outcome["error"] = RuntimeError(str(exc))

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise expired
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


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
