"""Read Turtle files into rdflib graphs, with errors that name the file, line and column."""

import contextlib
import errno
import os
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from citygraph.errors import InputError, ParseError
from citygraph.namespaces import PREFIXES

__all__ = ["read_triples", "parse_turtle", "parse_quads", "file_error", "to_rdflib",
           "turtle_source", "check_readable"]

_BOM = b"\xef\xbb\xbf"

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)
# "Parser error at line 4 column 11: reason" or "... between columns 23 and 27: reason",
# sometimes followed by " (file.ttl, line 4)"
_OX_MESSAGE = re.compile(r"^Parser error (?:at|between) line \d+ .*?: ")
_OX_TRAILER = re.compile(r" \([^()]*, line \d+\)$")


def to_rdflib(term):
    """Turn a pyoxigraph term into the equal rdflib term.

    Plain literals become rdflib literals without a datatype, as rdflib's own
    Turtle parser makes them.

    >>> to_rdflib(ox.NamedNode("https://w3id.org/citygraph/id/place/tomsk"))
    rdflib.term.URIRef('https://w3id.org/citygraph/id/place/tomsk')
    >>> to_rdflib(ox.Literal("107", datatype=ox.NamedNode(str(XSD.integer)))).toPython()
    107
    >>> to_rdflib(ox.Literal("Tomsk", language="en"))
    rdflib.term.Literal('Tomsk', lang='en')
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")


def _reason(exc):
    text = str(exc.msg if getattr(exc, "msg", None) else exc)
    text = _OX_MESSAGE.sub("", text)
    return _OX_TRAILER.sub("", text).strip()


def check_readable(path):
    """Raise a one-line InputError unless ``path`` is a regular file (symlinks followed).

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp(); loop = os.path.join(folder, "loop.ttl")
    >>> os.symlink(loop, loop)
    >>> check_readable(loop)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: .../loop.ttl: cannot be read: a symbolic link loop
    >>> check_readable(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: ...: not a file (a directory)
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{path}: cannot be read: a symbolic link loop") from None
        if exc.errno == errno.ENOENT:
            raise InputError(f"{path}: no such file") from None
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if os.path.stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: not a file (a directory)")
    if not os.path.stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a file")


@contextlib.contextmanager
def turtle_source(path):
    """The arguments that make pyoxigraph read a Turtle file, a UTF-8 BOM skipped.

    Oxigraph rejects a file that starts with a byte order mark (which some
    editors on Windows write); such a file is handed over as an open file
    positioned after the mark, every other file by its path (the fastest way).
    Use as ``with turtle_source(p) as source: store.load(**source, format=...)``.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".ttl", delete=False) as f:
    ...     _ = f.write(b"\\xef\\xbb\\xbf<http://e/a> <http://e/b> <http://e/c> .\\n")
    >>> with turtle_source(f.name) as source:
    ...     len(list(ox.parse(**source, format=ox.RdfFormat.TURTLE)))
    1
    """
    path = Path(path)
    with open(path, "rb") as handle:
        if handle.read(len(_BOM)) != _BOM:
            yield {"path": str(path)}
            return
        yield {"input": handle}


def file_error(exc, shown):
    """The one-line error for a Turtle file that does not parse (a pyoxigraph SyntaxError,
    with its line and column) or cannot be read (OSError); ``shown`` names the file."""
    if isinstance(exc, SyntaxError):
        return ParseError(shown, _reason(exc), line=exc.lineno, column=exc.offset)
    return InputError(f"{shown}: cannot be read ({exc.strerror or exc})")


def parse_quads(path, shown=None):
    """Yield the quads of one Turtle file as pyoxigraph terms, a UTF-8 BOM skipped.

    A syntax error or an unreadable file raises :func:`file_error`'s one-line
    error, naming the file as ``shown`` (default: the path).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".ttl", delete=False) as f:
    ...     _ = f.write(b"<http://e/a> <http://e/b> .\\n")
    >>> list(parse_quads(f.name, "x.ttl"))
    Traceback (most recent call last):
    ...
    citygraph.errors.ParseError: x.ttl:1:27: . is not a valid RDF object
    """
    try:
        with turtle_source(path) as source:
            yield from ox.parse(**source, format=ox.RdfFormat.TURTLE)
    except (SyntaxError, OSError) as exc:
        raise file_error(exc, shown or path) from None


def read_triples(path):
    """Yield the triples of one Turtle file as rdflib terms.

    Raises :class:`~citygraph.errors.InputError` when the file is missing or
    unreadable and :class:`~citygraph.errors.ParseError` (with line and column,
    both counted from 1) when it is not valid Turtle. The file is parsed in
    full before the first triple is yielded, so a caller never sees half a file.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".ttl", delete=False) as f:
    ...     _ = f.write('@prefix place: <https://w3id.org/citygraph/id/place/> .\\n'
    ...                 'place:tomsk place:near place:seoul ;\\n  place:x .\\n')
    >>> list(read_triples(f.name))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.ParseError: ...ttl:3:11: . is not a valid RDF object
    >>> os.remove(f.name)
    """
    path = Path(path)
    check_readable(path)
    for quad in list(parse_quads(path)):
        yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)


def parse_turtle(paths, graph=None):
    """Parse one or more Turtle files into an rdflib :class:`~rdflib.Graph`.

    ``paths`` is a path or a list of paths; the triples of all of them go into
    ``graph`` (a new graph with the project's prefixes bound, if not given),
    which is returned. Errors are those of :func:`read_triples`; when one file
    fails, no triple of it is added.

    >>> ONTOLOGY = Path(__file__).parents[2] / "ontology"
    >>> g = parse_turtle([ONTOLOGY / "citygraph.ttl", ONTOLOGY / "schemes.ttl"])
    >>> from citygraph.namespaces import CG, RDFS
    >>> str(g.value(CG.City, RDFS.label))
    'city'
    >>> parse_turtle("no/such.ttl")
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: no/such.ttl: no such file
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if graph is None:
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace, override=True)
    for path in paths:
        triples = list(read_triples(path))
        for triple in triples:
            graph.add(triple)
    return graph
