"""The projection of the knowledge graph into networks of places: layers, edges, dates, folding."""

import itertools
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import networkx as nx
import pytest

from citygraph.errors import UsageError
from citygraph.graph.build import build
from citygraph.graph.store import load_files, open_store
from citygraph.networks.projection import (
    LAYERS,
    incidence,
    parse_layers,
    place_attributes,
    project,
    two_mode,
)
from citygraph.querying.sparql import connect
from conftest import FIXTURES, ONTOLOGY, ROOT, SEED
from oxigraph_server import free_port

NETWORK = FIXTURES / "network"
FIXTURE_FILES = [ONTOLOGY / "citygraph.ttl", ONTOLOGY / "schemes.ttl",
                 NETWORK / "places.ttl", NETWORK / "facts.ttl"]


@pytest.fixture(scope="module")
def fixture_target():
    """The network fixture (seed 000 and 002 excerpts) in an in-memory store."""
    store = open_store()
    load_files(store, FIXTURE_FILES, ROOT)
    return connect(store)


@pytest.fixture(scope="module")
def seed_target():
    """The frozen seed graph (tests/data/seed/) with the ontology's inferences, in memory."""
    return connect(build(memory=True, data_dir=SEED, root=ROOT, validate=False).store)


def edges(G):
    """The edges of G as a set of sorted pairs of local names (place:seoul -> seoul)."""
    return {tuple(sorted((u.split(":", 1)[1], v.split(":", 1)[1]))) for u, v in G.edges()}


def cliques(groups):
    """Expected edges and weights: every pair of places sharing a group of n places gets 1/(n-1)."""
    counts = Counter()
    for places in groups.values():
        for pair in itertools.combinations(sorted(places), 2):
            counts[pair] += 1 / (len(places) - 1)
    return {pair: round(weight, 9) for pair, weight in counts.items()}


def weights(G):
    return {tuple(sorted((u.split(":", 1)[1], v.split(":", 1)[1]))): round(d["weight"], 9)
            for u, v, d in G.edges(data=True)}


# --- the fixture network -------------------------------------------------------------------


def test_each_fixture_layer_has_exactly_the_edges_of_its_facts(fixture_target):
    agreement = project(fixture_target, layers=["agreement"])
    assert weights(agreement) == cliques({
        "tomsk-declaration": ["hanoi", "seoul", "tokyo", "ulaanbaatar", "tomsk"],
        "mou-seoul-colombo": ["seoul", "colombo"],
        "loi-seoul-bogor": ["seoul", "bogor"],
        # the parties are two organizations, placed by cg:basedIn
        "mou-seoul-bangladesh": ["seoul", "country-bd"],
    })
    event = project(fixture_target, layers=["event"])
    # Jakarta was unable to attend; SHIN Namsu is a person in Seoul's delegation;
    # Tokyo's policy-dialogue session counts for the plenary it is part of.
    assert weights(event) == cliques({
        "13th-plenary": ["bangkok", "hanoi", "seoul", "tokyo", "tomsk", "ulaanbaatar"]})
    tie = project(fixture_target, layers=["tie"])
    assert weights(tie) == {("colombo", "seoul"): 2, ("ho-chi-minh-city", "seoul"): 1}
    membership = project(fixture_target, layers=["membership"])
    assert weights(membership) == cliques({"anmc21": ["jakarta", "tokyo", "tomsk"]})
    projects = project(fixture_target, layers=["project"])
    assert weights(projects) == {("tokyo", "ulaanbaatar"): 1, ("tokyo", "tomsk"): 1}


