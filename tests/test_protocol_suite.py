"""citygraph serve against the W3C SPARQL 1.1 Protocol test suite, and the protocol's details
that suite leaves out: relative IRIs, the format hint, RDF/XML and JSON-LD, the service
description, CORS.

The suite (``sparql11/protocol`` of the W3C rdf-tests: manifest.ttl, data1-3.nt and its
LICENSE.md) is read from ``suites/sparql11-protocol`` of the shared folder, or of the folder
named by ``CITYGRAPH_SUITES``; the tests that need it are skipped where it is absent.
"""

import http.client
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection

from conftest import SEED
from suites import suite_folder
from web_server import build_store, start_server

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
READ_ONLY = "updates are refused: this endpoint is read-only"


PROTOCOL = suite_folder("sparql11-protocol")


def _manifest():
    graph = Graph().parse(PROTOCOL / "manifest.ttl", format="turtle",
                          publicID=(PROTOCOL / "manifest.ttl").as_uri())
    manifest = next(graph.subjects(predicate=MF.entries))
    return graph, list(Collection(graph, graph.value(manifest, MF.entries)))


def _cases():
    if PROTOCOL is None:
        return []
    graph, entries = _manifest()
    return [pytest.param(entry, id=str(entry).rsplit("#", 1)[1]) for entry in entries]


def _requests(graph, entry):
    """The requests of one test, in order: method, path, headers, body, expectations."""
    action = graph.value(entry, MF.action)
    out = []
    for node in Collection(graph, graph.value(action, HT.requests)):
        headers = {}
        header_list = graph.value(node, HT.headers)
        if header_list is not None:
            for header in Collection(graph, header_list):
                headers[str(graph.value(header, HT.fieldName))] = str(
                    graph.value(header, HT.fieldValue))
        body = graph.value(node, HT.body)
        chars = None if body is None else str(graph.value(body, CNT.chars))
        response = graph.value(node, HT.resp)
        out.append({
            "method": str(graph.value(node, HT.methodName)),
            "path": str(graph.value(node, HT.absolutePath)).replace("/sparql/", "/sparql", 1),
            "headers": headers, "chars": chars,
            "status": sorted(str(s)[len(HTS)] for s in graph.objects(response, MF.expectedStatus)),
            "format": graph.value(response, MF.expectedFormat),
            "boolean": graph.value(response, MF.expectedBoolean),
        })
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The seed store, with the suite's three graphs loaded under the names the suite gives."""
    from citygraph.graph.store import live_folder

    path = build_store(tmp_path_factory.mktemp("protocol") / "store", data_dir=SEED)
    if PROTOCOL is not None:
        graph, _ = _manifest()
        db = ox.Store(str(live_folder(path) / "oxigraph"))
        for data in set(graph.objects(predicate=UT.graphData)):
            name = str(graph.value(data, RDFS.label))
            file = Path(str(graph.value(data, UT.graph)).replace("file://", ""))
            db.load(path=str(file), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
        db.flush()
        del db
    return path


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    server = start_server(store, tmp_path_factory.mktemp("serve"))
    yield server
    server.stop()


def send(server, method, path, headers=None, body=None):
    """(status, headers, body bytes) of one request, errors included; only the headers given
    are sent (no Content-Type is added to a body that has none)."""
    host = server.base.split("//", 1)[1]
    connection = http.client.HTTPConnection(host, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def _boolean(media, body):
    if media.startswith(("application/sparql-results+json", "application/json")):
        return json.loads(body)["boolean"]
    text = body.decode()
    assert media.startswith("application/sparql-results+xml"), media
    return "<boolean>true</boolean>" in text


_RDF = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD}
_TABULAR = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
            "text/tab-separated-values")


@pytest.mark.skipif(PROTOCOL is None, reason="the W3C sparql11/protocol suite is not copied "
                    "into ../shared/suites (or $CITYGRAPH_SUITES)")
@pytest.mark.parametrize("entry", _cases())
def test_w3c_protocol_case(server, entry):
    graph, _ = _manifest()
    requests = _requests(graph, entry)
    name = str(entry).rsplit("#", 1)[1]
    for number, req in enumerate(requests):
        headers = dict(req["headers"])
        kind = headers.get("content-type", "")
        charset = kind.split("charset=")[1] if "charset=" in kind else "utf-8"
        body = None if req["chars"] is None else req["chars"].encode(charset)
        status, answer, content = send(server, req["method"], req["path"], headers, body)
        if name.startswith("update_") and number == 0:
            # this endpoint is read-only: every update gets its documented refusal
            assert (status, content.decode()) == (400, READ_ONLY + "\n")
            return
        assert str(status)[0] in req["status"], (status, content[:300])
        media = (answer.get("Content-Type") or "").split(";")[0]
        expected = req["format"] and str(req["format"])
        if expected == "boolean":
            assert _boolean(media, content) is bool(req["boolean"] is None
                                                    or req["boolean"].toPython())
        elif expected == "tabular":
            assert media in _TABULAR
        elif expected == "RDF":
            assert media in _RDF
            list(ox.parse(content, format=_RDF[media]))


