"""Facts of seed document 000 (ANMC21 13th Plenary Meeting, Tomsk 2014) as the graph states them."""


import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, XSD

from citygraph.namespaces import CG, CGR, ORG, PREFIXES, PROV, SCHEMA
from conftest import DATA, ONTOLOGY
from rdfcheck import one, query_rows

DATA_FILE = DATA / "000_6225120ee05bea0d.ttl"

DOC = CGR["doc/000"]
PLENARY = CGR["event/anmc21-13th-plenary"]

#: cities whose every delegate the participants list names, with the size the report states
FULLY_LISTED = {"tomsk": 53, "tokyo": 31, "hanoi": 9, "seoul": 7, "ulaanbaatar": 3}


def person(key):
    return CGR[f"person/{key}"]


def place(key):
    return CGR[f"place/{key}"]


def fact(key):
    return CGR[f"fact/{key}"]


@pytest.fixture(scope="module")
def graph():
    g = Graph()
    g.parse(DATA_FILE)
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        g.parse(path)
    for extra in ("places.ttl", "themes.ttl"):
        if (DATA / extra).is_file():
            g.parse(DATA / extra)
    return g


@pytest.fixture(scope="module")
def own():
    """This file's triples alone, for counting what the document itself says."""
    return Graph().parse(DATA_FILE)


def test_document_is_described_with_title_publisher_and_date(own):
    assert str(one(own, DOC, CG.fileName)) == "000_6225120ee05bea0d.txt"
    assert str(one(own, DOC, URIRef("http://purl.org/dc/terms/title"))) == (
        "Report of the 13th Plenary Meeting in Tomsk"
    )
    assert one(own, DOC, URIRef("http://purl.org/dc/terms/publisher")) == CGR["org/anmc21"]
    assert one(own, DOC, URIRef("http://purl.org/dc/terms/date")).toPython().isoformat() == (
        "2014-09-06"
    )


def test_anmc21_label_and_acronym(own):
    anmc21 = CGR["org/anmc21"]
    assert str(one(own, anmc21, RDFS.label)) == "ASIAN NETWORK OF MAJOR CITIES 21"
    assert {str(x) for x in own.objects(anmc21, URIRef(PREFIXES["skos"] + "altLabel"))} == {
        "ANMC21"
    }
    assert (CGR["org/anmc21-secretariat"], ORG.subOrganizationOf, anmc21) in own


def test_thirteen_member_cities(own):
    rows = query_rows(
        own,
        """SELECT ?city WHERE { ?m a cg:Membership ; org:member ?city ;
               org:organization cgorg:anmc21 ; org:role mrole:member . }""",
    )
    slugs = sorted(str(r.city).rsplit("/", 1)[1] for r in rows)
    assert slugs == [
        "bangkok",
        "delhi",
        "hanoi",
        "jakarta",
        "kuala-lumpur",
        "metro-manila",
        "seoul",
        "singapore",
        "taipei",
        "tokyo",
        "tomsk",
        "ulaanbaatar",
        "yangon",
    ]
    assert one(own, fact("000-membership-delhi-anmc21"), CG.uncertainty)


def test_plenary_meeting_dates_venue_host_and_stated_count(own):
    assert str(one(own, PLENARY, SCHEMA.name)) == "The 13th Plenary Meeting of the ANMC21 in Tomsk"
    assert one(own, PLENARY, CG.seriesNumber).toPython() == 13
    assert str(one(own, PLENARY, SCHEMA.startDate)) == "2014-09-05"
    assert str(one(own, PLENARY, SCHEMA.endDate)) == "2014-09-06"
    assert one(own, PLENARY, CG.hostPlace) == place("tomsk")
    assert one(own, PLENARY, CG.venue) == CGR["org/tomsk-polytechnic-university"]
    count = one(own, PLENARY, CG.statedCount)
    assert one(own, count, CG.countValue).toPython() == 107
    assert str(one(own, count, CG.countOf)) == "participants"


@pytest.mark.parametrize(
    "city, size",
    [("bangkok", 4), ("hanoi", 9), ("seoul", 7), ("tokyo", 31), ("tomsk", 53), ("ulaanbaatar", 3)],
)
def test_delegation_sizes(own, city, size):
    participation = fact(f"000-participation-{city}")
    assert one(own, participation, CG.participant) == place(city)
    assert one(own, participation, CG.attended).toPython() is True
    assert one(own, participation, CG.delegationSize).toPython() == size


