"""Reading the cells of a sheet row: dates, numbers, yes/no, evidence, themes and names."""

import re

from rdflib import Literal
from rdflib.namespace import XSD

from citygraph.curation.sheet_names import _p, _theme
from citygraph.dates import parse_date
from citygraph.errors import InputError
from citygraph.namespaces import CG

__all__ = []


def _date_literal(day, time=""):
    if time:
        return Literal(f"{day.isoformat()}T{time}:00", datatype=XSD.dateTime)
    return Literal(day.isoformat(), datatype=XSD.date)


def _span(state, row, column):
    """The date cell's :class:`~citygraph.dates.Span`; None when empty or (a problem) unreadable."""
    text = row.get(column)
    if not text:
        return None
    try:
        return parse_date(text)
    except InputError as exc:
        state.problem(row, column, str(exc).removeprefix("date "))
        return None


def _dates(state, row, column, node, event=False):
    """Date cell -> dcterms:date, start/end (events) or earliest/latest (a range or a month)."""
    span = _span(state, row, column)
    if span is None:
        return
    if span.exact and event:
        state.add(node, _p("schema:startDate"), _date_literal(span.first, span.time_start))
        # an end too for several days, a time, or a range the curator wrote out ("A/A")
        if not span.single or span.time_end or "/" in row.get(column):
            state.add(node, _p("schema:endDate"), _date_literal(span.last, span.time_end))
    elif span.exact and span.single:
        state.add(node, _p("dcterms:date"), _date_literal(span.first, span.time_start))
    else:
        state.add(node, CG.dateEarliest, _date_literal(span.first))
        state.add(node, CG.dateLatest, _date_literal(span.last))


def _one_date(state, row, column):
    span = _span(state, row, column)
    if span is None:
        return None
    if not (span.exact and span.single):
        state.problem(row, column, f"{row.get(column)!r}: give one day here")
        return None
    return _date_literal(span.first)


def _fact(state, row, node, cls):
    """The type, source and evidence of a fact row."""
    if cls is not None:
        state.add(node, _p("rdf:type"), cls)
    state.add(node, _p("prov:wasDerivedFrom"), state.doc)
    quotes = row.many("evidence")
    if not quotes:
        state.problem(row, "evidence", "empty: every fact needs its quote from the source")
    for quote in quotes:
        state.add(node, CG.evidence, Literal(quote))
    if row.get("note"):
        state.add(node, CG.uncertainty, Literal(row.get("note")))


def _themes(state, row, node, column="themes"):
    for value in row.many(column):
        state.add(node, CG.theme, _theme(state, row, column, value))


_TAGGED = re.compile(r"^(.*\S)@([a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$", re.S)


def _name(text):
    """A name cell as a literal: ``서울특별시@ko`` is a name in a language, else plain text.

    >>> _name("서울특별시@ko"), _name("Seoul")
    (rdflib.term.Literal('서울특별시', lang='ko'), rdflib.term.Literal('Seoul'))
    """
    m = _TAGGED.match(text)
    if m:
        return Literal(m.group(1), lang=m.group(2))
    return Literal(text)


def _labels(state, node, row, name_pred="rdfs:label"):
    if row.get("name"):
        state.add(node, _p(name_pred), _name(row.get("name")))
    if row.get("label"):
        state.add(node, _p("rdfs:label"), _name(row.get("label")))
    for alt in row.many("alt_names"):
        state.add(node, _p("skos:altLabel"), _name(alt))


def _precise_date(state, row, column):
    """One date at the precision the cell gives: xsd:date, xsd:gYearMonth or xsd:gYear."""
    span = _span(state, row, column)
    if span is None:
        return None
    if span.precision == "day" and span.single:
        return _date_literal(span.first)
    if span.precision == "month" and (span.first.year, span.first.month) == \
            (span.last.year, span.last.month):
        return Literal(f"{span.first.year:04d}-{span.first.month:02d}", datatype=XSD.gYearMonth)
    if span.precision == "year" and span.first.year == span.last.year:
        return Literal(f"{span.first.year:04d}", datatype=XSD.gYear)
    state.problem(row, column, f"{row.get(column)!r}: give one day, month or year here")
    return None


def _between(state, row, column, node):
    """A range the fact fell within: cg:dateEarliest and cg:dateLatest ("since DATE" gives
    only the earliest, "until DATE" only the latest)."""
    text = row.get(column)
    bound = re.match(r"^(since|until)\s+(.+)$", text, re.I)
    if bound:
        row = type(row)(row.sheet, row.number, {**row.cells, column: bound.group(2)})
    span = _span(state, row, column)
    if span is None:
        return
    if not bound or bound.group(1).lower() == "since":
        state.add(node, CG.dateEarliest, _date_literal(span.first))
    if not bound or bound.group(1).lower() == "until":
        state.add(node, CG.dateLatest, _date_literal(span.last))


def _period(state, row, column, node):
    """A period at the precision the cell gives: schema:startDate and schema:endDate
    (a year: both xsd:gYear; a month: xsd:gYearMonth; days: xsd:date)."""
    span = _span(state, row, column)
    if span is None:
        return
    for prop, day in (("schema:startDate", span.first), ("schema:endDate", span.last)):
        if span.precision == "year":
            value = Literal(f"{day.year:04d}", datatype=XSD.gYear)
        elif span.precision == "month":
            value = Literal(f"{day.year:04d}-{day.month:02d}", datatype=XSD.gYearMonth)
        else:
            value = _date_literal(day)
        state.add(node, _p(prop), value)


def _integer(state, row, column):
    try:
        return Literal(int(row.get(column)))
    except ValueError:
        state.problem(row, column, f"{row.get(column)!r} is not a whole number")
        return None


def _boolean(state, row, column):
    value = row.get(column).lower()
    if value in ("yes", "true", "y", "1"):
        return Literal(True)
    if value in ("no", "false", "n", "0"):
        return Literal(False)
    state.problem(row, column, f"{row.get(column)!r}: write yes or no")
    return None


