"""Compiling curation sheets: rows to triples with the modelling guide's IRIs and provenance.

:func:`compile_sheets` turns the rows of a source's sheets (see
:mod:`citygraph.curation.sheets`, which reads them) into triples in sheet and row
order: deterministic IRIs, ``prov:wasDerivedFrom``, ``cg:mentionedIn``, the
name fields of a person, the speaker participation of a talk, dates with
their precision. Names are resolved against an :class:`~citygraph.places.lookup.Index`
of the graph and the entities the sheets define; every cell that cannot be
used is collected as a :class:`Problem` and raised together in a
:class:`CompileError`. :func:`turtle` writes the triples as Turtle blocks.
"""

import re
from collections import OrderedDict
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from citygraph.dates import parse_date
from citygraph.errors import CitygraphError, InputError
from citygraph.namespaces import CG, PREFIXES, slug
from citygraph.places.lookup import Index

__all__ = ["Problem", "CompileError", "compile_sheets", "person_names", "turtle"]

_ORG_TYPES = {
    "localgovernment": "LocalGovernment", "department": "Department",
    "citynetwork": "CityNetwork", "internationalorganization": "InternationalOrganization",
    "nationalbody": "NationalBody", "company": "Company", "university": "University",
    "legislature": "Legislature", "ngo": "NGO", "organization": "Organization",
    "venue": "Venue",
}


@dataclass(frozen=True)
class Problem:
    """A cell compile cannot use: sheet, row (as a spreadsheet numbers it), column, what."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self):
        return f"{self.sheet}:{self.row}: {self.column}: {self.message}"


class CompileError(CitygraphError):
    """Cells that cannot be compiled; nothing is written."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems)} cell(s) cannot be compiled; nothing written:\n"
                         + "\n".join(f"  {p}" for p in problems))


# --- names of people -------------------------------------------------------------------------


def _is_family(word):
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and "." not in word and all(c.isupper() for c in letters)


def person_names(cell):
    """The name fields of a person from one cell, the family name written in capitals.

    Returns (family, given, name, label, alt): ``name`` is foaf:name in the
    cell's order with the family name recased, ``label`` is "FAMILY Given"
    (rdfs:label), ``alt`` the name as the source writes it (skos:altLabel).
    Without a word in capitals nothing is split: name and label are the cell.

    >>> person_names("A.J.M MUZAMMIL")
    ('Muzammil', 'A.J.M', 'A.J.M Muzammil', 'MUZAMMIL A.J.M', 'A.J.M Muzammil')
    >>> person_names("LÊ Vǎn Khoa")
    ('Lê', 'Vǎn Khoa', 'Lê Vǎn Khoa', 'LÊ Vǎn Khoa', 'Lê Vǎn Khoa')
    >>> person_names("Bima Arya Sugiarto")
    (None, None, 'Bima Arya Sugiarto', 'Bima Arya Sugiarto', None)
    """
    words = cell.split()
    family_words = [w for w in words if _is_family(w)]
    if not family_words or len(family_words) == len(words):
        return None, None, " ".join(words), " ".join(words), None
    first = words.index(family_words[0])
    last = first + len(family_words)
    if words[first:last] != family_words:
        family_words = words[first:first + 1]
        last = first + 1
    family = " ".join(w[:1] + w[1:].lower() for w in family_words)
    given = " ".join(words[:first] + words[last:])
    name = " ".join([*words[:first], family, *words[last:]])
    label = f"{' '.join(family_words)} {given}"
    return family, given, name, label, name


# --- compiling ---------------------------------------------------------------------------------

_CURIE = re.compile(r"^([a-z][a-z0-9]*):([^\s]+)$")
_DATE_KINDS = ("date", "dateTime", "gYear")


@dataclass
class _State:
    number: str
    base: str
    index: Index
    problems: list = field(default_factory=list)
    triples: list = field(default_factory=list)
    mentioned: list = field(default_factory=list)
    defined: set = field(default_factory=set)
    participations: set = field(default_factory=set)
    cache: dict = field(default_factory=dict)

    def ns(self, prefix):
        kinds = {"place": "place", "person": "person", "cgorg": "org", "post": "post",
                 "event": "event", "agreement": "agreement", "project": "project",
                 "fact": "fact", "doc": "doc", "venue": "venue"}
        if prefix in kinds:
            return f"{self.base}{kinds[prefix]}/"
        return PREFIXES[prefix]

    def iri(self, prefix, local):
        return URIRef(self.ns(prefix) + local)

    @property
    def doc(self):
        return self.iri("doc", self.number)

    def add(self, s, p, o):
        if o is not None:
            self.triples.append((s, URIRef(p) if isinstance(p, str) else p, o))

    def problem(self, row, column, message):
        self.problems.append(Problem(row.sheet, row.number, column, message))


