"""citygraph serve in a real browser: headless Chromium (Debian's chromium and
chromium-driver) driven by Selenium. Skipped, with the reason, where either is missing.

Screenshots of the place page and the network view are written to build/screenshots/
(or $CITYGRAPH_SCREENSHOTS), kept by CI as artefacts; the README shows copies.
"""

import itertools
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
    wait_for_network(server)
    yield server
    server.stop()


def wait_for_network(server, seconds=120):
    """Wait until the network the server measures and lays out in the background is ready."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{server.base}/network.json", timeout=60):
                return
        except urllib.error.HTTPError as exc:
            if exc.code != 503 or time.monotonic() > deadline:
                raise
        time.sleep(0.3)


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
    assert cells[0].find_element(By.TAG_NAME, "a").text == "MOU between Seoul and Colombo"
    assert cells[1].text == "8 June 2016"
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
    # the 20 places of highest degree are named at the first zoom, whatever their size on
    # screen, each name where it covers no other name of them
    drawn = wait_for(lambda: browser.execute_script(
        "return window.citygraphNames && window.citygraphNames.length ? window.citygraphNames"
        " : null"))
    assert {"Seoul", "Changchun", "Chongqing", "Chengdu", "Guangzhou", "Haikou", "Kunming",
            "Liuzhou", "Longyan", "Shantou", "Tianjin", "Weinan", "Wuhan", "Yantai", "Zhengzhou",
            "Bangkok", "Delhi", "Hanoi", "Jakarta", "Kuala Lumpur"} <= {d["label"] for d in drawn}
    assert drawn[0]["label"] == "Seoul"  # the largest place is named first
    boxes = [(d["x"], d["y"], d["x"] + d["w"], d["y"] + d["h"]) for d in drawn]
    assert not [(a, b) for a, b in itertools.combinations(boxes, 2)
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
    # a click on an edge lists its facts and sources
    browser.execute_script(
        "const g = window.citygraphGraph;"
        "window.citygraphRenderer.emit('clickEdge', {edge: g.edge('place:colombo', "
        "'place:seoul')});")
    panel = browser.find_element(By.ID, "edge-panel")
    wait_for(lambda: "agreement:002-mou-seoul-colombo" in panel.text)
    assert "doc:002" in panel.text
    # the facts behind it, by name, with their evidence
    wait_for(lambda: panel.find_elements(By.CSS_SELECTOR, "table.edge-facts-table"))
    facts = [r.find_elements(By.TAG_NAME, "td")[0].text for r in
             panel.find_elements(By.CSS_SELECTOR, "table.edge-facts-table tr")[1:]]
    assert "MOU between Seoul and Colombo" in facts
    assert COLOMBO_QUOTE in panel.text
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
    # the field offers names as they are typed; choosing one puts its name in the field
    field.send_keys("anmc")
    choice = wait_for(lambda: [li for li in browser.find_elements(By.CSS_SELECTOR,
                                                                   "ul.complete li")
                               if li.get_attribute("data-value") == "ANMC21"])
    assert choice[0].text.startswith("ANMC21 organization")
    screenshot(browser, "autocomplete.png")
    choice[0].click()
    assert field.get_attribute("value") == "ANMC21"
    browser.find_element(By.ID, "run").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "table.results tbody tr"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.results tbody tr")
    # each member by its name (the table shows the member's label in its own column)
    labels = [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows]
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
    assert '" onmouseover="alert(2) (alternative label)' in names
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


def test_the_path_page_takes_names_from_the_autocomplete(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server.base + "/path")
    for field, typed, name in (("path-from", "Colom", "Colombo"), ("path-to", "Toms", "Tomsk")):
        box = browser.find_element(By.ID, field)
        box.send_keys(typed)
        wait_for(lambda b=box, n=name: [li for li in b.find_elements(By.XPATH, "../ul/li")
                                        if li.get_attribute("data-value") == n])[0].click()
        assert box.get_attribute("value") == name
    browser.find_element(By.ID, "path-go").click()
    summary = wait_for(lambda: browser.find_elements(By.ID, "path-summary"))[0]
    assert summary.text == "2 steps: Colombo → Seoul → Tomsk"
    steps = browser.find_elements(By.CSS_SELECTOR, "li.step")
    assert "MOU between Seoul and Colombo" in steps[0].text and COLOMBO_QUOTE in steps[0].text
    screenshot(browser, "path.png")


def test_a_places_ego_network_from_its_page(browser, server):
    import urllib.request

    from selenium.webdriver.common.by import By

    browser.get(server.base + "/id/place/colombo")
    browser.find_element(By.LINK_TEXT, "its network, 1–2 steps").click()
    wait_for(lambda: "/network/ego" in browser.current_url)
    order = wait_for(lambda: browser.execute_script(
        "return window.citygraphGraph ? window.citygraphGraph.order : null"))
    data = json.loads(urllib.request.urlopen(
        server.base + "/network.json?place=place%3Acolombo&steps=1", timeout=60).read())
    assert order == len(data["graph"]["nodes"]) and order > 3
    assert browser.execute_script(
        "return window.citygraphGraph.getNodeAttribute('place:colombo', 'highlighted')")
    assert browser.find_element(By.TAG_NAME, "h1").text == "The network around Colombo"
    screenshot(browser, "ego-colombo.png")


def test_the_map_zooms_in_and_splits_its_clusters(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server.base + "/map")
    markers = browser.find_element(By.ID, "markers")
    wait_for(lambda: markers.get_attribute("data-clusters") is not None)

    def largest():
        counts = [int(g.get_attribute("data-count"))
                  for g in browser.find_elements(By.CSS_SELECTOR, "#markers g.cluster")]
        return max(counts or [1])

    before = largest()
    assert before > 1 and not browser.find_elements(By.CSS_SELECTOR, "#labels text")
    screenshot(browser, "map-world.png")
    # a click on the largest cluster zooms in on it: it opens into smaller ones and places
    cluster = max(browser.find_elements(By.CSS_SELECTOR, "#markers g.cluster"),
                  key=lambda g: int(g.get_attribute("data-count")))
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click'))", cluster)
    assert float(browser.find_element(By.ID, "map-zoom").get_attribute("data-zoom")) == 3.0
    assert largest() < before
    # closer, on Korea: single places with their names
    browser.execute_script("window.citygraphMap.zoomAt(307, 53, 8 / 3)")
    assert float(browser.find_element(By.ID, "map-zoom").get_attribute("data-zoom")) == 8.0
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#labels text")]
    assert "Seoul" in labels
    assert browser.find_elements(By.CSS_SELECTOR, '#markers circle[data-place="place:seoul"]')
    screenshot(browser, "map-zoomed.png")
    browser.find_element(By.ID, "zoom-out").click()
    assert float(browser.find_element(By.ID, "map-zoom").get_attribute("data-zoom")) == 4.0
