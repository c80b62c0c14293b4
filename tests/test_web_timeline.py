"""Timeline pages and the network view's period slider, over HTTP and in Chromium.

One server on the frozen seed graph plus the frozen GCoM slice. The browser test writes
timeline.png beside the other screenshots (build/screenshots/ or $CITYGRAPH_SCREENSHOTS).
"""

import re

import pytest

from gcom_slice import built
from test_web_browser import browser, screenshot, wait_for  # noqa: F401  (fixture)
from test_web_pages import get, text_of
from web_server import start_server


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    _project, store, result = built(tmp_path_factory)
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    server = start_server(store, tmp_path_factory.mktemp("serve"))
    yield server
    server.stop()


def year_rows(html):
    """{year: visible text of its row} of a timeline table."""
    rows = re.findall(r'<tr data-year="(\d{4})">(.*?)</tr>', html, re.S)
    return {int(year): text_of(row) for year, row in rows}


def test_an_organization_timeline_lists_members_joining_by_year(server):
    status, html = get(server, "/timeline/org/eurocities")
    assert status == 200
    rows = year_rows(html)
    # every year from the first join to the last, empty years kept so the gaps show
    assert sorted(rows) == list(range(2008, 2023))
    assert rows[2008] == "2008 2 Barcelona 2008-11-19 Bologna 2008-12-22"
    assert rows[2009] == "2009 3 Turin 2009-01-19 Bristol 2009-02-03 Tallinn 2009-02-05"
    assert rows[2010] == "2010"
    assert rows[2022] == "2022 1 Kraków 2022-06-28"
    assert "<th>members joining</th>" in html and "Undated" not in html


def test_a_place_timeline_has_its_networks_ties_events_and_undated_ties(server):
    status, html = get(server, "/timeline/place/seoul")
    assert status == 200
    rows = year_rows(html)
    assert rows[2014] == ("2014 1 ASIAN NETWORK OF MAJOR CITIES 21 2014-09-06 2 ANMC21 "
                          "Exhibition 2014-09-04 The 13th Plenary Meeting of the ANMC21 in "
                          "Tomsk 2014-09-05")
    assert rows[2016].startswith("2016 7 Bogor (policy transfer) 2016-06-08 Bogor (policy "
                                 "transfer) 2016-06-08 Colombo (policy transfer)")
    assert "Ho Chi Minh City (cooperation) 2016-06-23" in rows[2016]
    assert text_of(html.split('<p id="undated">')[1].split("</p>")[0]) == \
        "Not in any year above, because the sources give no date: 1 ties started."
    assert "ties started: <a href=\"/id/place/addis-ababa\">Addis Ababa</a> (policy transfer)" \
        in html
    # a place that is only in the Covenant: joined with its supporter and coordinator
    assert year_rows(get(server, "/timeline/place/geonames-3161732")[1]) == {
        2011: "2011 2 Covenant of Mayors 2011-04-15 EUROCITIES 2011-04-15"}


def test_timeline_of_an_unknown_or_other_node_is_not_found(server):
    assert get(server, "/timeline/place/atlantis")[0] == 404
    assert get(server, "/timeline/doc/002")[0] == 404


def test_the_network_view_says_what_a_window_leaves_out(server):
    html = get(server, "/network")[1]
    assert text_of(html.split('<p id="undated-note">')[1].split("</p>")[0]) == (
        "26 facts have no date (12 tie, 1 membership, 7 event, 6 project): they are in this "
        "network, and any date window leaves them out.")
    html = get(server, "/network?layer=membership&until=2016")[1]
    assert text_of(html.split('<p id="undated-note">')[1].split("</p>")[0]) == (
        "This date window leaves out 1 facts that have no date: 1 membership. They are in the "
        "network without a window.")
    assert 'min="1984" max="2023"' in html and 'value="2016"' in html


def test_timeline_in_the_browser_and_the_period_slider(browser, server):  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.get(server.base + "/id/org/eurocities")
    browser.find_element(By.ID, "timeline-link").click()
    wait_for(lambda: browser.current_url.endswith("/timeline/org/eurocities"))
    assert browser.find_element(By.ID, "title").text == "Timeline of EUROCITIES"
    row = browser.find_element(By.CSS_SELECTOR, 'tr[data-year="2009"]')
    assert [a.text for a in row.find_elements(By.CSS_SELECTOR, "td a")] == \
        ["Turin", "Bristol", "Tallinn"]
    bar = row.find_element(By.CSS_SELECTOR, ".bar")
    assert bar.size["width"] == 100  # the busiest year: three joins
    screenshot(browser, "timeline.png")
    browser.get(server.base + "/network")
    slider = browser.find_element(By.ID, "until-year")
    assert (slider.get_attribute("min"), slider.get_attribute("max")) == ("1984", "2023")
    # moving the slider to 2010 shows the network as of 2010, saying what it leaves out
    browser.execute_script("const s = arguments[0]; s.value = 2010;"
                           "s.dispatchEvent(new Event('input'));"
                           "s.dispatchEvent(new Event('change'));", slider)
    wait_for(lambda: "until=2010" in browser.current_url)
    note = browser.find_element(By.ID, "undated-note").text
    assert note.startswith("This date window leaves out 26 facts that have no date")
