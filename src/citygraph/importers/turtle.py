"""Write triples as sorted Turtle text, fast and byte-for-byte repeatable, and atomically."""

import re

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from citygraph import fileio
from citygraph.namespaces import PREFIXES

__all__ = ["term_text", "turtle_text", "ntriples_text", "write_atomic"]

_XSD_STRING = str(XSD.string)
_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPE = re.compile(r'[\\"\n\r\t]')
# longest namespace first, so place: wins over cgr:
_BY_LENGTH = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def _quote(text):
    return '"' + _ESCAPE.sub(lambda m: _ESCAPES[m.group()], text) + '"'


def term_text(term, prefixed=True):
    """One RDF term as Turtle text, with a project prefix where one fits.

    >>> term_text(URIRef("https://w3id.org/citygraph/id/place/tomsk"))
    'place:tomsk'
    >>> term_text(Literal("56.49771", datatype=XSD.decimal))
    '"56.49771"^^xsd:decimal'
    >>> term_text(Literal('say "hi"', lang="en"), prefixed=False)
    '"say \\\\"hi\\\\""@en'
    """
    if isinstance(term, URIRef):
        value = str(term)
        cached = _IRI_TEXT.get((value, prefixed))
        if cached is not None:
            return cached
        text = _iri_text(value, prefixed)
        if len(_IRI_TEXT) < 1_000_000:
            _IRI_TEXT[(value, prefixed)] = text
        return text
    if isinstance(term, Literal):
        text = _quote(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != _XSD_STRING:
            return f"{text}^^{term_text(URIRef(term.datatype), prefixed)}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


_IRI_TEXT = {}


def _iri_text(value, prefixed):
    if prefixed:
        for ns, prefix in _BY_LENGTH:
            if value.startswith(ns) and _LOCAL.match(value[len(ns):]):
                return f"{prefix}:{value[len(ns):]}"
    return f"<{value}>"


def _sort_key(term):
    return (0 if isinstance(term, URIRef) else 1, str(term),
            str(getattr(term, "datatype", "") or ""), getattr(term, "language", "") or "")


def _prefix_of(text):
    """The prefix a term's Turtle text uses, if any: ``place:x`` and ``"1"^^xsd:integer``."""
    if text.startswith('"'):
        _, sep, datatype = text.rpartition('"^^')
        text = datatype if sep else ""
    if not text or text[0] in "<_" or ":" not in text:
        return None
    return text.split(":", 1)[0]


def turtle_text(triples, header=""):
    """Sorted Turtle for ``triples``: subjects, then predicates (rdf:type first), then objects.

    Only the prefixes used are declared, so the text depends on nothing but the triples.

    >>> t = URIRef("https://w3id.org/citygraph/id/place/tomsk")
    >>> print(turtle_text([(t, RDF.type, URIRef("https://w3id.org/citygraph/ontology#City"))]))
    @prefix cg: <https://w3id.org/citygraph/ontology#> .
    @prefix place: <https://w3id.org/citygraph/id/place/> .
    <BLANKLINE>
    place:tomsk a cg:City .
    <BLANKLINE>
    """
    by_subject = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, set()).add(o)
    blocks, texts = [], set()
    for s in sorted(by_subject, key=_sort_key):
        preds = by_subject[s]
        lines = []
        for p in sorted(preds, key=lambda p: (p != RDF.type, str(p))):
            objs = sorted(term_text(o) for o in preds[p])
            texts.update(objs)
            predicate = "a" if p == RDF.type else term_text(p)
            texts.add(predicate)
            lines.append(predicate + " " + ", ".join(objs))
        subject = term_text(s)
        texts.add(subject)
        blocks.append(subject + " " + " ;\n    ".join(lines) + " .\n")
    body = "\n".join(blocks)
    used = sorted({prefix for prefix in map(_prefix_of, texts) if prefix in PREFIXES})
    head = "".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in used)
    return (header + head + "\n" + body) if body else header + head


def ntriples_text(triples):
    """N-Triples text, one triple a line, in the order given.

    >>> t = URIRef("https://w3id.org/citygraph/id/place/tomsk")
    >>> ntriples_text([(t, RDF.type, URIRef("https://w3id.org/citygraph/ontology#City"))])
    '<https://w3id.org/citygraph/id/place/tomsk> \
<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/citygraph/ontology#City> .\\n'
    """
    return "".join(
        f"{term_text(s, False)} {term_text(p, False)} {term_text(o, False)} .\n"
        for s, p, o in triples)


def write_atomic(path, text):
    """Write ``text`` to ``path`` atomically, creating its folder (see :mod:`citygraph.fileio`).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.ttl"
    >>> write_atomic(target, "ok\\n"); target.read_text()
    'ok\\n'
    """
    fileio.write_atomic(text, path, mkdir=True)
