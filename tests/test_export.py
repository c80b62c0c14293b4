"""Exports: GEXF and GraphML valid against their schemas, CSV and JSON, read back and compared."""

import csv
import io
import json
import shutil
import subprocess

import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from citygraph.cli import cli
from citygraph.graph.build import build
from citygraph.networks.export import (
    GEXF_NS,
    VIZ_NS,
    export,
    gexf_errors,
    graphml_errors,
    write_csv,
    write_gexf,
    write_graphml,
    write_json,
)
from citygraph.networks.projection import project
from citygraph.networks.report import analyze
from conftest import FIXTURES, ROOT, SHARED

JS = ROOT / "tests" / "js"
#: the GEXF 1.3 RELAX NG schema (CC BY 4.0, tests/data/schemas/gexf/LICENSE.md), shipped here
GEXF_SCHEMAS = FIXTURES / "schemas" / "gexf" / "1.3"
GRAPHML_SCHEMAS = SHARED / "schemas" / "graphml"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """A store built from the network fixture, as 'citygraph build' writes it."""
    path = tmp_path_factory.mktemp("network") / "store"
    build(store_path=path, data_dir=FIXTURES / "network", validate=False)
    return path


@pytest.fixture(scope="module")
def network(store_dir):
    from citygraph.querying.sparql import connect

    G = project(connect(store_dir), layers=["agreement", "tie", "event"])
    analyze(G)
    return G


@pytest.fixture(scope="module")
def tie_network(store_dir):
    from citygraph.querying.sparql import connect

    G = project(connect(store_dir), layers=["tie"])
    analyze(G)
    return G


@pytest.fixture
def schemas(shared):
    return shared / "schemas"


def _pairs(G):
    return {tuple(sorted(edge)) for edge in G.edges()}


def test_gexf_is_valid_and_reads_back(network, tmp_path):
    path = tmp_path / "network.gexf"
    write_gexf(network, path)
    assert gexf_errors(path, GEXF_SCHEMAS) == []
    back = nx.read_gexf(path, version="1.3")
    assert set(back) == set(network)
    assert _pairs(back) == _pairs(network)
    seoul = back.nodes["place:seoul"]
    assert seoul["label"] == "Seoul"
    assert seoul["country"] == "South Korea" and seoul["geonames"] == "1835848"
    assert seoul["lat"] == pytest.approx(37.566) and seoul["lon"] == pytest.approx(126.9784)
    assert seoul["degree"] == network.nodes["place:seoul"]["degree"] == 9
    assert seoul["betweenness"] == pytest.approx(network.nodes["place:seoul"]["betweenness"])
    assert seoul["articulation"] is True
    assert seoul["viz"]["position"]["x"] == pytest.approx(1269.784)
    assert seoul["viz"]["position"]["y"] == pytest.approx(375.66)
    edge = back.edges["place:seoul", "place:colombo"]
    assert edge["weight"] == 3.0
    assert edge["layers"] == "agreement|tie"
    assert edge["facts"] == ("agreement:002-mou-seoul-colombo|fact:002-transfer-seoul-colombo-tax"
                             "|fact:002-transfer-seoul-colombo-waste")
    assert edge["first"] == "2016-06-08"


def test_gexf_is_dynamic_and_colored(network, tmp_path):
    path = tmp_path / "network.gexf"
    write_gexf(network, path, color_by="country")
    root = etree.parse(str(path)).getroot()
    ns = {"g": GEXF_NS, "viz": VIZ_NS}
    graph = root.find("g:graph", ns)
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    starts = {tuple(sorted((e.get("source"), e.get("target")))): e.get("start")
              for e in root.iterfind(".//g:edge", ns)}
    assert starts[("place:bangkok", "place:hanoi")] == "2014-09-05"
    # the undated Seoul-Ho Chi Minh City tie is there from the start: no start date
    undated = [k for k, v in starts.items() if v is None]
    assert undated == [("place:ho-chi-minh-city", "place:seoul")]
    nodes = {n.get("id"): n for n in root.iterfind(".//g:node", ns)}
    assert nodes["place:bogor"].get("start") == "2016-06-08"
    assert nodes["place:ho-chi-minh-city"].get("start") is None
    color = {k: tuple(n.find("viz:color", ns).get(x) for x in "rgb") for k, n in nodes.items()}
    assert color["place:hanoi"] == color["place:ho-chi-minh-city"]  # both in Vietnam
    assert color["place:hanoi"] != color["place:seoul"]


