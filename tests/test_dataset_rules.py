"""FROM, FROM NAMED, default-graph-uri and named-graph-uri follow the SPARQL 1.1 dataset rules,
in ``citygraph serve`` and ``citygraph query``; the union of every graph is the default graph
only of a query that names no dataset."""

import json
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from conftest import SEED
from web_server import build_store, start_server

SCHEMES = "https://w3id.org/citygraph/graph/ontology/schemes.ttl"
THEMES = "https://w3id.org/citygraph/graph/tests/data/seed/themes.ttl"
COUNT = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"
#: the triples of the frozen seed store, every graph together
ALL = 13159

CASES = [
    # (query, default-graph-uri, named-graph-uri, count)
    (COUNT.format(""), [], [], ALL),
    (COUNT.format("FROM <urn:nonexistent>"), [], [], 0),
    (COUNT.format(f"FROM <{SCHEMES}>"), [], [], 473),
    (COUNT.format(f"FROM <{SCHEMES}> FROM <{THEMES}>"), [], [], 473 + 453),
    # FROM NAMED alone: the default graph is empty
    (COUNT.format(f"FROM NAMED <{SCHEMES}>"), [], [], 0),
    (f"SELECT (COUNT(*) AS ?n) FROM NAMED <{SCHEMES}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
     [], [], 473),
    # the protocol's dataset wins over the query's
    (COUNT.format("FROM <urn:nonexistent>"), [SCHEMES], [], 473),
    (COUNT.format(""), [THEMES], [], 453),
    # only named graphs by the protocol: an empty default graph, not the union
    (COUNT.format(""), [], [SCHEMES], 0),
    ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", [], [SCHEMES], 473),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("dataset") / "store", data_dir=SEED)


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    server = start_server(store, tmp_path_factory.mktemp("serve"))
    yield server
    server.stop()


@pytest.mark.parametrize("text,default,named,count", CASES)
def test_the_server_follows_the_dataset_rules(server, text, default, named, count):
    params = [("query", text)] + [("default-graph-uri", g) for g in default] + \
        [("named-graph-uri", g) for g in named]
    request = urllib.request.Request(f"{server.sparql}?{urllib.parse.urlencode(params)}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = json.load(response)["results"]["bindings"]
    assert int(rows[0]["n"]["value"]) == count


@pytest.mark.parametrize("text,count", [(t, n) for t, d, g, n in CASES if not d and not g])
def test_citygraph_query_follows_the_dataset_rules(store, text, count):
    result = CliRunner().invoke(cli, ["query", "--store", str(store), "--sparql", text,
                                      "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["n", str(count)]
