"""citygraph serve in a real browser: headless Chromium (Debian's chromium and
chromium-driver) driven by Selenium. Skipped, with the reason, where either is missing.

Screenshots of the place page and the network view are written to build/screenshots/
(or $CITYGRAPH_SCREENSHOTS), kept by CI as artefacts; the README shows copies.
"""

import json
import os
import shutil
import time

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.fileio import write_atomic
from conftest import FIXTURES, ROOT
from web_server import build_store, seed_with_hostile_labels, start_server

COLOMBO_QUOTE = ("On Wednesday, June 8th, Seoul Mayor Won-soon Park and Colombo Mayor "
                 "A.J.M Muzammil signed an MOU for the cooperating cities.")
SCREENSHOTS = os.environ.get("CITYGRAPH_SCREENSHOTS") or str(ROOT / "build" / "screenshots")


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver",
                                    reason="selenium is not installed (pip install selenium)")
    from selenium.webdriver.chrome.service import Service

    binary, driver = _chromium(), shutil.which("chromedriver")
    if binary is None or driver is None:
        pytest.skip("Chromium or chromedriver is not installed "
                    "(apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--enable-unsafe-swiftshader",
                     "--use-angle=swiftshader", "--disable-gpu-sandbox"):
        options.add_argument(argument)
    try:
        session = webdriver.Chrome(options=options, service=Service(driver))
    except Exception as exc:  # noqa: BLE001 - any start failure is a reason to skip
        pytest.skip(f"Chromium did not start: {' '.join(str(exc).split())[:200]}")
    session.set_page_load_timeout(60)
    yield session
    session.quit()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    # the frozen seed alone: the README's screenshots are taken on it
    return build_store(tmp_path_factory.mktemp("browser") / "store", FIXTURES / "seed")


@pytest.fixture(scope="module")
def server(store, tmp_path_factory, browser):
    server = start_server(store, tmp_path_factory.mktemp("serve"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, browser):
    folder = tmp_path_factory.mktemp("hostile")
    server = start_server(build_store(folder / "store", seed_with_hostile_labels(folder)), folder)
    yield server
    server.stop()


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting in the browser")


def screenshot(browser, name):
    write_atomic(browser.get_screenshot_as_png(), os.path.join(SCREENSHOTS, name), mkdir=True)


def test_search_seoul_open_its_page_and_see_the_colombo_mou_with_its_quote(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server.base + "/")
    box = browser.find_element(By.CSS_SELECTOR, "form.big-search input[name=q]")
    box.send_keys("Seoul")
    box.submit()
    wait_for(lambda: "/search" in browser.current_url)
    link = browser.find_element(By.CSS_SELECTOR, "ol.hits li a")
    assert link.text == "Seoul"
    link.click()
    wait_for(lambda: browser.current_url.endswith("/id/place/seoul"))
    assert browser.find_element(By.ID, "title").text == "Seoul"
    row = browser.find_element(By.ID, "agreement:002-mou-seoul-colombo")
    cells = row.find_elements(By.TAG_NAME, "td")
    assert cells[0].text == "MOU between Seoul and Colombo"
    assert cells[1].text == "2016-06-08"
    assert "Colombo" in cells[2].text
    assert row.find_element(By.CSS_SELECTOR, "blockquote.evidence").text == COLOMBO_QUOTE
    browser.set_window_size(1400, 2400)
    browser.execute_script("arguments[0].scrollIntoView({block: 'end'})", row)
    screenshot(browser, "place-seoul.png")
    browser.set_window_size(1400, 1000)


def test_the_network_view_holds_the_exports_nodes_and_edges(browser, server, store, tmp_path):
    from selenium.webdriver.common.by import By

    out = tmp_path / "network.json"
    result = CliRunner().invoke(cli, ["export", "--format", "json", "--store", str(store),
                                      "--output", str(out)])
    assert result.exit_code == 0, result.output
    exported = json.loads(out.read_text())
    browser.get(server.base + "/network")
    counts = wait_for(lambda: browser.execute_script(
        "return window.citygraphGraph ? [window.citygraphGraph.order, window.citygraphGraph.size]"
        " : null"))
    assert counts == [len(exported["nodes"]), len(exported["edges"])]
    # a click on an edge lists its facts and sources
    browser.execute_script(
        "const g = window.citygraphGraph;"
        "window.citygraphRenderer.emit('clickEdge', {edge: g.edge('place:colombo', "
        "'place:seoul')});")
    panel = browser.find_element(By.ID, "edge-panel")
    wait_for(lambda: "agreement:002-mou-seoul-colombo" in panel.text)
    assert "doc:002" in panel.text
    wait_for(lambda: browser.find_element(By.ID, "network-status").get_attribute("data-layout"),
             seconds=20)
    screenshot(browser, "network.png")
    # a click on a place opens its page
    browser.execute_script("window.citygraphRenderer.emit('clickNode', {node: 'place:seoul'})")
    wait_for(lambda: browser.current_url.endswith("/id/place/seoul"))


def test_a_catalog_query_runs_from_its_form(browser, server, store):
    from selenium.webdriver.common.by import By

    from citygraph.api import query
    from citygraph.querying.sparql import connect

    expected = query("network-members", connect(store), plain=True, network="cgorg:anmc21")

    browser.get(server.base + "/queries/network-members")
    field = browser.find_element(By.NAME, "network")
    field.clear()
    field.send_keys("cgorg:anmc21")
    browser.find_element(By.ID, "run").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "table.results tbody tr"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.results tbody tr")
    labels = [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows]
    assert labels == [r["member_label"] or "" for r in expected]
    assert "Bangkok" in labels and len(labels) > 10
    count = browser.find_element(By.CSS_SELECTOR, "p.count").text
    assert count == f"{len(rows)} rows"


def test_hostile_labels_render_as_text(browser, hostile_server):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    browser.get(hostile_server.base + "/id/place/xss-town")
    assert browser.find_element(By.ID, "title").text == "<script>alert(1)</script>"
    names = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "ul.names li")]
    assert '" onmouseover="alert(2) (skos:altLabel)' in names
    quote = browser.find_element(By.CSS_SELECTOR, "blockquote.evidence").text
    assert quote == "<img src=x onerror=alert(3)>"
    for element in browser.find_elements(By.CSS_SELECTOR, "ul.names li"):
        element.click()
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - raises when no alert ran
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    browser.get(hostile_server.base + "/search?q=script")
    assert browser.find_element(By.CSS_SELECTOR, "ol.hits li a").text == \
        "<script>alert(1)</script>"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
