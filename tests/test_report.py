"""citygraph report: the terminal table, CSV/JSON of every node, network.json, report.html."""

import base64
import csv
import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.errors import UsageError
from citygraph.graph.build import build
from citygraph.networks.report import analyze, nodes_csv, ranked, top_table, write_report
from conftest import FIXTURES


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "store"
    build(store_path=path, data_dir=FIXTURES / "network", validate=False)
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_report_prints_the_top_places(store_dir):
    result = run("report", "--store", store_dir, "--top", "3")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("Network of 11 places and 21 edges (layers: agreement, tie, membership, "
                        "event, project; 1 components, largest 11; density 0.382; "
                        "betweenness exact)")
    # Bangladesh, a party as a country, has no coordinates in the gazetteer
    assert lines[1] == "1 of 11 places have no coordinates"
    assert lines[2].split() == ["rank", "place", "country", "degree", "weighted", "betweenness",
                                "closeness", "eigenvector", "core", "community", "cut"]
    # Seoul: the plenary's five other delegations plus Colombo, Bogor, Bangladesh and
    # Ho Chi Minh City from the 2016 forum
    assert lines[3].split()[:5] == ["1", "Seoul", "South", "Korea", "9"]
    assert [line.split()[1] for line in lines[3:]] == ["Seoul", "Tokyo", "Tomsk"]
    assert len(lines) == 6


def test_report_by_layer_and_sort(store_dir):
    result = run("report", "--store", store_dir, "--layer", "tie", "--sort", "betweenness")
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.output.splitlines()[2:]]
    assert [r[1] for r in rows] == ["Seoul", "Colombo", "Ho"]
    # Seoul, South Korea: 2 partners, 3 ties, on every path between Colombo and Ho Chi Minh City
    assert rows[0][4:7] == ["2", "3", "1.000"] and rows[0][-1] == "yes"


def test_report_writes_every_file(store_dir, tmp_path):
    out = tmp_path / "report"
    result = run("report", "--store", store_dir, "--out", out, "--top", "5")
    assert result.exit_code == 0, result.output
    for name in ("nodes.csv", "nodes.json", "network.json", "report.html"):
        assert f"wrote {out / name}" in result.output
    rows = list(csv.DictReader((out / "nodes.csv").open()))
    assert len(rows) == 11
    assert rows[0]["id"] == "place:seoul" and rows[0]["degree"] == "9"
    assert rows[0]["geonames"] == "1835848" and rows[0]["articulation"] == "true"
    nodes = json.loads((out / "nodes.json").read_text())
    assert [n["id"] for n in nodes] == [r["id"] for r in rows]
    # Newman's 1/(n-1): Seoul's weighted degree is the number of groups it shares with others
    # (4 agreements, 3 ties, the plenary)
    assert nodes[0]["lat"] == 37.566 and nodes[0]["weighted_degree"] == 8
    network = json.loads((out / "network.json").read_text())
    assert (network["nodes"], network["edges"], network["components"]) == (11, 21, 1)
    # Colombo - Seoul - Tokyo - Jakarta (Jakarta only shares ANMC21 with Tokyo and Tomsk)
    assert network["diameter"] == 3
    assert network["articulation_points"] == ["place:seoul"]
    assert network["bridges"] == [["place:bogor", "place:seoul"],
                                  ["place:colombo", "place:seoul"],
                                  ["place:country-bd", "place:seoul"],
                                  ["place:ho-chi-minh-city", "place:seoul"]]
    assert network["eigenvector_method"] == "eigenvector"
    assert network["betweenness_method"] == "exact"
    assert network["layers"] == ["agreement", "tie", "membership", "event", "project"]
    page = (out / "report.html").read_text()
    assert "<h1>City network report</h1>" in page
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(images) == 3
    assert all(base64.b64decode(image)[:8] == b"\x89PNG\r\n\x1a\n" for image in images)
    assert "fact:002-transfer-seoul-colombo-tax" in page  # a bridge's facts are listed
    assert not re.search(r'(src|href)="(?!data:)', page)  # nothing outside the page