def test_gexf_directed_tie_points_from_exporter(tie_network, tmp_path):
    path = tmp_path / "ties.gexf"
    write_gexf(tie_network, path)
    assert gexf_errors(path, GEXF_SCHEMAS) == []
    edges = {(e.get("source"), e.get("target")): e.get("type")
             for e in etree.parse(str(path)).getroot().iterfind(f".//{{{GEXF_NS}}}edge")}
    assert edges == {("place:seoul", "place:colombo"): "directed",
                     ("place:ho-chi-minh-city", "place:seoul"): None}


def test_networkx_own_gexf_fails_the_schema(network, tmp_path):
    # why citygraph writes GEXF itself
    path = tmp_path / "nx.gexf"
    H = nx.Graph()
    H.add_edge("a", "b", weight=1.0)
    nx.write_gexf(H, path, version="1.2draft")
    text = path.read_text().replace("http://www.gexf.net/1.2draft", GEXF_NS).replace(
        'version="1.2"', 'version="1.3"')
    path.write_text(text)
    errors = gexf_errors(path, GEXF_SCHEMAS)
    assert errors and any("schemaLocation" in e or "name" in e for e in errors)


def test_graphml_is_valid_and_reads_back(network, tmp_path, schemas):
    path = tmp_path / "network.graphml"
    write_graphml(network, path)
    assert graphml_errors(path, GRAPHML_SCHEMAS) == []
    back = nx.read_graphml(path)
    assert set(back) == set(network)
    assert _pairs(back) == _pairs(network)
    assert back.nodes["place:tokyo"]["geonames"] == "1850147"
    assert back.nodes["place:tokyo"]["core"] == network.nodes["place:tokyo"]["core"]
    assert back.nodes["place:tokyo"]["closeness"] == pytest.approx(
        network.nodes["place:tokyo"]["closeness"])
    edge = back.edges["place:seoul", "place:colombo"]
    assert (edge["weight"], edge["sources"], edge["layers"]) == (3, "doc:002", "agreement|tie")
    assert back.graph["layers"] == "agreement|tie|event"


