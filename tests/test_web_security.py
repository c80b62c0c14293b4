"""citygraph serve on a shared machine: only its own hosts, writing forms only from its own
pages, security headers on every answer, escaped error pages."""

import http.client
import json
import urllib.parse

import pytest

from citygraph.importers.csv_ties import read_decisions
from web_server import form_session, review_server, ties_report

SPRINGFIELD = {"name": "Springfield", "country": "United States", "decision": "skip"}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return ties_report(tmp_path_factory.mktemp("security"))


@pytest.fixture(scope="module")
def server(files):
    folder, report, decisions = files
    server = review_server(folder, report, decisions, "--allowed-host", "graph.example.org",
                           "--allowed-host", "Proxy.Example:443")
    yield server
    server.stop()


def request(server, path, method="GET", headers=None, body=None):
    """(status, headers, body text) of one request with exactly these headers."""
    connection = http.client.HTTPConnection(server.base.removeprefix("http://"), timeout=60)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    if body is not None:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    answer = response.status, response.headers, response.read().decode(errors="replace")
    connection.close()
    return answer


def own_host(server):
    return server.base.removeprefix("http://")


def post_review(server, fields, host=None, origin=None, cookie=None):
    headers = {"Host": host or own_host(server),
               "Content-Type": "application/x-www-form-urlencoded"}
    if origin:
        headers["Origin"] = origin
    if cookie:
        headers["Cookie"] = cookie
    return request(server, "/review", "POST", headers, urllib.parse.urlencode(fields).encode())


@pytest.mark.parametrize("path", ["/", "/sparql?query=ASK%7B%7D", "/id/place/seoul",
                                  "/static/site.css"])
def test_a_foreign_host_is_refused_with_400(server, path):
    port = server.base.rsplit(":", 1)[1]
    status, headers, body = request(server, path, headers={"Host": f"evil.example:{port}"})
    assert status == 400
    assert body == (f"unknown host 'evil.example:{port}': this server answers only as "
                    "127.0.0.1, [::1], graph.example.org, localhost, proxy.example "
                    "(citygraph serve --allowed-host)\n")
    assert headers["X-Frame-Options"] == "DENY"
    # without any Host header too
    assert request(server, path, headers={})[0] == 400


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}",
                                  "[::1]:{port}", "graph.example.org", "proxy.example:443"])
def test_the_machine_s_own_names_and_allowed_hosts_are_served(server, host):
    port = server.base.rsplit(":", 1)[1]
    status, _, body = request(server, "/sparql?query=ASK%7B%7D", headers={
        "Host": host.format(port=port), "Accept": "application/sparql-results+json"})
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})


def test_dns_rebinding_cannot_write_a_decision(server, files):
    """The attack of the issue: Host and Origin both the attacker's, a form posted to /review."""
    decisions = files[2]
    before = decisions.read_bytes() if decisions.exists() else None
    cookie, token = form_session(server.base)
    status, _, _ = post_review(server, {**SPRINGFIELD, "csrf": token}, host="evil.example:80",
                               origin="http://evil.example:80", cookie=cookie)
    assert status == 400
    assert (decisions.read_bytes() if decisions.exists() else None) == before


def test_a_writing_form_needs_the_session_token_and_the_same_origin(server, files):
    decisions = files[2]
    before = decisions.read_bytes() if decisions.exists() else None
    cookie, token = form_session(server.base)
    other_cookie, other_token = form_session(server.base)
    assert cookie != other_cookie and token != other_token
    base = server.base
    refused = [
        post_review(server, SPRINGFIELD, origin=base, cookie=cookie),  # no token
        post_review(server, {**SPRINGFIELD, "csrf": token}, origin=base),  # no cookie
        post_review(server, {**SPRINGFIELD, "csrf": other_token}, origin=base, cookie=cookie),
        post_review(server, {**SPRINGFIELD, "csrf": token}, origin="http://evil.example",
                    cookie=cookie),
        post_review(server, {**SPRINGFIELD, "csrf": token}, origin="null", cookie=cookie),
    ]
    assert [status for status, _, _ in refused] == [403] * 5
    assert "reload the page" in refused[0][2]
    assert "the form comes from another site (http://evil.example)" in refused[3][2]
    assert (decisions.read_bytes() if decisions.exists() else None) == before
    # the page's own form: same origin, its cookie and token
    status, headers, _ = post_review(server, {**SPRINGFIELD, "csrf": token}, origin=base,
                                     cookie=cookie)
    assert (status, headers["Location"]) == (303, "/review")
    assert read_decisions(decisions)[("Springfield", "United States")] == "skip"


