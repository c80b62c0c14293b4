"""What every export writer shares: flat attribute values, writing through a temporary file."""

import io
import math
import os
import tempfile
from datetime import date
from pathlib import Path

from lxml import etree

from citygraph.errors import InputError, UsageError

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


def write_atomic(data, dest):
    """Write ``data`` (bytes or str) to a path through a temporary file, or to a file object.

    >>> buffer = io.StringIO(); write_atomic("x,y\\n", buffer); buffer.getvalue()
    'x,y\\n'
    """
    if isinstance(dest, str | os.PathLike):
        path = Path(dest)
        if path.is_dir():
            raise UsageError(f"{path}: is a directory; give a file name")
        if not path.parent.is_dir():
            raise UsageError(f"{path}: the directory {path.parent} does not exist")
        raw = data.encode("utf-8") if isinstance(data, str) else data
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return
    if isinstance(dest, io.TextIOBase):
        dest.write(data.decode("utf-8") if isinstance(data, bytes) else data)
    else:
        dest.write(data.encode("utf-8") if isinstance(data, str) else data)


def _parse(source):
    try:
        if isinstance(source, bytes):
            return etree.fromstring(source)
        return etree.parse(str(source)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(f"{source if not isinstance(source, bytes) else 'document'}: "
                         f"not readable XML: {exc}") from None
