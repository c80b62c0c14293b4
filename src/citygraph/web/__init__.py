"""``citygraph serve``: a read-only SPARQL 1.1 endpoint and web pages over the store.

The app is Starlette (ASGI) with Jinja2 templates, run by uvicorn. Queries run
in a small pool of worker processes (:mod:`citygraph.web.pool`) that hold the
store open read-only, so a query past its time limit can be cancelled.
"""

from citygraph.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
