"""Rendered pages kept per store version: a page over the graph changes only with the store.

An entity page asks the store several questions and renders a long table; the
answer is the same until the store is rebuilt, so the server keeps the last
:data:`SIZE` pages it rendered, keyed by the live version's folder and the
path, and answers a repeated request from memory.
"""

import threading
from collections import OrderedDict

from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse

__all__ = ["SIZE", "cached_page"]

#: how many rendered pages the server keeps
SIZE = 512

_LOCK = threading.Lock()


def _version(request):
    from citygraph.graph.store import live_folder

    folder = live_folder(request.app.state.settings.store)
    return str(folder) if folder is not None else ""


async def cached_page(request, make):
    """The page ``make()`` renders (an HTMLResponse, run in a thread), kept for the next
    request of the same path and query on the same store version; only 200s are kept, and
    not a page that says it is incomplete (``Cache-Control: no-store``)."""
    key = ("page", _version(request), request.url.path, request.url.query)
    pages = request.app.state.cache.setdefault("pages", OrderedDict())
    with _LOCK:
        body = pages.get(key)
        if body is not None:
            pages.move_to_end(key)
    if body is not None:
        return HTMLResponse(body)
    response = await run_in_threadpool(make)
    if response.status_code == 200 and response.headers.get("cache-control") != "no-store":
        with _LOCK:
            pages[key] = response.body
            while len(pages) > SIZE:
                pages.popitem(last=False)
    return response
