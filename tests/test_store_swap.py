"""The store swap: a complete store at the path at every instant, leftovers of killed builds
removed, imports loaded from files, and every graph the build adds, keeps or removes named."""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import citygraph
from citygraph.graph.build import build
from citygraph.graph.store import (
    GRAPH_BASE,
    KILL_AT,
    live_folder,
    open_existing,
    read_manifest,
    state_id,
)
from citygraph.importers.common import load_into_store
from citygraph.namespaces import PREFIXES
from citygraph.querying.sparql import connect
from conftest import FIXTURES, ROOT

PREAMBLE = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items())
PARTS_OF_RUSSIA = PREAMBLE + (
    "SELECT ?label WHERE { ?place cg:partOf place:country-ru ; rdfs:label ?label } ORDER BY ?label"
)
SEVERSK = """@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
place:seversk a cg:City ; rdfs:label "Seversk"@en ; cg:partOf place:tomsk-oblast .
"""
#: the ordinary names of a store folder; anything else there is a leftover
FIXED = [".lock", "current", "manifest.json", "oxigraph"]


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "store" / "data", target)
    return target


def _build(data, store, **kw):
    return build(store_path=store, data_dir=data, root=ROOT, validate=False, **kw)


def _answer(store):
    return [str(r["label"]) for r in connect(store).select(PARTS_OF_RUSSIA)]


def _killed_build(data, store, point):
    """Run a build in a child process that SIGKILLs itself at ``point``; its return code."""
    code = (
        "import sys; from pathlib import Path; from citygraph.graph.build import build; "
        "build(store_path=Path(sys.argv[1]), data_dir=Path(sys.argv[2]), root=Path(sys.argv[3]), "
        "validate=False)"
    )
    env = {**os.environ, KILL_AT: point, "CITYGRAPH_QUIET": "1",
           "PYTHONPATH": str(Path(citygraph.__file__).parents[1])}
    done = subprocess.run([sys.executable, "-c", code, str(store), str(data), str(ROOT)],
                          env=env, capture_output=True, timeout=120)
    return done.returncode


def _entries(store):
    live = live_folder(store)
    return sorted(p.name if p != live else "LIVE" for p in store.iterdir())


def test_a_build_killed_at_every_step_leaves_the_previous_store_answering(data, tmp_path):
    store = tmp_path / "store"
    _build(data, store)
    before = _answer(store)
    assert before == ["Tomsk", "Tomsk Region"]
    state = state_id(store)
    (data / "seversk.ttl").write_text(SEVERSK, encoding="utf-8")
    # the second build updates the live version: killed at its checkpoint too
    for point in ("checkpoint", "loaded", "inferred", "manifest", "link current"):
        assert _killed_build(data, store, point) == -signal.SIGKILL, point
        assert _answer(store) == before, point
        assert state_id(store) == state, point
        assert read_manifest(store)["graphs"]["data/places.ttl"] == 25
        # each killed build left its unfinished version (and at the switch, the new link
        # not yet renamed into place); each build removes what the earlier ones left
        leftovers = [name for name in _entries(store) if name not in FIXED + ["LIVE"]]
        assert [name[:2] for name in leftovers] == (
            [".c", "v-"] if point == "link current" else ["v-"]), point
    # killed just after the switch: the new store answers, complete
    assert _killed_build(data, store, "switched") == -signal.SIGKILL
    assert _answer(store) == ["Seversk", "Tomsk", "Tomsk Region"]
    assert state_id(store) != state
    # the next build removes what the killed ones left, and keeps the live store
    report = _build(data, store)
    assert report.up_to_date
    assert _entries(store) == sorted(FIXED + ["LIVE"])
    assert _answer(store) == ["Seversk", "Tomsk", "Tomsk Region"]


def test_a_finished_build_keeps_only_the_live_version(data, tmp_path):
    store = tmp_path / "store"
    _build(data, store)
    first = live_folder(store)
    (data / "seversk.ttl").write_text(SEVERSK, encoding="utf-8")
    report = _build(data, store)
    assert report.written and live_folder(store) != first
    assert sorted(_entries(store)) == sorted(FIXED + ["LIVE"])
    # the fixed links lead to the live version
    assert (store / "oxigraph").resolve() == (live_folder(store) / "oxigraph").resolve()
    manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == read_manifest(store)
    assert manifest["graphs"]["data/seversk.ttl"] == 3
    assert manifest["asserted"] == report.asserted


def test_leftovers_of_the_earlier_swap_beside_the_store_are_removed(data, tmp_path):
    store = tmp_path / "store"
    stale = tmp_path / ".store-new-x1y2z3"
    (stale / "oxigraph").mkdir(parents=True)
    (tmp_path / ".store-old-a1b2c3").mkdir()
    _build(data, store)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "store"]


