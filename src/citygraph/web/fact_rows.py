"""The facts an entity page lists: one row per fact, in the words of the ontology.

Each row has the fact's name, one "when" (a date, a range, a start or an end,
with the precision its value has, from whichever property holds it), the other
entities it links with the ontology's label of each property ("to party",
"theme", "signatory"), its source documents and its verbatim evidence.
"""

import functools
import re
from collections import OrderedDict

from rdflib import URIRef

from citygraph.graph.sparql_base import to_ntriples
from citygraph.namespaces import CG, DCTERMS, FOAF, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from citygraph.querying.catalog import adhoc_query, check_syntax

__all__ = ["FACT_SECTIONS", "LABEL_PROPS", "LABEL_VALUES", "Labels", "facts", "select", "when",
           "property_label", "PAGE_SIZE"]

#: fact classes and the heading of their section, in page order
FACT_SECTIONS = OrderedDict([
    (CG.Tie, "Ties"), (CG.Agreement, "Agreements"), (CG.Membership, "Memberships"),
    (CG.Participation, "Events"), (CG.Project, "Projects"), (CG.PolicyTransfer,
                                                            "Policy transfers"),
    (CG.PostHolding, "Titles"), (CG.Talk, "Talks"),
])

#: how many facts of one section a page shows before it links to the next page
PAGE_SIZE = 50

# The facts an actor takes part in: the node itself or, for a place, the governments and
# departments that govern it; for a place also the posts in those governments. Their
# statements and the names of what they link come in two more queries, each with a VALUES
# block, rather than in one join that repeats every label on every statement.
_FACTS = """
SELECT DISTINCT ?fact ?class ?role WHERE {
  {
    ?actor (org:subOrganizationOf*/cg:governs)? $node .
    ?fact ?role ?actor .
  } UNION {
    ?actor (org:subOrganizationOf*/cg:governs)? $node .
    ?post org:postIn ?actor .
    ?fact cg:post ?post .
    BIND(cg:post AS ?role)
  }
  ?fact a ?class .
  VALUES ?class { cg:Tie cg:Agreement cg:Membership cg:Participation cg:Project
                  cg:PolicyTransfer cg:PostHolding cg:Talk }
  FILTER(?role NOT IN (cg:mentionedIn, prov:wasDerivedFrom))
}"""

# Each fact's statements.
_STATEMENTS = "SELECT ?fact ?p ?o WHERE { VALUES ?fact { <urn:x-facts> } ?fact ?p ?o }"

#: the properties that name an entity, the first an entity has giving its name
LABEL_PROPS = (RDFS.label, SKOS.prefLabel, SCHEMA.name, FOAF.name, DCTERMS.title)
#: a query's ``VALUES ?lp { ... }`` over :data:`LABEL_PROPS`
LABEL_VALUES = "VALUES ?lp { " + " ".join(f"<{p}>" for p in LABEL_PROPS) + " }"

# The names of the entities the facts link and the start dates of the events among them,
# and the ontology's label of each property.
_NAMES = """
SELECT ?x ?lp ?label ?date ?plabel WHERE {
  {
    VALUES ?x { <urn:x-entities> }
    OPTIONAL { ?x ?lp ?label . """ + LABEL_VALUES + """ }
    OPTIONAL { ?x schema:startDate ?date }
  } UNION {
    VALUES ?x { <urn:x-properties> }
    ?x rdfs:label ?plabel .
  }
}"""

#: the properties that date a fact, read by :func:`when`
DATE_PROPS = (DCTERMS.date, SCHEMA.startDate, SCHEMA.endDate, CG.asOf, CG.dateEarliest,
              CG.dateLatest, CG.endedBefore)
_SKIP = {RDF.type, PROV.wasDerivedFrom, CG.evidence, CG.uncertainty, RDFS.label, SCHEMA.name,
         RDFS.comment, CG.mentionedIn, *DATE_PROPS}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _day(value):
    """A date literal in words, as precise as its value: a day, a month or a year.

    >>> from rdflib import Literal
    >>> _day(Literal("2016-06-08", datatype=XSD.date)), _day(Literal("2010", datatype=XSD.gYear))
    ('8 June 2016', '2010')
    >>> _day(Literal("2014-09", datatype=XSD.gYearMonth)), _day(Literal("2014-09-06T10:00:00"))
    ('September 2014', '6 September 2014')
    """
    text = str(value).strip()
    parts = text[:10].split("-")
    try:
        if len(parts) >= 3 and len(parts[0]) == 4:
            return f"{int(parts[2][:2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2 and len(parts[0]) == 4:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return text
    return text


