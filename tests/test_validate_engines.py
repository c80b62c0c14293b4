"""The fast validation engine against pySHACL, validation in context and incrementally,
and literals whose text is not of their datatype.

pySHACL is the reference: every shape fixture, the seed data with violations
written into it, and a small synthetic graph go through both engines, and the
findings (severity, focus, path, shape, value) must be the same.
"""

import logging
import shutil
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.graph.validation import (
    affected_nodes,
    data_files,
    load_shapes,
    load_store,
    shape_depth,
    shorten,
    validate,
    validate_store,
)
from conftest import FIXTURES, ONTOLOGY, ROOT, SEED

SHAPE_FIXTURES = FIXTURES / "shapes"
CONTEXT = SHAPE_FIXTURES / "context.ttl"
SEED_002 = "002_0916525940670b2c.ttl"

#: written into a copy of the seed file 002: an agreement with a wrong signatory, an undescribed
#: party, an impossible date; a talk count that is not a number; a second name for a city
INJECTED = """
agreement:900-injected a cg:Agreement ;
    cg:agreementType agt:mou ;
    cg:party place:seoul ;
    cg:signatory place:seoul ;
    dcterms:date "2014-13-45"^^xsd:date ;
    prov:wasDerivedFrom doc:002 .

place:seoul cg:population "eight"^^xsd:integer .
"""


