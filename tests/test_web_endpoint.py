"""citygraph serve's SPARQL 1.1 Protocol endpoint: formats, refusals, limits, the client."""

import csv
import http.client
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from conftest import ROOT
from web_server import build_store, start_server

SEOUL = "https://w3id.org/citygraph/id/place/seoul"
LABELS = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          f"SELECT ?label WHERE {{ <{SEOUL}> rdfs:label ?label }}")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "store")


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    server = start_server(store, tmp_path_factory.mktemp("serve"), "--timeout", "3",
                          "--max-rows", "5000")
    yield server
    server.stop()


def get(server, path, accept=None, method="GET", body=None, content_type=None):
    """(status, content type, body text) of one request, errors included."""
    request = urllib.request.Request(server.base + path, data=body, method=method)
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode()


def q(text, **extra):
    return "/sparql?" + urllib.parse.urlencode({"query": text, **extra})


def test_select_answers_in_json_xml_csv_and_tsv(server):
    status, kind, body = get(server, q(LABELS), "application/sparql-results+json")
    assert (status, kind) == (200, "application/sparql-results+json")
    assert json.loads(body) == {"head": {"vars": ["label"]}, "results": {"bindings": [
        {"label": {"type": "literal", "value": "Seoul"}}]}}
    status, kind, body = get(server, q(LABELS), "application/sparql-results+xml")
    assert kind == "application/sparql-results+xml"
    assert "<binding name=\"label\"><literal>Seoul</literal></binding>" in body
    status, kind, body = get(server, q(LABELS), "text/csv")
    assert kind.startswith("text/csv") and list(csv.reader(io.StringIO(body))) == [
        ["label"], ["Seoul"]]
    status, kind, body = get(server, q(LABELS), "text/tab-separated-values")
    assert body == '?label\n"Seoul"\n'
    # the q-values of the Accept header decide
    assert get(server, q(LABELS), "text/csv;q=0.2, application/sparql-results+xml")[1] == \
        "application/sparql-results+xml"
    # a format parameter wins over the Accept header (for download links)
    assert get(server, q(LABELS, format="csv"), "application/json")[2] == "label\r\nSeoul\r\n"
    assert get(server, q(LABELS), "image/png")[0] == 406


def test_construct_answers_in_turtle_and_ntriples_and_ask_in_json(server):
    text = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            f"CONSTRUCT {{ <{SEOUL}> rdfs:label ?l }} WHERE {{ <{SEOUL}> rdfs:label ?l }}")
    status, kind, body = get(server, q(text), "text/turtle")
    assert (status, kind.split(";")[0]) == (200, "text/turtle")
    triples = list(ox.parse(body.encode(), format=ox.RdfFormat.TURTLE))
    assert [(t.subject.value, t.object.value) for t in triples] == [(SEOUL, "Seoul")]
    status, kind, body = get(server, q(text), "application/n-triples")
    assert body == f'<{SEOUL}> <http://www.w3.org/2000/01/rdf-schema#label> "Seoul" .\n'
    status, kind, body = get(server, q(f"ASK {{ <{SEOUL}> ?p ?o }}"), "application/json")
    assert json.loads(body)["boolean"] is True


def test_post_as_a_query_body_and_as_a_form(server):
    status, _, body = get(server, "/sparql", "application/sparql-results+json", "POST",
                          LABELS.encode(), "application/sparql-query")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["label"]["value"] == "Seoul"
    form = urllib.parse.urlencode({"query": LABELS}).encode()
    status, _, body = get(server, "/sparql", "text/csv", "POST", form,
                          "application/x-www-form-urlencoded")
    assert (status, body) == (200, "label\r\nSeoul\r\n")


@pytest.mark.parametrize("path,body,kind,reason", [
    (q("LOAD <http://example.org/data.ttl>"), None, None,
     "updates are refused: this endpoint is read-only (LOAD)"),
    (q("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"), None, None,
     "updates are refused: this endpoint is read-only (INSERT)"),
    ("/sparql?" + urllib.parse.urlencode({"update": "CLEAR ALL"}), None, None,
     "updates are refused: this endpoint is read-only"),
    ("/sparql", b"DROP ALL", "application/sparql-update",
     "updates are refused: this endpoint is read-only"),
    ("/sparql", urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
     "application/x-www-form-urlencoded", "updates are refused: this endpoint is read-only"),
    (q("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"), None, None,
     "SERVICE is refused: this endpoint queries only its own store"),
    (q("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"), None, None,
     "file: IRIs are refused: <file:///etc/passwd>"),
    (q("SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": "file:///etc/passwd"}), None,
     None, "file: IRIs are refused: <file:///etc/passwd>"),
    ("/sparql", b"query", "image/png",
     "unsupported content type 'image/png'; send application/sparql-query or an HTML form "
     "with a query field"),
    ("/sparql", b"format=csv", "application/x-www-form-urlencoded",
     "no query: give a query parameter"),
])
def test_updates_load_service_and_file_iris_are_refused_with_one_line(server, path, body, kind,
                                                                        reason):
    status, media, text = get(server, path, method="POST" if body else "GET", body=body,
                              content_type=kind)
    assert (status, text) == (400, reason + "\n")
    assert media.startswith("text/plain")
    # and the store is untouched
    assert get(server, q(LABELS), "text/csv")[2] == "label\r\nSeoul\r\n"


def test_invalid_sparql_is_400_naming_line_and_column(server):
    status, _, text = get(server, q("SELECT ?x\nWHERE { ?x ?y . }"))
    assert status == 400
    assert text.startswith("query:2:") and "invalid SPARQL" in text and text.count("\n") == 1


