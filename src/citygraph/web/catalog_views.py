"""The query catalog on the web: each query with its description, a form, results, downloads."""

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Route

from citygraph.errors import CitygraphError, QueryError
from citygraph.querying.catalog import find_query, format_result, list_queries, run_query
from citygraph.querying.names import UnresolvedName, search
from citygraph.querying.results import compact

__all__ = ["routes"]

_DOWNLOADS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
              "tsv": "text/tab-separated-values; charset=utf-8"}


async def catalog(request):
    from citygraph.web.base import render

    queries = [q for q in list_queries() if q.role != "construct"]
    return render(request, "queries.html", {"queries": queries})


async def one_query(request):
    from citygraph.web.base import render, search_index, status_of, target

    name = request.path_params["name"]
    try:
        query = find_query(name)
    except QueryError:
        raise HTTPException(404) from None
    if query.role == "construct":
        raise HTTPException(404)
    given = {p.name: request.query_params.get(p.name, "") for p in query.params}
    fmt = request.query_params.get("format", "html")
    run = "run" in request.query_params or fmt != "html"
    result = error = None
    candidates = {}
    status = 200
    if run:
        values = {k: v.strip() for k, v in given.items() if v.strip()}
        try:
            names = None
            if any(p.type == "iri" for p in query.params):
                names = await run_in_threadpool(search_index, request)
            result = await run_in_threadpool(run_query, query, target(request), values, None,
                                             names)
        except UnresolvedName as exc:
            error, status = str(exc), status_of(exc)
            candidates = _candidates(query, given, exc)
        except CitygraphError as exc:
            error, status = str(exc), status_of(exc)
    if result is not None and fmt in _DOWNLOADS:
        headers = {"Content-Disposition": f'attachment; filename="{query.name}.{fmt}"'}
        return Response(format_result(result, fmt), media_type=_DOWNLOADS[fmt], headers=headers)
    if fmt not in _DOWNLOADS and fmt != "html":
        error, status = f"unknown format {fmt!r}; formats: html, csv, tsv, json", 400
    if error and fmt != "html":
        return Response(error + "\n", status_code=status, media_type="text/plain")
    if not run:
        given = {p.name: (p.example if not p.optional else "") for p in query.params}
        if any(p.type == "iri" and not p.optional for p in query.params):
            index = await run_in_threadpool(search_index, request)
            given = {k: _name_of(index, v) if query.param(k).type == "iri" else v
                     for k, v in given.items()}
    from urllib.parse import urlencode

    link = urlencode({k: v for k, v in given.items() if v})
    names = None
    if result is not None and result.form != "ASK":
        names = await run_in_threadpool(_names, request, result)
    return render(request, "query.html", {"query": query, "given": given, "result": result,
                                          "error": error, "link": link, "names": names,
                                          "candidates": candidates},
                  status_code=status)


def _names(request, result):
    """{IRI: name} of the entities in a result that its rows do not name themselves (in a
    column NAME_label beside NAME), for the table to show names: one query or two."""
    from citygraph.web.base import target
    from citygraph.web.fact_words import names_of

    columns = set(result.columns)
    unnamed = [row.get(c) for row in result.rows for c in result.columns
               if row.get(c) is not None
               and (f"{c}_label" not in columns or row.get(f"{c}_label") is None)]
    try:
        return names_of(target(request), unnamed)
    except CitygraphError:
        return {}  # the table shows prefixed names then


def _candidates(query, given, exc):
    """{parameter: [(name, prefixed name, link running the query with it)]} for a name that
    several entities carry (or none, with the names that contain it)."""
    from urllib.parse import urlencode

    name = next((p.name for p in query.params if f"parameter {p.name!r}: " in str(exc)), None)
    if name is None:
        return {}
    out = []
    for entity, label in exc.candidates:
        curie = compact(entity)
        values = {**{k: v for k, v in given.items() if v}, name: curie, "run": "1"}
        out.append((label, curie, f"/queries/{query.name}?{urlencode(values)}"))
    return {name: out}


def _name_of(index, example):
    """The name a form shows for an example IRI (its label when no other entity has it)."""
    from citygraph.querying.names import UnresolvedName, resolve_name
    from citygraph.querying.params import parse_iri

    iri = parse_iri(example)
    if iri is None:
        return example
    labels = [name for _, name, entity, prop in index
              if entity == iri and str(prop).endswith(("#label", "/name", "/title"))]
    for label in labels:
        try:
            if resolve_name(label, index) == iri:
                return label
        except UnresolvedName:
            continue
    return example


#: how many names the autocomplete offers
COMPLETIONS = 12

_KINDS = {"place": "place", "org": "organization", "event": "event", "person": "person",
          "doc": "document", "agreement": "agreement", "project": "project", "post": "post",
          "theme": "theme", "fact": "fact"}


def completions(index, text, limit=COMPLETIONS):
    """What the autocomplete offers for ``text``: each entity's best name, its kind, its
    page, and the value to put in the field (the name, or its prefixed name when another
    entity has the same name).

    >>> from rdflib import URIRef
    >>> from rdflib.namespace import RDFS
    >>> org, place = (URIRef("https://w3id.org/citygraph/id/" + s)
    ...               for s in ("org/anmc21", "place/singapore"))
    >>> index = [("anmc21", "ANMC21", org, RDFS.label), ("singapore", "Singapore", place,
    ...          RDFS.label), ("singapore", "Singapore", org, RDFS.label)]
    >>> [(c["name"], c["kind"], c["value"]) for c in completions(index, "anm")]
    [('ANMC21', 'organization', 'ANMC21')]
    >>> [c["value"] for c in completions(index, "singap")]
    ['place:singapore', 'cgorg:anmc21']
    """
    from citygraph.places.names import fold_name
    from citygraph.web.present import page_url

    hits = search(index, text, limit=limit)
    wanted = {fold_name(name) for _, name, _ in hits}
    owners = {}
    for folded, _, entity, _ in index:
        if folded in wanted:
            owners.setdefault(folded, set()).add(entity)
    out = []
    for entity, name, _ in hits:
        folder = str(entity).rsplit("/", 2)[-2] if page_url(entity) else ""
        unique = len(owners.get(fold_name(name), ())) == 1
        out.append({"name": name, "kind": _KINDS.get(folder, folder or "term"),
                    "iri": str(entity), "page": page_url(entity),
                    "value": name if unique else compact(entity)})
    return out


async def complete(request):
    """Names for an entity field, as JSON: ``/complete?q=anmc``."""
    import json

    from citygraph.web.base import search_index

    text = request.query_params.get("q", "").strip()[:200]
    rows = []
    if text:
        index = await run_in_threadpool(search_index, request)
        rows = completions(index, text)
    return Response(json.dumps(rows, ensure_ascii=False), media_type="application/json")


def routes():
    return [Route("/queries", catalog), Route("/queries/{name}", one_query),
            Route("/complete", complete)]