def test_stated_sizes_add_up_to_the_stated_count(own):
    rows = query_rows(
        own,
        """SELECT (SUM(?n) AS ?total) WHERE {
               ?p cg:event event:anmc21-13th-plenary ; cg:delegationSize ?n . }""",
    )
    assert rows[0].total.toPython() == 107


def test_heads_of_delegation(own):
    rows = query_rows(
        own,
        """SELECT ?city ?family ?given WHERE {
               ?p cg:participant ?city ; cg:headOfDelegation ?head .
               ?head foaf:familyName ?family ; foaf:givenName ?given . }""",
    )
    heads = {str(r.city).rsplit("/", 1)[1]: f"{r.family} {r.given}" for r in rows}
    assert heads == {
        "bangkok": "JESSADACHATR Nitaya",
        "hanoi": "LE Hong Son",
        "seoul": "IM Jomh Seok",
        "tokyo": "MASUZOE Yoichi",
        "tomsk": "ZHVACHKIN Sergey",
        "ulaanbaatar": "ENKHTSENGEL Tseyen",
    }


def test_absent_cities_and_jakartas_proxy(own):
    rows = query_rows(
        own,
        """SELECT ?city ?proxy WHERE {
               ?p cg:event event:anmc21-13th-plenary ; cg:participant ?city ; cg:attended false .
               OPTIONAL { ?p cg:proxySubmitted ?proxy } }""",
    )
    absent = {str(r.city).rsplit("/", 1)[1]: r.proxy for r in rows}
    assert sorted(absent) == [
        "delhi",
        "jakarta",
        "kuala-lumpur",
        "metro-manila",
        "singapore",
        "taipei",
        "yangon",
    ]
    assert absent["jakarta"].toPython() is True
    assert all(v is None for k, v in absent.items() if k != "jakarta")


def test_people_have_family_and_given_names_as_listed(own):
    cases = {
        "zhvachkin-sergey": ("ZHVACHKIN", "Sergey", "ZHVACHKIN Sergey"),
        "masuzoe-yoichi": ("MASUZOE", "Yoichi", "MASUZOE Yoichi"),
        "sakurai-kenji": ("SAKURAI", "Kenji", "SAKURAI Kenji"),
        "hyun-dong-wook": ("HYUN", "Dong-wook", "HYUN Dong-wook"),
        "nguyen-minh-anh": ("NGUYEN", "Minh Anh", "NGUYEN Minh Anh"),
        "tuya-badarch": ("TUYA", "Badarch", "TUYA Badarch"),
    }
    for key, (family, given, label) in cases.items():
        node = person(key)
        assert str(one(own, node, FOAF.familyName)) == family
        assert str(one(own, node, FOAF.givenName)) == given
        assert str(one(own, node, RDFS.label)) == label
    assert {str(h) for h in own.objects(person("masuzoe-yoichi"), CG.honorific)} == {"Dr.", "H.E."}
    assert str(one(own, person("jessadachatr-nitaya"), CG.honorific)) == "Mrs."


def test_people_count_listed_plus_bangkok_head_plus_mayor_park(own):
    people = set(own.subjects(RDF.type, FOAF.Person))
    assert len(people) == 105
    listed = {
        r.who
        for r in query_rows(
            own,
            """SELECT ?who WHERE { ?p cg:participant ?who ; cg:inDelegation ?d . }""",
        )
    }
    assert len(listed) == 104
    assert person("park-won-soon") in people - listed


def test_post_in_its_organization_and_department_tree(own):
    rows = query_rows(
        own,
        """SELECT ?title ?post ?unit ?gov WHERE {
               ?h cg:holder person:kawano-masashi ; cg:post ?post ; cg:statedTitle ?title ;
                  cg:asOf "2014-09-06"^^xsd:date .
               ?post org:postIn ?unit .
               ?unit org:subOrganizationOf+ ?gov . ?gov cg:governs place:tokyo . }""",
    )
    assert len(rows) == 1
    (row,) = rows
    assert str(row.title) == (
        "Supervisor for Infectious Disease Control and Crisis Management, Infectious Disease "
        "Control Section, Health and Safety Division, Bureau of Social Welfare and Public Health"
    )
    assert row.unit == CGR["org/tokyo-infectious-disease-control-section"]
    assert row.gov == CGR["org/tokyo-government"]


