"""citygraph serve's pages over HTTP: search, entity pages, catalog, editor, network, map, errors.

One server for the module, on the frozen seed graph plus one file of hostile labels.
"""

import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from web_server import build_store, seed_with_hostile_labels, start_server

COLOMBO_QUOTE = ("On Wednesday, June 8th, Seoul Mayor Won-soon Park and Colombo Mayor "
                 "A.J.M Muzammil signed an MOU for the cooperating cities.")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    return build_store(folder / "store", seed_with_hostile_labels(folder))


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    server = start_server(store, tmp_path_factory.mktemp("serve"))
    wait_for_network(server)
    yield server
    server.stop()


def wait_for_network(server, query="", seconds=120):
    """Wait until the network the server measures in the background is ready."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{server.base}/network.json{query}", timeout=60):
                return
        except urllib.error.HTTPError as exc:
            if exc.code != 503 or time.monotonic() > deadline:
                raise
        time.sleep(0.3)


def get(server, path, method="GET", body=None, kind=None):
    request = urllib.request.Request(server.base + path, data=body, method=method,
                                     headers={"Accept": "text/html"})
    if kind:
        request.add_header("Content-Type", kind)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def text_of(html):
    """The visible text of a page, tags dropped, entities left as written."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_search_finds_labels_and_hidden_labels_with_accents_folded(server):
    status, html = get(server, "/search?q=Seoul")
    assert status == 200
    hits = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', html)
    assert hits[0] == ("/id/place/seoul", "Seoul")
    # 'Séoul' is a hidden label; 'SEOEL' folds to the hidden label 'Seoel'
    for text in ("S%C3%A9oul", "SEOEL", "s%C3%B6ul"):
        assert re.findall(r'<li><a href="([^"]+)">', get(server, f"/search?q={text}")[1])[0] == \
            "/id/place/seoul", text
    assert "0 matches" in get(server, "/search?q=zzzzqqq")[1]


def test_the_place_page_shows_names_identifiers_enclosing_places_and_sourced_facts(server):
    status, html = get(server, "/id/place/seoul")
    assert status == 200
    assert '<h1 id="title">Seoul</h1>' in html
    assert "GeoNames: <a href=\"https://www.geonames.org/1835848\"" in html
    assert "ISO 3166: KR-11" in html
    assert 'href="/id/place/country-kr">South Korea</a>' in html
    # the Colombo MOU row: its name, date, partner, source and verbatim quote
    row = re.search(r'<tr id="agreement:002-mou-seoul-colombo">(.*?)</tr>', html, re.S).group(1)
    assert ">MOU between Seoul and Colombo</a>" in row
    # one "when", in words, from the property that holds it; property labels, not CURIEs
    assert '<td class="when" title="from its date" data-precision="day">8 June 2016</td>' in row
    assert '<span class="muted">party:</span> <a href="/id/place/colombo">Colombo</a>' in row
    assert '<span class="muted">signatory:</span> <a href="/id/person/park-won-soon">' in row
    assert '<span class="muted">theme:</span> <a href="/id/theme/waste-management">' in row
    assert "cg:" not in text_of(row) and "dcterms:" not in text_of(row)
    assert ('<a class="rdf" href="/editor?query=DESCRIBE+%3Chttps%3A%2F%2Fw3id.org%2Fcitygraph'
            '%2Fid%2Fagreement%2F002-mou-seoul-colombo%3E"') in row
    assert 'href="/id/doc/002">' in row
    assert f'<blockquote class="evidence">{COLOMBO_QUOTE}</blockquote>' in row
    for heading in ("Agreements", "Events", "Memberships", "Titles"):
        assert f"<h2>{heading} <span" in html
    # centralities with ranks, and a small map with the place on the basemap
    assert re.search(r"<td>degree</td><td>\d+</td><td>1</td>", html)
    # a rank counts the places with a higher value: Chengdu's 13 ties come after Seoul's 18,
    # Changchun's 15 and Chongqing's 14, level with eleven others
    ranks = {}
    for place in ("seoul", "changchun", "chongqing", "chengdu", "wuhan"):
        page = get(server, f"/id/place/{place}")[1]
        ranks[place] = re.search(r"<td>degree</td><td>(\d+)</td><td>(\d+)</td>", page).groups()
    assert ranks == {"seoul": ("18", "1"), "changchun": ("15", "2"), "chongqing": ("14", "3"),
                     "chengdu": ("13", "4"), "wuhan": ("13", "4")}
    assert '<circle cx="306.9784" cy="52.434"' in html
    # the small map carries the countries around the place, not the world
    lands = re.findall(r'<path class="land" d="[^"]+"><title>([^<]+)</title>', html)
    assert {"South Korea", "North Korea", "Japan", "China"} <= set(lands) and len(lands) == 12


