"""The ontology and shapes parse, every term is documented, OWL RL finds them consistent."""

import re

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SH

from citygraph.namespaces import CG, CGR, FOAF, ORG, PREFIXES, SKOS
from citygraph.rdfio import parse_turtle
from conftest import DATA, FIXTURES, ONTOLOGY, ROOT, SHAPES, SHARED

ONTOLOGY_FILES = sorted(ONTOLOGY.glob("*.ttl"))
SHAPE_FILES = sorted(SHAPES.glob("*.ttl"))
ORG_VOCAB = SHARED / "vocab" / "org.ttl"
# a small sample of instance data: the shape fixtures that conform
SAMPLE = [
    FIXTURES / "shapes" / name
    for name in (
        "context.ttl",
        "organizations-valid.ttl",
        "membership-valid.ttl",
        "events-valid.ttl",
        "participation-valid.ttl",
        "talk-valid.ttl",
        "agreement-valid.ttl",
        "tie-valid.ttl",
        "project-valid.ttl",
    )
]


@pytest.fixture(scope="module")
def ontology():
    return parse_turtle(ONTOLOGY_FILES)


@pytest.fixture(scope="module")
def sample_closure():
    """OWL RL closure of the ontology, W3C ORG (where ../shared has it) and the sample."""
    return _closure(_with_org_vocab([*ONTOLOGY_FILES, *SAMPLE]))


def _closure(paths, extra=()):
    graph = parse_turtle(paths)
    for triple in extra:
        graph.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def _clashes(graph):
    """What OWL RL found inconsistent: its error messages and anything typed owl:Nothing."""
    errors = sorted(str(m) for m in graph.objects(None, ERRNS.error))
    nothing = sorted(str(s) for s in graph.subjects(RDF.type, OWL.Nothing))
    return errors, nothing


def _with_org_vocab(paths):
    return [*paths, ORG_VOCAB] if ORG_VOCAB.is_file() else list(paths)


@pytest.mark.parametrize("path", ONTOLOGY_FILES + SHAPE_FILES, ids=lambda p: p.name)
def test_every_ontology_and_shapes_file_parses(path):
    graph = parse_turtle(path)
    assert len(graph) > 50


def test_the_ontology_files_are_the_two_expected(ontology):
    assert [p.name for p in ONTOLOGY_FILES] == ["citygraph.ttl", "schemes.ttl"]
    assert (None, RDF.type, OWL.Ontology) in ontology


def _cg_terms(graph, kinds):
    return sorted(
        {s for kind in kinds for s in graph.subjects(RDF.type, kind) if s.startswith(str(CG))}
    )


def test_every_cg_class_and_property_has_an_english_label_and_comment(ontology):
    terms = _cg_terms(
        ontology,
        (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty),
    )
    undocumented = [
        str(t)
        for t in terms
        if not any(lit.language == "en" for lit in ontology.objects(t, RDFS.label))
        or not any(lit.language == "en" for lit in ontology.objects(t, RDFS.comment))
    ]
    assert undocumented == []
    # the classes the data and shapes rely on are all there
    classes = set(_cg_terms(ontology, (OWL.Class,)))
    for name in (
        "City",
        "Region",
        "Country",
        "District",
        "Fact",
        "PostHolding",
        "Membership",
        "Participation",
        "Talk",
        "Agreement",
        "Tie",
        "PolicyTransfer",
        "Project",
        "StatedCount",
        "Event",
        "Venue",
        "SourceDocument",
        "LocalGovernment",
    ):
        assert CG[name] in classes, name


def test_every_concept_scheme_has_a_label_and_concepts_with_preferred_labels(ontology):
    schemes = sorted(ontology.subjects(RDF.type, SKOS.ConceptScheme))
    assert [s.removeprefix(str(CG)) for s in schemes] == [
        "agreementTypeScheme",
        "eventTypeScheme",
        "membershipRoleScheme",
        "participantRoleScheme",
        "projectTypeScheme",
        "talkTypeScheme",
        "tieTypeScheme",
    ]
    for scheme in schemes:
        assert ontology.value(scheme, RDFS.label) is not None, scheme
        concepts = set(ontology.subjects(SKOS.inScheme, scheme))
        assert concepts, scheme
        unlabelled = [c for c in concepts if ontology.value(c, SKOS.prefLabel) is None]
        assert unlabelled == [], scheme


def test_the_property_chains_infer_membership_and_post_shortcuts(sample_closure):
    graph = sample_closure
    assert set(graph.subject_objects(CG.memberOf)) == {(CGR["place/tomsk"], CGR["org/anmc21"])}
    assert set(graph.subject_objects(ORG.holds)) == {
        (CGR["person/masuzoe-yoichi"], CGR["post/tokyo-government--governor"])
    }


