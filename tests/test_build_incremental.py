"""An incremental build equals a full one, graph by graph, over a sequence of edits."""

import shutil

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import to_isomorphic

from citygraph.graph.build import build
from citygraph.graph.store import GRAPH_BASE, INFERRED_GRAPH, open_existing, read_manifest
from citygraph.namespaces import PREFIXES
from conftest import FIXTURES, ROOT

PREAMBLE = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items())
INFERRED = ox.NamedNode(INFERRED_GRAPH)

#: a ward of Tomsk: through Tomsk it is part of Tomsk Region (the part-of closure infers it)
WARD = """@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

place:test-ward a cg:City ;
    rdfs:label "Test Ward"@en ;
    cg:country place:country-ru ;
    cg:partOf place:tomsk ;
    cg:uncertainty "A place made for a test: it has no GeoNames id." .
"""


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "store" / "data", target)
    return target


def _graphs(store_path):
    """Every named graph of the live store, comparable as RDF graphs are (blank nodes by
    their place in the graph, not by their names, which each load makes anew)."""
    store = open_existing(store_path)
    graphs = {}
    for g in store.named_graphs():
        text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode("utf-8")
        graphs[g.value] = to_isomorphic(Graph().parse(data=text, format="nt"))
    return graphs


def _ask(store_path, pattern):
    store = open_existing(store_path)
    return bool(store.query(PREAMBLE + f"ASK {{ GRAPH <{INFERRED_GRAPH}> {{ {pattern} }} }}"))


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_incremental_build_equals_a_full_build_after_each_edit(data, tmp_path):
    store = tmp_path / "store"
    first = build(store_path=store, data_dir=data, root=ROOT)
    assert first.written and not first.incremental
    places = data / "places.ttl"
    tie = data / "001_1d554e3414d9cb96.ttl"
    edits = [
        # a new file: its ward is part of Tomsk Region through Tomsk
        ("add", lambda: (data / "010_ward.ttl").write_text(WARD, encoding="utf-8"),
         [("place:test-ward cg:partOf place:tomsk-oblast", True)]),
        # a sister-city tie becomes a cooperation: its inferred twinnedWith goes away
        ("change", lambda: _edit(tie, "tiet:sister-city", "tiet:cooperation"),
         [("place:toyama-prefecture cg:twinnedWith place:liaoning", False),
          ("place:liaoning cg:cooperatesWith place:toyama-prefecture", True)]),
        # the middle of a part-of chain moves: Tomsk is no longer part of its region
        ("chain", lambda: _edit(places, "; cg:partOf place:tomsk-oblast .", "."),
         [("place:test-ward cg:partOf place:tomsk-oblast", False),
          ("place:test-ward cg:partOf place:tomsk", False)]),
        ("delete", lambda: (data / "010_ward.ttl").unlink(), []),
    ]
    for step, (name, edit, facts) in enumerate(edits):
        edit()
        report = build(store_path=store, data_dir=data, root=ROOT)
        full = build(store_path=tmp_path / f"full-{step}", data_dir=data, root=ROOT, full=True)
        assert report.written and report.incremental and not full.incremental, name
        assert (report.validated, report.conforms) == (True, True), name
        assert report.checked_nodes is not None, name  # only the nodes the change reaches
        assert _graphs(store) == _graphs(tmp_path / f"full-{step}"), name
        assert read_manifest(store) == read_manifest(tmp_path / f"full-{step}"), name
        assert (report.asserted, report.inferred, report.graphs) == (
            full.asserted, full.inferred, full.graphs), name
        for pattern, holds in facts:
            assert _ask(store, pattern) is holds, (name, pattern)
    assert sorted(_graphs(store)) == sorted(
        GRAPH_BASE + name for name in ["ontology/citygraph.ttl", "ontology/schemes.ttl",
                                       "data/000_6225120ee05bea0d.ttl",
                                       "data/001_1d554e3414d9cb96.ttl", "data/places.ttl",
                                       "inferred"])


