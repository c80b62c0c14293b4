"""What the entity pages show, read from the store by SPARQL with bound parameters.

Every function takes a query target (the server's worker pool) and returns
plain dicts for the templates. Facts keep their source document and their
verbatim evidence quotes, so each row on a page can be checked.
"""

import re
from collections import OrderedDict

from rdflib import URIRef

from citygraph.namespaces import CG, CGR, FOAF, GEO, ORG, RDF, SKOS
from citygraph.querying.catalog import find_query, run_query
from citygraph.querying.names import name_index, search
from citygraph.web.fact_rows import FACT_SECTIONS, LABEL_PROPS, facts, select

__all__ = ["node_iri", "describe", "entity", "facts", "kind_of", "search_index", "search",
           "document_facts", "highlight", "enclosing", "catalog_rows", "questions"]

_PATH = re.compile(r"[A-Za-z0-9._~%!$&'()*+,;=:@/-]+")

_PLACE_CLASSES = {CG.Place, CG.Country, CG.Region, CG.Province, CG.Prefecture, CG.FederalSubject,
                  CG.AutonomousRegion, CG.SpecialSelfGoverningProvince, CG.City, CG.District}
_EVENT_CLASSES = {CG.Event, CG.EventSeries}
_ORG_CLASSES = {ORG.Organization, CG.LocalGovernment, CG.Legislature, CG.Department,
                CG.CityNetwork, CG.Secretariat, CG.InternationalOrganization, CG.NationalBody,
                CG.Embassy, CG.Ministry, CG.Association, CG.AcademicInstitution, CG.Company,
                CG.CivilSocietyOrganization}

_NAME_PROPS = (*LABEL_PROPS, SKOS.altLabel, SKOS.hiddenLabel)
_ID_PROPS = {CG.geonamesId: "GeoNames", CG.iso3166Code: "ISO 3166", CG.wikidataId: "Wikidata"}


def node_iri(path):
    """The IRI of a page path under /id/, or None when the path cannot be one.

    >>> node_iri("place/seoul")
    rdflib.term.URIRef('https://w3id.org/citygraph/id/place/seoul')
    >>> node_iri("place/<x>") is None
    True
    """
    if not path or not _PATH.fullmatch(path) or ".." in path.split("/"):
        return None
    return URIRef(str(CGR) + path)


def _select(target, text, **bindings):
    return select(target, text, bindings)


_DESCRIBE = """
SELECT ?p ?plabel ?o ?olabel WHERE {
  $node ?p ?o .
  OPTIONAL { ?p rdfs:label ?plabel }
  OPTIONAL { ?o rdfs:label|skos:prefLabel|schema:name|foaf:name|dcterms:title ?olabel }
}"""


def kind_of(types):
    """'place', 'event', 'organization', 'person', 'agreement', 'document', 'fact' or 'other'."""
    types = set(types)
    if types & _PLACE_CLASSES:
        return "place"
    if types & _EVENT_CLASSES:
        return "event"
    if FOAF.Person in types:
        return "person"
    if CG.Agreement in types:
        return "agreement"
    if CG.SourceDocument in types:
        return "document"
    if types & _ORG_CLASSES:
        return "organization"
    if types & set(FACT_SECTIONS) or CG.Fact in types:
        return "fact"
    return "other"


def _first_label(values):
    for prop in LABEL_PROPS:
        if values.get(prop):
            return str(values[prop][0])
    return None


def describe(target, node):
    """The node's own statements: label, names, identifiers, types, other properties."""
    rows = _select(target, _DESCRIBE, node=node)
    if not rows:
        return None
    values = OrderedDict()
    labels = {}
    plabels = {}
    for row in rows:
        if row["plabel"] is not None:
            plabels.setdefault(row["p"], str(row["plabel"]))
        values.setdefault(row["p"], [])
        if row["o"] not in values[row["p"]]:
            values[row["p"]].append(row["o"])
        if row["olabel"] is not None and row["o"] not in labels:
            labels[row["o"]] = str(row["olabel"])
    types = values.get(RDF.type, [])
    names = []
    for prop in _NAME_PROPS:
        for value in values.get(prop, []):
            names.append({"property": prop, "value": str(value),
                          "lang": getattr(value, "language", None)})
    identifiers = []
    for prop, name in _ID_PROPS.items():
        for value in values.get(prop, []):
            identifiers.append({"scheme": name, "value": str(value), "url": _id_url(name, value)})
    hidden = {*_NAME_PROPS, *_ID_PROPS, RDF.type, CG.evidence}
    properties = [(p, [(v, labels.get(v)) for v in vs]) for p, vs in values.items()
                  if p not in hidden]
    evidence = [str(v) for v in values.get(CG.evidence, [])]
    lat = values.get(GEO.lat, [None])[0]
    lon = values.get(GEO.long, [None])[0]
    return {
        "iri": node, "label": _first_label(values) or str(node).rsplit("/", 1)[-1],
        "types": types, "kind": kind_of(types), "names": names, "identifiers": identifiers,
        "properties": properties, "evidence": evidence, "values": values, "labels": labels,
        "plabels": plabels,
        "xy": None, "lat": float(lat) if lat is not None else None,
        "lon": float(lon) if lon is not None else None,
    }


