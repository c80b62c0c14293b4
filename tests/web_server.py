"""A real ``citygraph serve`` on a free loopback port, for the web and remote-endpoint tests."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from oxigraph_server import free_port

__all__ = ["WebServer", "start_server", "build_store", "process_children",
           "ties_report", "review_server"]

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class WebServer:
    """A running server: its base URL and process."""

    base: str
    process: subprocess.Popen
    log: Path
    log_handle: object = None

    @property
    def sparql(self):
        """The SPARQL 1.1 query endpoint."""
        return f"{self.base}/sparql"

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.log_handle is not None:
            self.log_handle.close()


def process_children():
    """{parent pid: [child pids]} of every process, read from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    return children


def build_store(path, data_dir=None):
    """A store built from ``data_dir`` (default: the project's data) at ``path``."""
    from citygraph.graph.build import build

    report = build(store_path=path, data_dir=data_dir, root=ROOT, validate=False)
    assert report.written or path.is_dir()
    return path


def ties_report(folder):
    """(folder, report, decisions): the importer's report on tests/data/import/ties.csv written
    in ``folder``, and where the review page writes its decisions."""
    from citygraph.importers.csv_ties import import_csv, report_text

    result = import_csv(ROOT / "tests" / "data" / "import" / "ties.csv", {}, {}, None)
    report = folder / "report.csv"
    report.write_text(report_text(result), encoding="utf-8")
    return folder, report, folder / "decisions.csv"


def review_server(folder, report, decisions, *args):
    """``citygraph serve`` on the frozen seed data, reviewing ``report`` into ``decisions``."""
    store = build_store(folder / "store", ROOT / "tests" / "data" / "seed")
    return start_server(store, folder, "--reconciliation-report", str(report),
                        "--decisions", str(decisions), *args)


def start_server(store, folder, *args):
    """Start ``citygraph serve`` on ``store``; wait until it answers; return a WebServer."""
    port = free_port()
    log = Path(folder) / f"serve-{port}.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    handle = open(log, "wb")  # noqa: SIM115 - closed by WebServer.stop
    process = subprocess.Popen(
        [sys.executable, "-c", "from citygraph.cli import main; main()", "serve",
         "--store", str(store), "--port", str(port), *args],
        stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=str(ROOT),
    )
    server = WebServer(f"http://127.0.0.1:{port}", process, log, handle)
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{server.base}/sparql?query=ASK%7B%7D", timeout=2):
                return server
        except (urllib.error.URLError, OSError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"citygraph serve did not start: {log.read_text(errors='replace')[-800:]}")
        time.sleep(0.2)


#: a place whose names and evidence are hostile HTML, tied to Seoul, for the escaping tests
XSS_TURTLE = r'''@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .
@prefix fact: <https://w3id.org/citygraph/id/fact/> .
@prefix doc: <https://w3id.org/citygraph/id/doc/> .
@prefix tiet: <https://w3id.org/citygraph/id/tie-type/> .

place:xss-town a cg:City ;
    rdfs:label "<script>alert(1)</script>" ;
    skos:altLabel "\" onmouseover=\"alert(2)" .

doc:xss a cg:SourceDocument ;
    dcterms:title "<b>bold</b> & \"quoted\"" .

fact:xss-tie a cg:Tie ;
    cg:tieType tiet:sister-city ;
    cg:party place:xss-town, place:seoul ;
    dcterms:date "2020-01-01"^^xsd:date ;
    prov:wasDerivedFrom doc:xss ;
    cg:evidence "<img src=x onerror=alert(3)>" .
'''


def seed_with_hostile_labels(folder):
    """A copy of the frozen seed data plus one file of hostile labels; its folder."""
    import shutil

    data = Path(folder) / "data"
    shutil.copytree(ROOT / "tests" / "data" / "seed", data)
    (data / "xss.ttl").write_text(XSS_TURTLE, encoding="utf-8")
    return data


def form_session(base, page="/review"):
    """(Cookie header, token) of a browser session: what a page with a writing form gives."""
    import re

    with urllib.request.urlopen(urllib.request.Request(base + page,
                                                       headers={"Accept": "text/html"}),
                                timeout=60) as response:
        cookie = response.headers["Set-Cookie"].split(";", 1)[0]
        html = response.read().decode()
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
    return cookie, token