def _precision(value):
    text = str(value).strip()
    datatype = getattr(value, "datatype", None)
    if datatype == XSD.gYear or (len(text) == 4 and text.isdigit()):
        return "year"
    if datatype == XSD.gYearMonth or len(text) == 7:
        return "month"
    return "day"


def when(values, event_dates=None):
    """When a fact holds, in words, from whichever of its properties dates it.

    ``values`` maps properties to their values; ``event_dates`` the start dates
    of the entities it links (a participation is as dated as its event). Returns
    {"text", "sort", "precision", "source"} or None: ``source`` names the
    properties read, ``sort`` an ISO key.

    >>> from rdflib import Literal
    >>> d = lambda v: [Literal(v, datatype=XSD.date)]
    >>> when({DCTERMS.date: d("2016-06-08")})["text"]
    '8 June 2016'
    >>> when({SCHEMA.startDate: [Literal("2010", datatype=XSD.gYear)]})["text"]
    'since 2010'
    >>> w = when({CG.dateEarliest: d("2016-06-01"), CG.dateLatest: d("2016-06-03")})
    >>> w["text"], w["source"]
    ('between 1 June 2016 and 3 June 2016', 'earliest date, latest date')
    >>> when({SCHEMA.startDate: d("2014-09-06"), SCHEMA.endDate: d("2014-09-08")})["text"]
    '6 September 2014 to 8 September 2014'
    >>> when({CG.asOf: d("2014-09-06")})["text"], when({}) is None
    ('as of 6 September 2014', True)
    >>> when({CG.endedBefore: [Literal("2023", datatype=XSD.gYear)]})["text"]
    'ended before 2023'
    """
    def first(prop):
        found = values.get(prop) or []
        return found[0] if found else None

    date, start, end = first(DCTERMS.date), first(SCHEMA.startDate), first(SCHEMA.endDate)
    earliest, latest, as_of = first(CG.dateEarliest), first(CG.dateLatest), first(CG.asOf)
    if date is not None:
        return _when(_day(date), date, "date", _precision(date))
    if earliest is not None or latest is not None:
        if earliest is not None and latest is not None:
            return _when(f"between {_day(earliest)} and {_day(latest)}", earliest,
                         "earliest date, latest date", "range")
        one = earliest if earliest is not None else latest
        word = "not before" if earliest is not None else "not after"
        return _when(f"{word} {_day(one)}", one,
                     "earliest date" if earliest is not None else "latest date", "range")
    if start is not None and end is not None:
        text = (_day(start) if str(start) == str(end)
                else f"{_day(start)} to {_day(end)}")
        return _when(text, start, "start date, end date", _precision(start))
    if start is not None:
        return _when(f"since {_day(start)}", start, "start date", _precision(start))
    if end is not None:
        return _when(f"until {_day(end)}", end, "end date", _precision(end))
    if as_of is not None:
        return _when(f"as of {_day(as_of)}", as_of, "as of", _precision(as_of))
    ended = first(CG.endedBefore)  # "former" in the source dated by it
    if ended is not None:
        return _when(f"ended before {_day(ended)}", ended, "ended before", _precision(ended))
    for value in (event_dates or {}).values():
        return _when(_day(value), value, "the event's start date", _precision(value))
    return None


def _when(text, value, source, precision):
    return {"text": text, "sort": str(value)[:10], "source": source, "precision": precision}


def property_label(prop, labels=None):
    """A property's label from the ontology, else its local name in words.

    >>> property_label(CG.toParty, {CG.toParty: "to party"}), property_label(CG.fromParty)
    ('to party', 'from party')
    """
    if labels and prop in labels:
        return labels[prop]
    local = str(prop).rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    words = "".join(" " + c.lower() if c.isupper() else c for c in local).strip()
    return words or str(prop)


#: the properties that name an entity, the first preferred (as on the entity's own page)