def test_governor_of_tomsk_region_post(own):
    holding = fact("000-holding-zhvachkin-sergey")
    post = one(own, holding, CG.post)
    assert post == CGR["post/tomsk-oblast-government--governor"]
    assert one(own, post, ORG.postIn) == CGR["org/tomsk-oblast-government"]
    assert str(one(own, CGR["org/tomsk-oblast-government"], RDFS.label)) == (
        "Tomsk Region Administration"
    )
    assert str(one(own, holding, CG.statedTitle)) == "Governor of Tomsk Region"


def test_shared_posts_have_two_holders(own):
    rows = query_rows(
        own,
        """SELECT ?who WHERE { ?h cg:post ?post ; cg:holder ?who . }""",
        post=CGR[
            "post/tokyo-international-affairs-division--supervisor-for-international-joint-projects"
        ],
    )
    assert {str(r.who).rsplit("/", 1)[1] for r in rows} == {"yanagida-hisae", "komiyama-toru"}


def test_clair_london_and_shared_organizations(own):
    london = CGR["org/clair-london"]
    assert (london, ORG.subOrganizationOf, CGR["org/clair"]) in own
    assert one(own, london, CG.basedIn) == place("london")
    assert str(one(own, CGR["org/clair"], RDFS.label)) == "CLAIR"
    post = one(own, fact("000-holding-sakurai-chihiro"), CG.post)
    assert one(own, post, ORG.postIn) == london
    rector = one(own, fact("000-holding-galazhinsky-eduard"), CG.post)
    assert one(own, rector, ORG.postIn) == CGR["org/tomsk-state-university"]
    mayor = CGR["post/seoul-government--mayor"]
    assert one(own, fact("000-holding-park-won-soon"), CG.post) == mayor
    assert one(own, mayor, ORG.postIn) == CGR["org/seoul-government"]


@pytest.mark.parametrize(
    "a, b",
    [
        ("kravchenko-vladimir", "kravchenko-oksana"),
        ("maeda-hideo", "maeda-chitose"),
        ("sakurai-kenji", "sakurai-chihiro"),
    ],
)
def test_same_family_name_distinct_people(own, a, b):
    assert person(a) != person(b)
    assert str(one(own, person(a), FOAF.familyName)) == str(one(own, person(b), FOAF.familyName))
    post_a = one(own, fact(f"000-holding-{a}"), CG.post)
    post_b = one(own, fact(f"000-holding-{b}"), CG.post)
    assert post_a != post_b
    assert one(own, fact(f"000-participation-{a}"), CG.participant) == person(a)
    assert one(own, fact(f"000-participation-{b}"), CG.participant) == person(b)


def test_kravchenkos_hold_posts_in_different_bodies(own):
    vladimir = one(own, one(own, fact("000-holding-kravchenko-vladimir"), CG.post), ORG.postIn)
    oksana = one(own, one(own, fact("000-holding-kravchenko-oksana"), CG.post), ORG.postIn)
    assert (
        vladimir
        == CGR[
            "org/tomsk-oblast-legislative-duma-committee-for-legislation-form-of-government-and-safety"
        ]
    )
    assert oksana == CGR["org/tomsk-government"]


@pytest.mark.parametrize("city, size", sorted(FULLY_LISTED.items()))
def test_listed_participants_match_delegation_size(own, city, size):
    rows = query_rows(
        own,
        """SELECT (COUNT(DISTINCT ?who) AS ?n) WHERE {
               ?p cg:inDelegation ?delegation ; cg:participant ?who . ?who a foaf:Person . }""",
        delegation=fact(f"000-participation-{city}"),
    )
    assert rows[0].n.toPython() == size
    assert one(own, fact(f"000-participation-{city}"), CG.delegationSize).toPython() == size


def test_bangkok_lists_only_its_head_of_four(own):
    delegation = fact("000-participation-bangkok")
    members = set(own.subjects(CG.inDelegation, delegation))
    assert [one(own, m, CG.participant) for m in members] == [person("jessadachatr-nitaya")]
    stated = one(own, delegation, CG.delegationSize).toPython()
    assert stated - len(members) == 3
    assert "3 members" in str(one(own, delegation, CG.uncertainty))


