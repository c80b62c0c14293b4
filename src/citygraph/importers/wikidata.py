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
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from citygraph.importers.common import source_document
from citygraph.importers.wikidata_places import (
    REPORT_COLUMNS,
    PlaceOutcome,
    place_nodes,
    report_text,
)
from citygraph.importers.wikidata_read import (
    qid_number,
    read_entity,
    read_item_decisions,
    read_names,
    read_places,
    read_query_results,
    read_relations,
)
from citygraph.namespaces import CG, CGR, PROV, RDF, SCHEMA, XSD
from citygraph.progress import bar

__all__ = ["WikidataImport", "read_relations", "read_names", "read_entity", "ties_triples",
           "import_tables", "import_entity", "LABEL_LANGUAGES", "read_query_results",
           "read_places", "read_item_decisions", "place_nodes", "PlaceOutcome",
           "REPORT_COLUMNS", "report_text"]

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


_TIE = f"{CGR}fact/wikidata-tie-"


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
        key = tuple(sorted((a, b), key=qid_number))
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
                          sorted(bad + merged), doc, sorted(reused, key=qid_number), outcomes)


def import_entity(path, names=None, places_ttl=None, places=None, decisions=None, index=None):
    """Import the P190 statements of one entity JSON file, with their P580 start dates.

    >>> result = import_entity("tests/data/import/weimar_year.json")
    >>> result.pairs, result.one_sided
    (2, 2)
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
        key = tuple(sorted((qid, target), key=qid_number))
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
