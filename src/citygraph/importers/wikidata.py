"""Import Wikidata "twinned administrative body" (P190) statements as sister-city ties.

Two forms are read: a table of item pairs (``relations.tsv``: two QIDs a line,
as a query-service export gives them, the first item stating P190 of the
second) with a table of labels (``names.tsv``: QID and label), and raw entity
JSON (``Special:EntityData/Q3955.json``), whose P190 statements may carry a
start time (qualifier P580) that becomes the tie's ``schema:startDate`` at the
precision Wikidata gives (a day ``xsd:date``, a year ``xsd:gYear``; a month
becomes its year, with the month as ``cg:dateEarliest`` .. ``cg:dateLatest``).

P190 is symmetric in meaning but stated per item: a pair stated on both items
is one tie, and so is a pair stated on one side only (those are counted). Ties
are ``fact:wikidata-tie-q<a>-q<b>`` (``a < b``) and places
``place:wikidata-q<n>``, whichever file they come from, so two imports of the
same pair meet on one tie with two sources.

Places: an item whose QID a place of ``data/places.ttl`` carries is that place.
Every other item is reconciled to GeoNames (:func:`citygraph.places.reconcile.reconcile`)
by its label, with its country (P17) and coordinates (P625) where a query-service
result gives them (``--places``: JSON or CSV as the Wikidata Query Service
downloads them). A resolved item is the GeoNames place's node (the seed IRI, or
``place:geonames-<id>`` as the CSV importer names it) carrying the QID; the
others stay ``place:wikidata-q<n>``, with the coordinates and country the result
gives, and are listed in the report for a person to decide (decisions by item:
a GeoNames id or ``skip``).
"""

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from citygraph.errors import InputError
from citygraph.fileio import csv_text, csv_uncell
from citygraph.importers.common import (
    city_triples,
    country_node,
    gazetteer_source,
    known_countries,
    place_iris_by_geonames_id,
    place_iris_by_wikidata_id,
    read_decision_file,
    read_text,
    source_document,
)
from citygraph.namespaces import CG, CGR, GEO, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from citygraph.progress import bar

__all__ = ["WikidataImport", "read_relations", "read_names", "read_entity", "ties_triples",
           "import_tables", "import_entity", "LABEL_LANGUAGES", "read_query_results",
           "read_places", "read_item_decisions", "place_nodes", "REPORT_COLUMNS",
           "report_text"]

_QID = re.compile(r"^Q[1-9][0-9]*$")
#: the languages an entity's own labels are taken in (as names.tsv prefers them)
LABEL_LANGUAGES = ("de", "en", "fr", "it", "es")


@dataclass
class WikidataImport:
    """Triples and counts of one import."""

    triples: list
    statements: int = 0
    duplicates: int = 0
    pairs: int = 0
    one_sided: int = 0
    items: int = 0
    unlabelled: int = 0
    bad_lines: list = field(default_factory=list)
    source: object = None
    #: the QIDs whose ties meet a place the project already describes (same QID)
    reused: list = field(default_factory=list)
    #: how each other item was placed: {QID: PlaceOutcome}
    outcomes: dict = field(default_factory=dict)


def _number(qid):
    return int(qid[1:])


_RELATIONS = "two Wikidata ids (Q123) a line, separated by a tab or a comma"
_NAMES = "a Wikidata id (Q123) and a label a line, separated by a tab"


def _qid(cell):
    """A cell as a QID: ``Q42`` or an entity IRI ``http://www.wikidata.org/entity/Q42``."""
    return cell.strip().strip('"').rsplit("/", 1)[-1]


def _item_qid(cell, where):
    """The QID of an item cell, or an :class:`InputError` at ``where`` (file:line)."""
    qid = _qid(cell or "")
    if not _QID.match(qid):
        raise InputError(f"{where}: item {cell!r} is not a Wikidata item")
    return qid


