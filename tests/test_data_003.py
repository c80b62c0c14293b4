"""Facts of seed document 003 (TCS symposium Vol. 6, 5 August 2021) as the graph states them."""

from datetime import date

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from citygraph.namespaces import CG, CGR, ORG, PROV, SCHEMA
from conftest import DATA, ONTOLOGY
from rdfcheck import ask, one

STEM = "003_3a7fcbb99fd848f0"
DATA_FILE = DATA / f"{STEM}.ttl"

DOC = CGR["doc/003"]
SERIES = CGR["event/tcs-10th-anniversary-symposium-series"]
VOL6 = CGR["event/tcs-10th-anniversary-symposium-vol-6"]


def org(key):
    return CGR[f"org/{key}"]


def fact(key):
    return CGR[f"fact/{key}"]


def person(key):
    return CGR[f"person/{key}"]


def tail(iri):
    return str(iri).rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def own():
    """This file's triples alone."""
    return Graph().parse(DATA_FILE)


@pytest.fixture(scope="module")
def graph(own):
    """This file with the ontology, the reference data and documents 000 and 001 (shared nodes)."""
    g = Graph()
    g += own
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        g.parse(path)
    for name in (
        "places.ttl",
        "themes.ttl",
        "000_6225120ee05bea0d.ttl",
        "001_1d554e3414d9cb96.ttl",
    ):
        if (DATA / name).is_file():
            g.parse(DATA / name)
    return g


def test_document_title_publisher_and_undated_publication(own):
    assert str(one(own, DOC, CG.fileName)) == f"{STEM}.txt"
    assert str(one(own, DOC, DCTERMS.title)) == (
        "TCS 10th Anniversary Symposium Series Vol. 6 – "
        "Promoting Trilateral Cooperation at the Local Level"
    )
    assert one(own, DOC, DCTERMS.publisher) == org("tcs")
    assert list(own.objects(DOC, DCTERMS.date)) == []
    assert one(own, DOC, CG.dateEarliest).toPython() == date(2021, 8, 5)


def test_symposium_date_mode_and_place_in_the_series(own):
    assert str(one(own, VOL6, SCHEMA.name)) == "Promoting Trilateral Cooperation at the Local Level"
    assert one(own, VOL6, SCHEMA.startDate).toPython() == date(2021, 8, 5)
    assert one(own, VOL6, SCHEMA.eventAttendanceMode) == SCHEMA.OnlineEventAttendanceMode
    assert one(own, VOL6, CG.eventType) == CGR["event-type/symposium"]
    assert one(own, VOL6, CG.inSeries) == SERIES
    assert int(one(own, VOL6, CG.seriesNumber)) == 6
    assert one(own, VOL6, CG.host) == org("tcs")


def test_series_and_its_six_volumes_with_subjects(own):
    assert (SERIES, RDF.type, CG.EventSeries) in own
    assert str(one(own, SERIES, SCHEMA.name)) == "TCS 10th Anniversary Symposium Series"
    rows = ask(
        own,
        "SELECT ?n ?name WHERE { ?e cg:inSeries ?s ; cg:seriesNumber ?n ; schema:name ?name }",
        s=SERIES,
    )
    assert {int(n): name for n, name in rows} == {
        1: "Youth Exchange",
        2: "Urban Regeneration",
        3: "Aging Societies and Business Innovation",
        4: "Shared Peace and Prosperity",
        5: "Agricultural Development and Rural Revitalization",
        6: "Promoting Trilateral Cooperation at the Local Level",
    }


def test_supporters_with_the_expansions_the_text_gives(graph):
    assert set(graph.objects(VOL6, CG.supporter)) == {org("cifca"), org("clair"), org("gaok")}
    assert str(one(graph, org("cifca"), RDFS.label)) == (
        "China International Friendship Cities Association"
    )
    assert str(one(graph, org("cifca"), SKOS.altLabel)) == "CIFCA"
    assert str(one(graph, org("gaok"), RDFS.label)) == "Governors Association of Korea"
    assert "Council of Local Authorities for International Relations" in {
        str(v) for v in graph.objects(org("clair"), SKOS.altLabel)
    }


def test_more_than_400_participants(own):
    count = fact("003-count-participants")
    assert (VOL6, CG.statedCount, count) in own
    assert int(one(own, count, CG.countValue)) == 400
    assert str(one(own, count, CG.countQualifier)) == "more than"


def test_six_presenters_are_a_count_not_invented_people(own):
    assert int(one(own, fact("003-count-presenters"), CG.countValue)) == 6
    assert int(one(own, fact("003-count-presenters-per-country"), CG.countValue)) == 2
    people = {tail(p) for p in own.subjects(RDF.type, FOAF.Person)}
    assert people == {
        "michigami-hisashi",
        "cao-jing",
        "qing-boming",
        "machida-toyoji",
        "kim-dae-sik",
        "yang-kiho",
    }


def test_moderator_yang_kiho_of_sungkonghoe_university(own):
    participation = fact("003-participation-yang-kiho")
    assert one(own, participation, CG.participantRole) == CGR["participant-role/moderator"]
    assert one(own, participation, CG.event) == VOL6
    assert one(own, participation, CG.onBehalfOf) == org("sungkonghoe-university")
    assert str(one(own, person("yang-kiho"), CG.honorific)) == "Professor"
    assert str(one(own, person("yang-kiho"), RDFS.label)) == "YANG Kiho"


