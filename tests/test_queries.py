"""The catalog's answers on the frozen seed graph (tests/data/seed/), with the sources' rows."""

import pytest

from citygraph.graph.build import build
from citygraph.graph.inference import INFERRED_GRAPH
from citygraph.graph.store import load_files, open_store, source_files
from citygraph.querying.catalog import find_query, list_queries, plain, run_query
from citygraph.querying.sparql import connect
from conftest import ROOT, SEED

REPORTS = [q for q in list_queries() if q.role == "report"]
VIOLATIONS = [q for q in list_queries() if q.role == "violation"]


@pytest.fixture(scope="module")
def seed():
    """The seed graph as ``citygraph build`` makes it: data, ontology and inferred triples."""
    report = build(memory=True, data_dir=SEED, root=ROOT, validate=False)
    assert report.inferred > 0
    return connect(report.store)


@pytest.fixture(scope="module")
def asserted():
    """The seed graph without the inferred named graph."""
    store = open_store()
    load_files(store, source_files(ROOT, data_dir=SEED), ROOT)
    return connect(store)


def ask(target, name, **params):
    """Rows of a catalog query as dicts of plain strings (IRIs as prefixed names)."""
    result = run_query(find_query(name), target, params)
    return [{c: plain(row.get(c), prefixed=True) for c in result.columns} for row in result.rows]


def pick(rows, *columns):
    return [tuple(row[c] for c in columns) for row in rows]


def split(cell):
    return set(cell.split("; ")) if cell else set()


# ------------------------------------------------------------- every query


@pytest.mark.parametrize("query", VIOLATIONS, ids=lambda q: q.name)
def test_violation_queries_find_nothing_in_data(seed, query):
    result = run_query(query, seed)
    assert [{k: plain(v, True) for k, v in r.items()} for r in result.rows] == []


@pytest.mark.parametrize("query", REPORTS, ids=lambda q: q.name)
def test_reports_answer_their_example_and_need_no_inferred_triples(seed, asserted, query):
    params = {p.name: p.example for p in query.params if not p.optional}
    with_inference = run_query(query, seed, params)
    assert with_inference.rows, f"{query.name} answers nothing for its own example"
    assert with_inference.columns == list(query.columns)
    without = run_query(query, asserted, params)
    assert sorted(map(repr, without.rows)) == sorted(map(repr, with_inference.rows))


def test_the_asserted_fixture_really_has_no_inferred_graph(asserted):
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}"
    rows = asserted.select(query)
    assert int(rows[0]["n"]) == 0


# ------------------------------------------- 1. members of a network


def test_members_of_anmc21_with_role_and_date(seed):
    rows = ask(seed, "network-members", network="cgorg:anmc21")
    assert sorted(pick(rows, "member", "role", "as_of", "source")) == sorted(
        [(f"place:{city}", "mrole:member", "2014-09-06", "doc:000") for city in (
            "bangkok", "delhi", "hanoi", "jakarta", "kuala-lumpur", "metro-manila", "seoul",
            "singapore", "taipei", "tokyo", "tomsk", "ulaanbaatar", "yangon")]
        + [("place:tokyo", "mrole:secretariat", "2014-09-06", "doc:000")]
    )
    tokyo = [r for r in rows if r["member"] == "place:tokyo" and r["role"] == "mrole:member"]
    assert pick(tokyo, "member_label", "role_label") == [("Tokyo", "member")]


def test_members_of_the_iuc_have_a_period(seed):
    rows = ask(seed, "network-members", network="cgorg:iuc")
    assert {r["member_label"] for r in rows} == {
        "Chongqing", "Longyan", "Zhengzhou", "Shantou", "Haikou", "Changchun", "Kunming",
        "Liuzhou", "Yantai", "Weinan", "Tianjin", "Chengdu", "Wuhan", "Guangzhou"}
    assert set(pick(rows, "role", "start", "end")) == {("mrole:pilot-city", "2014", "2018")}


# ------------------------------------------------ 2. attendance of an event


