"""Ad-hoc queries only read and never hang: SERVICE, updates and timeouts, against real sockets.

Every server here listens on 127.0.0.1; nothing leaves the machine.
"""

import http.server
import socket
import threading
import time

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.graph.build import build
from oxigraph_server import free_port

SERVICE = "SELECT * WHERE {{ SERVICE <{}> {{ ?s ?p ?o }} }}"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("guard") / "store"
    build(store_path=path, validate=False)
    return str(path)


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Counts requests; answers 500 with an HTML page (what a broken proxy does)."""

    def _answer(self):
        self.server.requests.append(self.command)
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b"<html><body>Internal error</body></html>"
        self.send_response(self.server.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.daemon_threads = True
    server.requests = []
    server.status = 500
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_port():
    """A port that accepts connections (the kernel's backlog) but never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield sock.getsockname()[1]
    sock.close()


def run(*args):
    return CliRunner().invoke(cli, list(args))


def one_line_error(result, code, *fragments):
    assert result.exit_code == code, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("citygraph: error: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_service_is_refused_and_nothing_is_sent(store_dir, recorder):
    url = f"http://127.0.0.1:{recorder.server_address[1]}/sparql"
    result = run("query", "--store", store_dir, "--sparql", SERVICE.format(url))
    one_line_error(result, 2, "SERVICE is refused", "--allow-service")
    assert recorder.requests == []


def test_service_spelled_in_lower_case_with_silent_is_refused(store_dir, recorder):
    url = f"http://127.0.0.1:{recorder.server_address[1]}/sparql"
    text = f"select * {{ service silent <{url}> {{ ?s ?p ?o }} }}"
    one_line_error(run("query", "--store", store_dir, "--sparql", text), 2, "SERVICE is refused")
    assert recorder.requests == []


def test_service_word_in_a_string_or_variable_is_not_refused(store_dir):
    text = 'SELECT ?service WHERE { VALUES ?service { "SERVICE <http://x/>" } }'
    result = run("query", "--store", store_dir, "--sparql", text, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == 'service\nSERVICE <http://x/>\n'


def test_allowed_service_to_a_closed_port_is_exit_3(store_dir):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = run("query", "--store", store_dir, "--allow-service", "--timeout", "5",
                 "--sparql", SERVICE.format(url))
    one_line_error(result, 3, "SERVICE call failed", "refused")


def test_allowed_service_answering_an_html_500_is_exit_3(store_dir, recorder):
    url = f"http://127.0.0.1:{recorder.server_address[1]}/sparql"
    result = run("query", "--store", store_dir, "--allow-service", "--timeout", "5",
                 "--sparql", SERVICE.format(url))
    one_line_error(result, 3, "SERVICE call failed", "500")
    assert len(recorder.requests) >= 1


def test_allowed_service_to_a_file_iri_is_one_line(store_dir):
    result = run("query", "--store", store_dir, "--allow-service", "--timeout", "5",
                 "--sparql", SERVICE.format("file:///etc/passwd"))
    one_line_error(result, 3, "SERVICE call failed")


def test_allowed_service_that_never_answers_stops_at_the_timeout(store_dir, silent_port):
    url = f"http://127.0.0.1:{silent_port}/sparql"
    start = time.monotonic()
    result = run("query", "--store", store_dir, "--allow-service", "--timeout", "1",
                 "--sparql", SERVICE.format(url))
    elapsed = time.monotonic() - start
    one_line_error(result, 3, "no answer within --timeout 1 s")
    assert elapsed < 10


def test_an_endpoint_that_never_answers_stops_at_the_timeout(silent_port):
    url = f"http://127.0.0.1:{silent_port}/query"
    start = time.monotonic()
    result = run("query", "--endpoint", url, "--timeout", "1", "--sparql",
                 "SELECT * WHERE { ?s ?p ?o }")
    elapsed = time.monotonic() - start
    one_line_error(result, 3, url, "timed out")
    assert elapsed < 10


@pytest.fixture
def trickling_port():
    """A server that answers 200 and then sends one byte every 0.2 s, never finishing."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    stop = threading.Event()

    def answer(conn):
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json"
                             b"\r\nContent-Length: 1000000\r\n\r\n")
                while not stop.is_set():
                    conn.sendall(b" ")
                    time.sleep(0.2)
            except OSError:
                pass

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    stop.set()
    server.close()


def test_an_endpoint_that_trickles_stops_at_the_timeout(trickling_port):
    # each read gets a byte within the socket timeout: only a deadline on the answer stops it
    url = f"http://127.0.0.1:{trickling_port}/query"
    start = time.monotonic()
    result = run("query", "--endpoint", url, "--timeout", "1", "--sparql",
                 "SELECT * WHERE { ?s ?p ?o }")
    one_line_error(result, 3, url, "timed out")
    assert time.monotonic() - start < 10


def test_a_push_to_a_trickling_server_stops_at_the_timeout(trickling_port, store_dir):
    url = f"http://127.0.0.1:{trickling_port}/query"
    start = time.monotonic()
    result = run("push", "--endpoint", url, "--store", store_dir, "--timeout", "1")
    one_line_error(result, 3, "push failed", "timed out")
    assert time.monotonic() - start < 10


@pytest.mark.parametrize("update", [
    "INSERT DATA { place:x rdfs:label 'x' }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://e/> DROP ALL",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "CLEAR GRAPH <http://e/g>",
    "WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { SELECT ?s ?p ?o { ?s ?p ?o } }",
])
def test_updates_are_refused_with_their_reason(store_dir, update):
    result = run("query", "--store", store_dir, "--sparql", update)
    one_line_error(result, 2, "updates are not allowed here; use build/import")


def test_an_update_in_a_file_names_the_file(store_dir, tmp_path):
    path = tmp_path / "drop.rq"
    path.write_text("# drop everything\nDROP ALL\n")
    result = run("query", "--store", store_dir, "--file", str(path))
    one_line_error(result, 2, f"{path}: updates are not allowed here; use build/import")


def test_a_timeout_of_zero_is_a_usage_error(store_dir):
    result = run("query", "--store", store_dir, "--timeout", "0", "--sparql", "ASK {}")
    one_line_error(result, 2, "--timeout 0")


def test_a_local_query_past_the_timeout_is_exit_3(store_dir):
    # Every triple with every pair of triples of its subject: about half a million rows on the
    # seed store, about 1.6 s on a loaded 2-core machine, and then the abandoned thread ends
    # (a cross product of all triples would keep a core busy for the rest of the tests).
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?a ?e ?f . ?a ?g ?h }"
    start = time.monotonic()
    result = run("query", "--store", store_dir, "--timeout", "0.1", "--sparql", slow)
    one_line_error(result, 3, "no answer within --timeout 0.1 s")
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1:9/x", "not a url",
                                 "http://[::1", "http://127.0.0.1:99999/q"])
def test_an_endpoint_must_be_an_http_url(url):
    # urllib would read file:///etc/passwd and report it as a malformed answer
    result = run("query", "--endpoint", url, "--timeout", "2", "--sparql", "ASK {}")
    one_line_error(result, 2, f"--endpoint {url}: give an http:// or https:// URL")


def test_push_refuses_a_file_url_for_the_graph_store(store_dir, tmp_path):
    target = tmp_path / "x"
    result = run("push", "--endpoint", "http://127.0.0.1:9/query", "--graph-store",
                 f"file://{target}", "--store", store_dir)
    one_line_error(result, 2, "--graph-store file://")
    assert list(tmp_path.iterdir()) == []


def test_allowed_service_to_a_real_endpoint_returns_its_rows(store_dir, oxigraph_server):
    import urllib.parse
    import urllib.request

    graph = "http://example.org/harden-service-test"
    update = (f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> "
              '{ <http://example.org/a> <http://example.org/label> "from the server" } }')
    body = urllib.parse.urlencode({"update": update}).encode()
    with urllib.request.urlopen(urllib.request.Request(oxigraph_server.update, data=body),
                                timeout=10):
        pass
    text = (f"SELECT ?label WHERE {{ SERVICE <{oxigraph_server.query}> "
            f"{{ GRAPH <{graph}> {{ ?s <http://example.org/label> ?label }} }} }}")
    result = run("query", "--store", store_dir, "--allow-service", "--timeout", "10",
                 "--sparql", text, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == "label\nfrom the server\n"
