"""The Starlette application: routes, settings, error pages."""

import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from citygraph.errors import CitygraphError
from citygraph.web.base import render, status_of
from citygraph.web.paths import STATIC, TEMPLATES  # noqa: F401  (TEMPLATES re-exported)
from citygraph.web.pool import QueryPool
from citygraph.web.protocol import FORMAT_MEDIA, READ_ONLY, refusal

__all__ = ["Settings", "create_app", "STATIC"]


#: the largest query text or form body the server reads
MAX_BODY = 1_000_000


@dataclass
class Settings:
    """What ``citygraph serve`` was started with."""

    store: Path
    timeout: float = 10.0
    max_rows: int = 100_000
    workers: int = 2
    network_timeout: float = 300.0
    decisions: Path | None = None
    report: Path | None = None
    sources: list = field(default_factory=list)
    sample: int | None = None


def _one_line(text):
    return " ".join(str(text).split())[:500]


def error_response(request, status, message):
    """An error as one line: plain text for the endpoint, an HTML page elsewhere."""
    message = _one_line(message)
    if request.url.path.startswith(("/sparql", "/reconcile")) or \
            "text/html" not in request.headers.get("accept", ""):
        return PlainTextResponse(message + "\n", status_code=status)
    return render(request, "error.html", {"status": status, "message": message},
                  status_code=status)


async def _read_query(request):
    """The query text and graph parameters of a SPARQL Protocol request."""
    params = request.query_params
    graphs = {"default": params.getlist("default-graph-uri"),
              "named": params.getlist("named-graph-uri")}
    if request.method == "GET":
        if "update" in params:
            return None, READ_ONLY, graphs
        return params.get("query"), None, graphs
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    length = int(request.headers.get("content-length") or 0)
    if length > MAX_BODY:
        return None, f"the request body is larger than {MAX_BODY} bytes", graphs
    body = await request.body()
    if len(body) > MAX_BODY:
        return None, f"the request body is larger than {MAX_BODY} bytes", graphs
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None, "the request body is not UTF-8", graphs
    if kind == "application/sparql-query":
        return text, None, graphs
    if kind == "application/sparql-update":
        return None, READ_ONLY, graphs
    if kind == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(text, keep_blank_values=True)
        if "update" in form:
            return None, READ_ONLY, graphs
        graphs["default"] += form.get("default-graph-uri", [])
        graphs["named"] += form.get("named-graph-uri", [])
        queries = form.get("query", [])
        if len(queries) > 1:
            return None, "give one query parameter, not several", graphs
        return (queries[0] if queries else None), None, graphs
    return None, (f"unsupported content type {kind or 'none'!r}; send "
                  "application/sparql-query or an HTML form with a query field"), graphs


async def sparql(request):
    """The SPARQL 1.1 Protocol query endpoint (GET and POST), read-only."""
    text, problem, graphs = await _read_query(request)
    if problem:
        return PlainTextResponse(problem + "\n", status_code=400)
    if text is None:
        if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
            from citygraph.web.views import editor

            return await editor(request)
        return PlainTextResponse("no query: give a query parameter\n", status_code=400)
    for iri in graphs["default"] + graphs["named"]:
        if iri.lower().startswith("file:"):
            return PlainTextResponse(f"file: IRIs are refused: <{iri}>\n", status_code=400)
    reason = refusal(text)
    if reason:
        return PlainTextResponse(reason + "\n", status_code=400)
    fmt = request.query_params.get("format")
    accept = FORMAT_MEDIA.get(fmt.lower(), fmt) if fmt else request.headers.get("accept", "*/*")
    settings = request.app.state.settings
    pool = request.app.state.pool
    from starlette.concurrency import run_in_threadpool

    try:
        media, body = await run_in_threadpool(
            pool.call, ("protocol", text, accept, graphs["default"], graphs["named"],
                        settings.max_rows))
    except CitygraphError as exc:
        return PlainTextResponse(_one_line(exc) + "\n", status_code=status_of(exc))
    return Response(body, media_type=media)


async def http_error(request, exc):
    messages = {404: "not found", 405: "method not allowed"}
    return error_response(request, exc.status_code,
                          exc.detail if exc.detail and exc.status_code != 404
                          else f"{messages.get(exc.status_code, 'error')}: {request.url.path}")


async def citygraph_error(request, exc):
    return error_response(request, status_of(exc), str(exc))


async def server_error(request, exc):
    return error_response(request, 500, f"internal error: {type(exc).__name__}")


def create_app(settings, pool=None):
    """The ASGI app over ``settings.store``; starts its query workers on startup."""
    from contextlib import asynccontextmanager

    from citygraph.web import views

    @asynccontextmanager
    async def lifespan(app):
        own = app.state.pool is None
        if own:
            app.state.pool = QueryPool(settings.store, workers=settings.workers,
                                       timeout=settings.timeout,
                                       max_rows=settings.max_rows).start()
        from citygraph.web.network_views import start_background

        start_background(app)
        try:
            yield
        finally:
            if own:
                app.state.pool.close()
                app.state.pool = None

    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"]),
        *views.routes(),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error, CitygraphError: citygraph_error,
                            Exception: server_error},
    )
    app.state.settings = settings
    app.state.pool = pool
    app.state.cache = {}
    return app