def test_an_incremental_build_that_breaks_a_shape_is_not_written(data, tmp_path):
    store = tmp_path / "store"
    build(store_path=store, data_dir=data, root=ROOT)
    before = _graphs(store)
    doc = data / "001_1d554e3414d9cb96.ttl"
    text = doc.read_text(encoding="utf-8")
    doc.write_text("\n".join(x for x in text.splitlines() if "dcterms:title" not in x),
                   encoding="utf-8")
    report = build(store_path=store, data_dir=data, root=ROOT)
    full = build(store_path=tmp_path / "full", data_dir=data, root=ROOT, full=True)
    assert report.incremental and not report.written
    assert (report.conforms, report.violations) == (full.conforms, full.violations) == (False, 1)
    assert "cgsh:SourceDocument-title: 1 violation" in report.validation_text
    assert _graphs(store) == before
    # put back: the next build starts again from the live version, which it equals
    doc.write_text(text, encoding="utf-8")
    again = build(store_path=store, data_dir=data, root=ROOT)
    assert again.up_to_date and _graphs(store) == before


def test_full_forces_a_bulk_load_and_a_whole_validation(data, tmp_path):
    store = tmp_path / "store"
    build(store_path=store, data_dir=data, root=ROOT)
    (data / "010_ward.ttl").write_text(WARD, encoding="utf-8")
    report = build(store_path=store, data_dir=data, root=ROOT, full=True)
    assert report.written and not report.incremental and report.checked_nodes is None
    assert report.loaded == ["data/010_ward.ttl"]


def test_a_change_of_the_shapes_validates_everything(data, tmp_path):
    store = tmp_path / "store"
    build(store_path=store, data_dir=data, root=ROOT, validate=False)
    (data / "010_ward.ttl").write_text(WARD, encoding="utf-8")
    # the live version was not validated: the whole new one is
    report = build(store_path=store, data_dir=data, root=ROOT)
    assert report.incremental and report.validated and report.checked_nodes is None
    assert read_manifest(store)["validated"] is True


#: a chain of parts four long, and a second way from its first link to its end
CHAIN = """@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .

place:test-block cg:partOf place:test-ward .
place:test-ward cg:partOf place:test-district .
place:test-district cg:partOf place:test-county .
place:test-county cg:partOf place:test-state .
place:test-block cg:partOf place:test-bypass .
place:test-bypass cg:partOf place:test-state .
"""

#: a class two steps below Province, and a place of it
KINDS = """@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

cg:TestKind rdfs:subClassOf cg:TestMiddle .
cg:TestMiddle rdfs:subClassOf cg:Province .
place:test-kind-place a cg:TestKind .
"""


def _follow(data, tmp_path, edits, how="inferred again only what the change reaches"):
    """Build after each edit, incrementally and in full; both stores hold the same graphs,
    the inferred graph was updated for what the change reaches, and the facts hold or not."""
    store = tmp_path / "store"
    build(store_path=store, data_dir=data, root=ROOT, validate=False)
    for step, (name, edit, facts) in enumerate(edits):
        edit()
        report = build(store_path=store, data_dir=data, root=ROOT, validate=False)
        full = tmp_path / f"full-{step}"
        build(store_path=full, data_dir=data, root=ROOT, validate=False, full=True)
        assert report.incremental, name
        assert report.inference_note.startswith(how), (name, report.inference_note)
        assert _graphs(store) == _graphs(full), name
        assert read_manifest(store)["inferred"] == read_manifest(full)["inferred"], name
        for pattern, holds in facts:
            assert _ask(store, pattern) is holds, (name, pattern)


