"""`citygraph import memberships`: dated memberships from a table, on the frozen GCoM slice."""

import csv
import io

import pyoxigraph as ox
import pytest

import gcom_slice
from citygraph.importers.memberships import import_memberships
from gcom_slice import SLICE, import_slice, make_project, run

COLUMNS = {"member": "organisation_name", "country": "country_name",
           "lat": "organisation_latitude", "lon": "organisation_longitude",
           "date": "date_of_adhesion_iso"}
IMPORTED = "https://w3id.org/citygraph/graph/data/imports/gcom.ttl"
SELECT_MEMBERS = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?label ?start WHERE {
  ?m org:organization <https://w3id.org/citygraph/id/org/eurocities> ; org:member ?p ;
     schema:startDate ?start .
  ?p rdfs:label ?label
} ORDER BY ?start ?label"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return gcom_slice.built(tmp_path_factory)


def test_the_slice_imports_with_its_supporters_and_coordinators(built):
    project, store, result = built
    assert result.exit_code == 0, result.output
    assert ("14 rows: 27 memberships in 10 organizations (0 undated), 0 rows skipped, 3 rows "
            "waiting for a decision; names: 11 resolved, 0 ambiguous, 3 unresolved, "
            "0 skipped") in result.output
    assert "validation: conforms" in result.output
    db = ox.Store.read_only(str(store / "oxigraph"))
    rows = [(r["label"].value, r["start"].value)
            for r in db.query(SELECT_MEMBERS, use_default_graph_as_union=True)]
    # EUROCITIES supports seven of the eleven placed signatories, each dated by its join date
    assert rows == [("Barcelona", "2008-11-19"), ("Bologna", "2008-12-22"),
                    ("Turin", "2009-01-19"), ("Bristol", "2009-02-03"),
                    ("Tallinn", "2009-02-05"), ("Bergen", "2011-04-15"),
                    ("Kraków", "2022-06-28")]
    text = (project / "data" / "imports" / "gcom.ttl").read_text()
    # the mayor column is not read: no official's name reaches the graph
    assert "Kõlvart" not in text
    assert "mayor=" not in text


def test_the_report_lists_the_group_signatories_for_a_decision(built):
    project, _store, _result = built
    report = list(csv.DictReader(io.StringIO(
        (project / "data" / "imports" / "gcom.report.csv").read_text())))
    waiting = [(r["name"][:20], r["status"], r["rows"], r["reason"]) for r in report
               if r["status"] != "resolved"]
    assert waiting == [
        ("Alkmaar, Bergen, Cas", "unresolved", "2",
         "no candidate within 60 km of the coordinates"),
        ("Aritzo, Austis, Desu", "unresolved", "3",
         "no candidate within 60 km of the coordinates"),
        ("Bruxelles/Brussel", "unresolved", "14", "no candidate")]


def test_a_decision_places_a_member_and_a_rerun_is_byte_identical(tmp_path):
    project = make_project(tmp_path / "project")
    imports = project / "data" / "imports"
    imports.mkdir()
    (imports / "gcom.decisions.csv").write_text(
        "name,country,decision\nBruxelles/Brussel,Belgium,2800866\n")
    first = import_slice(project)
    assert first.exit_code == 0, first.output
    assert "14 rows: 29 memberships in 10 organizations" in first.output
    assert "names: 12 resolved, 0 ambiguous, 2 unresolved" in first.output
    files = {p.name: p.read_bytes() for p in sorted(imports.iterdir())}
    # GeoNames 2800866 is the seed graph's Brussels: the import meets it on the same node
    assert "org:member place:brussels" in files["gcom.ttl"].decode()
    again = import_slice(project)
    assert again.exit_code == 0, again.output
    assert {p.name: p.read_bytes() for p in sorted(imports.iterdir())} == files


def test_the_mayor_column_is_quoted_only_when_asked(tmp_path):
    result = import_memberships(SLICE, COLUMNS, organization="Covenant of Mayors",
                                quote=["mayor"], places_ttl=tmp_path / "none.ttl")
    evidence = [str(o) for _s, p, o in result.triples if p.endswith("evidence")]
    assert any("mayor=Mihhail Kõlvart" in e for e in evidence)
    assert (result.rows, result.memberships, result.unreconciled_rows) == (14, 11, 3)


