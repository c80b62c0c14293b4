"""The Starlette application: routes, settings, error pages."""

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from citygraph.errors import CitygraphError
from citygraph.web.base import render, status_of
from citygraph.web.clients import ClientLimit
from citygraph.web.guard import Guard, allowed_hosts
from citygraph.web.paths import STATIC, TEMPLATES  # noqa: F401  (TEMPLATES re-exported)
from citygraph.web.service import ReadOnlyCors
from citygraph.web.versions import Follower, Pin

__all__ = ["Settings", "create_app", "STATIC"]


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
    query_workers: int = 6
    client_queries: int = 2
    host: str = "127.0.0.1"
    allowed_hosts: list = field(default_factory=list)
    curate: bool = False


def _one_line(text):
    return " ".join(str(text).split())[:500]


def error_response(request, status, message):
    """An error as one line: plain text for the endpoint and the services, an HTML page
    (escaped) elsewhere."""
    message = _one_line(message)
    if request.url.path.startswith(("/sparql", "/reconcile")):
        return PlainTextResponse(message + "\n", status_code=status)
    return render(request, "error.html", {"status": status, "message": message},
                  status_code=status)


def retry_after(exc):
    """The Retry-After header of a refusal that says when to come back."""
    seconds = getattr(exc, "retry_after", None)
    return {"Retry-After": str(seconds)} if seconds else None


async def http_error(request, exc):
    messages = {404: "not found", 405: "method not allowed"}
    return error_response(request, exc.status_code,
                          exc.detail if exc.detail and exc.status_code != 404
                          else f"{messages.get(exc.status_code, 'error')}: {request.url.path}")


async def citygraph_error(request, exc):
    response = error_response(request, status_of(exc), str(exc))
    response.headers.update(retry_after(exc) or {})
    return response


async def server_error(request, exc):
    return error_response(request, 500, f"internal error: {type(exc).__name__}")


def _curate_routes():
    from citygraph.web.curate_views import routes

    return routes()


class _App(Starlette):
    """The Starlette app, with ``/sparql`` (GET and POST) answered straight through the same
    guard, CORS and version pin as every route, without the router and Starlette's exception
    layers: a small query's answer costs the web process about a third less."""

    def __init__(self, *args, hosts, **kwargs):
        from citygraph.web.endpoint import sparql

        super().__init__(*args, **kwargs)

        async def endpoint(scope, receive, send):
            scope["router"], scope["endpoint"], scope["path_params"] = self.router, sparql, {}
            request = Request(scope, receive)
            try:
                response = await sparql(request)
            except HTTPException as exc:
                response = await http_error(request, exc)
            except CitygraphError as exc:
                response = await citygraph_error(request, exc)
            await response(scope, receive, send)

        # the same layers, in the same order, as the stack create_app gives the other routes
        self._sparql = ReadOnlyCors(Guard(Pin(endpoint), hosts=hosts, on_error=server_error))
        self._hosts = frozenset(hosts)
        from citygraph.web.quick import respond

        self._respond = respond

    async def __call__(self, scope, receive, send):
        if (scope["type"] == "http" and scope["path"] == "/sparql"
                and scope["method"] in ("GET", "POST")):
            scope["app"] = self
            if scope["method"] == "GET" and await self._respond(self, scope, send, self._hosts):
                return
            await self._sparql(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(settings):
    """The ASGI app over ``settings.store``; on startup it opens the store's live version
    and follows its switches (:mod:`citygraph.web.versions`)."""
    from contextlib import asynccontextmanager

    from citygraph.web import endpoint, linked_data, timeline_views, views

    @asynccontextmanager
    async def lifespan(app):
        from citygraph.web.network_views import start_background
        from citygraph.web.versions import pinned

        # each version, once it serves, measures and lays out its network and reads its
        # names in the background, so the first pages need not wait for them
        app.state.follower = Follower(
            settings, on_version=lambda version: start_background(pinned(app, version))).start()
        try:
            yield
        finally:
            app.state.follower.close()
            app.state.follower = None

    routes = [
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        *linked_data.routes(),
        *views.routes(),
        *timeline_views.routes(),
        *(_curate_routes() if settings.curate else []),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    hosts = allowed_hosts(settings.host, settings.allowed_hosts)
    app = _App(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error, CitygraphError: citygraph_error},
        middleware=[Middleware(Guard, hosts=hosts, on_error=server_error), Middleware(Pin)],
        hosts=hosts,
    )
    app.add_middleware(ReadOnlyCors)
    app.state.settings = settings
    app.state.secret = secrets.token_bytes(32)
    app.state.clients = ClientLimit(settings.client_queries, settings.timeout)
    app.state.follower = None
    return app
