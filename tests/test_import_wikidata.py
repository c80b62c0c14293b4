"""citygraph import wikidata: P190 statements as symmetric sister-city ties."""

import time

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from citygraph.cli import cli
from citygraph.importers.wikidata import import_entity, import_tables, ties_triples
from citygraph.importers.wikidata_read import _time_literal
from citygraph.namespaces import CG, CGR, DCTERMS, GEO, PROV, SCHEMA
from conftest import FIXTURES, SHARED

IMPORT = FIXTURES / "import"
P190 = SHARED / "realdata" / "wikidata-p190-2016"


def graph_of(triples):
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def place(q):
    return CGR[f"place/wikidata-{q.lower()}"]


def tie(a, b):
    return CGR[f"fact/wikidata-tie-{a.lower()}-{b.lower()}"]


def test_pairs_become_one_tie_each_and_are_counted():
    result = import_tables(IMPORT / "relations.tsv", IMPORT / "names.tsv")
    assert (result.statements, result.duplicates, result.pairs, result.one_sided) == (7, 1, 4, 2)
    assert (result.items, result.unlabelled) == (7, 1)
    graph = graph_of(result.triples)
    ties = sorted(str(t).rsplit("/", 1)[1] for t in graph.subjects(RDF.type, CG.Tie))
    assert ties == ["wikidata-tie-q1000336-q1004149", "wikidata-tie-q109494-q1001939",
                    "wikidata-tie-q2751-q3955", "wikidata-tie-q3955-q160927"]
    both = tie("Q2751", "Q3955")
    # labels reconciled to GeoNames: the places the CSV importer names the same way
    siena, weimar = CGR["place/geonames-3166548"], CGR["place/geonames-2812482"]
    assert set(graph.objects(both, CG.party)) == {siena, weimar}
    assert sorted(str(e) for e in graph.objects(both, CG.evidence)) == [
        "relations.tsv line 3: Q3955\tQ2751", "relations.tsv line 4: Q2751\tQ3955"]
    assert graph.value(both, CG.tieType) == CGR["tie-type/sister-city"]
    assert graph.value(both, PROV.wasDerivedFrom) == CGR["doc/import-relations-tsv"]
    assert graph.value(weimar, RDFS.label) == Literal("Weimar")
    assert graph.value(weimar, CG.wikidataId) == Literal("Q3955")
    assert graph.value(weimar, CG.geonamesId) == Literal("2812482")
    assert graph.value(weimar, CG.country) == CGR["place/country-de"]
    olavarria = result.outcomes["Q1004149"]
    assert (olavarria.decision.status, str(olavarria.node)) == \
        ("resolved", str(CGR["place/geonames-3842670"]))
    assert graph.value(olavarria.node, SKOS.altLabel) is None
    # no label in names.tsv: the QID is the only name the import has
    assert graph.value(place("Q109494"), RDFS.label) == Literal("Q109494")
    assert result.outcomes["Q109494"].decision.status == "unresolved"
    assert graph.value(place("Q109494"), GEO.lat) is None


def test_entity_json_start_times_keep_their_precision():
    result = import_entity(IMPORT / "weimar_year.json")
    graph = graph_of(result.triples)
    assert (result.pairs, result.one_sided) == (2, 2)
    assert graph.value(tie("Q3955", "Q160927"), SCHEMA.startDate) == \
        Literal("1995-02-18", datatype=XSD.date)
    assert graph.value(tie("Q3955", "Q202158"), SCHEMA.startDate) == \
        Literal("1970", datatype=XSD.gYear)
    # the entity's own label finds Weimar in GeoNames; its partners have no label here
    assert graph.value(CGR["place/geonames-2812482"], CG.wikidataId) == Literal("Q3955")
    assert set(graph.objects(place("Q160927"), RDFS.label)) == {Literal("Q160927")}
    doc = CGR["doc/import-weimar-year-json"]
    assert graph.value(doc, DCTERMS.date) == Literal("2016-09-07", datatype=XSD.date)
    assert str(graph.value(doc, DCTERMS.title)) == "Wikidata entity Q3955"


