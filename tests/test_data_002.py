"""Facts of seed document 002 (Seoul policy exports, 2016 SDG forum) as the graph states them."""

from datetime import date

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, FOAF, RDFS, SKOS

from citygraph.namespaces import CG, CGR, ORG, PROV, SCHEMA
from conftest import DATA, ONTOLOGY
from rdfcheck import ask, day, one

STEM = "002_0916525940670b2c"
DATA_FILE = DATA / f"{STEM}.ttl"

DOC = CGR["doc/002"]
FORUM = CGR["event/international-city-policy-sharing-forum-for-sdgs-2016"]
PARK = CGR["person/park-won-soon"]


def place(key):
    return CGR[f"place/{key}"]


def org(key):
    return CGR[f"org/{key}"]


def agreement(key):
    return CGR[f"agreement/{key}"]


def fact(key):
    return CGR[f"fact/{key}"]


@pytest.fixture(scope="module")
def own():
    """This file's triples alone."""
    return Graph().parse(DATA_FILE)


@pytest.fixture(scope="module")
def graph(own):
    """This file with the ontology, the reference data and document 000 (shared nodes)."""
    g = Graph()
    g += own
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        g.parse(path)
    for name in ("places.ttl", "themes.ttl", "000_6225120ee05bea0d.ttl"):
        if (DATA / name).is_file():
            g.parse(DATA / name)
    return g


def test_document_title_date_poster_and_publisher(own):
    assert str(one(own, DOC, CG.fileName)) == f"{STEM}.txt"
    assert str(one(own, DOC, DCTERMS.title)).startswith(
        "[International Relations News] Seoul Metropolitan Government Exports Excellent Policies"
    )
    assert day(own, DOC, DCTERMS.date) == date(2016, 6, 23)
    assert str(one(own, DOC, DCTERMS.creator)) == "ssunha"
    archive = one(own, DOC, DCTERMS.publisher)
    assert archive == org("seoul-policy-archive")
    assert Literal("서울 정책아카이브", lang="ko") in set(own.objects(archive, SKOS.altLabel))


def test_forum_dates_type_and_name_variant(own):
    assert str(one(own, FORUM, SCHEMA.name)) == (
        "International City Policy Sharing Forum for Sustainable Development Goals"
    )
    assert day(own, FORUM, SCHEMA.startDate) == date(2016, 6, 8)
    assert day(own, FORUM, SCHEMA.endDate) == date(2016, 6, 10)
    assert one(own, FORUM, CG.eventType) == CGR["event-type/forum"]
    assert one(own, FORUM, CG.hostPlace) == place("seoul")
    assert str(one(own, FORUM, SKOS.altLabel)) == (
        "International Forum on Urban Policy for the Sustainable Development Goals (SDGs)"
    )


def test_forum_hosts_with_the_expansions_the_text_gives(own):
    hosts = set(own.objects(FORUM, CG.host))
    assert hosts == {org("seoul-government"), org("un-escap"), org("citynet")}
    assert str(one(own, org("un-escap"), RDFS.label)) == (
        "UN Economic and Social Commission for Asia and the Pacific"
    )
    assert str(one(own, org("un-escap"), SKOS.altLabel)) == "UN ESCAP"
    assert str(one(own, org("citynet"), SKOS.altLabel)) == (
        "Local Government Network for Human Settlement Programs"
    )


def test_stated_counts_of_the_forum(own):
    rows = ask(
        own,
        """SELECT ?of ?n ?q WHERE { ?event cg:statedCount ?c .
           ?c cg:countOf ?of ; cg:countValue ?n ; cg:countQualifier ?q }""",
        event=FORUM,
    )
    counts = {of: int(n) for of, n, q in rows}
    assert {q for _, _, q in rows} == {"exactly"}
    assert counts == {
        "central government employees": 500,
        "departments the central government employees came from": 11,
        "foreign cities sending representatives": 38,
        "mayors among the representatives of foreign cities": 8,
        "deputy mayors among the representatives of foreign cities": 5,
        "vice minister among the representatives of foreign cities": 1,
    }


def test_five_export_partners_stated_and_bangladesh_is_a_country(graph):
    assert int(one(graph, fact("002-count-export-partners"), CG.countValue)) == 5
    assert one(graph, place("country-bd"), CG.iso3166Code).toPython() == "BD"
    transfers = set(graph.subjects(CG.tieType, CGR["tie-type/policy-transfer"]))
    partners = {str(graph.value(t, CG.toParty)).rsplit("/", 1)[1] for t in transfers}
    assert partners == {"country-bd", "colombo", "bogor", "ho-chi-minh-city", "addis-ababa"}