def read_relations(path):
    """The (line, subject QID, object QID, text) statements of a pair table, and its bad lines.

    A first line that is not two QIDs is a header; blank lines and ``#`` comments are
    passed over. Any other line that is not two QIDs makes the file wrong: an
    :class:`InputError` naming the file and line, so nothing is imported from it.
    A QID paired with itself is a bad line (listed, not loaded).
    """
    path = Path(path)
    text = read_text(path, _RELATIONS)
    if text.lstrip().startswith("{"):
        return _relations_from_json(path, text)
    statements, bad, header = [], [], False
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [_qid(c) for c in re.split(r"[\t,]", line.strip())]
        if len(cells) == 2 and all(_QID.match(c) for c in cells):
            if cells[0] == cells[1]:
                bad.append((line_no, f"{cells[0]} is twinned with itself", line))
            else:
                statements.append((line_no, cells[0], cells[1], line))
        elif line_no == 1:
            header = True
        else:
            raise InputError(f"{path}:{line_no}: expected {_RELATIONS}, found "
                             f"{_shorten(line)!r}")
    if not statements and not bad:
        raise InputError(f"{path}:{2 if header else 1}: no statements; expected {_RELATIONS}")
    return statements, bad


def _relations_from_json(path, text):
    """The statements of a query-service JSON result: its first two variables, a pair a row."""
    variables, rows = _json_results(path, text, "a query result of item pairs")
    if len(variables) < 2:
        raise InputError(f"{path}:1: the result has {len(variables)} variables; expected two "
                         "items a row (the item and its twin)")
    first, second = variables[:2]
    statements, bad = [], []
    for number, row in rows:
        cells = [_qid(row.get(first, "")), _qid(row.get(second, ""))]
        if not all(_QID.match(c) for c in cells):
            raise InputError(f"{path}:{number}: result {number}: expected two Wikidata items in "
                             f"?{first} and ?{second}, found {cells[0]!r} and {cells[1]!r}")
        text_ = f"{cells[0]}\t{cells[1]}"
        if cells[0] == cells[1]:
            bad.append((number, f"{cells[0]} is twinned with itself", text_))
        else:
            statements.append((number, cells[0], cells[1], text_))
    if not statements and not bad:
        raise InputError(f"{path}:1: no results; expected two Wikidata items a row")
    return statements, bad


