"""Every CSV (and TSV) citygraph writes shows formula-leading cells as text (OWASP's rule).

A cell that starts with =, +, -, @, a tab or a carriage return gets a ' in front;
plain numbers such as -3.5 stay numbers. Tested on each writer: ``query --format
csv/tsv``, the report's nodes.csv, the exported node and edge tables, and the
reconciliation report of ``import csv`` (whose decisions are read back unescaped).
"""

import csv
import io

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from citygraph.fileio import csv_cell, csv_uncell
from citygraph.importers.csv_ties import import_csv, read_decisions, report_text
from citygraph.networks.export import write_csv
from citygraph.networks.report import analyze, nodes_csv
from citygraph.querying.catalog import Result, format_result

#: one attack per leading character, each as a spreadsheet would run it
ATTACKS = ["=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0"]


def rows_of(text, delimiter=","):
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_csv_cell_quotes_the_four_leading_characters_and_tab_and_cr():
    for attack in ATTACKS + ["\tx", "\rx"]:
        assert csv_cell(attack) == "'" + attack
        assert csv_uncell(csv_cell(attack)) == attack


def test_plain_numbers_stay_numbers():
    assert [csv_cell(v) for v in ["-3.5", "+12", "-0.5e-3", "-7"]] == ["-3.5", "+12", "-0.5e-3",
                                                                         "-7"]
    assert csv_cell(-3.5) == -3.5


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_query_output_escapes_formula_cells(fmt, delimiter):
    rows = [{"label": Literal(a), "n": Literal(-3.5)} for a in ATTACKS]
    rows.append({"label": Literal("-3.5"), "n": Literal(2)})
    text = format_result(Result("SELECT", ["label", "n"], rows), fmt)
    assert rows_of(text, delimiter) == [["label", "n"]] + [["'" + a, "-3.5"] for a in ATTACKS] \
        + [["-3.5", "2"]]


def _network():
    G = nx.Graph()
    for i, attack in enumerate(ATTACKS):
        G.add_node(f"place:p{i}", label=attack, kind="city", lat=-33.9, lon=18.4)
    G.add_node("place:plain", label="Cape Town", kind="city", lat=-33.9, lon=18.4)
    for i in range(len(ATTACKS)):
        G.add_edge(f"place:p{i}", "place:plain", weight=1, layers=ATTACKS[i])
    return G


def test_report_nodes_csv_escapes_labels_and_keeps_negative_coordinates():
    G = _network()
    analyze(G)
    table = list(csv.DictReader(io.StringIO(nodes_csv(G))))
    labels = {row["id"]: row["label"] for row in table}
    assert [labels[f"place:p{i}"] for i in range(4)] == ["'" + a for a in ATTACKS]
    assert labels["place:plain"] == "Cape Town"
    assert {row["lat"] for row in table} == {"-33.9"}


def test_exported_csv_tables_escape_labels_and_edge_attributes():
    nodes, edges = io.StringIO(), io.StringIO()
    write_csv(_network(), nodes, edges)
    node_rows = list(csv.DictReader(io.StringIO(nodes.getvalue())))
    assert sorted(r["Label"] for r in node_rows) == sorted(["'" + a for a in ATTACKS]
                                                           + ["Cape Town"])
    assert {r["lat"] for r in node_rows} == {"-33.9"}
    edge_rows = list(csv.DictReader(io.StringIO(edges.getvalue())))
    assert sorted(r["layers"] for r in edge_rows) == sorted("'" + a for a in ATTACKS)


def test_reconciliation_report_escapes_names_and_decisions_read_them_back(tmp_path):
    source = tmp_path / "ties.csv"
    lines = ["city1,country1,city2,country2"]
    lines += [f'"{a}",Germany,Weimar,Germany' for a in ATTACKS]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_csv(source)
    report = report_text(result)
    names = [row[0] for row in rows_of(report)[1:]]
    assert sorted(n for n in names if n != "Weimar") == sorted("'" + a for a in ATTACKS)
    for line in report.splitlines()[1:]:
        assert line[:1] not in "=+-@"
    # a person decides on the escaped report; the decisions name the original cells
    table = list(csv.DictReader(io.StringIO(report)))
    for row in table:
        row["decision"] = "skip" if row["name"] != "Weimar" else ""
    decided = tmp_path / "decided.csv"
    with decided.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    assert read_decisions(decided) == {(a, "Germany"): "skip" for a in ATTACKS}
    again = import_csv(source, decisions=read_decisions(decided))
    statuses = {name: d.status for (name, *_), d in again.decisions.items()}
    assert {statuses[a] for a in ATTACKS} == {"skipped"}


def test_iri_cells_are_not_touched():
    iri = URIRef("https://w3id.org/citygraph/id/place/seoul")
    text = format_result(Result("SELECT", ["x"], [{"x": iri}]), "csv")
    assert text == f"x\n{iri}\n"
