"""The SPARQL query catalog of queries/: headers, parameters, running a query, formatting rows."""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from citygraph import resources
from citygraph.errors import ParameterError, ParseError, QueryError
from citygraph.fileio import csv_cell, csv_text
from citygraph.namespaces import PREFIXES
from citygraph.querying.sparql import parse_only, query_form, refuse_update, syntax_error

__all__ = [
    "QUERIES_DIR",
    "PARAM_TYPES",
    "FORMATS",
    "Param",
    "Query",
    "Result",
    "parse_header",
    "load_query",
    "adhoc_query",
    "list_queries",
    "find_query",
    "query_role",
    "check_syntax",
    "bind_params",
    "parse_param_args",
    "run_query",
    "compact",
    "plain",
    "format_result",
]

#: the catalog shipped with citygraph (see citygraph.resources)
QUERIES_DIR = resources.path("queries")

#: the types a ``# param:`` line may declare
PARAM_TYPES = ("iri", "string", "date", "integer", "decimal", "boolean")

#: the output formats of :func:`format_result`
FORMATS = ("table", "csv", "tsv", "json")

_KEYS = ("summary", "description", "param", "columns", "returns")
_KEY_LINE = re.compile(r"#\s*(summary|description|param|columns|returns)\s*:\s*(.*)$")
_PARAM = re.compile(
    r"""(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*
        \(\s*(?P<type>[a-z]+)\s*(?:,\s*(?P<optional>optional)\s*)?\)\s+
        (?P<example>"[^"]*"|\S+?)
        (?::\s+(?P<text>.*)|:?\s*$)""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Param:
    """One parameter a query declares: name, type, example value, meaning, whether optional."""

    name: str
    type: str
    example: str
    text: str = ""
    optional: bool = False

    def describe(self):
        """The parameter in a short human form.

        >>> Param("date", "date", "2014-09-06", optional=True).describe()
        'date (date, optional)'
        """
        return f"{self.name} ({self.type}{', optional' if self.optional else ''})"


@dataclass(frozen=True)
class Query:
    """A query with its header: name, file, summary, description, parameters, columns."""

    name: str
    text: str
    source: str
    summary: str = ""
    description: str = ""
    params: tuple = ()
    columns: tuple = ()
    returns: str = ""
    #: lines added in front of the text as written (predeclared prefixes)
    line_offset: int = 0

    @property
    def role(self):
        """'construct', 'violation', 'projection' or 'report', from the file name."""
        return query_role(self.name)

    def param(self, name):
        """The declared parameter called ``name``, or None."""
        for param in self.params:
            if param.name == name:
                return param
        return None

    def allowed(self):
        """The declared parameters, for error messages.

        >>> Query("q", "", "q.rq").allowed()
        'none'
        """
        return ", ".join(p.describe() for p in self.params) or "none"


@dataclass
class Result:
    """What a query returned: its form, column names and rows (or a boolean for ASK)."""

    form: str
    columns: list
    rows: list = field(default_factory=list)
    boolean: bool | None = None


def query_role(name):
    """The role of a query by its name, as the catalog's naming rule says.

    >>> [query_role(n) for n in ("construct-inverses", "undeclared-place-violation",
    ...                          "project-agreement", "network-members")]
    ['construct', 'violation', 'projection', 'report']
    """
    if name.startswith("construct-"):
        return "construct"
    if name.endswith("-violation"):
        return "violation"
    if name.startswith("project-"):
        return "projection"
    return "report"


def parse_header(text, source="query", required=True):
    """Read the comment header of a query text into a dict of its fields.

    ``# key: value`` lines for summary, description, param (any number),
    columns and returns; a following comment line indented by two or more
    spaces continues the field above it. The header ends at the first line
    that is not a comment. With ``required``, summary, description and
    columns (or returns) must be there.

    >>> header = parse_header('''# summary: Members of a network.
    ... # description: One row per member,
    ... #   with its role.
    ... # param: network (iri) cgorg:anmc21: the network
    ... # param: date (date, optional) 2014-09-06
    ... # columns: member, role
    ... SELECT ?member ?role WHERE { ?m ?member ?role }''')
    >>> header["description"]
    'One row per member, with its role.'
    >>> [p.describe() for p in header["params"]], header["params"][0].example
    (['network (iri)', 'date (date, optional)'], 'cgorg:anmc21')
    >>> header["columns"]
    ('member', 'role')
    """
    fields = {"summary": "", "description": "", "columns": (), "returns": "", "params": []}
    last = None
    lineno = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            last = None
            continue
        if not stripped.startswith("#"):
            break
        match = _KEY_LINE.match(stripped)
        if match:
            key, value = match.group(1), match.group(2).strip()
            if key == "param":
                fields["params"].append(_parse_param(value, source, lineno))
            elif key == "columns":
                fields["columns"] = _parse_columns(value, source, lineno)
            else:
                if fields[key]:
                    raise ParseError(source, f"header has a second '{key}' line", lineno)
                fields[key] = value
            last = (key, lineno)
            continue
        continuation = re.match(r"#\s{2,}(\S.*)$", line.rstrip())
        if continuation and last is not None:
            key = last[0]
            more = continuation.group(1).strip()
            if key == "param":
                param = fields["params"][-1]
                fields["params"][-1] = Param(
                    param.name, param.type, param.example,
                    f"{param.text} {more}".strip(), param.optional,
                )
            elif key == "columns":
                fields["columns"] += _parse_columns(more, source, last[1])
            else:
                fields[key] = f"{fields[key]} {more}".strip()
            continue
        last = None
    names = [p.name for p in fields["params"]]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise ParseError(source, f"header declares parameter {duplicated[0]!r} twice", 1)
    if required:
        for key in ("summary", "description"):
            if not fields[key]:
                raise ParseError(source, f"header has no '# {key}:' line", 1)
        if not fields["columns"] and not fields["returns"]:
            raise ParseError(source, "header has neither '# columns:' nor '# returns:'", 1)
    fields["params"] = tuple(fields["params"])
    return fields


def _parse_param(value, source, lineno):
    match = _PARAM.fullmatch(value)
    if not match:
        raise ParseError(
            source,
            f"cannot read param line {value!r}; expected 'name (type) example: meaning'",
            lineno,
        )
    kind = match.group("type")
    if kind not in PARAM_TYPES:
        raise ParseError(
            source,
            f"parameter {match.group('name')!r} has unknown type {kind!r}; "
            f"types are {', '.join(PARAM_TYPES)}",
            lineno,
        )
    example = match.group("example")
    if example.startswith('"') and example.endswith('"') and len(example) >= 2:
        example = example[1:-1]
    return Param(
        match.group("name"), kind, example, (match.group("text") or "").strip(),
        bool(match.group("optional")),
    )


def _parse_columns(value, source, lineno):
    names = tuple(c.strip() for c in value.split(",") if c.strip())
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ParseError(source, f"column {name!r} is not a variable name", lineno)
    return names


def load_query(path):
    """Read one catalog file and its header into a :class:`Query`.

    >>> q = load_query(QUERIES_DIR / "network-members.rq")
    >>> q.name, q.role, [p.name for p in q.params]
    ('network-members', 'report', ['network'])
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read the query: {exc.strerror}") from None
    header = parse_header(text, source=str(path))
    return Query(
        name=path.stem, text=text, source=str(path), summary=header["summary"],
        description=header["description"], params=header["params"],
        columns=header["columns"], returns=header["returns"],
    )


def adhoc_query(text, source="--sparql", add_prefixes=True):
    """A query given on the command line or in a file outside the catalog.

    A header is optional (its parameters are honoured when present). The
    project prefixes (``citygraph.namespaces.PREFIXES``) that the text does
    not declare are added in front, on a line of their own; syntax errors
    still give line numbers of the text as written.

    >>> q = adhoc_query("SELECT ?m WHERE { ?m org:organization cgorg:anmc21 }")
    >>> q.text.startswith("PREFIX cg: <https://w3id.org/citygraph/ontology#> ")
    True
    >>> q.text.splitlines()[1], q.line_offset
    ('SELECT ?m WHERE { ?m org:organization cgorg:anmc21 }', 1)
    """
    header = parse_header(text, source=source, required=False)
    offset = 0
    if add_prefixes:
        declared = set(re.findall(r"PREFIX\s+([A-Za-z0-9_.-]*):", text, re.I))
        missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
        if missing:
            text = " ".join(missing) + "\n" + text
            offset = 1
    return Query(
        name=source, text=text, source=source, summary=header["summary"],
        description=header["description"], params=header["params"],
        columns=header["columns"], returns=header["returns"], line_offset=offset,
    )


def list_queries(directory=None):
    """Every query of the catalog, sorted by name.

    >>> "network-members" in [q.name for q in list_queries()]
    True
    """
    directories = [Path(directory)] if directory is not None else _project_dirs()
    for folder in directories:
        if not folder.is_dir():
            raise QueryError(f"{folder}: no query catalog there")
    return [load_query(path) for path in sorted(
        (p for folder in directories for p in folder.glob("*.rq")), key=lambda p: p.name)]


def _project_dirs():
    """The shipped catalog and the folders of queries the project's citygraph.toml adds."""
    from citygraph.graph.project import find

    return list(find().query_dirs)


def find_query(name, directory=None):
    """The catalog query called ``name`` (the file name without ``.rq``).

    >>> find_query("network-members").summary.startswith("Members of a city network")
    True
    >>> find_query("no-such-query")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.QueryError: unknown query 'no-such-query'; see 'citygraph queries' ...
    """
    directories = [Path(directory)] if directory is not None else _project_dirs()
    name = name[:-3] if name.endswith(".rq") else name
    path = next((d / f"{name}.rq" for d in directories if (d / f"{name}.rq").is_file()),
                directories[0] / f"{name}.rq")
    if "/" in name or not path.is_file():
        raise QueryError(f"unknown query {name!r}; see 'citygraph queries' for the catalog")
    return load_query(path)


def check_syntax(query):
    """Parse a query with Oxigraph; return its form and its projected variables.

    A syntax error is a :class:`QueryError` naming the file, line and column.

    >>> check_syntax(adhoc_query("SELECT ?s ?n WHERE { ?s rdfs:label ?n }"))
    ('SELECT', ['s', 'n'])
    >>> bad = adhoc_query("SELECT * WHERE { ?s ?p }", add_prefixes=False)
    >>> check_syntax(bad)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.QueryError: --sparql:1:25: invalid SPARQL: expected one of ...
    >>> check_syntax(adhoc_query("DELETE WHERE { ?s ?p ?o }"))
    Traceback (most recent call last):
    ...
    citygraph.errors.QueryError: --sparql: updates are not allowed here; use build/import
    """
    try:
        refuse_update(query.text)
    except QueryError as exc:
        raise QueryError(f"{query.source}: {exc}") from None
    try:
        parsed = parse_only(query.text)
    except SyntaxError as exc:
        message = " ".join(str(exc.msg or exc).split())
        if "Prefix not found" in message:
            message = message[: message.index("expected")] + "undeclared prefix"
        if query.line_offset:
            message = _shift_position(message, query.line_offset)
        raise syntax_error(SyntaxError(message), where=query.source) from None
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"{query.source}: {exc}") from None
    form = query_form(query.text)
    if isinstance(parsed, ox.QuerySolutions):
        return form, [v.value for v in parsed.variables]
    if isinstance(parsed, ox.QueryTriples):
        return form, ["subject", "predicate", "object"]
    return form, []


