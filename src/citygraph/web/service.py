"""What the endpoint says of itself to other origins and other programs: the SPARQL service
description and CORS for the routes that only read.

:func:`description` answers a GET of ``/sparql`` without a query (SPARQL 1.1
Service Description, in Turtle or as Accept asks). :class:`ReadOnlyCors` lets
a page on another origin (a query editor such as YASGUI, the reconciliation
testbench) read ``/sparql``, ``/reconcile``, entity data (``/id/...``) and
``/void``: ``Access-Control-Allow-Origin: *`` on their answers and an answer to
the preflight ``OPTIONS``. No route that writes is ever opened this way.
"""

import functools

import pyoxigraph as ox
from starlette.responses import Response

from citygraph.web.protocol import negotiate, serialize_graph

__all__ = ["description", "endpoint_url", "ReadOnlyCors", "CORS_PATHS", "SD"]

SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
#: the result formats the endpoint gives, by their W3C format IRIs
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD")

#: path prefixes opened to other origins, with the methods each may use (all read-only)
CORS_PATHS = {"/sparql": ("GET", "POST"), "/reconcile": ("GET", "POST"),
              "/id/": ("GET", "HEAD"), "/void": ("GET", "HEAD")}


def _sd(name):
    return ox.NamedNode(SD + name)


def service_triples(endpoint):
    """The triples of the service description of the endpoint at URL ``endpoint``.

    >>> len(service_triples("http://127.0.0.1:8000/sparql"))
    18
    """
    service = ox.NamedNode(endpoint)
    dataset = ox.BlankNode("dataset")
    graph = ox.BlankNode("default")
    triples = [
        ox.Triple(service, _RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), service),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("defaultEntailmentRegime"),
                  ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        *[ox.Triple(service, _sd("resultFormat"), ox.NamedNode(_FORMATS + name))
          for name in RESULT_FORMATS],
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, _RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), graph),
        ox.Triple(graph, _RDF_TYPE, _sd("Graph")),
        ox.Triple(dataset, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
                  ox.NamedNode(endpoint.rsplit("/", 1)[0] + "/void")),
    ]
    return triples


def endpoint_url(request):
    """The endpoint's own URL, without its query string: the base IRI of a query without BASE,
    and the ``sd:endpoint`` of the service description."""
    return scope_url(request.scope)


def scope_url(scope):
    """:func:`endpoint_url` of a request's ASGI scope."""
    host = next((v for k, v in scope["headers"] if k == b"host"), None)
    return _url(scope.get("scheme", "http"), host, scope.get("server"),
                scope.get("root_path", ""), scope["path"])


@functools.lru_cache(maxsize=64)
def _url(scheme, host, server, root_path, path):
    """The URL Starlette gives a request with these parts (the same few for every request)."""
    from starlette.datastructures import URL

    scope = {"type": "http", "scheme": scheme, "server": server, "root_path": root_path,
             "path": path, "query_string": b"", "headers": [(b"host", host)] if host else []}
    return str(URL(scope=scope))


def description(request, accept):
    """The service description as Turtle, or in the graph format Accept asks for."""
    fmt = negotiate(accept, graph=True) or ox.RdfFormat.TURTLE
    media, body = serialize_graph(service_triples(endpoint_url(request)), fmt,
                                  {"sd": SD, "formats": _FORMATS})
    return Response(body, media_type=media)


def _methods(path):
    for prefix, methods in CORS_PATHS.items():
        if path == prefix.rstrip("/") or path.startswith(prefix if prefix.endswith("/")
                                                         else prefix + "/"):
            return methods
    return None


class ReadOnlyCors:
    """ASGI middleware: CORS on the read-only routes of :data:`CORS_PATHS`, nowhere else."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        methods = _methods(scope.get("path", "")) if scope["type"] == "http" else None
        if methods is None:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])} if scope["method"] == "OPTIONS" else {}
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            asked = headers["access-control-request-method"].upper()
            allowed = asked in methods or asked == "OPTIONS"
            response = Response(status_code=204 if allowed else 403, headers={
                "Access-Control-Allow-Origin": "*",
                "Access-Control-Allow-Methods": ", ".join((*methods, "OPTIONS")),
                "Access-Control-Allow-Headers": headers.get(
                    "access-control-request-headers", "Accept, Content-Type"),
                "Access-Control-Max-Age": "86400",
                "Vary": "Origin",
            })
            await response(scope, receive, send)
            return
        if scope["method"] not in methods:
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message):
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []),
                                      (b"access-control-allow-origin", b"*")]
            await send(message)

        await self.app(scope, receive, send_with_cors)
