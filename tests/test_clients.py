"""Real SPARQL clients against ``citygraph serve``: SPARQLWrapper in every return format by GET
and both POSTs, rdflib's SPARQLStore, and rdflib's SERVICE pointed at the server."""

import warnings

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)

from conftest import SEED
from web_server import build_store, start_server

SEOUL = "https://w3id.org/citygraph/id/place/seoul"
SELECT = f"SELECT ?label WHERE {{ <{SEOUL}> <{RDFS.label}> ?label }}"
ASK = f"ASK {{ <{SEOUL}> <{RDFS.label}> \"Seoul\" }}"
CONSTRUCT = f"CONSTRUCT {{ <{SEOUL}> <{RDFS.label}> ?l }} WHERE {{ <{SEOUL}> <{RDFS.label}> ?l }}"
DESCRIBE = f"DESCRIBE <{SEOUL}>"
#: (method, request method): GET, a URL-encoded POST, a POST of the query itself
WAYS = [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("clients") / "store", data_dir=SEED)
    server = start_server(store, tmp_path_factory.mktemp("serve"))
    yield server
    server.stop()


def wrapper(server, query, fmt, method, request_method):
    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    client.setRequestMethod(request_method)
    with warnings.catch_warnings():
        # a content type that is not the one asked for warns
        warnings.simplefilter("error", RuntimeWarning)
        return client.query().convert()


@pytest.mark.parametrize("method,request_method", WAYS)
def test_sparqlwrapper_select_in_every_results_format(server, method, request_method):
    answer = wrapper(server, SELECT, JSON, method, request_method)
    assert [b["label"]["value"] for b in answer["results"]["bindings"]] == ["Seoul"]
    document = wrapper(server, SELECT, XML, method, request_method)
    assert [n.firstChild.data for n in document.getElementsByTagName("literal")] == ["Seoul"]
    assert wrapper(server, SELECT, CSV, method, request_method) == b"label\r\nSeoul\r\n"
    assert wrapper(server, SELECT, TSV, method, request_method) == b'?label\n"Seoul"\n'


@pytest.mark.parametrize("method,request_method", WAYS)
def test_sparqlwrapper_ask_in_json_and_xml(server, method, request_method):
    assert wrapper(server, ASK, JSON, method, request_method)["boolean"] is True
    document = wrapper(server, ASK, XML, method, request_method)
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize("method,request_method", WAYS)
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
def test_sparqlwrapper_construct_and_describe_in_every_rdf_format(server, method,
                                                                  request_method, query):
    for fmt in (XML, RDFXML, JSONLD):
        graph = wrapper(server, query, fmt, method, request_method)
        assert set(graph.objects(URIRef(SEOUL), RDFS.label)) == {Literal("Seoul")}, fmt
    for fmt in (TURTLE, N3):
        text = wrapper(server, query, fmt, method, request_method)
        graph = Graph().parse(data=text.decode(), format="turtle")
        assert set(graph.objects(URIRef(SEOUL), RDFS.label)) == {Literal("Seoul")}, fmt


def test_rdflib_sparqlstore_select_ask_construct_and_triples(server):
    store = SPARQLStore(server.sparql)
    graph = Graph(store=store)
    assert [str(row.label) for row in graph.query(SELECT)] == ["Seoul"]
    assert graph.query(ASK).askAnswer is True
    constructed = graph.query(CONSTRUCT).graph
    assert set(constructed) == {(URIRef(SEOUL), RDFS.label, Literal("Seoul"))}
    assert set(graph.objects(URIRef(SEOUL), RDFS.label)) == {Literal("Seoul")}
    assert list(graph.triples((URIRef(SEOUL), RDFS.label, None))) == [
        (URIRef(SEOUL), RDFS.label, Literal("Seoul"))]
    store.close()


def test_rdflib_service_reads_from_the_server(server):
    local = Graph()
    local.add((URIRef("http://e.org/q"), URIRef("http://e.org/about"), URIRef(SEOUL)))
    rows = local.query(f"""SELECT ?label WHERE {{
        <http://e.org/q> <http://e.org/about> ?place .
        SERVICE <{server.sparql}> {{ ?place <{RDFS.label}> ?label }} }}""")
    assert [str(row.label) for row in rows] == ["Seoul"]
