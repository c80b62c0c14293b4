"""Entities by name: the folded index of every name, search, and a name given for an IRI.

A parameter of type ``iri`` may be given as a name ("ANMC21", "Seoul"): it is
looked up among the labels, alternative and hidden labels of the graph, with
case and accents folded. One entity of that name is the value; several are
refused with the candidates (:class:`UnresolvedName`, as is a name none
carries), unless the parameter's example IRI points to one kind (``cgorg:``
networks, ``place:`` places); IRIs and prefixed names pass as they are.
"""

import re

from rdflib import Literal, URIRef

from citygraph.errors import ParameterError
from citygraph.namespaces import DCTERMS, FOAF, PREFIXES, RDFS, SCHEMA, SKOS
from citygraph.places.names import fold_name
from citygraph.querying.headers import adhoc_query

__all__ = ["UnresolvedName", "name_index", "search", "looks_like_iri", "resolve_name",
           "resolve_params"]

_NAMES = """
SELECT ?entity ?name ?property WHERE {
  VALUES ?property { rdfs:label skos:prefLabel skos:altLabel skos:hiddenLabel schema:name
                     foaf:name dcterms:title }
  ?entity ?property ?name .
  FILTER(isIRI(?entity) && isLiteral(?name))
}"""

_EXACT = _NAMES.replace("isLiteral(?name))", "isLiteral(?name) && LCASE(STR(?name)) = $key)")

_RANK = {RDFS.label: 0, SKOS.prefLabel: 0, SCHEMA.name: 0, FOAF.name: 0, DCTERMS.title: 0,
         SKOS.altLabel: 1, SKOS.hiddenLabel: 2}

#: how many candidates an ambiguous or unknown name lists
CANDIDATES = 5


class UnresolvedName(ParameterError):
    """A name that no entity or several carry; ``candidates`` is [(iri, name)], best first."""

    def __init__(self, message, candidates):
        super().__init__(message)
        self.candidates = candidates


def _rows(target, text, **bindings):
    return target.select(adhoc_query(text, source="names").text, bindings or None)


def name_index(target):
    """Every name of every node, case and accents folded: [(folded, name, entity, property)]."""
    return [(fold_name(str(r["name"])), str(r["name"]), r["entity"], r["property"])
            for r in _rows(target, _NAMES)]


def search(index, text, limit=50):
    """Entities whose names contain ``text`` (folded): exact names, then names starting with
    it, then the others, shorter names first; one row per entity, with its best name.

    >>> from rdflib import URIRef
    >>> seoul = URIRef("https://w3id.org/citygraph/id/place/seoul")
    >>> index = [("seoul", "Seoul", seoul, RDFS.label), ("seoel", "Séoel", seoul, SKOS.hiddenLabel)]
    >>> [(str(e).rsplit("/", 1)[1], name) for e, name, _ in search(index, "SÉOEL")]
    [('seoul', 'Séoel')]
    """
    key = fold_name(text or "")
    if not key:
        return []
    best = {}
    for folded, name, entity, prop in index:
        if key in folded:
            score = (0 if folded == key else 1 if folded.startswith(key) else 2,
                     len(folded), _RANK.get(prop, 3))
            if entity not in best or score < best[entity][0]:
                best[entity] = (score, name, prop)
    ranked = sorted(best.items(), key=lambda item: (item[1][0], item[1][1]))
    return [(entity, name, prop) for entity, (_, name, prop) in ranked[:limit]]


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")


def looks_like_iri(text):
    """True for an IRI in angle brackets, an absolute IRI or a prefixed name; False for a name.

    >>> [looks_like_iri(t) for t in ("cgorg:anmc21", "<http://x.org/a>", "https://x.org/a",
    ...                              "urn:x:1", "ANMC21", "Ho Chi Minh City", "Seoul: city")]
    [True, True, True, True, False, False, False]
    """
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return True
    prefix, colon, local = text.partition(":")
    if not colon or not _SCHEME.fullmatch(prefix):
        return False
    if prefix in PREFIXES:
        return not local.startswith(" ")
    return local.startswith("//") or prefix in ("urn", "mailto")


