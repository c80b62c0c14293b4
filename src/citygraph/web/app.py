"""The Starlette application: routes, settings, error pages."""

from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from citygraph.errors import CitygraphError
from citygraph.web.base import render, status_of
from citygraph.web.paths import STATIC, TEMPLATES  # noqa: F401  (TEMPLATES re-exported)
from citygraph.web.pool import QueryPool
from citygraph.web.service import ReadOnlyCors

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

    from citygraph.web import endpoint, linked_data, timeline_views, views

    @asynccontextmanager
    async def lifespan(app):
        own = app.state.pool is None
        if own:
            app.state.pool = QueryPool(settings.store, workers=settings.workers,
                                       timeout=settings.timeout,
                                       max_rows=settings.max_rows).start()
        try:
            yield
        finally:
            if own:
                app.state.pool.close()
                app.state.pool = None

    routes = [
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        *linked_data.routes(),
        *views.routes(),
        *timeline_views.routes(),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error, CitygraphError: citygraph_error,
                            Exception: server_error},
    )
    app.add_middleware(ReadOnlyCors)
    app.state.settings = settings
    app.state.pool = pool
    app.state.cache = {}
    return app
