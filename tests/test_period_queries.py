"""Catalog queries about change: members as of a date, joins per year, ties started per period.

Figures are pinned on the frozen seed graph and on the seed graph plus the frozen GCoM slice.
"""

import pytest

from citygraph.graph.build import build
from citygraph.querying.sparql import connect
from conftest import ROOT, SEED
from gcom_slice import built
from test_queries import ask, pick

IUC = ["place:changchun", "place:chengdu", "place:chongqing", "place:guangzhou",
       "place:haikou", "place:kunming", "place:liuzhou", "place:longyan", "place:shantou",
       "place:tianjin", "place:weinan", "place:wuhan", "place:yantai", "place:zhengzhou"]


@pytest.fixture(scope="module")
def seed():
    return connect(build(memory=True, data_dir=SEED, root=ROOT, validate=False).store)


@pytest.fixture(scope="module")
def gcom(tmp_path_factory):
    _project, store, result = built(tmp_path_factory)
    assert result.exit_code == 0, result.output
    return connect(store=store)


def test_iuc_pilot_cities_count_through_the_whole_of_their_last_year(seed):
    # started 2014, ended 2018 (years only): members from 1 January 2014 to 31 December 2018
    for day in ("2014-01-01", "2016-06-30", "2018-12-31"):
        rows = ask(seed, "network-members-at-date", network="cgorg:iuc", date=day)
        assert [r["member"] for r in rows] == IUC, day
        assert {r["basis"] for r in rows} == {"within its period"}
    assert ask(seed, "network-members-at-date", network="cgorg:iuc", date="2019-01-01") == []
    assert ask(seed, "network-members-at-date", network="cgorg:iuc", date="2013-12-31") == []


def test_anmc21_members_stated_as_of_the_plenary_count_on_that_day_alone(seed):
    rows = ask(seed, "network-members-at-date", network="cgorg:anmc21", date="2014-09-06")
    assert len(rows) == 14
    assert pick(rows[:2], "member_label", "basis", "as_of") == [
        ("Bangkok", "stated for this date", "2014-09-06"),
        ("Delhi", "stated for this date", "2014-09-06")]
    assert ask(seed, "network-members-at-date", network="cgorg:anmc21", date="2014-09-07") == []


def test_joins_per_year_count_the_undated_membership_apart(seed):
    rows = ask(seed, "joins-per-year")
    assert pick(rows, "network", "year", "joined", "dated_by") == [
        ("cgorg:anmc21", "2014", "14", "as of"),
        ("cgorg:iuc", "2014", "14", "start"),
        ("cgorg:near-subcommittee-on-energy-cooperation", "", "1", "start")]


def test_ties_started_per_year_keep_the_undated_ties_whatever_the_bounds(seed):
    rows = ask(seed, "ties-started-per-period")
    assert pick(rows, "year", "tie_type_label", "ties") == [
        ("", "collaboration", "4"), ("", "pilot partnership", "1"),
        ("", "policy transfer", "1"), ("", "sister city", "6"),
        ("2015", "policy advice", "1"), ("2016", "cooperation", "1"),
        ("2016", "policy transfer", "7")]
    bounded = ask(seed, "ties-started-per-period", since="2016-01-01", until="2020-12-31")
    assert [(r["year"], r["ties"]) for r in bounded if r["year"]] == [("2016", "1"), ("2016", "7")]
    assert sum(int(r["ties"]) for r in bounded if not r["year"]) == 12


def test_gcom_joins_per_year_and_members_as_of_a_date(gcom):
    rows = [r for r in ask(gcom, "joins-per-year", organization="cgorg:covenant-of-mayors")]
    assert pick(rows, "year", "joined") == [("2008", "4"), ("2009", "3"), ("2011", "1"),
                                            ("2015", "1"), ("2017", "1"), ("2022", "1")]
    members = ask(gcom, "network-members-at-date", network="cgorg:eurocities",
                  date="2010-12-31")
    assert pick(members, "member_label", "start") == [
        ("Barcelona", "2008-11-19"), ("Bologna", "2008-12-22"), ("Bristol", "2009-02-03"),
        ("Tallinn", "2009-02-05"), ("Turin", "2009-01-19")]