def test_combined_edge_keeps_layers_types_dates_sources_and_facts(fixture_target):
    G = project(fixture_target)
    edge = G.edges["place:seoul", "place:colombo"]
    assert edge["weight"] == 3
    assert edge["weight_agreement"] == 1 and edge["weight_tie"] == 2
    assert edge["layers"] == ["agreement", "tie"]
    assert edge["types"] == ["agt:mou", "tiet:policy-transfer"]
    assert edge["facts"] == ["agreement:002-mou-seoul-colombo",
                             "fact:002-transfer-seoul-colombo-tax",
                             "fact:002-transfer-seoul-colombo-waste"]
    assert edge["sources"] == ["doc:002"]
    assert (edge["first"], edge["last"]) == ("2016-06-08", "2016-06-08")
    tokyo_tomsk = G.edges["place:tokyo", "place:tomsk"]
    assert tokyo_tomsk["layers"] == ["agreement", "event", "membership", "project"]
    # Newman's 1/(n-1): the Tomsk declaration's 5 parties (1/4), the plenary's 6 delegations
    # (1/5), ANMC21's 3 members in the fixture (1/2) and one bilateral project (1)
    assert tokyo_tomsk["count"] == 4
    assert tokyo_tomsk["weight"] == pytest.approx(1 / 4 + 1 / 5 + 1 / 2 + 1)
    assert (tokyo_tomsk["first"], tokyo_tomsk["last"]) == ("2014-09-05", "2014-09-06")
    assert G.graph["layers"] == list(LAYERS)


def test_policy_transfers_point_from_exporter_to_importer(fixture_target):
    G = project(fixture_target, layers=["tie"])
    # one transfer names Seoul, the other the Seoul Metropolitan Government: both are Seoul
    assert G.edges["place:seoul", "place:colombo"]["directed_from"] == "place:seoul"
    assert G.edges["place:seoul", "place:ho-chi-minh-city"]["directed_from"] is None
    rows = incidence(fixture_target, "tie")
    waste = [r for r in rows if r["fact"] == "fact:002-transfer-seoul-colombo-waste"]
    assert {(r["actor"], r["place"], r["role"]) for r in waste} == {
        ("cgorg:seoul-government", "place:seoul", "from"),
        ("place:colombo", "place:colombo", "to")}


def test_nodes_carry_gazetteer_attributes(fixture_target):
    G = project(fixture_target)
    seoul = G.nodes["place:seoul"]
    assert seoul == {"label": "Seoul", "kind": "City", "country": "South Korea",
                     "country_code": "KR", "geonames": "1835848", "lat": 37.566,
                     "lon": 126.9784, "iri": "https://w3id.org/citygraph/id/place/seoul",
                     # 4 agreements, 3 ties, the plenary; none has more than 100 places
                     "two_mode_degree": 8, "large_groups": 0}
    assert G.nodes["place:country-bd"]["kind"] == "Country"
    assert G.nodes["place:country-bd"]["lat"] is None
    places = place_attributes(fixture_target)
    assert places["place:tomsk"]["region"] == "place:tomsk-oblast"


def test_date_window_keeps_only_facts_inside_it(fixture_target):
    after = project(fixture_target, since="2015")
    assert edges(after) == {("colombo", "seoul"), ("bogor", "seoul"), ("country-bd", "seoul")}
    # the LOI is dated only by a range (8-10 June 2016): its earliest date counts
    assert after.edges["place:seoul", "place:bogor"]["types"] == ["agt:letter-of-intent"]
    before = project(fixture_target, until="2014-12-31")
    assert ("colombo", "seoul") not in edges(before)
    # the plenary's 15 pairs, and Jakarta's ANMC21 membership beside Tokyo and Tomsk
    assert len(before.edges) == 15 + 2
    # the undated Seoul-Ho Chi Minh City tie is left out of any window
    assert ("ho-chi-minh-city", "seoul") not in edges(project(fixture_target, until="2030"))
    assert ("ho-chi-minh-city", "seoul") in edges(project(fixture_target))