def test_real_weimar_entity_and_shared_tie_iris(shared):
    result = import_entity(P190 / "weimar.json", P190 / "names.tsv")
    graph = graph_of(result.triples)
    weimar = CGR["place/geonames-2812482"]
    starts = {}
    for t in graph.subjects(RDF.type, CG.Tie):
        (partner,) = set(graph.objects(t, CG.party)) - {weimar}
        starts[str(graph.value(partner, CG.wikidataId))] = str(graph.value(t, SCHEMA.startDate))
    assert starts == {"Q160927": "1995-02-18", "Q202158": "1970-09-06", "Q2751": "1994-04-15",
                      "Q3138": "1987-05-24", "Q145972": "2012-05-25"}
    # the same pair from relations.tsv is the same tie IRI
    assert (tie("Q2751", "Q3955"), RDF.type, CG.Tie) in graph
    assert graph.value(CGR["place/geonames-3166548"], RDFS.label) == Literal("Siena")


def test_cli_reports_counts(tmp_path):
    out = tmp_path / "p190.ttl"
    result = CliRunner().invoke(cli, ["import", "wikidata", "--relations",
                                      str(IMPORT / "relations.tsv"), "--names",
                                      str(IMPORT / "names.tsv"), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert ("7 statements (1 exact duplicates): 4 ties, 2 stated on one side only; "
            "7 places, 1 without a label, 0 already in the project by their QID") in result.output
    assert len(list(Graph().parse(out).subjects(RDF.type, CG.Tie))) == 4
    both = CliRunner().invoke(cli, ["import", "wikidata", "--relations",
                                    str(IMPORT / "relations.tsv"), "--entity",
                                    str(IMPORT / "weimar_year.json"), "--output", str(out)])
    assert both.exit_code == 2
    assert "give either --relations (with --names) or --entity" in both.output


def test_a_self_pair_is_listed_and_the_rest_loads(tmp_path):
    relations = tmp_path / "self.tsv"
    relations.write_text("item\ttwin\nQ3955\tQ2751\nQ64\tQ64\n", encoding="utf-8")
    out = tmp_path / "self.ttl"
    result = CliRunner().invoke(cli, ["import", "wikidata", "--relations", str(relations),
                                      "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert f"1 lines skipped, each listed with its line and reason in " \
           f"{tmp_path / 'self.skipped.csv'}" in result.output
    assert (tmp_path / "self.skipped.csv").read_text(encoding="utf-8") == \
        "line,reason,text\n3,Q64 is twinned with itself,Q64\tQ64\n"


@pytest.mark.slow
def test_full_file_imports_with_the_published_counts_and_reimports_byte_identically(
        shared, tmp_path):
    out = tmp_path / "relations.ttl"
    args = ["import", "wikidata", "--relations", str(P190 / "relations.tsv"),
            "--names", str(P190 / "names.tsv"), "--output", str(out)]
    start = time.perf_counter()
    first = CliRunner().invoke(cli, args)
    seconds = time.perf_counter() - start
    assert first.exit_code == 0, first.output
    assert ("34182 statements (4 exact duplicates): 17401 ties, 624 stated on one side only; "
            "10055 places, 0 without a label") in first.output
    print(f"full Wikidata import: {seconds:.1f} s")
    text = out.read_bytes()
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert out.read_bytes() == text


def test_a_month_precision_start_becomes_its_year_with_the_month_as_a_range():
    start = _time_literal({"time": "+1996-02-00T00:00:00Z", "precision": 10})
    triples, _ = ties_triples({("Q2751", "Q3955"): {"evidence": ["e"], "start": start}},
                              CGR["doc/import-x"], {"Q2751": place("Q2751"),
                                                    "Q3955": place("Q3955")})
    graph = graph_of(triples)
    t = tie("Q2751", "Q3955")
    assert graph.value(t, SCHEMA.startDate) == Literal("1996", datatype=XSD.gYear)
    assert graph.value(t, CG.dateEarliest) == Literal("1996-02-01", datatype=XSD.date)
    assert graph.value(t, CG.dateLatest) == Literal("1996-02-29", datatype=XSD.date)
