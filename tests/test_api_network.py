"""citygraph.network(): the city network from Python, the same as `citygraph export --format json`
on the frozen seed."""

import json

import networkx as nx
import pytest
from click.testing import CliRunner

import citygraph
from citygraph.cli import cli
from citygraph.errors import UsageError
from citygraph.networks.centrality import MEASURES
from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "store"
    citygraph.build(store_path=path, data_dir=SEED, root=ROOT, validate=False)
    return path


def _export(store_dir, tmp_path, *options):
    out = tmp_path / "network.json"
    result = CliRunner().invoke(cli, ["export", "--store", str(store_dir), "--format", "json",
                                      "--output", str(out), *options])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def _nodes(data):
    return {node.pop("id"): node for node in data["nodes"]}


def _edges(data):
    return {frozenset((edge.pop("source"), edge.pop("target"))): edge for edge in data["edges"]}


def _same_as_export(G, data, measures=True):
    nodes = _nodes(data)
    if not measures:
        nodes = {n: {k: v for k, v in d.items() if k not in MEASURES} for n, d in nodes.items()}
    assert dict(G.nodes(data=True)) == nodes
    assert {frozenset((u, v)): d for u, v, d in G.edges(data=True)} == _edges(data)
    assert {k: G.graph[k] for k in data["graph"]} == data["graph"]


def test_network_with_measures_equals_the_json_export(store_dir, tmp_path):
    # computed here first (and kept in the store's cache), then reused by the export
    G = citygraph.network(citygraph.connect(store_dir), measures=True)
    assert G.graph["figures"]["cache"] == "computed"
    data = _export(store_dir, tmp_path)
    _same_as_export(G, data)
    assert (G.number_of_nodes(), G.number_of_edges()) == (55, 207)
    seoul = G.nodes["place:seoul"]
    assert (seoul["label"], seoul["kind"], seoul["country"], seoul["geonames"]) == (
        "Seoul", "City", "South Korea", "1835848")
    assert seoul["iri"] == "https://w3id.org/citygraph/id/place/seoul"
    assert set(MEASURES) <= set(seoul)
    edge = G.edges["place:addis-ababa", "place:bogor"]
    assert edge["weight"] == 0.7 and edge["count"] == 3
    assert edge["layers"] == ["agreement", "event"]
    assert edge["weight_agreement"] == 0.5 and edge["weight_event"] == 0.2
    assert edge["sources"] == ["doc:002"] and edge["first"] == "2016-06-08"
    assert "fact:002-participation-addis-ababa" in edge["facts"]
    assert len(G.graph["without_coordinates"]) == 20
    assert G.graph["figures"]["without_coordinates"] == 20
    assert "place:seoul" not in G.graph["without_coordinates"]
    assert G.graph["state"] == citygraph.network(citygraph.connect(store_dir)).graph["state"]
    assert len(G.graph["state"]) == 16
    # a second call reads what the first kept
    again = citygraph.network(citygraph.connect(store_dir), measures=True)
    assert again.graph["figures"]["cache"] == "reused"
    _same_as_export(again, _export(store_dir, tmp_path))


def test_network_without_measures_is_the_projection_the_export_measured(store_dir, tmp_path):
    data = _export(store_dir, tmp_path, "--layer", "agreement,tie", "--since", "2015")
    in_memory = citygraph.connect(
        citygraph.build(memory=True, data_dir=SEED, root=ROOT, validate=False).store)
    G = citygraph.network(in_memory, layers=["agreement", "tie"], since="2015")
    assert G.graph["state"] is None
    _same_as_export(G, data, measures=False)
    assert G.graph["layers"] == ["agreement", "tie"] and G.graph["since"] == "2015"
    assert not set(MEASURES) & set(G.nodes["place:seoul"])
    # the same network from the store's cache, its measures left out
    cached = citygraph.network(citygraph.connect(store_dir), layers="agreement,tie",
                               since="2015")
    assert dict(cached.nodes(data=True)) == dict(G.nodes(data=True))
    assert nx.utils.edges_equal(cached.edges(data=True), G.edges(data=True))


def test_network_folded_to_countries(store_dir):
    G = citygraph.network(citygraph.connect(store_dir), fold="country", layers="agreement")
    assert G.graph["fold"] == "country"
    assert {"place:country-kr", "place:country-lk"} <= set(G)
    assert all(data["kind"] == "Country" for _, data in G.nodes(data=True))


def test_two_mode_network_has_places_and_groups(store_dir):
    G = citygraph.network(citygraph.connect(store_dir), layers="agreement", two_mode=True)
    kinds = {data["bipartite"] for _, data in G.nodes(data=True)}
    assert kinds == {0, 1}
    assert G.nodes["agreement:002-seoul-communique"]["kind"] == "agreement"
    assert G.has_edge("agreement:002-seoul-communique", "place:seoul")
    assert "agreement:002-seoul-communique" not in G.graph["without_coordinates"]
    with pytest.raises(UsageError, match="two-mode network has no measures"):
        citygraph.network(citygraph.connect(store_dir), two_mode=True, measures=True)


def test_network_options_are_checked(store_dir):
    target = citygraph.connect(store_dir)
    with pytest.raises(UsageError, match="unknown layer 'agreements'"):
        citygraph.network(target, layers="agreements")
    with pytest.raises(UsageError, match="--since 2017 is after --until 2016"):
        citygraph.network(target, since="2017", until="2016")
