"""Facts of seed document 004 (IUC presentation, Brussels 2019) as the graph states them."""

from datetime import date

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS

from citygraph.namespaces import CG, CGR, ORG, PROV, SCHEMA, SDG
from conftest import DATA
from rdfcheck import ask, day, one

STEM = "004_da145ce9cd1274b9"
DATA_FILE = DATA / f"{STEM}.ttl"

DOC = CGR["doc/004"]
IUC = CGR["org/iuc"]
NEWS_2017 = URIRef("https://www.iuc-asia.eu/2017/08/mannheim-first-vice-mayor-visit-chongqing/")
NEWS_2018 = URIRef(
    "https://www.iuc-asia.eu/2018/01/mannheim-welcomes-yuxinou-delegation-from-chongqing/"
)
CHINESE_PILOTS = {
    "chongqing", "longyan", "zhengzhou", "shantou", "haikou", "changchun", "kunming",
    "liuzhou", "yantai", "weinan", "tianjin", "chengdu", "wuhan", "guangzhou",
}  # fmt: skip


def tail(iri):
    return str(iri).rsplit("/", 1)[1]


def event(key):
    return CGR[f"event/{key}"]


def fact(key):
    return CGR[f"fact/{key}"]


@pytest.fixture(scope="module")
def own():
    """This file's triples alone."""
    return Graph().parse(DATA_FILE)


def test_document_title_date_and_presenters(own):
    assert str(one(own, DOC, CG.fileName)) == f"{STEM}.txt"
    assert str(one(own, DOC, DCTERMS.title)) == (
        "International Urban Cooperation Project - Field and Approach for City-to-city Cooperation"
    )
    assert day(own, DOC, DCTERMS.date) == date(2019, 4, 9)
    assert {tail(p) for p in own.objects(DOC, DCTERMS.creator)} == {"gandara-pablo", "shi-xin"}
    assert set(own.objects(DOC, DCTERMS.references)) == {NEWS_2017, NEWS_2018}


def test_presentation_in_brussels_by_two_speakers(own):
    talk_event = event("004-presentation-brussels-2019-04-09")
    assert one(own, talk_event, CG.hostPlace) == CGR["place/brussels"]
    assert day(own, talk_event, SCHEMA.startDate) == date(2019, 4, 9)
    rows = ask(
        own, "SELECT ?who ?name WHERE { ?t a cg:Talk ; cg:speaker ?who ; schema:name ?name }"
    )
    assert {tail(w) for w, _ in rows} == {"gandara-pablo", "shi-xin"}
    assert {n for _, n in rows} == {
        "International Urban Cooperation Project - Field and Approach for City-to-city Cooperation"
    }
    assert str(one(own, CGR["person/shi-xin"], CG.honorific)) == "Dr."
    assert "Pablo Gándara" in {
        str(v) for v in own.objects(CGR["person/gandara-pablo"], SKOS.altLabel)
    }


def test_news_items_with_urls_dates_and_authors(own):
    assert day(own, NEWS_2017, DCTERMS.date) == date(2017, 8, 20)
    assert one(own, NEWS_2017, DCTERMS.creator) == CGR["person/gandara-pablo"]
    assert str(one(own, NEWS_2017, DCTERMS.title)) == "Mannheim First Vice Mayor visit Chongqing"
    assert day(own, NEWS_2018, DCTERMS.date) == date(2018, 1, 19)
    assert one(own, NEWS_2018, DCTERMS.creator) == CGR["person/zhang-mavis"]
    assert str(one(own, NEWS_2018, SCHEMA.url)) == str(NEWS_2018)


def test_iuc_within_the_regional_policy_dialogue(own):
    assert str(one(own, IUC, RDFS.label)) == "International Urban Cooperation"
    assert "IUC" in {str(v) for v in own.objects(IUC, SKOS.altLabel)}
    dialogue = CGR["project/eu-china-regional-policy-dialogue"]
    assert str(one(own, dialogue, SCHEMA.name)) == "EU-China Regional Policy Dialogue"
    assert {tail(p) for p in own.objects(dialogue, CG.projectParticipant)} == {"dg-regio", "ndrc"}
    component = CGR["project/iuc-component-1"]
    assert one(own, component, SCHEMA.isPartOf) == dialogue
    assert one(own, component, CG.projectOf) == IUC


def test_fourteen_chinese_pilot_cities_2014_2018(own):
    rows = ask(
        own,
        """SELECT ?city ?start ?end WHERE { ?m a cg:Membership ; org:member ?city ;
             org:organization ?iuc ; org:role mrole:pilot-city ;
             schema:startDate ?start ; schema:endDate ?end }""",
        iuc=IUC,
    )
    assert len(rows) == 14
    assert {tail(c) for c, _, _ in rows} == CHINESE_PILOTS
    assert {(s, e) for _, s, e in rows} == {("2014", "2018")}


def test_no_eu_pilot_city_is_guessed(own):
    members = {tail(m) for m in own.objects(None, ORG.member)}
    assert members == CHINESE_PILOTS
    assert {"nice", "rome", "mannheim"}.isdisjoint(members)
    assert (CGR["place/nice"], CG.mentionedIn, DOC) in own
    assert "names no city under it" in str(one(own, IUC, RDFS.comment))