def test_schedule_times(own):
    rows = query_rows(
        own,
        """SELECT ?e ?start ?end WHERE { ?e schema:superEvent* event:anmc21-13th-plenary ;
               schema:startDate ?start ; schema:endDate ?end . }""",
    )
    times = {str(r.e).rsplit("/", 1)[1]: (str(r.start), str(r.end)) for r in rows}
    assert times["anmc21-13th-plenary-welcome-delegates"] == (
        "2014-09-04T16:00:00",
        "2014-09-04T16:30:00",
    )
    assert times["anmc21-13th-plenary-policy-dialogue-2"] == (
        "2014-09-05T11:15:00",
        "2014-09-05T12:30:00",
    )
    assert times["anmc21-13th-plenary-field-trip-special-economic-zone"] == (
        "2014-09-05T14:00:00",
        "2014-09-05T16:00:00",
    )
    assert times["anmc21-13th-plenary-signing-ceremony"] == (
        "2014-09-06T11:25:00",
        "2014-09-06T12:30:00",
    )
    assert times["anmc21-13th-plenary-farewell-reception"] == (
        "2014-09-06T12:30:00",
        "2014-09-06T15:00:00",
    )
    assert times["anmc21-13th-plenary-exhibition"] == ("2014-09-04", "2014-09-06")
    # the plenary itself, the 21 slots of the schedule, the exhibition and the policy dialogue
    # that spans its two slots
    assert len(times) == 24
    start = one(own, CGR["event/anmc21-13th-plenary-welcome-delegates"], SCHEMA.startDate)
    assert start.datatype == XSD.dateTime


def test_exhibition_venue(own):
    exhibition = CGR["event/anmc21-13th-plenary-exhibition"]
    venue = one(own, exhibition, CG.venue)
    assert str(one(own, venue, RDFS.label)) == "Cultural Centre of Tomsk Polytechnic University"
    assert one(own, venue, CG.locatedIn) == place("tomsk")
    at_exhibition = {
        str(one(own, p, CG.participant)).rsplit("/", 1)[1]
        for p in own.subjects(CG.event, exhibition)
    }
    assert at_exhibition == {"seoul", "tokyo"}


def test_opening_remarks(own):
    rows = query_rows(
        own,
        """SELECT ?speaker ?order ?behalf WHERE {
               ?t a cg:Talk ; cg:event event:anmc21-13th-plenary-opening-ceremony ;
                  cg:talkType talkt:opening-remarks ; cg:speaker ?speaker ; cg:order ?order .
               OPTIONAL { ?t cg:onBehalfOf ?behalf } } ORDER BY ?order""",
    )
    assert [(str(r.speaker).rsplit("/", 1)[1], r.order.toPython()) for r in rows] == [
        ("zhvachkin-sergey", 1),
        ("masuzoe-yoichi", 2),
    ]
    assert rows[1].behalf == CGR["org/anmc21-secretariat"]


def test_policy_dialogue_presentations(own):
    rows = query_rows(
        own,
        """SELECT ?city ?title ?order WHERE {
               ?t a cg:Talk ; cg:talkType talkt:presentation ;
                  cg:event event:anmc21-13th-plenary-policy-dialogue ;
                  cg:onBehalfOf ?city ; schema:name ?title ; cg:order ?order .
               FILTER NOT EXISTS { ?t cg:speaker ?anyone } } ORDER BY ?order""",
    )
    assert [(str(r.city).rsplit("/", 1)[1], str(r.title)) for r in rows] == [
        (
            "tomsk",
            "Solutions in Improving the Lives of City Residents through New Social Approaches",
        ),
        ("tokyo", "Tokyo 2020"),
        ("seoul", "Seoul, a Happier City through Communication"),
        (
            "hanoi",
            "Improvement of people’s living standards through new social initiative with focus "
            "given to the young and elderly",
        ),
        ("ulaanbaatar", "Social initiatives and citizen’s involvement in Ulaanbaatar city"),
    ]


def test_joint_projects_and_reporting_cities(own):
    rows = query_rows(
        own,
        """SELECT ?order ?name (GROUP_CONCAT(?slug; separator=",") AS ?cities) WHERE {
               ?p a cg:Project ; cg:projectType projt:joint-project ; cg:projectOf cgorg:anmc21 ;
                  cg:order ?order ; schema:name ?name ; cg:reportedBy ?city .
               BIND(STRAFTER(STR(?city), "/place/") AS ?slug)
           } GROUP BY ?order ?name ORDER BY ?order""",
    )
    got = {r.order.toPython(): (str(r.name), sorted(str(r.cities).split(","))) for r in rows}
    assert len(got) == 10
    assert got[9] == ("Junior Sports Program", ["tokyo", "tomsk"])
    assert got[5] == ("Urban and Global Environmental Problems", ["tokyo", "ulaanbaatar"])
    assert got[3] == ("Promotion of Asian Business and Investment Projects", ["hanoi"])
    assert got[2] == ('"Welcome to Asia" Campaign', ["tokyo"])


