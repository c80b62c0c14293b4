"""What every export writer shares: flat attribute values, their types, XML text, and writing
through a temporary file."""

import io
import itertools
import math
import operator
import os
import re
from collections import Counter
from datetime import date

from lxml import etree

from citygraph.errors import InputError
from citygraph.fileio import atomic_path, write_atomic

__all__ = ["LIST_SEPARATOR", "flat_value", "json_value", "write_atomic", "attribute_types",
           "xml_text", "text_of", "text_column", "write_chunks"]

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


def _kind_of(kinds, values):
    """The attribute type of a column of values whose Python types are ``kinds`` (None, NaN
    and other missing values leave the column out)."""
    kinds.discard(type(None))
    if not kinds:
        return None
    numbers = set()
    for kind in kinds:
        if issubclass(kind, bool):
            numbers.add("boolean")
        elif issubclass(kind, int):
            numbers.add("int")
        elif issubclass(kind, float):
            numbers.add("double")
        else:
            return "string"
    if numbers == {"boolean"}:
        return "boolean"
    if "boolean" in numbers:
        return "string"
    present = [v for v in values if v is not None] if None in values else values
    if numbers == {"double"}:
        return None if all(map(math.isnan, present)) else "double"
    if numbers == {"int"}:
        return "integer" if max(map(abs, present)) < 2**31 else "long"
    return "double"


def attribute_types(items):
    """The GEXF type (``boolean``, ``integer``, ``long``, ``double``, ``string``) of each key
    over a list of attribute dicts, keys in the order they first appear; a key whose values
    are all None (or NaN) is left out. Lists, sets and dates are strings, as
    :func:`flat_value` writes them; whole numbers beside fractions are doubles.

    >>> attribute_types([{"n": 1, "w": 1, "l": ["a"]}, {"n": 2, "w": 0.5, "x": None}])
    {'n': 'integer', 'w': 'double', 'l': 'string'}

    The values are looked at column by column, through C loops (``map``,
    ``set``) rather than one Python call per value.
    """
    items = items if isinstance(items, list) else list(items)
    counts = Counter(itertools.chain.from_iterable(items))
    types = {}
    for key, count in counts.items():
        if count == len(items):
            values = list(map(operator.itemgetter(key), items))
        else:
            values = [d[key] for d in items if key in d]
        kind = _kind_of(set(map(type, values)), values)
        if kind is not None:
            types[key] = kind
    return types


# attribute text as lxml writes it, and characters XML 1.0 cannot hold as U+FFFD
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                          "\n": "&#10;", "\r": "&#13;", "\t": "&#9;",
                          **{chr(c): "\ufffd" for c in range(32) if c not in (9, 10, 13)}})
# most text needs no escaping: a C search for the characters that do is faster than translate
_SPECIAL = re.compile('[&<>"\x00-\x1f]')


def xml_text(value):
    """A string as it goes in a double-quoted XML attribute or element text.

    >>> xml_text('Seoul & "Busan" <2016>\\tx')
    'Seoul &amp; &quot;Busan&quot; &lt;2016&gt;&#9;x'
    """
    return value.translate(_ESCAPES) if _SPECIAL.search(value) else value


def _string(value):
    if type(value) is list:
        try:
            value = LIST_SEPARATOR.join(value)
        except TypeError:
            value = LIST_SEPARATOR.join(map(str, value))
    elif not isinstance(value, str):
        value = str(flat_value(value))
    return value.translate(_ESCAPES) if _SPECIAL.search(value) else value


def _flat_text(value):
    """:func:`_string` without the escaping."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(map(str, value))
    return str(flat_value(value))


def text_column(values, kind):
    """The XML text of a column of values of one attribute type (None where a value is None):
    for each value, what ``text_of(kind)`` writes, made for the whole column at once.

    The common values (strings, lists of strings, numbers) take no Python call of
    their own, and the column is searched for characters to escape in one C call.

    >>> text_column([["doc:000", "doc:002"], None, "a & b", 3], "string")
    ['doc:000|doc:002', None, 'a &amp; b', '3']
    >>> text_column([0.5, None, float("nan"), 2], "double"), text_column([1, None], "integer")
    (['0.5', None, None, '2.0'], ['1', None])
    """
    if kind in ("integer", "long"):
        return [None if v is None else str(v) for v in values]
    if kind == "double":
        return [None if v is None or v != v else repr(float(v)) for v in values]
    if kind == "boolean":
        return [None if v is None else "true" if v else "false" for v in values]
    try:
        texts = [v if type(v) is str else None if v is None
                 else LIST_SEPARATOR.join(v) if type(v) is list else _flat_text(v)
                 for v in values]
    except TypeError:  # a list of something else than strings
        texts = [None if v is None else _flat_text(v) for v in values]
    if _SPECIAL.search(LIST_SEPARATOR.join(filter(None, texts))):
        texts = [t.translate(_ESCAPES) if t and _SPECIAL.search(t) else t for t in texts]
    return texts


def _double(value):
    return None if value != value else repr(float(value))


def _boolean(value):
    return "true" if value else "false"


def text_of(kind):
    """The function that writes a value of an attribute type as XML text (None: leave it out).

    >>> text_of("double")(0.5), text_of("double")(float("nan")), text_of("boolean")(False)
    ('0.5', None, 'false')
    >>> text_of("string")(["doc:000", "doc:002"]), text_of("integer")(3)
    ('doc:000|doc:002', '3')
    """
    return {"boolean": _boolean, "double": _double, "integer": str, "long": str}.get(
        kind, _string)


def write_chunks(chunks, dest):
    """Write text chunks, UTF-8, to a path (through a temporary file, renamed into place
    when complete), a binary file object or a text one, without holding the document."""
    if isinstance(dest, str | os.PathLike):
        with atomic_path(dest) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        return
    if isinstance(dest, io.TextIOBase):
        for chunk in chunks:
            dest.write(chunk)
        return
    for chunk in chunks:
        dest.write(chunk.encode("utf-8"))


def _parse(source):
    try:
        if isinstance(source, bytes):
            return etree.fromstring(source)
        return etree.parse(str(source)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(f"{source if not isinstance(source, bytes) else 'document'}: "
                         f"not readable XML: {exc}") from None