def test_the_event_page_lists_speakers_and_delegations_by_size(server):
    status, html = get(server, "/id/event/anmc21-13th-plenary")
    assert status == 200
    assert "<h2>Delegations and attendance</h2>" in html
    table = html.split("<h2>Delegations and attendance</h2>", 1)[1]
    sizes = [int(s) for s in re.findall(r"</td><td>(\d+)</td><td>", table.split("</table>")[0])]
    assert sizes == sorted(sizes, reverse=True) and sizes
    status, html = get(server, "/id/event/near-forum-2023")
    assert "<h2>Sessions and speakers</h2>" in html


def test_a_when_is_a_range_an_as_of_or_the_event_date_and_long_sections_are_paged(server):
    html = get(server, "/id/place/seoul")[1]
    whens = dict(re.findall(
        r'<tr id="([^"]+)">\s*<td>.*?</td>\s*<td class="when"[^>]*>([^<]*)</td>', html, re.S))
    assert whens["agreement:002-loi-seoul-bogor"] == "between 8 June 2016 and 10 June 2016"
    assert whens["fact:000-membership-seoul-anmc21"] == "as of 6 September 2014"
    status, page = get(server, "/facts/place/seoul?section=Ties&page=1")
    assert status == 200
    assert '<p class="muted" id="page-count">1–10 of 10 · page 1 of 1</p>' in page
    assert len(re.findall(r'<td class="when"', page)) == 10
    assert get(server, "/facts/place/seoul?section=Ties&page=2")[0] == 404
    assert get(server, "/facts/place/seoul?section=Nothing")[0] == 404


def test_organization_person_agreement_pages(server):
    html = get(server, "/id/org/anmc21")[1]
    assert "<h2>Members" in html and 'href="/id/place/bangkok">Bangkok</a>' in html
    html = get(server, "/id/person/park-won-soon")[1]
    assert "<h2>Titles" in html and "Mayor" in html
    html = get(server, "/id/agreement/002-mou-seoul-colombo")[1]
    assert '<h1 id="title">MOU between Seoul and Colombo</h1>' in html
    assert f'<blockquote class="evidence">{COLOMBO_QUOTE}</blockquote>' in html
    assert 'href="/id/person/muzammil-a-j-m"' in html


def test_the_source_document_page_highlights_every_cited_quote_and_links_its_fact(server, shared):
    # the page shows the text of doc:002, one of the seed texts in ../shared/seeds
    status, html = get(server, "/id/doc/002")
    assert status == 200
    body = html.split('<div class="source-text">', 1)[1].split("</div>", 1)[0]
    start = body.index("On Wednesday, June 8th, Seoul Mayor")
    cite = body.index('<a class="cite" href="/id/agreement/002-mou-seoul-colombo"', start)
    # the quote is highlighted (inside marks, however overlapping quotes cut it) and ends
    # with the link to the agreement that cites it
    assert text_of(re.sub(r"<a class=\"cite\".*?</a>", "", body[start:cite])) == COLOMBO_QUOTE
    assert body[:start].rstrip().endswith("<mark title=\"") or "<mark" in body[start - 300:start]
    assert html.count("<mark ") > 20
    # each marker names its fact in words, its kind and its parties, not its IRI
    assert body[cite:].split(">", 1)[1].startswith(
        "[agreement: MOU between Seoul and Colombo]</a>")
    markers = re.findall(r'<a class="cite" href="([^"]+)"[^>]*>\[([^\]]+)\]</a>', body)
    words = dict(markers)
    assert words["/id/fact/002-transfer-seoul-colombo-waste"] == \
        "policy transfer: Seoul to Colombo"
    assert words["/id/fact/002-holding-park-won-soon"] == \
        "post holding: PARK Won Soon as Mayor of Seoul"
    assert words["/id/fact/002-count-departments"] == \
        "stated count: 11 departments the central government employees came from"
    assert len(markers) > 40 and not [t for _, t in markers if re.fullmatch(r"[\w-]+:\S+", t)]


