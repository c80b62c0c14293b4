"""The Python API (citygraph.build/connect/query/run_sparql) on the seed graph."""

import datetime

import pytest
from rdflib import Literal, URIRef

import citygraph
from citygraph.errors import ParameterError, QueryError
from conftest import ROOT, SEED

PLACE = "https://w3id.org/citygraph/id/place/"


@pytest.fixture(scope="module")
def seed():
    return citygraph.connect(
        citygraph.build(memory=True, data_dir=SEED, root=ROOT, validate=False).store
    )


def test_query_returns_the_anmc21_members_as_plain_values(seed):
    rows = citygraph.query("network-members", seed, plain=True, network="cgorg:anmc21")
    members = {row["member_label"] for row in rows}
    assert len(rows) == 14
    assert {"Bangkok", "Delhi", "Seoul", "Tokyo", "Tomsk", "Ulaanbaatar"} <= members
    bangkok = next(row for row in rows if row["member_label"] == "Bangkok")
    assert bangkok["member"] == PLACE + "bangkok"
    assert bangkok["as_of"] == datetime.date(2014, 9, 6)
    assert bangkok["source"] == "https://w3id.org/citygraph/id/doc/000"


def test_query_rows_are_rdflib_terms_unless_plain(seed):
    rows = citygraph.query("network-members", seed, network="cgorg:anmc21")
    bangkok = next(row for row in rows if row["member"] == URIRef(PLACE + "bangkok"))
    assert bangkok["as_of"] == Literal(datetime.date(2014, 9, 6))
    assert bangkok["start"] is None


def test_query_with_an_optional_parameter(seed):
    rows = citygraph.query(
        "posts-at-date", seed, plain=True, date="2014-09-06", place="place:tomsk"
    )
    holders = {row["holder_label"] for row in rows}
    assert len(rows) == 14
    assert {"BELOUSOV Andrey", "MARAKULINA Galina"} <= holders
    assert {row["basis"] for row in rows} == {"stated for this date"}


def test_an_unknown_parameter_names_the_query_and_the_allowed_ones(seed):
    with pytest.raises(ParameterError) as caught:
        citygraph.query("network-members", seed, city="place:seoul")
    assert str(caught.value) == (
        "query 'network-members' has no parameter 'city'; parameters: network (iri)"
    )


def test_run_sparql_binds_values_literally(seed):
    text = "SELECT ?n WHERE { ?p rdfs:label ?n }"
    assert citygraph.run_sparql(text, seed, {"p": URIRef(PLACE + "seoul")}, plain=True) == [
        {"n": "Seoul"}
    ]
    injected = citygraph.run_sparql(
        "SELECT ?p WHERE { ?p rdfs:label ?n }", seed, {"n": 'Seoul" } UNION { ?p ?q ?n'}
    )
    assert injected == []
    assert citygraph.run_sparql("ASK { place:seoul rdfs:label ?n }", seed) is True


def test_run_sparql_reports_a_syntax_error_with_its_position(seed):
    with pytest.raises(QueryError) as caught:
        citygraph.run_sparql("SELECT ?n WHERE { ?p rdfs:label ?n ", seed)
    assert str(caught.value).startswith("query:1:36: invalid SPARQL: expected one of")
