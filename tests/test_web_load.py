"""citygraph serve under expensive ad-hoc queries: pages and other clients are still answered,
one client is limited (429), a killed worker is replaced without failing a request.

Clients are told apart by their address: each test client sends from its own loopback
address (127.0.0.2, 127.0.0.3, ...), as separate machines would.
"""

import http.client
import json
import os
import signal
import threading
import time
import urllib.parse

import pytest

from conftest import SEED
from web_server import build_store, process_children, start_server

HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = "ASK { <https://w3id.org/citygraph/id/place/seoul> ?p ?o }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("load")
    store = build_store(folder / "store", SEED)
    server = start_server(store, folder, "--timeout", "4", "--client-queries", "2")
    yield server
    server.stop()


def ask(server, path, client, accept="application/sparql-results+json"):
    """(status, headers, body, seconds) of a GET sent from the address ``client``."""
    host, port = server.base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60,
                                            source_address=(client, 0))
    start = time.monotonic()
    connection.request("GET", path, headers={"Accept": accept})
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    connection.close()
    return response.status, response.headers, body, time.monotonic() - start


def sparql(text):
    return "/sparql?" + urllib.parse.urlencode({"query": text})


def in_background(server, client, text, results):
    thread = threading.Thread(target=lambda: results.append(ask(server, sparql(text), client)))
    thread.start()
    return thread


def test_pages_and_other_clients_are_answered_while_expensive_queries_run(server):
    for path in ("/id/place/seoul", "/search?q=seoul"):  # the caches warm
        assert ask(server, path, "127.0.0.9", "text/html")[0] == 200
    heavy, threads = [], []
    for client in ("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"):
        threads.append(in_background(server, client, HEAVY, heavy))
    time.sleep(0.5)
    page = ask(server, "/id/place/seoul", "127.0.0.9", "text/html")
    check = ask(server, sparql(ASK), "127.0.0.9")
    search = ask(server, "/search?q=seoul", "127.0.0.9", "text/html")
    # all three answered while the four expensive queries still ran
    assert not heavy
    assert page[0] == 200 and '<h1 id="title">Seoul</h1>' in page[2]
    assert (check[0], json.loads(check[2])["boolean"]) == (200, True)
    assert search[0] == 200 and "/id/place/seoul" in search[2]
    for thread in threads:
        thread.join(60)
    assert [status for status, *_ in heavy] == [503] * 4
    assert {body for _, _, body, _ in heavy} == {
        "the query ran past the time limit of 4 s and was cancelled (citygraph serve "
        "--timeout)\n"}


def test_a_client_past_its_query_limit_gets_429_with_retry_after(server):
    heavy, threads = [], []
    for _ in range(2):
        threads.append(in_background(server, "127.0.0.6", HEAVY, heavy))
    time.sleep(0.5)
    status, headers, body, _ = ask(server, sparql(ASK), "127.0.0.6")
    assert (status, headers["Retry-After"]) == (429, "4")
    assert body == ("you already have 2 queries running or waiting on this server (citygraph "
                    "serve --client-queries); try again in 4 s\n")
    # the editor counts too, and says it on a page
    status, headers, html, _ = ask(server, "/editor?" + urllib.parse.urlencode({"query": ASK}),
                                   "127.0.0.6", "text/html")
    assert (status, headers["Retry-After"]) == (429, "4")
    assert "<h1>Error 429</h1>" in html
    # another client is answered meanwhile
    assert ask(server, sparql(ASK), "127.0.0.7")[0] == 200
    assert not heavy
    for thread in threads:
        thread.join(60)
    # one running at a time: the second waited for the first, then ran its own 4 s
    assert sorted(status for status, *_ in heavy) == [503, 503]
    assert max(seconds for *_, seconds in heavy) >= 7
    assert ask(server, sparql(ASK), "127.0.0.6")[0] == 200


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the workers in /proc")
def test_killed_workers_are_replaced_without_failing_the_next_requests(server):
    assert ask(server, sparql(ASK), "127.0.0.8")[0] == 200
    children = process_children()
    # the workers are the fork server's children
    workers = [w for p in children.get(server.process.pid, []) for w in children.get(p, [])]
    assert len(workers) >= 3
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    answers = [ask(server, sparql(ASK), "127.0.0.8"),
               ask(server, "/id/place/seoul", "127.0.0.8", "text/html"),
               ask(server, "/search?q=tomsk", "127.0.0.8", "text/html"),
               ask(server, sparql(ASK), "127.0.0.8")]
    assert [status for status, *_ in answers] == [200, 200, 200, 200]
    assert "/id/place/tomsk" in answers[2][2]


def test_a_simple_query_needs_no_worker_while_a_heavy_one_holds_the_only_one(tmp_path):
    store = build_store(tmp_path / "store", SEED)
    server = start_server(store, tmp_path, "--timeout", "2", "--query-workers", "1")
    try:
        heavy = []
        thread = in_background(server, "127.0.0.2", HEAVY, heavy)
        time.sleep(0.5)
        labels = ("SELECT ?label WHERE { <https://w3id.org/citygraph/id/place/seoul> "
                  "<http://www.w3.org/2000/01/rdf-schema#label> ?label }")
        status, headers, body, seconds = ask(server, sparql(labels), "127.0.0.3")
        # answered by the web process at once, while the only worker runs the heavy query
        assert (status, json.loads(body)["results"]["bindings"]) == (
            200, [{"label": {"type": "literal", "value": "Seoul"}}])
        assert seconds < 1 and not heavy
        assert headers["X-Citygraph-Version"]
        # a query of two patterns waits for that worker: until the heavy one is cancelled
        status, _, body, seconds = ask(server, sparql(labels.replace("}", ". ?s ?p ?label }")),
                                       "127.0.0.4")
        assert status == 200 and seconds > 0.8
        thread.join(30)
        assert [status for status, *_ in heavy] == [503]
    finally:
        server.stop()