def test_fire_emergency_mou_with_bangladesh(own):
    mou = agreement("002-mou-seoul-bangladesh-fire")
    assert one(own, mou, CG.agreementType) == CGR["agreement-type/mou"]
    assert set(own.objects(mou, CG.party)) == {
        org("seoul-fire-emergency-department"),
        org("bangladesh-fire-and-civil-defense"),
    }
    assert day(own, mou, DCTERMS.date) == date(2016, 6, 9)
    assert one(own, org("bangladesh-fire-and-civil-defense"), CG.basedIn) == place("country-bd")
    assert one(own, org("seoul-fire-emergency-department"), ORG.subOrganizationOf) == org(
        "seoul-government"
    )


def test_seoul_colombo_mou_signed_by_both_mayors_on_8_june(graph):
    mou = agreement("002-mou-seoul-colombo")
    assert set(graph.objects(mou, CG.party)) == {place("seoul"), place("colombo")}
    assert set(graph.objects(mou, CG.signatory)) == {PARK, CGR["person/muzammil-a-j-m"]}
    assert day(graph, mou, DCTERMS.date) == date(2016, 6, 8)
    assert one(graph, mou, CG.adoptedAt) == FORUM
    assert str(one(graph, CGR["person/muzammil-a-j-m"], FOAF.name)) == "A.J.M Muzammil"


def test_seoul_bogor_loi_dated_only_by_the_forum(own):
    loi = agreement("002-loi-seoul-bogor")
    assert one(own, loi, CG.agreementType) == CGR["agreement-type/letter-of-intent"]
    assert set(own.objects(loi, CG.signatory)) == {PARK, CGR["person/bima-arya-sugiarto"]}
    assert list(own.objects(loi, DCTERMS.date)) == []
    assert day(own, loi, CG.dateEarliest) == date(2016, 6, 8)
    assert day(own, loi, CG.dateLatest) == date(2016, 6, 10)
    assert "no signing date" in str(one(own, loi, CG.uncertainty))


def test_seoul_declaration_lists_only_named_cities(own):
    declaration = agreement("002-seoul-declaration")
    assert one(own, declaration, CG.agreementType) == CGR["agreement-type/declaration"]
    assert str(one(own, declaration, SCHEMA.name)) == "Seoul Declaration"
    parties = {str(p).rsplit("/", 1)[1] for p in own.objects(declaration, CG.party)}
    assert parties == {"seoul", "colombo", "bogor", "ho-chi-minh-city", "addis-ababa"}
    assert "every city that participated" in str(one(own, declaration, CG.uncertainty))


def test_seoul_communique_adopted_at_the_forum(own):
    communique = agreement("002-seoul-communique")
    assert one(own, communique, CG.agreementType) == CGR["agreement-type/communique"]
    assert str(one(own, communique, SCHEMA.name)) == "Seoul Communiqué on Urban Policy for the SDGs"
    assert one(own, communique, CG.adoptedAt) == FORUM
    themes = {str(t).rsplit("/", 1)[1] for t in own.objects(communique, CG.theme)}
    assert {"citizen-participation", "smart-city", "capacity-building"} <= themes


def test_policy_transfers_name_policy_and_instrument(own):
    rows = ask(
        own,
        """SELECT ?to ?policy ?instrument WHERE {
             ?t a cg:PolicyTransfer ; cg:toParty ?to ; cg:policy ?policy .
             OPTIONAL { ?t cg:instrument ?instrument } }""",
    )
    got = {
        (to.rsplit("/", 1)[1], policy, inst.rsplit("/", 1)[1] if inst != "None" else None)
        for to, policy, inst in rows
    }
    assert got == {
        ("country-bd", "119 fire emergency system", "002-mou-seoul-bangladesh-fire"),
        ("colombo", "tax administration system", "002-mou-seoul-colombo"),
        ("colombo", "waste disposal system", "002-mou-seoul-colombo"),
        ("ho-chi-minh-city", "transportation card system", None),
        ("ho-chi-minh-city", "smart transportation system", None),
        (
            "bogor",
            "smart city development and smart administrative system based on ICT",
            "002-loi-seoul-bogor",
        ),
        ("bogor", "overall policies on city development", "002-loi-seoul-bogor"),
        ("addis-ababa", "public officer training program", None),
    }


def test_transfer_themes(own):
    def themes(key):
        return {str(t).rsplit("/", 1)[1] for t in own.objects(fact(key), CG.theme)}

    assert themes("002-transfer-seoul-colombo-tax") == {"taxation"}
    assert themes("002-transfer-seoul-colombo-waste") == {"waste-management"}
    assert themes("002-transfer-seoul-bangladesh-119") == {"disaster-management"}
    assert themes("002-transfer-seoul-addis-ababa-training") == {"capacity-building"}


