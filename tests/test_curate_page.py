"""citygraph serve --curate: the source text with its names marked beside the drafted rows;
accept (as edited) or reject a row, compile, and forms from elsewhere refused."""

import csv
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import ROOT
from test_sheets import _project, run
from web_server import WebServer, form_session, free_port


@pytest.fixture
def curate(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    assert run("sheets", "draft", "000").exit_code == 0
    assert run("build").exit_code == 0
    port = free_port()
    log = tmp_path / "serve.log"
    handle = open(log, "wb")  # noqa: SIM115 - closed by WebServer.stop
    process = subprocess.Popen(
        [sys.executable, "-c", "from citygraph.cli import main; main()", "serve", "--curate",
         "--port", str(port)], stdout=handle, stderr=subprocess.STDOUT, cwd=str(project),
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    server = WebServer(f"http://127.0.0.1:{port}", process, log, handle)
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{server.base}/curate", timeout=2):
                break
        except (urllib.error.URLError, OSError):
            if process.poll() is not None or time.monotonic() > deadline:
                server.stop()
                pytest.fail(log.read_text(errors="replace")[-800:])
            time.sleep(0.2)
    yield server, project
    server.stop()


def _post(server, path, fields, origin=True, cookie=None, fetch_site=None):
    request = urllib.request.Request(server.base + path, method="POST",
                                     data=urllib.parse.urlencode(fields).encode())
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    if cookie:
        request.add_header("Cookie", cookie)
    if fetch_site:
        request.add_header("Sec-Fetch-Site", fetch_site)
    if origin is True:
        request.add_header("Origin", server.base)
    elif origin:
        request.add_header("Origin", origin)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers.get("location")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("location")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _page(server):
    with urllib.request.urlopen(server.base + "/curate/000", timeout=60) as response:
        return response.read().decode()


def test_the_page_marks_the_names_and_lists_the_drafted_rows(curate):
    server, _ = curate
    html = _page(server)
    marks = re.findall(r'<mark class="([a-z ]+)" title="([^"]*)">([^<]+)</mark>', html)
    assert [(cls, text) for cls, _, text in marks] == [
        ("place", "Seoul"), ("place", "Colombo"), ("place", "Seoul"), ("place", "Colombo")]
    assert marks[0][1] == "name of the graph · https://w3id.org/citygraph/id/place/seoul"
    rows = re.findall(r'<tr id="(agreements-\d+)">', html)
    assert rows == ["agreements-2"]
    # the page's policy refuses inline handlers and scripts without its nonce: it has none
    with urllib.request.urlopen(server.base + "/curate/000", timeout=60) as response:
        policy = response.headers["Content-Security-Policy"]
        html = response.read().decode()
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert "script-src 'self' 'nonce-" in policy
    assert re.findall(r"\son[a-z]+\s*=", html) == []
    assert all(f'nonce="{nonce}"' in tag or "src=" in tag
               for tag in re.findall(r"<script[^>]*>", html))
    # the other server pages do not have it without --curate: see test_web_pages


def test_accept_an_edited_row_reject_one_and_compile(curate):
    server, project = curate
    # the page's forms carry the server's writing-form token of the browser's session
    cookie, token = form_session(server.base, "/curate/000")
    _, other_token = form_session(server.base, "/curate/000")
    form = {"csrf": token, "sheet": "agreements", "row": "2", "action": "accept",
            "cell-label": "MOU between Seoul and Colombo", "cell-signatories": ""}
    # another site's page, a form without the token, with another session's, or without
    # the session's cookie, are refused
    refused = [
        _post(server, "/curate/000/row", form, origin="http://evil.example", cookie=cookie),
        _post(server, "/curate/000/row", form, cookie=cookie, fetch_site="cross-site"),
        _post(server, "/curate/000/row", {k: v for k, v in form.items() if k != "csrf"},
              cookie=cookie),
        _post(server, "/curate/000/row", {**form, "csrf": other_token}, cookie=cookie),
        _post(server, "/curate/000/row", {**form, "csrf": "x"}, cookie=cookie),
        _post(server, "/curate/000/row", form),
        _post(server, "/curate/000/compile", {"csrf": other_token}, cookie=cookie),
    ]
    assert [status for status, _ in refused] == [403] * 7
    assert not (project / "sheets" / "000" / "agreements.csv").exists()
    assert _post(server, "/curate/000/row", form, cookie=cookie) == (
        303, "/curate/000#agreements")
    with (project / "sheets" / "000" / "agreements.csv").open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["label"], row["parties"], row["signatories"], row["date"]) == (
        "MOU between Seoul and Colombo", "place:seoul | place:colombo", "", "2016-06-08")
    assert _post(server, "/curate/000/row", {**form, "sheet": "people", "action": "reject"},
                 cookie=cookie) == (303, "/curate/000#people")
    assert _post(server, "/curate/000/compile", {"csrf": token}, cookie=cookie) == (
        303, "/curate/000#compiled")
    html = _page(server)
    assert 'id="agreements-2"' not in html
    assert "Compiled: 10 triples in 000_seoul-and-colombo-sign-an-mou.ttl" in html
    assert "Validation: conforms." in html
    assert "agreement:000-mou-seoul-colombo a cg:Agreement" in html


def test_the_curation_page_is_served_only_when_asked_for(tmp_path):
    from citygraph.web import Settings, create_app

    def paths(**kw):
        return {getattr(r, "path", "") for r in create_app(Settings(store=tmp_path, **kw)).routes}

    assert "/curate" not in paths() and not any(p.startswith("/curate") for p in paths())
    assert {"/curate", "/curate/{number}", "/curate/{number}/row",
            "/curate/{number}/compile"} <= paths(curate=True)


def test_in_a_browser_an_edited_row_is_accepted_and_compiled(curate):
    """Headless Chromium: edit a drafted row's cell on the page, accept it, compile."""
    from test_web_browser import _chromium

    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    import shutil

    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    binary, driver = _chromium(), shutil.which("chromedriver")
    if binary is None or driver is None:
        pytest.skip("Chromium or chromedriver is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    try:
        browser = webdriver.Chrome(options=options, service=Service(driver))
    except Exception as exc:  # noqa: BLE001 - any start failure is a reason to skip
        pytest.skip(f"Chromium did not start: {' '.join(str(exc).split())[:200]}")
    server, project = curate
    try:
        browser.get(server.base + "/curate/000")
        marks = browser.find_elements(By.CSS_SELECTOR, "#text mark.place")
        assert [m.text for m in marks] == ["Seoul", "Colombo", "Seoul", "Colombo"]
        label = browser.find_element(By.CSS_SELECTOR, '#agreements-2 input[name="cell-label"]')
        # the draft labels the unnamed MOU; the curator rewrites the label
        assert label.get_attribute("value") == "MOU between Seoul and Colombo"
        label.clear()
        label.send_keys("MOU of Seoul and Colombo on public administration")
        browser.find_element(By.CSS_SELECTOR,
                             '#agreements-2 input[name="cell-signatories"]').clear()
        browser.find_element(By.CSS_SELECTOR,
                             '#agreements-2 button[value="accept"]').click()
        WebDriverWait(browser, 60).until(lambda b: not b.find_elements(By.ID, "agreements-2"))
        browser.find_element(By.ID, "compile").click()
        WebDriverWait(browser, 120).until(
            lambda b: b.find_elements(By.CSS_SELECTOR, "#compiled h2"))
        assert browser.find_element(By.CSS_SELECTOR, "#compiled h2").text == (
            "Compiled: 10 triples in 000_seoul-and-colombo-sign-an-mou.ttl")
        assert browser.find_element(By.CSS_SELECTOR, "#compiled .conforms").text == \
            "Validation: conforms."
    finally:
        browser.quit()
    with (project / "sheets" / "000" / "agreements.csv").open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["label"], row["signatories"]) == (
        "MOU of Seoul and Colombo on public administration", "")