def test_the_suite_counts_its_query_and_update_cases():
    if PROTOCOL is None:
        pytest.skip("the W3C sparql11/protocol suite is not copied")
    names = [str(e).rsplit("#", 1)[1] for e in _manifest()[1]]
    updates = [n for n in names if n.startswith("update_")]
    assert (len(names), len(updates)) == (34, 7)


def _query(server, text, accept=None, **params):
    import urllib.parse

    path = "/sparql?" + urllib.parse.urlencode({"query": text, **params})
    return send(server, "GET", path, {"Accept": accept} if accept else {})


def test_a_relative_iri_without_base_is_resolved_against_the_endpoint(server):
    status, headers, body = _query(server, "CONSTRUCT { <s> <p> 1 } WHERE {}",
                                   "application/n-triples")
    assert status == 200
    assert body.decode() == (f"<{server.base}/s> <{server.base}/p> "
                             '"1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')
    # a BASE of the query still wins
    status, _, body = _query(server, "BASE <http://e.org/> CONSTRUCT { <s> <p> 1 } WHERE {}",
                             "application/n-triples")
    assert body.decode().startswith("<http://e.org/s> <http://e.org/p> ")


def test_two_query_parameters_are_refused(server):
    status, _, body = send(server, "GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert (status, body) == (400, b"give one query parameter, not 2\n")


SEOUL = "https://w3id.org/citygraph/id/place/seoul"
CONSTRUCT = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
             f"CONSTRUCT {{ <{SEOUL}> rdfs:label ?l }} WHERE {{ <{SEOUL}> rdfs:label ?l }}")


@pytest.mark.parametrize("accept,media,fmt", [
    ("application/rdf+xml", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
])
def test_construct_and_describe_answer_in_every_rdf_format(server, accept, media, fmt):
    for text in (CONSTRUCT, f"DESCRIBE <{SEOUL}>"):
        status, headers, body = _query(server, text, accept)
        assert (status, headers["Content-Type"].split(";")[0]) == (200, media)
        labels = {t.object.value for t in ox.parse(body, format=fmt)
                  if t.predicate.value.endswith("#label")}
        assert labels == {"Seoul"}


def test_the_format_parameter_is_a_hint(server):
    # SPARQLWrapper sends format=xml for RDF/XML and format=n3 for Turtle
    status, headers, _ = _query(server, CONSTRUCT, "application/rdf+xml", format="xml")
    assert (status, headers["Content-Type"]) == (200, "application/rdf+xml")
    status, headers, _ = _query(server, CONSTRUCT, "text/turtle", format="n3")
    assert (status, headers["Content-Type"]) == (200, "text/turtle; charset=utf-8")
    # an unknown value leaves the Accept header to decide
    status, headers, body = _query(server, "ASK {}", "application/sparql-results+json",
                                   format="application/x-unknown")
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})
    # a known value wins over Accept, as the download links rely on
    status, headers, body = _query(server, "SELECT (1 AS ?one) {}", "application/json",
                                   format="csv")
    assert body == b"one\r\n1\r\n"


def test_get_without_a_query_is_the_service_description(server):
    status, headers, body = send(server, "GET", "/sparql")
    assert (status, headers["Content-Type"]) == (200, "text/turtle; charset=utf-8")
    graph = Graph().parse(data=body.decode(), format="turtle")
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = URIRef(server.sparql)
    assert graph.value(service, sd.endpoint) == service
    assert set(graph.objects(service, sd.supportedLanguage)) == {sd.SPARQL11Query}
    assert sd.UnionDefaultGraph in set(graph.objects(service, sd.feature))
    assert URIRef("http://www.w3.org/ns/formats/JSON-LD") in set(
        graph.objects(service, sd.resultFormat))
    status, headers, body = send(server, "GET", "/sparql", {"Accept": "application/ld+json"})
    assert headers["Content-Type"] == "application/ld+json"
    assert len(Graph().parse(data=body.decode(), format="json-ld")) == len(graph) == 18
    # a browser still gets the editor
    status, headers, body = send(server, "GET", "/sparql", {"Accept": "text/html"})
    assert headers["Content-Type"].startswith("text/html") and b"<textarea" in body


def test_cors_opens_the_reading_routes_to_other_origins(server):
    origin = {"Origin": "https://yasgui.example"}
    status, headers, _ = send(server, "GET", "/sparql?query=ASK%7B%7D", origin)
    assert (status, headers["Access-Control-Allow-Origin"]) == (200, "*")
    status, headers, _ = send(server, "OPTIONS", "/sparql", {
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Access-Control-Allow-Methods"] == "GET, POST, OPTIONS"
    assert headers["Access-Control-Allow-Headers"] == "content-type"
    status, headers, _ = send(server, "GET", "/reconcile", origin)
    assert (status, headers["Access-Control-Allow-Origin"]) == (200, "*")
    status, headers, _ = send(server, "GET", "/id/place/seoul", origin)
    assert (status, headers["Access-Control-Allow-Origin"]) == (200, "*")
    # entity paths are readable only: a preflight for a write is refused
    status, headers, _ = send(server, "OPTIONS", "/id/place/seoul", {
        **origin, "Access-Control-Request-Method": "POST"})
    assert status == 403
    # pages and the other routes stay same-origin
    status, headers, _ = send(server, "GET", "/search?q=Seoul", origin)
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