def test_graphml_schema_check_reports_a_broken_file(tmp_path, schemas):
    path = tmp_path / "broken.graphml"
    path.write_text('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                    '<graph edgedefault="sideways"/></graphml>')
    errors = graphml_errors(path, GRAPHML_SCHEMAS)
    assert len(errors) == 1 and "edgedefault" in errors[0] and errors[0].startswith("line 1:")


def test_csv_tables_use_gephi_column_names(tie_network, tmp_path):
    nodes, edges = tmp_path / "nodes.csv", tmp_path / "edges.csv"
    write_csv(tie_network, nodes, edges)
    node_rows = list(csv.DictReader(nodes.open()))
    edge_rows = list(csv.DictReader(edges.open()))
    assert list(node_rows[0])[:2] == ["Id", "Label"]
    assert list(edge_rows[0])[:4] == ["Source", "Target", "Type", "Weight"]
    assert {r["Id"]: r["Label"] for r in node_rows} == {
        "place:seoul": "Seoul", "place:colombo": "Colombo",
        "place:ho-chi-minh-city": "Ho Chi Minh City"}
    by_pair = {(r["Source"], r["Target"]): r for r in edge_rows}
    transfer = by_pair[("place:seoul", "place:colombo")]
    assert (transfer["Type"], transfer["Weight"], transfer["types"]) == (
        "Directed", "2", "tiet:policy-transfer")
    assert by_pair[("place:ho-chi-minh-city", "place:seoul")]["Type"] == "Undirected"
    back = nx.Graph()
    back.add_edges_from((r["Source"], r["Target"], {"weight": int(r["Weight"])})
                        for r in edge_rows)
    assert _pairs(back) == _pairs(tie_network)


def test_json_is_node_link_and_reads_back(network, tmp_path):
    path = tmp_path / "network.json"
    write_json(network, path)
    data = json.loads(path.read_text())
    back = nx.node_link_graph(data, edges="edges")
    assert set(back) == set(network) and _pairs(back) == _pairs(network)
    assert back.nodes["place:seoul"] == network.nodes["place:seoul"]
    assert back.edges["place:seoul", "place:colombo"]["facts"] == network.edges[
        "place:seoul", "place:colombo"]["facts"]


def test_writers_take_file_objects(network, tmp_path):
    path = tmp_path / "network.gexf"
    write_gexf(network, path)
    buffer = io.BytesIO()
    write_gexf(network, buffer)
    assert buffer.getvalue() == path.read_bytes()
    text = io.StringIO()
    write_json(network, text)
    write_json(network, tmp_path / "n.json")
    assert text.getvalue() == (tmp_path / "n.json").read_text()


def test_a_failed_write_leaves_the_old_file_untouched(tmp_path):
    path = tmp_path / "network.json"
    path.write_text("old\n")
    G = nx.Graph()
    G.add_node("place:x", note=object())  # not serializable
    with pytest.raises(TypeError):
        write_json(G, path)
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["network.json"]


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_graphology_gexf_parses_the_export(network, tmp_path):
    if not (JS / "node_modules" / "graphology-gexf").is_dir():
        pytest.skip("run 'npm install' in tests/js to fetch graphology-gexf")
    path = tmp_path / "network.gexf"
    write_gexf(network, path)
    out = subprocess.run(["node", str(JS / "parse_gexf.js"), str(path)], capture_output=True,
                         text=True, timeout=60, check=True)
    parsed = json.loads(out.stdout)
    assert (parsed["order"], parsed["size"]) == (network.number_of_nodes(),
                                                network.number_of_edges())
    seoul = parsed["nodes"]["place:seoul"]
    assert (seoul["label"], seoul["country"], seoul["degree"]) == ("Seoul", "South Korea", 9)
    assert seoul["x"] == pytest.approx(1269.784)


def test_export_command_writes_each_format(store_dir, tmp_path, schemas):
    runner = CliRunner()
    for fmt, name in (("gexf", "n.gexf"), ("graphml", "n.graphml"), ("json", "n.json")):
        result = runner.invoke(cli, ["export", "--store", str(store_dir), "--format", fmt,
                                     "--layer", "tie", "--output", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert f"wrote {tmp_path / name} (3 places, 2 edges)" in result.output
    assert gexf_errors(tmp_path / "n.gexf", GEXF_SCHEMAS) == []
    assert graphml_errors(tmp_path / "n.graphml", GRAPHML_SCHEMAS) == []
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "--format", "csv",
                                 "--output", str(tmp_path / "tables")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv", "nodes.csv"]
    # Bangladesh, a party as a country, has no coordinates: the export says so, and so does the
    # GEXF description
    assert "1 of 11 places have no coordinates" in result.output
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "--format", "gexf",
                                 "--output", str(tmp_path / "all.gexf")])
    assert "1 of 11 places have no coordinates" in result.output
    assert "places without coordinates (no viz:position): 1" in (tmp_path / "all.gexf").read_text()
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "--format", "json",
                                 "--layer", "project"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {(e["source"], e["target"]) for e in data["edges"]} == {
        ("place:tokyo", "place:ulaanbaatar"), ("place:tokyo", "place:tomsk")}


def test_export_two_mode_gexf_is_valid(store_dir, tmp_path):
    path = tmp_path / "two.gexf"
    result = CliRunner().invoke(cli, ["export", "--store", str(store_dir), "--format", "gexf",
                                      "--two-mode", "--layer", "event", "--output", str(path)])
    assert result.exit_code == 0, result.output
    assert f"wrote {path} (7 nodes, 6 edges)" in result.output
    assert gexf_errors(path, GEXF_SCHEMAS) == []
    back = nx.read_gexf(path, version="1.3")
    assert back.nodes["event:anmc21-13th-plenary"]["kind"] == "event"
    assert sorted(back["event:anmc21-13th-plenary"]) == [
        "place:bangkok", "place:hanoi", "place:seoul", "place:tokyo", "place:tomsk",
        "place:ulaanbaatar"]


def test_export_command_errors(store_dir, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "--format", "csv"])
    assert result.exit_code == 2
    assert "give --output DIRECTORY" in result.output
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "--format", "gexf",
                                 "--output", str(tmp_path / "missing" / "n.gexf")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    result = runner.invoke(cli, ["export", "--store", str(tmp_path / "nostore"),
                                 "--format", "gexf"])
    assert result.exit_code == 2