def test_bad_rows_are_listed_with_line_and_reason(tmp_path):
    table = tmp_path / "members.csv"
    table.write_text("member,country,network,joined,left,role\n"
                     "Bologna,Italy,EUROCITIES,2008,2012,member\n"
                     "Bologna,Italy,EUROCITIES,2010,,member\n"
                     ",Italy,EUROCITIES,2010,,member\n"
                     "Tallinn,Narnia,EUROCITIES,2010,,member\n"
                     "Tallinn,Estonia,EUROCITIES,10 May 2010,,member\n"
                     "Tallinn,Estonia,EUROCITIES,2012,2010,member\n"
                     "Tallinn,Estonia,EUROCITIES,2010,,patron\n"
                     "Tallinn,Estonia,EUROCITIES,,,founding-member\n")
    result = import_memberships(table, {"organization": "network", "date": "joined",
                                        "end": "left", "role": "role"},
                                places_ttl=tmp_path / "none.ttl")
    assert [str(b) for b in result.bad_rows] == [
        "line 3: duplicate of line 2: Bologna (GeoNames 3181928) in EUROCITIES",
        "line 4: missing member in member",
        "line 5: unknown country 'Narnia'",
        "line 6: date '10 May 2010' is neither YYYY nor YYYY-MM-DD",
        "line 7: ends (2010) before it starts (2012)",
        "line 8: unknown role 'patron' (known: associate-member, chair, coordinator, "
        "executive-member, founding-member, member, observer, pilot-city, secretariat, "
        "secretariat-host, vice-chair)"]
    assert (result.memberships, result.undated) == (2, 1)
    dates = sorted((str(p).rsplit("/", 1)[-1], str(o)) for _s, p, o in result.triples
                   if str(p).endswith("Date"))
    assert dates == [("endDate", "2012"), ("startDate", "2008")]


def test_a_table_without_an_organization_is_refused(tmp_path):
    result = run("import", "memberships", SLICE, "--project", make_project(tmp_path / "p"),
                 "--column", "member=organisation_name")
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "give an organization column (--column organization=COLUMN) or --organization NAME "
        "for the whole table")


def test_a_fresh_project_imports_the_slice_and_a_rebuild_keeps_it(tmp_path, monkeypatch):
    project = tmp_path / "fresh"
    assert run("init", project).exit_code == 0
    store = tmp_path / "store"
    result = import_slice(project, store)
    assert result.exit_code == 0, result.output
    # no seed places: every member is a GeoNames place described by the import
    assert "14 rows: 27 memberships in 10 organizations" in result.output
    assert "validation: conforms" in result.output
    monkeypatch.chdir(project)
    rebuilt = run("build", "--store", store)
    assert rebuilt.exit_code == 0, rebuilt.output
    # the project, its themes (which citygraph init writes) and the import
    assert "unchanged: kept 4 graphs" in rebuilt.output
    db = ox.Store.read_only(str(store / "oxigraph"))
    count = ("SELECT (COUNT(*) AS ?n) "
             "WHERE { ?m a <https://w3id.org/citygraph/ontology#Membership> }")
    assert next(iter(db.query(count, use_default_graph_as_union=True)))["n"].value == "27"


def test_a_missing_column_names_the_file_and_a_decimal_comma_is_read(tmp_path):
    from citygraph.errors import InputError

    table = tmp_path / "members.csv"
    table.write_text('member,country,lat,lon,joined\n'
                     'Fléron,Belgium,"50,61","5,68",2016-10-25\n')
    with pytest.raises(InputError) as caught:
        import_memberships(table, {"date": "joined_on"}, organization="Covenant of Mayors",
                           places_ttl=tmp_path / "none.ttl")
    assert str(caught.value) == (f"{table}:1: no column 'joined_on' (the header has member, "
                                 "country, lat, lon, joined)")
    result = import_memberships(table, {"date": "joined", "lat": "lat", "lon": "lon"},
                                organization="Covenant of Mayors",
                                places_ttl=tmp_path / "none.ttl")
    assert (result.memberships, [str(b) for b in result.bad_rows]) == (1, [])
    decision = next(iter(result.decisions.values()))
    assert (decision.city.name, decision.city.geonameid) == ("Fléron", "2798301")
