"""Reconciliation on the web: the W3C Entity Reconciliation API service at /reconcile (what
OpenRefine speaks). Its matching is :mod:`citygraph.web.reconcile_service`, its suggest and
data-extension services :mod:`citygraph.web.reconcile_extend`; the review page of an
import's report is :mod:`citygraph.web.review_views`.
"""

import json

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from citygraph.errors import UsageError

__all__ = ["routes", "service"]


async def service(request):
    """The reconciliation endpoint: the manifest, answers to a batch of queries, or data
    extension."""
    import urllib.parse

    from citygraph.web.reconcile_extend import extend_answer
    from citygraph.web.reconcile_service import answer, index_of, manifest, reconcile_batch

    queries = request.query_params.get("queries")
    extend = request.query_params.get("extend")
    if request.method == "POST":
        body = await request.body()
        if len(body) > 1_000_000:
            raise UsageError("the request is larger than 1000000 bytes")
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        text = body.decode("utf-8", "replace")
        if kind == "application/json":
            queries = text
        else:
            form = urllib.parse.parse_qs(text, keep_blank_values=True)
            queries = (form.get("queries") or [queries])[0]
            extend = (form.get("extend") or [extend])[0]
    if extend and not queries:
        return await extend_answer(request, extend)
    if not queries:
        return answer(request, manifest(request))
    try:
        batch = json.loads(queries)
    except ValueError:
        raise UsageError("queries: not JSON") from None
    index = await run_in_threadpool(index_of, request)
    result = await run_in_threadpool(reconcile_batch, index, batch)
    return answer(request, result)


def routes():
    from citygraph.web import reconcile_extend, reconcile_service

    return [
        Route("/reconcile", service, methods=["GET", "POST"]),
        *reconcile_service.routes(),
        *reconcile_extend.routes(),
    ]
