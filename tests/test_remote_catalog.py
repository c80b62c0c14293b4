"""Every catalog query gives the same rows on a remote endpoint as on the embedded store.

Rows are compared as multisets: where ORDER BY leaves ties, and within a
GROUP_CONCAT, SPARQL leaves the order to the engine, and the two stores keep
their terms in different internal orders.
"""

import re
from collections import Counter

import pytest
from rdflib import Literal

from citygraph.graph.build import build
from citygraph.querying.catalog import list_queries, run_query
from citygraph.querying.remote import push
from citygraph.querying.sparql import connect
from conftest import QUERIES, ROOT, SEED
from test_remote import clear_server
from web_server import start_server

CATALOG = [q for q in list_queries(QUERIES) if q.role != "construct"]

#: runs the whole catalog twice over the project's data: about a minute
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["oxigraph", "citygraph-serve"])
def targets(request, tmp_path_factory):
    """The project's ontology and data, built in memory and pushed to oxigraph serve, or
    built on disk and served by citygraph serve."""
    if request.param == "citygraph-serve":
        folder = tmp_path_factory.mktemp("serve")
        build(store_path=folder / "store", data_dir=SEED, root=ROOT, validate=False)
        server = start_server(folder / "store", folder)
        try:
            yield connect(folder / "store"), connect(endpoint=server.sparql, timeout=60)
        finally:
            server.stop()
        return
    oxigraph_server = request.getfixturevalue("oxigraph_server")
    report = build(memory=True, data_dir=SEED, root=ROOT, validate=False)
    clear_server(oxigraph_server)
    store = report.store
    push(store, sorted(store.named_graphs(), key=lambda g: g.value),
         graph_store=oxigraph_server.store, timeout=30)
    yield connect(store), connect(endpoint=oxigraph_server.query, timeout=60)


_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?separator\s*=\s*\"([^\"]*)\"\s*\)\s*AS\s*\?(\w+)",
    re.IGNORECASE | re.DOTALL,
)


def _rows(query, result):
    """The rows as a multiset, each GROUP_CONCAT value with its parts sorted."""
    concat = {name: sep for sep, name in _CONCAT.findall(query.text)}
    rows = []
    for row in result.rows:
        items = []
        for name, value in sorted(row.items()):
            if name in concat and isinstance(value, Literal) and concat[name]:
                value = concat[name].join(sorted(str(value).split(concat[name])))
            items.append((name, value))
        rows.append(tuple(items))
    return Counter(rows)


@pytest.mark.parametrize("query", CATALOG, ids=[q.name for q in CATALOG])
def test_catalog_query_remote_equals_local(targets, query):
    local, remote = targets
    params = {p.name: p.example for p in query.params if not p.optional}
    here = run_query(query, local, params)
    there = run_query(query, remote, params)
    assert there.columns == here.columns
    assert len(there.rows) == len(here.rows)
    assert _rows(query, there) == _rows(query, here)