def test_delegations_of_the_13th_plenary(seed):
    rows = ask(seed, "event-attendance", event="event:anmc21-13th-plenary")
    assert pick(rows, "participant", "attended", "delegation_size", "head", "proxy_submitted") == [
        ("place:bangkok", "true", "4", "person:jessadachatr-nitaya", ""),
        ("place:hanoi", "true", "9", "person:le-hong-son", ""),
        ("place:seoul", "true", "7", "person:im-jomh-seok", ""),
        ("place:tokyo", "true", "31", "person:masuzoe-yoichi", ""),
        ("place:tomsk", "true", "53", "person:zhvachkin-sergey", ""),
        ("place:ulaanbaatar", "true", "3", "person:enkhtsengel-tseyen", ""),
        ("place:delhi", "false", "", "", ""),
        ("place:jakarta", "false", "", "", "true"),
        ("place:kuala-lumpur", "false", "", "", ""),
        ("place:metro-manila", "false", "", "", ""),
        ("place:singapore", "false", "", "", ""),
        ("place:taipei", "false", "", "", ""),
        ("place:yangon", "false", "", "", ""),
    ]
    tomsk = [r for r in rows if r["participant"] == "place:tomsk"][0]
    assert (tomsk["head_label"], split(tomsk["roles"])) == (
        "ZHVACHKIN Sergey", {"host", "delegation"})


# ---------------------------------------------- 3. agreements of a place


def test_agreements_of_seoul(seed):
    rows = ask(seed, "place-agreements", place="place:seoul")
    assert {r["agreement"]: (r["type"], r["date"], r["party"]) for r in rows} == {
        "agreement:000-tomsk-declaration": ("agt:declaration", "2014-09-06", "place:seoul"),
        "agreement:002-mou-seoul-colombo": ("agt:mou", "2016-06-08", "place:seoul"),
        "agreement:002-loi-seoul-bogor":
            ("agt:letter-of-intent", "2016-06-08/2016-06-10", "place:seoul"),
        "agreement:002-seoul-communique":
            ("agt:communique", "2016-06-08/2016-06-10", "place:seoul"),
        "agreement:002-seoul-declaration":
            ("agt:declaration", "2016-06-08/2016-06-10", "place:seoul"),
        "agreement:002-mou-seoul-bangladesh-fire":
            ("agt:mou", "2016-06-09", "cgorg:seoul-fire-emergency-department"),
    }
    colombo = [r for r in rows if r["agreement"] == "agreement:002-mou-seoul-colombo"][0]
    assert split(colombo["partners"]) == {"Colombo"}
    assert split(colombo["signatories"]) == {"PARK Won Soon", "MUZAMMIL A.J.M"}
    assert split(colombo["topics"]) == {"taxation", "waste management"}
    assert colombo["source"] == "doc:002"
    tomsk = [r for r in rows if r["agreement"] == "agreement:000-tomsk-declaration"][0]
    assert split(tomsk["partners"]) == {"Hanoi", "Tokyo", "Ulaanbaatar", "Tomsk"}


# ------------------------------------------------ 4. posts held at a date


def test_posts_held_on_the_day_of_the_tcs_symposium(seed):
    rows = ask(seed, "posts-at-date", date="2021-08-05")
    assert sorted(pick(rows, "holder", "post", "basis")) == [
        ("person:cao-jing", "post:tcs--deputy-secretary-general", "stated for this date"),
        ("person:kim-dae-sik", "post:gaok-decentralization-policy-bureau--director-general",
         "stated for this date"),
        ("person:machida-toyoji", "post:clair-seoul--head", "stated for this date"),
        ("person:michigami-hisashi", "post:tcs--secretary-general", "stated for this date"),
        ("person:qing-boming", "post:cifca--secretary-general", "stated for this date"),
        ("person:qing-boming", "post:cpaffc--council-member", "stated for this date"),
        ("person:yang-kiho", "post:sungkonghoe-university--professor", "stated for this date"),
    ]


def test_posts_in_the_tokyo_government_include_its_departments(seed):
    rows = ask(seed, "posts-at-date", date="2014-09-06", organization="cgorg:tokyo-government")
    # the Tokyo participants list: 26 people hold posts in the government or its bureaus;
    # the Assembly, CLAIR London and the Embassy of Japan are other organizations
    assert {r["holder"] for r in rows} == {f"person:{p}" for p in (
        "masuzoe-yoichi", "fukushima-teruhiko", "miyajima-akio", "inokuma-junko",
        "kawakami-fumihiko", "tanida-osamu", "shimora-tomohiro", "hagiwara-kotaro",
        "sakurai-kenji", "ikegami-hiroshi", "kobayashi-akiko", "tominaga-mamiko",
        "kosuge-seiji", "kawanago-shinichi", "yanagida-hisae", "komiyama-toru",
        "watanabe-shoko", "sakoda-ryoko", "sasaki-yusuke", "shimizu-manabu", "otani-hanae",
        "hayasaki-michiharu", "sekiguchi-hisashi", "maeda-hideo", "kawano-masashi",
        "maeda-chitose")}
    assert len(rows) == 26
    governor = [r for r in rows if r["holder"] == "person:masuzoe-yoichi"]
    assert pick(governor, "post_label", "org", "stated_title", "as_of") == [
        ("Governor of Tokyo", "cgorg:tokyo-government", "Governor of Tokyo", "2014-09-06")]
    assert ("person:ikegami-hiroshi", "cgorg:tokyo-international-affairs-division") in pick(
        rows, "holder", "org")


