"""Remote endpoints: push to a real Oxigraph server, query it, fail clearly when it cannot."""

import datetime
import http.server
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from citygraph.cli import cli
from citygraph.errors import EndpointError, QueryError
from citygraph.graph.build import build
from citygraph.graph.store import INFERRED_GRAPH, open_existing
from citygraph.namespaces import CG, PREFIXES
from citygraph.querying.remote import push
from citygraph.querying.sparql import connect
from conftest import FIXTURES, ROOT
from oxigraph_server import free_port
from web_server import start_server

PREAMBLE = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items())

# Questions on the store fixture, each with its bindings; ORDER BY makes rows comparable.
QUESTIONS = [
    ("SELECT ?whole ?label WHERE { ?place cg:partOf ?whole . ?whole rdfs:label ?label }"
     " ORDER BY ?whole", {"place": URIRef(PREFIXES["place"] + "tomsk")}),
    ("SELECT ?a ?b WHERE { ?a cg:twinnedWith ?b } ORDER BY ?a ?b", {}),
    ("SELECT ?person ?title ?date WHERE { ?h cg:holder ?person ; cg:statedTitle ?title ;"
     " cg:asOf ?date . FILTER (?date <= ?on) } ORDER BY ?person",
     {"on": datetime.date(2014, 9, 6)}),
    ("SELECT ?h ?title WHERE { ?h cg:statedTitle ?title } ORDER BY ?h",
     {"title": "Governor of Tomsk Region"}),
    ("SELECT ?org (COUNT(?unit) AS ?n) WHERE { ?unit org:transitiveSubOrganizationOf ?org }"
     " GROUP BY ?org ORDER BY ?org", {}),
    ("SELECT ?type WHERE { place:toyama-prefecture a ?type } ORDER BY ?type", {}),
    ("SELECT ?size WHERE { ?p cg:participant ?who ; cg:delegationSize ?size }",
     {"who": URIRef(PREFIXES["place"] + "tomsk")}),
]


@pytest.fixture(scope="module")
def local_store(tmp_path_factory):
    """The store fixture built on disk, as ``citygraph push`` reads it."""
    path = tmp_path_factory.mktemp("remote") / "store"
    report = build(store_path=path, data_dir=FIXTURES / "store" / "data", root=ROOT,
                   validate=False)
    assert report.written
    return path


def clear_server(server):
    """Empty the shared server, so each test module sees only what it pushed."""
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
    with urllib.request.urlopen(urllib.request.Request(server.update, data=body), timeout=10):
        pass


@pytest.fixture(scope="module")
def pushed(oxigraph_server, local_store):
    clear_server(oxigraph_server)
    result = CliRunner().invoke(
        cli, ["push", "--endpoint", oxigraph_server.query, "--store", str(local_store)]
    )
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module", params=["oxigraph", "citygraph-serve"])
def endpoint(request, local_store, tmp_path_factory):
    """The query URL of a server holding the store fixture: oxigraph serve (pushed to) or
    citygraph serve (reading the store itself)."""
    if request.param == "oxigraph":
        request.getfixturevalue("pushed")
        yield request.getfixturevalue("oxigraph_server").query
        return
    server = start_server(local_store, tmp_path_factory.mktemp("serve"))
    try:
        yield server.sparql
    finally:
        server.stop()


def _count(target):
    return target.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]


def test_push_replaces_one_graph_per_file_and_the_inferred_graph(pushed, oxigraph_server):
    lines = pushed.output.splitlines()
    assert lines[-2] == "replaced <https://w3id.org/citygraph/graph/inferred> (61 triples)"
    assert lines[-1].startswith("pushed 6 graphs, ")
    remote = connect(endpoint=oxigraph_server.query)
    graphs = remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert [str(r["g"]).rsplit("graph/", 1)[1] for r in graphs] == [
        "inferred",
        "ontology/citygraph.ttl",
        "ontology/schemes.ttl",
        "tests/data/store/data/000_6225120ee05bea0d.ttl",
        "tests/data/store/data/001_1d554e3414d9cb96.ttl",
        "tests/data/store/data/places.ttl",
    ]


@pytest.mark.parametrize("query,bindings", QUESTIONS)
def test_remote_answers_equal_local_answers_row_for_row(endpoint, local_store, query, bindings):
    local = connect(open_existing(local_store)).select(PREAMBLE + query, bindings)
    remote = connect(endpoint=endpoint).select(PREAMBLE + query, bindings)
    assert remote == local
    assert local  # every question has an answer on the fixture


def test_remote_ask_and_construct(endpoint):
    remote = connect(endpoint=endpoint, timeout=5)
    assert remote.ask(PREAMBLE + "ASK { place:tomsk cg:partOf place:country-ru }") is True
    triples = remote.construct(
        PREAMBLE + "CONSTRUCT { ?a cg:near ?b } WHERE { ?a cg:twinnedWith ?b }",
        {"a": URIRef(PREFIXES["place"] + "liaoning")},
    )
    assert triples == [(URIRef(PREFIXES["place"] + "liaoning"), CG.near,
                        URIRef(PREFIXES["place"] + "toyama-prefecture"))]


def test_pushing_again_leaves_no_duplicates(pushed, oxigraph_server, local_store):
    remote = connect(endpoint=oxigraph_server.query)
    before = _count(remote)
    result = CliRunner().invoke(
        cli, ["push", "--endpoint", oxigraph_server.query, "--store", str(local_store)]
    )
    assert result.exit_code == 0, result.output
    assert _count(remote) == before == Literal(len(open_existing(local_store)))


