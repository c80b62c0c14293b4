"""What every export writer shares: flat attribute values, writing through a temporary file."""

import math
from datetime import date

from lxml import etree

from citygraph.errors import InputError
from citygraph.fileio import write_atomic

__all__ = ["LIST_SEPARATOR", "flat_value", "json_value", "write_atomic"]

LIST_SEPARATOR = "|"


# edge attributes written natively (GEXF source/target/weight) or used for direction only
_NATIVE_EDGE = {"weight", "layer"}


def flat_value(value):
    """A value as a file format can hold it: lists joined by ``|``, NaN and None as None.

    >>> flat_value(["doc:000", "doc:002"]), flat_value(float("nan")), flat_value(3)
    ('doc:000|doc:002', None, 3)
    """
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return LIST_SEPARATOR.join(str(v) for v in items)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, date):
        return value.isoformat()
    return value


def json_value(value):
    """What ``json.dumps`` writes for a value it does not know: sets as sorted lists, dates ISO.

    >>> json_value({"b", "a"}), json_value(date(2014, 9, 6))
    (['a', 'b'], '2014-09-06')
    """
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write a {type(value).__name__} value as JSON")


def _parse(source):
    try:
        if isinstance(source, bytes):
            return etree.fromstring(source)
        return etree.parse(str(source)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(f"{source if not isinstance(source, bytes) else 'document'}: "
                         f"not readable XML: {exc}") from None
