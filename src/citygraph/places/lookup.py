"""The names the project's graph already has: resolve a name typed in a sheet to one IRI.

Names are compared folded (case, accents, punctuation; see
:func:`citygraph.places.names.fold_name`) over every label property the data uses.
A name that matches two entities of the kind asked for is ambiguous and is
reported, never merged silently; a name that matches none is unresolved.
"""

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from citygraph.places.names import fold_name
from citygraph.rdfio import parse_quads

__all__ = ["KINDS", "LABELS", "Index"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_CG = "https://w3id.org/citygraph/ontology#"

#: the label properties a name is looked up in
LABELS = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2004/02/skos/core#hiddenLabel",
    "https://schema.org/name",
    "http://xmlns.com/foaf/0.1/name",
    "http://purl.org/dc/terms/title",
}

#: kind of entity -> the class its instances have (or a sub-class of it)
KINDS = {
    "place": _CG + "Place",
    "organization": "http://www.w3.org/ns/org#Organization",
    "person": "http://xmlns.com/foaf/0.1/Person",
    "event": _CG + "Event",
    "agreement": _CG + "Agreement",
    "project": _CG + "Project",
    "post": "http://www.w3.org/ns/org#Post",
    "venue": _CG + "Venue",
    "document": _CG + "SourceDocument",
    "concept": "http://www.w3.org/2004/02/skos/core#Concept",
}


class Index:
    """Labels and types of every entity in some Turtle files."""

    def __init__(self, paths=(), schema=None):
        """An index of ``paths``; with ``schema`` (another Index) its class hierarchy
        starts as a copy of that one's, which this one's files may extend."""
        self.names = defaultdict(set)  # folded name -> IRIs
        self.types = defaultdict(set)  # IRI -> classes
        self.label = {}  # IRI -> the first label seen
        self._parents = defaultdict(set)
        if schema is not None:
            self._parents.update((c, set(parents)) for c, parents in schema._parents.items())
        for path in paths:
            self.add_file(path)

    def add_file(self, path):
        for t in parse_quads(path):
            self.add(t.subject, t.predicate, t.object)

    def add(self, s, p, o):
        if not isinstance(s, ox.NamedNode):
            return
        if p.value == _RDF_TYPE and isinstance(o, ox.NamedNode):
            self.types[s.value].add(o.value)
        elif p.value == _SUBCLASS and isinstance(o, ox.NamedNode):
            self._parents[s.value].add(o.value)
        elif p.value in LABELS and isinstance(o, ox.Literal):
            self.names[fold_name(o.value)].add(s.value)
            self.label.setdefault(s.value, o.value)

    @classmethod
    def of_project(cls, project, skip=()):
        """The index of the project's ontology and data (every data file but ``skip``)."""
        skip = {Path(p).resolve() for p in skip}
        files = sorted(Path(project.ontology_dir).glob("*.ttl"))
        if project.data_dir.is_dir():
            files += [p for p in sorted(project.data_dir.rglob("*.ttl")) if p.resolve() not in skip]
        return cls(files)

    def classes(self, iri):
        """Every class of ``iri``, with their super-classes."""
        seen, todo = set(), list(self.types.get(iri, ()))
        while todo:
            c = todo.pop()
            if c not in seen:
                seen.add(c)
                todo.extend(self._parents.get(c, ()))
        return seen

    def is_a(self, iri, kind):
        return KINDS[kind] in self.classes(iri)

    def find(self, name, kind=None):
        """The IRIs a name stands for (of the kind, when given), sorted.

        >>> index = Index()
        >>> label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
        >>> index.add(ox.NamedNode("https://x.org/seoul"), label, ox.Literal("Seoul"))
        >>> index.find("SEOUL")
        ['https://x.org/seoul']
        """
        found = self.names.get(fold_name(name), set())
        if kind is not None:
            found = {iri for iri in found if self.is_a(iri, kind)}
        return sorted(found)
