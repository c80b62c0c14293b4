"""Import a spreadsheet of ties between named cities, reconciled to GeoNames places.

Each row names two cities with their country strings (and optionally
coordinates, a date and a tie type). Each distinct (name, country string) is
reconciled once (:func:`citygraph.places.reconcile.reconcile`); a tie is written only
when both of its cities are resolved, so no tie hangs on a weak match. Rows that
cannot be a tie (a missing city or country, an unknown country or tie type, a
self-tie, a pair already seen in either order) are reported with their line
number and skipped; the other rows still load.

Places keep the IRIs of ``data/places.ttl`` where they are one of its places
(same GeoNames id), so imported ties meet the seed graph on the same nodes;
every other place is ``place:geonames-<id>``. Tie IRIs are made from the source
file and the two places, so a re-run yields the same triples.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from rdflib import Literal

from citygraph.errors import InputError, UsageError
from citygraph.fileio import csv_text, csv_uncell
from citygraph.importers.common import (
    city_triples,
    country_node,
    gazetteer_source,
    known_countries,
    place_iris_by_geonames_id,
    read_decision_file,
    read_text,
    source_document,
    tie_types,
)
from citygraph.namespaces import CG, CGR, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, slug
from citygraph.places.names import fold_name
from citygraph.places.reconcile import RESOLVED, SKIPPED, get_index, reconcile, resolve_country
from citygraph.progress import bar

__all__ = [
    "COLUMN_ROLES",
    "REPORT_COLUMNS",
    "BadRow",
    "CsvImport",
    "parse_mapping",
    "read_decisions",
    "import_csv",
    "report_text",
]

#: the roles a column can play; city1, country1, city2, country2 are required
COLUMN_ROLES = ["city1", "country1", "city2", "country2", "lat1", "lon1", "lat2", "lon2",
                "date", "type"]
REPORT_COLUMNS = ["name", "country", "lat", "lon", "status", "place", "geonames_id", "score",
                  "rows", "candidates", "reason", "decision"]
_DEFAULTS = {"city1": "city1", "country1": "country1", "city2": "city2", "country2": "country2"}


@dataclass(frozen=True)
class BadRow:
    """A row that was skipped, and why."""

    line: int
    reason: str
    text: str = ""

    def __str__(self):
        return f"line {self.line}: {self.reason}"


@dataclass
class CsvImport:
    """The result of an import: triples, decisions per name, skipped rows, counts."""

    triples: list
    decisions: dict
    bad_rows: list
    rows: int
    ties: int
    unreconciled_rows: int
    source: object
    name_rows: dict = field(default_factory=dict)


def parse_mapping(text):
    """Column roles from ``role=column`` pairs, or from a JSON file naming them.

    >>> parse_mapping("city1=Town,country1=Land,city2=Partner,country2=Partner land")["city2"]
    'Partner'
    >>> parse_mapping("town=Town")
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: --mapping: unknown role 'town'; roles are city1, \
country1, city2, country2, lat1, lon1, lat2, lon2, date, type
    """
    if text is None:
        return {}
    path = Path(text)
    if path.suffix == ".json" and path.is_file():
        try:
            mapping = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from None
    else:
        mapping = {}
        for pair in text.split(","):
            if "=" not in pair:
                raise UsageError(f"--mapping: {pair!r} is not role=column")
            role, column = pair.split("=", 1)
            mapping[role.strip()] = column.strip()
    for role in mapping:
        if role not in COLUMN_ROLES:
            raise UsageError(f"--mapping: unknown role {role!r}; roles are "
                             f"{', '.join(COLUMN_ROLES)}")
    return mapping


def read_decisions(path):
    """A person's decisions: (name, country string) -> GeoNames id or "skip".

    The file is a CSV with columns name, country and decision (the reconciliation
    report has them: fill in the decision column and feed it back). Rows with an
    empty decision are ignored.
    """
    if path is None:
        return {}
    # the report escapes formula-leading cells (fileio.csv_cell)
    return read_decision_file(path, ("name", "country", "decision"), "decisions",
                              lambda row, line: (csv_uncell(row["name"]),
                                                 csv_uncell(row["country"])))


def _float(value, role, line):
    if value is None or not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{role} {value!r} is not a number") from None
    return number


def _date_literal(value):
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    raise ValueError(f"date {value!r} is neither YYYY nor YYYY-MM-DD")


def _columns(fieldnames, mapping, path):
    columns = {**_DEFAULTS, **mapping}
    missing = [f"{role}={col}" for role, col in columns.items() if col not in fieldnames]
    if missing:
        raise InputError(f"{path}:1: no column for {', '.join(missing)} "
                         f"(the header has {', '.join(fieldnames)})")
    return columns


def _row_text(row_values):
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row_values)
    return out.getvalue()


_CSV = "a CSV file with a header line"


def read_rows(path):
    """(header, [(line, values)], bad rows) of a CSV file in UTF-8 or UTF-16.

    Each record keeps the line it starts on. A quote left open (the file ends
    inside a quoted cell) is an :class:`InputError` naming the line it opened on;
    so is an empty file, a binary one, or another encoding (see
    :func:`citygraph.importers.common.read_text`). Rows with more cells than
    the header are listed as bad rows.
    """
    path = Path(path)
    text = read_text(path, _CSV)
    reader = csv.reader(io.StringIO(text, newline=""))
    records, bad, start = [], [], 1
    header, last = None, None
    for values in reader:
        line, start = start, reader.line_num + 1
        last = line
        if not values:
            continue
        if header is None:
            header = [v.strip() for v in values]
            if not any(header):
                raise InputError(f"{path}:{line}: an empty header; expected {_CSV}")
            continue
        if len(values) > len(header):
            bad.append(BadRow(line, f"{len(values)} cells, the header has {len(header)}",
                              _row_text(values)))
            continue
        records.append((line, values))
    if last is not None and start - 1 > last:
        # the last record runs over several lines: is it a quote the file never closes?
        tail = "".join(text.splitlines(keepends=True)[last - 1:])
        try:
            list(csv.reader(io.StringIO(tail, newline=""), strict=True))
        except csv.Error as exc:
            if "end of data" in str(exc):
                raise InputError(f"{path}:{last}: a quote opened on this line is never "
                                 f"closed; expected {_CSV}") from None
    if header is None:
        raise InputError(f"{path}: the file is empty; expected {_CSV}")
    return header, records, bad


def import_csv(path, mapping=None, decisions=None, places_ttl=None, index=None):
    """Reconcile and convert a CSV of ties; returns a :class:`CsvImport`.

    >>> result = import_csv("tests/data/import/ties.csv")
    >>> result.ties, [str(b) for b in result.bad_rows][:1]
    (4, ['line 6: missing city in city2'])
    """
    path = Path(path)
    index = index or get_index()
    decisions = decisions or {}
    known = place_iris_by_geonames_id(places_ttl)
    types = tie_types()
    header, records, bad = read_rows(path)
    columns = _columns(header, mapping or {}, path)
    position = {role: header.index(col) for role, col in columns.items()}
    doc, triples = source_document(path, len(records))
    gaz, gaz_triples = gazetteer_source()
    outcome, name_rows, seen = {}, {}, {}
    described, ties, unreconciled = set(), 0, 0

    def cell(values, role):
        i = position.get(role)
        return values[i].strip() if i is not None and i < len(values) else ""

    mapped = sorted(position.values())
    for line, values in bar(records, desc="reconciling", unit="row"):
        text = _row_text(values)
        if not any(v.strip() for v in values):
            bad.append(BadRow(line, "empty row", text))
            continue
        spanning = [header[i] for i in mapped if i < len(values) and "\n" in values[i]]
        if spanning:
            bad.append(BadRow(line, f"a quoted cell of {', '.join(spanning)} runs over "
                                    "several lines: is a quote left open?", text))
            continue
        names = [(cell(values, f"city{k}"), cell(values, f"country{k}")) for k in (1, 2)]
        try:
            for k, (name, country) in enumerate(names, 1):
                if not name:
                    raise ValueError(f"missing city in {columns[f'city{k}']}")
                if not country:
                    raise ValueError(f"missing country in {columns[f'country{k}']}")
                if resolve_country(country, index) is None:
                    raise ValueError(f"unknown country {country!r}")
            coords = [(_float(cell(values, f"lat{k}"), f"lat{k}", line),
                       _float(cell(values, f"lon{k}"), f"lon{k}", line)) for k in (1, 2)]
            tie_type = types["sister-city"]
            if cell(values, "type"):
                key = slug(cell(values, "type"))
                if key not in types:
                    raise ValueError(f"unknown tie type {cell(values, 'type')!r} "
                                     f"(known: {', '.join(types)})")
                tie_type = types[key]
            date = _date_literal(cell(values, "date")) if cell(values, "date") else None
            if (fold_name(names[0][0]), fold_name(names[0][1])) == \
                    (fold_name(names[1][0]), fold_name(names[1][1])):
                raise ValueError(f"self-tie: {names[0][0]} with itself")
        except ValueError as exc:
            bad.append(BadRow(line, str(exc), text))
            continue
        sides = []
        for (name, country), (lat, lon) in zip(names, coords, strict=True):
            key = (name, country, lat, lon)
            name_rows.setdefault(key, []).append(line)
            if key not in outcome:
                outcome[key] = reconcile(name, country, lat, lon, index, decisions)
            sides.append(outcome[key])
        if not all(d.status == RESOLVED for d in sides):
            pair = tuple(sorted((fold_name(n), fold_name(c)) for n, c in names))
            if pair in seen:
                bad.append(BadRow(line, f"duplicate of line {seen[pair]}", text))
            elif any(d.status == SKIPPED for d in sides):
                # a person decided to leave a side out: decided, so listed, not waiting
                seen[pair] = line
                skipped = [n for (n, _c), d in zip(names, sides, strict=True)
                           if d.status == SKIPPED]
                bad.append(BadRow(line, f"left out by decision: {', '.join(skipped)}", text))
            else:
                seen[pair] = line
                unreconciled += 1
            continue
        nodes = []
        for decision, (name, _country) in zip(sides, names, strict=True):
            city = decision.city
            node = known.get(city.geonameid) or CGR[f"place/geonames-{city.geonameid}"]
            nodes.append(node)
            if city.geonameid not in known and node not in described:
                described.add(node)
                triples += city_triples(node, city, gaz)
            if name != city.name and city.geonameid not in known:
                triples.append((node, SKOS.altLabel, Literal(name)))
        if nodes[0] == nodes[1]:
            bad.append(BadRow(line, f"self-tie: {names[0][0]} and {names[1][0]} are both "
                                    f"GeoNames {sides[0].city.geonameid}", text))
            continue
        pair = tuple(sorted(str(n) for n in nodes))
        if pair in seen:
            bad.append(BadRow(line, f"duplicate of line {seen[pair]}", text))
            continue
        seen[pair] = line
        local = [p.rsplit("/", 1)[1] for p in pair]
        tie = CGR[f"fact/{doc.rsplit('/', 1)[1]}-tie-{local[0]}--{local[1]}"]
        triples += [
            (tie, RDF.type, CG.Tie),
            (tie, CG.tieType, tie_type),
            (tie, CG.party, nodes[0]),
            (tie, CG.party, nodes[1]),
            (tie, PROV.wasDerivedFrom, doc),
            (tie, CG.evidence, Literal(f"{path.name} line {line}: {text}")),
        ]
        if date is not None:
            triples.append((tie, SCHEMA.startDate, date))
        ties += 1
    if described:
        triples += described_places(gaz_triples, outcome, places_ttl)
    bad.sort(key=lambda b: b.line)
    return CsvImport(triples, outcome, bad, len(records), ties, unreconciled, doc, name_rows)


def described_places(gaz_triples, outcome, places_ttl):
    """The triples describing the places an import reconciled to GeoNames: the gazetteer's
    triples of each, and each country that data/places.ttl does not describe."""
    triples = list(gaz_triples)
    countries = {d.city.country for d in outcome.values() if d.city is not None}
    described_countries = {str(n) for n in known_countries(places_ttl)}
    for code in sorted(countries):
        triples += _country_triples(code, described_countries)
    return triples


def _country_triples(code, described):
    """A country not described in data/places.ttl gets a label and its ISO code here."""
    node = country_node(code)
    if str(node) in described:
        return []
    country = pycountry.countries.get(alpha_2=code)
    label = country.name if country else code
    return [(node, RDF.type, CG.Country), (node, RDFS.label, Literal(label)),
            (node, CG.iso3166Code, Literal(code))]


def _decision_in_force(d):
    """What the decisions said of a name, as its decision cell: a GeoNames id, 'skip' or ''."""
    if d.status == SKIPPED:
        return "skip"
    if d.reason == "decided":
        return d.city.geonameid
    match = re.match(r"decided GeoNames id (\d+) ", d.reason)
    return match.group(1) if match else ""


def report_text(result):
    """The reconciliation report as CSV text: one row per distinct name, country string
    and coordinates, with the input lines it occurs on; the decision column is for a person.
    Cells a spreadsheet would run as formulas get a ' in front (fileio.csv_cell)."""
    rows = []

    def order(item):
        (name, country, lat, lon), _d = item
        return (name, country, -999.0 if lat is None else lat, -999.0 if lon is None else lon)

    for (name, country, lat, lon), d in sorted(result.decisions.items(), key=order):
        city = d.city
        rows.append([
            name, country, "" if lat is None else lat, "" if lon is None else lon, d.status,
            city.name if city else "", city.geonameid if city else "",
            f"{d.score:.2f}" if city else "",
            " ".join(str(n) for n in result.name_rows.get((name, country, lat, lon), [])),
            d.candidate_text(), d.reason, _decision_in_force(d),
        ])
    return csv_text(REPORT_COLUMNS, rows)
