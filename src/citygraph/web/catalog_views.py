"""The query catalog on the web: each query with its description, a form, results, downloads."""

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Route

from citygraph.errors import CitygraphError, QueryError
from citygraph.querying.catalog import find_query, format_result, list_queries, run_query

__all__ = ["routes"]

_DOWNLOADS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
              "tsv": "text/tab-separated-values; charset=utf-8"}


async def catalog(request):
    from citygraph.web.base import render

    queries = [q for q in list_queries() if q.role != "construct"]
    return render(request, "queries.html", {"queries": queries})


async def one_query(request):
    from citygraph.web.base import render, status_of, target

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
    status = 200
    if run:
        values = {k: v.strip() for k, v in given.items() if v.strip()}
        try:
            result = await run_in_threadpool(run_query, query, target(request), values)
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
    from urllib.parse import urlencode

    link = urlencode({k: v for k, v in given.items() if v})
    return render(request, "query.html", {"query": query, "given": given, "result": result,
                                          "error": error, "link": link},
                  status_code=status)


def routes():
    return [Route("/queries", catalog), Route("/queries/{name}", one_query)]