def _p(curie):
    prefix, local = curie.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def _concept(state, row, column, prefix, value):
    """A concept of a controlled vocabulary: evt:forum from "forum" or "evt:forum"."""
    m = _CURIE.match(value)
    local = m.group(2) if m and m.group(1) == prefix else slug(value)
    iri = URIRef(PREFIXES[prefix] + local)
    if not state.index.is_a(str(iri), "concept"):
        state.problem(row, column, f"{value!r} is not a {prefix}: concept of the vocabulary")
        return None
    return iri


def _theme(state, row, column, value):
    if value.startswith("sdg:") or value.isdigit():
        return URIRef(PREFIXES["sdg"] + value.removeprefix("sdg:"))
    return _concept(state, row, column, "theme", value)


def _ref(state, row, column, value, kinds, mention=True):
    """The IRI a cell names: a prefixed name, or a label of the graph or the sheets."""
    m = _CURIE.match(value)
    if m and m.group(1) in PREFIXES:
        iri = URIRef(state.ns(m.group(1)) + m.group(2))
    else:
        found = sorted({i for kind in kinds for i in state.index.find(value, kind)})
        if not found:
            hint = _nearest_name(state, value, kinds)
            state.problem(row, column, f"{value!r} names no {' or '.join(kinds)} of the graph "
                          f"or the sheets (add it to a sheet, the gazetteer, or write its IRI)"
                          + (f"; did you mean {hint}?" if hint else ""))
            return None
        if len(found) > 1:
            state.problem(row, column, f"{value!r} names {len(found)} entities: "
                          + ", ".join(_short(state, i) for i in found) + "; write the IRI of one")
            return None
        iri = URIRef(found[0])
    if mention and any(state.index.is_a(str(iri), k) for k in ("place", "organization", "person")):
        if iri not in state.mentioned:
            state.mentioned.append(iri)
    return iri


def _nearest_name(state, value, kinds):
    """The closest known name of an entity of those kinds, as "'Name' (prefix:local)", or ""."""
    from rapidfuzz import fuzz, process

    from citygraph.places.names import fold_name

    key = ("names", tuple(kinds))
    if key not in state.cache:
        state.cache[key] = {name: iris for name, iris in state.index.names.items()
                            if any(state.index.is_a(i, k) for i in iris for k in kinds)}
    names = state.cache[key]
    best = process.extractOne(fold_name(value), list(names), scorer=fuzz.ratio, score_cutoff=80)
    if best is None:
        return ""
    iri = sorted(names[best[0]])[0]
    return f"{state.index.label.get(iri, best[0])!r} ({_short(state, URIRef(iri))})"


def _short(state, iri):
    for prefix in ("place", "cgorg", "person", "event", "agreement", "project", "fact", "venue"):
        ns = state.ns(prefix)
        if str(iri).startswith(ns):
            return f"{prefix}:{str(iri)[len(ns):]}"
    return f"<{iri}>"


def _local(state, iri):
    return _short(state, iri).split(":", 1)[1]


_ACTORS = ("place", "organization", "person")


def _date_literal(day, time=""):
    if time:
        return Literal(f"{day.isoformat()}T{time}:00", datatype=XSD.dateTime)
    return Literal(day.isoformat(), datatype=XSD.date)


def _span(state, row, column):
    """The date cell's :class:`~citygraph.dates.Span`; None when empty or (a problem) unreadable."""
    text = row.get(column)
    if not text:
        return None
    try:
        return parse_date(text)
    except InputError as exc:
        state.problem(row, column, str(exc).removeprefix("date "))
        return None


def _dates(state, row, column, node, event=False):
    """Date cell -> dcterms:date, start/end (events) or earliest/latest (a range or a month)."""
    span = _span(state, row, column)
    if span is None:
        return
    if span.exact and event:
        state.add(node, _p("schema:startDate"), _date_literal(span.first, span.time_start))
        if not span.single or span.time_end:
            state.add(node, _p("schema:endDate"), _date_literal(span.last, span.time_end))
    elif span.exact and span.single:
        state.add(node, _p("dcterms:date"), _date_literal(span.first, span.time_start))
    else:
        state.add(node, CG.dateEarliest, _date_literal(span.first))
        state.add(node, CG.dateLatest, _date_literal(span.last))