class Labels(dict):
    """{entity: name} kept from query rows, each entity's name from the first property of
    LABEL_PROPS it has (the first value of it the rows give).

    >>> labels = Labels()
    >>> labels.offer("p", FOAF.name, "PARK Won Soon"); labels.offer("p", RDFS.label, "Park")
    >>> labels.offer("p", SCHEMA.name, "P."); labels
    {'p': 'Park'}
    """

    def __init__(self):
        super().__init__()
        self.ranks = {}

    def offer(self, entity, prop, label):
        rank = LABEL_PROPS.index(prop) if prop in LABEL_PROPS else len(LABEL_PROPS)
        if rank < self.ranks.get(entity, len(LABEL_PROPS) + 1):
            self[entity] = str(label)
            self.ranks[entity] = rank


@functools.lru_cache(maxsize=64)
def _prefixed(text):
    """A page query's text with the project's prefixes, checked once."""
    query = adhoc_query(text, source="page")
    check_syntax(query)
    return query.text


def select(target, text, bindings=None, lists=None):
    """The rows of one of the pages' own queries (``text`` without prefixes), its
    variables bound to ``bindings``; ``lists`` maps a name to the IRIs that replace
    ``<urn:x-NAME>`` in the text (in a VALUES block: one query for all of them).

    The text is prefixed and checked once; the lists go in after.
    """
    text = _prefixed(text)
    if lists:
        def values(match):
            terms = dict.fromkeys(lists[match.group(1)])
            return " ".join(to_ntriples(t) for t in terms if isinstance(t, URIRef))

        text = re.sub(r"<urn:x-(\w+)>", values, text)
    return target.select(text, bindings or None)


def facts(target, node, limit=None):
    """The node's facts grouped by section: each with label, when, links, sources, quotes.

    ``limit`` keeps the first rows of each section (the page links to the rest);
    every section also says its full count (``counts``). Three queries, whatever the
    number of facts: the node's facts, their statements, the names of what they link.
    """
    by_fact = OrderedDict()
    for row in select(target, _FACTS, {"node": node}):
        fact = by_fact.setdefault(row["fact"], {
            "iri": row["fact"], "class": row["class"], "roles": set(), "values": OrderedDict(),
            "labels": {}, "dates": {}, "plabels": {}})
        fact["roles"].add(row["role"])
    if not by_fact:
        return OrderedDict()
    properties, entities = {}, {}
    for row in select(target, _STATEMENTS, lists={"facts": by_fact}):
        values = by_fact[row["fact"]]["values"].setdefault(row["p"], [])
        if row["o"] not in values:
            values.append(row["o"])
        properties[row["p"]] = entities[row["o"]] = None
    labels, dates, plabels = Labels(), {}, {}
    for row in select(target, _NAMES, lists={"entities": entities, "properties": properties}):
        if row["label"] is not None:
            labels.offer(row["x"], row["lp"], row["label"])
        if row["date"] is not None:
            dates.setdefault(row["x"], row["date"])
        if row["plabel"] is not None:
            plabels.setdefault(row["x"], str(row["plabel"]))
    sections = OrderedDict((heading, []) for heading in FACT_SECTIONS.values())
    for fact in by_fact.values():
        fact["labels"], fact["plabels"] = labels, plabels
        fact["dates"] = {o: dates[o] for objects in fact["values"].values() for o in objects
                         if o in dates}
        sections[FACT_SECTIONS[fact["class"]]].append(_fact_row(fact, node))
    for rows in sections.values():
        rows.sort(key=lambda r: (r["date"] or "9999", r["label"]))
    return OrderedDict((k, v[:limit] if limit else v) for k, v in sections.items() if v)


def _fact_row(fact, node):
    values = fact["values"]
    dated = when(values, fact["dates"])
    label = None
    for prop in (RDFS.label, SCHEMA.name):
        if values.get(prop):
            label = str(values[prop][0])
            break
    links = []
    for prop, objects in values.items():
        if prop in _SKIP:
            continue
        for o in objects:
            if o == node:
                continue
            links.append({"property": prop, "name": property_label(prop, fact["plabels"]),
                          "value": o, "label": fact["labels"].get(o)})
    sources = [{"iri": s, "title": fact["labels"].get(s)}
               for s in values.get(PROV.wasDerivedFrom, [])]
    if label is None:
        named = [link["label"] for link in links if link["label"]]
        label = named[0] if named else str(fact["iri"]).rsplit("/", 1)[-1]
    return {"iri": fact["iri"], "label": label, "when": dated,
            "date": dated["sort"] if dated else None, "links": links, "sources": sources,
            "evidence": [str(e) for e in values.get(CG.evidence, [])],
            "uncertainty": [str(u) for u in values.get(CG.uncertainty, [])]}
