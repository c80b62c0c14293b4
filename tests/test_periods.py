"""How the network changed, period by period, on the frozen seed graph and the GCoM slice."""

import csv
import io

import pytest

from citygraph.graph.build import build
from citygraph.networks.periods import periods, snapshot
from citygraph.networks.projection import LAYERS, incidence, project
from citygraph.querying.sparql import connect
from conftest import ROOT, SEED
from gcom_slice import built, run

IUC_LEFT = ["Changchun", "Chengdu", "Guangzhou", "Haikou", "Kunming", "Liuzhou", "Longyan",
            "Shantou", "Tianjin", "Weinan", "Wuhan", "Yantai", "Zhengzhou"]
FIGURES = ("period", "places", "edges", "ties", "memberships", "components", "entered", "left",
           "new_ties", "new_memberships")


@pytest.fixture(scope="module")
def seed():
    return connect(build(memory=True, data_dir=SEED, root=ROOT, validate=False).store)


@pytest.fixture(scope="module")
def gcom(tmp_path_factory):
    _project, store, result = built(tmp_path_factory)
    assert result.exit_code == 0, result.output
    return store


def test_seed_periods_as_the_network_stood_at_each_period_end(seed):
    result = periods(seed, [2008, 2012, 2016, 2020])
    assert [tuple(row[k] for k in FIGURES) for row in result.rows] == [
        # the Toyama-Liaoning friendship agreement of 1984 began before the first period
        ("2008-2011", 2, 1, 0, 0, 1, 2, 0, 0, 0),
        # ANMC21 (as of 2014-09-06) and the IUC pilot cities (2014-2018); a 2015 advice tie
        ("2012-2015", 30, 171, 1, 28, 3, 28, 0, 1, 28),
        # the 2016 policy transfers join; the IUC memberships ended in 2018
        ("2016-2019", 22, 95, 9, 14, 3, 5, 13, 8, 0),
        ("2020-2023", 26, 99, 9, 14, 4, 4, 0, 0, 0)]
    assert [row["density"] for row in result.rows] == [1.0, 0.393103, 0.411255, 0.304615]
    assert result.left["2016-2019"] == IUC_LEFT  # Chongqing stays: it has another fact
    assert result.entered["2020-2023"] == ["Gangwon Province",
                                           "Jeju Special Self-Governing Province",
                                           "Kitakyushu", "Yangzhou"]
    assert result.undated == {"agreement": 0, "tie": 12, "membership": 1, "event": 7,
                              "project": 6}
    # rank, place, weighted degree, degree, move (positive: up)
    assert [(r, name, w, d, m) for r, name, _n, w, d, m in result.top["2016-2019"][:5]] == [
        (1, "Seoul", 18.0, 17, 1), (2, "Ho Chi Minh City", 7.0, 5, 26),
        (3, "Bogor", 6.0, 5, None), (4, "Colombo", 6.0, 5, None), (5, "Tokyo", 5.0, 12, -4)]


def test_by_year_the_iuc_cities_leave_after_2018(seed):
    rows = {row["period"]: row for row in periods(seed, by_year=True).rows}
    assert min(rows) == "1984" and max(rows) == "2023"
    assert (rows["2018"]["memberships"], rows["2019"]["memberships"]) == (28, 14)
    assert (rows["2019"]["left"], rows["2014"]["entered"]) == (13, 27)


def test_a_snapshot_without_ended_facts_is_the_projection_until_that_day(gcom):
    target = connect(store=gcom)
    rows = [row for layer in LAYERS for row in incidence(target, layer)]
    for day in ("2011-12-31", "2023-12-31"):
        G, _facts = snapshot(rows, {}, day)
        P = project(target, until=day)
        assert sorted(G.nodes) == sorted(P.nodes)
        assert {tuple(sorted((u, v))): round(w, 9) for u, v, w in G.edges(data="weight")} == \
            {tuple(sorted((u, v))): round(w, 9) for u, v, w in P.edges(data="weight")}


def test_gcom_slice_periods(gcom):
    result = periods(connect(store=gcom), [2008, 2012, 2016, 2020], layers=("membership",))
    assert [tuple(row[k] for k in FIGURES) for row in result.rows] == [
        # eight signatories by 2011, each in the Covenant and with its supporter or coordinator
        ("2008-2011", 8, 28, 0, 21, 1, 8, 0, 0, 21),
        # the seed graph's ANMC21 and IUC members join in 2014, the Dutch Bergen in 2015
        ("2012-2015", 36, 205, 0, 51, 3, 28, 0, 0, 30),
        # fourteen IUC pilot cities leave after 2018; Assisi joins in 2017
        ("2016-2019", 23, 123, 0, 39, 2, 1, 14, 0, 2),
        # the last period ends with the last dated membership: Kraków, 2022
        ("2020-2022", 24, 133, 0, 41, 2, 1, 0, 0, 2)]
    assert result.entered["2016-2019"] == ["Assisi"]
    assert result.entered["2012-2015"][:2] == ["Bangkok", "Bergen"]