def _shift_position(message, offset):
    def shift(match):
        return f"{max(int(match.group(1)) - offset, 1)}:{match.group(2)}"

    return re.sub(r"(?<=at )(\d+):(\d+)", shift, message, count=1)


def parse_param_args(args, query):
    """Turn ``key=value`` strings from the command line into a dict.

    >>> parse_param_args(["network=cgorg:anmc21"], Query("q", "", "q.rq"))
    {'network': 'cgorg:anmc21'}
    """
    values = {}
    for arg in args:
        key, sep, value = arg.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ParameterError(
                f"query {query.name!r}: --param {arg!r} is not key=value; "
                f"parameters: {query.allowed()}"
            )
        if key in values:
            raise ParameterError(
                f"query {query.name!r}: parameter {key!r} given twice; "
                f"parameters: {query.allowed()}"
            )
        values[key] = value
    return values


def bind_params(query, values):
    """Check raw parameter values against the header and turn them into rdflib terms.

    A parameter the header does not declare, a missing required one, or a
    value of the wrong type is a :class:`ParameterError` naming the query and
    its allowed parameters.

    >>> q = find_query("network-members")
    >>> bind_params(q, {"network": "cgorg:anmc21"})
    {'network': rdflib.term.URIRef('https://w3id.org/citygraph/id/org/anmc21')}
    >>> bind_params(q, {"netwrk": "cgorg:anmc21"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.ParameterError: query 'network-members' has no parameter 'netwrk'; ...
    """
    bound = {}
    for name, value in values.items():
        param = query.param(name)
        if param is None:
            raise ParameterError(
                f"query {query.name!r} has no parameter {name!r}; parameters: {query.allowed()}"
            )
        if value is None:
            continue
        bound[name] = _convert(query, param, value)
    for param in query.params:
        if param.name not in bound and not param.optional:
            raise ParameterError(
                f"query {query.name!r} needs parameter {param.name!r} "
                f"(e.g. --param {param.name}={param.example}); parameters: {query.allowed()}"
            )
    return bound


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_IRI_FORBIDDEN = re.compile(r'[\s<>"{}|^`\\]')
_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