def test_a_query_past_the_time_limit_is_cancelled_and_answered_503(server):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, text = get(server, q(slow), "application/json")
    assert (status, text) == (503, "the query ran past the time limit of 3 s and was "
                                   "cancelled (citygraph serve --timeout)\n")
    # the worker that ran it was replaced: the server still answers
    assert get(server, q(LABELS), "text/csv")[:1] == (200,)


def test_a_result_past_the_row_limit_is_answered_503(server):
    status, _, text = get(server, q("SELECT * WHERE { ?s ?p ?o }"), "text/csv")
    assert (status, text) == (503, "the result is larger than the limit of 5000 rows "
                                   "(citygraph serve --max-rows); add a LIMIT\n")


def test_static_files_cannot_escape_their_folder(server):
    for path in ("/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                 "/static/..%2f..%2fetc%2fpasswd"):
        connection = http.client.HTTPConnection(server.base.removeprefix("http://"), timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read().decode()
        connection.close()
        assert response.status == 404, path
        assert "root:" not in body
    assert get(server, "/static/site.css")[0] == 200


def test_the_query_command_gives_the_same_rows_remotely_and_embedded(server, store):
    runner = CliRunner()
    for args in (["network-members", "-p", "network=cgorg:anmc21"],
                 ["place-agreements", "-p", "place=place:seoul"],
                 ["event-attendance", "-p", "event=event:anmc21-13th-plenary"]):
        here = runner.invoke(cli, ["query", *args, "--format", "csv", "--store", str(store)])
        there = runner.invoke(cli, ["query", *args, "--format", "csv",
                                    "--endpoint", server.sparql])
        assert here.exit_code == there.exit_code == 0, there.output
        assert sorted(there.output.splitlines()) == sorted(here.output.splitlines())
        assert len(here.output.splitlines()) > 2


def test_the_report_command_gives_the_same_figures_remotely_and_embedded(server, store):
    runner = CliRunner()
    here = runner.invoke(cli, ["report", "--top", "8", "--store", str(store)])
    there = runner.invoke(cli, ["report", "--top", "8", "--endpoint", server.sparql])
    assert here.exit_code == there.exit_code == 0, there.output
    assert there.output == here.output
    assert there.output.startswith("Network of ")


def test_the_server_listens_on_loopback_by_default():
    from citygraph.commands.serve import command

    host = next(p for p in command.params if p.name == "host")
    assert host.default == "127.0.0.1"
    assert ROOT.is_dir()


def test_a_simple_query_is_answered_in_the_web_process_within_its_limits(store):
    from citygraph.graph.store import open_existing
    from citygraph.web import inline
    from citygraph.web.pool import ResultLimit

    opened = open_existing(store)
    base = "http://127.0.0.1:8000/sparql"

    def message(text, accept="text/csv", max_rows=100_000, default=()):
        return ("protocol", text, accept, list(default), [], max_rows, base)

    assert inline.answer(opened, message(LABELS)) == ("text/csv; charset=utf-8",
                                                      b"label\r\nSeoul\r\n")
    media, body = inline.answer(opened, message(f"ASK {{ <{SEOUL}> ?p ?o }}", "application/json"))
    assert (media, json.loads(body)) == ("application/sparql-results+json",
                                         {"head": {}, "boolean": True})
    # more rows than the web process answers itself: for a worker (None), unless the row
    # limit is lower, then refused as a worker refuses it
    everything = "SELECT * WHERE { ?s ?p ?o }"
    assert inline.answer(opened, message(everything)) is None
    with pytest.raises(ResultLimit, match="larger than the limit of 3 rows"):
        inline.answer(opened, message(everything, max_rows=3))
    # two patterns, or a dataset given by the protocol: for a worker
    assert inline.answer(opened, message(LABELS.replace("}", f". <{SEOUL}> a ?t }}"))) is None
    assert inline.answer(opened, message(LABELS, default=[SEOUL])) is None


def test_a_simple_query_gets_the_same_answer_and_headers_as_any_other(server):
    """The web process answers a simple query on a shorter way (citygraph.web.inline): the
    same body and headers as the usual way, which a query with DISTINCT takes."""
    def answer(text):
        request = urllib.request.Request(server.base + q(text), headers={
            "Accept": "application/sparql-results+json", "Origin": "https://yasgui.example"})
        with urllib.request.urlopen(request, timeout=30) as response:
            headers = {k.lower(): v for k, v in response.headers.items()
                       if k.lower() not in ("date", "server")}
            return headers, json.loads(response.read())

    simple, usual = answer(LABELS), answer(LABELS.replace("SELECT", "SELECT DISTINCT"))
    assert simple == usual
    assert simple[1]["results"]["bindings"] == [{"label": {"type": "literal", "value": "Seoul"}}]
    assert simple[0]["access-control-allow-origin"] == "*"
    assert simple[0]["x-frame-options"] == "DENY"
    assert simple[0]["content-type"] == "application/sparql-results+json"
    # an unknown host is refused on the short way too
    connection = http.client.HTTPConnection(server.base.removeprefix("http://"), timeout=10)
    connection.request("GET", q(LABELS), headers={"Host": "evil.example"})
    assert connection.getresponse().status == 400
    connection.close()


def test_a_long_query_is_answered_as_a_short_one(server):
    # readings of short query texts are kept; a long one is read each time
    long_text = LABELS + "\n# " + "x" * 5000
    assert get(server, q(long_text), "text/csv")[:3:2] == (200, "label\r\nSeoul\r\n")
    assert get(server, q(long_text.replace("SELECT", "SELECT DISTINCT")), "text/csv")[2] == \
        "label\r\nSeoul\r\n"