def test_the_catalog_page_runs_a_query_from_its_form_and_downloads_csv_and_json(server):
    status, html = get(server, "/queries")
    assert status == 200 and 'href="/queries/network-members"' in html
    status, html = get(server, "/queries/network-members")
    assert 'name="network" value="ASIAN NETWORK OF MAJOR CITIES 21"' in html
    assert "<table class" not in html
    status, html = get(server, "/queries/network-members?run=1&network=cgorg%3Aanmc21")
    assert status == 200
    # entities by name, linked to their pages, the prefixed name on hover; the names'
    # own columns are left out; a membership without a name in words
    assert '<a href="/id/place/bangkok" title="place:bangkok">Bangkok</a>' in html
    head = re.findall(r"<th>([^<]+)</th>", html)
    assert head == ["member", "role", "start", "end", "as_of", "membership", "source"]
    assert ('<a href="/id/fact/000-membership-bangkok-anmc21" title="fact:000-membership-'
            'bangkok-anmc21">membership: Bangkok in ASIAN NETWORK OF MAJOR CITIES 21</a>') in html
    assert "place:bangkok</a>" not in html and "<p class=\"count\">14 rows</p>" in html
    status, csv_text = get(server, "/queries/network-members?network=cgorg%3Aanmc21&format=csv")
    assert csv_text.splitlines()[0] == \
        "member,member_label,role,role_label,start,end,as_of,membership,source"
    rows = json.loads(get(server, "/queries/network-members?network=cgorg%3Aanmc21"
                              "&format=json")[1])["rows"]
    assert len(rows) == len(csv_text.splitlines()) - 1
    assert "Bangkok" in {r["member_label"] for r in rows}
    status, html = get(server, "/queries/network-members?run=1&network=cgorg%3Aanmc+21")
    assert status == 400 and "parameter &#39;network&#39; must be an IRI without" in html


def test_entity_fields_take_names_and_an_ambiguous_name_offers_its_candidates(server):
    status, html = get(server, "/queries/network-members?run=1&network=ANMC21")
    assert status == 200
    members = re.findall(r'<td><a href="/id/place/[^"]+" title="place:[^"]+">([^<]+)</a></td>',
                         html)
    assert sorted(members) == ["Bangkok", "Delhi", "Hanoi", "Jakarta", "Kuala Lumpur",
                               "Metropolitan Manila", "Seoul", "Singapore", "Taipei", "Tokyo",
                               "Tokyo", "Tomsk", "Ulaanbaatar", "Yangon"]
    status, html = get(server, "/queries/posts-at-date?run=1&date=2014-09-06&place=Singapore")
    assert status == 400
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="muted">([^<]+)</span>',
                      html) == [
        ("/queries/posts-at-date?date=2014-09-06&amp;place=place%3Acountry-sg&amp;run=1",
         "Singapore", "place:country-sg"),
        ("/queries/posts-at-date?date=2014-09-06&amp;place=place%3Asingapore&amp;run=1",
         "Singapore", "place:singapore")]
    assert 'data-complete' in html and '<script src="/static/complete.js" defer>' in html


def test_the_autocomplete_offers_names_with_their_kind_and_the_value_to_use(server):
    status, body = get(server, "/complete?q=anmc")
    rows = json.loads(body)
    assert [(r["name"], r["kind"], r["value"]) for r in rows[:3]] == [
        ("ANMC21", "organization", "ANMC21"),
        ("ANMC21 Exhibition", "event", "ANMC21 Exhibition"),
        ("ANMC21 Secretariat", "organization", "ANMC21 Secretariat")]
    assert rows[0]["page"] == "/id/org/anmc21"
    singapore = [r for r in json.loads(get(server, "/complete?q=singapore")[1])
                 if r["name"] == "Singapore"]
    assert sorted(r["value"] for r in singapore) == ["place:country-sg", "place:singapore"]
    assert json.loads(get(server, "/complete?q=")[1]) == []


