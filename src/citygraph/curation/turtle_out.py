"""Writing compiled triples as Turtle blocks, one per subject, in the order they were made."""

import re
from collections import OrderedDict

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from citygraph.namespaces import PREFIXES

__all__ = ["turtle"]


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