def _one_date(state, row, column):
    span = _span(state, row, column)
    if span is None:
        return None
    if not (span.exact and span.single):
        state.problem(row, column, f"{row.get(column)!r}: give one day here")
        return None
    return _date_literal(span.first)


def _fact(state, row, node, cls):
    """The type, source and evidence of a fact row."""
    if cls is not None:
        state.add(node, _p("rdf:type"), cls)
    state.add(node, _p("prov:wasDerivedFrom"), state.doc)
    quotes = row.many("evidence")
    if not quotes:
        state.problem(row, "evidence", "empty: every fact needs its quote from the source")
    for quote in quotes:
        state.add(node, CG.evidence, Literal(quote))
    if row.get("note"):
        state.add(node, CG.uncertainty, Literal(row.get("note")))


def _themes(state, row, node, column="themes"):
    for value in row.many(column):
        state.add(node, CG.theme, _theme(state, row, column, value))


def _labels(state, node, row, name_pred="rdfs:label"):
    if row.get("name"):
        state.add(node, _p(name_pred), Literal(row.get("name")))
    if row.get("label"):
        state.add(node, _p("rdfs:label"), Literal(row.get("label")))
    for alt in row.many("alt_names"):
        state.add(node, _p("skos:altLabel"), Literal(alt))


# pass 1: the entities the sheets define, so that other rows can name them


def _org_iri(state, row):
    """cgorg:<id>, a local government's cgorg:<place>-government, or cgorg:<slug of name>."""
    kind = _ORG_TYPES.get(row.get("type").replace(" ", "").lower())
    prefix = "venue" if kind == "Venue" else "cgorg"
    if row.get("id"):
        return state.iri(prefix, row.get("id"))
    if kind == "LocalGovernment" and row.get("governs"):
        place = row.get("governs")
        m = _CURIE.match(place)
        found = [m.group(2)] if m else state.index.find(place, "place")
        if len(found) == 1:
            return state.iri(prefix, f"{found[0].rstrip('/').rsplit('/', 1)[-1]}-government")
    return state.iri(prefix, slug(row.get("name")))


def _person_iri(state, cell):
    m = _CURIE.match(cell)
    if m and m.group(1) == "person":
        return URIRef(state.ns("person") + m.group(2)), None
    family, given, name, label, alt = person_names(cell)
    local = f"{slug(family)}-{slug(given)}" if family else slug(name)
    return state.iri("person", local), (family, given, name, label, alt)


def _event_iri(state, row):
    return state.iri("event", row.get("id") or slug(row.get("name") or row.get("label")))


def _register(state, sheets):
    from citygraph.places.names import fold_name

    index = state.index

    def define(iri, cls, names):
        index.types[str(iri)].add(str(cls))
        for n in names:
            if n:
                index.names[fold_name(n)].add(str(iri))
        state.defined.add(iri)

    for row in sheets.get("organizations", []):
        if not row.get("name"):
            state.problem(row, "name", "empty")
            continue
        kind = _ORG_TYPES.get(row.get("type").replace(" ", "").lower())
        if kind is None:
            state.problem(row, "type", f"{row.get('type')!r} is not one of "
                          + ", ".join(sorted(set(_ORG_TYPES.values()))))
            continue
        define(_org_iri(state, row), CG[kind], [row.get("name"), *row.many("alt_names")])
    for row in sheets.get("people", []):
        if not row.get("name"):
            state.problem(row, "name", "empty")
            continue
        iri, names = _person_iri(state, row.get("name"))
        if names:
            define(iri, _p("foaf:Person"), [names[2], names[3]])
    for row in sheets.get("events", []):
        if not (row.get("name") or row.get("label")):
            state.problem(row, "name", "empty: give the name or, for an unnamed event, a label")
            continue
        define(_event_iri(state, row), CG.Event,
               [row.get("name"), row.get("label"), *row.many("alt_names")])
    for row in sheets.get("agreements", []):
        if row.get("id"):
            define(state.iri("agreement", row.get("id")), CG.Agreement,
                   [row.get("name"), row.get("label")])
    for row in sheets.get("projects", []):
        name = row.get("name") or row.get("label")
        if row.get("id") or name:
            define(state.iri("project", row.get("id") or slug(name)), CG.Project,
                   [row.get("name"), row.get("label"), *row.many("alt_names")])


