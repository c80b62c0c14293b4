"""Linked data from citygraph serve: entity IRIs dereference by content negotiation and suffix,
the dataset's VoID/DCAT description at /void and from ``citygraph export --format void``,
the ontology at its namespace."""

import http.client

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, RDF, RDFS

from citygraph.cli import cli
from conftest import SEED
from web_server import build_store, start_server

CG = Namespace("https://w3id.org/citygraph/ontology#")
VOID = Namespace("http://rdfs.org/ns/void#")
SEOUL = URIRef("https://w3id.org/citygraph/id/place/seoul")
DATASET = URIRef("https://w3id.org/citygraph/id/dataset")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RDFLIB = {"text/turtle": "turtle", "application/n-triples": "nt",
          "application/ld+json": "json-ld", "application/rdf+xml": "xml"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("ld") / "store", data_dir=SEED)


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    server = start_server(store, tmp_path_factory.mktemp("serve"))
    yield server
    server.stop()


def send(server, path, accept=None, method="GET"):
    connection = http.client.HTTPConnection(server.base.split("//", 1)[1], timeout=60)
    try:
        connection.request(method, path, headers={"Accept": accept} if accept else {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def parsed(headers, body):
    media = headers["Content-Type"].split(";")[0]
    return Graph().parse(data=body.decode(), format=RDFLIB[media])


def test_an_entity_iri_gives_its_facts_provenance_and_evidence(server):
    status, headers, body = send(server, "/id/place/seoul", "text/turtle")
    assert (status, headers["Content-Type"], headers["Vary"]) == (
        200, "text/turtle; charset=utf-8", "Accept")
    graph = parsed(headers, body)
    assert graph.value(SEOUL, RDFS.label) == Literal("Seoul")
    assert (SEOUL, RDF.type, CG.City) in graph
    # every tie of Seoul comes with its source document, the document's title and the evidence
    ties = {f for f in graph.subjects(CG.party, SEOUL) if (f, RDF.type, CG.Tie) in graph}
    assert ties
    for fact in ties:
        source = graph.value(fact, PROV.wasDerivedFrom)
        assert source is not None and graph.value(source, DCTERMS.title) is not None
        assert graph.value(fact, CG.evidence) is not None
    # the labels of what Seoul points to, so a client can show names
    country = graph.value(SEOUL, CG.country)
    assert country == URIRef("https://w3id.org/citygraph/id/place/country-kr")
    assert graph.value(country, RDFS.label) == Literal("South Korea")


@pytest.mark.parametrize("accept", ["application/n-triples", "application/ld+json",
                                    "application/rdf+xml"])
def test_every_rdf_format_gives_the_same_graph(server, accept):
    turtle = parsed(*send(server, "/id/place/seoul", "text/turtle")[1:])
    status, headers, body = send(server, "/id/place/seoul", accept)
    assert (status, headers["Content-Type"].split(";")[0]) == (200, accept)
    assert isomorphic(parsed(headers, body), turtle)
    assert len(turtle) > 500


@pytest.mark.parametrize("suffix,media", [(".ttl", "text/turtle"), (".nt", "application/n-triples"),
                                          (".jsonld", "application/ld+json"),
                                          (".rdf", "application/rdf+xml")])
def test_a_suffix_chooses_the_format_whatever_the_accept_header(server, suffix, media):
    status, headers, body = send(server, f"/id/place/seoul{suffix}", BROWSER)
    assert (status, headers["Content-Type"].split(";")[0]) == (200, media)
    assert parsed(headers, body).value(SEOUL, RDFS.label) == Literal("Seoul")


def test_a_browser_gets_the_page_with_its_full_iri_and_alternates(server):
    status, headers, body = send(server, "/id/place/seoul", BROWSER)
    html = body.decode()
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert f'<span class="iri">{SEOUL}</span>' in html
    assert '<link rel="alternate" type="text/turtle" href="/id/place/seoul.ttl">' in html
    assert '<link rel="alternate" type="application/ld+json" href="/id/place/seoul.jsonld">' \
        in html
    assert headers["Link"].split(", ")[0] == \
        '</id/place/seoul.ttl>; rel="alternate"; type="text/turtle"'
    # no Accept at all: the page too
    assert send(server, "/id/place/seoul")[1]["Content-Type"].startswith("text/html")


def test_an_unknown_entity_is_404_in_every_format(server):
    assert send(server, "/id/place/atlantis", "text/turtle")[0] == 404
    assert send(server, "/id/place/atlantis.jsonld")[0] == 404
    assert send(server, "/id/place/atlantis", BROWSER)[0] == 404


def test_void_describes_the_dataset(server):
    status, headers, body = send(server, "/void")
    assert (status, headers["Content-Type"]) == (200, "text/turtle; charset=utf-8")
    graph = parsed(headers, body)
    assert set(graph.objects(DATASET, RDF.type)) == {VOID.Dataset, DCAT.Dataset}
    assert graph.value(DATASET, VOID.triples).toPython() == 13159
    assert graph.value(DATASET, VOID.sparqlEndpoint) == URIRef(server.sparql)
    assert graph.value(DATASET, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/")
    assert graph.value(DATASET, VOID.uriSpace) == Literal("https://w3id.org/citygraph/id/")
    subsets = {s: graph.value(s, VOID.triples).toPython()
               for s in graph.objects(DATASET, VOID.subset)}
    assert len(subsets) == 10
    assert subsets[URIRef("https://w3id.org/citygraph/graph/ontology/schemes.ttl")] == 473
    assert sum(subsets.values()) == 13159
    assert set(graph.objects(DATASET, DCTERMS.source)) == {
        URIRef(f"https://w3id.org/citygraph/id/doc/00{n}") for n in range(5)}
    cities = [p for p in graph.objects(DATASET, VOID.classPartition)
              if graph.value(p, VOID["class"]) == CG.City]
    assert graph.value(cities[0], VOID.entities).toPython() == 48
    vocabularies = set(graph.objects(DATASET, VOID.vocabulary))
    assert {URIRef("http://www.w3.org/ns/org#"), URIRef("http://www.w3.org/ns/prov#"),
            URIRef(str(CG))} <= vocabularies
    assert len(list(graph.objects(DATASET, VOID.exampleResource))) == 3
    status, headers, body = send(server, "/void", "application/ld+json")
    assert isomorphic(parsed(headers, body), graph)


def test_export_void_writes_the_same_description(store, server, tmp_path):
    out = tmp_path / "void.ttl"
    result = CliRunner().invoke(cli, ["export", "--format", "void", "--store", str(store),
                                      "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out} (a VoID description of 13159 triples)\n"
    exported = Graph().parse(out, format="turtle")
    served = parsed(*send(server, "/void")[1:])
    served.remove((None, VOID.sparqlEndpoint, None))
    for node in list(served.objects(DATASET, DCAT.distribution)):
        served.remove((DATASET, DCAT.distribution, node))
        for s in [node, *served.objects(node, DCAT.accessService)]:
            served.remove((s, None, None))
    assert isomorphic(exported, served)


def test_the_ontology_is_served_at_its_namespace(server):
    status, headers, body = send(server, "/ontology", "text/turtle")
    assert status == 200
    graph = parsed(headers, body)
    assert (URIRef("https://w3id.org/citygraph/ontology"), RDF.type, OWL.Ontology) in graph
    assert (CG.City, RDF.type, OWL.Class) in graph
    assert len(graph) == 756 + 473
    status, headers, body = send(server, "/ontology", "application/rdf+xml")
    assert len(parsed(headers, body)) == 756 + 473


def test_entity_data_and_void_answer_other_origins(server):
    connection = http.client.HTTPConnection(server.base.split("//", 1)[1], timeout=60)
    for path in ("/id/place/seoul.ttl", "/void"):
        connection.request("GET", path, headers={"Origin": "https://other.example"})
        response = connection.getresponse()
        response.read()
        assert (response.status, response.headers["Access-Control-Allow-Origin"]) == (200, "*")
    connection.close()
