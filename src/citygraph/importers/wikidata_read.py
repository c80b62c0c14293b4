"""Read the files of a Wikidata import: pair tables, label tables, entity JSON and
query-service results about the items, and a person's decisions on items.

Each reader returns plain values (QIDs, labels, statements) or raises an
:class:`~citygraph.errors.InputError` naming the file and line; nothing here
makes triples (:mod:`citygraph.importers.wikidata` does).
"""

import json
import re
from pathlib import Path

from rdflib import Literal

from citygraph.errors import InputError
from citygraph.fileio import csv_uncell
from citygraph.importers.common import read_decision_file, read_text
from citygraph.namespaces import XSD

__all__ = ["read_relations", "read_names", "read_entity", "read_query_results", "read_places",
           "read_item_decisions", "qid_number", "QID"]

#: a Wikidata item id
QID = re.compile(r"^Q[1-9][0-9]*$")


def qid_number(qid):
    """The number of a QID, to sort QIDs by (Q42 -> 42)."""
    return int(qid[1:])


_RELATIONS = "two Wikidata ids (Q123) a line, separated by a tab or a comma"
_NAMES = "a Wikidata id (Q123) and a label a line, separated by a tab"


def _qid(cell):
    """A cell as a QID: ``Q42`` or an entity IRI ``http://www.wikidata.org/entity/Q42``."""
    return cell.strip().strip('"').rsplit("/", 1)[-1]


def _item_qid(cell, where):
    """The QID of an item cell, or an :class:`InputError` at ``where`` (file:line)."""
    qid = _qid(cell or "")
    if not QID.match(qid):
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
        if len(cells) == 2 and all(QID.match(c) for c in cells):
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
        if not all(QID.match(c) for c in cells):
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
        if country_label and not QID.match(country_label):
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
        if QID.match(qid) and tab and label.strip():
            names.setdefault(qid, label.strip())
        elif line_no == 1 and not QID.match(qid):
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