def test_export_dispatch_returns_paths(network, tmp_path):
    assert export(network, "gexf", tmp_path / "a.gexf") == [tmp_path / "a.gexf"]
    assert export(network, "csv", tmp_path / "t") == [tmp_path / "t" / "nodes.csv",
                                                      tmp_path / "t" / "edges.csv"]


def _awkward_network():
    """Names and values the XML writers must escape or type: markup characters, a tab, a
    control character, non-Latin scripts, big and mixed numbers, a NaN-only column."""
    G = nx.Graph(layers=["tie"], note='a "quoted" <note> & more')
    G.add_node("place:seoul", label="서울 & <Seoul>", kind="City", lat=37.566, lon=126.9784,
               articulation=True, population=9_586_195_000, score=1, missing=float("nan"))
    G.add_node("place:tomsk", label='Томск "T"\tx\x01y', kind="City", articulation=False,
               population=1, score=0.5, missing=float("nan"))
    G.add_edge("place:seoul", "place:tomsk", weight=0.5, count=2, layers=["tie", "event"],
               first="2014-09-06", sources=["doc:000"])
    return G


def test_xml_writers_escape_type_and_keep_every_script(tmp_path, schemas):
    G = _awkward_network()
    write_gexf(G, tmp_path / "n.gexf")
    write_graphml(G, tmp_path / "n.graphml")
    assert gexf_errors(tmp_path / "n.gexf", GEXF_SCHEMAS) == []
    assert graphml_errors(tmp_path / "n.graphml", GRAPHML_SCHEMAS) == []
    assert "서울" in (tmp_path / "n.gexf").read_text(encoding="utf-8")
    for back in (nx.read_gexf(tmp_path / "n.gexf", version="1.3"),
                 nx.read_graphml(tmp_path / "n.graphml")):
        seoul, tomsk = back.nodes["place:seoul"], back.nodes["place:tomsk"]
        assert seoul["label"] == "서울 & <Seoul>"
        assert tomsk["label"] == 'Томск "T"\tx\ufffdy'
        assert (seoul["articulation"], tomsk["articulation"]) == (True, False)
        assert seoul["population"] == 9_586_195_000 and tomsk["score"] == 0.5
        assert "missing" not in seoul
        edge = back.edges["place:seoul", "place:tomsk"]
        assert edge["layers"] == "tie|event" and edge["count"] == 2
    gexf = etree.parse(str(tmp_path / "n.gexf")).getroot()
    types = {a.get("title"): a.get("type") for a in gexf.iter(f"{{{GEXF_NS}}}attribute")}
    assert (types["population"], types["score"], types["articulation"]) == (
        "long", "double", "boolean")
    assert "missing" not in types
    edge = next(gexf.iter(f"{{{GEXF_NS}}}edge"))
    assert (edge.get("source"), edge.get("weight"), edge.get("start")) == (
        "place:seoul", "0.5", "2014-09-06")
    graphml = etree.parse(str(tmp_path / "n.graphml")).getroot()
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type")
            for k in graphml.iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert keys[("graph", "note")] == "string" and keys[("node", "score")] == "double"
    assert nx.read_graphml(tmp_path / "n.graphml").graph["note"] == 'a "quoted" <note> & more'
