"""The committed themes reference data: policy domains, EU Urban Agenda themes, SDG goals."""

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from citygraph.importers.themes import DEFAULT_SDG_KOS, sdg_goal_labels, themes_graph
from citygraph.namespaces import CG, CGR, SDG
from conftest import DATA, SHARED

THEME = Namespace(CGR["theme/"])
SDG_SCHEME = URIRef("http://metadata.un.org/sdg")
KOS = SHARED / "vocab/un-sdg/sdg-kos-goals-targets-indicators.ttl"


@pytest.fixture(scope="module")
def themes():
    return Graph().parse(DATA / "themes.ttl", format="turtle")


def en(text):
    return Literal(text, lang="en")


def members(graph, scheme):
    return set(graph.subjects(SKOS.inScheme, scheme))


def test_policy_domain_scheme_holds_the_32_agreed_slugs(themes):
    names = {str(c).removeprefix(str(THEME)) for c in members(themes, CG.policyDomainScheme)}
    assert len(names) == 32
    assert {"smart-city", "e-government", "disaster-management", "taxation"} <= names
    assert {"waste-management", "capacity-building", "peace-and-security"} <= names
    assert (CG.policyDomainScheme, RDF.type, SKOS.ConceptScheme) in themes


def test_policy_domain_labels(themes):
    assert themes.value(THEME["e-government"], SKOS.prefLabel) == en("e-government")
    assert themes.value(THEME["smart-city"], RDFS.label) == en("smart city")
    assert themes.value(THEME["waste-management"], SKOS.prefLabel) == en("waste management")


def test_eu_urban_agenda_has_12_priority_and_2_new_themes(themes):
    concepts = members(themes, CG.euUrbanAgendaScheme)
    assert len(concepts) == 14
    notes = [str(themes.value(c, SKOS.scopeNote)) for c in concepts]
    assert sum("12 priority themes" in n for n in notes) == 12
    assert sum("2 new priority themes" in n for n in notes) == 2
    assert themes.value(THEME["eu-security-in-public-spaces"], SKOS.prefLabel) == en(
        "Security in Public Spaces"
    )
    assert themes.value(THEME["eu-culture-cultural-heritage"], SKOS.prefLabel) == en(
        "Culture/Cultural Heritage"
    )


def test_eu_theme_iris_follow_the_slide_wording(themes):
    mobility = THEME["eu-urban-mobility"]
    assert themes.value(mobility, SKOS.prefLabel) == en("Urban mobility")
    assert en("URBAN MOBILITY") in set(themes.objects(mobility, SKOS.altLabel))
    jobs = THEME["eu-jobs-skills-in-local-economy"]
    assert themes.value(jobs, RDFS.label) == en("Jobs & skills in local economy")
    assert en("Jobs and skills in the local economy") in set(themes.objects(jobs, SKOS.altLabel))


def test_misspelt_land_theme_keeps_the_spelling_as_alt_label(themes):
    land = THEME["eu-sutainable-use-of-land-and-nature-based"]
    assert themes.value(land, SKOS.prefLabel) == en("Sustainable use of land and nature-based")
    assert set(themes.objects(land, SKOS.altLabel)) == {
        en("SUTAINABLE USE OF LAND AND NATURE-BASED"),
        en("Sustainable use of land and natural resources"),
    }


def test_seventeen_sdg_goals(themes):
    goals = members(themes, SDG_SCHEME)
    assert goals == {SDG[str(n)] for n in range(1, 18)}
    assert all((g, RDF.type, SKOS.Concept) in themes for g in goals)
    assert themes.value(SDG["11"], RDFS.label) == en("Sustainable cities and communities")
    assert themes.value(SDG["11"], SKOS.prefLabel) == en(
        "Make cities and human settlements inclusive, safe, resilient and sustainable"
    )
    assert themes.value(SDG["17"], SKOS.notation) == Literal("17")


def test_every_concept_has_pref_label_label_and_scheme(themes):
    for concept in themes.subjects(RDF.type, SKOS.Concept):
        assert themes.value(concept, SKOS.prefLabel) is not None, concept
        assert themes.value(concept, RDFS.label) is not None, concept
        assert themes.value(concept, SKOS.inScheme) is not None, concept


@pytest.mark.skipif(not KOS.is_file(), reason="../shared/vocab/un-sdg is not beside the clone")
def test_committed_sdg_labels_equal_the_un_kos(themes):
    assert DEFAULT_SDG_KOS == KOS
    extracted = sdg_goal_labels(KOS)
    committed = {
        n: (
            str(themes.value(SDG[str(n)], SKOS.prefLabel)),
            str(themes.value(SDG[str(n)], RDFS.label)),
        )
        for n in range(1, 18)
    }
    assert committed == extracted
    assert extracted[3] == (
        "Ensure healthy lives and promote well-being for all at all ages",
        "Good health and well-being",
    )


@pytest.mark.skipif(not KOS.is_file(), reason="../shared/vocab/un-sdg is not beside the clone")
def test_committed_file_is_what_the_generator_builds(themes):
    from rdflib.compare import isomorphic

    assert isomorphic(themes, themes_graph(sdg_goal_labels(KOS)))
