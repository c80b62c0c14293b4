"""The short way of a simple GET of ``/sparql``: straight to the answer the web process
gives itself (:mod:`citygraph.web.inline`), without Starlette's request and response
objects and the middleware layers, which cost the web process more than such a query.

The answer is the same as on the usual way (:func:`citygraph.web.endpoint.sparql`
through the guard, the version pin and CORS): body, status and headers. Whatever else
(an unknown host, a client with a query running or past its limit, an error) takes the
usual way, which says it.
"""

import functools

from citygraph.errors import CitygraphError
from citygraph.web import inline
from citygraph.web.endpoint import read_get
from citygraph.web.guard import RAW_SECURITY_HEADERS, host_name
from citygraph.web.protocol import with_hint
from citygraph.web.service import scope_url
from citygraph.web.versions import VERSION_HEADER

_VERSION_RAW = VERSION_HEADER.lower().encode("latin-1")

__all__ = ["respond", "respond_headers"]


@functools.lru_cache(maxsize=64)
def _known(host, hosts):
    """Whether the Host header ``host`` (bytes) names one of ``hosts`` (what the guard
    checks, kept for the few hosts a server is asked as)."""
    return host_name(host.decode("latin-1")) in hosts


def respond_headers(media, length, version):
    """The raw headers of an answer :func:`respond` gives: those the guard, the version pin
    and CORS add to every answer of ``/sparql`` (see :mod:`citygraph.web.guard`,
    :mod:`citygraph.web.versions`, :mod:`citygraph.web.service`)."""
    if media.startswith("text/") and "charset=" not in media:
        media += "; charset=utf-8"
    return [(b"content-length", str(length).encode()), (b"content-type", media.encode()),
            (_VERSION_RAW, (version.state or "").encode("latin-1")), *RAW_SECURITY_HEADERS,
            (b"access-control-allow-origin", b"*")]


async def respond(app, scope, send, hosts):
    """Answer a GET of ``/sparql`` (the ASGI ``scope``; ``hosts`` the guard's) straight away
    when it is a simple query the web process answers itself and nothing else is to be said
    (a known host, the client's turn free, no error): True once answered. Otherwise False,
    and the request takes the usual way."""
    text, problem, graphs, hint = read_get(scope.get("query_string", b""))
    if (problem or text is None or graphs["default"] or graphs["named"]
            or not inline.is_simple(text)):
        return False
    host = accept = None
    for name, value in scope["headers"]:
        if name == b"host":
            host = value
        elif name == b"accept":
            accept = value
    if host is None or not _known(host, hosts):
        return False
    client = scope["client"][0] if scope.get("client") else ""
    try:
        give_back = app.state.clients.free_turn(client)
    except CitygraphError:
        return False
    if give_back is None:
        return False
    version = app.state.follower.acquire()
    try:
        accept = with_hint(hint, accept.decode("latin-1") if accept else "")
        message = ("protocol", text, accept, (), (), app.state.settings.max_rows,
                   scope_url(scope))
        try:
            media, body = inline.answer(version.store, message) or (None, None)
        except Exception:  # noqa: BLE001 - the usual way answers it again, and says the error
            return False
        if media is None:
            return False
        await send({"type": "http.response.start", "status": 200,
                    "headers": respond_headers(media, len(body), version)})
        await send({"type": "http.response.body", "body": body})
        return True
    finally:
        version.leave()
        give_back()