def test_the_sparql_editor_runs_read_only_queries_with_the_project_prefixes(server):
    query = urllib.parse.quote("SELECT ?l WHERE { place:seoul rdfs:label ?l }")
    status, html = get(server, f"/editor?query={query}")
    assert status == 200 and "<td>Seoul</td>" in html and "1 row" in html
    status, html = get(server, "/editor?query=" + urllib.parse.quote("DROP ALL"))
    assert status == 400 and "updates are refused" in html


def test_the_network_data_has_the_exports_nodes_and_edges(server, store, tmp_path):
    data = json.loads(urllib.request.urlopen(server.base + "/network.json", timeout=60).read())
    out = tmp_path / "network.json"
    result = CliRunner().invoke(cli, ["export", "--format", "json", "--store", str(store),
                                      "--output", str(out)])
    assert result.exit_code == 0, result.output
    exported = json.loads(out.read_text())
    assert len(data["graph"]["nodes"]) == len(exported["nodes"])
    assert len(data["graph"]["edges"]) == len(exported["edges"])
    assert {n["id"] for n in data["graph"]["nodes"]} == {n["id"] for n in exported["nodes"]}
    edge = next(e for e in data["graph"]["edges"]
                if {e["source"], e["target"]} == {"place:colombo", "place:seoul"})
    assert "agreement:002-mou-seoul-colombo" in edge["facts"] and edge["sources"] == ["doc:002"]
    wait_for_network(server, "?layer=agreement")
    status, html = get(server, "/network?layer=agreement&size=betweenness&color=country")
    assert status == 200 and '<script src="/static/network.js"></script>' in html


def test_the_map_places_every_node_with_coordinates_and_lists_the_others(server):
    data = json.loads(urllib.request.urlopen(server.base + "/network.json", timeout=60).read())
    nodes = data["graph"]["nodes"]
    placed = [n for n in nodes if n.get("lat") is not None]
    status, html = get(server, "/map")
    assert status == 200
    assert (f"{len(placed)} of {len(nodes)} places on the map; {len(nodes) - len(placed)} "
            "without coordinates") in html
    assert html.count("<circle ") == len(placed)
    missing = html.split('<ul class="missing">', 1)[1].split("</ul>")[0]
    assert missing.count("<li>") == len(nodes) - len(placed)