def test_a_store_of_the_earlier_layout_is_moved_to_versions(data, tmp_path):
    # the earlier layout: the database and the manifest directly in the store folder
    built = tmp_path / "built"
    _build(data, built)
    store = tmp_path / "store"
    store.mkdir()
    shutil.copytree(live_folder(built) / "oxigraph", store / "oxigraph")
    (store / "manifest.json").write_text('{"format": 1, "files": {}}', encoding="utf-8")
    assert live_folder(store) == store and _answer(store) == ["Tomsk", "Tomsk Region"]
    (data / "seversk.ttl").write_text(SEVERSK, encoding="utf-8")
    assert _killed_build(data, store, "manifest") == -signal.SIGKILL
    assert live_folder(store) == store and _answer(store) == ["Tomsk", "Tomsk Region"]
    report = _build(data, store)
    assert report.written
    assert _answer(store) == ["Seversk", "Tomsk", "Tomsk Region"]
    assert sorted(_entries(store)) == sorted(FIXED + ["LIVE"])


def test_imports_are_loaded_from_their_files_with_inference(data, tmp_path):
    imports = data / "imports"
    imports.mkdir()
    tie = (FIXTURES / "store" / "data" / "001_1d554e3414d9cb96.ttl").read_text(encoding="utf-8")
    (imports / "ties.ttl").write_text(
        tie.replace("toyama-prefecture-liaoning", "tomsk-liaoning")
        .replace("place:toyama-prefecture,", "place:tomsk,"), encoding="utf-8")
    store = tmp_path / "store"
    report = build(store_path=store, data_dir=data, root=ROOT)
    assert report.conforms and report.written
    assert "  added imports/ties.ttl: 9 triples" in report.lines()
    target = connect(store)
    assert target.ask(PREAMBLE + "ASK { place:liaoning cg:twinnedWith place:tomsk }")
    again = build(store_path=store, data_dir=data, root=ROOT)
    assert again.up_to_date and again.graphs["imports/ties.ttl"] == 9


def test_a_graph_no_file_backs_is_reported_removed_by_name(data, tmp_path):
    store = tmp_path / "store"
    _build(data, store)
    ntriples = "".join(
        f"<{PREFIXES['place']}tomsk> <{PREFIXES['cg']}twinnedWith> <{PREFIXES['place']}x{i}> .\n"
        for i in range(3)
    )
    assert load_into_store(store, "wikidata-ties", ntriples) == 3
    report = _build(data, store)
    assert report.removed == ["import/wikidata-ties"]
    assert report.lines()[1:3] == [
        "graphs: 5 (added 0, changed 0, kept 5, removed 1)",
        "  removed import/wikidata-ties: 3 triples",
    ]
    assert report.written
    graphs = {g.value for g in open_existing(store).named_graphs()}
    assert GRAPH_BASE + "import/wikidata-ties" not in graphs
    assert len(graphs) == 6  # five files and the inferred graph


def test_the_disk_build_infers_the_same_triples_as_the_memory_build(data, tmp_path):
    """The build on disk runs the rules in memory on what they read only; same result."""
    memory = build(memory=True, data_dir=data, root=ROOT, validate=False)
    store = tmp_path / "store"
    disk = _build(data, store)
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH_BASE}inferred> {{ ?s ?p ?o }} }}"
    rows = {tuple(str(r[v]) for v in "spo") for r in connect(store).select(query)}
    rows_memory = {tuple(str(r[v]) for v in "spo") for r in connect(memory.store).select(query)}
    assert disk.inferred == memory.inferred == 61
    assert rows == rows_memory and len(rows) == 61
    assert disk.graphs == memory.graphs


def _inferred_set(store):
    inferred = ox.NamedNode(GRAPH_BASE + "inferred")
    return {(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, inferred)}


def test_rules_rerun_only_on_what_they_read_reach_the_same_fixpoint(tmp_path):
    """After the first pass a rule runs again only when something it reads was inferred;
    on the frozen seed graph that gives exactly the triples of running every rule again."""
    from citygraph.graph.inference import materialize, rule_paths
    from citygraph.graph.store import load_files, source_files

    files = source_files(ROOT, FIXTURES / "seed")
    rules = rule_paths(ROOT / "queries")
    results = []
    for every_rule in (False, True):
        store = ox.Store()
        load_files(store, files, root=ROOT)
        report = materialize(store, rules, every_rule=every_rule)
        results.append((report.inferred, report.per_pass, _inferred_set(store)))
    (skipping, passes, triples), (everything, all_passes, all_triples) = results
    assert skipping == everything == len(triples) > 1000
    assert passes == all_passes and passes[-1] == 0
    assert triples == all_triples


def test_on_the_seed_graph_the_disk_build_infers_what_the_memory_build_infers(tmp_path):
    seed = FIXTURES / "seed"
    memory = build(memory=True, data_dir=seed, root=ROOT, validate=False)
    disk = build(store_path=tmp_path / "store", data_dir=seed, root=ROOT, validate=False)
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH_BASE}inferred> {{ ?s ?p ?o }} }}"
    rows = {tuple(str(r[v]) for v in "spo") for r in connect(tmp_path / "store").select(query)}
    rows_memory = {tuple(str(r[v]) for v in "spo") for r in connect(memory.store).select(query)}
    assert disk.inferred == memory.inferred == len(rows) > 1000
    assert rows == rows_memory
    assert disk.graphs == memory.graphs and disk.asserted == memory.asserted
