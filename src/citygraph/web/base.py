"""What every page module shares: the escaped templates, the query target, the kept network."""

import threading

import jinja2
from starlette.responses import HTMLResponse

from citygraph.web import pages
from citygraph.web.paths import TEMPLATES
from citygraph.web.pool import PoolTarget

__all__ = ["environment", "render", "target", "search_index", "network_data", "status_of"]

_ENV = None


def environment():
    """The Jinja2 environment: every value escaped (autoescape on for every template)."""
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                                  autoescape=True, undefined=jinja2.StrictUndefined)
        from citygraph.web import present

        _ENV.filters.update(present.FILTERS)
        _ENV.globals.update(present.GLOBALS)
    return _ENV


def render(request, name, context, status_code=200):
    """A page from a template, escaped."""
    html = environment().get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def target(request, timeout=None):
    """A query target running in the server's worker pool, with its limits."""
    return PoolTarget(request.app.state.pool, timeout=timeout)


_LOCK = threading.Lock()


def search_index(request):
    cache = request.app.state.cache
    with _LOCK:
        if "names" not in cache:
            big = PoolTarget(request.app.state.pool, max_rows=10_000_000,
                             timeout=request.app.state.settings.network_timeout)
            cache["names"] = pages.search_index(big)
        return cache["names"]


def network_data(request, layers="all", since=None, until=None):
    """The projected network with its measures, computed once per choice and kept."""
    settings = request.app.state.settings
    key = ("network", layers, since or "", until or "")
    cache = request.app.state.cache
    lock = cache.setdefault(("lock",) + key, threading.Lock())
    with lock:
        if key not in cache:
            cache[key] = request.app.state.pool.call(
                ("network", {"layers": layers, "since": since, "until": until,
                             "sample": settings.sample}), settings.network_timeout)
        return cache[key]


def status_of(exc):
    """The HTTP status for a citygraph error raised while answering: its class's ``status``.

    >>> from citygraph.errors import EndpointError, ParameterError, ValidationFailed
    >>> from citygraph.web.pool import QueryTimeout, WorkerFailed
    >>> status_of(QueryTimeout(10)), status_of(ParameterError("x")), status_of(WorkerFailed())
    (503, 400, 503)
    >>> status_of(ValidationFailed("x")), status_of(EndpointError("x"))
    (422, 502)
    """
    return getattr(exc, "status", 500)