def test_a_transitive_chain_broken_in_the_middle(data, tmp_path):
    chain = data / "011_chain.ttl"
    _follow(data, tmp_path, [
        ("add", lambda: chain.write_text(CHAIN, encoding="utf-8"),
         [("place:test-block cg:partOf place:test-county", True),
          ("place:test-ward cg:partOf place:test-state", True)]),
        # the middle link goes: the block keeps the state through the bypass, not the county
        ("break", lambda: _edit(chain, "place:test-district cg:partOf place:test-county .", ""),
         [("place:test-block cg:partOf place:test-county", False),
          ("place:test-ward cg:partOf place:test-county", False),
          ("place:test-ward cg:partOf place:test-state", False),
          ("place:test-block cg:partOf place:test-district", True),
          ("place:test-block cg:partOf place:test-state", True)]),
        # and comes back
        ("mend", lambda: chain.write_text(CHAIN, encoding="utf-8"),
         [("place:test-ward cg:partOf place:test-state", True)]),
    ])


def test_a_subclass_change_moves_the_inferred_types(data, tmp_path):
    kinds = data / "012_kinds.ttl"
    _follow(data, tmp_path, [
        ("add", lambda: kinds.write_text(KINDS, encoding="utf-8"),
         [("place:test-kind-place a cg:Region", True),
          ("place:test-kind-place a cg:Place", True)]),
        # the middle class now lies under City: the place is no region, still a place
        ("move", lambda: _edit(kinds, "cg:TestMiddle rdfs:subClassOf cg:Province",
                               "cg:TestMiddle rdfs:subClassOf cg:City"),
         [("place:test-kind-place a cg:Region", False),
          ("place:test-kind-place a cg:Province", False),
          ("place:test-kind-place a cg:City", True),
          ("place:test-kind-place a cg:Place", True)]),
        # the place is now of the middle class itself: its own class is no longer inferred
        ("retype", lambda: _edit(kinds, "place:test-kind-place a cg:TestKind",
                                 "place:test-kind-place a cg:TestMiddle"),
         [("place:test-kind-place a cg:TestMiddle", False),
          ("place:test-kind-place a cg:City", True)]),
    ])


def test_a_change_between_blank_nodes_runs_the_rules_over_everything(data, tmp_path):
    # VALUES cannot name a blank node: the part-of between two is inferred by the full run
    nested = data / "013_nested.ttl"
    text = ("@prefix cg: <https://w3id.org/citygraph/ontology#> .\n"
            "@prefix place: <https://w3id.org/citygraph/id/place/> .\n"
            "[] cg:partOf [ cg:partOf place:tomsk ] .\n")
    _follow(data, tmp_path, [
        ("add", lambda: nested.write_text(text, encoding="utf-8"),
         [("?inner cg:partOf place:tomsk-oblast . "
           "?outer cg:partOf place:tomsk , place:tomsk-oblast", True)]),
        ("delete", lambda: nested.unlink(),
         [("?outer cg:partOf place:tomsk-oblast FILTER isBlank(?outer)", False)]),
    ], how="the rules ran again over everything: a changed triple joins blank nodes")


def test_a_rule_of_two_triples_adds_only_the_one_not_asserted(data, tmp_path):
    # the holding infers holds and heldBy; the file asserts heldBy, which stays out of
    # the inferred graph
    holding = data / "014_holding.ttl"
    text = ("@prefix cg: <https://w3id.org/citygraph/ontology#> .\n"
            "@prefix org: <http://www.w3.org/ns/org#> .\n"
            "@prefix id: <https://w3id.org/citygraph/id/> .\n"
            "id:test-holding a cg:PostHolding ; cg:holder id:test-person ; cg:post id:test-post .\n"
            "id:test-post org:heldBy id:test-person .\n")
    _follow(data, tmp_path, [
        ("add", lambda: holding.write_text(text, encoding="utf-8"),
         [("<https://w3id.org/citygraph/id/test-person> org:holds "
           "<https://w3id.org/citygraph/id/test-post>", True),
          ("<https://w3id.org/citygraph/id/test-post> org:heldBy "
           "<https://w3id.org/citygraph/id/test-person>", False)]),
        ("unassert", lambda: _edit(holding, "id:test-post org:heldBy id:test-person .", ""),
         [("<https://w3id.org/citygraph/id/test-post> org:heldBy "
           "<https://w3id.org/citygraph/id/test-person>", True)]),
    ])
