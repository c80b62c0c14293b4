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
"""

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from citygraph.errors import InputError
from citygraph.importers.common import place_iris_by_wikidata_id, read_text, source_document
from citygraph.namespaces import CG, CGR, PROV, RDF, RDFS, SCHEMA, XSD
from citygraph.progress import bar

__all__ = ["WikidataImport", "read_relations", "read_names", "read_entity", "ties_triples",
           "import_tables", "import_entity", "LABEL_LANGUAGES"]

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


def _number(qid):
    return int(qid[1:])


_RELATIONS = "two Wikidata ids (Q123) a line, separated by a tab or a comma"
_NAMES = "a Wikidata id (Q123) and a label a line, separated by a tab"


def _qid(cell):
    """A cell as a QID: ``Q42`` or an entity IRI ``http://www.wikidata.org/entity/Q42``."""
    return cell.strip().strip('"').rsplit("/", 1)[-1]


def read_relations(path):
    """The (line, subject QID, object QID, text) statements of a pair table, and its bad lines.

    A first line that is not two QIDs is a header; blank lines and ``#`` comments are
    passed over. Any other line that is not two QIDs makes the file wrong: an
    :class:`InputError` naming the file and line, so nothing is imported from it.
    A QID paired with itself is a bad line (listed, not loaded).
    """
    path = Path(path)
    text = read_text(path, _RELATIONS)
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


def ties_triples(pairs, doc, labels, known=None):
    """Triples for ``pairs``: {(qa, qb) sorted: {"evidence": [...], "start": literal}}.

    ``known`` maps QIDs to the IRIs of places the project already describes
    (``data/places.ttl``): their ties meet those nodes, and they are not described again.
    """
    triples, items = [], set()
    known = known or {}
    sister_city = CGR["tie-type/sister-city"]
    for (a, b), info in pairs.items():
        tie = _tie(a, b)
        triples += [
            (tie, RDF.type, CG.Tie),
            (tie, CG.tieType, sister_city),
            (tie, CG.party, known.get(a) or _place(a)),
            (tie, CG.party, known.get(b) or _place(b)),
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
        items.update((a, b))
    for qid in sorted(items, key=_number):
        if qid in known:
            continue
        node = _place(qid)
        triples += [(node, RDF.type, CG.Place), (node, CG.wikidataId, Literal(qid)),
                    (node, PROV.wasDerivedFrom, doc)]
        # a place must have a name: where the import gives none, its QID is the name it has
        for label in labels.get(qid) or [Literal(qid)]:
            triples.append((node, RDFS.label, label))
    return triples, items


def import_tables(relations, names=None, places_ttl=None):
    """Import a pair table and its labels.

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
        info = pairs.setdefault(key, {"evidence": []})
        info["evidence"].append(f"{relations.name} line {line_no}: {text}")
        directions.setdefault(key, set()).add((a, b))
    doc, triples = source_document(relations, len(statements) + len(bad))
    labels = {q: [Literal(v)] for q, v in label_of.items()}
    known = place_iris_by_wikidata_id(places_ttl)
    tie_triples, items = ties_triples(pairs, doc, labels, known)
    one_sided = sum(1 for d in directions.values() if len(d) == 1)
    return WikidataImport(triples + tie_triples, len(statements), duplicates, len(pairs),
                          one_sided, len(items), sum(1 for q in items if q not in label_of),
                          sorted(bad), doc, sorted(q for q in items if q in known))


def import_entity(path, names=None, places_ttl=None):
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
    for statement_id, target, start in statements:
        if target in seen:
            duplicates += 1
            continue
        seen.add(target)
        key = tuple(sorted((qid, target), key=_number))
        text = f"{path.name}: statement {statement_id}: {qid} P190 {target}"
        if start is not None:
            text += f" (P580 {start})"
        pairs[key] = {"evidence": [text], "start": start}
    own = [Literal(labels[lang], lang=lang) for lang in LABEL_LANGUAGES if lang in labels]
    all_labels = {q: [Literal(v)] for q, v in label_of.items()}
    all_labels[qid] = own or all_labels.get(qid, [])
    known = place_iris_by_wikidata_id(places_ttl)
    tie_triples, items = ties_triples(pairs, doc, all_labels, known)
    return WikidataImport(triples + tie_triples, len(statements), duplicates, len(pairs),
                          len(pairs), len(items),
                          sum(1 for q in items if not all_labels.get(q)), [], doc,
                          sorted(q for q in items if q in known))
