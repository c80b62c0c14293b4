"""Compiling the sheets that describe entities: organizations, people (with their posts)
and events. The sheets of facts about them are compiled in
:mod:`citygraph.curation.sheets_compile`."""

from rdflib import Literal, URIRef

from citygraph.curation.sheet_cells import (
    _between,
    _dates,
    _fact,
    _integer,
    _labels,
    _one_date,
    _precise_date,
    _themes,
)
from citygraph.curation.sheet_names import (
    _CURIE,
    _ORG_TYPES,
    _concept,
    _event_iri,
    _local,
    _org_class,
    _org_iri,
    _p,
    _person_iri,
    _ref,
    _short,
)
from citygraph.namespaces import CG, slug

__all__ = []


def _organizations(state, rows):
    for row in rows:
        kind = _ORG_TYPES.get(row.get("type").replace(" ", "").lower())
        if kind is None or not row.get("name"):
            continue
        node = _org_iri(state, row)
        state.add(node, _p("rdf:type"), _org_class(kind))
        _labels(state, node, row)
        if row.get("part_of"):
            state.add(node, _p("org:subOrganizationOf"),
                      _ref(state, row, "part_of", row.get("part_of"), ["organization"]))
        if kind == "Venue":
            if row.get("based_in"):
                state.add(node, CG.locatedIn,
                          _ref(state, row, "based_in", row.get("based_in"), ["place"]))
        else:
            if row.get("governs"):
                state.add(node, CG.governs,
                          _ref(state, row, "governs", row.get("governs"), ["place"]))
            if row.get("based_in"):
                state.add(node, CG.basedIn,
                          _ref(state, row, "based_in", row.get("based_in"), ["place"]))
            if node not in state.mentioned:
                state.mentioned.append(node)
        if row.get("founded"):
            state.add(node, _p("schema:foundingDate"), _precise_date(state, row, "founded"))
        if row.get("comment"):
            state.add(node, _p("rdfs:comment"), Literal(row.get("comment"), lang="en"))
        if row.get("note"):
            state.add(node, CG.uncertainty, Literal(row.get("note")))


def _people(state, rows):
    for row in rows:
        if not row.get("name"):
            continue
        node, names = _person_iri(state, row.get("name"))
        if names and node not in {s for s, _, _ in state.triples}:
            family, given, name, label, alt = names
            written = bool(state.text) and label in state.text
            if written and family:  # the source writes the family name in capitals: so is it
                family = label[:len(label) - len(given)].strip()
            state.add(node, _p("rdf:type"), _p("foaf:Person"))
            if family:
                state.add(node, _p("foaf:familyName"), Literal(family))
                state.add(node, _p("foaf:givenName"), Literal(given))
            state.add(node, _p("foaf:name"), Literal(name))
            state.add(node, _p("rdfs:label"), Literal(label))
            # the name as the source writes it, unless that is the label already
            if alt and not written:
                state.add(node, _p("skos:altLabel"), Literal(alt))
            if row.get("honorific"):
                state.add(node, CG.honorific, Literal(row.get("honorific")))
            if row.get("person_note"):
                state.add(node, CG.uncertainty, Literal(row.get("person_note")))
        if node not in state.mentioned:
            state.mentioned.append(node)
        if not row.get("title"):
            continue
        org = _ref(state, row, "organization", row.get("organization"), ["organization"]) \
            if row.get("organization") else None
        if org is None:
            if not row.get("organization"):
                state.problem(row, "organization", "empty: a post holding needs its organization")
            continue
        if not row.get("role"):
            state.problem(row, "role", "empty: the post's short name makes its IRI")
            continue
        post = state.iri("post", f"{_local(state, org)}--{slug(row.get('role'))}")
        if str(post) not in state.index.types and post not in state.defined:
            if not row.get("post"):
                state.problem(row, "post", f"empty: {_short(state, post).replace('cgorg', 'post')}"
                              " is new; give its label")
            state.add(post, _p("rdf:type"), _p("org:Post"))
            state.add(post, _p("rdfs:label"), Literal(row.get("post") or row.get("title")))
            state.add(post, _p("org:postIn"), org)
            state.defined.add(post)
        holding = state.iri("fact", f"{state.number}-holding-"
                                    f"{row.get('id') or _local(state, node)}")
        if holding in state.holdings:
            state.problem(row, "id", f"same holding as row {state.holdings[holding]} "
                          f"(fact:{_local(state, holding)}); give each post of a person its "
                          "own id")
            continue
        state.holdings[holding] = row.number
        state.add(holding, _p("rdf:type"), CG.PostHolding)
        state.add(holding, CG.holder, node)
        state.add(holding, CG.post, post)
        state.add(holding, CG.statedTitle, Literal(row.get("title")))
        ended = row.get("ended")
        if ended.lower() != "former":
            state.add(holding, CG.asOf, _one_date(state, row, "as_of"))
        if ended.lower() == "former":
            if not row.get("as_of"):
                state.problem(row, "ended", "\"former\" needs the as_of date it ended before")
            else:
                state.add(holding, CG.endedBefore, _one_date(state, row, "as_of"))
        elif ended:
            state.add(holding, _p("schema:endDate"), _one_date(state, row, "ended"))
        _fact(state, row, holding, None)