def test_fold_country_joins_countries(fixture_target):
    G = project(fixture_target, layers=["agreement", "tie"], fold="country")
    assert weights(G)[("country-kr", "country-lk")] == 3
    assert G.nodes["place:country-kr"]["label"] == "South Korea"
    folded = project(fixture_target, layers=["project"], fold="region")
    assert edges(folded) == {("tokyo", "ulaanbaatar"), ("tokyo", "tomsk-oblast")}


def test_two_mode_network_keeps_the_groups(fixture_target):
    B = two_mode(fixture_target, layers=["membership", "event"])
    groups = {n: d for n, d in B.nodes(data=True) if d["bipartite"] == 0}
    assert {n: d["kind"] for n, d in groups.items()} == {
        "cgorg:anmc21": "network", "event:anmc21-13th-plenary": "event"}
    assert sorted(B["cgorg:anmc21"]) == ["place:jakarta", "place:tokyo", "place:tomsk"]
    assert len(B["event:anmc21-13th-plenary"]) == 6
    # Tokyo's delegation and its government's session talk: two facts on one edge
    edge = B.edges["event:anmc21-13th-plenary", "place:tokyo"]
    assert edge["facts"] == ["fact:000-participation-tokyo",
                             "fact:000-participation-tokyo-government-policy-dialogue"]
    assert edge["weight"] == 2 and edge["first"] == "2014-09-05"
    assert B.nodes["place:tokyo"]["label"] == "Tokyo"
    assert nx.is_bipartite(B)


def test_bad_options_are_usage_errors(fixture_target):
    with pytest.raises(UsageError, match="unknown layer 'twinning'"):
        parse_layers("agreement,twinning")
    with pytest.raises(UsageError, match="--since 2016 is after --until 2015"):
        project(fixture_target, since="2016", until="2015")
    with pytest.raises(UsageError, match="--until: '15/06/2016' is not a date"):
        project(fixture_target, until="15/06/2016")
    with pytest.raises(UsageError, match="unknown fold 'province'"):
        project(fixture_target, fold="province")


# --- the same projection through a remote endpoint -------------------------------------------


