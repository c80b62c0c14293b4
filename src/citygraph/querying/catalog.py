"""The SPARQL query catalog of queries/: finding a query, checking it, running it.

A query's header and the :class:`Query` are in :mod:`.headers`, its
parameters in :mod:`.params`, results and their text forms in :mod:`.results`;
their names are kept here too, so ``citygraph.querying.catalog`` stays the one
import for callers.
"""

import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal

from citygraph import resources
from citygraph.errors import QueryError
from citygraph.querying.headers import (
    PARAM_TYPES,
    Param,
    Query,
    adhoc_query,
    load_query,
    parse_header,
    query_role,
)
from citygraph.querying.names import resolve_params
from citygraph.querying.params import bind_params, parse_param_args
from citygraph.querying.results import FORMATS, Result, compact, format_result, plain
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


def run_query(query, target, params=None, bindings=None, names=None):
    """Check and bind the parameters, run the query on ``target``, return a :class:`Result`.

    ``params`` maps parameter names to strings as typed on the command line
    (or to rdflib terms); they are bound through the target, never pasted
    into the query text. An ``iri`` parameter may be given as a name
    ("ANMC21"): it is resolved by :func:`citygraph.querying.names.resolve_params`
    through ``names`` (a name index) or else the target. ``bindings`` binds
    further variables as they are (rdflib terms or Python values), whether the
    header declares them or not.

    >>> from citygraph.querying.sparql import connect
    >>> target = connect(ox.Store())
    >>> result = run_query(find_query("network-members"), target, {"network": "cgorg:anmc21"})
    >>> result.form, result.columns[:3], result.rows
    ('SELECT', ['member', 'member_label', 'role'], [])
    """
    form, variables = check_syntax(query)
    values = resolve_params(query, dict(params or {}), names, target)
    bindings = {**bind_params(query, values), **(bindings or {})}
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