def test_the_session_cookie_is_http_only_and_same_site_strict(server):
    status, headers, html = request(server, "/review", headers={"Host": own_host(server)})
    assert status == 200
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("citygraph_session=")
    assert cookie.split(";", 1)[1].strip() == "Path=/; HttpOnly; SameSite=Strict"
    assert html.count('name="csrf" value="') > 2
    # a page without a writing form sets no cookie
    assert request(server, "/", headers={"Host": own_host(server)})[1]["Set-Cookie"] is None


@pytest.mark.parametrize("path,status", [("/", 200), ("/id/place/seoul", 200),
                                         ("/sparql?query=ASK%7B%7D", 200),
                                         ("/static/site.css", 200), ("/network", 200),
                                         ("/no/such/page", 404), ("/sparql?query=ASK", 400)])
def test_every_answer_carries_the_security_headers(server, path, status):
    got, headers, _ = request(server, path, headers={"Host": own_host(server)})
    assert got == status
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    policy = dict(part.split(" ", 1) for part in headers["Content-Security-Policy"].split("; "))
    assert policy["frame-ancestors"] == "'none'"
    assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["script-src"].startswith("'self'")


def test_an_inline_script_runs_only_with_the_page_s_nonce(server):
    _, headers, html = request(server, "/network", headers={"Host": own_host(server)})
    nonce = headers["Content-Security-Policy"].split("'nonce-", 1)[1].split("'", 1)[0]
    assert f'<script nonce="{nonce}">window.citygraphNetwork.start(' in html
    _, again, _ = request(server, "/network", headers={"Host": own_host(server)})
    assert nonce not in again["Content-Security-Policy"]


def test_a_404_page_is_an_escaped_html_page(server):
    path = "/no/%3Cscript%3Ealert(1)%3C/script%3E"
    status, headers, body = request(server, path, headers={"Host": own_host(server)})
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Error 404</h1>" in body
    assert "not found: /no/&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert" not in body


@pytest.mark.parametrize("name", ["*", "evil.example/x", "", "a b"])
def test_an_allowed_host_that_is_no_host_name_is_refused(name, tmp_path):
    from click.testing import CliRunner

    from citygraph.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path), "--allowed-host", name])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"citygraph: error: --allowed-host {name!r}: give a host name or address as a browser "
        "sends it (e.g. graph.example.org)")


def test_an_unexpected_error_is_a_one_line_page_with_the_security_headers():
    import asyncio

    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Route

    from citygraph.web.app import server_error
    from citygraph.web.guard import Guard, allowed_hosts

    async def broken(request):
        raise KeyError("secret detail")

    app = Starlette(routes=[Route("/broken", broken)], middleware=[
        Middleware(Guard, hosts=allowed_hosts(), on_error=server_error)])
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": "/broken", "raw_path": b"/broken", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"localhost:8000"), (b"accept", b"text/html")],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}
    with pytest.raises(KeyError):  # raised on after the answer, for the server's log
        asyncio.run(app(scope, receive, send))
    start, body = sent[0], b"".join(m.get("body", b"") for m in sent[1:]).decode()
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    assert start["status"] == 500
    assert "<h1>Error 500</h1>" in body and "internal error: KeyError" in body
    assert "secret detail" not in body and "Traceback" not in body
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
