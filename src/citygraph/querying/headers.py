"""A catalog query's header: summary, description, typed parameters, columns; and the Query."""

import re
from dataclasses import dataclass
from pathlib import Path

from citygraph.errors import ParseError, QueryError
from citygraph.namespaces import PREFIXES

__all__ = [
    "PARAM_TYPES",
    "Param",
    "Query",
    "query_role",
    "parse_header",
    "load_query",
    "adhoc_query",
]

#: the types a ``# param:`` line may declare
PARAM_TYPES = ("iri", "string", "date", "integer", "decimal", "boolean")

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

    >>> from citygraph.querying.catalog import QUERIES_DIR
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