def test_report_periods_writes_the_csv_and_the_html_section(gcom, tmp_path):
    out = tmp_path / "report"
    result = run("report", "--store", gcom, "--layer", "membership", "--periods",
                 "2008,2012,2016,2020", "--out", out)
    assert result.exit_code == 0, result.output
    assert "1 facts have no date and are in no period: 1 membership" in result.output
    rows = list(csv.DictReader(io.StringIO((out / "periods.csv").read_text())))
    assert [(r["period"], r["places"], r["memberships"], r["entered"]) for r in rows] == [
        ("2008-2011", "8", "21", "8"), ("2012-2015", "36", "51", "28"),
        ("2016-2019", "23", "39", "1"), ("2020-2022", "24", "41", "1"),
        ("undated membership", "", "1", "")]
    page = (out / "report.html").read_text()
    assert "<h2>How the network changed</h2>" in page
    assert 'alt="growth of the network period by period"' in page
    assert "<b>Entered</b> (1): Kraków" in page


@pytest.mark.parametrize("args, message", [
    (["--periods", "2012,2008"], "--periods: the years must rise (2012 then 2008)"),
    (["--periods", "2008", "--by-year"], "--by-year: give --periods YEARS or --by-year, not both"),
    (["--periods", "2008", "--since", "2010"], "--periods: the periods set the dates and fold "
                                               "nothing; leave out --since, --until and --fold"),
])
def test_bad_period_options_are_one_line_errors(gcom, args, message):
    result = run("report", "--store", gcom, *args)
    assert result.exit_code == 2
    assert result.output.strip().endswith(message)


def test_gexf_spells_cover_memberships(gcom, tmp_path, shared):
    from lxml import etree

    from citygraph.networks.export_gexf import gexf_errors

    path = tmp_path / "cities.gexf"
    result = run("export", "--store", gcom, "--format", "gexf", "--output", path)
    assert result.exit_code == 0, result.output
    assert gexf_errors(path, shared / "schemas" / "gexf" / "1.3") == []
    ns = {"g": "http://gexf.net/1.3"}
    tree = etree.parse(str(path))

    def spells(element):
        return [(s.get("start"), s.get("end")) for s in element.iterfind("g:spells/g:spell", ns)]

    nodes = {n.get("label"): n for n in tree.iterfind(".//g:node", ns)}
    # an IUC pilot city held 2014-2018 (years only: the whole of both years)
    assert spells(nodes["Chengdu"]) == [("2014-01-01", "2018-12-31")]
    # Changchun is also in a project the source does not date: no spells, shown throughout
    assert spells(nodes["Changchun"]) == []
    # a signatory holds from its join date on
    assert spells(nodes["Kraków"]) == [("2022-06-28", None)]
    ids = {n.get("label"): n.get("id") for n in nodes.values()}
    edges = {frozenset((e.get("source"), e.get("target"))): e
             for e in tree.iterfind(".//g:edge", ns)}
    # Barcelona (2008-11-19) and Bologna (2008-12-22) share the Covenant and EUROCITIES:
    # joined from the day the later of them joined
    assert spells(edges[frozenset((ids["Barcelona"], ids["Bologna"]))]) == \
        [("2008-12-22", None)]
    # an edge resting on an undated fact has no spells: it cannot be placed in time
    assert "<spells>" not in etree.tostring(
        edges[frozenset(("place:buryatia", "place:selenge-province"))]).decode()


def test_a_cached_gexf_export_takes_its_spells_from_the_cache(gcom, tmp_path):
    import shutil

    import pyoxigraph as ox

    from citygraph.graph.store import live_folder

    store = tmp_path / "store"
    shutil.copytree(gcom, store, symlinks=True)
    shutil.rmtree(live_folder(store) / "cache", ignore_errors=True)
    first, second, fresh = (tmp_path / name for name in ("1.gexf", "2.gexf", "3.gexf"))
    assert run("export", "--store", store, "--format", "gexf", "-o", first).exit_code == 0
    # the spells are kept beside the measures of this store state
    (cached,) = (live_folder(store) / "cache").glob("spells-*.json")
    assert cached.read_text().startswith('{"spells":{"nodes":{')
    # measures kept without their spells (an earlier run could not write them): read again
    kept = cached.read_text()
    cached.unlink()
    assert run("export", "--store", store, "--format", "gexf", "-o", second).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    assert cached.read_text() == kept
    # the store loses every end date but keeps its state (its manifest): were the spells read
    # from the store again, the IUC pilot cities would hold on after 2018
    db = ox.Store(str(live_folder(store) / "oxigraph"))
    db.update("DELETE WHERE { GRAPH ?g { ?fact <https://schema.org/endDate> ?end } }")
    del db
    assert run("export", "--store", store, "--format", "gexf", "-o", second).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    assert b'<spell start="2014-01-01" end="2018-12-31"/>' in first.read_bytes()
    # measured afresh, the same store gives the open spells
    shutil.rmtree(live_folder(store) / "cache")
    assert run("export", "--store", store, "--format", "gexf", "-o", fresh).exit_code == 0
    assert b'<spell start="2014-01-01" end="2018-12-31"/>' not in fresh.read_bytes()
    assert b'<spell start="2014-01-01"/>' in fresh.read_bytes()