def test_owl_rl_closure_of_ontology_org_and_sample_finds_no_clash(sample_closure):
    graph = sample_closure
    assert _clashes(graph) == ([], [])
    # the closure did work: a city is a place, part-of is transitive
    assert (CGR["place/tomsk"], RDF.type, CG.Place) in graph
    assert (CGR["place/tomsk"], CG.partOf, CGR["place/country-ru"]) in graph


def test_a_person_who_is_also_a_city_is_found_inconsistent():
    tomsk = CGR["place/tomsk"]
    graph = _closure(
        ONTOLOGY_FILES, extra=[(tomsk, RDF.type, FOAF.Person), (tomsk, RDF.type, CG.City)]
    )
    errors, _ = _clashes(graph)
    assert errors == [
        "Disjoint classes http://xmlns.com/foaf/0.1/Person and "
        "https://w3id.org/citygraph/ontology#Place have a common individual "
        "https://w3id.org/citygraph/id/place/tomsk"
    ]


def test_a_post_holder_that_is_an_organization_is_found_inconsistent():
    holding, holder = CGR["fact/900-holding-x"], CGR["org/anmc21"]
    graph = _closure(
        ONTOLOGY_FILES, extra=[(holding, CG.holder, holder), (holder, RDF.type, ORG.Organization)]
    )
    errors, _ = _clashes(graph)
    assert errors == [
        "Disjoint classes http://xmlns.com/foaf/0.1/Person and "
        "http://www.w3.org/ns/org#Organization have a common individual "
        "https://w3id.org/citygraph/id/org/anmc21"
    ]


@pytest.mark.slow
def test_owl_rl_closure_of_the_seed_data_finds_no_clash():
    # the files of the five seed documents and the reference data they use; imports of
    # bulk data sets are left out, OWL RL in Python takes about a minute on these alone
    files = sorted(DATA.glob("[0-9][0-9][0-9]_*.ttl"))
    files += [p for p in (DATA / "places.ttl", DATA / "themes.ttl") if p.is_file()]
    if not files:
        pytest.skip("data/ holds no seed file yet")
    graph = _closure(_with_org_vocab([*ONTOLOGY_FILES, *files]))
    assert _clashes(graph) == ([], [])


def test_shapes_cover_every_class_the_modelling_guide_names():
    shapes = parse_turtle(SHAPE_FILES)
    targeted = set(shapes.objects(None, SH.targetClass))
    expected = {
        CG[n]
        for n in (
            "SourceDocument",
            "Place",
            "Country",
            "Region",
            "City",
            "District",
            "LocalGovernment",
            "PostHolding",
            "Membership",
            "Event",
            "Venue",
            "Participation",
            "Talk",
            "Agreement",
            "Tie",
            "PolicyTransfer",
            "Project",
            "StatedCount",
            "Fact",
        )
    }
    expected |= {ORG.Organization, ORG.Post, FOAF.Person, SKOS.Concept}
    assert expected - targeted == set()


DOC = ROOT / "docs" / "ontology.md"
_EXAMPLE = re.compile(
    r"^### Document (\d{3}):.*?^> (.+?)$.*?```turtle\n(.*?)```", re.MULTILINE | re.DOTALL
)


def _collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def _examples():
    return _EXAMPLE.findall(DOC.read_text(encoding="utf-8"))


def test_the_ontology_doc_shows_one_sentence_of_each_seed_document():
    assert [number for number, _, _ in _examples()] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("number, quote, turtle", _examples(), ids=lambda v: str(v)[:3])
def test_each_doc_example_quotes_its_seed_and_its_triples_are_in_data(number, quote, turtle):
    seeds = sorted((SHARED / "seeds").glob(f"{number}_*.txt"))
    if seeds:
        assert _collapse(quote) in _collapse(seeds[0].read_text(encoding="utf-8"))
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    example = Graph().parse(data=header + turtle, format="turtle")
    files = sorted(DATA.glob(f"{number}_*.ttl"))
    if not files:
        pytest.skip(f"data/ has no file for document {number} yet")
    data = parse_turtle([*files, *(p for p in [DATA / "places.ttl"] if p.is_file())])
    missing = [t for t in example if t not in data]
    assert missing == []


def test_the_ontology_doc_names_every_cg_class_and_property(ontology):
    text = DOC.read_text(encoding="utf-8")
    terms = _cg_terms(ontology, (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty))
    named = set(re.findall(r"`cg:([A-Za-z0-9]+)`", text))
    assert (
        sorted(t.removeprefix(str(CG)) for t in terms if t.removeprefix(str(CG)) not in named) == []
    )
    unknown = sorted(n for n in named if (CG[n], None, None) not in ontology)
    assert unknown == ["euUrbanAgendaScheme", "policyDomainScheme"]
