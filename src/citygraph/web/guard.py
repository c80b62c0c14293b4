"""What every request passes first: the Host check and the security headers.

A browser page from another site can reach a server on this machine through
DNS rebinding (its own name made to point at 127.0.0.1); what gives it away is
the Host header, which names the attacker's site. :class:`Guard` answers 400 to
any host the server was not started for, and adds the security headers to
every response.
"""

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import PlainTextResponse

__all__ = ["Guard", "allowed_hosts", "host_name", "SECURITY_HEADERS", "content_policy",
           "RAW_SECURITY_HEADERS"]

#: the hosts a server on this machine is always reached as
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}


def content_policy(nonce=None):
    """The Content-Security-Policy: this server's own files only, never in a frame.

    A page's inline script runs only with the page's ``nonce``.

    >>> content_policy("abc").split("; ")[1]
    "script-src 'self' 'nonce-abc'"
    """
    script = "script-src 'self'" + (f" 'nonce-{nonce}'" if nonce else "")
    return "; ".join([
        "default-src 'self'", script, "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:", "worker-src 'self' blob:", "object-src 'none'",
        "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"])


def host_name(value):
    """The host of a Host header or an address, lower case, without its port.

    >>> host_name("LocalHost:8000"), host_name("[::1]:8000"), host_name("::1")
    ('localhost', '[::1]', '[::1]')
    >>> host_name("evil.example.:80")
    'evil.example'
    """
    value = (value or "").strip().lower()
    if value.startswith("["):
        return value.split("]", 1)[0] + "]"
    if value.count(":") > 1:  # a bare IPv6 address
        return f"[{value}]"
    return value.split(":", 1)[0].rstrip(".")


def allowed_hosts(host=None, extra=()):
    """The hosts served: this machine's names, the address listened on, and ``extra``.

    >>> sorted(allowed_hosts("127.0.0.1", ["citygraph.example.org"]))
    ['127.0.0.1', '[::1]', 'citygraph.example.org', 'localhost']
    """
    return frozenset(LOCAL_HOSTS) | {host_name(h) for h in (host, *extra) if h}


class Guard:
    """ASGI middleware: 400 for an unknown Host, security headers on every response.

    ``hosts`` is what :func:`allowed_hosts` gives; ``on_error(request, exc)`` answers an
    unexpected error (a page with the same headers). A page that rendered with a
    nonce (``scope["citygraph.nonce"]``) gets it in its script policy; a new
    session (``scope["citygraph.session"]``, see :func:`citygraph.web.base.csrf_token`)
    is sent as a cookie.
    """

    def __init__(self, app, hosts, on_error=None):
        self.app = app
        self.hosts = frozenset(hosts)
        self.on_error = on_error

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host")
        if host_name(host) not in self.hosts:
            response = PlainTextResponse(
                f"unknown host {host or '(none)'!r}: this server answers only as "
                f"{', '.join(sorted(self.hosts))} (citygraph serve --allowed-host)\n",
                status_code=400)
            _secure(response.headers, scope)
            await response(scope, receive, send)
            return

        started = False

        async def send_secured(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                _secure_raw(message, scope)
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception as exc:
            if started or self.on_error is None:
                raise
            # the error page gets the same headers; the error is raised on for the log
            response = await self.on_error(Request(scope), exc)
            await response(scope, receive, send_secured)
            raise


def _secure(headers, scope):
    for name, value in SECURITY_HEADERS.items():
        if name not in headers:
            headers[name] = value
    if "content-security-policy" not in headers:
        headers["content-security-policy"] = content_policy(scope.get("citygraph.nonce"))
    session = scope.get("citygraph.session")
    if session:
        from citygraph.web.base import SESSION_COOKIE

        headers.append("set-cookie", f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; "
                                     "SameSite=Strict")


_RAW_SECURITY = [(name.encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
_RAW_POLICY = (b"content-security-policy", content_policy().encode())
#: the raw headers the guard adds to an answer that has none of them and no nonce
RAW_SECURITY_HEADERS = (*_RAW_SECURITY, _RAW_POLICY)


def _secure_raw(message, scope):
    """:func:`_secure` on a response start message's raw headers (no header objects: this
    runs for every response)."""
    raw = message["headers"] = list(message.get("headers", ()))
    present = {name.lower() for name, _ in raw}
    raw.extend(header for header in _RAW_SECURITY if header[0] not in present)
    if b"content-security-policy" not in present:
        nonce = scope.get("citygraph.nonce")
        raw.append((b"content-security-policy", content_policy(nonce).encode()) if nonce
                   else _RAW_POLICY)
    if scope.get("citygraph.session"):
        _secure(MutableHeaders(scope=message), {"citygraph.session": scope["citygraph.session"]})