def _namespace(example):
    """The folder of a parameter's example IRI ('…/id/org/'), to prefer that kind of entity."""
    prefix, colon, local = (example or "").partition(":")
    if colon and prefix in PREFIXES:
        return (PREFIXES[prefix] + local).rpartition("/")[0]
    return None


def _exact(index, target, text):
    """[(entity, name, property)] whose folded name equals the folded text."""
    key = fold_name(text)
    if index is None:
        rows = _rows(target, _EXACT, key=Literal(text.strip().lower()))
        found = [(r["entity"], str(r["name"]), r["property"]) for r in rows]
        if found:
            return found, None
        index = name_index(target)
    return [(e, n, p) for folded, n, e, p in index if folded == key], index


def resolve_name(text, index=None, target=None, example=None, where=""):
    """The one entity called ``text``, else :class:`UnresolvedName` with the candidates:
    the entities of that name, or when none has it those whose names contain it.

    ``index`` is a :func:`name_index` (the server keeps one); without it the
    names are asked of ``target``. ``where`` starts the error messages.

    >>> from rdflib import URIRef
    >>> anmc = URIRef("https://w3id.org/citygraph/id/org/anmc21")
    >>> kobe = URIRef("https://w3id.org/citygraph/id/place/kobe")
    >>> kobe_gov = URIRef("https://w3id.org/citygraph/id/org/kobe-city")
    >>> index = [("anmc21", "ANMC21", anmc, RDFS.label), ("kobe", "Kobe", kobe, RDFS.label),
    ...          ("kobe", "Kobe", kobe_gov, SKOS.altLabel)]
    >>> resolve_name("anmc21", index) == anmc
    True
    >>> resolve_name("Kobe", index, example="place:seoul") == kobe
    True
    >>> resolve_name("Kobe", index)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.querying.names.UnresolvedName: 'Kobe' names 2 entities: Kobe (place:kobe), ...
    """
    from citygraph.querying.results import compact

    exact, index = _exact(index, target, text)
    entities = {}
    for entity, name, _ in sorted(exact, key=lambda r: (_RANK.get(r[2], 3), str(r[0]))):
        entities.setdefault(entity, name)
    if len(entities) > 1 and example:
        namespace = _namespace(example)
        preferred = {e: n for e, n in entities.items()
                     if namespace and str(e).rpartition("/")[0] == namespace}
        if len(preferred) == 1:
            entities = preferred
    if len(entities) == 1:
        return next(iter(entities))
    if entities:
        candidates = list(entities.items())
        shown = ", ".join(f"{n} ({compact(e)})" for e, n in candidates[:CANDIDATES])
        shown += ", …" if len(candidates) > CANDIDATES else ""
        raise UnresolvedName(f"{where}{text!r} names {len(candidates)} entities: {shown}; "
                            "give one of them", candidates)
    if index is None:
        index = name_index(target)
    near = [(e, n) for e, n, _ in search(index, text, limit=CANDIDATES + 1)]
    more = ", …" if len(near) > CANDIDATES else ""
    near = near[:CANDIDATES]
    hint = ("; names containing it: " + ", ".join(f"{n} ({compact(e)})" for e, n in near)
            + more if near else ", nor does any name contain it")
    raise UnresolvedName(f"{where}no entity is called {text!r}{hint}", near)


def resolve_params(query, values, index=None, target=None):
    """``values`` with each name given for an ``iri`` parameter replaced by its entity."""
    out = dict(values)
    for name, value in values.items():
        param = query.param(name)
        if param is None or param.type != "iri" or not isinstance(value, str) \
                or isinstance(value, URIRef | Literal):
            continue
        if not value.strip() or looks_like_iri(value):
            continue
        out[name] = resolve_name(value.strip(), index, target, param.example,
                                 where=f"query {query.name!r}: parameter {name!r}: ")
    return out
