"""Compiling curation sheets: rows to triples with the modelling guide's IRIs and provenance.

:func:`compile_sheets` turns the rows of a source's sheets (see
:mod:`citygraph.curation.sheets`, which reads them) into triples in sheet and row
order: deterministic IRIs, ``prov:wasDerivedFrom``, ``cg:mentionedIn``, the
name fields of a person, the speaker participation of a talk, dates with
their precision. Names are resolved by :mod:`citygraph.curation.sheet_names`
against an :class:`~citygraph.places.lookup.Index` of the graph and the entities
the sheets define; cells are read by :mod:`citygraph.curation.sheet_cells`; the sheets
of entities (organizations, people, events) are compiled in
:mod:`citygraph.curation.sheet_entities`, those of facts here; every
cell that cannot be used is collected as a :class:`Problem` and raised together
in a :class:`CompileError`. :func:`~citygraph.curation.turtle_out.turtle` writes
the triples as Turtle blocks.
"""

from rdflib import Literal, URIRef

from citygraph.curation.sheet_cells import (
    _boolean,
    _dates,
    _fact,
    _integer,
    _labels,
    _name,
    _one_date,
    _period,
    _precise_date,
    _themes,
)
from citygraph.curation.sheet_checks import quotes_in_text, required_cells
from citygraph.curation.sheet_entities import _events, _organizations, _people
from citygraph.curation.sheet_names import (
    _ACTORS,
    CompileError,
    Problem,
    _concept,
    _local,
    _p,
    _ref,
    _register,
    _State,
    person_names,
)
from citygraph.curation.turtle_out import turtle
from citygraph.namespaces import CG, PREFIXES, slug

__all__ = ["Problem", "CompileError", "compile_sheets", "person_names", "turtle"]


# pass 2: the triples of each sheet


def _counts(state, rows):
    for row in rows:
        node = state.iri("fact", f"{state.number}-count-{row.get('id') or slug(row.get('of'))}")
        state.add(node, _p("rdf:type"), CG.StatedCount)
        state.add(node, CG.countValue, _integer(state, row, "value"))
        state.add(node, CG.countOf, Literal(row.get("of")))
        if row.get("qualifier"):
            state.add(node, CG.countQualifier, Literal(row.get("qualifier")))
        _fact(state, row, node, None)
        subject = row.get("subject")
        if subject.lower() == "doc" or not subject:
            state.add(state.doc, CG.statedCount, node)
        else:
            state.add(_ref(state, row, "subject", subject, ["event", "place", "organization"],
                           mention=False), CG.statedCount, node)


def _participations(state, rows):
    resolved = []
    for row in rows:  # first the nodes, so that a person's row can name a delegation's own id
        who = _ref(state, row, "participant", row.get("participant"), list(_ACTORS))
        event = _ref(state, row, "event", row.get("event"), ["event"], mention=False)
        if who is None or event is None:
            continue
        node = state.iri("fact", f"{state.number}-participation-"
                                 f"{row.get('id') or _local(state, who)}")
        state.participations.add((who, event))
        state.participation_nodes.setdefault((who, event), node)
        resolved.append((row, who, event, node))
    for row, who, event, node in resolved:
        state.add(node, _p("rdf:type"), CG.Participation)
        state.add(node, CG.participant, who)
        state.add(node, CG.event, event)
        if row.get("role"):
            state.add(node, CG.participantRole,
                      _concept(state, row, "role", "prole", row.get("role")))
        if row.get("attended"):
            state.add(node, CG.attended, _boolean(state, row, "attended"))
        if row.get("online") and _boolean(state, row, "online") == Literal(True):
            state.add(node, _p("schema:eventAttendanceMode"),
                      _p("schema:OnlineEventAttendanceMode"))
        if row.get("proxy"):
            state.add(node, CG.proxySubmitted, _boolean(state, row, "proxy"))
        if row.get("size"):
            state.add(node, CG.delegationSize, _integer(state, row, "size"))
        if row.get("head"):
            state.add(node, CG.headOfDelegation, _ref(state, row, "head", row.get("head"),
                                                      ["person"]))
        if row.get("in_delegation"):
            delegation = _ref(state, row, "in_delegation", row.get("in_delegation"),
                              ["place", "organization"])
            if delegation is not None:
                link = state.participation_nodes.get((delegation, event))
                if link is None:
                    state.problem(row, "in_delegation", f"{row.get('in_delegation')!r} has no "
                                  "row of its own at this event; add the delegation's row")
                state.add(node, CG.inDelegation, link)
        if row.get("on_behalf_of"):
            state.add(node, CG.onBehalfOf, _ref(state, row, "on_behalf_of",
                                                row.get("on_behalf_of"), ["place", "organization"]))
        _fact(state, row, node, None)


