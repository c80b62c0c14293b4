"""The HTML pages: search, entity pages, the query catalog, the SPARQL editor, network and map."""

import jinja2
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse
from starlette.routing import Route

from citygraph.catalog import adhoc_query, run_query
from citygraph.namespaces import PREFIXES
from citygraph.web.pool import PoolTarget
from citygraph.web.protocol import refusal

__all__ = ["routes", "render", "editor"]

_ENV = None


def environment():
    """The Jinja2 environment: every value escaped (autoescape on for every template)."""
    global _ENV
    if _ENV is None:
        from citygraph.web.app import TEMPLATES

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


async def home(request):
    return render(request, "home.html", {})


def _run_text(request, text):
    query = adhoc_query(text, source="query")
    return run_query(query, target(request))


async def editor(request):
    """A plain SPARQL editor: a textarea with the project prefixes, the result as a table."""
    text = request.query_params.get("query", "")
    result = error = None
    if text.strip():
        reason = refusal(text)
        if reason:
            error = reason
        else:
            from citygraph.errors import CitygraphError

            try:
                result = await run_in_threadpool(_run_text, request, text)
            except CitygraphError as exc:
                error = str(exc)
    if not text.strip():
        text = ("SELECT ?place ?label WHERE {\n  ?place a cg:City ; rdfs:label ?label .\n}\n"
                "ORDER BY ?label\nLIMIT 20\n")
    return render(request, "editor.html", {"text": text, "result": result, "error": error,
                                           "prefixes": PREFIXES},
                  status_code=400 if error else 200)


def routes():
    """Every page route."""
    return [
        Route("/", home),
        Route("/editor", editor),
    ]
