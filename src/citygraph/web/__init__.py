"""``citygraph serve``: a read-only SPARQL 1.1 endpoint and web pages over the store.

Takes: a store folder (its live version), the catalog and the cached network measures.
Gives: HTML pages of places, organizations, documents, the network and the map; the
SPARQL endpoint (:mod:`.endpoint`, :mod:`.protocol`, its service description and CORS in
:mod:`.service`); linked data, VoID and the ontology (:mod:`.linked_data`); the
reconciliation service (:mod:`.reconcile_service`, :mod:`.reconcile_extend`) and the review
page (:mod:`.reconcile_views`).
Uses: graph, querying, places, networks, curation, importers; never a command.

The app is Starlette (ASGI) with Jinja2 templates, run by uvicorn. Queries run
in a small pool of worker processes (:mod:`citygraph.web.pool`) that hold the
store open read-only, so a query past its time limit can be cancelled.
"""

from citygraph.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