def _talks(state, rows):
    for row in rows:
        speaker = _ref(state, row, "speaker", row.get("speaker"), ["person"])
        event = _ref(state, row, "event", row.get("event"), ["event"], mention=False)
        if speaker is None or event is None:
            continue
        node = state.iri("fact", f"{state.number}-talk-{row.get('id') or _local(state, speaker)}")
        state.add(node, _p("rdf:type"), CG.Talk)
        state.add(node, CG.speaker, speaker)
        state.add(node, CG.event, event)
        if row.get("type"):
            state.add(node, CG.talkType, _concept(state, row, "type", "talkt", row.get("type")))
        if row.get("order"):
            state.add(node, CG.order, _integer(state, row, "order"))
        if row.get("title"):
            state.add(node, _p("schema:name"), Literal(row.get("title")))
        behalf = None
        if row.get("on_behalf_of"):
            behalf = _ref(state, row, "on_behalf_of", row.get("on_behalf_of"),
                          ["place", "organization"])
            state.add(node, CG.onBehalfOf, behalf)
        _themes(state, row, node)
        _fact(state, row, node, None)
        # (a talk at a session of an event the speaker takes part in needs no other)
        if (speaker, event) not in state.participations and \
                (speaker, state.super_events.get(event)) not in state.participations:
            # a person who speaks also takes part: the participation the guide asks for
            state.participations.add((speaker, event))
            part = state.iri("fact", f"{state.number}-participation-{_local(state, speaker)}"
                                     + (f"-{row.get('id')}" if row.get("id") else ""))
            state.add(part, _p("rdf:type"), CG.Participation)
            state.add(part, CG.participant, speaker)
            state.add(part, CG.event, event)
            state.add(part, CG.participantRole, _p("prole:speaker"))
            state.add(part, CG.onBehalfOf, behalf)
            state.add(part, _p("prov:wasDerivedFrom"), state.doc)
            for quote in row.many("evidence"):
                state.add(part, CG.evidence, Literal(quote))


def _agreements(state, rows):
    for row in rows:
        types = [_concept(state, row, "type", "agt", t) for t in row.many("type")]
        parties = [_ref(state, row, "parties", v, list(_ACTORS)) for v in row.many("parties")]
        if row.get("id"):
            local = row.get("id")
        else:
            local = "-".join([state.number, *(t.split("/")[-1] for t in types if t),
                              *(_local(state, p) for p in parties if p)])
        node = state.iri("agreement", local)
        state.add(node, _p("rdf:type"), CG.Agreement)
        for t in types:
            state.add(node, CG.agreementType, t)
        _labels(state, node, row, name_pred="schema:name")
        for p in parties:
            state.add(node, CG.party, p)
        for value in row.many("signatories"):
            state.add(node, CG.signatory, _ref(state, row, "signatories", value, ["person"]))
        _dates(state, row, "date", node)
        if row.get("adopted_at"):
            state.add(node, CG.adoptedAt, _ref(state, row, "adopted_at", row.get("adopted_at"),
                                               ["event"], mention=False))
        _themes(state, row, node)
        for value in row.many("sdgs"):
            state.add(node, CG.sdg, URIRef(PREFIXES["sdg"] + value.removeprefix("sdg:")))
        _fact(state, row, node, None)


def _ties(state, rows):
    for row in rows:
        tie_type = _concept(state, row, "type", "tiet", row.get("type"))
        parties = [_ref(state, row, "parties", v, list(_ACTORS)) for v in row.many("parties")]
        giver = _ref(state, row, "from", row.get("from"), list(_ACTORS)) if row.get("from") \
            else None
        taker = _ref(state, row, "to", row.get("to"), list(_ACTORS)) if row.get("to") else None
        transfer = tie_type is not None and str(tie_type).endswith("/policy-transfer")
        if row.get("id"):
            local = row.get("id")
        elif transfer:
            local = "-".join(x for x in [state.number, "transfer", giver and _local(state, giver),
                                         taker and _local(state, taker),
                                         row.get("policy") and slug(row.get("policy"))] if x)
        else:
            local = "-".join([state.number, "tie",
                              *(_local(state, p) for p in parties + [giver, taker] if p)])
        node = state.iri("fact", local)
        state.add(node, _p("rdf:type"), CG.PolicyTransfer if transfer else CG.Tie)
        state.add(node, CG.tieType, tie_type)
        for p in parties:
            state.add(node, CG.party, p)
        state.add(node, CG.fromParty, giver)
        state.add(node, CG.toParty, taker)
        if row.get("label"):
            state.add(node, _p("rdfs:label"), Literal(row.get("label")))
        if row.get("policy"):
            state.add(node, CG.policy, Literal(row.get("policy")))
        if row.get("instrument"):
            state.add(node, CG.instrument, _ref(state, row, "instrument", row.get("instrument"),
                                                ["agreement"], mention=False))
        if row.get("instrument_note"):
            state.add(node, CG.instrumentNote, Literal(row.get("instrument_note")))
        state.add(node, CG.asOf, _one_date(state, row, "as_of"))
        _dates(state, row, "date", node)
        _themes(state, row, node)
        _fact(state, row, node, None)