def test_posts_stated_as_of_a_day_do_not_match_the_day_before(seed):
    tokyo = "cgorg:tokyo-government"
    assert ask(seed, "posts-at-date", date="2014-09-05", organization=tokyo) == []


def test_an_undated_post_is_found_by_the_year_of_its_source(seed):
    rows = ask(seed, "posts-at-date", date="2023-11-03", place="place:tomsk")
    assert pick(rows, "holder", "post", "basis", "source_date") == [
        ("person:dankov-artem", "post:tomsk-state-university--professor",
         "undated, source of this year", "2023")]


# ------------------------------------------------- 5. speakers by session


def test_speakers_of_the_14th_subcommittee_by_session(seed):
    rows = ask(seed, "event-speakers",
               event="event:subcommittee-on-economy-and-humanities-exchange-14")
    local = "event:subcommittee-on-economy-and-humanities-exchange-14-local-government-session"
    lecture = "event:subcommittee-on-economy-and-humanities-exchange-14-special-lecture-session"
    assert pick(rows, "session", "order", "speaker") == [
        (local, str(n), f"person:{who}") for n, who in enumerate((
            "zhi-yong", "lv-dayu", "liu-xiao", "kubo-mitsuki", "chung-hae-kwan",
            "kwak-tae-yeol", "chae-jin-weon", "jung-myoungsook", "kang-hogu",
            "dorjrangchaa-altangshagai", "ulzii-suvdaa", "vasilyeva-svetlana"), start=1)
    ] + [(lecture, str(n), f"person:{who}") for n, who in enumerate(
        ("kim-kihun", "kim-hoseok", "kim-dongsoo"), start=1)]
    kubo = [r for r in rows if r["speaker"] == "person:kubo-mitsuki"][0]
    assert (kubo["title"], kubo["on_behalf_of"], kubo["talk_type"]) == (
        "International Exchange in Toyama Prefecture", "place:toyama-prefecture",
        "talkt:presentation")
    kim = [r for r in rows if r["speaker"] == "person:kim-kihun"][0]
    assert (kim["title"], kim["on_behalf_of_label"]) == (
        "Korea's Youth Policy and International Youth Exchange", "National Youth Policy Institute")


def test_speakers_of_the_13th_plenary_including_sub_sessions(seed):
    rows = ask(seed, "event-speakers", event="event:anmc21-13th-plenary")
    assert pick(rows, "session_start", "order", "speaker", "on_behalf_of") == [
        ("2014-09-04T17:00:00", "", "person:zhvachkin-sergey", ""),
        ("2014-09-05T09:30:00", "1", "person:zhvachkin-sergey", ""),
        ("2014-09-05T09:30:00", "2", "person:masuzoe-yoichi", "cgorg:anmc21-secretariat"),
    ]


# -------------------------------------------- 6. ties to places in a country


def test_places_tied_to_sri_lanka(seed):
    rows = ask(seed, "country-ties", country="place:country-lk")
    assert sorted(pick(rows, "place", "partner", "fact", "direction")) == sorted([
        ("place:seoul", "place:colombo", "agreement:002-mou-seoul-colombo", "party"),
        ("place:seoul", "place:colombo", "fact:002-transfer-seoul-colombo-tax", "from"),
        ("place:seoul", "place:colombo", "fact:002-transfer-seoul-colombo-waste", "from"),
    ] + [(f"place:{city}", "place:colombo", f"agreement:002-seoul-{kind}", "party")
         for city in ("seoul", "addis-ababa", "bogor", "ho-chi-minh-city")
         for kind in ("communique", "declaration")])
    mou = [r for r in rows if r["fact"] == "agreement:002-mou-seoul-colombo"][0]
    assert (mou["link"], mou["date"], mou["source"]) == ("agt:mou", "2016-06-08", "doc:002")


