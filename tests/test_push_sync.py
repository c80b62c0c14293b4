"""`citygraph push` makes the server's citygraph graphs equal the store's, or exits 3.

Against a real ``oxigraph serve`` (tests/oxigraph_server.py) and, for a server
that acknowledges writes it never makes, a tiny HTTP server on 127.0.0.1.
"""

import http.server
import shutil
import threading
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.graph.build import build
from citygraph.graph.store import GRAPH_BASE
from citygraph.querying.sparql import connect
from conftest import FIXTURES, ROOT

SOURCE = FIXTURES / "store" / "data"
DROPPED = "001_1d554e3414d9cb96.ttl"
GRAPHS = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
          f'FILTER (STRSTARTS(STR(?g), "{GRAPH_BASE}")) }} GROUP BY ?g')


def clear(server):
    body = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
    with urllib.request.urlopen(urllib.request.Request(server.update, data=body), timeout=10):
        pass


def server_graphs(server):
    rows = connect(endpoint=server.query, timeout=10).select(GRAPHS)
    return {str(r["g"]): int(r["n"]) for r in rows}


def store_graphs(path):
    rows = connect(path).select(GRAPHS)
    return {str(r["g"]): int(r["n"]) for r in rows}


@pytest.fixture(scope="module")
def two_stores(tmp_path_factory):
    """A store of the three fixture files, and the same after one file was deleted."""
    base = tmp_path_factory.mktemp("sync")
    data = base / "data"
    shutil.copytree(SOURCE, data)
    full = base / "full"
    build(store_path=full, data_dir=data, root=ROOT, validate=False)
    (data / DROPPED).unlink()
    less = base / "less"
    build(store_path=less, data_dir=data, root=ROOT, validate=False)
    return full, less


def push(server, store, *extra):
    return CliRunner().invoke(cli, ["push", "--endpoint", server.query, "--store", str(store),
                                    "--timeout", "20", *extra])


@pytest.mark.parametrize("mode", ["graph-store", "update"])
def test_a_graph_whose_source_was_deleted_is_dropped_and_said(oxigraph_server, two_stores, mode):
    full, less = two_stores
    extra = ["--update", oxigraph_server.update] if mode == "update" else []
    clear(oxigraph_server)
    first = push(oxigraph_server, full, *extra)
    assert first.exit_code == 0, first.output
    stale = f"{GRAPH_BASE}data/{DROPPED}"
    assert stale in server_graphs(oxigraph_server)
    second = push(oxigraph_server, less, *extra)
    assert second.exit_code == 0, second.output
    assert f"dropped <{stale}> (not in the store any more)" in second.output.splitlines()
    assert second.output.splitlines()[-1].endswith("; dropped 1 graphs")
    assert server_graphs(oxigraph_server) == store_graphs(less)
    assert stale not in server_graphs(oxigraph_server)


def test_graphs_outside_citygraph_are_left_alone(oxigraph_server, two_stores):
    _, less = two_stores
    clear(oxigraph_server)
    other = "http://example.org/someone-elses-graph"
    body = urllib.parse.urlencode({"update": f"INSERT DATA {{ GRAPH <{other}> "
                                             "{ <http://e/a> <http://e/b> 1 } }"}).encode()
    with urllib.request.urlopen(urllib.request.Request(oxigraph_server.update, data=body),
                                timeout=10):
        pass
    result = push(oxigraph_server, less)
    assert result.exit_code == 0, result.output
    rows = connect(endpoint=oxigraph_server.query).select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{other}> {{ ?s ?p ?o }} }}")
    assert int(rows[0]["n"]) == 1
    assert "dropped" not in result.output


class _Html200(http.server.BaseHTTPRequestHandler):
    """A proxy's error page with status 200, whatever was asked."""

    def _answer(self):
        self.server.requests.append(self.command)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def html_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Html200)
    server.daemon_threads = True
    server.requests = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("mode", ["graph-store", "update"])
def test_a_server_answering_200_with_html_is_exit_3(html_server, two_stores, mode):
    _, less = two_stores
    base = f"http://127.0.0.1:{html_server.server_address[1]}"
    extra = ["--update", f"{base}/update"] if mode == "update" else []
    result = CliRunner().invoke(cli, ["push", "--endpoint", f"{base}/query", "--store",
                                      str(less), "--timeout", "5", *extra])
    assert result.exit_code == 3, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"citygraph: error: endpoint {base}/query: ")
    assert "malformed response" in lines[0]
    assert "pushed" not in result.stdout
