"""Linked data: entity IRIs that dereference, the dataset's VoID description, the ontology.

An entity IRI ``https://w3id.org/citygraph/id/place/seoul`` is served at
``/id/place/seoul``: a browser gets the page, a program asking for Turtle,
N-Triples, JSON-LD or RDF/XML (by Accept, or by a ``.ttl``, ``.nt``,
``.jsonld`` or ``.rdf`` suffix) gets the entity's facts with their provenance
and evidence. ``/void`` describes the dataset (VoID and DCAT); ``/ontology``
serves the ontology and its concept schemes at the namespace's path.
"""

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Route

from citygraph.graph.sparql_base import to_ntriples
from citygraph.web import pages
from citygraph.web.base import target
from citygraph.web.protocol import GRAPH_MEDIA, GRAPH_TYPES, accepted

__all__ = ["routes", "SUFFIXES", "choose", "alternates"]

#: the file suffixes of an entity's data, by format
SUFFIXES = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
            ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML}
_HTML = ("text/html", "application/xhtml+xml")

_ENTITY = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
CONSTRUCT { ?e ?p ?o . ?o rdfs:label ?label . ?fact ?fp ?fo . ?source dcterms:title ?title }
WHERE { VALUES ?e { %s }
  { ?e ?p ?o . OPTIONAL { ?o rdfs:label ?label } }
  UNION { ?fact ?link ?e ; prov:wasDerivedFrom ?source ; ?fp ?fo .
          OPTIONAL { ?source dcterms:title ?title } } }"""
_ONTOLOGY = """CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/citygraph/graph/ontology/")) }"""


def choose(accept):
    """'html', or the RDF format an Accept header prefers; browsers and ``*/*`` get 'html'.

    >>> choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    'html'
    >>> choose("application/ld+json") == ox.RdfFormat.JSON_LD
    True
    >>> choose("text/turtle;q=0.9, application/rdf+xml") == ox.RdfFormat.RDF_XML
    True
    >>> choose(None)
    'html'
    """
    for media in accepted(accept):
        if media in _HTML or media in ("*/*", "text/*"):
            return "html"
        if media in GRAPH_TYPES:
            return GRAPH_TYPES[media]
    return "html"


def alternates(path):
    """The ``Link`` header value naming an entity's data in every format.

    >>> alternates("/id/place/seoul").split(", ")[0]
    '</id/place/seoul.ttl>; rel="alternate"; type="text/turtle"'
    """
    return ", ".join(f'<{path}{suffix}>; rel="alternate"; '
                     f'type="{GRAPH_MEDIA[fmt].split(";")[0]}"'
                     for suffix, fmt in SUFFIXES.items())


def _graph_answer(request, text, fmt):
    pool = request.app.state.pool
    media = GRAPH_MEDIA[fmt].split(";")[0]
    return pool.call(("protocol", text, media, [], [], request.app.state.settings.max_rows,
                      None))


async def entity(request):
    """An entity's page or its data, by Accept or by suffix."""
    path = request.path_params["path"]
    fmt = next((f for suffix, f in SUFFIXES.items() if path.endswith(suffix)), None)
    if fmt is not None:
        path = path.rsplit(".", 1)[0]
    else:
        fmt = choose(request.headers.get("accept"))
    if fmt == "html":
        from citygraph.web.views import entity as page

        response = await page(request)
        response.headers["Link"] = alternates(f"/id/{path}")
        response.headers["Vary"] = "Accept"
        return response
    node = pages.node_iri(path)
    if node is None:
        raise HTTPException(404)
    known = await run_in_threadpool(
        target(request).ask, f"ASK {{ {{ {to_ntriples(node)} ?p ?o }} UNION "
                             f"{{ ?s ?p {to_ntriples(node)} }} }}")
    if not known:
        raise HTTPException(404)
    media, body = await run_in_threadpool(_graph_answer, request,
                                          _ENTITY % to_ntriples(node), fmt)
    return Response(body, media_type=media, headers={"Vary": "Accept",
                                                     "Link": f'<{node}>; rel="describes"'})


_RDFLIB_FORMATS = {ox.RdfFormat.TURTLE: "turtle", ox.RdfFormat.N_TRIPLES: "nt",
                   ox.RdfFormat.JSON_LD: "json-ld", ox.RdfFormat.RDF_XML: "xml"}


def _void(request, fmt):
    from citygraph.querying.void import describe
    from citygraph.web.service import endpoint_url

    cache = request.app.state.cache
    if "void" not in cache:
        sparql = endpoint_url(request).rsplit("/", 1)[0] + "/sparql"
        cache["void"] = describe(target(request), sparql)
    body = cache["void"].serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
    return GRAPH_MEDIA[fmt], body


async def void(request):
    """The VoID and DCAT description of the dataset."""
    fmt = choose(request.headers.get("accept"))
    fmt = ox.RdfFormat.TURTLE if fmt == "html" else fmt
    media, body = await run_in_threadpool(_void, request, fmt)
    return Response(body, media_type=media, headers={"Vary": "Accept"})


async def ontology(request):
    """The ontology and its concept schemes, as the namespace ``/ontology`` is asked."""
    fmt = choose(request.headers.get("accept"))
    fmt = ox.RdfFormat.TURTLE if fmt == "html" else fmt
    media, body = await run_in_threadpool(_graph_answer, request, _ONTOLOGY, fmt)
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def routes():
    """The linked-data routes; the entity route goes before the pages' own ``/id/`` route."""
    return [
        Route("/id/{path:path}", entity, methods=["GET", "HEAD"]),
        Route("/void", void, methods=["GET", "HEAD"]),
        Route("/ontology", ontology, methods=["GET", "HEAD"]),
    ]
