"""The curation page (``citygraph serve --curate``): a source's text beside its drafted rows.

``/curate`` lists the project's sources; ``/curate/NNN`` shows the stored text
of source NNN with every name the draft found highlighted, and beside it the
drafted rows of each sheet (``sheets/NNN/draft/``, written by ``citygraph
sheets draft``). Each row can be accepted as it is or as edited in place, or
rejected: accepting appends it to the curator's own sheet
(``sheets/NNN/<sheet>.csv``), written whole and atomically. "Compile" compiles
the curator's sheets into the source's data file and shows the compiled facts,
the cells compile cannot use, and what validation finds.

Every form is the server's writing form (:func:`citygraph.web.base.writing_form`):
it must come from this very site and carry the token of the browser's session,
which the page's forms hold (``{{ csrf_field(request) }}``); a page of another
site can post neither.
"""

import threading

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse
from starlette.routing import Route

from citygraph.errors import CitygraphError, UsageError

__all__ = ["routes", "highlighted"]

_WRITE = threading.Lock()
_MAX_FORM = 100_000


def highlighted(text, mentions):
    """The text as (piece, mention or None) pairs, for the template to mark each name.

    >>> from citygraph.curation.draft_mentions import Mention
    >>> m = Mention(4, 9, "Seoul", ("https://x/seoul",), "place", 0.9, "name of the graph")
    >>> [(piece, bool(found)) for piece, found in highlighted("Met Seoul.", [m])]
    [('Met ', False), ('Seoul', True), ('.', False)]
    """
    out, at = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < at:
            continue
        if m.start > at:
            out.append((text[at:m.start], None))
        out.append((text[m.start:m.end], m))
        at = m.end
    if at < len(text):
        out.append((text[at:], None))
    return out


def _project():
    from citygraph.graph.project import find

    return find()


def _sources(project):
    from citygraph.curation.sources import list_sources

    return list_sources(project)


async def index(request):
    from citygraph.web.base import render

    project = _project()
    rows = await run_in_threadpool(_sources, project)
    return render(request, "curate.html", {"sources": rows, "number": None})


def _page(project, number):
    from citygraph.curation.draft import draft_source
    from citygraph.curation.draft_accept import draft_table
    from citygraph.curation.sheets import SHEETS

    draft = draft_source(project, number)
    tables = []
    for kind in SHEETS:
        columns, rows = draft_table(project, draft.number, kind)
        if rows:
            tables.append({"kind": kind, "columns": columns, "rows": rows})
    return draft, tables


async def source(request):
    from citygraph.web.base import render

    number = request.path_params["number"]
    if not number.isdigit():
        raise HTTPException(404)
    project = _project()
    draft, tables = await run_in_threadpool(_page, project, number)
    compiled = request.app.state.cache.pop(("curate-compiled", draft.number), None)
    return render(request, "curate.html", {
        "number": draft.number, "pieces": highlighted(draft.text, draft.mentions),
        "tables": tables, "compiled": compiled,
        "mentions": len(draft.mentions)})


async def _form(request):
    """The form's fields, one value each, once the server's writing-form check passed."""
    from citygraph.web.base import writing_form

    form = await writing_form(request, limit=_MAX_FORM)
    return {k: v[0] for k, v in form.items()}


async def decide(request):
    """Accept (as edited) or reject one drafted row."""
    from citygraph.curation.draft_accept import accept_rows, reject_rows
    from citygraph.curation.sheets import SHEETS

    number = request.path_params["number"]
    form = await _form(request)
    kind, action = form.get("sheet", ""), form.get("action", "")
    if kind not in SHEETS or action not in ("accept", "reject"):
        raise UsageError("the form needs a sheet and the action accept or reject")
    try:
        row = int(form.get("row", ""))
    except ValueError:
        raise UsageError("the form needs the row number") from None
    edits = {c: form[f"cell-{c}"] for c, _, _ in SHEETS[kind] if f"cell-{c}" in form}
    project = _project()

    def write():
        with _WRITE:
            if action == "accept":
                accept_rows(project, number, kind, [row], edits={row: edits})
            else:
                reject_rows(project, number, kind, [row])

    await run_in_threadpool(write)
    return RedirectResponse(f"/curate/{number}#{kind}", status_code=303)


def _compile(project, number):
    from citygraph.curation.sheets import compile_source
    from citygraph.curation.sheets_compile import CompileError
    from citygraph.curation.turtle_out import turtle
    from citygraph.graph.validation import shorten, validate

    try:
        path, triples = compile_source(project, number)
    except CompileError as exc:
        return {"problems": [str(p) for p in exc.problems], "turtle": "", "findings": []}
    context = [p for p in sorted(project.data_dir.rglob("*.ttl")) if p != path]
    report = validate([path], context=context)
    findings = [f"{r.severity}: {shorten(r.focus)} {shorten(r.path) if r.path else ''}: "
                f"{r.message}" for r in report.results]
    from citygraph.namespaces import PREFIXES

    return {"problems": [], "turtle": turtle(triples, PREFIXES), "findings": findings,
            "path": path.name, "triples": len(triples)}


async def compile_view(request):
    """Compile the curator's sheets into the data file; the result shows on the page."""
    number = request.path_params["number"]
    await _form(request)
    project = _project()
    try:
        result = await run_in_threadpool(_compile, project, number)
    except CitygraphError as exc:
        result = {"problems": [str(exc)], "turtle": "", "findings": []}
    request.app.state.cache[("curate-compiled", f"{int(number):03d}")] = result
    return RedirectResponse(f"/curate/{number}#compiled", status_code=303)


def routes():
    """The curation page's routes (only served with ``citygraph serve --curate``)."""
    return [
        Route("/curate", index, methods=["GET"]),
        Route("/curate/{number}", source, methods=["GET"]),
        Route("/curate/{number}/row", decide, methods=["POST"]),
        Route("/curate/{number}/compile", compile_view, methods=["POST"]),
    ]
