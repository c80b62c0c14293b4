"""The ``/sparql`` route: reading a SPARQL 1.1 Protocol request and answering it, read-only.

What a request may be (GET with one ``query``; POST of a query body or of a
form), what is refused before anything runs (updates, two queries, a body
that is not UTF-8, ``SERVICE``, ``file:`` IRIs), and the answer: the result in
the format negotiated by Accept (``format=`` a hint), or, for a GET without a
query, the service description. The query itself runs in the ad-hoc query
workers, within the client's limit (:func:`citygraph.web.base.adhoc_answer`, then
:func:`citygraph.web.protocol.evaluate`).
"""

import functools
import urllib.parse

from starlette.datastructures import QueryParams
from starlette.responses import PlainTextResponse, Response

from citygraph.errors import CitygraphError
from citygraph.web.base import adhoc_answer, status_of
from citygraph.web.protocol import READ_ONLY, refusal, with_hint
from citygraph.web.service import description, endpoint_url

__all__ = ["sparql", "read_query", "read_get", "MAX_BODY"]

#: the largest query text or form body the server reads
MAX_BODY = 1_000_000

_NO_QUERY = "no query: give a query parameter"

#: the longest query text (or query string) whose reading is kept: clients repeat their short
#: queries, and a few long ones must not fill the memory
_KEPT_LENGTH = 4000

_refusal_kept = functools.lru_cache(maxsize=512)(refusal)


def _refusal(text):
    """:func:`citygraph.web.protocol.refusal`, kept for the short texts asked most."""
    return _refusal_kept(text) if len(text) <= _KEPT_LENGTH else refusal(text)


def _one_line(text):
    return " ".join(str(text).split())[:500]


def _problem(message, status=400):
    return PlainTextResponse(_one_line(message) + "\n", status_code=status)


def _one(values, name):
    """The one value of a parameter given at most once; raise ValueError when given twice."""
    if len(values) > 1:
        raise ValueError(f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


def _split(query_string):
    return tuple(urllib.parse.parse_qsl(query_string.decode("latin-1"), keep_blank_values=True))


_pairs_kept = functools.lru_cache(maxsize=512)(_split)


def parameters(request):
    """The request's query parameters (as ``request.query_params``, parsed once per short
    text)."""
    query_string = request.scope.get("query_string", b"")
    return QueryParams(_pairs_kept(query_string) if len(query_string) <= _KEPT_LENGTH
                       else _split(query_string))


async def read_query(request, params=None):
    """(query text or None, problem or None, {"default": [...], "named": [...]}) of a request."""
    params = parameters(request) if params is None else params
    graphs = {"default": params.getlist("default-graph-uri"),
              "named": params.getlist("named-graph-uri")}
    if request.method == "GET":
        if "update" in params:
            return None, READ_ONLY, graphs
        try:
            return _one(params.getlist("query"), "query"), None, graphs
        except ValueError as exc:
            return None, str(exc), graphs
    header = request.headers.get("content-type", "")
    kind = header.split(";")[0].strip().lower()
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in header.split(";")[1:]
                    if p.strip().lower().startswith("charset=")), "utf-8")
    if kind == "application/sparql-update":
        return None, READ_ONLY, graphs
    length = int(request.headers.get("content-length") or 0)
    if length > MAX_BODY:
        return None, f"the request body is larger than {MAX_BODY} bytes", graphs
    body = await request.body()
    if len(body) > MAX_BODY:
        return None, f"the request body is larger than {MAX_BODY} bytes", graphs
    if charset not in ("utf-8", "utf8"):
        return None, f"the request body must be UTF-8, not {charset}", graphs
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None, "the request body is not UTF-8", graphs
    if kind == "application/sparql-query":
        return text, None, graphs
    if kind == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(text, keep_blank_values=True)
        if "update" in form:
            return None, READ_ONLY, graphs
        graphs["default"] += form.get("default-graph-uri", [])
        graphs["named"] += form.get("named-graph-uri", [])
        try:
            return _one(form.get("query", []), "query"), None, graphs
        except ValueError as exc:
            return None, str(exc), graphs
    return None, (f"unsupported content type {kind or 'none'!r}; send "
                  "application/sparql-query or an HTML form with a query field"), graphs


def _checked(text, graphs):
    """Why a query text and its graphs are refused before anything runs, or None (always
    None without a text: the service description or the editor is the answer then)."""
    if text is None:
        return None
    for iri in (*graphs["default"], *graphs["named"]):
        if iri.lower().startswith("file:"):
            return f"file: IRIs are refused: <{iri}>"
    return _refusal(text)


def read_get(query_string):
    """(query text, problem, graphs, format hint) of a GET's query string, kept for the short
    ones asked most (clients repeat their queries)."""
    return _read_kept(query_string) if len(query_string) <= _KEPT_LENGTH else _read(query_string)


def _read(query_string):
    params = QueryParams(_split(query_string))
    graphs = {"default": tuple(params.getlist("default-graph-uri")),
              "named": tuple(params.getlist("named-graph-uri"))}
    if "update" in params:
        return None, READ_ONLY, graphs, None
    try:
        text = _one(params.getlist("query"), "query")
    except ValueError as exc:
        return None, str(exc), graphs, None
    return text, _checked(text, graphs), graphs, params.get("format")


_read_kept = functools.lru_cache(maxsize=512)(_read)


async def sparql(request):
    """The SPARQL 1.1 Protocol query endpoint (GET and POST), read-only."""
    if request.method == "GET":
        text, problem, graphs, hint = read_get(request.scope.get("query_string", b""))
    else:
        params = parameters(request)
        text, problem, graphs = await read_query(request, params)
        hint = params.get("format")
        problem = problem or _checked(text, graphs)
    if problem:
        return _problem(problem)
    accept = request.headers.get("accept", "")
    if text is None:
        if request.method == "GET" and "text/html" in accept:
            from citygraph.web.views import editor

            return await editor(request)
        if request.method == "GET":
            return description(request, accept)
        return _problem(_NO_QUERY)
    accept = with_hint(hint, accept)
    message = ("protocol", text, accept, graphs["default"], graphs["named"],
               request.app.state.settings.max_rows, endpoint_url(request))
    try:
        media, body = await adhoc_answer(request, message)
    except CitygraphError as exc:
        seconds = getattr(exc, "retry_after", None)
        response = _problem(exc, status_of(exc))
        if seconds:
            response.headers["Retry-After"] = str(seconds)
        return response
    return Response(body, media_type=media)
