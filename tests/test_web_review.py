"""The review page of a Wikidata import's report: it says which import it reviews and writes
the decisions that import reads back (item, decision)."""

import urllib.error
import urllib.parse
import urllib.request

import pytest

from citygraph.importers.wikidata import import_tables, read_item_decisions, report_text
from web_server import form_session, review_server


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    (folder / "relations.tsv").write_text("Q62\tQ28848\nQ62\tQ1490\nQ1490\tQ4115189\n",
                                          encoding="utf-8")
    (folder / "names.tsv").write_text("Q62\tSan Francisco\nQ28848\tSpringfield\nQ1490\tTokyo\n",
                                      encoding="utf-8")
    result = import_tables(folder / "relations.tsv", folder / "names.tsv")
    assert result.outcomes["Q62"].decision.status == "ambiguous"
    report = folder / "wikidata.report.csv"
    report.write_text(report_text(result), encoding="utf-8")
    return folder, report, folder / "wikidata.decisions.csv"


@pytest.fixture(scope="module")
def server(files):
    folder, report, decisions = files
    server = review_server(folder, report, decisions)
    yield server
    server.stop()


def post(server, fields):
    cookie, token = form_session(server.base)
    request = urllib.request.Request(
        server.base + "/review", data=urllib.parse.urlencode({**fields, "csrf": token}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                 "Origin": server.base, "Accept": "text/html"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def page(server):
    request = urllib.request.Request(server.base + "/review", headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read().decode()


def test_the_page_says_it_reviews_a_wikidata_import_and_its_decision_columns(server, files):
    html = page(server)
    assert "of a Wikidata import\n(<code>citygraph import wikidata</code>)" in html
    assert "with the columns <code>item,decision</code>" in html
    assert (f'<code id="decisions-file">{files[2]}</code>') in html
    # a row names the item; no empty country, no lines (a Wikidata report has neither)
    assert ('<h2>San Francisco <span class="muted"><a href="https://www.wikidata.org/wiki/Q62" '
            'rel="nofollow">Q62</a> · ambiguous · 99 places of that name</span></h2>') in html
    assert "()" not in html and "lines" not in html
    # an item without a label is named by its QID, once
    assert ('<h2><a href="https://www.wikidata.org/wiki/Q4115189" rel="nofollow">Q4115189</a> '
            '<span class="muted">unresolved · no candidate</span></h2>') in html
    assert '<input type="hidden" name="item" value="Q62">' in html
    assert 'name="country"' not in html


def test_a_choice_is_written_as_item_decision_and_read_back_by_the_import(server, files):
    folder, _, decisions = files
    assert post(server, {"item": "Q62", "decision": "5391959"})[0] == 303
    assert post(server, {"item": "Q28848", "decision": "skip"})[0] == 303
    assert decisions.read_text(encoding="utf-8").splitlines() == [
        "item,decision", "Q28848,skip", "Q62,5391959"]
    decided = read_item_decisions(decisions)
    assert decided == {"Q62": "5391959", "Q28848": "skip"}
    again = import_tables(folder / "relations.tsv", folder / "names.tsv", decisions=decided)
    assert again.outcomes["Q62"].decision.city.geonameid == "5391959"
    assert "Decision: <strong>5391959</strong>" in page(server)
    # forgetting a decision removes its row
    assert post(server, {"item": "Q28848", "decision": ""})[0] == 303
    assert read_item_decisions(decisions) == {"Q62": "5391959"}


def test_a_form_of_the_other_import_or_an_unknown_item_is_refused(server, files):
    before = files[2].read_bytes() if files[2].exists() else None
    status, text = post(server, {"name": "San Francisco", "country": "", "decision": "skip"})
    assert status == 400 and "the form needs item and decision" in text
    status, text = post(server, {"item": "Q999", "decision": "skip"})
    assert status == 400 and "Q999 is not in the reconciliation report" in text
    assert (files[2].read_bytes() if files[2].exists() else None) == before
