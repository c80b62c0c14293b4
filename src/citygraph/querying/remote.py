"""Remote SPARQL 1.1 endpoints: queries by SPARQLWrapper, uploads by Graph Store Protocol."""

import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from citygraph.errors import EndpointError, QueryError, UsageError
from citygraph.graph.sparql_base import (
    Target,
    inject_values,
    parse_only,
    query_form,
    syntax_error,
    to_rdflib,
    within,
)

__all__ = [
    "RemoteTarget",
    "check_url",
    "graph_store_url",
    "push",
    "PushReport",
]

#: first pause before a read is tried again; doubled on each further try
BACKOFF = 0.25
#: triples per INSERT DATA request when uploading by SPARQL Update
CHUNK = 5000


_HTTP_CODES = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


def _reason(exc):
    """One line saying why a request failed."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, SPARQLWrapperException):
        code = _HTTP_CODES.get(type(exc).__name__)
        body = str(exc).split("Response:", 1)[-1].strip()
        body = " ".join(body.removeprefix("b'").removesuffix("'").replace("\\n", " ").split())
        head = f"HTTP {code}" if code else type(exc).__name__
        return f"{head}: {body[:200]}" if body else head
    if isinstance(exc, urllib.error.URLError):
        exc = exc.reason
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]


def _retriable(exc):
    """Connection problems, timeouts and server-side errors; not a refused query."""
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code >= 500 or exc.code == 429
    name = type(exc).__name__
    if name == "EndPointInternalError":
        return True
    if isinstance(exc, SPARQLWrapperException):
        return False
    return isinstance(exc, OSError | http.client.HTTPException)


def _within(seconds, work):
    """``work()``, or ``TimeoutError`` when it has not returned after ``seconds``.

    The socket timeout bounds each read, not a whole answer: a server that
    sends a byte now and then would hold a request forever. So the request
    runs in a daemon thread and is abandoned at the limit.

    >>> _within(1, lambda: 7)
    7
    >>> _within(0.05, lambda: time.sleep(1))
    Traceback (most recent call last):
    ...
    TimeoutError: no complete answer within 0.05 s
    """
    return within(seconds, work, TimeoutError(f"no complete answer within {seconds:g} s"),
                  "citygraph-request")


def check_url(url, option="--endpoint"):
    """The URL if it is an http(s) URL with a host; else a one-line UsageError (exit 2).

    urllib would also open ``file:`` and ``ftp:`` URLs: an endpoint option must
    never make citygraph read a local file or speak another protocol.

    >>> check_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/query'
    >>> check_url("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: --endpoint file:///etc/passwd: give an http:// or https:// URL
    """
    try:
        parts = urllib.parse.urlsplit(str(url))
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        ok = False
    if not ok:
        raise UsageError(f"{option} {url}: give an http:// or https:// URL")
    return url


def _is_bad_query(exc):
    return type(exc).__name__ == "QueryBadFormed"


class RemoteTarget(Target):
    """Queries on a remote SPARQL 1.1 endpoint (its query URL).

    Bindings become a VALUES block of N-Triples terms at the start of the
    outermost WHERE group. Each request waits at most ``timeout`` seconds;
    a failed read is tried ``retries`` more times, pausing 0.25 s, 0.5 s, ...
    Failures raise :class:`~citygraph.errors.EndpointError` naming the endpoint.

    >>> RemoteTarget("http://127.0.0.1:7878/query", timeout=5).endpoint
    'http://127.0.0.1:7878/query'
    """

    is_remote = True

    def __init__(self, endpoint, timeout=30.0, retries=2):
        self.endpoint = check_url(endpoint)
        self.timeout = float(timeout)
        self.retries = max(0, int(retries))

    def _request(self, query, fmt):
        wrapper = SPARQLWrapper(self.endpoint)
        wrapper.setQuery(query)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(fmt)
        # setTimeout() would round to whole seconds (0.5 to no timeout at all)
        wrapper.timeout = self.timeout
        last = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(BACKOFF * 2 ** (attempt - 1))
            try:
                return _within(self.timeout, lambda: wrapper.query().response.read())
            except Exception as exc:  # noqa: BLE001 - every failure becomes one EndpointError
                if _is_bad_query(exc):
                    self._raise_bad_query(query, exc)
                last = exc
                if not _retriable(exc):
                    break
        tries = f" after {attempt + 1} tries" if attempt else ""
        raise EndpointError(f"endpoint {self.endpoint}: {_reason(last)}{tries}") from None

    def _raise_bad_query(self, query, exc):
        # Point at the position when the query itself is wrong.
        try:
            parse_only(query)
        except SyntaxError as syntax:
            raise syntax_error(syntax) from None
        except Exception:  # noqa: BLE001 - only the syntax check matters here
            pass
        raise EndpointError(f"endpoint {self.endpoint} refused the query: {_reason(exc)}")

    def _prepare(self, query, bindings, form):
        actual = query_form(query)
        if actual != form and not (form == "CONSTRUCT" and actual == "DESCRIBE"):
            raise QueryError(f"expected a {form} query, got {actual}")
        return inject_values(query, dict(bindings or {}))

    def _json(self, body):
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise EndpointError(
                f"endpoint {self.endpoint}: malformed response (not SPARQL JSON results)"
            ) from None

    def select(self, query, bindings=None):
        body = self._request(self._prepare(query, bindings, "SELECT"), JSON)
        data = self._json(body)
        try:
            names = data["head"]["vars"]
            rows = data["results"]["bindings"]
            return [{name: _json_term(row.get(name)) for name in names} for row in rows]
        except (KeyError, TypeError, ValueError):
            raise EndpointError(
                f"endpoint {self.endpoint}: malformed response (no SELECT results)"
            ) from None

    def ask(self, query, bindings=None):
        data = self._json(self._request(self._prepare(query, bindings, "ASK"), JSON))
        if not isinstance(data, dict) or not isinstance(data.get("boolean"), bool):
            raise EndpointError(
                f"endpoint {self.endpoint}: malformed response (ASK result without boolean)"
            )
        return data["boolean"]

    def construct(self, query, bindings=None):
        body = self._request(self._prepare(query, bindings, "CONSTRUCT"), TURTLE)
        try:
            quads = ox.parse(body, format=ox.RdfFormat.TURTLE)
            return [
                (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in quads
            ]
        except SyntaxError:
            raise EndpointError(
                f"endpoint {self.endpoint}: malformed response (CONSTRUCT result is not Turtle)"
            ) from None


def _json_term(cell):
    """An rdflib term from a SPARQL JSON results cell."""
    from rdflib import BNode, Literal, URIRef

    if cell is None:
        return None
    kind = cell["type"]
    value = cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = cell.get("xml:lang")
        datatype = cell.get("datatype")
        if lang:
            return Literal(value, lang=lang)
        if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    raise ValueError(f"unknown term type {kind!r}")


def graph_store_url(endpoint):
    """The Graph Store Protocol URL beside a query endpoint, by Oxigraph's layout.

    >>> graph_store_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'
    >>> graph_store_url("http://example.org/sparql") is None
    True
    """
    if endpoint.rstrip("/").endswith("/query"):
        return endpoint.rstrip("/")[: -len("query")] + "store"
    return None


class PushReport:
    """The graphs a push replaced (with their triple counts) and dropped, in order."""

    def __init__(self):
        self.replaced = []
        self.dropped = []

    def lines(self):
        """One line per graph replaced or dropped, then a total.

        >>> report = PushReport()
        >>> report.replaced.append(("http://e/g", 3)); report.dropped.append("http://e/old")
        >>> report.lines()
        ['replaced <http://e/g> (3 triples)', 'dropped <http://e/old> (not in the store any \
more)', 'pushed 1 graphs, 3 triples; dropped 1 graphs']
        """
        out = [f"replaced <{graph}> ({count} triples)" for graph, count in self.replaced]
        out += [f"dropped <{graph}> (not in the store any more)" for graph in self.dropped]
        total = sum(count for _, count in self.replaced)
        summary = f"pushed {len(self.replaced)} graphs, {total} triples"
        if self.dropped:
            summary += f"; dropped {len(self.dropped)} graphs"
        out.append(summary)
        return out


def _send(method, url, body, content_type, timeout, missing_ok=False):
    request = urllib.request.Request(url, data=body, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    def send():
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()

    try:
        _within(timeout, send)
    except urllib.error.HTTPError as exc:
        if not (missing_ok and exc.code == 404):
            raise


def _put_graph(store, graph, graph_store, timeout):
    body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    url = f"{graph_store}?{urllib.parse.urlencode({'graph': graph.value})}"
    _send("PUT", url, body, "application/n-triples", timeout)
    return body.count(b"\n")


def _update_graph(store, graph, update, timeout):
    lines = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).splitlines()
    name = str(graph)

    def run(text):
        body = urllib.parse.urlencode({"update": text}).encode("utf-8")
        _send("POST", update, body, "application/x-www-form-urlencoded", timeout)

    run(f"DROP SILENT GRAPH {name}")
    # Blank nodes keep their identity only within one request: send such graphs whole, as
    # the template of an INSERT with an empty WHERE (Virtuoso refuses blank nodes in
    # INSERT DATA; the template makes one fresh node per label on every server).
    blank = any(b"_:" in line for line in lines)
    size = len(lines) if blank else CHUNK
    for start in range(0, len(lines), max(size, 1)):
        chunk = b"\n".join(lines[start : start + size]).decode("utf-8")
        if blank:
            run(f"INSERT {{ GRAPH {name} {{\n{chunk}\n}} }} WHERE {{}}")
        else:
            run(f"INSERT DATA {{ GRAPH {name} {{\n{chunk}\n}} }}")
    return len(lines)


def _drop_graph(graph, graph_store, update, timeout):
    if graph_store:
        url = f"{graph_store}?{urllib.parse.urlencode({'graph': graph})}"
        _send("DELETE", url, None, None, timeout, missing_ok=True)
    else:
        body = urllib.parse.urlencode({"update": f"DROP SILENT GRAPH <{graph}>"}).encode("utf-8")
        _send("POST", update, body, "application/x-www-form-urlencoded", timeout)


def _server_graphs(endpoint, prefix, timeout):
    """{graph IRI: triple count} of the endpoint's graphs whose IRI starts with ``prefix``."""
    from citygraph.graph.sparql_base import to_ntriples

    query = (
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER (STRSTARTS(STR(?g), {to_ntriples(prefix)})) }} GROUP BY ?g"
    )
    rows = RemoteTarget(endpoint, timeout=timeout).select(query)
    try:
        return {str(row["g"]): int(row["n"]) for row in rows}
    except (KeyError, TypeError, ValueError):
        raise EndpointError(
            f"endpoint {endpoint}: malformed response (graph counts without ?g ?n)"
        ) from None


