"""``citygraph build`` from the command line: what it prints and the exit codes."""

import re
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from conftest import FIXTURES, ONTOLOGY, SEEDS


def _triples(folder):
    return sum(
        len(list(ox.parse(path=str(p), format=ox.RdfFormat.TURTLE)))
        for p in sorted(folder.glob("*.ttl"))
    )


#: the ontology is edited as the project grows: count its triples rather than fix a number
ASSERTED = _triples(ONTOLOGY) + _triples(FIXTURES / "store" / "data")
DATA = "data"  # a folder outside the project is named by its own name
ONTOLOGY_TRIPLES = {p.name: len(set(ox.parse(path=str(p), format=ox.RdfFormat.TURTLE)))
                    for p in ONTOLOGY.glob("*.ttl")}


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "store" / "data", target)
    return target


def _run(*args):
    return CliRunner().invoke(cli, ["build", *map(str, args)])


def test_build_reports_files_triples_and_validation(data, tmp_path):
    assert _triples(FIXTURES / "store" / "data") == 106
    store = tmp_path / "store"
    result = _run("--store", store, "--data", data)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == [f"store: {store}", "graphs: 5 (added 5, changed 0, kept 0, removed 0)"]
    assert lines[2:4] == ["  added ontology/citygraph.ttl: "
                          + str(ONTOLOGY_TRIPLES["citygraph.ttl"]) + " triples",
                          "  added ontology/schemes.ttl: " + str(ONTOLOGY_TRIPLES["schemes.ttl"])
                          + " triples"]
    assert lines[4:7] == [
        f"  added {DATA}/000_6225120ee05bea0d.ttl: 72 triples",
        f"  added {DATA}/001_1d554e3414d9cb96.ttl: 9 triples",
        f"  added {DATA}/places.ttl: 25 triples",
    ]
    assert lines[7] == f"triples: {ASSERTED} asserted, 61 inferred (2 inference passes)"
    assert re.fullmatch(r"validation: conforms \(\d+\.\d s\)", lines[8]), lines[8]
    # a clone without ../shared has not the seed texts: build says whose quotes it left
    missing = [] if (SEEDS / "000_6225120ee05bea0d.txt").is_file() else [
        "evidence: 2 sources have no text here, so their quotes were not checked: "
        "doc:000 (000_6225120ee05bea0d.txt), doc:001 (001_1d554e3414d9cb96.txt)"]
    assert lines[9:] == [*missing, f"written: {store}"]
    again = _run("--store", store, "--data", data)
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[1] == "graphs: 5, unchanged: kept 5 graphs"


def test_build_in_memory_without_validation(data):
    result = _run("--memory", "--data", data, "--no-validate")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "store: memory",
        "graphs: 5 (added 5, changed 0, kept 0, removed 0)",
        f"  added ontology/citygraph.ttl: {ONTOLOGY_TRIPLES['citygraph.ttl']} triples",
        f"  added ontology/schemes.ttl: {ONTOLOGY_TRIPLES['schemes.ttl']} triples",
        f"  added {DATA}/000_6225120ee05bea0d.ttl: 72 triples",
        f"  added {DATA}/001_1d554e3414d9cb96.ttl: 9 triples",
        f"  added {DATA}/places.ttl: 25 triples",
        f"triples: {ASSERTED} asserted, 61 inferred (2 inference passes)",
        "validation: skipped",
    ]


def test_a_syntax_error_is_one_line_and_exit_2(data, tmp_path):
    store = tmp_path / "store"
    assert _run("--store", store, "--data", data, "--no-validate").exit_code == 0
    places = data / "places.ttl"
    lines = places.read_text(encoding="utf-8").splitlines()
    lines[6] = lines[6].replace('"Russia"@en ;', '"Russia"@en ;;;,')
    places.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run("--store", store, "--data", data, "--no-validate")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith("citygraph: error: data/places.ttl:7:")


def test_violations_exit_1_and_keep_the_previous_store(data, tmp_path):
    store = tmp_path / "store"
    assert _run("--store", store, "--data", data, "--no-validate").exit_code == 0
    doc = data / "001_1d554e3414d9cb96.ttl"
    text = doc.read_text(encoding="utf-8")
    doc.write_text("\n".join(x for x in text.splitlines() if "dcterms:title" not in x), "utf-8")
    result = _run("--store", store, "--data", data)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any(x.startswith("validation: does not conform (1 violations) (") for x in lines)
    assert "  cgsh:SourceDocument-title: 1 violation" in lines
    assert lines[-1] == f"not written: the previous store at {store} is untouched"


def test_store_and_memory_together_is_a_usage_error(data, tmp_path):
    result = _run("--store", tmp_path / "s", "--memory", "--data", data)
    assert result.exit_code == 2
    assert "give --store or --memory, not both" in result.output


def test_a_missing_data_folder_is_an_input_error(tmp_path):
    result = _run("--memory", "--data", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.output == f"citygraph: error: {tmp_path / 'nowhere'}: no such folder\n"