def _keys(report):
    return Counter(
        (r.severity, shorten(r.focus), shorten(r.path) if r.path is not None else None,
         shorten(r.shape), shorten(r.value) if r.value is not None else None)
        for r in report.results
    )


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """A copy of the frozen seed data with INJECTED appended to file 002."""
    folder = tmp_path_factory.mktemp("seed")
    for path in SEED.glob("*.ttl"):
        shutil.copy(path, folder / path.name)
    changed = folder / SEED_002
    changed.write_text(changed.read_text(encoding="utf-8") + INJECTED, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seed_reports(seed):
    """The seed copy through each engine (pySHACL takes a while: run it once)."""
    paths = data_files(seed)
    return {engine: validate(paths, engine=engine) for engine in ("turbo", "pyshacl")}


def _synthetic(folder, n=60):
    """A small graph in the project's vocabulary, with one violation of each kind every 7th node."""
    lines = [
        "@prefix cg: <https://w3id.org/citygraph/ontology#> .",
        "@prefix place: <https://w3id.org/citygraph/id/place/> .",
        "@prefix agreement: <https://w3id.org/citygraph/id/agreement/> .",
        "@prefix agt: <https://w3id.org/citygraph/id/agreement-type/> .",
        "@prefix doc: <https://w3id.org/citygraph/id/doc/> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "doc:synthetic a cg:SourceDocument ; dcterms:title \"Synthetic\" .",
    ]
    for i in range(n):
        lines.append(
            f'place:synthetic-{i} a cg:City ; rdfs:label "Synthetic {i}"@en ; '
            f'cg:mentionedIn doc:synthetic .'
        )
    for i in range(n - 1):
        parties = f"place:synthetic-{i}, place:synthetic-{i + 1}"
        kind = "agt:mou"
        date = f'"20{i % 20:02d}-0{1 + i % 9}-1{i % 10}"^^xsd:date'
        extra = ""
        if i % 7 == 1:
            parties = f"place:synthetic-{i}"  # one party: a warning
        if i % 7 == 2:
            kind = "place:synthetic-0"  # not an agreement type
        if i % 7 == 3:
            date = '"2014-13-45"^^xsd:date'  # not a date
        if i % 7 == 4:
            extra = "; cg:signatory place:synthetic-3"  # a place as signatory
        if i % 7 == 5:
            extra = '; dcterms:date "2001"^^xsd:gYear'  # two dates
        lines.append(
            f"agreement:synthetic-{i} a cg:Agreement ; cg:agreementType {kind} ; "
            f"cg:party {parties} ; dcterms:date {date} ; "
            f"prov:wasDerivedFrom doc:synthetic {extra} ."
        )
    lines.insert(0, "@prefix prov: <http://www.w3.org/ns/prov#> .")
    path = Path(folder) / "synthetic.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


FIXTURE_SETS = sorted(p.name for p in SHAPE_FIXTURES.glob("*-*.ttl"))


@pytest.mark.parametrize("name", FIXTURE_SETS)
def test_each_shape_fixture_gives_the_same_findings_in_both_engines(name):
    paths = [CONTEXT, SHAPE_FIXTURES / name]
    fast = validate(paths, engine="turbo")
    reference = validate(paths, engine="pyshacl")
    assert _keys(fast) == _keys(reference)
    if name.endswith("-invalid.ttl"):
        assert fast.results, "an invalid fixture must give findings"


def test_the_seed_data_with_violations_gives_the_same_findings_in_both_engines(seed_reports):
    fast, reference = seed_reports["turbo"], seed_reports["pyshacl"]
    assert _keys(fast) == _keys(reference)
    found = {
        (shorten(r.focus), shorten(r.path), shorten(r.shape)) for r in fast.violations
    }
    assert found == {
        ("agreement:900-injected", "cg:signatory", "cgsh:Agreement-signatory"),
        ("agreement:900-injected", "dcterms:date", "cgsh:Dated-date"),
        # seoul has a population in file 000 already, and "eight" is not an integer
        ("place:seoul", "cg:population", "cgsh:Place-population"),
    }


def test_a_synthetic_graph_with_injected_violations_gives_the_same_findings(tmp_path):
    path = _synthetic(tmp_path)
    paths = [path, SEED / "places.ttl", SEED / "themes.ttl"]
    fast = validate(paths, engine="turbo")
    reference = validate(paths, engine="pyshacl")
    assert _keys(fast) == _keys(reference)
    by_shape = Counter(shorten(r.shape) for r in fast.results)
    # of agreements 0..58, those i % 7 == 1 have one party, == 2 a place as their kind,
    # == 3 an impossible date, == 4 a place as signatory, == 5 two dates
    assert by_shape["cgsh:AgreementPartiesShape"] == 9
    assert by_shape["cgsh:Agreement-agreementType"] == 9
    assert by_shape["cgsh:Dated-date"] == 8
    assert by_shape["cgsh:Agreement-signatory"] == 8
    assert by_shape["cgsh:Agreement-date"] == 8
    # the synthetic cities have no country: 60 violations
    assert by_shape["cgsh:City-country"] == 60
    lines = path.read_text(encoding="utf-8").splitlines()
    for r in fast.results:
        if shorten(r.shape) == "cgsh:Dated-date":
            assert r.line and f"{shorten(r.focus)} a cg:Agreement" in lines[r.line - 1]


def test_ill_typed_literals_are_violations_with_file_and_line_in_both_engines(seed,
                                                                              seed_reports):
    lines = (seed / SEED_002).read_text(encoding="utf-8").splitlines()
    date_line = next(i for i, t in enumerate(lines, 1) if '"2014-13-45"' in t)
    count_line = next(i for i, t in enumerate(lines, 1) if '"eight"' in t)
    for engine, report in seed_reports.items():
        ill = {
            (shorten(r.focus), shorten(r.path), shorten(r.value), Path(r.file).name, r.line)
            for r in report.violations
            if r.value is not None and shorten(r.value) in
            ('"2014-13-45"^^xsd:date', '"eight"^^xsd:integer')
        }
        assert ill == {
            ("agreement:900-injected", "dcterms:date", '"2014-13-45"^^xsd:date', SEED_002,
             date_line),
            ("place:seoul", "cg:population", '"eight"^^xsd:integer', SEED_002, count_line),
        }, engine


def test_an_ill_typed_literal_where_no_shape_looks_is_a_violation(tmp_path):
    path = tmp_path / "x.ttl"
    path.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        'ex:a ex:count "12"^^xsd:integer ;\n'
        '    ex:size "eight"^^xsd:integer ;\n'
        '    ex:when "2014-13-45"^^xsd:date .\n',
        encoding="utf-8",
    )
    report = validate([path])
    assert [(shorten(r.focus), shorten(r.value), r.where) for r in report.violations] == [
        ("<http://example.org/a>", '"2014-13-45"^^xsd:date', f"{path}:5"),
        ("<http://example.org/a>", '"eight"^^xsd:integer', f"{path}:4"),
    ]
    assert {shorten(r.shape) for r in report.violations} == {"cgsh:WellTypedLiteral"}


def test_validate_cli_shows_an_ill_typed_literal_with_its_line_and_no_traceback(
    tmp_path, monkeypatch, caplog
):
    path = tmp_path / "x.ttl"
    path.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        'ex:a ex:size "eight"^^xsd:integer .\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(cli, ["validate", "--no-context", str(path)])
    assert "Failed to convert" not in caplog.text
    assert result.exit_code == 1, result.output
    assert f'Violation  <http://example.org/a>  <http://example.org/size>  = "eight"^^xsd:integer' \
        f"  ({path}:3)" in result.stdout
    assert "Traceback" not in result.output


def _subjects(path):
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return {q.subject.value for q in store if isinstance(q.subject, ox.NamedNode)}


