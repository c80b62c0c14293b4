"""Every fact in data/ names its source document and quotes it verbatim."""

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from citygraph.graph.evidence import check_files
from citygraph.graph.project import find
from citygraph.namespaces import CG, PROV
from conftest import DATA, ONTOLOGY, ROOT, SEEDS

SOURCE_FILES = sorted(p for p in DATA.glob("[0-9][0-9][0-9]_*.ttl"))


@pytest.fixture(scope="module")
def fact_classes():
    onto = Graph()
    onto.parse(ONTOLOGY / "citygraph.ttl")
    return set(onto.transitive_subjects(RDFS.subClassOf, CG.Fact))


def _facts(graph, fact_classes):
    return sorted(
        {s for cls in fact_classes for s in graph.subjects(RDF.type, cls)}, key=str
    )


def test_each_seed_document_has_its_data_file():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the clone")
    stems = {p.stem for p in SEEDS.glob("*.txt")}
    # the five seeds; sources added later have their texts in sources/
    assert stems <= {p.stem for p in SOURCE_FILES}


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.name)
def test_every_fact_names_its_source_document(path, fact_classes):
    graph = Graph().parse(path)
    facts = _facts(graph, fact_classes)
    assert facts, f"{path.name} holds no facts"
    docs = set(graph.subjects(CG.fileName, None))
    assert len(docs) == 1, f"{path.name} should describe exactly one source document"
    (doc,) = docs
    assert str(graph.value(doc, CG.fileName)) == path.stem + ".txt"
    unsourced = [str(f) for f in facts if (f, PROV.wasDerivedFrom, doc) not in graph]
    assert unsourced == []


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.name)
def test_every_evidence_quote_occurs_in_its_source(path, fact_classes):
    if find(ROOT).source_text(path.stem + ".txt") is None:
        pytest.skip(f"the text of {path.name} is not available")
    graph = Graph().parse(path)
    quotes = [(s, str(o)) for s, o in graph.subject_objects(CG.evidence)]
    assert quotes, f"{path.name} has no evidence quotes"
    # the check validate and build run: each quote against its document's text and hash
    assert [str(p) for p in check_files([path], find(ROOT))] == []
    without = [str(f) for f in _facts(graph, fact_classes) if graph.value(f, CG.evidence) is None]
    assert without == []
