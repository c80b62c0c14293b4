"""What a query returned, and its text forms: terminal table, CSV, TSV, JSON."""

import json
import re
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from citygraph.errors import QueryError
from citygraph.fileio import csv_cell, csv_text
from citygraph.namespaces import PREFIXES

__all__ = ["FORMATS", "Result", "compact", "plain", "format_result"]

#: the output formats of :func:`format_result`
FORMATS = ("table", "csv", "tsv", "json")


@dataclass
class Result:
    """What a query returned: its form, column names and rows (or a boolean for ASK)."""

    form: str
    columns: list
    rows: list = field(default_factory=list)
    boolean: bool | None = None


def compact(iri):
    """An IRI as a prefixed name with the project prefixes, else in angle brackets.

    >>> compact("https://w3id.org/citygraph/id/place/seoul")
    'place:seoul'
    >>> compact("http://example.org/x")
    '<http://example.org/x>'
    """
    iri = str(iri)
    best = None
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and (best is None or len(namespace) > len(best[1])):
            local = iri[len(namespace):]
            if re.fullmatch(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?|", local):
                best = (prefix, namespace)
    if best is None:
        return f"<{iri}>"
    return f"{best[0]}:{iri[len(best[1]):]}"


def plain(term, prefixed=False):
    """A term as plain text: an IRI (prefixed if asked), a literal's lexical form, '' for None.

    >>> plain(Literal("2014-09-06", datatype=XSD.date)), plain(None)
    ('2014-09-06', '')
    >>> plain(URIRef("https://w3id.org/citygraph/id/place/seoul"), prefixed=True)
    'place:seoul'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(term) if prefixed else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal) and term.datatype == XSD.boolean:
        return "true" if term.toPython() is True else str(term)
    return str(term)


def _json_value(term):
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    value = term.toPython()
    if isinstance(value, bool | int | float) and not isinstance(value, Literal):
        return value
    return str(term)


#: widest cell of a terminal table before it is cut with an ellipsis
TABLE_CELL_WIDTH = 60


def format_result(result, fmt="table"):
    """The rows of a result as text: an aligned table, CSV, TSV or JSON.

    The table shows IRIs as prefixed names, literals plainly, cuts cells
    wider than 60 characters and ends with a row count; CSV, TSV and JSON
    keep full IRIs and full values (a CSV or TSV text cell that a spreadsheet
    would run as a formula gets a ``'`` in front: see
    :func:`citygraph.fileio.csv_cell`). JSON is ``{"columns": [...], "rows":
    [{column: value}]}`` with numbers and booleans as JSON numbers and
    booleans, everything else as strings, unbound as null.

    >>> seoul = URIRef("https://w3id.org/citygraph/id/place/seoul")
    >>> r = Result("SELECT", ["city", "size"], [{"city": seoul, "size": Literal(7)}])
    >>> print(format_result(r))
    city         size
    -----------  ----
    place:seoul  7
    (1 row)
    >>> print(format_result(r, "csv"), end="")
    city,size
    https://w3id.org/citygraph/id/place/seoul,7
    >>> print(format_result(r, "json").replace(str(seoul), "IRI"))
    {"columns": ["city", "size"], "rows": [{"city": "IRI", "size": 7}]}
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    if result.form == "ASK" and fmt == "table":
        return "yes" if result.boolean else "no"
    columns = result.columns
    if fmt == "json":
        rows = [{c: _json_value(row.get(c)) for c in columns} for row in result.rows]
        payload = {"columns": columns, "rows": rows}
        if result.form == "ASK":
            payload["boolean"] = result.boolean
        return json.dumps(payload, ensure_ascii=False)
    if fmt in ("csv", "tsv"):
        if fmt == "csv":
            return csv_text(columns, [[plain(row.get(c)) for c in columns] for row in result.rows])
        lines = ["\t".join(columns)]
        for row in result.rows:
            lines.append("\t".join(csv_cell(_tsv_escape(plain(row.get(c)))) for c in columns))
        return "\n".join(lines) + "\n"
    return _table(columns, result.rows)


def _tsv_escape(text):
    return (
        text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _cell(term):
    text = " ".join(plain(term, prefixed=True).split())
    if len(text) > TABLE_CELL_WIDTH:
        text = text[: TABLE_CELL_WIDTH - 1] + "…"
    return text


def _table(columns, rows):
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
    count = len(rows)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines)