def test_new_pilot_program_by_tomsk(own):
    program = CGR["project/anmc21-russian-language-education-program"]
    assert str(one(own, program, SCHEMA.name)) == "Russian Language Education Program"
    assert one(own, program, CG.projectType) == CGR["project-type/pilot-program"]
    assert one(own, program, CG.reportedBy) == place("tomsk")


def test_no_next_host_city_decided(own):
    session = CGR["event/anmc21-13th-plenary-next-host-city"]
    assert str(one(own, session, SCHEMA.startDate)) == "2014-09-06T10:40:00"
    assert "refrain from deciding on the next host city" in " ".join(
        str(e) for e in own.objects(session, CG.evidence)
    )


def test_tomsk_declaration(own):
    decl = CGR["agreement/000-tomsk-declaration"]
    assert one(own, decl, CG.agreementType) == CGR["agreement-type/declaration"]
    parties = {str(p).rsplit("/", 1)[1] for p in own.objects(decl, CG.party)}
    assert parties == {"hanoi", "seoul", "tokyo", "ulaanbaatar", "tomsk"}
    assert one(own, decl, URIRef("http://purl.org/dc/terms/date")) == Literal(
        "2014-09-06", datatype=XSD.date
    )
    assert one(own, decl, CG.signedAt) == place("tomsk")
    assert one(own, decl, CG.adoptedAt) == PLENARY
    themes = {str(t).rsplit("/", 1)[1] for t in own.objects(decl, CG.theme)}
    assert {"youth", "ageing", "sports", "education"} <= themes
    assert list(own.objects(decl, CG.signatory)) == []


def test_mayor_park_won_soon(own):
    park = person("park-won-soon")
    assert str(one(own, park, FOAF.familyName)) == "Park"
    assert str(one(own, park, FOAF.givenName)) == "Won Soon"
    assert str(one(own, fact("000-holding-park-won-soon"), CG.statedTitle)) == "Mayor"


def test_every_fact_is_sourced(graph, own):
    fact_classes = set(graph.transitive_subjects(RDFS.subClassOf, CG.Fact))
    facts = {s for cls in fact_classes for s in own.subjects(RDF.type, cls)}
    assert len(facts) == 288
    assert [f for f in facts if (f, PROV.wasDerivedFrom, DOC) not in own] == []
    assert [f for f in facts if own.value(f, CG.evidence) is None] == []


@pytest.mark.parametrize(
    "cls, count",
    [
        (CG.PostHolding, 105),  # 104 listed people and Mayor Park Won Soon
        (CG.Participation, 122),  # 13 cities, 104 people, 3 speaker roles, 2 at the exhibition
        (CG.Membership, 14),  # 13 members and Tokyo as secretariat
        (CG.Event, 25),  # the plenary, 21 schedule slots, exhibition, dialogue, ecology park
        (CG.Talk, 9),  # 3 opening remarks, 5 presentations, 1 summary
        (CG.Project, 11),  # 10 joint projects and the new pilot program
        (CG.Agreement, 1),
        (CG.StatedCount, 1),
        (CG.Tie, 0),
        (FOAF.Person, 105),
        (ORG.Post, 101),  # shared posts (two Supervisors, ...) counted once; Mayor of Seoul
    ],
)
def test_counts_by_kind(own, cls, count):
    assert len(set(own.subjects(RDF.type, cls))) == count


def test_places_are_referenced_and_mentioned(own):
    mentioned = {
        str(s).rsplit("/", 1)[1]
        for s in own.subjects(CG.mentionedIn, DOC)
        if str(s).startswith(str(CGR["place/"]))
    }
    assert {"tomsk", "tomsk-oblast", "barnaul", "london", "bayanzurkh", "metro-manila"} <= mentioned
    # places are described only in data/places.ttl
    assert list(own.objects(place("tomsk"), RDFS.label)) == []


def test_places_exist_in_the_gazetteer(graph):
    if not (DATA / "places.ttl").is_file():
        pytest.skip("data/places.ttl is not generated yet")
    rows = query_rows(
        graph,
        """SELECT DISTINCT ?p WHERE { ?p cg:mentionedIn doc:000 .
               FILTER(STRSTARTS(STR(?p), STR(place:)))
               FILTER NOT EXISTS { ?p rdfs:label ?label } }""",
    )
    assert rows == []