def _memberships(state, rows):
    seen = {}
    for row in rows:
        member = _ref(state, row, "member", row.get("member"), ["place", "organization"])
        network = _ref(state, row, "organization", row.get("organization"), ["organization"])
        if member is None or network is None:
            continue
        local = row.get("id") or f"{_local(state, member)}-{_local(state, network)}"
        node = state.iri("fact", f"{state.number}-membership-{local}")
        if node in seen:
            state.problem(row, "id", f"same membership as row {seen[node]} "
                          f"(fact:{state.number}-membership-{local}); give each row its own id")
            continue
        seen[node] = row.number
        state.add(node, _p("rdf:type"), CG.Membership)
        state.add(node, _p("org:member"), member)
        state.add(node, _p("org:organization"), network)
        if row.get("role"):
            state.add(node, _p("org:role"), _concept(state, row, "role", "mrole", row.get("role")))
        former = row.get("ended").lower() == "former"
        if former:
            if not row.get("as_of"):
                state.problem(row, "ended", "\"former\" needs the as_of date it ended before")
            else:
                state.add(node, CG.endedBefore, _one_date(state, row, "as_of"))
        elif row.get("ended"):
            state.problem(row, "ended", f"{row.get('ended')!r}: write former, or the date in end")
        else:
            state.add(node, CG.asOf, _one_date(state, row, "as_of"))
        if row.get("date"):
            state.add(node, _p("schema:startDate"), _precise_date(state, row, "date"))
        if row.get("end"):
            state.add(node, _p("schema:endDate"), _precise_date(state, row, "end"))
        _fact(state, row, node, None)


def _projects(state, rows):
    for row in rows:
        name = row.get("name") or row.get("label")
        if not (row.get("id") or name):
            state.problem(row, "name", "empty: give the name or a label")
            continue
        node = state.iri("project", row.get("id") or slug(name))
        state.add(node, _p("rdf:type"), CG.Project)
        if row.get("type"):
            state.add(node, CG.projectType, _concept(state, row, "type", "projt", row.get("type")))
        _labels(state, node, row, name_pred="schema:name")
        if row.get("of"):
            state.add(node, CG.projectOf, _ref(state, row, "of", row.get("of"), ["organization"]))
        for value in row.many("participants"):
            state.add(node, CG.projectParticipant,
                      _ref(state, row, "participants", value, list(_ACTORS)))
        for value in row.many("reported_by"):
            state.add(node, CG.reportedBy, _ref(state, row, "reported_by", value, list(_ACTORS)))
        if row.get("reported_at"):
            state.add(node, CG.reportedAt, _ref(state, row, "reported_at", row.get("reported_at"),
                                                ["event"], mention=False))
        if row.get("order"):
            state.add(node, CG.order, _integer(state, row, "order"))
        if row.get("part_of"):
            state.add(node, _p("schema:isPartOf"), _ref(state, row, "part_of", row.get("part_of"),
                                                        ["project"], mention=False))
        _period(state, row, "date", node)
        _themes(state, row, node)
        _fact(state, row, node, None)


def _mentions(state, rows):
    for row in rows:
        node = _ref(state, row, "name", row.get("name"), list(_ACTORS))
        if node is None:
            continue
        for alt in row.many("alt_names"):
            state.add(node, _p("skos:altLabel"), _name(alt))
        if row.get("comment"):
            state.add(node, _p("rdfs:comment"), Literal(row.get("comment"), lang="en"))
        if row.get("note"):
            state.add(node, CG.uncertainty, Literal(row.get("note")))


_COMPILERS = {
    "organizations": _organizations, "people": _people, "events": _events, "counts": _counts,
    "participations": _participations, "talks": _talks, "agreements": _agreements,
    "ties": _ties, "memberships": _memberships, "projects": _projects, "mentions": _mentions,
}


def compile_sheets(sheets, number, index, base=PREFIXES["cgr"], text=None, text_name=""):
    """The triples of a source's sheets, in sheet and row order; raise CompileError on problems.

    With ``text`` (the source's stored text, named ``text_name``) every quote is
    checked against it too.
    """
    state = _State(number=number, base=base, index=index, text=text or "")
    required_cells(state, sheets)
    if text is not None:
        quotes_in_text(state, sheets, text, text_name)
    _register(state, sheets)
    for kind, compiler in _COMPILERS.items():
        compiler(state, sheets.get(kind, []))
    # the mentions come after the other triples of the entities they name
    for node in state.mentioned:
        state.add(node, CG.mentionedIn, state.doc)
    if state.problems:
        first = {}  # one problem per cell: the first found (an empty cell, then what follows)
        for p in state.problems:
            first.setdefault((p.sheet, p.row, p.column), p)
        raise CompileError(sorted(first.values(), key=lambda p: (p.sheet, p.row, p.column)))
    seen, triples = set(), []
    for t in state.triples:
        if t[2] is not None and t not in seen:
            seen.add(t)
            triples.append(t)
    return triples