def test_places_tied_to_japan_reach_prefectures_through_part_of(seed):
    rows = ask(seed, "country-ties", country="place:country-jp")
    toyama = {r["place"] for r in rows if r["partner"] == "place:toyama-prefecture"}
    assert toyama == {"place:gangwon", "place:guangdong", "place:liaoning",
                      "place:primorsky-krai", "place:shanghai", "place:yunnan"}
    assert ("place:selenge-province", "place:shizuoka-prefecture", "tiet:collaboration") in pick(
        rows, "place", "partner", "link")
    assert not any(r["place"] in ("place:tokyo", "place:toyama-prefecture") for r in rows)


# ------------------------------------------- 7. joint projects of a network


def test_joint_projects_of_anmc21_and_their_reporters(seed):
    rows = ask(seed, "network-projects", network="cgorg:anmc21")
    assert pick(rows, "order", "name", "reported_by") == [
        ("", "Russian Language Education Program", "place:tomsk"),
        ("1", "The Technology and Industry Platform", "place:tokyo"),
        ("2", '"Welcome to Asia" Campaign', "place:tokyo"),
        ("3", "Promotion of Asian Business and Investment Projects", "place:hanoi"),
        ("4", "ICT Initiatives for Urban Development", "place:tokyo"),
        ("5", "Urban and Global Environmental Problems", "place:tokyo"),
        ("5", "Urban and Global Environmental Problems", "place:ulaanbaatar"),
        ("6", "Network for Crisis Management", "place:tokyo"),
        ("7", "Countermeasures to Combat Infectious Diseases in Asia", "place:tokyo"),
        ("8", "Asian Performing Arts Festival", "place:tokyo"),
        ("9", "Junior Sports Program", "place:tokyo"),
        ("9", "Junior Sports Program", "place:tomsk"),
        ("10", "Staff Capacity Enhancement Program", "place:tokyo"),
    ]
    assert {r["reported_at"] for r in rows} == {"event:anmc21-13th-plenary"}
    assert pick(rows[:1], "type") == [("projt:pilot-program",)]


# ---------------------------------------------------- 8. where a fact came from


def test_sources_of_the_colombo_mou(seed):
    rows = ask(seed, "node-sources", node="agreement:002-mou-seoul-colombo")
    derived = [r for r in rows if r["relation"] == "derived from"]
    assert {(r["source"], r["file_name"]) for r in derived} == {
        ("doc:002", "002_0916525940670b2c.txt")}
    assert any("Seoul Mayor Won-soon Park and Colombo Mayor A.J.M Muzammil signed an MOU"
               in r["evidence"] for r in derived)
    assert {r["fact"] for r in rows if r["relation"] == "stated by a fact"} == {
        "fact:002-transfer-seoul-colombo-tax", "fact:002-transfer-seoul-colombo-waste"}


def test_sources_of_a_person_are_the_documents_naming_him(seed):
    rows = ask(seed, "node-sources", node="person:park-won-soon")
    assert sorted(pick([r for r in rows if r["relation"] == "mentioned in"], "source")) == [
        ("doc:000",), ("doc:002",)]
    assert ("agreement:002-mou-seoul-colombo", "cg:signatory", "doc:002") in pick(
        rows, "fact", "property", "source")


# -------------------------------------------- 9. cities at the same events


def test_cities_at_the_same_events_as_tomsk(seed):
    rows = ask(seed, "shared-events", city="place:tomsk")
    assert pick(rows, "place", "shared_events", "events") == [
        (f"place:{city}", "1", "The 13th Plenary Meeting of the ANMC21 in Tomsk")
        for city in ("bangkok", "hanoi", "seoul", "tokyo", "ulaanbaatar")
    ]


def test_cities_at_the_same_events_as_seoul_span_two_events(seed):
    rows = ask(seed, "shared-events", city="place:seoul")
    forum = "International City Policy Sharing Forum for Sustainable Development Goals"
    plenary = "The 13th Plenary Meeting of the ANMC21 in Tomsk"
    assert {r["place"]: r["events"] for r in rows} == {
        "place:addis-ababa": forum, "place:bogor": forum, "place:colombo": forum,
        "place:ho-chi-minh-city": forum, "place:bangkok": plenary, "place:hanoi": plenary,
        "place:tokyo": plenary, "place:tomsk": plenary, "place:ulaanbaatar": plenary,
    }