def test_hostile_labels_and_quotes_are_escaped_everywhere(server):
    for path in ("/id/place/xss-town", "/search?q=script", "/id/place/seoul",
                 "/id/fact/xss-tie", "/id/doc/xss", "/map",
                 "/editor?query=" + urllib.parse.quote(
                     "SELECT ?l WHERE { place:xss-town rdfs:label|skos:altLabel ?l }")):
        status, html = get(server, path)
        assert status == 200, path
        assert "<script>alert(1)" not in html, path
        assert "<img src=x" not in html, path
        assert '" onmouseover="alert' not in html, path
    html = get(server, "/id/place/xss-town")[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34; onmouseover=&#34;alert(2)" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html


@pytest.mark.parametrize("path,method,status", [
    ("/id/place/nowhere", "GET", 404),
    ("/id/place/<script>", "GET", 404),
    ("/id/../../etc/passwd", "GET", 404),
    ("/static/../../etc/passwd", "GET", 404),
    ("/queries/no-such-query", "GET", 404),
    ("/queries/construct-inverse", "GET", 404),
    ("/network?layer=nothing", "GET", 400),
    ("/network?since=yesterday", "GET", 400),
    ("/network?size=height", "GET", 400),
    ("/queries/network-members?network=cgorg%3Aanmc21&format=pdf", "GET", 400),
    ("/search", "POST", 405),
    ("/search?q=%ff%fe", "GET", 200),
    ("/no/such/page", "GET", 404),
])
def test_malformed_requests_get_a_4xx_page_never_a_traceback(server, path, method, status):
    connection = http.client.HTTPConnection(server.base.removeprefix("http://"), timeout=30)
    connection.request(method, path, headers={"Accept": "text/html"})
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    connection.close()
    assert response.status == status, body[-300:]
    assert "Traceback" not in body and "File \"" not in body
    if status != 200:
        assert "<h1>Error" in body or body.count("\n") <= 1


def test_the_path_page_shows_each_step_with_its_facts_and_sources(server):
    status, html = get(server, "/path?from=Colombo&to=Tomsk")
    assert status == 200, text_of(html)[:500]
    summary = text_of(re.search(r'<p id="path-summary">(.*?)</p>', html, re.S).group(1))
    assert summary == "2 steps: Colombo → Seoul → Tomsk"
    first = re.search(r'<li class="step">(.*?)</li>', html, re.S).group(1)
    assert ">MOU between Seoul and Colombo</a></td><td>agreement</td><td>2016-06-08</td>" in first
    assert f'<blockquote class="evidence">{COLOMBO_QUOTE}</blockquote>' in first
    assert 'Sources: <a href="/id/doc/002">' in first
    # the facts of the steps, those without a name in words
    assert re.findall(r'<td><a href="/id/[^"]+">([^<]+)</a></td><td>[a-z ]+</td>', html) == [
        "MOU between Seoul and Colombo", "Seoul Communiqué on Urban Policy for the SDGs",
        "Seoul Declaration", "policy transfer: Seoul to Colombo",
        "policy transfer: Seoul to Colombo", "Tomsk Declaration"]
    # a name several places carry offers each of them
    status, html = get(server, "/path?from=Singapore&to=Tomsk")
    assert status == 400
    assert re.findall(r'<ul class="candidates" id="candidates-from">(.*?)</ul>', html, re.S)
    assert "place:country-sg" in html and "place:singapore" in html


def test_the_event_page_lists_people_with_roles_organizers_and_parts(server):
    html = get(server, "/id/event/tcs-10th-anniversary-symposium-vol-6")[1]
    people = re.search(r'<table class="people">(.*?)</table>', html, re.S).group(1)
    assert re.search(r'>YANG Kiho</a></td><td>moderator</td>', people)
    organizers = re.search(r'<table class="organizers">(.*?)</table>', html, re.S).group(1)
    assert [text_of(r) for r in re.findall(r"<tr><td>(.*?)</td>", organizers)] == [
        "host", "supporter", "supporter", "supporter"]
    # sources, sessions and kinds of talk by name, the prefixed name on hover
    assert organizers.count('<td><a href="/id/doc/003" title="doc:003">TCS 10th Anniversary '
                            'Symposium Series Vol. 6 – Promoting Trilateral Cooperation at the '
                            'Local Level</a></td>') == 4
    plenary = get(server, "/id/event/anmc21-13th-plenary")[1]
    speakers = re.search(r'<table class="speakers">(.*?)</table>', plenary, re.S).group(1)
    assert ('<tr><td><a href="/id/event/anmc21-13th-plenary-opening-ceremony" title="event:'
            'anmc21-13th-plenary-opening-ceremony">Opening Ceremony of the 13 th Plenary Meeting'
            '</a></td><td>2014-09-05T09:30:00</td><td>1</td><td><a href="/id/person/zhvachkin-'
            'sergey">ZHVACHKIN Sergey</a></td><td>opening remarks</td>') in speakers
    assert "doc:000</a>" not in plenary and "talk-type:" not in plenary
    people = re.search(r'<table class="people">(.*?)</table>', plenary, re.S).group(1)
    assert people.count('<span class="muted">not named</span>') == 6
    series = get(server, "/id/event/tcs-10th-anniversary-symposium-series")[1]
    parts = re.search(r'<table class="parts">(.*?)</table>', series, re.S).group(1)
    assert "Promoting Trilateral Cooperation at the Local Level</a></td><td>event</td>" \
        "<td>2021</td>" in parts


def test_two_documents_side_by_side_and_a_documents_mentions(server):
    status, html = get(server, "/compare?first=doc%3A000&second=doc%3A002")
    assert status == 200
    shared = re.findall(r'<li><a href="([^"]+)">', re.search(
        r'<ul id="shared">(.*?)</ul>', html, re.S).group(1))
    assert "/id/place/seoul" in shared and "/id/person/park-won-soon" in shared
    doc = get(server, "/id/doc/002")[1]
    assert re.search(r'<td>person</td><td><a href="/id/person/bima-arya-sugiarto">'
                     r'Bima Arya Sugiarto</a></td><td>2</td>', doc)


def test_a_network_not_yet_computed_is_announced_and_the_date_filter_counts_undated_ties(server):
    # a choice no page asked for before: its computation starts now, in the background
    status, html = get(server, "/network?layer=project&since=2014")
    assert status == 200
    assert "The network is being measured and laid out" in html
    assert '<meta http-equiv="refresh" content="5">' in html
    wait_for_network(server, "?layer=project&since=2014")
    # the notice counts the undated ties of the same layers, measured in the background too
    wait_for_network(server, "?layer=project")
    html = get(server, "/network?layer=project&since=2014")[1]
    whole = json.loads(urllib.request.urlopen(server.base + "/network.json?layer=project",
                                              timeout=60).read())
    undated = sum(1 for e in whole["graph"]["edges"] if not e["first"] and not e["last"])
    assert undated > 0
    notice = text_of(re.search(r'<p class="notice" id="undated-notice">(.*?)</p>', html,
                               re.S).group(1))
    assert notice == (f"The date filter leaves out {undated} ties without a date "
                      "( the network without the date filter ).")


def test_the_network_data_carries_a_layout_and_narrows_to_a_country_or_an_ego_network(server):
    data = json.loads(urllib.request.urlopen(server.base + "/network.json", timeout=60).read())
    nodes = data["graph"]["nodes"]
    assert all(isinstance(n["x"], float | int) and abs(n["x"]) <= 500 for n in nodes)
    assert data["figures"]["layout"] in ("computed", "reused")
    korea = json.loads(urllib.request.urlopen(server.base + "/network.json?country=KR",
                                              timeout=60).read())["graph"]
    assert {n["country_code"] for n in korea["nodes"]} == {"KR"}
    assert len(korea["nodes"]) == sum(1 for n in nodes if n.get("country_code") == "KR")
    ego = json.loads(urllib.request.urlopen(server.base + "/network.json?place=Colombo&steps=1",
                                            timeout=60).read())["graph"]
    colombo = {e["target"] if e["source"] == "place:colombo" else e["source"]
               for e in data["graph"]["edges"] if "place:colombo" in (e["source"], e["target"])}
    assert {n["id"] for n in ego["nodes"]} == colombo | {"place:colombo"}
    status, html = get(server, "/network/ego?place=place%3Acolombo&steps=2")
    assert status == 200
    assert '<h1>The network around <a href="/id/place/colombo">Colombo</a>' in html
    facts = json.loads(urllib.request.urlopen(
        server.base + "/network/edge?a=place%3Aseoul&b=place%3Acolombo", timeout=60).read())
    assert {f["label"] for f in facts} >= {"MOU between Seoul and Colombo", "Seoul Declaration"}
    # a fact without a name in words: its kind and its parties
    assert sorted({f["label"] for f in facts}) == [
        "MOU between Seoul and Colombo", "Seoul Communiqué on Urban Policy for the SDGs",
        "Seoul Declaration", "policy transfer: Seoul to Colombo"]


def test_a_set_question_from_its_form_with_names(server):
    query = urllib.parse.urlencode({
        "run": "1", "event": "The 13th Plenary Meeting of the ANMC21 in Tomsk",
        "agreement": "Tomsk Declaration", "party": "false"})
    status, html = get(server, f"/queries/event-participants-party?{query}")
    assert status == 200, text_of(html)[-300:]
    rows = re.findall(r'<tr><td><a href="/id/place/[^"]+" title="place:[^"]+">([^<]+)</a></td>',
                      html)
    assert rows == ["Bangkok", "Delhi", "Jakarta", "Kuala Lumpur", "Metropolitan Manila",
                    "Singapore", "Taipei", "Yangon"]
    assert '<select name="party">' in html