def test_push_by_sparql_update_replaces_graphs_too(pushed, oxigraph_server, local_store):
    remote = connect(endpoint=oxigraph_server.query)
    before = _count(remote)
    store = open_existing(local_store)
    graphs = sorted(store.named_graphs(), key=lambda g: g.value)
    for _ in range(2):
        report = push(store, graphs, update=oxigraph_server.update, timeout=10)
    assert len(report.replaced) == 6
    assert _count(remote) == before


def test_hostile_values_match_literally_on_a_remote_endpoint(oxigraph_server):
    texts = ['He said "hi"', "} UNION { ?s ?p ?o }", "a\nb", "# x", "{", "back\\slash"]
    store = ox.Store()
    graph = ox.NamedNode("http://example.org/hostile")
    for i, text in enumerate(texts):
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/h{i}"),
                          ox.NamedNode("http://example.org/says"), ox.Literal(text), graph))
    push(store, [graph], graph_store=oxigraph_server.store, timeout=10)
    remote = connect(endpoint=oxigraph_server.query)
    query = "SELECT ?node WHERE { ?node <http://example.org/says> ?text }"
    for i, text in enumerate(texts):
        expected = [{"node": URIRef(f"http://example.org/h{i}")}]
        assert remote.select(query, {"text": text}) == expected
        assert connect(store).select(query, {"text": text}) == expected


def test_invalid_sparql_remotely_names_line_and_column(endpoint):
    with pytest.raises(QueryError) as caught:
        connect(endpoint=endpoint).select("SELECT ?x\nWHERE { ?x ?y . }")
    assert str(caught.value).startswith("query:2:")


# --- endpoints that fail ---------------------------------------------------------------


def test_an_endpoint_that_is_down_fails_with_one_line():
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(EndpointError) as caught:
        connect(endpoint=url, timeout=2, retries=2).select("SELECT * WHERE { ?s ?p ?o }")
    assert str(caught.value) == f"endpoint {url}: connection refused after 3 tries"


class _Misbehaving(http.server.BaseHTTPRequestHandler):
    """Answers every request the way ``server.mode`` says, counting requests."""

    def _answer(self):
        self.server.requests.append((self.command, self.path))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        mode = self.server.mode
        if mode == "slow":
            time.sleep(3)
        if mode == "error" or (mode == "third-put-fails" and len(self.server.requests) == 3):
            self.send_response(500)
            body = b"storage exploded"
        elif mode == "garbage":
            self.send_response(200)
            body = b"<html>not sparql</html>"
        else:
            self.send_response(204 if self.command == "PUT" else 200)
            body = b""
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def misbehaving():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Misbehaving)
    server.daemon_threads = True
    server.requests = []
    server.mode = "error"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _url(server, path="/query"):
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def test_a_slow_endpoint_times_out_and_reads_are_retried_a_bounded_number_of_times(misbehaving):
    misbehaving.mode = "slow"
    url = _url(misbehaving)
    with pytest.raises(EndpointError) as caught:
        connect(endpoint=url, timeout=0.5, retries=1).select("SELECT * WHERE { ?s ?p ?o }")
    assert str(caught.value) == f"endpoint {url}: timed out after 2 tries"
    assert len(misbehaving.requests) == 2


def test_an_endpoint_answering_500_is_an_endpoint_error(misbehaving):
    url = _url(misbehaving)
    with pytest.raises(EndpointError) as caught:
        connect(endpoint=url, timeout=2, retries=1).ask("ASK { ?s ?p ?o }")
    assert str(caught.value) == f"endpoint {url}: HTTP 500: storage exploded after 2 tries"


def test_a_malformed_response_is_an_endpoint_error(misbehaving):
    misbehaving.mode = "garbage"
    url = _url(misbehaving)
    with pytest.raises(EndpointError) as caught:
        connect(endpoint=url, timeout=2).select("SELECT * WHERE { ?s ?p ?o }")
    assert str(caught.value) == f"endpoint {url}: malformed response (not SPARQL JSON results)"
    assert len(misbehaving.requests) == 1


def test_a_push_failing_part_way_says_what_was_replaced(misbehaving, local_store):
    misbehaving.mode = "third-put-fails"
    result = CliRunner().invoke(cli, [
        "push", "--endpoint", _url(misbehaving), "--store", str(local_store), "--timeout", "5",
    ])
    assert result.exit_code == 3
    graph = "https://w3id.org/citygraph/graph/"
    fixture = f"{graph}tests/data/store/data/"
    assert result.output == (
        f"citygraph: error: endpoint {_url(misbehaving, '/store')}: push failed at "
        f"<{fixture}000_6225120ee05bea0d.ttl> (HTTP 500 Internal Server Error); "
        f"replaced: <{graph}ontology/citygraph.ttl>, <{graph}ontology/schemes.ttl>; "
        f"not replaced: <{fixture}000_6225120ee05bea0d.ttl>, "
        f"<{fixture}001_1d554e3414d9cb96.ttl>, <{fixture}places.ttl>, <{INFERRED_GRAPH}>\n"
    )
    # writes are never retried
    assert [method for method, _ in misbehaving.requests] == ["PUT", "PUT", "PUT"]


def test_push_needs_a_graph_store_url_it_cannot_guess(local_store):
    result = CliRunner().invoke(cli, [
        "push", "--endpoint", "http://127.0.0.1:9/sparql", "--store", str(local_store),
    ])
    assert result.exit_code == 2
    assert "give --graph-store URL or --update URL" in result.output


def test_the_server_fixture_is_an_oxigraph_server(oxigraph_server):
    assert Path(oxigraph_server.store).name == "store"
    assert oxigraph_server.query.startswith("http://127.0.0.1:")