def _convert(query, param, value):
    if isinstance(value, URIRef | Literal):
        return value
    text = str(value)

    def wrong(expected):
        return ParameterError(
            f"query {query.name!r}: parameter {param.name!r} must be {expected}, "
            f"got {text!r}; parameters: {query.allowed()}"
        )

    if param.type == "string":
        return Literal(text)
    if param.type == "iri":
        return _to_iri(text, wrong)
    if param.type == "date":
        if not _DATE.fullmatch(text):
            raise wrong("a date YYYY-MM-DD")
        try:
            return Literal(date.fromisoformat(text), datatype=XSD.date)
        except ValueError:
            raise wrong("a date YYYY-MM-DD") from None
    if param.type == "integer":
        if not _INTEGER.fullmatch(text.strip()):
            raise wrong("an integer")
        return Literal(int(text), datatype=XSD.integer)
    if param.type == "decimal":
        if not _DECIMAL.fullmatch(text.strip()):
            raise wrong("a decimal number")
        try:
            return Literal(Decimal(text.strip()), datatype=XSD.decimal)
        except InvalidOperation:
            raise wrong("a decimal number") from None
    if param.type == "boolean":
        if text.strip().lower() not in _BOOLEANS:
            raise wrong("true or false")
        return Literal(_BOOLEANS[text.strip().lower()])
    raise wrong(f"one of the types {', '.join(PARAM_TYPES)}")