def test_post_holdings_of_the_named_officials(own):
    rows = ask(
        own,
        """SELECT ?who ?title ?org WHERE {
             ?h a cg:PostHolding ; cg:holder ?who ; cg:statedTitle ?title ;
                cg:post/org:postIn ?org }""",
    )
    got = {(tail(who), title, tail(o)) for who, title, o in rows}
    assert got == {
        ("michigami-hisashi", "TCS Secretary-General", "tcs"),
        ("cao-jing", "Deputy Secretary-General", "tcs"),
        ("qing-boming", "Secretary-General of CIFCA", "cifca"),
        ("qing-boming", "Council Member of CPAFFC", "cpaffc"),
        ("machida-toyoji", "Head of Seoul Office, CLAIR", "clair-seoul"),
        (
            "kim-dae-sik",
            "Director General of Decentralization Policy Bureau, GAOK",
            "gaok-decentralization-policy-bureau",
        ),
        ("yang-kiho", "Professor", "sungkonghoe-university"),
    }
    assert all(
        one(own, h, CG.asOf).toPython() == date(2021, 8, 5)
        for h in own.subjects(RDF.type, CG.PostHolding)
    )


def test_remarks_by_type(own):
    rows = ask(
        own, "SELECT ?who ?type WHERE { ?t a cg:Talk ; cg:speaker ?who ; cg:talkType ?type }"
    )
    assert {(tail(w), tail(t)) for w, t in rows} == {
        ("michigami-hisashi", "opening-remarks"),
        ("cao-jing", "closing-remarks"),
        ("qing-boming", "congratulatory-remarks"),
        ("machida-toyoji", "congratulatory-remarks"),
        ("kim-dae-sik", "congratulatory-remarks"),
    }
    assert str(one(own, person("kim-dae-sik"), CG.honorific)) == "Amb."
    assert one(own, fact("003-talk-machida-toyoji"), CG.onBehalfOf) == org("clair-seoul")
    assert one(own, fact("003-talk-kim-dae-sik"), CG.onBehalfOf) == org("gaok")
    assert "COVID-19 pandemic" in " ".join(
        str(e) for e in own.objects(fact("003-talk-michigami-hisashi"), CG.evidence)
    )


def test_culture_city_of_east_asia_cases(own):
    ccea = CGR["project/culture-city-of-east-asia"]
    assert str(one(own, ccea, SCHEMA.name)) == "Culture City of East Asia"
    assert str(one(own, ccea, SKOS.altLabel)) == "CCEA"
    assert one(own, ccea, CG.theme) == CGR["theme/culture"]
    rows = ask(
        own,
        """SELECT ?name ?city ?year WHERE { ?p schema:isPartOf ?ccea ; schema:name ?name ;
             cg:projectParticipant ?city ; schema:startDate ?year }""",
        ccea=ccea,
    )
    assert {(name, tail(city), year) for name, city, year in rows} == {
        ("CCEA 2020", "yangzhou", "2020"),
        ("CCEA 2021", "kitakyushu", "2021"),
        ("CCEA 2016", "jeju", "2016"),
    }
    assert set(own.objects(ccea, CG.reportedBy)) == {
        CGR["place/yangzhou"],
        CGR["place/kitakyushu"],
        CGR["place/jeju"],
    }


def test_case_cities_took_part_as_speakers(own):
    roles = {
        tail(own.value(f, CG.participant)): tail(own.value(f, CG.participantRole))
        for f in own.subjects(CG.event, VOL6)
        if str(own.value(f, CG.participant)).startswith(str(CGR["place/"]))
    }
    assert roles == {"yangzhou": "speaker", "kitakyushu": "speaker", "jeju": "speaker"}


def test_jeju_is_the_node_of_document_001(graph):
    jeju = CGR["place/jeju"]
    assert str(one(graph, jeju, RDFS.label)) == "Jeju Special Self-Governing Province"
    assert {CGR["doc/001"], DOC} <= set(graph.objects(jeju, CG.mentionedIn))


def test_clair_is_the_node_of_document_000_with_two_offices(graph):
    clair = org("clair")
    assert str(one(graph, clair, RDFS.label)) == "CLAIR"
    assert {CGR["doc/000"], DOC} <= set(graph.objects(clair, CG.mentionedIn))
    offices = set(graph.subjects(ORG.subOrganizationOf, clair))
    assert {org("clair-london"), org("clair-seoul")} <= offices
    assert one(graph, org("clair-seoul"), CG.basedIn) == CGR["place/seoul"]


def test_places_the_document_names(own):
    named = {
        tail(p) for p in own.subjects(CG.mentionedIn, DOC) if str(p).startswith(str(CGR["place/"]))
    }
    assert named == {
        "country-cn",
        "country-jp",
        "country-kr",
        "yangzhou",
        "kitakyushu",
        "jeju",
        "seoul",
    }


def test_every_fact_is_derived_from_document_003(own):
    facts = {s for s, _ in own.subject_objects(CG.evidence)}
    assert len(facts) >= 30
    assert all((f, PROV.wasDerivedFrom, DOC) in own for f in facts)


def test_tcs_acronym_is_not_expanded(own):
    assert one(own, org("tcs"), RDFS.label) == Literal("TCS")
    assert list(own.objects(org("tcs"), SKOS.altLabel)) == []
