"""The reconciliation review page and the /reconcile service (W3C Reconciliation API), over HTTP.

The review page works on the report the importer writes for tests/data/import/ties.csv;
the service is asked the way OpenRefine asks: the manifest, a batch of 10 queries, a
country constraint.
"""

import csv
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from citygraph.importers.csv_ties import import_csv, read_decisions
from conftest import FIXTURES
from web_server import form_session, review_server, ties_report


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return ties_report(tmp_path_factory.mktemp("reconcile"))


@pytest.fixture(scope="module")
def server(files):
    folder, report, decisions = files
    server = review_server(folder, report, decisions)
    yield server
    server.stop()


def call(server, path, data=None, headers=None):
    request = urllib.request.Request(server.base + path, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode()


def post_form(server, path, fields, origin=None, session=True):
    """Post a form as the review page's own form does: with its session cookie and token."""
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"}
    if origin:
        headers["Origin"] = origin
    if session:
        headers["Cookie"], token = form_session(server.base)
        fields = {**fields, "csrf": token}
    request = urllib.request.Request(server.base + path,
                                     data=urllib.parse.urlencode(fields).encode(),
                                     headers=headers)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers.get("Location"), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location"), exc.read().decode()


def test_the_review_page_lists_open_names_with_their_candidates(server):
    status, _, html = call(server, "/review", headers={"Accept": "text/html"})
    assert status == 200
    assert "<h2>Springfield <span" in html and "<h2>Nowhere-on-Sea <span" in html
    assert "<h2>Tomsk <span" not in html  # resolved names are not open
    springfield = html.split("<h2>Springfield <span", 1)[1].split("</section>", 1)[0]
    assert "<td>Springfield</td><td>US-IL</td><td>114394</td>" in springfield
    assert 'name="decision" value="4250542">choose</button>' in springfield
    assert "and 6 more candidates" in springfield


def test_one_click_writes_the_decision_atomically_to_the_decisions_file(server, files):
    _, report, decisions = files
    base = server.base
    status, location, _ = post_form(server, "/review", {
        "name": "Springfield", "country": "United States", "decision": "4250542",
        "back": "/review?status=open&page=1#n1"}, origin=base)
    assert (status, location) == (303, "/review?status=open&page=1#n1")
    assert read_decisions(decisions) == {("Springfield", "United States"): "4250542"}
    post_form(server, "/review", {"name": "Nowhere-on-Sea", "country": "England",
                                  "decision": "skip"}, origin=base)
    assert read_decisions(decisions) == {("Springfield", "United States"): "4250542",
                                         ("Nowhere-on-Sea", "England"): "skip"}
    # the file is what `citygraph import csv --decisions` reads, and nothing else was written
    with decisions.open(newline="") as handle:
        assert next(csv.reader(handle)) == ["name", "country", "decision"]
    assert sorted(p.name for p in decisions.parent.iterdir()
                  if p.is_file() and not p.name.startswith("serve-")) == [
        "decisions.csv", "report.csv"]
    html = call(server, "/review", headers={"Accept": "text/html"})[2]
    assert "Decision: <strong>4250542</strong>" in html
    # the importer now resolves Springfield as the person decided
    result = import_csv(FIXTURES / "import" / "ties.csv", {}, read_decisions(decisions), None)
    assert result.decisions[("Springfield", "United States", None, None)].city.geonameid == \
        "4250542"
    assert report.is_file()


@pytest.mark.parametrize("fields,origin,status", [
    ({"name": "Springfield", "country": "United States", "decision": "rm -rf"}, None, 400),
    ({"name": "Atlantis", "country": "Ocean", "decision": "skip"}, None, 400),
    ({"name": "Springfield"}, None, 400),
    ({"name": "Springfield", "country": "United States", "decision": "skip"},
     "http://evil.example", 403),
])
def test_bad_or_foreign_decisions_are_refused_and_nothing_is_written(server, files, fields,
                                                                      origin, status):
    decisions = files[2]
    before = decisions.read_bytes() if decisions.exists() else None
    assert post_form(server, "/review", fields, origin=origin)[0] == status
    assert (decisions.read_bytes() if decisions.exists() else None) == before


def test_the_manifest(server):
    status, kind, body = call(server, "/reconcile")
    assert (status, kind) == (200, "application/json")
    manifest = json.loads(body)
    assert manifest["versions"] == ["0.2"]
    assert manifest["identifierSpace"] == "https://w3id.org/citygraph/id/"
    assert {t["id"] for t in manifest["defaultTypes"]} >= {"cg:City", "cg:Region", "cg:Country",
                                                            "org:Organization"}
    assert manifest["view"]["url"] == f"{server.base}/reconcile/view/{{{{id}}}}"
    status, kind, body = call(server, "/reconcile?callback=cb")
    assert kind == "application/javascript" and body.startswith("cb({")


def _batch(server, queries):
    data = urllib.parse.urlencode({"queries": json.dumps(queries)}).encode()
    status, _, body = call(server, "/reconcile", data,
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200, body
    return json.loads(body)


def test_a_batch_of_ten_queries_as_openrefine_sends_it(server):
    names = ["Seoul", "Tomsk", "Bangkok", "Colombo", "Toyama Prefecture", "Séoul", "ANMC21",
             "Ulaanbaatar", "Liaoning", "Hanoi"]
    queries = {f"q{i}": {"query": name, "limit": 3} for i, name in enumerate(names)}
    queries["q4"]["type"] = "cg:Region"
    queries["q6"]["type"] = "org:Organization"
    answer = _batch(server, queries)
    assert sorted(answer) == sorted(queries)
    top = {key: answer[key]["result"][0] for key in answer}
    assert top["q0"]["id"] == "place/seoul" and top["q0"]["name"] == "Seoul"
    assert top["q0"]["match"] is True and top["q0"]["score"] == 100
    assert top["q1"]["id"] == "place/tomsk"
    assert top["q4"]["id"] == "place/toyama-prefecture"
    assert top["q4"]["type"] == [{"id": "cg:Region", "name": "Region"}]
    assert top["q5"]["id"] == "place/seoul"  # a hidden label, accents folded
    assert top["q6"]["id"] == "org/anmc21"
    assert {"id", "name", "type", "score", "match"} == set(top["q0"])
    assert all(len(answer[k]["result"]) <= 3 for k in answer)


def test_a_country_constraint_keeps_candidates_in_that_country(server):
    answer = _batch(server, {
        "q0": {"query": "Springfield", "type": "geonames:City",
               "properties": [{"pid": "country", "v": "United States"}], "limit": 5},
        "q1": {"query": "Toyama", "properties": [{"pid": "country", "v": "JP"}]},
        "q2": {"query": "Toyama", "properties": [{"pid": "country", "v": "KR"}]},
    })
    springfield = answer["q0"]["result"]
    assert springfield[0]["id"] == "geonames:4409896" and springfield[0]["name"] == "Springfield"
    assert len(springfield) == 5
    assert all(r["type"][0]["id"] == "geonames:City" for r in springfield)
    assert "place/toyama-prefecture" in [r["id"] for r in answer["q1"]["result"]]
    assert "place/toyama-prefecture" not in [r["id"] for r in answer["q2"]["result"]]


def test_preview_and_view(server):
    status, kind, html = call(server, "/reconcile/preview?id=place/seoul")
    assert status == 200 and ">Seoul</a></h1>" in html and "GeoNames 1835848" in html
    request = urllib.request.Request(server.base + "/reconcile/view/place/seoul")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.url.endswith("/id/place/seoul")


@pytest.mark.parametrize("data,reason", [
    ({"queries": "{not json"}, "queries: not JSON"),
    ({"queries": json.dumps(["a list"])}, "queries must be a JSON object"),
])
def test_malformed_reconciliation_requests_are_400(server, data, reason):
    status, _, body = call(server, "/reconcile", urllib.parse.urlencode(data).encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and reason in body and body.count("\n") == 1
