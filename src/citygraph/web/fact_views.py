"""One section of an entity's facts, a page at a time: /facts/place/seoul?section=Ties&page=2."""

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.routing import Route

from citygraph.web.fact_rows import FACT_SECTIONS, PAGE_SIZE, facts

__all__ = ["routes"]


def _section(request, node, heading):
    from citygraph.web import pages
    from citygraph.web.base import target

    t = target(request)
    info = pages.describe(t, node)
    if info is None:
        return None, []
    return info, facts(t, node).get(heading, [])


async def fact_page(request):
    """The facts of one section of an entity page, PAGE_SIZE a page, with links on."""
    from citygraph.web import pages
    from citygraph.web.base import render
    from citygraph.web.present import fact_page_url

    node = pages.node_iri(request.path_params["path"])
    heading = request.query_params.get("section", "")
    if node is None or heading not in FACT_SECTIONS.values():
        raise HTTPException(404)
    try:
        page = max(int(request.query_params.get("page", "1")), 1)
    except ValueError:
        raise HTTPException(400, "page: give a number") from None
    info, rows = await run_in_threadpool(_section, request, node, heading)
    if info is None:
        raise HTTPException(404)
    pages_count = max((len(rows) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    if page > pages_count:
        raise HTTPException(404)
    shown = rows[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    return render(request, "fact_page.html", {
        "e": info, "heading": heading, "rows": shown, "page": page, "pages": pages_count,
        "total": len(rows), "first": (page - 1) * PAGE_SIZE + 1,
        "previous": fact_page_url(node, heading, page - 1) if page > 1 else None,
        "next": fact_page_url(node, heading, page + 1) if page < pages_count else None})


def routes():
    return [Route("/facts/{path:path}", fact_page)]
