"""A catalog query's parameters: from ``key=value`` text to checked, typed rdflib terms."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from citygraph.errors import ParameterError
from citygraph.namespaces import PREFIXES
from citygraph.querying.headers import PARAM_TYPES

__all__ = ["parse_param_args", "bind_params", "parse_iri"]


def parse_param_args(args, query):
    """Turn ``key=value`` strings from the command line into a dict.

    >>> from citygraph.querying.headers import Query
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

    >>> from citygraph.querying.catalog import find_query
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


def parse_iri(text):
    """An IRI, prefixed name or ``<IRI>`` as a URIRef; None when the text is none of these.

    >>> parse_iri("cgorg:anmc21"), parse_iri("ANMC21")
    (rdflib.term.URIRef('https://w3id.org/citygraph/id/org/anmc21'), None)
    """
    try:
        return _to_iri(text, lambda _: ValueError())
    except ValueError:
        return None
