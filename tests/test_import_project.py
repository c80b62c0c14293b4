"""Imports are part of the project: data/imports/NAME.ttl beside its report, built like any data.

Each test works on a copy of the project (ontology, queries, shapes, data) in a
temporary folder, so the repository's own data/imports/ is never touched.
"""

import csv
import io
import re
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.namespaces import CG
from conftest import FIXTURES, ONTOLOGY, QUERIES, SEED, SHAPES, SHARED

IMPORT = FIXTURES / "import"
P190 = SHARED / "realdata" / "wikidata-p190-2016"
TIES_IN = "https://w3id.org/citygraph/graph/data/imports/{}.ttl"


def make_project(folder):
    """A project in ``folder``: the ontology, queries and shapes, and the frozen seed graph as its
    data (so the figures pinned on the combined store do not move as data/ grows)."""
    for source in (ONTOLOGY, QUERIES, SHAPES):
        shutil.copytree(source, folder / source.name)
    shutil.copytree(SEED, folder / "data", ignore=shutil.ignore_patterns("README.md"))
    return folder


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result


def count_ties(store_dir, name):
    db = ox.Store.read_only(str(store_dir / "oxigraph"))
    try:
        return len(list(db.quads_for_pattern(None, ox.NamedNode(str(ox.NamedNode(
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type").value)),
            ox.NamedNode(str(CG.Tie)), ox.NamedNode(TIES_IN.format(name)))))
    finally:
        del db


def test_csv_import_writes_into_the_project_and_reruns_byte_identically(project):
    imports = project / "data" / "imports"
    decisions = imports / "ties.decisions.csv"
    imports.mkdir()
    shutil.copy(IMPORT / "decisions.csv", decisions)
    before = decisions.read_bytes()
    first = run("import", "csv", IMPORT / "ties.csv", "--project", project)
    assert first.exit_code == 0, first.output
    # a summary, not one line per skipped row: the rows are in the skipped file
    assert "skipped:" not in first.output
    assert (f"5 rows skipped, each listed with its line and reason in "
            f"{imports / 'ties.skipped.csv'}") in first.output
    assert ("10 rows: 5 ties, 5 rows skipped, 0 rows waiting for a decision; names: "
            "8 resolved, 0 ambiguous, 0 unresolved, 1 skipped") in first.output
    assert f"decisions read from {decisions}: 2 names" in first.output
    files = {p.name: p.read_bytes() for p in sorted(imports.iterdir())}
    assert sorted(files) == ["ties.decisions.csv", "ties.report.csv", "ties.skipped.csv",
                             "ties.ttl"]
    skipped = list(csv.DictReader(io.StringIO(files["ties.skipped.csv"].decode())))
    assert [(r["line"], r["reason"]) for r in skipped] == [
        ("6", "missing city in city2"), ("7", "duplicate of line 5"),
        ("8", "left out by decision: Nowhere-on-Sea"), ("9", "unknown country 'Narnia'"),
        ("10", "self-tie: Tomsk with itself")]
    assert skipped[0]["text"] == "Mansfield,United States,,Germany"
    report = {r["name"]: r for r in csv.DictReader(io.StringIO(files["ties.report.csv"].decode()))}
    # the report shows the decisions in force; the decisions file is never written
    assert (report["Springfield"]["decision"], report["Springfield"]["geonames_id"]) == \
        ("4250542", "4250542")
    assert (report["Nowhere-on-Sea"]["status"], report["Nowhere-on-Sea"]["decision"]) == \
        ("skipped", "skip")
    assert report["Weimar"]["decision"] == ""
    second = run("import", "csv", IMPORT / "ties.csv", "--project", project)
    assert second.exit_code == 0, second.output
    assert {p.name: p.read_bytes() for p in sorted(imports.iterdir())} == files
    assert decisions.read_bytes() == before


def test_the_report_itself_is_refused_as_decisions(project):
    assert run("import", "csv", IMPORT / "ties.csv", "--project", project).exit_code == 0
    report = project / "data" / "imports" / "ties.report.csv"
    text = report.read_bytes()
    again = run("import", "csv", IMPORT / "ties.csv", "--project", project,
                "--decisions", report)
    assert again.exit_code == 2
    assert again.output.strip().endswith(
        f"--decisions: {report} is the report file this import writes; copy the decided rows "
        f"to {project / 'data' / 'imports' / 'ties.decisions.csv'}")
    assert report.read_bytes() == text


def test_import_into_a_fresh_store_then_report_and_remove(project, tmp_path, shared):
    store = tmp_path / "store"
    result = run("import", "wikidata", "--entity", P190 / "weimar.json", "--names",
                 P190 / "names.tsv", "--project", project, "--store", store)
    assert result.exit_code == 0, result.output
    assert f"{project / 'data' / 'imports' / 'weimar.ttl'}: written" in result.output
    assert "validation: conforms" in result.output
    assert f"written: {store}" in result.output
    assert count_ties(store, "weimar") == 5
    report = run("report", "--store", store, "--layer", "tie")
    assert report.exit_code == 0, report.output
    # the seed graph's 16 tie edges and Weimar's 5 ties from the import
    assert report.output.startswith("Network of 26 places and 21 edges (layers: tie;")
    # Weimar is placed: reconciled to GeoNames, with its country
    assert re.search(r"^3 +Weimar +Germany +5 +5 ", report.output, re.M), report.output
    removed = run("import", "remove", "weimar", "--project", project, "--store", store,
                  "--no-validate")
    assert removed.exit_code == 0, removed.output
    assert f"{project / 'data' / 'imports' / 'weimar.ttl'}: removed" in removed.output
    assert "removed data/imports/weimar.ttl" in removed.output
    assert not (project / "data" / "imports" / "weimar.ttl").exists()
    assert count_ties(store, "weimar") == 0
    unknown = run("import", "remove", "weimar", "--project", project)
    assert unknown.exit_code == 2
    assert "no import named 'weimar'; no imports" in unknown.output


@pytest.mark.parametrize("content, expected", [
    (b"", "{f}: the file is empty; expected two Wikidata ids (Q123) a line, separated by a "
          "tab or a comma"),
    (b"Q1\tQ2\nQ3\tFoo bar\n", "{f}:2: expected two Wikidata ids (Q123) a line, separated "
                               "by a tab or a comma, found 'Q3\\tFoo bar'"),
    (b"Q1\tQ2\n\x00\x01\x02", "{f}:2: a NUL byte: this is a binary file; expected two "
                              "Wikidata ids (Q123) a line, separated by a tab or a comma"),
    (b"Q1\tQ2\nQ3\tQ\xe94\n", "{f}:2: byte 0xe9 is not UTF-8 (nor UTF-16 with a byte-order "
                              "mark); expected two Wikidata ids (Q123) a line, separated by "
                              "a tab or a comma"),
])
def test_a_wrong_relations_file_is_one_line_exit_2_and_nothing_written(project, tmp_path,
                                                                      content, expected):
    wrong = tmp_path / "wrong.tsv"
    wrong.write_bytes(content)
    result = run("import", "wikidata", "--relations", wrong, "--project", project)
    assert result.exit_code == 2
    assert result.output == f"citygraph: error: {expected.format(f=wrong)}\n"
    assert not (project / "data" / "imports").exists()


def test_names_given_as_relations_is_refused(project, shared):
    result = run("import", "wikidata", "--relations", P190 / "names.tsv", "--project", project)
    assert result.exit_code == 2
    assert result.output == (f"citygraph: error: {P190 / 'names.tsv'}:2: expected two Wikidata "
                             "ids (Q123) a line, separated by a tab or a comma, found "
                             "'Q1081996\\tBrou'\n")
    assert not (project / "data" / "imports").exists()


CSV_CASES = [
    ("utf8-bom", "\ufeffcity1,country1,city2,country2\nWeimar,Germany,Siena,Italy\n"
                 .encode("utf-8"), None),
    ("utf16", "city1,country1,city2,country2\nWeimar,Germany,Siena,Italy\n".encode("utf-16"),
     None),
    ("latin1", "city1,country1,city2,country2\nWeimar,Germany,Siena,Italy\nZürich,"
               "Switzerland,Weimar,Germany\n".encode("latin-1"),
     "{f}:3: byte 0xfc is not UTF-8 (nor UTF-16 with a byte-order mark); expected a CSV "
     "file with a header line"),
    ("open-quote", b'city1,country1,city2,country2\nWeimar,Germany,Siena,Italy\n'
                   b'"Tomsk,Russia,Weimar,Germany\nSiena,Italy,Tomsk,Russia\n',
     "{f}:3: a quote opened on this line is never closed; expected a CSV file with a header "
     "line"),
    ("columns", b"town,land\nWeimar,Germany\n",
     "{f}:1: no column for city1=city1, country1=country1, city2=city2, country2=country2 "
     "(the header has town, land)"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "{f}:1: byte 0x89 is not UTF-8 (nor UTF-16 with a byte-order mark); expected a CSV "
     "file with a header line"),
]


@pytest.mark.parametrize("name, content, expected", CSV_CASES, ids=[c[0] for c in CSV_CASES])
def test_csv_encodings_and_broken_files(project, tmp_path, name, content, expected):
    path = tmp_path / f"{name}.csv"
    path.write_bytes(content)
    result = run("import", "csv", path, "--project", project)
    if expected is None:
        assert result.exit_code == 0, result.output
        ttl = (project / "data" / "imports" / f"{name}.ttl").read_text(encoding="utf-8")
        assert "Weimar,Germany,Siena,Italy" in ttl
        assert "1 rows: 1 ties, 0 rows skipped" in result.output
    else:
        assert result.exit_code == 2, result.output
        assert result.output == f"citygraph: error: {expected.format(f=path)}\n"
        assert not (project / "data" / "imports").exists()


def test_a_quote_that_closes_rows_later_is_listed_not_dropped(project, tmp_path):
    path = tmp_path / "late.csv"
    path.write_text('city1,country1,city2,country2\n"Weimar,Germany,Siena,Italy\n'
                    'Tomsk",Russia,Weimar,Germany\nSiena,Italy,Tomsk,Russia\n', encoding="utf-8")
    result = run("import", "csv", path, "--project", project)
    assert result.exit_code == 0, result.output
    skipped = (project / "data" / "imports" / "late.skipped.csv").read_text(encoding="utf-8")
    assert skipped.splitlines()[1].startswith(
        "2,a quoted cell of city1 runs over several lines: is a quote left open?,")
    assert "2 rows: 1 ties, 1 rows skipped" in result.output


@pytest.fixture(scope="module")
def combined(tmp_path_factory):
    """The seed graph built, the full Wikidata file imported with --store, then rebuilt."""
    if not (P190 / "relations.tsv").is_file():
        pytest.skip("the shared Wikidata file is not beside the clone")
    from citygraph.graph.build import build

    folder = tmp_path_factory.mktemp("combined")
    root, store = make_project(folder / "project"), folder / "store"
    seed = build(store_path=store, root=root, validate=False)
    imported = run("import", "wikidata", "--relations", P190 / "relations.tsv", "--names",
                   P190 / "names.tsv", "--project", root, "--store", store, "--no-validate")
    assert imported.exit_code == 0, imported.output
    rebuilt = build(store_path=store, root=root, validate=False)
    return store, seed, imported.output, rebuilt


def _count(store, query):
    db = ox.Store.read_only(str(store / "oxigraph"))
    try:
        return int(next(iter(db.query(query)))["n"].value)
    finally:
        del db


@pytest.mark.slow
def test_seed_build_import_and_rebuild_keep_every_tie(combined):
    store, seed, output, rebuilt = combined
    assert ("34182 statements (4 exact duplicates): 17401 ties, 624 stated on one side only; "
            "10055 places, 0 without a label, 27 already in the project by their QID") in output
    assert ("places reconciled to GeoNames: 7189 placed; names: 7189 resolved, 2015 ambiguous, "
            "824 unresolved, 0 skipped; 2839 places without coordinates") in output
    assert "graphs: 10 (added 1, changed 0, kept 9, removed 0)" in output
    assert "added data/imports/relations.ttl: 205887 triples" in output
    assert rebuilt.up_to_date and "data/imports/relations.ttl" in rebuilt.reused
    assert count_ties(store, "relations") == 17401
    # imported ties get the inferences seed ties get: cg:twinnedWith both ways
    twinned = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/citygraph/graph/inferred> "
               "{ ?a <https://w3id.org/citygraph/ontology#twinnedWith> ?b } }")
    assert _count(store, twinned) == 2 * 17401 + 12


@pytest.mark.slow
def test_one_seoul_with_its_seed_and_wikidata_ties(combined):
    from citygraph.networks.projection import project
    from citygraph.querying.sparql import connect

    store = combined[0]
    G = project(connect(store), layers=("tie",))
    seouls = [n for n, d in G.nodes(data=True) if d.get("label") == "Seoul"]
    assert seouls == ["place:seoul"]
    assert "place:wikidata-q8684" not in G
    sources = {tuple(d["sources"]) for _, _, d in G.edges("place:seoul", data=True)}
    assert ("doc:002",) in sources and ("doc:import-relations-tsv",) in sources
    # seed partners known to Wikidata by their QID meet Seoul on their seed IRIs
    # and so do those whose label reconciled to a seed place's GeoNames id (Hanoi)
    for partner, tie in (("place:moscow", "q649-q8684"), ("place:taipei", "q1867-q8684"),
                         ("place:ulaanbaatar", "q8684-q23430"), ("place:hanoi", "q1858-q8684")):
        assert list(G.edges["place:seoul", partner]["facts"]) == [f"fact:wikidata-tie-{tie}"]
    print("Seoul degree", G.degree("place:seoul"))
    assert G.degree("place:seoul") == 35


PLACES_JSON = """{"head": {"vars": ["item", "itemLabel", "coord", "countryCode"]},
 "results": {"bindings": [
  {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1000336"},
   "itemLabel": {"type": "literal", "value": "Tandil"},
   "coord": {"type": "literal", "value": "Point(-59.133333 -37.316667)"},
   "countryCode": {"type": "literal", "value": "AR"}},
  {"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q109494"},
   "itemLabel": {"type": "literal", "value": "Q109494"},
   "coord": {"type": "literal", "value": "Point(-61.45 -37.38)"},
   "countryCode": {"type": "literal", "value": "AR"}}]}}
"""


def test_query_results_give_coordinates_and_decisions_accumulate(project, tmp_path):
    imports = project / "data" / "imports"
    places = tmp_path / "places.json"
    places.write_text(PLACES_JSON, encoding="utf-8")
    args = ["import", "wikidata", "--relations", IMPORT / "relations.tsv", "--names",
            IMPORT / "names.tsv", "--places", places, "--project", project]
    first = run(*args)
    assert first.exit_code == 0, first.output
    assert ("places reconciled to GeoNames: 6 placed; names: 6 resolved, 0 ambiguous, "
            "1 unresolved, 0 skipped; 0 places without coordinates") in first.output
    ttl = (imports / "relations.ttl").read_text(encoding="utf-8")
    # no label GeoNames knows: the node keeps the coordinates and country of the result
    assert ('place:wikidata-q109494 a cg:Place ;\n    rdfs:label "Q109494" ;\n'
            '    geo:lat "-37.38"^^xsd:decimal ;\n    geo:long "-61.45"^^xsd:decimal ;') in ttl
    assert "cg:country place:country-ar" in ttl
    report = list(csv.DictReader(io.StringIO(
        (imports / "relations.report.csv").read_text(encoding="utf-8"))))
    assert [(r["item"], r["status"], r["place"]) for r in report][:2] == [
        ("Q2751", "resolved", "geonames-3166548"), ("Q3955", "resolved", "geonames-2812482")]
    # a person decides to leave Q109494 out; their file is read, never written
    decisions = imports / "relations.decisions.csv"
    decisions.write_text("item,decision\nQ109494,skip\n", encoding="utf-8")
    before = decisions.read_bytes()
    second = run(*args)
    assert second.exit_code == 0, second.output
    assert f"decisions read from {decisions}: 1 items" in second.output
    assert "0 resolved" not in second.output and "1 skipped" in second.output
    files = {p.name: p.read_bytes() for p in sorted(imports.iterdir())}
    third = run(*args)
    assert third.exit_code == 0, third.output
    assert {p.name: p.read_bytes() for p in sorted(imports.iterdir())} == files
    assert decisions.read_bytes() == before
    row = [r for r in csv.DictReader(io.StringIO(files["relations.report.csv"].decode()))
           if r["item"] == "Q109494"][0]
    assert (row["status"], row["decision"]) == ("skipped", "skip")


def test_query_results_that_do_not_fit_are_one_line_exit_2(project, tmp_path):
    places = tmp_path / "places.csv"
    places.write_text("item,coord\nhttp://www.wikidata.org/entity/Q3955,Point(11.3 north)\n",
                      encoding="utf-8")
    result = run("import", "wikidata", "--relations", IMPORT / "relations.tsv", "--places",
                 places, "--project", project)
    assert result.exit_code == 2
    assert result.output == (f"citygraph: error: {places}:2: coord 'Point(11.3 north)' is not "
                             "a WKT Point(lon lat)\n")
    assert not (project / "data" / "imports").exists()


def test_a_csv_and_a_wikidata_import_meet_on_one_weimar(project, shared):
    imports = project / "data" / "imports"
    assert run("import", "csv", IMPORT / "ties.csv", "--project", project).exit_code == 0
    result = run("import", "wikidata", "--entity", P190 / "weimar.json", "--names",
                 P190 / "names.tsv", "--project", project)
    assert result.exit_code == 0, result.output
    csv_ttl = (imports / "ties.ttl").read_text(encoding="utf-8")
    wd_ttl = (imports / "weimar.ttl").read_text(encoding="utf-8")
    # both name Weimar by its GeoNames id; the Wikidata import adds its QID to that node
    assert len(re.findall(r"cg:party [^;]*place:geonames-2812482", csv_ttl)) == 2
    assert "place:geonames-2812482 a cg:City" in wd_ttl
    assert 'cg:wikidataId "Q3955"' in wd_ttl
    assert "place:wikidata-q3955" not in wd_ttl