def test_a_file_in_context_reports_what_a_full_run_says_about_its_nodes(seed):
    everything = data_files(seed)
    full = validate(everything)
    changed = seed / SEED_002
    alone = validate([changed], context=everything)
    mine = _subjects(changed)
    expected = [r for r in full.results if str(r.focus) in mine]
    assert sorted(map(str, (r.key() for r in alone.results))) == sorted(
        map(str, (r.key() for r in expected))
    )
    # a node several files describe is shown with the file asked about
    assert {Path(r.file).name for r in alone.results} == {SEED_002}
    assert len(alone.violations) >= 3
    assert alone.files == (str(changed),)


def test_the_focus_nodes_neighbourhood_alone_gives_what_the_whole_store_gives(seed, tmp_path):
    """Each file's nodes as focus: validated on the whole store (results kept by a set
    lookup) and on their neighbourhood alone, the same findings, those of a full run."""
    _synthetic(tmp_path)
    paths = [*data_files(seed), *sorted(tmp_path.glob("*.ttl")), *sorted(ONTOLOGY.glob("*.ttl"))]
    store, files = load_store(paths)
    full = validate_store(store, files=files)
    assert len(full.violations) >= 40
    shapes = load_shapes()
    for path in [*data_files(seed), *sorted(tmp_path.glob("*.ttl"))]:
        focus = _subjects(path)
        expected = sorted(str(r.key()) for r in full.results if str(r.focus) in focus)
        for near in (True, False):
            report = validate_store(store, files=files, focus=focus, near=near, shapes=shapes)
            assert sorted(str(r.key()) for r in report.results) == expected, (path.name, near)


def test_no_correct_seed_file_gives_a_finding_when_validated_alone_in_context():
    everything = data_files(SEED)
    for path in everything:
        report = validate([path], context=everything)
        assert report.results == (), path.name


def test_a_seed_file_validated_without_context_has_false_violations():
    # what `validate FILE` used to do: the places the file points to are unknown
    report = validate([SEED / SEED_002])
    assert len(report.violations) > 0


def test_incremental_validation_after_a_change_gives_the_full_report(seed):
    ontology = sorted(ONTOLOGY.glob("*.ttl"))
    before_store, before_files = load_store([*data_files(SEED), *ontology])
    before = validate_store(before_store, files=before_files)
    assert before.conforms
    after_store, after_files = load_store([*data_files(seed), *ontology])
    full = validate_store(after_store, files=after_files)
    # the subjects of the changed file, before and after the change
    changed = _subjects(SEED / SEED_002) | _subjects(seed / SEED_002)
    depth = shape_depth(load_shapes())
    affected = affected_nodes(after_store, None, changed, depth)
    assert len(affected) < len(_subjects_of_store(after_store))
    again = validate_store(after_store, files=after_files, focus=affected)
    kept = [r for r in before.results if str(r.focus) not in affected]
    merged = [*kept, *again.results]
    assert sorted(str(r.key()) for r in merged) == sorted(str(r.key()) for r in full.results)
    assert not full.conforms


def _subjects_of_store(store):
    return {q.subject.value for q in store if isinstance(q.subject, ox.NamedNode)}


def test_validate_dir_walks_the_folder_and_reports_its_files(seed, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        cli, ["validate", "--context", str(seed), "--format", "json", str(seed)]
    )
    assert result.exit_code == 1, result.output
    import json

    report = json.loads(result.stdout)
    assert len(report["files"]) == 7
    found = {(r["focus"], r["path"], Path(r["file"]).name, r["line"]) for r in report["results"]}
    # seoul is described first in file 000, so its findings are shown there, but for the
    # value written in 002 (with its line)
    assert {(f, p, name) for f, p, name, _ in found} == {
        ("agreement:900-injected", "cg:signatory", SEED_002),
        ("agreement:900-injected", "dcterms:date", SEED_002),
        ("agreement:900-injected", "cg:evidence", SEED_002),  # a warning
        ("agreement:900-injected", None, SEED_002),  # one party: a warning
        ("place:seoul", "cg:population", "000_6225120ee05bea0d.ttl"),
        ("place:seoul", "cg:population", SEED_002),
    }


def test_validate_store_reads_the_graphs_build_loaded():
    from citygraph.graph.build import build

    built = build(memory=True, validate=False, data_dir=SEED)
    report = validate_store(built.store)
    assert report.conforms and report.results == ()
    names = {Path(f).name for f in report.files}
    assert {SEED_002, "places.ttl", "citygraph.ttl"} <= names


def test_validation_does_not_import_pyshacl_until_it_runs():
    import subprocess
    import sys

    code = ("import sys, citygraph.cli, citygraph.graph.validation, citygraph.commands.validate; "
            "print('pyshacl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