def test_report_sampled_betweenness_says_so(store_dir, tmp_path):
    result = run("report", "--store", store_dir, "--sample", "4", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert "betweenness sampled from 4 sources (seed 42), approximate" in result.output
    network = json.loads((tmp_path / "network.json").read_text())
    assert network["betweenness_method"] == "sampled from 4 sources (seed 42), approximate"


def test_report_over_a_remote_endpoint(store_dir, oxigraph_server):
    # the shared server holds what other tests pushed; the report runs over it all
    result = run("report", "--endpoint", oxigraph_server.query, "--top", "2")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Network of ")


@pytest.mark.parametrize("args, message", [
    (["--layer", "twinning"], "--layer: unknown layer 'twinning'"),
    (["--since", "2016-13-01"], "--since: '2016-13-01' is not a date"),
    (["--since", "2017", "--until", "2016"], "--since 2017 is after --until 2016"),
])
def test_report_bad_options_exit_2(store_dir, args, message):
    result = run("report", "--store", store_dir, *args)
    assert result.exit_code == 2
    assert result.output == f"citygraph: error: {message}" + result.output.split(message)[1]
    assert len(result.output.strip().splitlines()) == 1


def test_report_without_a_store_exits_2(tmp_path):
    result = run("report", "--store", tmp_path / "none")
    assert result.exit_code == 2
    assert result.output.startswith("citygraph: error: ")


def test_report_endpoint_that_does_not_answer_exits_3():
    result = run("report", "--endpoint", "http://127.0.0.1:9/query", "--timeout", "1")
    assert result.exit_code == 3
    assert "127.0.0.1:9" in result.output


def test_library_functions_on_a_star(tmp_path):
    G = nx.star_graph(["place:hub", "place:a", "place:b", "place:c"])
    nx.set_node_attributes(G, {"place:hub": "Hub"}, "label")
    figures = analyze(G)
    assert ranked(G, "betweenness")[0] == "place:hub"
    assert top_table(G, top=1).splitlines()[1].split()[:4] == ["1", "Hub", "3", "3"]
    assert nodes_csv(G).splitlines()[0].startswith("id,label,kind,country,country_code")
    paths = write_report(G, figures, tmp_path / "out", top=2)
    assert [p.name for p in paths] == ["nodes.csv", "nodes.json", "network.json", "report.html"]
    with pytest.raises(UsageError, match="unknown measure 'fame'"):
        ranked(G, "fame")
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="not a directory"):
        write_report(G, figures, tmp_path / "file")


def test_measures_are_computed_once_per_store_state(tmp_path):
    from citygraph.graph.store import live_folder
    from citygraph.networks.analysis import analysed, store_state
    from citygraph.querying.sparql import connect

    path = tmp_path / "store"
    build(store_path=path, data_dir=FIXTURES / "network", validate=False)
    target = connect(store=path)
    first, figures = analysed(target, layers="all")
    assert figures["cache"] == "computed"
    again, reused = analysed(target, layers="all")
    assert reused["cache"] == "reused"
    assert list(again.nodes(data=True)) == list(first.nodes(data=True))
    assert list(again.edges(data=True)) == list(first.edges(data=True))
    assert {k: v for k, v in reused.items() if k != "cache"} == {
        k: v for k, v in figures.items() if k != "cache"}
    # the report and every export format read the same cached network, and the files are the
    # same whether the measures were computed or reused
    out = tmp_path / "report"
    assert run("report", "--store", path, "--out", out).exit_code == 0
    for cached in (live_folder(path) / "cache").glob("network-*.json"):
        cached.unlink()
    assert run("report", "--store", path, "--out", tmp_path / "cold").exit_code == 0
    for name in ("nodes.csv", "nodes.json", "network.json", "report.html"):
        assert (out / name).read_bytes() == (tmp_path / "cold" / name).read_bytes(), name
    assert run("export", "--store", path, "--format", "json", "-o", tmp_path / "n.json"
               ).exit_code == 0
    cache = live_folder(path) / "cache"
    assert len(list(cache.glob("network-*.json"))) == 1
    # other options are another network; a changed store (new manifest) is measured afresh
    assert analysed(target, layers="tie")[1]["cache"] == "computed"
    state = store_state(target)
    manifest = live_folder(path) / "manifest.json"
    manifest.write_text(manifest.read_text() + " ")
    assert store_state(target) != state
    assert analysed(target, layers="all")[1]["cache"] == "computed"
    # a damaged cache file is recomputed, not trusted
    for cached in cache.glob("network-*.json"):
        cached.write_text("{")
    assert analysed(target, layers="all")[1]["cache"] == "computed"
