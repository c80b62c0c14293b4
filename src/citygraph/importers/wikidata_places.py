"""Place the items of a Wikidata import: an item is a place the project has (same QID),
a GeoNames place found by reconciliation, or a place of its own for a person to decide;
and the reconciliation report of those decisions.
"""

from dataclasses import dataclass

from rdflib import Literal, URIRef

from citygraph.fileio import csv_text
from citygraph.importers.common import (
    city_triples,
    country_node,
    gazetteer_source,
    known_countries,
    place_iris_by_geonames_id,
    place_iris_by_wikidata_id,
)
from citygraph.importers.wikidata_read import qid_number
from citygraph.namespaces import CG, CGR, GEO, PROV, RDF, RDFS, SKOS, XSD
from citygraph.progress import bar

__all__ = ["PlaceOutcome", "place_nodes", "REPORT_COLUMNS", "report_text"]

_PLACE = f"{CGR}place/wikidata-"


def _place(qid):
    return URIRef(_PLACE + qid.lower())


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
    """The node of each item and the triples describing them (see
    :mod:`citygraph.importers.wikidata`).

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
    for qid in bar(sorted(items, key=qid_number), desc="reconciling items", unit="item"):
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
                others = ", ".join(q for q in sorted(qids, key=qid_number) if q != qid)
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
    for qid in sorted(result.outcomes, key=qid_number):
        o = result.outcomes[qid]
        d, city = o.decision, o.decision.city
        reason = "; ".join(r for r in (d.reason, o.note) if r)
        rows.append([qid, o.name, o.country, "" if o.lat is None else o.lat,
                     "" if o.lon is None else o.lon, d.status,
                     str(o.node).rsplit("/", 1)[1] if o.node is not None else "",
                     city.geonameid if city else "", f"{d.score:.2f}" if city else "",
                     d.candidate_text(), reason, decisions.get(qid, "")])
    return csv_text(REPORT_COLUMNS, rows)


