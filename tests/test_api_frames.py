"""citygraph.query(..., frame=True) and run_sparql(..., frame=True): answers as typed DataFrames."""

import datetime
import sys

import pytest

import citygraph
from citygraph.errors import UsageError
from conftest import ROOT, SEED

pd = pytest.importorskip("pandas", reason="pandas is the optional extra citygraph[notebook]")

PLACE = "https://w3id.org/citygraph/id/place/"


@pytest.fixture(scope="module")
def seed():
    return citygraph.connect(
        citygraph.build(memory=True, data_dir=SEED, root=ROOT, validate=False).store
    )


def test_network_members_frame_has_dates_as_dates_and_iris_as_strings(seed):
    frame = citygraph.query("network-members", seed, frame=True, network="cgorg:anmc21")
    assert list(frame.columns) == ["member", "member_label", "role", "role_label", "start",
                                   "end", "as_of", "membership", "source"]
    assert len(frame) == 14
    assert str(frame["as_of"].dtype) == "datetime64[ns]"
    assert str(frame["member"].dtype) == "string" and str(frame["member_label"].dtype) == "string"
    bangkok = frame[frame["member_label"] == "Bangkok"].iloc[0]
    assert bangkok["member"] == PLACE + "bangkok"
    assert bangkok["as_of"].date() == datetime.date(2014, 9, 6)
    assert bangkok["source"] == "https://w3id.org/citygraph/id/doc/000"
    assert pd.isna(bangkok["start"])


def test_event_attendance_frame_has_numbers_and_booleans(seed):
    frame = citygraph.query("event-attendance", seed, frame=True,
                            event="event:anmc21-13th-plenary")
    assert str(frame["delegation_size"].dtype) == "Int64"
    assert str(frame["attended"].dtype) == "boolean"
    sizes = dict(zip(frame["participant_label"], frame["delegation_size"], strict=True))
    assert sizes["Tokyo"] == 31 and sizes["Tomsk"] == 53 and sizes["Hanoi"] == 9
    assert int(frame["delegation_size"].sum()) == sum(int(v) for v in sizes.values()
                                                      if not pd.isna(v))


def test_run_sparql_frame_counts_are_integers(seed):
    frame = citygraph.run_sparql(
        "SELECT ?place (COUNT(?m) AS ?memberships) WHERE { ?m org:member ?place } "
        "GROUP BY ?place ORDER BY DESC(?memberships) ?place LIMIT 2", seed, frame=True)
    assert str(frame["memberships"].dtype) == "Int64"
    assert frame.to_dict("records")[0] == {"place": PLACE + "tokyo", "memberships": 2}


def test_an_empty_answer_is_an_empty_frame_with_the_columns(seed):
    frame = citygraph.query("network-members", seed, frame=True, network="cgorg:nothing")
    assert len(frame) == 0 and list(frame.columns)[:3] == ["member", "member_label", "role"]


def test_an_ask_stays_a_bool(seed):
    assert citygraph.run_sparql("ASK { place:seoul rdfs:label ?n }", seed, frame=True) is True


def test_without_pandas_a_one_line_hint(seed, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(UsageError) as error:
        citygraph.query("network-members", seed, frame=True, network="cgorg:anmc21")
    assert str(error.value) == 'frame=True needs pandas: pip install "citygraph[notebook]"'