# ------------------------------------------------ 10. themes and SDGs of a city


def test_themes_of_seoul_come_from_its_own_facts_and_its_networks(seed):
    rows = ask(seed, "place-themes", place="place:seoul")
    own = {(r["theme"], r["fact"]) for r in rows if r["via"] == "own fact"}
    assert ("theme:taxation", "agreement:002-mou-seoul-colombo") in own
    assert ("theme:disaster-management", "fact:002-transfer-seoul-bangladesh-119") in own
    assert ("theme:smart-city", "agreement:002-loi-seoul-bogor") in own
    assert {r["kind"] for r in rows} == {"policy domain"}
    network = {(r["network"], r["fact"]) for r in rows if r["via"] == "network project"}
    assert ("cgorg:anmc21", "project:anmc21-network-for-crisis-management") in network


def test_sdgs_of_chongqing_come_through_the_iuc(seed):
    rows = ask(seed, "place-themes", place="place:chongqing")
    sdgs = {r["theme"] for r in rows if r["kind"] == "SDG"}
    assert sdgs == {f"sdg:{n}" for n in (3, 4, 6, 7, 8, 9, 11, 12, 13, 15, 17)}
    assert {(r["via"], r["network"], r["fact"]) for r in rows if r["kind"] == "SDG"} == {
        ("network project", "cgorg:iuc", "project:iuc-component-1")}
    assert sorted(pick([r for r in rows if r["via"] == "own fact"], "theme", "fact")) == [
        ("theme:logistics", "fact:004-tie-mannheim-chongqing"),
        ("theme:logistics", "project:iuc-mannheim-chongqing-cargo-railway"),
        ("theme:transport", "project:iuc-mannheim-chongqing-cargo-railway"),
    ]


# ---------------------------------------- 11. entities linking two documents


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("doc:000", "doc:001",
         [("organization", "cgorg:tomsk-state-university", "Tomsk State University")]),
        ("doc:001", "doc:000",
         [("organization", "cgorg:tomsk-state-university", "Tomsk State University")]),
        ("doc:000", "doc:002",
         [("organization", "cgorg:seoul-government", "Seoul Metropolitan Government"),
          ("person", "person:park-won-soon", "PARK Won Soon")]),
        ("doc:000", "doc:003", [("organization", "cgorg:clair", "CLAIR")]),
        ("doc:001", "doc:003", []),
    ],
)
def test_persons_and_organizations_linking_two_documents(seed, first, second, expected):
    rows = ask(seed, "document-links", first=first, second=second)
    assert pick(rows, "kind", "entity", "label") == expected


# ----------------------------------------------- finding IRIs by name


def test_find_name_finds_the_quoted_project_name_literally(seed):
    rows = ask(seed, "find-name", text='"Welcome to Asia"')
    assert pick(rows, "entity", "property") == [
        ("project:anmc21-welcome-to-asia-campaign", "schema:name")]
    assert ask(seed, "find-name", text='"Welcome to Asia" } UNION { ?entity ?property ?x }') == []


def test_find_name_searches_hidden_labels_too(seed):
    rows = ask(seed, "find-name", text="Ulan Bator")
    assert pick(rows, "entity", "matched", "property") == [
        ("place:ulaanbaatar", "Ulan Bator", "skos:hiddenLabel"),
        ("place:ulaanbaatar", "Ulan Bator Hoto", "skos:hiddenLabel"),
        ("place:ulaanbaatar", "Ulan Batoras", "skos:hiddenLabel"),
    ]


def test_event_speakers_of_the_near_forum_include_its_subcommittee():
    """data/001: the 14th Subcommittee is held with the forum (cg:heldWith), so the forum's
    speakers include the subcommittee's lecturers; the frozen seed predates that link."""
    from conftest import DATA, ONTOLOGY

    store = open_store()
    files = [*sorted(ONTOLOGY.glob("*.ttl")), DATA / "001_1d554e3414d9cb96.ttl",
             DATA / "places.ttl"]
    load_files(store, files, ROOT)
    rows = ask(connect(store), "event-speakers", event="event:near-forum-2023")
    sessions = {row["session"] for row in rows}
    assert "event:subcommittee-on-economy-and-humanities-exchange-14-special-lecture-session" \
        in sessions
    assert "event:near-forum-2023-expert-session" in sessions
    speakers = {row["speaker_label"] for row in rows}
    assert {"DA Zhigang", "KIM Kihun", "KIM Hoseok"} <= speakers