# pass 2: the triples of each sheet


def _organizations(state, rows):
    for row in rows:
        kind = _ORG_TYPES.get(row.get("type").replace(" ", "").lower())
        if kind is None or not row.get("name"):
            continue
        node = _org_iri(state, row)
        state.add(node, _p("rdf:type"), CG[kind])
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
            state.add(node, _p("rdf:type"), _p("foaf:Person"))
            if family:
                state.add(node, _p("foaf:familyName"), Literal(family))
                state.add(node, _p("foaf:givenName"), Literal(given))
            state.add(node, _p("foaf:name"), Literal(name))
            state.add(node, _p("rdfs:label"), Literal(label))
            if alt:
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
        holding = state.iri("fact", f"{state.number}-holding-{_local(state, node)}")
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
    for row in rows:
        if not (row.get("name") or row.get("label")):
            continue
        node = _event_iri(state, row)
        state.add(node, _p("rdf:type"), CG.Event)
        if row.get("type"):
            state.add(node, CG.eventType, _concept(state, row, "type", "evt", row.get("type")))
        if row.get("name"):
            state.add(node, _p("schema:name"), Literal(row.get("name")))
        if row.get("label"):
            state.add(node, _p("rdfs:label"), Literal(row.get("label")))
        for alt in row.many("alt_names"):
            state.add(node, _p("skos:altLabel"), Literal(alt))
        if row.get("series_number"):
            state.add(node, CG.seriesNumber, _integer(state, row, "series_number"))
        if row.get("part_of"):
            state.add(node, _p("schema:superEvent"),
                      _ref(state, row, "part_of", row.get("part_of"), ["event"]))
        for value in row.many("organizer"):
            state.add(node, _p("schema:organizer"),
                      _ref(state, row, "organizer", value, ["organization", "place"]))
        _dates(state, row, "date", node, event=True)
        for value in row.many("host"):
            state.add(node, CG.host, _ref(state, row, "host", value, ["organization", "place"]))
        if row.get("host_place"):
            state.add(node, CG.hostPlace,
                      _ref(state, row, "host_place", row.get("host_place"), ["place"]))
        if row.get("venue"):
            state.add(node, CG.venue,
                      _ref(state, row, "venue", row.get("venue"), ["venue", "organization"]))
        _themes(state, row, node)
        if row.get("topic"):
            state.add(node, CG.topic, Literal(row.get("topic")))
        state.add(node, _p("prov:wasDerivedFrom"), state.doc)
        for quote in row.many("evidence"):
            state.add(node, CG.evidence, Literal(quote))
        if row.get("note"):
            state.add(node, CG.uncertainty, Literal(row.get("note")))


def _integer(state, row, column):
    try:
        return Literal(int(row.get(column)))
    except ValueError:
        state.problem(row, column, f"{row.get(column)!r} is not a whole number")
        return None


def _boolean(state, row, column):
    value = row.get(column).lower()
    if value in ("yes", "true", "y", "1"):
        return Literal(True)
    if value in ("no", "false", "n", "0"):
        return Literal(False)
    state.problem(row, column, f"{row.get(column)!r}: write yes or no")
    return None


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
            state.add(_ref(state, row, "subject", subject, ["event"]), CG.statedCount, node)


def _participation(state, participant, event):
    return state.iri("fact", f"{state.number}-participation-{_local(state, participant)}")


