"""What every page module shares: the escaped templates, the query target, the kept network,
and the check of a form that writes (:func:`writing_form`)."""

import hashlib
import hmac
import re
import secrets
import threading
import urllib.parse

import jinja2
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse

from citygraph.web import inline, pages
from citygraph.web.paths import TEMPLATES
from citygraph.web.pool import PoolTarget

__all__ = ["environment", "render", "target", "whole_graph_target",
           "adhoc_call", "adhoc_answer", "in_adhoc_thread",
           "AdhocTarget", "search_index", "status_of",
           "csrf_token", "csrf_field", "writing_form", "SESSION_COOKIE", "CSRF_FIELD"]

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
        _ENV.globals["csrf_field"] = csrf_field
    return _ENV


def render(request, name, context, status_code=200):
    """A page from a template, escaped.

    The template gets ``request``, ``store_version`` (the store version the page comes
    from, for the footer) and ``csp_nonce``: an inline ``<script nonce="{{ csp_nonce }}">``
    runs, any other inline script is refused by the page's Content-Security-Policy (see
    :mod:`citygraph.web.guard`).
    """
    nonce = request.scope.setdefault("citygraph.nonce", secrets.token_urlsafe(16))
    version = getattr(request.app.state, "version", None)
    html = environment().get_template(name).render(request=request, csp_nonce=nonce,
                                                   store_version=version, **context)
    return HTMLResponse(html, status_code=status_code)


# --- forms that write: same origin and a per-session token ----------------------------

#: the cookie naming the browser session, and the form field carrying its token
SESSION_COOKIE = "citygraph_session"
CSRF_FIELD = "csrf"


def _session(request):
    value = request.cookies.get(SESSION_COOKIE, "")
    if re.fullmatch(r"[A-Za-z0-9_-]{32}", value):
        return value
    # a new session: the Guard middleware sends it as a cookie with the response
    return request.scope.setdefault("citygraph.session", secrets.token_urlsafe(24))


def _token(request, session):
    return hmac.new(request.app.state.secret, session.encode(), hashlib.sha256).hexdigest()


def csrf_token(request):
    """The token a form that writes carries: tied to the browser's session and this server."""
    return _token(request, _session(request))


def csrf_field(request):
    """The hidden field with :func:`csrf_token`; in a template ``{{ csrf_field(request) }}``."""
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD,
                                                                       csrf_token(request))


def _foreign(request):
    """Why the request does not come from this server's own page, or None."""
    headers = request.headers
    if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return "the form comes from another site"
    origin = headers.get("origin")
    if origin is None and headers.get("referer"):
        origin = headers["referer"]
    if origin is None:
        return None  # an old browser or a script: the token decides
    netloc = urllib.parse.urlsplit(origin).netloc.lower()
    if netloc != headers.get("host", "").lower():
        return f"the form comes from another site ({origin[:100]})"
    return None


async def writing_form(request, limit=10_000):
    """The fields of a POSTed form that writes, once it is known to come from this server.

    Refused with 403: a form posted from another site (Origin, Referer,
    Sec-Fetch-Site) or without the session's :func:`csrf_token` (a page
    rendered with ``{{ csrf_field(request) }}`` carries it). Returns
    ``{name: [values]}``.
    """
    from citygraph.errors import UsageError

    problem = _foreign(request)
    if problem:
        raise HTTPException(403, problem)
    body = await request.body()
    if len(body) > limit:
        raise UsageError("the form is too large")
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    session = request.cookies.get(SESSION_COOKIE, "")
    given = (form.pop(CSRF_FIELD, None) or [""])[0]
    if not session or not hmac.compare_digest(given, _token(request, session)):
        raise HTTPException(403, "the form has no valid session token (it is older than the "
                                 "server, or from another site): reload the page and try again")
    return form


def target(request, timeout=None):
    """A query target running in the page workers of the request's store version, with its
    limits. (``request.app.state.pool`` and ``.cache`` are that version's too.)"""
    return PoolTarget(request.app.state.pool, timeout=timeout)


def whole_graph_target(request):
    """A target in the same page workers for reads of the whole graph (the search and
    reconciliation indexes, the timeline's counts): the network's time limit, no row limit
    to speak of."""
    return PoolTarget(request.app.state.pool, max_rows=10_000_000,
                      timeout=request.app.state.settings.network_timeout)


def adhoc_call(request, message, timeout=None):
    """Run an ad-hoc query (the endpoint's, the editor's) in the version's query workers,
    within the client's limit (:mod:`citygraph.web.clients`); blocking."""
    client = request.client.host if request.client else ""
    with request.app.state.clients.slot(client):
        return request.app.state.version.queries.call(message, timeout)


async def adhoc_answer(request, message, timeout=None):
    """:func:`adhoc_call` without a thread when it need not wait: the client has no query
    running and a worker is idle (the usual case of a short query); the time limit and the
    client's limit hold as there. Otherwise it waits in :func:`in_adhoc_thread`. A simple
    query of the endpoint is answered in this process, in the client's turn as well
    (:mod:`citygraph.web.inline`)."""
    client = request.client.host if request.client else ""
    give_back = request.app.state.clients.free_turn(client)
    if give_back is not None:
        try:
            version = request.app.state.version
            if message[0] == "protocol":
                answer = inline.answer(version.store, message)
                if answer is not None:
                    return answer
            pool = version.queries
            worker = pool.take_idle()
            if worker is not None:
                return await pool.call_on(worker, message, timeout)
        finally:
            give_back()
    return await in_adhoc_thread(adhoc_call, request, message, timeout)


#: the threads that wait for ad-hoc queries: apart from the ones the pages use
_ADHOC_THREADS = None


async def in_adhoc_thread(function, *args):
    """Run ``function(*args)`` (which runs ad-hoc queries) in a thread of their own, so that
    however many wait, the pages' threads stay free."""
    global _ADHOC_THREADS
    import anyio.to_thread

    if _ADHOC_THREADS is None:
        _ADHOC_THREADS = anyio.CapacityLimiter(100)
    return await anyio.to_thread.run_sync(function, *args, limiter=_ADHOC_THREADS)


class AdhocTarget(PoolTarget):
    """A :class:`PoolTarget` for a user's own query text: run as :func:`adhoc_call` runs it."""

    def __init__(self, request):
        super().__init__(request.app.state.version.queries)
        self.request = request

    def _call(self, message):
        return adhoc_call(self.request, message, self.timeout)


def search_index(request):
    cache = request.app.state.cache
    with cache.setdefault("names-lock", threading.Lock()):
        if "names" not in cache:
            cache["names"] = pages.search_index(whole_graph_target(request))
        return cache["names"]


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