def _json_results(path, text, expected):
    """(variables, [(row number, {variable: value})]) of SPARQL 1.1 JSON results."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not JSON ({exc.msg}); expected {expected}") \
            from None
    try:
        variables = list(data["head"]["vars"])
        bindings = data["results"]["bindings"]
        rows = [(n, {k: str(v["value"]) for k, v in b.items()})
                for n, b in enumerate(bindings, 1)]
    except (KeyError, TypeError, AttributeError):
        raise InputError(f"{path}:1: not SPARQL JSON results (head.vars, results.bindings); "
                         f"expected {expected}") from None
    return variables, rows


def read_query_results(path, expected):
    """(variables, [(line or row number, {variable: value})]) of a query-service download.

    JSON (SPARQL 1.1 results) and CSV (a header of variable names) are read;
    values are the plain strings (IRIs in full, coordinates as WKT).
    """
    import csv
    import io

    path = Path(path)
    text = read_text(path, expected)
    if text.lstrip().startswith("{"):
        return _json_results(path, text, expected)
    reader = csv.reader(io.StringIO(text, newline=""))
    header, rows, start = None, [], 1
    for values in reader:
        line, start = start, reader.line_num + 1
        if not values:
            continue
        if header is None:
            header = [v.strip().lstrip("?") for v in values]
            continue
        # a row shorter than the header leaves its last columns empty
        cells = zip(header, values, strict=False)
        rows.append((line, {k: csv_uncell(v.strip()) for k, v in cells if v}))
    return header or [], rows


_POINT = re.compile(r"^\s*(?:<[^>]*>\s*)?Point\(\s*(-?[0-9.]+(?:[eE]-?\d+)?)\s+"
                    r"(-?[0-9.]+(?:[eE]-?\d+)?)\s*\)\s*$", re.I)
_PLACES = "a query result with ?item and, where known, ?itemLabel, ?coord (P625), " \
          "?countryCode (P297 of P17) or ?countryLabel"


def read_places(path):
    """{QID: {"label", "lat", "lon", "country"}} from a query-service result about items.

    Variables: ``item`` (required), ``itemLabel``, ``coord`` (P625, WKT
    ``Point(lon lat)``), ``countryCode`` (the ISO 3166-1 code, P297 of the P17
    country) or ``countryLabel``. A value that does not fit is an
    :class:`InputError` naming the file and line (or result number).
    """
    if path is None:
        return {}
    path = Path(path)
    variables, rows = read_query_results(path, _PLACES)
    if "item" not in variables:
        raise InputError(f"{path}:1: no variable item; expected {_PLACES} "
                         f"(found {', '.join(variables) or 'none'})")
    places = {}
    for number, row in rows:
        qid = _item_qid(row.get("item", ""), f"{path}:{number}")
        entry = places.setdefault(qid, {})
        label = row.get("itemLabel", "").strip()
        if label and label != qid:
            entry.setdefault("label", label)
        coord = row.get("coord", "").strip()
        if coord:
            match = _POINT.match(coord)
            if not match:
                raise InputError(f"{path}:{number}: coord {coord!r} is not a WKT Point(lon lat)")
            lon, lat = float(match.group(1)), float(match.group(2))
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise InputError(f"{path}:{number}: coord {coord!r} is off the globe")
            if "lat" not in entry:
                entry["lat"], entry["lon"] = lat, lon
        code = row.get("countryCode", "").strip().upper()
        if code:
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise InputError(f"{path}:{number}: countryCode {code!r} is not an ISO "
                                 "3166-1 alpha-2 code")
            entry.setdefault("country", code)
        country_label = row.get("countryLabel", "").strip()
        if country_label and not _QID.match(country_label):
            entry.setdefault("country_label", country_label)
    return places


def read_item_decisions(path):
    """A person's decisions on Wikidata items: QID -> GeoNames id or "skip".

    The file is a CSV with the columns item and decision (the report has them,
    with more); rows with an empty decision are passed over.
    """
    return read_decision_file(path, ("item", "decision"), "decisions on Wikidata items",
                              lambda row, line: _item_qid(row["item"], f"{path}:{line}"))


def _shorten(line, limit=60):
    line = line.strip()
    return line if len(line) <= limit else line[:limit] + "..."


def read_names(path):
    """QID -> label from a two-column table (QID, label); a first line may be a header.

    A line that is not a QID and a label is an :class:`InputError` naming the file and line.
    """
    if path is None:
        return {}
    path = Path(path)
    text = read_text(path, _NAMES)
    names = {}
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        qid, tab, label = line.partition("\t")
        qid = _qid(qid)
        if _QID.match(qid) and tab and label.strip():
            names.setdefault(qid, label.strip())
        elif line_no == 1 and not _QID.match(qid):
            continue
        else:
            raise InputError(f"{path}:{line_no}: expected {_NAMES}, found {_shorten(line)!r}")
    return names


def _time_literal(value):
    """A Wikidata time value as an XSD literal of its precision (11 day, 10 month, 9 year).

    >>> _time_literal({"time": "+1995-02-18T00:00:00Z", "precision": 11})
    rdflib.term.Literal('1995-02-18', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
    >>> _time_literal({"time": "+1970-00-00T00:00:00Z", "precision": 9})
    rdflib.term.Literal('1970', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYear'))
    """
    match = re.match(r"^\+(\d{4})-(\d{2})-(\d{2})T", value.get("time", ""))
    if not match:
        return None
    year, month, day = match.groups()
    precision = int(value.get("precision", 0))
    if precision >= 11:
        return Literal(f"{year}-{month}-{day}", datatype=XSD.date)
    if precision == 10:
        # a month: the shapes take years, not xsd:gYearMonth, so the year is the start
        # date and the month is kept as the range cg:dateEarliest .. cg:dateLatest
        return Literal(f"{year}-{month}", datatype=XSD.gYearMonth)
    if precision == 9:
        return Literal(year, datatype=XSD.gYear)
    return None


def read_entity(path):
    """From entity JSON: (subject QID, labels by language, modified date, statements).

    Each statement is (statement id, object QID, start literal or None).
    """
    path = Path(path)
    try:
        data = json.loads(read_text(path, "a Wikidata entity as JSON"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from None
    try:
        return _entity_parts(path, data)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        # JSON of another shape ([] or a claim without its datavalue): one line, exit 2
        raise InputError(f"{path}: not a Wikidata entity as JSON "
                         f"({type(exc).__name__}: {exc})") from None


def _entity_parts(path, data):
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected one Wikidata entity, found {type(data).__name__}")
    entities = data.get("entities", data)
    if not isinstance(entities, dict) or len(entities) != 1:
        raise InputError(f"{path}: expected one Wikidata entity, found "
                         f"{len(entities) if isinstance(entities, dict) else 0}")
    (qid, entity), = entities.items()
    labels = {lang: v["value"] for lang, v in (entity.get("labels") or {}).items()}
    modified = entity.get("modified")
    statements = []
    for claim in (entity.get("claims") or {}).get("P190", []):
        snak = claim.get("mainsnak", {})
        if claim.get("rank") == "deprecated" or snak.get("snaktype") != "value":
            continue
        target = snak["datavalue"]["value"]["id"]
        start = None
        for qualifier in (claim.get("qualifiers") or {}).get("P580", []):
            if qualifier.get("snaktype") == "value":
                start = _time_literal(qualifier["datavalue"]["value"])
        statements.append((claim.get("id", ""), target, start))
    return qid, labels, modified, statements


_PLACE = f"{CGR}place/wikidata-"
_TIE = f"{CGR}fact/wikidata-tie-"


def _place(qid):
    return URIRef(_PLACE + qid.lower())


def _tie(a, b):
    return URIRef(f"{_TIE}{a.lower()}-{b.lower()}")


def ties_triples(pairs, doc, iri_of):
    """Triples for ``pairs``: {(qa, qb) sorted: {"evidence": [...], "start": literal, "line"}}.

    ``iri_of`` maps each QID to its place node (see :func:`place_nodes`). Returns
    the triples and the pairs whose two items are one place (listed, not loaded):
    (line, reason, text).
    """
    triples, merged = [], []
    sister_city = CGR["tie-type/sister-city"]
    for (a, b), info in pairs.items():
        if iri_of[a] == iri_of[b]:
            merged.append((info.get("line", 0), f"{a} and {b} are one place "
                                                f"({iri_of[a].rsplit('/', 1)[1]})",
                           f"{a}\t{b}"))
            continue
        tie = _tie(a, b)
        triples += [
            (tie, RDF.type, CG.Tie),
            (tie, CG.tieType, sister_city),
            (tie, CG.party, iri_of[a]),
            (tie, CG.party, iri_of[b]),
            (tie, PROV.wasDerivedFrom, doc),
        ]
        triples += [(tie, CG.evidence, Literal(text)) for text in info["evidence"]]
        start = info.get("start")
        if start is not None and start.datatype == XSD.gYearMonth:
            year, month = (int(x) for x in str(start).split("-"))
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
            triples += [
                (tie, SCHEMA.startDate, Literal(str(year), datatype=XSD.gYear)),
                (tie, CG.dateEarliest, Literal(f"{start}-01", datatype=XSD.date)),
                (tie, CG.dateLatest, Literal(f"{start}-{last:02d}", datatype=XSD.date)),
            ]
        elif start is not None:
            triples.append((tie, SCHEMA.startDate, start))
    return triples, merged


@dataclass
class PlaceOutcome:
    """How one item was placed: its label, what the query result gave, the reconciliation."""

    name: str
    country: str
    lat: float | None
    lon: float | None
    decision: object
    node: object = None
    note: str = ""
    #: True when the item is a GeoNames place's node (resolved and not kept apart)
    placed: bool = False


def _country_name(code):
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def place_nodes(items, labels, doc, table=None, decisions=None, places_ttl=None, index=None):
    """The node of each item and the triples describing them; see the module's docstring.

    ``labels`` maps QIDs to their label literals, ``table`` is :func:`read_places`'s
    result, ``decisions`` :func:`read_item_decisions`'. Returns (iri_of, triples,
    reused QIDs, outcomes by QID).
    """
    from citygraph.importers.csv_ties import _country_triples
    from citygraph.places.reconcile import AMBIGUOUS, RESOLVED, Decision, get_index, reconcile

    table, decisions = table or {}, decisions or {}
    known_q = place_iris_by_wikidata_id(places_ttl)
    known_g = place_iris_by_geonames_id(places_ttl)
    seed_qid = {iri: qid for qid, iri in known_q.items()}
    index = index or get_index()
    gaz, gaz_triples = gazetteer_source()
    iri_of, triples, outcomes, reused = {}, [], {}, []
    described, countries = set(), set()
    pending = []
    for qid in bar(sorted(items, key=_number), desc="reconciling items", unit="item"):
        if qid in known_q:
            iri_of[qid] = known_q[qid]
            reused.append(qid)
            continue
        info = table.get(qid, {})
        own = labels.get(qid) or []
        name = info.get("label") or (str(own[0]) if own else qid)
        code = info.get("country")
        country = _country_name(code) if code else info.get("country_label", "")
        lat, lon = info.get("lat"), info.get("lon")
        decided = {(name, country): decisions[qid]} if qid in decisions else None
        decision = reconcile(name, country, lat, lon, index, decided)
        outcomes[qid] = PlaceOutcome(name, country, lat, lon, decision)
        pending.append((qid, own, code))
    # two items found to be one GeoNames place: a person says which (none is guessed)
    claims = {}
    for qid, o in outcomes.items():
        if o.decision.status == RESOLVED and qid not in decisions:
            claims.setdefault(o.decision.city.geonameid, []).append(qid)
    for gid, qids in claims.items():
        if len(qids) > 1:
            for qid in qids:
                d = outcomes[qid].decision
                others = ", ".join(q for q in sorted(qids, key=_number) if q != qid)
                outcomes[qid].decision = Decision(
                    d.name, d.country, AMBIGUOUS, candidates=d.candidates,
                    reason=f"{others} also found to be GeoNames {gid} {d.city.name}; "
                           "decide which item it is")
    for qid, own, code in pending:
        outcome = outcomes[qid]
        decision, name, lat, lon = outcome.decision, outcome.name, outcome.lat, outcome.lon
        node = None
        if decision.status == RESOLVED:
            city = decision.city
            seed = known_g.get(city.geonameid)
            if seed is not None and seed in seed_qid:
                outcome.note = (f"GeoNames {city.geonameid} is {seed.rsplit('/', 1)[1]}, which "
                                f"carries {seed_qid[seed]}: kept apart")
            elif seed is not None:
                node = seed
            else:
                node = CGR[f"place/geonames-{city.geonameid}"]
                if node not in described:
                    described.add(node)
                    triples += city_triples(node, city, gaz)
                    countries.add(city.country)
            if node is not None:
                outcome.placed = True
                triples += [(node, CG.wikidataId, Literal(qid)), (node, PROV.wasDerivedFrom, doc)]
                if name != city.name and name != qid:
                    triples.append((node, SKOS.altLabel, Literal(name)))
        if node is None:
            node = _place(qid)
            triples += [(node, RDF.type, CG.Place), (node, CG.wikidataId, Literal(qid)),
                        (node, PROV.wasDerivedFrom, doc)]
            # a place must have a name: where the import gives none, its QID is the name it has
            for label in own or [Literal(name)]:
                triples.append((node, RDFS.label, label))
            if lat is not None:
                triples += [(node, GEO.lat, Literal(_decimal(lat), datatype=XSD.decimal)),
                            (node, GEO.long, Literal(_decimal(lon), datatype=XSD.decimal))]
            if code:
                triples.append((node, CG.country, country_node(code)))
                countries.add(code)
        outcome.node = node
        iri_of[qid] = node
    if described:
        triples += gaz_triples
    seed_countries = {str(n) for n in known_countries(places_ttl)}
    for code in sorted(countries):
        triples += _country_triples(code, seed_countries)
    return iri_of, triples, reused, outcomes


def _decimal(value):
    from decimal import Decimal

    return Decimal(repr(value))


REPORT_COLUMNS = ["item", "name", "country", "lat", "lon", "status", "place", "geonames_id",
                  "score", "candidates", "reason", "decision"]


def report_text(result, decisions=None):
    """The reconciliation report of a Wikidata import: one row per item not placed by its QID.

    The decision column shows the decision in force (a GeoNames id or 'skip');
    write decisions in NAME.decisions.csv (columns item, decision).
    """
    decisions = decisions or {}
    rows = []
    for qid in sorted(result.outcomes, key=_number):
        o = result.outcomes[qid]
        d, city = o.decision, o.decision.city
        reason = "; ".join(r for r in (d.reason, o.note) if r)
        rows.append([qid, o.name, o.country, "" if o.lat is None else o.lat,
                     "" if o.lon is None else o.lon, d.status,
                     str(o.node).rsplit("/", 1)[1] if o.node is not None else "",
                     city.geonameid if city else "", f"{d.score:.2f}" if city else "",
                     d.candidate_text(), reason, decisions.get(qid, "")])
    return csv_text(REPORT_COLUMNS, rows)


def import_tables(relations, names=None, places_ttl=None, places=None, decisions=None,
                  index=None):
    """Import a pair table and its labels (``places``: a query result about the items).

    >>> result = import_tables("tests/data/import/relations.tsv",
    ...                        "tests/data/import/names.tsv")
    >>> result.statements, result.duplicates, result.pairs, result.one_sided
    (7, 1, 4, 2)
    """
    relations = Path(relations)
    statements, bad = read_relations(relations)
    label_of = read_names(names)
    seen, pairs, directions = set(), {}, {}
    duplicates = 0
    for line_no, a, b, text in bar(statements, desc="reading statements", unit="line"):
        if (a, b) in seen:
            duplicates += 1
            continue
        seen.add((a, b))
        key = tuple(sorted((a, b), key=_number))
        info = pairs.setdefault(key, {"evidence": [], "line": line_no})
        info["evidence"].append(f"{relations.name} line {line_no}: {text}")
        directions.setdefault(key, set()).add((a, b))
    doc, triples = source_document(relations, len(statements) + len(bad))
    labels = {q: [Literal(v)] for q, v in label_of.items()}
    return _finish(triples, pairs, doc, labels, places, decisions, places_ttl, index,
                   statements=len(statements), duplicates=duplicates,
                   one_sided=sum(1 for d in directions.values() if len(d) == 1), bad=bad)


def _finish(triples, pairs, doc, labels, places, decisions, places_ttl, index, statements,
            duplicates, one_sided, bad):
    items = {q for pair in pairs for q in pair}
    table = read_places(places) if places is not None and not isinstance(places, dict) \
        else (places or {})
    iri_of, place_triples, reused, outcomes = place_nodes(
        items, labels, doc, table, decisions, places_ttl, index)
    tie_triples, merged = ties_triples(pairs, doc, iri_of)
    return WikidataImport(triples + place_triples + tie_triples, statements, duplicates,
                          len(pairs) - len(merged), one_sided, len(items),
                          sum(1 for q in items if not labels.get(q)
                              and not table.get(q, {}).get("label")),
                          sorted(bad + merged), doc, sorted(reused, key=_number), outcomes)


def import_entity(path, names=None, places_ttl=None, places=None, decisions=None, index=None):
    """Import the P190 statements of one entity JSON file, with their P580 start dates.

    >>> result = import_entity("../shared/realdata/wikidata-p190-2016/weimar.json")
    >>> result.pairs, result.one_sided
    (5, 5)
    """
    path = Path(path)
    qid, labels, modified, statements = read_entity(path)
    label_of = read_names(names)
    date = None
    if modified:
        date = dt.datetime.fromisoformat(modified.replace("Z", "+00:00"))
    doc, triples = source_document(path, len(statements), title=f"Wikidata entity {qid}",
                                   date=date)
    pairs, seen, duplicates = {}, set(), 0
    for number, (statement_id, target, start) in enumerate(statements, 1):
        if target in seen:
            duplicates += 1
            continue
        seen.add(target)
        key = tuple(sorted((qid, target), key=_number))
        text = f"{path.name}: statement {statement_id}: {qid} P190 {target}"
        if start is not None:
            text += f" (P580 {start})"
        pairs[key] = {"evidence": [text], "start": start, "line": number}
    own = [Literal(labels[lang], lang=lang) for lang in LABEL_LANGUAGES if lang in labels]
    all_labels = {q: [Literal(v)] for q, v in label_of.items()}
    all_labels[qid] = own or all_labels.get(qid, [])
    return _finish(triples, pairs, doc, all_labels, places, decisions, places_ttl, index,
                   statements=len(statements), duplicates=duplicates, one_sided=len(pairs),
                   bad=[])