def _participations(state, rows):
    for row in rows:
        who = _ref(state, row, "participant", row.get("participant"), list(_ACTORS))
        event = _ref(state, row, "event", row.get("event"), ["event"], mention=False)
        if who is None or event is None:
            continue
        node = state.iri("fact", f"{state.number}-participation-"
                                 f"{row.get('id') or _local(state, who)}")
        state.participations.add((who, event))
        state.add(node, _p("rdf:type"), CG.Participation)
        state.add(node, CG.participant, who)
        state.add(node, CG.event, event)
        if row.get("role"):
            state.add(node, CG.participantRole,
                      _concept(state, row, "role", "prole", row.get("role")))
        if row.get("attended"):
            state.add(node, CG.attended, _boolean(state, row, "attended"))
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
                state.add(node, CG.inDelegation, _participation(state, delegation, event))
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
        if (speaker, event) not in state.participations:
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
    for row in rows:
        member = _ref(state, row, "member", row.get("member"), ["place", "organization"])
        network = _ref(state, row, "organization", row.get("organization"), ["organization"])
        if member is None or network is None:
            continue
        node = state.iri("fact", f"{state.number}-membership-{_local(state, member)}-"
                                 f"{_local(state, network)}")
        state.add(node, _p("rdf:type"), CG.Membership)
        state.add(node, _p("org:member"), member)
        state.add(node, _p("org:organization"), network)
        if row.get("role"):
            state.add(node, _p("org:role"), _concept(state, row, "role", "mrole", row.get("role")))
        state.add(node, CG.asOf, _one_date(state, row, "as_of"))
        if row.get("date"):
            state.add(node, _p("schema:startDate"), _one_date(state, row, "date"))
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
        _themes(state, row, node)
        _fact(state, row, node, None)


def _mentions(state, rows):
    for row in rows:
        node = _ref(state, row, "name", row.get("name"), list(_ACTORS))
        if node is None:
            continue
        for alt in row.many("alt_names"):
            state.add(node, _p("skos:altLabel"), Literal(alt))


_COMPILERS = {
    "organizations": _organizations, "people": _people, "events": _events, "counts": _counts,
    "participations": _participations, "talks": _talks, "agreements": _agreements,
    "ties": _ties, "memberships": _memberships, "projects": _projects, "mentions": _mentions,
}


def compile_sheets(sheets, number, index, base=PREFIXES["cgr"]):
    """The triples of a source's sheets, in sheet and row order; raise CompileError on problems."""
    state = _State(number=number, base=base, index=index)
    _register(state, sheets)
    for kind, compiler in _COMPILERS.items():
        compiler(state, sheets.get(kind, []))
    # the mentions come after the other triples of the entities they name
    for node in state.mentioned:
        state.add(node, CG.mentionedIn, state.doc)
    if state.problems:
        raise CompileError(sorted(state.problems, key=lambda p: (p.sheet, p.row, p.column)))
    seen, triples = set(), []
    for t in state.triples:
        if t[2] is not None and t not in seen:
            seen.add(t)
            triples.append(t)
    return triples


# --- Turtle out ----------------------------------------------------------------------------


def _term(term, prefixes):
    if isinstance(term, URIRef):
        text = str(term)
        best = max((p for p, ns in prefixes.items() if text.startswith(ns)),
                   key=lambda p: len(prefixes[p]), default=None)
        if best is not None:
            local = text[len(prefixes[best]):]
            if re.fullmatch(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?", local or "x"):
                return f"{best}:{local}"
        return f"<{text}>"
    if isinstance(term, Literal):
        if term.datatype == XSD.integer:
            return str(term)
        if term.datatype == XSD.boolean:
            return "true" if term.toPython() else "false"
        body = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        if term.language:
            return f'"{body}"@{term.language}'
        if term.datatype is not None:
            return f'"{body}"^^{_term(term.datatype, prefixes)}'
        return f'"{body}"'
    raise TypeError(term)


def turtle(triples, prefixes):
    """Triples as Turtle blocks, one per subject in first-seen order (no prefix lines).

    >>> from rdflib import URIRef, Literal
    >>> print(turtle([(URIRef("http://x/a"), URIRef("http://x/p"), Literal("v"))], {"x": "http://x/"}))
    x:a x:p "v" .
    <BLANKLINE>
    """
    blocks = OrderedDict()
    for s, p, o in triples:
        blocks.setdefault(s, OrderedDict()).setdefault(p, []).append(o)
    rdf_type = URIRef(PREFIXES["rdf"] + "type")
    out = []
    for s, preds in blocks.items():
        lines = []
        for p, objects in preds.items():
            verb = "a" if p == rdf_type else _term(p, prefixes)
            lines.append(f"{verb} " + ", ".join(_term(o, prefixes) for o in objects))
        if len(lines) == 1:
            out.append(f"{_term(s, prefixes)} {lines[0]} .\n")
        else:
            out.append(f"{_term(s, prefixes)} {lines[0]} ;\n"
                       + "".join(f"    {line} ;\n" for line in lines[1:-1])
                       + f"    {lines[-1]} .\n")
    return "\n".join(out)