def test_ho_chi_minh_existing_transport_cooperation(own):
    tie = fact("002-tie-seoul-ho-chi-minh-city-transportation")
    assert one(own, tie, CG.tieType) == CGR["tie-type/cooperation"]
    assert set(own.objects(tie, CG.party)) == {place("seoul"), place("ho-chi-minh-city")}
    assert one(own, tie, CG.theme) == CGR["theme/transport"]


def test_rapid_transit_policy_advice_is_dated_relative_to_the_article(own):
    advice = fact("002-advice-smrtc-ho-chi-minh-city")
    assert one(own, advice, CG.tieType) == CGR["tie-type/policy-advice"]
    assert one(own, advice, CG.fromParty) == org("seoul-metropolitan-rapid-transit-corporation")
    assert day(own, advice, CG.dateEarliest) == date(2015, 9, 1)
    assert day(own, advice, CG.dateLatest) == date(2015, 9, 30)
    assert "'Last September' relative to the news item of 23 June 2016" in str(
        one(own, advice, CG.uncertainty)
    )
    assert str(one(own, CGR["project/knowledge-sharing-program"], SKOS.altLabel)) == "KSP"


def test_le_van_khoa_visit_and_title(own):
    khoa = CGR["person/le-van-khoa"]
    assert str(one(own, khoa, RDFS.label)) == "LÊ Vǎn Khoa"
    assert str(one(own, fact("002-holding-le-van-khoa"), CG.statedTitle)) == (
        "Vice Chairman of National People’s Congress"
    )
    visit = one(own, fact("002-participation-le-van-khoa"), CG.event)
    assert one(own, visit, CG.eventType) == CGR["event-type/visit"]
    assert (
        one(own, fact("002-participation-le-van-khoa"), CG.participantRole)
        == CGR["participant-role/visitor"]
    )
    assert one(own, visit, CG.venue) == CGR["venue/seoul-traffic-information-center"]


def test_planned_addis_ababa_visit_in_august(own):
    visit = CGR["event/002-visit-addis-ababa-delegation-seoul"]
    assert day(own, visit, CG.dateEarliest) == date(2016, 8, 1)
    assert day(own, visit, CG.dateLatest) == date(2016, 8, 31)
    assert str(one(own, visit, CG.uncertainty)).startswith("Planned")
    assert one(own, fact("002-participation-addis-ababa-visit"), CG.participant) == place(
        "addis-ababa"
    )


def test_byeonghan_lee_and_his_department(own):
    holding = fact("002-holding-lee-byeonghan")
    assert one(own, holding, CG.holder) == CGR["person/lee-byeonghan"]
    post = one(own, holding, CG.post)
    department = one(own, post, ORG.postIn)
    assert department == org("seoul-international-cooperation-department")
    assert str(one(own, department, RDFS.label)) == "International Cooperation Department"
    assert one(own, department, ORG.subOrganizationOf) == org("seoul-government")


def test_park_won_soon_is_one_node_with_both_spellings(graph):
    labels = {str(v) for v in graph.objects(PARK, SKOS.altLabel)}
    assert {"Won-soon Park", "Park Won Soon"} <= labels
    assert {CGR["doc/000"], DOC} <= set(graph.objects(PARK, CG.mentionedIn))
    holdings = set(graph.subjects(CG.holder, PARK))
    assert {fact("000-holding-park-won-soon"), fact("002-holding-park-won-soon")} <= holdings
    assert {graph.value(h, CG.post) for h in holdings} == {CGR["post/seoul-government--mayor"]}


def test_seoul_government_is_the_node_of_document_000(graph):
    smg = org("seoul-government")
    assert str(one(graph, smg, RDFS.label)) == "Seoul Metropolitan Government"
    assert {CGR["doc/000"], DOC} <= set(graph.objects(smg, CG.mentionedIn))
    assert {"SMG", "SMS"} <= {str(v) for v in graph.objects(smg, SKOS.altLabel)}


def test_places_the_document_names(own):
    named = {
        str(p).rsplit("/", 1)[1]
        for p in own.subjects(CG.mentionedIn, DOC)
        if str(p).startswith(str(CGR["place/"]))
    }
    assert named == {
        "seoul",
        "colombo",
        "bogor",
        "ho-chi-minh-city",
        "addis-ababa",
        "country-bd",
        "country-lk",
        "country-id",
        "country-vn",
        "country-et",
        "country-kr",
    }


def test_every_fact_is_derived_from_document_002(own):
    facts = {s for s, _ in own.subject_objects(CG.evidence)}
    assert len(facts) >= 40
    assert all((f, PROV.wasDerivedFrom, DOC) in own for f in facts)
