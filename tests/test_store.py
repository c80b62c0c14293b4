"""The embedded store: named graphs per file, safe rebuilds, reuse, reload, bound parameters."""

import datetime
import hashlib
import shutil
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from citygraph.errors import InputError, ParseError, QueryError
from citygraph.graph.build import build
from citygraph.graph.store import GRAPH_BASE, INFERRED_GRAPH, load_files, open_store
from citygraph.namespaces import CG, PREFIXES
from citygraph.querying.sparql import connect, inject_values, to_python
from conftest import FIXTURES, ROOT

STORE_DATA = FIXTURES / "store" / "data"
PLACE = PREFIXES["place"]
FILES = ["000_6225120ee05bea0d.ttl", "001_1d554e3414d9cb96.ttl", "places.ttl"]
PREAMBLE = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items())


@pytest.fixture
def data(tmp_path):
    """A private copy of the store fixture's data folder."""
    target = tmp_path / "data"
    shutil.copytree(STORE_DATA, target)
    return target


def _snapshot(folder):
    """Every file under a folder with the hash of its content."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _build(data, store, **kw):
    return build(store_path=store, data_dir=data, root=ROOT, **kw)


def test_load_files_puts_each_file_in_its_own_named_graph():
    store = open_store()
    load_files(store, [STORE_DATA / name for name in FILES], root=ROOT)
    graphs = sorted(g.value for g in store.named_graphs())
    assert graphs == [f"{GRAPH_BASE}tests/data/store/data/{name}" for name in FILES]
    places = ox.NamedNode(f"{GRAPH_BASE}tests/data/store/data/places.ttl")
    tomsk = ox.NamedNode(PLACE + "tomsk")
    assert [q.object.value for q in store.quads_for_pattern(tomsk, ox.NamedNode(str(CG.partOf)),
                                                             None, places)] == [
        PLACE + "tomsk-oblast"
    ]
    assert len(list(store.quads_for_pattern(None, None, None, places))) == 25


def test_load_files_reports_file_line_and_column(tmp_path):
    broken = tmp_path / "data" / "broken.ttl"
    broken.parent.mkdir()
    broken.write_text(
        "@prefix place: <https://w3id.org/citygraph/id/place/> .\n"
        "place:tomsk place:near place:seoul .\n"
        "place:tomsk place:near place:seoul, .\n"
        "place:seoul place:near place:tomsk .\n",
        encoding="utf-8",
    )
    store = open_store()
    with pytest.raises(ParseError) as caught:
        load_files(store, [broken], root=ROOT)
    assert caught.value.source == "data/broken.ttl"
    assert caught.value.line == 3
    assert str(caught.value).startswith("data/broken.ttl:3:")
    assert len(store) == 0


def test_build_writes_a_store_that_connect_opens(data, tmp_path):
    report = _build(data, tmp_path / "store")
    assert report.written and report.conforms
    assert sorted(report.loaded) == sorted(
        ["ontology/citygraph.ttl", "ontology/schemes.ttl"] + [f"data/{n}" for n in FILES]
    )
    assert report.inferred == 61  # listed one by one in test_inference.py
    target = connect(tmp_path / "store")
    rows = target.select(
        PREAMBLE + "SELECT ?label WHERE { ?place cg:partOf place:country-ru ; rdfs:label ?label }"
        " ORDER BY ?label"
    )
    assert [str(r["label"]) for r in rows] == ["Tomsk", "Tomsk Region"]


def test_a_syntax_error_leaves_the_previous_store_untouched(data, tmp_path):
    store = tmp_path / "store"
    _build(data, store, validate=False)
    before = _snapshot(store)
    text = (data / "places.ttl").read_text(encoding="utf-8")
    (data / "places.ttl").write_text(text.replace('"Russia"@en ;', '"Russia"@en ;;;,'), "utf-8")
    with pytest.raises(ParseError) as caught:
        _build(data, store, validate=False)
    assert str(caught.value).startswith("data/places.ttl:7:")
    assert _snapshot(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "store"]


def test_a_validation_failure_leaves_the_previous_store_untouched(data, tmp_path):
    store = tmp_path / "store"
    _build(data, store, validate=False)
    before = _snapshot(store)
    text = (data / "001_1d554e3414d9cb96.ttl").read_text(encoding="utf-8")
    # a source document without a title breaks cgsh:SourceDocument-title
    (data / "001_1d554e3414d9cb96.ttl").write_text(
        "\n".join(line for line in text.splitlines() if "dcterms:title" not in line),
        encoding="utf-8",
    )
    report = _build(data, store)
    assert (report.validated, report.conforms, report.written) == (True, False, False)
    assert report.violations == 1
    assert "cgsh:SourceDocument-title: 1 violation" in report.validation_text
    assert report.lines()[-1] == f"not written: the previous store at {store} is untouched"
    assert _snapshot(store) == before


def test_build_validates_the_graphs_it_loaded_without_parsing_the_files_again(
        data, tmp_path, monkeypatch):
    import citygraph.graph.validation as validation

    def parse_again(*args, **kwargs):
        raise AssertionError("build parsed the data files a second time to validate them")

    monkeypatch.setattr(validation, "load_store", parse_again)
    path = data / "000_6225120ee05bea0d.ttl"
    text = path.read_text(encoding="utf-8")
    # line 52: the 'as of' date of a holding, made a 13th month
    assert text.splitlines()[51] == '    cg:asOf "2014-09-06"^^xsd:date ;'
    lines = text.splitlines()
    lines[51] = '    cg:asOf "2014-13-06"^^xsd:date ;'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = build(store_path=tmp_path / "store", data_dir=data, root=ROOT)
    assert (report.validated, report.conforms, report.written) == (True, False, False)
    assert report.violations == 1
    assert f"{path}:52)" in report.validation_text
    assert '"2014-13-06"^^xsd:date' in report.validation_text
    assert "does not conform: 1 violation, 1 warning in 3 files" in report.validation_text


def test_an_unchanged_rebuild_reuses_the_store(data, tmp_path):
    store = tmp_path / "store"
    _build(data, store, validate=False)
    before = _snapshot(store)
    report = _build(data, store, validate=False)
    assert report.up_to_date and not report.written
    assert report.lines()[1] == "graphs: 5, unchanged: kept 5 graphs"
    assert _snapshot(store) == before


def test_a_changed_file_is_reloaded_alone_and_inference_follows(data, tmp_path):
    store = tmp_path / "store"
    _build(data, store, validate=False)
    tie = data / "001_1d554e3414d9cb96.ttl"
    tie.write_text(
        tie.read_text(encoding="utf-8").replace("tiet:sister-city", "tiet:cooperation"),
        encoding="utf-8",
    )
    report = _build(data, store, validate=False)
    assert report.reloaded == ["data/001_1d554e3414d9cb96.ttl"]
    assert sorted(report.reused) == [
        "data/000_6225120ee05bea0d.ttl",
        "data/places.ttl",
        "ontology/citygraph.ttl",
        "ontology/schemes.ttl",
    ]
    assert report.loaded == [] and report.written
    assert report.lines()[1:3] == [
        "graphs: 5 (added 0, changed 1, kept 4, removed 0)",
        "  changed data/001_1d554e3414d9cb96.ttl: 9 triples",
    ]
    target = connect(store)
    twinned = PREAMBLE + "ASK { place:toyama-prefecture cg:twinnedWith place:liaoning }"
    cooperates = PREAMBLE + "ASK { place:liaoning cg:cooperatesWith place:toyama-prefecture }"
    assert target.ask(twinned) is False
    assert target.ask(cooperates) is True
    rows = target.select(
        PREAMBLE + "SELECT ?type WHERE { fact:001-tie-toyama-prefecture-liaoning cg:tieType ?type }"
    )
    assert rows == [{"type": URIRef(PREFIXES["tiet"] + "cooperation")}]


def test_a_removed_file_drops_its_graph(data, tmp_path):
    store = tmp_path / "store"
    _build(data, store, validate=False)
    (data / "001_1d554e3414d9cb96.ttl").unlink()
    report = _build(data, store, validate=False)
    assert report.removed == ["data/001_1d554e3414d9cb96.ttl"]
    target = connect(store)
    assert target.ask(PREAMBLE + "ASK { ?s cg:tieType ?t }") is False
    graphs = target.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert [str(r["g"]) for r in graphs] == [
        f"{GRAPH_BASE}data/000_6225120ee05bea0d.ttl",
        f"{GRAPH_BASE}data/places.ttl",
        INFERRED_GRAPH,
        f"{GRAPH_BASE}ontology/citygraph.ttl",
        f"{GRAPH_BASE}ontology/schemes.ttl",
    ]


def test_a_memory_build_writes_nothing(data, tmp_path):
    report = build(memory=True, data_dir=data, root=ROOT, validate=False)
    assert report.store_path is None and not report.validated
    assert connect(report.store).ask(PREAMBLE + "ASK { place:tomsk cg:partOf place:country-ru }")
    assert report.lines()[0] == "store: memory"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_connect_without_a_store_says_how_to_build_one(tmp_path):
    with pytest.raises(InputError, match="no store here; run `citygraph build` first"):
        connect(tmp_path / "nothing")


# --- bound parameters -------------------------------------------------------

HOSTILE = [
    'He said "hi"',
    "it's",
    "} UNION { ?s ?p ?o }",
    'x" } UNION { ?s ?p ?o } #',
    "line one\nline two",
    "# not a comment",
    "{braces}",
    "back\\slash",
]


@pytest.fixture(scope="module")
def hostile_store():
    store = ox.Store()
    graph = ox.NamedNode("http://example.org/g")
    for i, text in enumerate(HOSTILE):
        store.add(ox.Quad(ox.NamedNode(f"http://example.org/n{i}"),
                          ox.NamedNode(str(CG.evidence)), ox.Literal(text), graph))
    return store


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_values_match_literally(hostile_store, text):
    target = connect(hostile_store)
    query = f"SELECT ?node ?text WHERE {{ ?node <{CG.evidence}> ?text }}"
    rows = target.select(query, {"text": text})
    assert rows == [{"node": URIRef(f"http://example.org/n{HOSTILE.index(text)}"),
                     "text": Literal(text)}]
    # the same through a VALUES block, the way remote endpoints get parameters
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?node <{CG.evidence}> ?text }}"
    assert target.select(count, {"text": text}) == [{"n": Literal(1)}]
    assert target.ask(f"ASK {{ ?node <{CG.evidence}> ?text }}", {"text": text + " "}) is False


def test_values_block_is_placed_in_the_where_group_not_the_template():
    query = "CONSTRUCT { ?a <http://e/p> ?b } WHERE { ?a <http://e/q> ?b }"
    assert inject_values(query, {"a": URIRef("http://e/x")}) == (
        "CONSTRUCT { ?a <http://e/p> ?b } WHERE { VALUES (?a) { (<http://e/x>) }"
        " ?a <http://e/q> ?b }"
    )
    tricky = 'SELECT ?a WHERE { ?a <http://e/q> "{ not a brace" }'
    assert inject_values(tricky, {"a": 1}).startswith(
        'SELECT ?a WHERE { VALUES (?a) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) }'
    )


def test_date_and_number_bindings(hostile_store):
    target = connect(hostile_store)
    rows = target.select("SELECT ?d ?n WHERE { BIND(?d AS ?x) BIND(?n AS ?y) }",
                         {"d": datetime.date(2014, 9, 6), "n": 53})
    assert rows == [{"d": Literal("2014-09-06", datatype=XSD.date),
                     "n": Literal("53", datatype=XSD.integer)}]


def test_invalid_sparql_names_line_and_column(hostile_store):
    with pytest.raises(QueryError) as caught:
        connect(hostile_store).select("SELECT ?x\nWHERE { ?x ?y }")
    assert str(caught.value).startswith("query:2:")
    assert "invalid SPARQL" in str(caught.value)


def test_to_python_values():
    assert to_python(URIRef(PLACE + "tomsk")) == PLACE + "tomsk"
    assert to_python(Literal("Tomsk", lang="en")) == "Tomsk"
    assert to_python(Literal("53", datatype=XSD.nonNegativeInteger)) == 53
    assert to_python(Literal("1.5", datatype=XSD.decimal)) == Decimal("1.5")
    assert to_python(Literal("true", datatype=XSD.boolean)) is True
    assert to_python(Literal("2014-09-05T10:00:00", datatype=XSD.dateTime)) == datetime.datetime(
        2014, 9, 5, 10, 0
    )
    assert to_python(BNode("b1")) == "b1"
    assert to_python(None) is None