def _to_iri(text, wrong):
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        text = PREFIXES[prefix] + local
    elif not (colon and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", prefix)
              and (local.startswith("//") or prefix in ("urn", "mailto"))):
        raise wrong("an IRI or a prefixed name such as place:seoul (prefixes: "
                    + ", ".join(sorted(PREFIXES)) + ")")
    if _IRI_FORBIDDEN.search(text):
        raise wrong("an IRI without spaces, quotes, braces or angle brackets")
    return URIRef(text)


def run_query(query, target, params=None, bindings=None):
    """Check and bind the parameters, run the query on ``target``, return a :class:`Result`.

    ``params`` maps parameter names to strings as typed on the command line
    (or to rdflib terms); they are bound through the target, never pasted
    into the query text. ``bindings`` binds further variables as they are
    (rdflib terms or Python values), whether the header declares them or not.

    >>> from citygraph.querying.sparql import connect
    >>> target = connect(ox.Store())
    >>> result = run_query(find_query("network-members"), target, {"network": "cgorg:anmc21"})
    >>> result.form, result.columns[:3], result.rows
    ('SELECT', ['member', 'member_label', 'role'], [])
    """
    form, variables = check_syntax(query)
    bindings = {**bind_params(query, dict(params or {})), **(bindings or {})}
    if form == "SELECT":
        rows = target.select(query.text, bindings or None)
        columns = list(variables) or (list(rows[0]) if rows else list(query.columns))
        return Result(form, columns, rows)
    if form in ("CONSTRUCT", "DESCRIBE"):
        triples = target.construct(query.text, bindings or None)
        rows = [dict(zip(("subject", "predicate", "object"), t, strict=True)) for t in triples]
        return Result(form, ["subject", "predicate", "object"], rows)
    answer = target.ask(query.text, bindings or None)
    return Result(form, ["answer"], [{"answer": Literal(answer)}], boolean=answer)


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
