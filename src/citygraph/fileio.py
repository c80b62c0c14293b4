"""The one place citygraph writes files: atomic replace, the umask respected, nothing half-written.

Every file the project writes (Turtle, CSV, JSON, HTML, GEXF, GraphML, caches,
manifests) goes through :func:`write_atomic`: the text is written to a
temporary file in the destination's folder and renamed over the destination,
so a reader sees the old file or the new one, never a part of either. The
temporary file is removed on every error path, a killed process included
(the next write of the same file removes leftovers older than a minute).
An ``OSError`` becomes a :class:`citygraph.errors.WriteError`: one line naming
the path, exit code 2.
"""

import csv
import io
import os
import re
import tempfile
import time
from pathlib import Path

from citygraph.errors import UsageError, WriteError

__all__ = [
    "write_atomic",
    "make_dirs",
    "os_error_line",
    "atomic_path",
    "os_error",
    "current_umask",
    "csv_cell",
    "csv_uncell",
    "csv_text",
    "FORMULA_LEADS",
]

#: first characters that make a spreadsheet read a cell as a formula (OWASP's list)
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _reads_as_formula(text):
    # OWASP's leads, but a plain number (a number is never a formula)
    return text[:1] in FORMULA_LEADS and not _PLAIN_NUMBER.fullmatch(text)


def csv_cell(value):
    """A CSV or TSV cell that a spreadsheet shows as text, never runs as a formula.

    OWASP's rule: a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return gets a ``'`` in front. A plain number (``-3.5``, ``+7``,
    ``1e-3``) is left as it is, so numeric columns stay numbers: a number is
    never a formula. Texts that already start with quotes before such a
    character get one more quote, so :func:`csv_uncell` gives back exactly
    what was written. Values that are not strings are returned unchanged.

    >>> [csv_cell(v) for v in ["=cmd|' /C calc'!A0", "+1+1", "-2-3", "@SUM(A1)", chr(9) + "x"]]
    ["'=cmd|' /C calc'!A0", "'+1+1", "'-2-3", "'@SUM(A1)", "'\\tx"]
    >>> [csv_cell(v) for v in ["-3.5", "+7", "1e-3", -3.5, "Seoul", "'=x", "it's"]]
    ['-3.5', '+7', '1e-3', -3.5, 'Seoul', "''=x", "it's"]
    """
    if not isinstance(value, str):
        return value
    bare = value.lstrip("'")
    if _reads_as_formula(bare):
        return "'" + value
    return value


def csv_uncell(text):
    """The text a cell written by :func:`csv_cell` stood for (its inverse).

    >>> [csv_uncell(csv_cell(v)) for v in ["=1+2", "''-x", "-3.5", "'quoted'", ""]]
    ['=1+2', "''-x", '-3.5', "'quoted'", '']
    """
    if not isinstance(text, str) or not text.startswith("'"):
        return text
    bare = text.lstrip("'")
    if _reads_as_formula(bare):
        return text[1:]
    return text


def csv_text(header, rows, delimiter=","):
    """CSV text (``\\n`` line ends) of a header and rows, every cell through :func:`csv_cell`.

    ``None`` becomes an empty cell; rows may be lists or dicts keyed by the header.

    >>> print(csv_text(["name", "lat"], [["=HYPERLINK(1)", -33.9], {"name": "Ulsan"}]), end="")
    name,lat
    '=HYPERLINK(1),-33.9
    Ulsan,
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        if isinstance(row, dict):
            row = [row.get(name) for name in header]
        writer.writerow(["" if value is None else csv_cell(value) for value in row])
    return buffer.getvalue()


def current_umask():
    """The process's umask (read without changing it for longer than a call).

    >>> 0 <= current_umask() <= 0o777
    True
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def os_error(path, exc):
    """A :class:`WriteError` for an ``OSError`` met while writing ``path``: one line, exit 2.

    >>> str(os_error("/x/y.csv", PermissionError(13, "Permission denied")))
    '/x/y.csv: cannot write: Permission denied'
    """
    reason = exc.strerror or str(exc)
    return WriteError(f"{path}: cannot write: {reason}")