def push(store, graphs, graph_store=None, update=None, timeout=30.0, endpoint=None,
         prefix=None):
    """Make the endpoint's graphs under ``prefix`` equal the store's ``graphs``.

    Each graph of ``graphs`` replaces the endpoint's graph of that name, by
    the Graph Store Protocol (HTTP PUT to ``graph_store``) or, given an
    ``update`` URL, SPARQL Update (DROP SILENT GRAPH, then INSERT DATA in
    chunks). Writes are not retried. When one fails, the EndpointError says
    which graphs were replaced and which were not.

    Given the query URL ``endpoint`` and a graph IRI ``prefix``, the endpoint's
    graphs under ``prefix`` that are not among ``graphs`` (their source was
    removed) are then dropped, and the endpoint is asked for the triples of
    each graph: a push is done only when every count is the store's. A
    server that answers a write with a success code but stores nothing (a
    proxy's HTML page, say) is an EndpointError, not "pushed".

    >>> push(ox.Store(), [], graph_store="http://127.0.0.1:9/store").lines()
    ['pushed 0 graphs, 0 triples']
    """
    if (graph_store is None) == (update is None):
        raise EndpointError("push needs exactly one of a graph store URL or an update URL")
    if graph_store:
        check_url(graph_store, "--graph-store")
    else:
        check_url(update, "--update")
    if endpoint is not None:
        check_url(endpoint)
    report = PushReport()
    url = graph_store or update
    for index, graph in enumerate(graphs):
        try:
            if graph_store:
                count = _put_graph(store, graph, graph_store, timeout)
            else:
                count = _update_graph(store, graph, update, timeout)
        except (OSError, http.client.HTTPException) as exc:
            done = ", ".join(f"<{g}>" for g, _ in report.replaced) or "none"
            left = ", ".join(f"<{g.value}>" for g in graphs[index:])
            raise EndpointError(
                f"endpoint {url}: push failed at <{graph.value}> ({_reason(exc)}); "
                f"replaced: {done}; not replaced: {left}"
            ) from None
        report.replaced.append((graph.value, count))
    if endpoint is None or prefix is None:
        return report
    keep = {graph.value for graph in graphs}
    for graph in sorted(set(_server_graphs(endpoint, prefix, timeout)) - keep):
        try:
            _drop_graph(graph, graph_store, update, timeout)
        except (OSError, http.client.HTTPException) as exc:
            raise EndpointError(
                f"endpoint {url}: dropping <{graph}>, which is not in the store any more, "
                f"failed ({_reason(exc)}); all {len(graphs)} graphs of the store were replaced"
            ) from None
        report.dropped.append(graph)
    _verify(report, endpoint, prefix, timeout)
    return report


def _verify(report, endpoint, prefix, timeout):
    """Check that the endpoint now holds exactly the graphs and triples pushed."""
    held = _server_graphs(endpoint, prefix, timeout)
    expected = {graph: count for graph, count in report.replaced if count}
    for graph in sorted(set(held) | set(expected)):
        if held.get(graph, 0) != expected.get(graph, 0):
            raise EndpointError(
                f"endpoint {endpoint}: after the push <{graph}> holds {held.get(graph, 0)} "
                f"triples, the store {expected.get(graph, 0)}; the server acknowledged writes "
                "it did not make"
            )