def test_eu_urban_agenda_themes_relevant_to_iuc_asia(own):
    themes = {
        tail(t)
        for t in own.objects(CGR["project/iuc-component-1"], CG.theme)
        if tail(t).startswith("eu-")
    }
    assert themes == {
        "eu-air-quality", "eu-circular-economy", "eu-housing", "eu-climate-adaptation",
        "eu-energy-transition", "eu-digital-transition", "eu-urban-mobility",
        "eu-jobs-skills-in-local-economy", "eu-sutainable-use-of-land-and-nature-based",
        "eu-culture-cultural-heritage",
    }  # fmt: skip


def test_sdgs_relevant_to_iuc_asia(own):
    goals = set(own.objects(CGR["project/iuc-component-1"], CG.sdg))
    assert goals == {SDG[str(n)] for n in (3, 4, 6, 7, 8, 9, 11, 12, 13, 15, 17)}


def test_five_thematic_clusters(own):
    rows = ask(
        own,
        "SELECT ?n ?name WHERE { ?c cg:projectOf ?iuc ; cg:order ?n ; schema:name ?name }",
        iuc=IUC,
    )
    assert {int(n): name for n, name in rows} == {
        1: "Mobility & Connectivity",
        2: "Smart City Digitalization",
        3: "Med-Technology Health-care",
        4: "Culture Education, Tourism",
        5: "Circular Economy",
    }


def test_mannheim_chongqing_cargo_railway_pilot_project(own):
    pilot = CGR["project/iuc-mannheim-chongqing-cargo-railway"]
    assert one(own, pilot, CG.projectType) == CGR["project-type/pilot-project"]
    assert str(one(own, pilot, SCHEMA.name)) == (
        "Cargo Railway Connection between Mannheim and Chongqing"
    )
    assert {tail(p) for p in own.objects(pilot, CG.projectParticipant)} == {"mannheim", "chongqing"}
    tie = fact("004-tie-mannheim-chongqing")
    assert one(own, tie, CG.tieType) == CGR["tie-type/pilot-partnership"]


def test_specht_visit_to_chongqing_14_to_17_august_2017(own):
    visit = event("004-visit-specht-chongqing-2017")
    assert day(own, visit, SCHEMA.startDate) == date(2017, 8, 14)
    assert day(own, visit, SCHEMA.endDate) == date(2017, 8, 17)
    assert one(own, visit, CG.hostPlace) == CGR["place/chongqing"]
    assert one(own, visit, CG.supporter) == IUC
    assert one(own, visit, PROV.hadPrimarySource) == NEWS_2017
    assert str(one(own, fact("004-holding-specht-christian"), CG.statedTitle)) == (
        "First Vice Mayor of Mannheim"
    )


def test_ouyang_lin_visit_to_mannheim_in_june_2017(own):
    visit = event("004-visit-ouyang-lin-mannheim-2017")
    assert day(own, visit, CG.dateEarliest) == date(2017, 6, 1)
    assert day(own, visit, CG.dateLatest) == date(2017, 6, 30)
    assert one(own, visit, CG.hostPlace) == CGR["place/mannheim"]
    assert one(own, visit, SCHEMA.superEvent) == event("iuc-work-meeting-europe-2017")
    holding = fact("004-holding-ouyang-lin")
    assert str(one(own, holding, CG.statedTitle)) == "Deputy Director General of Chongqing DRC"
    assert one(own, CGR["org/chongqing-drc"], CG.basedIn) == CGR["place/chongqing"]


def test_yuxinou_delegation_to_mannheim_on_17_january_2018(own):
    visit = event("004-visit-yuxinou-delegation-mannheim-2018")
    assert day(own, visit, SCHEMA.startDate) == date(2018, 1, 17)
    assert one(own, visit, PROV.hadPrimarySource) == NEWS_2018
    participant = one(own, fact("004-participation-yuxinou-mannheim-visit"), CG.participant)
    assert participant == CGR["org/yuxinou"]
    assert one(own, participant, CG.basedIn) == CGR["place/chongqing"]


def test_iuc_joint_declaration_quote(own):
    declaration = CGR["agreement/iuc-joint-declaration"]
    assert one(own, declaration, CG.agreementType) == CGR["agreement-type/declaration"]
    assert "single IUC community or city network" in str(one(own, declaration, CG.evidence))
    assert list(own.objects(declaration, DCTERMS.date)) == []


def test_urban_statistics_as_stated(own):
    rows = ask(
        own,
        """SELECT ?of ?n ?q WHERE { ?doc cg:statedCount ?c .
             ?c cg:countOf ?of ; cg:countValue ?n ; cg:countQualifier ?q }""",
        doc=DOC,
    )
    assert {(of, int(n), q) for of, n, q in rows} == {
        ("cities in China above 1 million (1985)", 20, "exactly"),
        ("cities in China above 1 million (2018)", 150, "over"),
        ("mega-cities (>10 million) in China", 10, "about"),
        ("cities in Europe above 1 million (as of 2018)", 12, "exactly"),
        ("cities in Europe of 2 to 5 million (as of 2018)", 5, "exactly"),
    }


def test_every_fact_is_derived_from_document_004(own):
    facts = {s for s, _ in own.subject_objects(CG.evidence)}
    assert len(facts) >= 45
    assert all((f, PROV.wasDerivedFrom, DOC) in own for f in facts)
