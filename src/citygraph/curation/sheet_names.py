"""Name resolution for the curation sheets: the IRIs cells name, and the problems found.

A cell names an entity by a prefixed name (``place:seoul``) or by a label of the
graph or of the sheets; :func:`_ref` resolves it against an
:class:`~citygraph.places.lookup.Index`, with a "did you mean" for a near miss.
:func:`_register` (the first pass of compiling) adds the entities the sheets
define to that index, so other rows can name them. The cells that cannot be used
are collected on the :class:`_State` as :class:`Problem` s.
"""

import re
from dataclasses import dataclass, field

from rdflib import URIRef

from citygraph.errors import CitygraphError
from citygraph.namespaces import CG, PREFIXES, slug
from citygraph.places.lookup import Index

__all__ = ["Problem", "CompileError", "person_names"]

#: the organization types a sheet's `type` takes (compared without case or spaces): the
#: ontology's classes, and two names for them the guide also accepts
_ORG_TYPES = {
    name.lower(): name for name in (
        "LocalGovernment", "Legislature", "Department", "Secretariat", "CityNetwork",
        "InternationalOrganization", "NationalBody", "Embassy", "Ministry", "Association",
        "AcademicInstitution", "Company", "CivilSocietyOrganization", "Organization", "Venue")
}
_ORG_TYPES.update({"university": "AcademicInstitution", "ngo": "CivilSocietyOrganization"})


def _org_class(kind):
    """The class of an organization type: cg:<kind>, or org:FormalOrganization for any other.

    >>> str(_org_class("Organization"))
    'http://www.w3.org/ns/org#FormalOrganization'
    >>> str(_org_class("CivilSocietyOrganization")).rsplit("#", 1)[1]
    'CivilSocietyOrganization'
    """
    if kind == "Organization":
        return URIRef(PREFIXES["org"] + "FormalOrganization")
    return CG[kind]


@dataclass(frozen=True)
class Problem:
    """A cell compile cannot use: sheet, row (as a spreadsheet numbers it), column, what."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self):
        return f"{self.sheet}:{self.row}:{self.column}: {self.message}"


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



_CURIE = re.compile(r"^([a-z][a-z0-9]*):([^\s]+)$")
_LANG_TAG = re.compile(r"@[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


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
    participation_nodes: dict = field(default_factory=dict)
    super_events: dict = field(default_factory=dict)
    holdings: dict = field(default_factory=dict)
    text: str = ""
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
        state.problem(row, column, f"{value!r} is not a {prefix}: concept of the vocabulary; "
                      "one of " + ", ".join(_allowed(state, prefix)))
        return None
    return iri


def _allowed(state, prefix):
    """The local names of the concepts of one vocabulary (``mrole``: chair, member, ...)."""
    key = ("allowed", prefix)
    if key not in state.cache:
        ns = PREFIXES[prefix]
        state.cache[key] = sorted(i[len(ns):] for i in state.index.types
                                  if i.startswith(ns) and state.index.is_a(i, "concept"))
    return state.cache[key]


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
            if n:  # a name in a language (name@ko) is found by its text
                index.names[fold_name(_LANG_TAG.sub("", n))].add(str(iri))
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
        define(_org_iri(state, row), _org_class(kind), [row.get("name"), *row.many("alt_names")])
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


