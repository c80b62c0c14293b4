"""Query answers as a pandas DataFrame with typed columns (pandas is the optional extra
``citygraph[notebook]``, imported only here and only when a frame is asked for)."""

import datetime
from decimal import Decimal

from citygraph.errors import UsageError
from citygraph.graph.sparql_base import to_python

__all__ = ["PANDAS_HINT", "pandas", "to_frame"]

#: the one line a user sees when frame=True finds no pandas
PANDAS_HINT = 'frame=True needs pandas: pip install "citygraph[notebook]"'


def pandas():
    """The pandas module, or :class:`citygraph.errors.UsageError` with :data:`PANDAS_HINT`."""
    try:
        import pandas as pd
    except ImportError:
        raise UsageError(PANDAS_HINT) from None
    return pd


def _kind(values):
    """What a column holds: 'boolean', 'integer', 'number', 'date', 'datetime' or 'string'.

    >>> _kind([1, None, 3]), _kind([1, 2.5, Decimal("3")]), _kind([True, None])
    ('integer', 'number', 'boolean')
    >>> _kind([datetime.date(2016, 6, 8), None]), _kind(["2016", datetime.date(2016, 6, 8)])
    ('date', 'string')
    """
    kinds = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, bool):
            kinds.add("boolean")
        elif isinstance(value, int):
            kinds.add("integer")
        elif isinstance(value, float | Decimal):
            kinds.add("number")
        elif isinstance(value, datetime.datetime):
            kinds.add("datetime")
        elif isinstance(value, datetime.date):
            kinds.add("date")
        else:
            kinds.add("string")
    if len(kinds) == 1:
        return kinds.pop()
    if kinds == {"integer", "number"}:
        return "number"
    return "string"


def _text(value):
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def to_frame(columns, rows):
    """A DataFrame of query rows (dicts of rdflib terms or Python values), one typed column
    per query column, in the query's order.

    Dates (``xsd:date``) become ``datetime64`` columns and date-times too; whole
    numbers ``Int64`` (missing values stay ``<NA>``), other numbers ``float64``,
    booleans ``boolean``; IRIs, labels and anything mixed (a ``2016`` year beside
    a full date) ``string``, with ``<NA>`` where a column is unbound.

    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import XSD
    >>> frame = to_frame(["city", "signed", "members"], [
    ...     {"city": URIRef("https://w3id.org/citygraph/id/place/seoul"),
    ...      "signed": Literal("2016-06-08", datatype=XSD.date), "members": Literal(12)},
    ...     {"city": Literal("Colombo"), "signed": None, "members": None}])
    >>> [str(t) for t in frame.dtypes]
    ['string', 'datetime64[ns]', 'Int64']
    >>> frame["signed"][0].date(), frame["members"][0], frame["city"][1]
    (datetime.date(2016, 6, 8), np.int64(12), 'Colombo')
    """
    pd = pandas()
    data = {}
    for column in columns:
        values = [to_python(row.get(column)) for row in rows]
        kind = _kind(values)
        if kind == "boolean":
            data[column] = pd.array(values, dtype="boolean")
        elif kind == "integer":
            data[column] = pd.array(values, dtype="Int64")
        elif kind == "number":
            data[column] = pd.array([None if v is None else float(v) for v in values],
                                    dtype="float64")
        elif kind == "date":
            data[column] = pd.to_datetime(pd.Series(values, dtype="object")).astype(
                "datetime64[ns]")
        elif kind == "datetime":
            try:
                data[column] = pd.to_datetime(pd.Series(values, dtype="object"))
            except (TypeError, ValueError):  # time zones mixed with naive times
                data[column] = pd.array([_text(v) for v in values], dtype="string")
        else:
            data[column] = pd.array([_text(v) for v in values], dtype="string")
    return pd.DataFrame(data, columns=list(columns))