def _events(state, rows):
    series = set()  # the events other rows are in: each a cg:EventSeries (a kind of event)
    for row in rows:
        if row.get("series"):
            found = state.index.find(row.get("series"), "event")
            m = _CURIE.match(row.get("series"))
            series |= {URIRef(i) for i in found}
            if m:
                series.add(state.iri("event", m.group(2)))
    for row in rows:
        if not (row.get("name") or row.get("label")):
            continue
        node = _event_iri(state, row)
        state.add(node, _p("rdf:type"), CG.EventSeries if node in series else CG.Event)
        if row.get("type"):
            state.add(node, CG.eventType, _concept(state, row, "type", "evt", row.get("type")))
        if row.get("name"):
            state.add(node, _p("schema:name"), Literal(row.get("name")))
        if row.get("label"):
            state.add(node, _p("rdfs:label"), Literal(row.get("label")))
        for alt in row.many("alt_names"):
            state.add(node, _p("skos:altLabel"), Literal(alt))
        if row.get("series"):
            state.add(node, CG.inSeries, _ref(state, row, "series", row.get("series"), ["event"],
                                              mention=False))
        if row.get("series_number"):
            state.add(node, CG.seriesNumber, _integer(state, row, "series_number"))
        for value in row.many("held_with"):
            state.add(node, CG.heldWith, _ref(state, row, "held_with", value, ["event"],
                                              mention=False))
        if row.get("part_of"):
            parent = _ref(state, row, "part_of", row.get("part_of"), ["event"])
            state.add(node, _p("schema:superEvent"), parent)
            state.super_events[node] = parent
        for value in row.many("organizer"):
            state.add(node, _p("schema:organizer"),
                      _ref(state, row, "organizer", value, ["organization", "place"]))
        _dates(state, row, "date", node, event=True)
        _between(state, row, "between", node)
        for value in row.many("host"):
            state.add(node, CG.host, _ref(state, row, "host", value, ["organization", "place"]))
        for value in row.many("supporter"):
            state.add(node, CG.supporter, _ref(state, row, "supporter", value, ["organization"]))
        if row.get("host_place"):
            state.add(node, CG.hostPlace,
                      _ref(state, row, "host_place", row.get("host_place"), ["place"]))
        if row.get("venue"):
            state.add(node, CG.venue,
                      _ref(state, row, "venue", row.get("venue"), ["venue", "organization"]))
        if row.get("attendance"):
            state.add(node, _p("schema:eventAttendanceMode"), _attendance(state, row))
        _themes(state, row, node)
        if row.get("topic"):
            state.add(node, CG.topic, Literal(row.get("topic")))
        state.add(node, _p("prov:wasDerivedFrom"), state.doc)
        for quote in row.many("evidence"):
            state.add(node, CG.evidence, Literal(quote))
        if row.get("note"):
            state.add(node, CG.uncertainty, Literal(row.get("note")))


_ATTENDANCE = {"online": "OnlineEventAttendanceMode", "offline": "OfflineEventAttendanceMode",
               "mixed": "MixedEventAttendanceMode"}


def _attendance(state, row):
    mode = _ATTENDANCE.get(row.get("attendance").lower())
    if mode is None:
        state.problem(row, "attendance", f"{row.get('attendance')!r} is not one of "
                      + ", ".join(_ATTENDANCE))
        return None
    return _p("schema:" + mode)