@pytest.fixture(scope="module")
def fixture_endpoint(tmp_path_factory):
    """An Oxigraph server of its own holding only the network fixture."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed")
    location = tmp_path_factory.mktemp("network-oxigraph")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        for path in FIXTURE_FILES:
            graph = "https://w3id.org/citygraph/graph/" + path.relative_to(ROOT).as_posix()
            request = urllib.request.Request(
                f"{base}/store?graph={urllib.parse.quote(graph, safe='')}",
                data=path.read_bytes(), method="POST", headers={"Content-Type": "text/turtle"})
            urllib.request.urlopen(request, timeout=10).close()
        yield f"{base}/query"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_remote_endpoint_gives_the_same_network(fixture_target, fixture_endpoint):
    local = project(fixture_target)
    target = connect(endpoint=fixture_endpoint)
    assert target.is_remote
    remote = project(target)
    assert weights(remote) == weights(local)
    assert dict(remote.nodes(data=True)) == dict(local.nodes(data=True))
    for u, v, data in local.edges(data=True):
        assert remote.edges[u, v] == data


# --- the seed graph ----------------------------------------------------------------------------


def test_seed_agreement_layer_is_the_agreements_parties(seed_target):
    G = project(seed_target, layers=["agreement"])
    assert weights(G) == cliques({
        # 000: "We, the representatives of Hanoi, Seoul, Tokyo, Ulaanbaatar and Tomsk"
        "tomsk-declaration": ["hanoi", "seoul", "tokyo", "ulaanbaatar", "tomsk"],
        # 002: the forum's cities adopted the Seoul Declaration and the Seoul Communiqué
        "seoul-declaration": ["seoul", "colombo", "bogor", "ho-chi-minh-city", "addis-ababa"],
        "seoul-communique": ["seoul", "colombo", "bogor", "ho-chi-minh-city", "addis-ababa"],
        "mou-seoul-colombo": ["seoul", "colombo"],
        "loi-seoul-bogor": ["seoul", "bogor"],
        "mou-seoul-bangladesh-fire": ["seoul", "country-bd"],
        # 001: Toyama's agreements with Gangwon (2023) and Liaoning (40th anniversary in 2024)
        "friendship-cooperation-toyama-gangwon": ["toyama-prefecture", "gangwon"],
        "friendship-toyama-liaoning": ["toyama-prefecture", "liaoning"],
    })


def test_seed_tie_layer_is_the_documented_ties(seed_target):
    G = project(seed_target, layers=["tie"])
    toyama = ["liaoning", "yunnan", "shanghai", "guangdong", "primorsky-krai", "gangwon"]
    selenge = ["jeju", "buryatia", "hohhot", "shizuoka-prefecture"]
    expected = {tuple(sorted(("toyama-prefecture", p))): 1 for p in toyama}
    expected |= {tuple(sorted(("selenge-province", p))): 1 for p in selenge}
    expected |= {("colombo", "seoul"): 2, ("bogor", "seoul"): 2, ("addis-ababa", "seoul"): 1,
                 ("country-bd", "seoul"): 1, ("ho-chi-minh-city", "seoul"): 4,
                 ("chongqing", "mannheim"): 1}
    assert weights(G) == expected
    # Seoul exports its policies: every policy-transfer edge points away from Seoul
    for partner in ("colombo", "bogor", "addis-ababa", "country-bd"):
        assert G.edges["place:seoul", f"place:{partner}"]["directed_from"] == "place:seoul"


def test_seed_membership_layer_is_co_membership(seed_target):
    G = project(seed_target, layers=["membership"])
    anmc21 = ["bangkok", "delhi", "hanoi", "jakarta", "kuala-lumpur", "metro-manila", "seoul",
              "singapore", "taipei", "tokyo", "tomsk", "ulaanbaatar", "yangon"]
    iuc = ["chongqing", "longyan", "zhengzhou", "shantou", "haikou", "changchun", "kunming",
           "liuzhou", "yantai", "weinan", "tianjin", "chengdu", "wuhan", "guangzhou"]
    assert weights(G) == cliques({"anmc21": anmc21, "iuc": iuc})
    assert G.number_of_edges() == 13 * 12 // 2 + 14 * 13 // 2
    # Inner Mongolia coordinates a NEAR subcommittee no other place in the data belongs to
    assert G.degree("place:inner-mongolia") == 0


def test_seed_plenary_delegations_form_a_clique_in_the_event_layer(seed_target):
    G = project(seed_target, layers=["event"])
    attended = ["place:bangkok", "place:hanoi", "place:seoul", "place:tokyo", "place:tomsk",
                "place:ulaanbaatar"]
    plenary = G.subgraph(attended)
    assert plenary.number_of_edges() == 15
    assert all(d["groups"] == ["event:anmc21-13th-plenary"] and d["first"] == "2014-09-05"
               for _, _, d in plenary.edges(data=True))
    # the seven member cities "Unable to attend" are not in the event layer
    for absent in ("delhi", "jakarta", "kuala-lumpur", "metro-manila", "singapore", "taipei",
                   "yangon"):
        assert f"place:{absent}" not in G
    assert weights(G)[("chongqing", "mannheim")] == 3


def test_seed_project_layer_is_the_shared_projects(seed_target):
    G = project(seed_target, layers=["project"])
    assert weights(G) == cliques({
        "junior-sports-program": ["tokyo", "tomsk"],
        "urban-and-global-environmental-problems": ["tokyo", "ulaanbaatar"],
        "changchun-demonstration-zone": ["changchun", "country-cn", "country-kr"],
        "mannheim-chongqing-cargo-railway": ["mannheim", "chongqing"],
        "seoul-bangladesh-disaster-management": ["seoul", "country-bd"],
        "knowledge-sharing-program": ["seoul", "ho-chi-minh-city"],
        "culture-city-of-east-asia": ["jeju", "kitakyushu", "yangzhou"],
    })


def test_seed_colombo_reaches_ulaanbaatar_through_seoul(seed_target):
    G = project(seed_target)
    paths = list(nx.all_shortest_paths(G, "place:colombo", "place:ulaanbaatar"))
    assert paths == [["place:colombo", "place:seoul", "place:ulaanbaatar"]]
    assert "agreement:002-mou-seoul-colombo" in G.edges["place:colombo", "place:seoul"]["facts"]
    assert "agreement:000-tomsk-declaration" in G.edges["place:seoul", "place:ulaanbaatar"][
        "facts"]


# --- weighting and large groups (a network of 4 members beside one bilateral agreement) -------

FOUR = """
@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .
@prefix cgorg: <https://w3id.org/citygraph/id/org/> .
@prefix fact: <https://w3id.org/citygraph/id/fact/> .
@prefix agreement: <https://w3id.org/citygraph/id/agreement/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
place:a a cg:City ; rdfs:label "A" .
place:b a cg:City ; rdfs:label "B" .
place:c a cg:City ; rdfs:label "C" .
place:d a cg:City ; rdfs:label "D" .
cgorg:net a cg:CityNetwork ; rdfs:label "Net" .
fact:m-a a cg:Membership ; org:member place:a ; org:organization cgorg:net .
fact:m-b a cg:Membership ; org:member place:b ; org:organization cgorg:net .
fact:m-c a cg:Membership ; org:member place:c ; org:organization cgorg:net .
fact:m-d a cg:Membership ; org:member place:d ; org:organization cgorg:net .
agreement:a-b a cg:Agreement ; cg:party place:a, place:b .
"""


@pytest.fixture(scope="module")
def four_target(tmp_path_factory):
    path = tmp_path_factory.mktemp("four") / "four.ttl"
    path.write_text(FOUR, encoding="utf-8")
    store = open_store()
    load_files(store, [ONTOLOGY / "citygraph.ttl", ONTOLOGY / "schemes.ttl", path], ROOT)
    return connect(store)


def test_a_group_of_four_gives_each_pair_one_third(four_target):
    G = project(four_target, layers=["membership", "agreement"])
    assert weights(G) == {("a", "b"): round(1 / 3 + 1, 9), ("a", "c"): round(1 / 3, 9),
                          ("a", "d"): round(1 / 3, 9), ("b", "c"): round(1 / 3, 9),
                          ("b", "d"): round(1 / 3, 9), ("c", "d"): round(1 / 3, 9)}
    assert G.edges["place:a", "place:b"]["count"] == 2
    assert G.edges["place:a", "place:b"]["weight_membership"] == pytest.approx(1 / 3)
    # with 1/(n-1), a place's weighted degree is the number of groups it shares
    assert dict(G.degree(weight="weight")) == pytest.approx(
        {"place:a": 2, "place:b": 2, "place:c": 1, "place:d": 1})
    assert dict(G.nodes(data="two_mode_degree")) == {
        "place:a": 2, "place:b": 2, "place:c": 1, "place:d": 1}
    assert G.graph["large_groups"] == [] and G.graph["weighting"] == "newman"


def test_a_group_above_max_group_stays_two_mode(four_target):
    G = project(four_target, layers=["membership", "agreement"], max_group=3)
    # the network of 4 is no clique: only the bilateral agreement joins two places
    assert weights(G) == {("a", "b"): 1.0}
    assert dict(G.nodes(data="two_mode_degree")) == {
        "place:a": 2, "place:b": 2, "place:c": 1, "place:d": 1}
    assert dict(G.nodes(data="large_groups")) == {
        "place:a": 1, "place:b": 1, "place:c": 1, "place:d": 1}
    assert G.graph["large_groups"] == [["cgorg:net", "membership", 4]]
    assert G.graph["max_group"] == 3
    with pytest.raises(UsageError, match="--max-group"):
        project(four_target, layers=["membership"], max_group=1)


def test_the_report_says_which_groups_stayed_two_mode(four_target):
    from citygraph.networks.report import analyze
    from citygraph.networks.report_html import report_html

    G = project(four_target, layers=["membership", "agreement"], max_group=3)
    figures = analyze(G)
    assert (figures["two_mode_groups"], figures["two_mode_places"], figures["max_group"]) == (
        1, 4, 3)
    assert figures["large_groups"] == [["cgorg:net", "membership", 4]]
    assert figures["weighting"].startswith("Newman")
    # the four places have no coordinates in this graph
    assert figures["without_coordinates"] == 4
    page = report_html(G, figures)
    assert "<td>cgorg:net</td><td>membership</td><td>4</td>" in page
    assert "<td>groups kept two-mode</td><td>1</td>" in page
    assert "1/(n-1)" in page


# --- place attributes: several kinds, labels, parents and countries on one place ---------------

MANY = """
@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
place:x a cg:City, cg:Place ; rdfs:label "Xb", "Xa" ; cg:geonamesId "2", "10" ;
    geo:lat 5.0, 4.0 ; geo:long 9.0 ;
    cg:partOf place:x-region, place:x-country, place:y-city ;
    cg:country place:country-zz, place:country-yy .