def os_error_line(exc):
    """One line for any ``OSError``: the path it names, then the reason.

    >>> os_error_line(NotADirectoryError(20, "Not a directory", "out/x.ttl"))
    'out/x.ttl: Not a directory'
    >>> os_error_line(OSError(28, "No space left on device"))
    'No space left on device'
    """
    reason = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
    if exc.filename is not None:
        return f"{exc.filename}: {reason}"
    return reason


def make_dirs(path):
    """Create a folder and its parents (the umask applies); an ``OSError`` is a :class:`WriteError`.

    >>> import tempfile, pathlib
    >>> blocker = pathlib.Path(tempfile.mkdtemp()) / "a-file"; _ = blocker.write_text("")
    >>> make_dirs(blocker / "report")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.WriteError: .../a-file/report: cannot create the folder: Not a directory
    """
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteError(f"{path}: cannot create the folder: Not a directory") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WriteError(f"{path}: cannot create the folder: {reason}") from None
    return path


def _remove_stale(folder, name):
    """Remove temporary files of ``name`` left by a killed process (older than a minute)."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    prefix = f".{name}."
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > 60:
                    os.unlink(entry.path)
            except OSError:
                pass


class atomic_path:  # noqa: N801  (used as a context manager, like open)
    """A temporary path beside ``dest`` that replaces ``dest`` when the block ends without error.

    For writers that want a path rather than a string (``tree.write(path)``,
    a library's ``save(path)``). On any exception the temporary file is
    removed and ``dest`` is left as it was.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("ok")
    >>> target.read_text()
    'ok'
    """

    def __init__(self, dest, mkdir=False):
        self.dest = Path(dest)
        self.mkdir = mkdir
        self.tmp = None

    def __enter__(self):
        path = self.dest
        try:
            if path.is_dir():
                raise UsageError(f"{path}: is a directory; give a file name")
            if self.mkdir:
                try:
                    make_dirs(path.parent)
                except WriteError as exc:
                    raise WriteError(f"{path}: cannot write: {exc}") from None
            elif path.parent.exists() and not path.parent.is_dir():
                raise WriteError(f"{path}: cannot write: {path.parent} is not a directory")
            elif not path.parent.is_dir():
                raise UsageError(f"{path}: the directory {path.parent} does not exist")
            _remove_stale(path.parent, path.name)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            os.chmod(tmp, 0o666 & ~current_umask())
        except OSError as exc:
            raise os_error(path, exc) from None
        self.tmp = Path(tmp)
        return self.tmp

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                os.replace(self.tmp, self.dest)
                return False
            except OSError as error:
                self.tmp.unlink(missing_ok=True)
                raise os_error(self.dest, error) from None
        self.tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError | BlockingIOError):
            raise os_error(self.dest, exc) from None
        return False


def write_atomic(data, dest, mkdir=False):
    """Write ``data`` (str or bytes) to a path atomically, or to an open file object.

    Text is written as UTF-8 with ``\\n`` line ends. ``mkdir=True`` creates the
    destination's folder; otherwise a missing folder is a one-line error.

    >>> buffer = io.StringIO(); write_atomic("x,y\\n", buffer); buffer.getvalue()
    'x,y\\n'
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a" / "x.ttl"
    >>> write_atomic("ok\\n", target, mkdir=True); target.read_text()
    'ok\\n'
    """
    if isinstance(dest, str | os.PathLike):
        raw = data.encode("utf-8") if isinstance(data, str) else data
        with atomic_path(dest, mkdir=mkdir) as tmp:
            with open(tmp, "wb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
        return
    if isinstance(dest, io.TextIOBase):
        dest.write(data.decode("utf-8") if isinstance(data, bytes) else data)
    else:
        dest.write(data.encode("utf-8") if isinstance(data, str) else data)