def _id_url(scheme, value):
    if scheme == "GeoNames":
        return f"https://www.geonames.org/{value}"
    if scheme == "Wikidata":
        return f"https://www.wikidata.org/wiki/{value}"
    return None


_ENCLOSING = """
SELECT DISTINCT ?whole ?label ?kind WHERE {
  { $node cg:partOf+ ?whole } UNION { $node cg:country ?whole }
  OPTIONAL { ?whole rdfs:label ?label }
  OPTIONAL { ?whole a ?kind }
}"""


def enclosing(target, node):
    """The places that enclose a place (regions, country), outermost last."""
    seen = OrderedDict()
    for row in _select(target, _ENCLOSING, node=node):
        entry = seen.setdefault(row["whole"], {"iri": row["whole"], "label": None, "country":
                                               False})
        if row["label"] is not None and entry["label"] is None:
            entry["label"] = str(row["label"])
        if row["kind"] == CG.Country:
            entry["country"] = True
    return sorted(seen.values(), key=lambda e: (e["country"], e["label"] or ""))


def entity(target, node):
    """What every entity page shows first, or None for a node the store does not know:
    :func:`describe`, with its facts (a place's, an organization's, a person's) and a
    place's enclosing places. A page worker answers it in one request (see
    :mod:`citygraph.web.worker`), its five queries run where the store is."""
    info = describe(target, node)
    if info is None:
        return None
    info["facts"] = facts(target, node) if info["kind"] in (
        "place", "organization", "person") else {}
    if info["kind"] == "place":
        info["enclosing"] = enclosing(target, node)
    return info


def catalog_rows(target, name, **params):
    """The rows of a catalog query with its parameters bound."""
    return run_query(find_query(name), target, params).rows


def questions(target, node, kind):
    """What a page answers beyond the node's own facts, by catalog query: an event's
    people with their roles and its organizers, a series', event's or programme's parts,
    a document's mentioned entities."""
    out = {}
    if kind == "event":
        out["people"] = catalog_rows(target, "event-people", event=node)
        out["organizers"] = catalog_rows(target, "event-organizers", event=node)
    if kind in ("event", "organization"):
        out["parts"] = catalog_rows(target, "series-parts", whole=node)
    if kind == "document":
        out["mentions"] = catalog_rows(target, "document-mentions", document=node)
    return out


# --- search: see citygraph.querying.names ----------------------------------------------

search_index = name_index

# --- source documents -------------------------------------------------------------------

_DOC_FACTS = """
SELECT ?fact ?evidence ?label WHERE {
  ?fact prov:wasDerivedFrom $node ; cg:evidence ?evidence .
  OPTIONAL { ?fact rdfs:label|schema:name ?label }
}"""


def document_facts(target, node):
    """[(fact, evidence quote, fact label)] of every fact derived from a document."""
    return [(r["fact"], str(r["evidence"]), str(r["label"]) if r["label"] is not None else None)
            for r in _select(target, _DOC_FACTS, node=node)]


def _normalize(text):
    return re.sub(r"\s+", " ", text)


def highlight(text, quotes):
    """Split a source text into pieces, marking every quote the graph cites.

    Each piece is (text, covering, starts, ends): the facts whose quote covers
    it, the quote numbers that start there and the (fact, number) of the quotes
    that end there, so a page can anchor each quote and cite its fact once, at
    its end. Quotes are found verbatim (whitespace runs may differ). Returns the
    pieces and the quotes not found.

    >>> pieces, missing = highlight("Seoul signed an MOU with Colombo.",
    ...                             [("f1", "signed an MOU"), ("f2", "absent")])
    >>> [(p, [f for f, _ in c], s, e) for p, c, s, e in pieces][:2]
    [('Seoul ', [], [], []), ('signed an MOU', ['f1'], [0], [('f1', 0)])]
    >>> missing
    [('f2', 'absent')]
    """
    spans, missing = [], []
    for number, (fact, quote) in enumerate(quotes):
        pattern = r"\s+".join(re.escape(part) for part in quote.split())
        match = re.search(pattern, text) if pattern else None
        if match is None:
            missing.append((fact, quote))
            continue
        spans.append((match.start(), match.end(), fact, number))
    cuts = sorted({0, len(text), *[s for s, *_ in spans], *[e for _, e, *_ in spans]})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [(fact, number) for s, e, fact, number in spans if s <= start and end <= e]
        starts = [number for s, _, _, number in spans if s == start]
        ends = [(fact, number) for _, e, fact, number in spans if e == end]
        pieces.append((text[start:end], covering, starts, ends))
    return pieces, missing
