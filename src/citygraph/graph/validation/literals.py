"""Ill-typed literals (``"2014-13-45"^^xsd:date``), and the line of a file that writes a finding."""

import json
import re
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import SH

from citygraph.graph.validation.engines import _quiet_rdflib
from citygraph.graph.validation.report import SHAPES_NS, Result, shorten
from citygraph.graph.validation.scope import _shown_graph, _values
from citygraph.rdfio import to_rdflib

__all__ = ["ill_typed_literals"]

_XSD = "http://www.w3.org/2001/XMLSchema#"

#: datatypes whose text :func:`ill_typed_literals` checks: those SPARQL casts a string to
_CAST_TYPES = [
    "date", "dateTime", "time", "gYear", "gYearMonth", "gMonthDay", "gDay", "gMonth",
    "duration", "dayTimeDuration", "yearMonthDuration", "integer", "decimal", "double",
    "float", "boolean",
]

#: integer types checked as an integer within bounds
_INTEGER_BOUNDS = {
    "nonNegativeInteger": ">= 0", "positiveInteger": "> 0", "negativeInteger": "< 0",
    "nonPositiveInteger": "<= 0",
}


def ill_typed_literals(store, names):
    """Literals whose text is not of their datatype (``"2014-13-45"^^xsd:date``): a violation each.

    SHACL Core only catches them under ``sh:datatype``, and engines differ on
    them elsewhere; this check finds every one, in any property. Yields
    ``(graph, subject, predicate, literal)`` as pyoxigraph terms.
    """
    if not names:
        return
    ifs = "?o"
    for name in reversed(_CAST_TYPES):
        ifs = f"IF(?dt = xsd:{name}, xsd:{name}(STR(?o)), {ifs})"
    for name, bound in _INTEGER_BOUNDS.items():
        # ?none is never bound: IF's other branch is an error, as a failed cast is
        ifs = f"IF(?dt = xsd:{name}, IF(xsd:integer(STR(?o)) {bound}, ?o, ?none), {ifs})"
    types = ", ".join(f"xsd:{name}" for name in [*_CAST_TYPES, *_INTEGER_BOUNDS])
    query = f"""PREFIX xsd: <{_XSD}>
    SELECT ?g ?s ?p ?o WHERE {{
        VALUES ?g {{ {_values(names)} }}
        GRAPH ?g {{ ?s ?p ?o }}
        FILTER(isLiteral(?o))
        BIND(DATATYPE(?o) AS ?dt)
        FILTER(?dt IN ({types}))
        BIND({ifs} AS ?v)
        FILTER(!BOUND(?v))
    }}"""
    for row in store.query(query):
        yield row["g"], row["s"], row["p"], row["o"]

_ILL_TYPED_SHAPE = URIRef(SHAPES_NS + "WellTypedLiteral")


def _check_ill_typed(store, names, files, rows=None):
    """A violation for each ill-typed literal (``rows``: those of the graphs, if already found)."""
    with _quiet_rdflib():
        for graph, s, p, o in ill_typed_literals(store, names) if rows is None else rows:
            literal = to_rdflib(o)
            yield Result(
                severity="Violation",
                focus=to_rdflib(s),
                path=to_rdflib(p),
                value=literal,
                message=(
                    f"{json.dumps(o.value, ensure_ascii=False)} is not a valid "
                    f"{shorten(literal.datatype)}: check the date or number against the source."
                ),
                shape=_ILL_TYPED_SHAPE,
                component=SH.DatatypeConstraintComponent,
                file=files.get(graph.value, _shown_graph(graph.value)),
            )


def _literal_line(path, subject, literal, cache):
    """The line of ``path`` that writes ``literal`` for ``subject``, or None.

    Of the lines that write the literal's text in quotes, the first whose
    statement (the unindented line it continues) names the subject; else the
    first of them.
    """
    lines = _lines(path, cache)
    needles = [json.dumps(str(literal), ensure_ascii=False), f"'{literal}'"]
    name = re.split(r"[/#:]", str(subject))[-1]
    first = None
    for number, text in enumerate(lines, 1):
        if not any(needle in text for needle in needles):
            continue
        first = first or number
        start = number - 1
        while start > 0 and (not lines[start].strip() or lines[start][:1].isspace()
                             or lines[start].lstrip().startswith("#")):
            start -= 1
        statement = lines[start].split('"', 1)[0]
        if name and (f":{name}" in statement or f"/{name}>" in statement
                     or f"#{name}>" in statement):
            return number
    return first


def _statements(path, cache):
    """Where each subject's statements start in a Turtle file: {written subject: [line, ...]}.

    A statement starts on an unindented line; its subject is the first token
    (a prefixed name or an IRI in angle brackets), as citygraph and people write Turtle.
    """
    key = ("statements", path)
    if key not in cache:
        index = {}
        for number, text in enumerate(_lines(path, cache), 1):
            if text[:1].isspace() or not text or text.startswith(("#", "@", "PREFIX", "prefix")):
                continue
            token = text.split(None, 1)[0]
            index.setdefault(token, []).append(number)
        cache[key] = index
    return cache[key]


def _lines(path, cache):
    if path not in cache:
        try:
            cache[path] = Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[path] = []
    return cache[path]


def _node_line(path, focus, value, cache):
    """The line of ``path`` that writes ``value`` in a statement about ``focus``, else the
    line where the statement about ``focus`` starts; None when the file does not write it.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.ttl"
    >>> _ = f.write_text("fact:a a cg:Tie ;\\n    cg:party place:x ,\\n        place:xy .\\n")
    >>> from citygraph.namespaces import CGR
    >>> _node_line(str(f), CGR["fact/a"], CGR["place/xy"], {})
    3
    >>> _node_line(str(f), CGR["fact/a"], None, {})
    1
    """
    index = _statements(path, cache)
    starts = index.get(shorten(focus)) or index.get(f"<{focus}>")
    if not starts:
        return None
    if isinstance(value, URIRef):
        lines = _lines(path, cache)
        needle = re.compile(r"(?<![\w:<-])(?:" + re.escape(shorten(value)) + "|"
                            + re.escape(f"<{value}>") + r")(?=[\s;,.)\]]|$)")
        for start in starts:
            number = start
            while True:
                if needle.search(lines[number - 1].split("#", 1)[0] if number > start
                                 else lines[number - 1][len(shorten(focus)):]):
                    return number
                if number >= len(lines) or not lines[number][:1].isspace():
                    break
                number += 1
    return starts[0]
