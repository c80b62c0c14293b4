"""citygraph serve follows the store's builds: every answer from one version, named in it,
versions never going back, older versions closed once their last request has finished."""

import json
import os
import re
import shutil
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from citygraph.graph.build import build
from citygraph.graph.store import state_id
from conftest import ROOT, SEED
from web_server import process_children, start_server

TESTVILLE = "https://w3id.org/citygraph/id/place/testville"

VERSION_TURTLE = '''@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .
@prefix fact: <https://w3id.org/citygraph/id/fact/> .
@prefix doc: <https://w3id.org/citygraph/id/doc/> .
@prefix tiet: <https://w3id.org/citygraph/id/tie-type/> .

doc:versions a cg:SourceDocument ; dcterms:title "Versions" .
'''


def version_file(number):
    """Testville named after the build number, and as many extra places tied to Seoul."""
    text = VERSION_TURTLE
    for i in range(number + 1):
        town = "testville" if i == 0 else f"extra-{i}"
        label = f"Testville {number}" if i == 0 else f"Extraville {i}"
        text += f'''
place:{town} a cg:City ; rdfs:label "{label}" ;
    skos:altLabel "Alt {number}-{i}" .
fact:tie-{town} a cg:Tie ; cg:tieType tiet:sister-city ; cg:party place:{town}, place:seoul ;
    dcterms:date "2020-01-0{1 + i % 9}"^^xsd:date ; prov:wasDerivedFrom doc:versions ;
    cg:evidence "tied" .
'''
    return text


def fetch(base, path, accept="text/html"):
    request = urllib.request.Request(base + path, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.headers["X-Citygraph-Version"], response.read().decode()


LABEL_QUERY = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
               "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
               f"SELECT ?label ?alt WHERE {{ <{TESTVILLE}> rdfs:label ?label ; "
               "skos:altLabel ?alt }")


SIMPLE = (f"SELECT ?label WHERE {{ <{TESTVILLE}> <http://www.w3.org/2000/01/rdf-schema#label> "
          "?label }")


def poll(base, numbers, seen, stop, errors):
    """Ask a page, the search and the endpoint in turn; record (kind, build number) of each
    answer after checking that all of it comes from the version its header names."""
    try:
        while not stop.is_set():
            state, html = fetch(base, "/id/place/testville")
            number = numbers[state]
            assert f'<h1 id="title">Testville {number}</h1>' in html
            assert f"Alt {number}-0" in html
            assert f'<code id="store-version">{state}</code>' in html
            # the network measures: one place tied to Seoul per build number, and Testville;
            # or, while the version's network is still measured, the page says so
            ranked = re.search(r"rank of (\d+)", html)
            assert ranked or 'id="network-pending"' in html
            seen.append(("page", number, int(ranked.group(1)) - number if ranked else None))
            state, html = fetch(base, "/search?q=testville")
            assert re.findall(r">(Testville \d+)<", html) == [f"Testville {numbers[state]}"]
            seen.append(("search", numbers[state], None))
            state, body = fetch(base, "/sparql?" + urllib.parse.urlencode({"query": LABEL_QUERY}),
                                "application/sparql-results+json")
            row = json.loads(body)["results"]["bindings"][0]
            assert (row["label"]["value"], row["alt"]["value"]) == (
                f"Testville {numbers[state]}", f"Alt {numbers[state]}-0")
            seen.append(("sparql", numbers[state], None))
            # a simple query, which the web process answers itself from its own copy of
            # the version (citygraph.web.inline)
            state, body = fetch(base, "/sparql?" + urllib.parse.urlencode({"query": SIMPLE}),
                                "application/sparql-results+json")
            row = json.loads(body)["results"]["bindings"][0]
            assert row["label"]["value"] == f"Testville {numbers[state]}"
            seen.append(("sparql", numbers[state], None))
    except Exception as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)
        stop.set()


def open_deleted(pid, folder):
    """Files under ``folder`` that process ``pid`` or its descendants hold open, deleted."""
    children = process_children()
    found, todo = [], [pid]
    while todo:
        process = todo.pop()
        todo.extend(children.get(process, []))
        try:
            fds = os.listdir(f"/proc/{process}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(f"/proc/{process}/fd/{fd}")
            except OSError:
                continue
            if target.startswith(str(folder)) and target.endswith("(deleted)"):
                found.append(target)
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads open files from /proc")
def test_serve_follows_builds_one_version_per_answer_never_backwards(tmp_path):
    # Seoul's place file and the changing file: small, so that builds and measures are quick
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SEED / "places.ttl", data / "places.ttl")
    store = tmp_path / "store"
    numbers = {}

    def build_number(number):
        (data / "zz_versions.ttl").write_text(version_file(number), encoding="utf-8")
        report = build(store_path=store, data_dir=data, root=ROOT, validate=False)
        assert report.written
        numbers[state_id(store)] = number
        return time.monotonic()

    build_number(1)
    server = start_server(store, tmp_path)
    try:
        stop, errors, seen = threading.Event(), [], [[], []]
        threads = [threading.Thread(target=poll, args=(server.base, numbers, s, stop, errors))
                   for s in seen]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        for number in (2, 3):
            switched = build_number(number)
            # every new request moves to the new version (how soon: bench_serve measures it;
            # the first page waits for the new version's network measures)
            deadline = switched + 60
            while not stop.is_set() and time.monotonic() < deadline:
                if all(s and s[-1][1] == number for s in seen):
                    break
                time.sleep(0.05)
            assert all(s and s[-1][1] == number for s in seen), errors
            time.sleep(1)
        stop.set()
        for thread in threads:
            thread.join(60)
        assert not errors, errors
        for answers in seen:
            # every build seen, in order, never going back
            assert [n for _, n, _ in answers] == sorted(n for _, n, _ in answers)
            assert {n for _, n, _ in answers} == {1, 2, 3}
            assert {kind for kind, _, _ in answers} == {"page", "search", "sparql"}
            # the network cache moved with the version: the same base count in each
            bases = {base for kind, _, base in answers if kind == "page" and base is not None}
            assert len(bases) <= 1
        # the last version's measures come without a request waiting for them, and agree
        deadline, ranked = time.monotonic() + 60, None
        while ranked is None and time.monotonic() < deadline:
            ranked = re.search(r"rank of (\d+)", fetch(server.base, "/id/place/testville")[1])
            time.sleep(0.2)
        assert ranked is not None
        assert {int(ranked.group(1)) - 3} | bases == {int(ranked.group(1)) - 3}
        # the builds removed the older versions; the server closed them: no deleted file open
        deadline = time.monotonic() + 10
        while open_deleted(server.process.pid, store) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert open_deleted(server.process.pid, store) == []
        assert len([p for p in store.iterdir() if p.name.startswith("v-")]) == 1
    finally:
        server.stop()