place:x-district a cg:District ; rdfs:label "X District" ; cg:partOf place:x .
place:x-region a cg:Province ; rdfs:label "X Province" ; cg:partOf place:x-country .
place:y-city a cg:City ; rdfs:label "Y" .
place:country-zz a cg:Country ; rdfs:label "Zedland" ; cg:iso3166Code "ZZ" .
place:country-yy a cg:Country ; rdfs:label "Yland" ; cg:iso3166Code "YY" .
place:x-country a cg:Country .
place:nowhere a cg:Place .
"""


def test_place_attributes_keep_the_least_value_and_the_parents_by_their_kind(tmp_path):
    path = tmp_path / "many.ttl"
    path.write_text(MANY, encoding="utf-8")
    store = open_store()
    load_files(store, [ONTOLOGY / "citygraph.ttl", path], ROOT)
    places = place_attributes(connect(store))
    assert places["place:x"] == {
        "label": "Xa", "kind": "City", "country": "Yland", "country_code": "YY",
        "country_id": "place:country-yy", "geonames": "10", "lat": 4.0, "lon": 9.0,
        "iri": "https://w3id.org/citygraph/id/place/x", "region": "place:x-region",
        "city": "place:y-city"}
    assert places["place:x-district"]["city"] == "place:x"
    assert places["place:x-country"]["country_id"] == "place:x-country"
    assert places["place:nowhere"]["kind"] == "Place" and places["place:nowhere"]["label"] is None
    assert len(places) == 8


def test_reading_ahead_gives_each_answer_once_and_the_same_rows(seed_target):
    """The projection's queries run two at a time ahead of their reading: the same places
    and rows as read one after the other; a query asked again is answered anew."""
    from citygraph.networks.incidence import reading_ahead

    ahead = reading_ahead(seed_target, LAYERS)
    places = place_attributes(ahead)
    rows = {layer: incidence(ahead, layer) for layer in LAYERS}
    assert places == place_attributes(seed_target)
    assert places["place:seoul"]["label"] == "Seoul"
    # the store gives some queries' rows in another order from one run to the next
    assert {layer: _row_set(found) for layer, found in rows.items()} == {
        layer: _row_set(incidence(seed_target, layer)) for layer in LAYERS}
    assert {layer: len(found) for layer, found in rows.items()} == {
        "agreement": 27, "tie": 42, "membership": 29, "event": 30, "project": 30}
    assert len(incidence(ahead, "tie")) == 42  # asked again: answered by the store
    assert ahead._answers == {} and ahead._waiting == []


def _row_set(rows):
    return {tuple(sorted(row.items())) for row in rows}
