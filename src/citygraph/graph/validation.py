"""Validate Turtle data against the citygraph ontology and SHACL shapes, and report by shape.

The data is loaded with pyoxigraph (one named graph per file) and checked by
an engine chosen by measurement (see ``bench/bench_validate.py`` and
``docs/validation.md``): ``turbo`` (pyshacl-turbo, a Rust engine with
pySHACL's semantics) by default, ``pyshacl`` (pySHACL on rdflib) as the
reference the test suite compares it with. Both give the same findings.
:func:`validate_store` checks a store that is already loaded (what ``build``
has), :func:`validate` loads files first. Checks that SHACL Core cannot
express (a literal whose text is not of its datatype) run beside the engine,
from :data:`CHECKS`.
"""

import codecs
import io
import json
import logging
import os
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import SH

from citygraph import progress
from citygraph.errors import InputError, ParseError, UsageError
from citygraph.graph.project import find as find_project
from citygraph.namespaces import PREFIXES
from citygraph.rdfio import parse_turtle, to_rdflib, turtle_source

__all__ = [
    "PROJECT_ROOT",
    "SHAPES_DIR",
    "ONTOLOGY_DIR",
    "DATA_DIR",
    "SHAPES_NS",
    "ENGINES",
    "DEFAULT_ENGINE",
    "GRAPH_BASE",
    "INFERRED_GRAPH",
    "CHECKS",
    "Result",
    "Report",
    "data_files",
    "load_shapes",
    "load_store",
    "validate",
    "validate_store",
    "affected_nodes",
    "shape_depth",
    "ill_typed_literals",
    "shorten",
    "render_text",
    "render_json",
]

#: the project of the current folder (citygraph.toml), with the shipped shapes and ontology
_PROJECT = find_project()
PROJECT_ROOT = _PROJECT.root
SHAPES_DIR = _PROJECT.shapes_dir
ONTOLOGY_DIR = _PROJECT.ontology_dir
DATA_DIR = _PROJECT.data_dir
#: the namespace of the shapes in ``shapes/*.ttl``
SHAPES_NS = "https://w3id.org/citygraph/shapes#"
#: the validation engines: the default first, then the reference
ENGINES = ("turbo", "pyshacl")
#: the engine used unless told otherwise (``CITYGRAPH_SHACL_ENGINE`` overrides it)
DEFAULT_ENGINE = "turbo"
#: named graphs of a store (as ``build`` names them: GRAPH_BASE + "data/places.ttl")
GRAPH_BASE = "https://w3id.org/citygraph/graph/"
#: the graph of inferred triples, which validation leaves out (the shapes check what was said)
INFERRED_GRAPH = GRAPH_BASE + "inferred"

_SH = str(SH)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDF_NIL = _RDF + "nil"
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
# longest namespace first, so that place: wins over cgr:
_NAMESPACES = sorted(
    {**PREFIXES, "cgsh": SHAPES_NS, "sh": str(SH)}.items(), key=lambda kv: -len(kv[1])
)


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, with the data file (and line, where known) it came from."""

    severity: str
    focus: object
    path: object
    value: object
    message: str
    shape: object
    component: object
    file: str | None
    line: int | None = None

    def as_dict(self):
        """The result as plain strings, prefixed names where a prefix is known."""
        return {
            "severity": self.severity,
            "focus": shorten(self.focus),
            "path": shorten(self.path) if self.path is not None else None,
            "value": shorten(self.value) if self.value is not None else None,
            "message": self.message,
            "shape": shorten(self.shape),
            "component": shorten(self.component),
            "file": self.file,
            "line": self.line,
        }

    def key(self):
        """What two engines must agree on: (severity, focus, path, shape, value, component)."""
        return (
            self.severity,
            shorten(self.focus),
            shorten(self.path) if self.path is not None else None,
            shorten(self.shape),
            shorten(self.value) if self.value is not None else None,
            shorten(self.component),
        )

    @property
    def where(self):
        """``file:line`` or ``file``, as the report shows it."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or "unknown file"


@dataclass(frozen=True)
class Report:
    """What :func:`validate` found: ``conforms`` is true when no result is a Violation."""

    files: tuple
    results: tuple = field(default_factory=tuple)

    @property
    def violations(self):
        """The results of severity Violation."""
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self):
        """The results of severity Warning."""
        return [r for r in self.results if r.severity == "Warning"]

    @property
    def conforms(self):
        """True when no result is a Violation (warnings are allowed)."""
        return not self.violations


_SHORT = {}


def shorten(term):
    """A term as a reader writes it: a prefixed name where a prefix is known.

    >>> from citygraph.namespaces import CGR, CG, XSD
    >>> shorten(CGR["place/tomsk"])
    'place:tomsk'
    >>> shorten(CG.holder)
    'cg:holder'
    >>> shorten(Literal("7", datatype=XSD.integer))
    '"7"^^xsd:integer'
    >>> shorten(URIRef("http://example.org/x"))
    '<http://example.org/x>'
    """
    if isinstance(term, Literal):
        text = json.dumps(str(term), ensure_ascii=False)
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{shorten(term.datatype)}"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    if not isinstance(term, URIRef):
        return str(term)
    text = str(term)
    short = _SHORT.get(text)
    if short is None:
        short = f"<{text}>"
        for prefix, namespace in _NAMESPACES:
            local = text[len(namespace):]
            if text.startswith(namespace) and local and all(
                c.isalnum() or c in "-_." for c in local
            ):
                short = f"{prefix}:{local}"
                break
        if len(_SHORT) > 1_000_000:
            _SHORT.clear()
        _SHORT[text] = short
    return short


def data_files(root=DATA_DIR):
    """Every ``*.ttl`` file under ``root`` (its own and its subfolders'), sorted.

    >>> [p.name for p in data_files(PROJECT_ROOT / "shapes")][:2]
    ['agreements.ttl', 'concepts.ttl']
    """
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"{root}: no such folder")
    return sorted(p for p in root.rglob("*.ttl") if p.is_file())


def load_shapes(shapes_dir=SHAPES_DIR):
    """The shapes graph: every ``*.ttl`` of ``shapes_dir`` parsed into one graph.

    >>> from citygraph.namespaces import CG
    >>> shapes = load_shapes()
    >>> shapes.value(None, SH.targetClass, CG.PostHolding) is not None
    True
    """
    files = sorted(Path(shapes_dir).glob("*.ttl"))
    if Path(shapes_dir) == SHAPES_DIR:  # and the folders of shapes the project's config adds
        extra = find_project().shapes_dirs[1:]
        files += [f for d in extra for f in sorted(Path(d).glob("*.ttl"))]
    if not files:
        raise InputError(f"{shapes_dir}: no shapes (*.ttl) found")
    return parse_turtle(files)


# "Parser error at line 4 column 11: reason" or "... between columns 23 and 27: reason"
_OX_POSITION = re.compile(r"^Parser error (?:at|between) line \d+ .*?: ")
_OX_TRAILER = re.compile(r" \([^()]*, line \d+\)$")


def load_store(paths, store=None):
    """Load each Turtle file into its own named graph of a (new, in-memory) pyoxigraph store.

    Returns ``(store, files)`` where ``files`` maps each graph's IRI to the
    file as given. A missing file is an :class:`~citygraph.errors.InputError`,
    a syntax error a :class:`~citygraph.errors.ParseError` with line and column.

    >>> store, files = load_store([ONTOLOGY_DIR / "schemes.ttl"])
    >>> [Path(f).name for f in files.values()], len(store) > 100
    (['schemes.ttl'], True)
    """
    store = ox.Store() if store is None else store
    files = {}
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if not path.is_file():
            raise InputError(f"{path}: not a file")
        name = ox.NamedNode(path.resolve().as_uri())
        try:
            with turtle_source(path) as source:  # a UTF-8 BOM is skipped
                store.load(**source, format=ox.RdfFormat.TURTLE, to_graph=name)
        except SyntaxError as exc:
            reason = _OX_TRAILER.sub("", _OX_POSITION.sub("", str(exc.msg or exc))).strip()
            raise ParseError(path, reason, line=exc.lineno, column=exc.offset) from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        store.add_graph(name)
        files[name.value] = str(path)
    return store, files


def _graph_names(store, graphs):
    if graphs is None:
        return sorted(g.value for g in store.named_graphs() if g.value != INFERRED_GRAPH)
    return [g.value if isinstance(g, ox.NamedNode) else str(g) for g in graphs]


def _values(names):
    return " ".join(f"<{name}>" for name in names)


def _escape_utf8(error):
    """Decoding error handler: a UTF-8 sequence becomes N-Triples' \\uXXXX or \\UXXXXXXXX."""
    data, start = error.object, error.start
    lead = data[start]
    size = 4 if lead >= 0xF0 else 3 if lead >= 0xE0 else 2 if lead >= 0xC0 else 1
    char = bytes(data[start:start + size]).decode("utf-8")
    code = ord(char)
    return (f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}"), start + size


codecs.register_error("citygraph-ntriples", _escape_utf8)


def _union_ntriples(store, names):
    """The triples of the named graphs ``names`` as one N-Triples text (the engines' input).

    Each graph is dumped into one buffer, which is decoded once as ASCII with
    every other character written as an N-Triples escape: a text with one
    non-ASCII character would otherwise take two or four bytes a character.
    A triple in two graphs comes twice; the engines read a set.
    """
    buffer = io.BytesIO()
    for name in names:
        store.dump(buffer, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
    view = buffer.getbuffer()
    try:
        return str(view, "ascii", "citygraph-ntriples")
    finally:
        view.release()
        buffer.close()


def _subjects(store, names):
    """The IRIs that are the subject of a triple in one of the named graphs ``names``."""
    found = set()
    for name in names:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            if isinstance(quad.subject, ox.NamedNode):
                found.add(quad.subject.value)
    return found


def shape_depth(shapes):
    """How many links from a focus node a shape may read, at most, over every shape.

    A property path of length one reads the focus node's triples (one link);
    ``sh:class`` and ``sh:node`` on a value also read that value's triples.
    Incremental validation (:func:`affected_nodes`) looks this far back from
    what changed. Shapes with paths it cannot bound (sequence, inverse,
    transitive) or SPARQL constraints give None: then only a full run is sound.

    >>> shape_depth(load_shapes())
    2
    """
    from rdflib.collection import Collection
    from rdflib.namespace import RDF

    if any(True for _ in shapes.subject_objects(SH.sparql)):
        return None
    memo = {}

    def path_ok(path):
        if isinstance(path, URIRef):
            return True
        alternatives = shapes.value(path, SH.alternativePath)
        if alternatives is not None:
            return all(isinstance(p, URIRef) for p in Collection(shapes, alternatives))
        return False

    def depth(shape, seen=()):
        # links read by ``shape`` from its focus node, its own triples counted as one
        if shape in memo:
            return memo[shape]
        if shape in seen:
            return None
        seen = (*seen, shape)
        best = 1
        path = shapes.value(shape, SH.path)
        hop = 0
        if path is not None:
            if not path_ok(path):
                return None
            hop = 1
        inner = []
        for predicate in (SH.node, SH["not"], SH.qualifiedValueShape, SH.property):
            for other in shapes.objects(shape, predicate):
                inner.append(other)
        for predicate in (SH["or"], SH["and"], SH.xone):
            for head in shapes.objects(shape, predicate):
                inner.extend(Collection(shapes, head))
        if any(True for _ in shapes.objects(shape, SH["class"])):
            best = max(best, hop + 1)
        for other in inner:
            d = depth(other, seen)
            if d is None:
                return None
            best = max(best, hop + d)
        for predicate in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
            if any(True for _ in shapes.objects(shape, predicate)):
                best = max(best, 1)
        memo[shape] = max(best, hop)
        return memo[shape]

    roots = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    depths = [depth(shape) for shape in roots]
    if any(d is None for d in depths):
        return None
    return max(depths, default=1)


def affected_nodes(store, graphs, changed, depth):
    """The nodes whose results can change when the triples about ``changed`` change.

    ``changed`` is a set of IRIs (the subjects of a changed file, before and
    after); a shape reading ``depth`` links from its focus node (see
    :func:`shape_depth`) reaches a changed node only from a node at most
    ``depth - 1`` links before it. Those nodes, and the changed ones, are the
    only focus nodes to validate again; every other result stays as it was.
    """
    names = _graph_names(store, graphs)
    values = _values(names)
    frontier = set(changed)
    found = set(changed)
    for _ in range(max(depth - 1, 0)):
        if not frontier:
            break
        query = (
            f"SELECT DISTINCT ?s WHERE {{ VALUES ?o {{ {_values(frontier)} }} "
            f"VALUES ?g {{ {values} }} "
            f"GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}"
        )
        frontier = {row["s"].value for row in store.query(query)} - found
        found |= frontier
    return found


@contextmanager
def _quiet_rdflib():
    """rdflib logs a traceback for every literal whose text is not of its datatype: not ours."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _engine(engine):
    engine = engine or os.environ.get("CITYGRAPH_SHACL_ENGINE") or DEFAULT_ENGINE
    if engine not in ENGINES:
        raise UsageError(f"unknown validation engine {engine!r}; known: {', '.join(ENGINES)}")
    if engine == "turbo":
        try:
            import pyshacl_turbo  # noqa: F401
        except ImportError:
            return "pyshacl"
    return engine


def _run_turbo(data, shapes, focus):
    """Run pyshacl-turbo on the N-Quads ``data`` (their union); the report as N-Triples text."""
    import pyshacl_turbo

    program = pyshacl_turbo.compile_shapes(shapes)
    native = getattr(program, "_native", None)
    if native is not None:
        try:
            out = native.validate(
                data, "oxigraph-nquads", None, False, 100, 15, False, False, True, False,
                sorted(focus or ()), [], [],
            )
        except TypeError:
            out = None
        if out is not None and isinstance(out[1], str):
            return out[1]
    # the public API: slower (its report is decoded into rdflib and serialized again)
    store = ox.Store()
    store.load(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    _, graph, _ = pyshacl_turbo.validate(
        store, shacl_graph=shapes, inference="none", allow_warnings=True,
        focus_nodes=sorted(focus) if focus else None,
    )
    return graph.serialize(format="nt")


def _run_pyshacl(data, shapes, focus):
    """Run pySHACL on an rdflib graph of the N-Quads ``data``; the report as N-Triples text."""
    import pyshacl
    from rdflib import Graph

    graph = Graph()
    with _quiet_rdflib():
        for triple in ox.parse(data.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate),
                       to_rdflib(triple.object)))
        _, results, _ = pyshacl.validate(
            graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True,
            inplace=True, focus_nodes=[URIRef(f) for f in sorted(focus)] if focus else None,
        )
    return results.serialize(format="nt")


def _path_text(report, path):
    """A SHACL path as text: an IRI, or a sequence / alternative / inverse of them."""
    if not isinstance(path, ox.BlankNode):
        return to_rdflib(path)

    def one(node, predicate, namespace=_SH):
        for quad in report.quads_for_pattern(node, ox.NamedNode(namespace + predicate), None, None):
            return quad.object
        return None

    def items(head):
        out = []
        while head is not None and head != ox.NamedNode(_RDF_NIL):
            first = one(head, "first", _RDF)
            if first is None:
                break
            out.append(first)
            head = one(head, "rest", _RDF)
        return out

    alternatives = one(path, "alternativePath")
    if alternatives is not None:
        return "|".join(shorten(_path_text(report, p)) for p in items(alternatives))
    inverse = one(path, "inversePath")
    if inverse is not None:
        return "^" + shorten(_path_text(report, inverse))
    if one(path, "first", _RDF) is not None:
        return "/".join(shorten(_path_text(report, p)) for p in items(path))
    return to_rdflib(path)


def _path_text_rdflib(graph, path):
    """:func:`_path_text` for a report in an rdflib graph (what pySHACL itself returns)."""
    from rdflib.collection import Collection
    from rdflib.namespace import RDF

    if not isinstance(path, BNode):
        return path
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(
            shorten(_path_text_rdflib(graph, p)) for p in Collection(graph, alternatives)
        )
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + shorten(_path_text_rdflib(graph, inverse))
    if graph.value(path, RDF.first) is not None:
        return "/".join(shorten(_path_text_rdflib(graph, p)) for p in Collection(graph, path))
    return path


_RESULTS = f"""
PREFIX sh: <{_SH}>
SELECT ?r ?severity ?focus ?path ?value ?shape ?component WHERE {{
    ?report a sh:ValidationReport ; sh:result ?r .
    ?r sh:resultSeverity ?severity ; sh:focusNode ?focus ; sh:sourceShape ?shape ;
       sh:sourceConstraintComponent ?component .
    OPTIONAL {{ ?r sh:resultPath ?path }}
    OPTIONAL {{ ?r sh:value ?value }}
}}"""


def _read_report(text):
    """The results of a SHACL report in N-Triples, as dicts of rdflib terms (without files)."""
    report = ox.Store()
    report.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    messages = defaultdict(list)
    for quad in report.quads_for_pattern(None, ox.NamedNode(_SH + "resultMessage"), None, None):
        messages[quad.subject].append(quad.object)
    cache = {}

    def term(t):
        if t is None:
            return None
        if t not in cache:
            cache[t] = to_rdflib(t)
        return cache[t]

    rows = []
    with _quiet_rdflib():
        # only the report's own results: nested ones (sh:detail of sh:node, sh:or) are their causes
        for row in report.query(_RESULTS):
            msgs = messages.get(row["r"], [])
            message = ""
            for msg in msgs:
                if isinstance(msg, ox.Literal) and msg.language in (None, "en"):
                    message = msg.value
                    break
            else:
                message = msgs[0].value if msgs else ""
            path = row["path"]
            rows.append(
                {
                    "severity": row["severity"].value.rsplit("#", 1)[-1],
                    "focus": term(row["focus"]),
                    "path": _path_text(report, path) if path is not None else None,
                    "value": term(row["value"]),
                    "message": message,
                    "shape": term(row["shape"]),
                    "component": term(row["component"]),
                }
            )
    return rows


#: datatypes whose text :func:`ill_typed_literals` checks: those SPARQL casts a string to
_CAST_TYPES = [
    "date", "dateTime", "time", "gYear", "gYearMonth", "gMonthDay", "gDay", "gMonth",
    "duration", "dayTimeDuration", "yearMonthDuration", "integer", "decimal", "double",
    "float", "boolean",
]
#: integer types checked as an integer within bounds
_INTEGER_BOUNDS = {
    "nonNegativeInteger": ">= 0", "positiveInteger": "> 0", "negativeInteger": "< 0",
    "nonPositiveInteger": "<= 0",
}


def ill_typed_literals(store, names):
    """Literals whose text is not of their datatype (``"2014-13-45"^^xsd:date``): a violation each.

    SHACL Core only catches them under ``sh:datatype``, and engines differ on
    them elsewhere; this check finds every one, in any property. Yields
    ``(graph, subject, predicate, literal)`` as pyoxigraph terms.
    """
    if not names:
        return
    ifs = "?o"
    for name in reversed(_CAST_TYPES):
        ifs = f"IF(?dt = xsd:{name}, xsd:{name}(STR(?o)), {ifs})"
    for name, bound in _INTEGER_BOUNDS.items():
        # ?none is never bound: IF's other branch is an error, as a failed cast is
        ifs = f"IF(?dt = xsd:{name}, IF(xsd:integer(STR(?o)) {bound}, ?o, ?none), {ifs})"
    types = ", ".join(f"xsd:{name}" for name in [*_CAST_TYPES, *_INTEGER_BOUNDS])
    query = f"""PREFIX xsd: <{_XSD}>
    SELECT ?g ?s ?p ?o WHERE {{
        VALUES ?g {{ {_values(names)} }}
        GRAPH ?g {{ ?s ?p ?o }}
        FILTER(isLiteral(?o))
        BIND(DATATYPE(?o) AS ?dt)
        FILTER(?dt IN ({types}))
        BIND({ifs} AS ?v)
        FILTER(!BOUND(?v))
    }}"""
    for row in store.query(query):
        yield row["g"], row["s"], row["p"], row["o"]


_ILL_TYPED_SHAPE = URIRef(SHAPES_NS + "WellTypedLiteral")


def _check_ill_typed(store, names, files, rows=None):
    """A violation for each ill-typed literal (``rows``: those of the graphs, if already found)."""
    with _quiet_rdflib():
        for graph, s, p, o in ill_typed_literals(store, names) if rows is None else rows:
            literal = to_rdflib(o)
            yield Result(
                severity="Violation",
                focus=to_rdflib(s),
                path=to_rdflib(p),
                value=literal,
                message=(
                    f"{json.dumps(o.value, ensure_ascii=False)} is not a valid "
                    f"{shorten(literal.datatype)}: check the date or number against the source."
                ),
                shape=_ILL_TYPED_SHAPE,
                component=SH.DatatypeConstraintComponent,
                file=files.get(graph.value, _shown_graph(graph.value)),
            )


#: Checks that run beside the SHACL engine on every validation. Each is a
#: function ``(store, graph_names, files)`` yielding :class:`Result`; ``files``
#: maps a graph's IRI to its file. A module with a further check (such as the
#: evidence quotes against their sources) appends its function here.
CHECKS = [_check_ill_typed]


def _shown_graph(name):
    if name.startswith(GRAPH_BASE):
        return name[len(GRAPH_BASE):]
    if name.startswith("file://"):
        from urllib.parse import unquote, urlparse

        return unquote(urlparse(name).path)
    return name


def _literal_line(path, subject, literal, cache):
    """The line of ``path`` that writes ``literal`` for ``subject``, or None.

    Of the lines that write the literal's text in quotes, the first whose
    statement (the unindented line it continues) names the subject; else the
    first of them.
    """
    lines = _lines(path, cache)
    needles = [json.dumps(str(literal), ensure_ascii=False), f"'{literal}'"]
    name = re.split(r"[/#:]", str(subject))[-1]
    first = None
    for number, text in enumerate(lines, 1):
        if not any(needle in text for needle in needles):
            continue
        first = first or number
        start = number - 1
        while start > 0 and (not lines[start].strip() or lines[start][:1].isspace()
                             or lines[start].lstrip().startswith("#")):
            start -= 1
        statement = lines[start].split('"', 1)[0]
        if name and (f":{name}" in statement or f"/{name}>" in statement
                     or f"#{name}>" in statement):
            return number
    return first


def _statements(path, cache):
    """Where each subject's statements start in a Turtle file: {written subject: [line, ...]}.

    A statement starts on an unindented line; its subject is the first token
    (a prefixed name or an IRI in angle brackets), as citygraph and people write Turtle.
    """
    key = ("statements", path)
    if key not in cache:
        index = {}
        for number, text in enumerate(_lines(path, cache), 1):
            if text[:1].isspace() or not text or text.startswith(("#", "@", "PREFIX", "prefix")):
                continue
            token = text.split(None, 1)[0]
            index.setdefault(token, []).append(number)
        cache[key] = index
    return cache[key]


def _lines(path, cache):
    if path not in cache:
        try:
            cache[path] = Path(path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[path] = []
    return cache[path]


def _node_line(path, focus, value, cache):
    """The line of ``path`` that writes ``value`` in a statement about ``focus``, else the
    line where the statement about ``focus`` starts; None when the file does not write it.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "x.ttl"
    >>> _ = f.write_text("fact:a a cg:Tie ;\\n    cg:party place:x ,\\n        place:xy .\\n")
    >>> from citygraph.namespaces import CGR
    >>> _node_line(str(f), CGR["fact/a"], CGR["place/xy"], {})
    3
    >>> _node_line(str(f), CGR["fact/a"], None, {})
    1
    """
    index = _statements(path, cache)
    starts = index.get(shorten(focus)) or index.get(f"<{focus}>")
    if not starts:
        return None
    if isinstance(value, URIRef):
        lines = _lines(path, cache)
        needle = re.compile(r"(?<![\w:<-])(?:" + re.escape(shorten(value)) + "|"
                            + re.escape(f"<{value}>") + r")(?=[\s;,.)\]]|$)")
        for start in starts:
            number = start
            while True:
                if needle.search(lines[number - 1].split("#", 1)[0] if number > start
                                 else lines[number - 1][len(shorten(focus)):]):
                    return number
                if number >= len(lines) or not lines[number][:1].isspace():
                    break
                number += 1
    return starts[0]


def _sort_key(r):
    return (
        shorten(r.shape),
        _SEVERITY_ORDER.get(r.severity, 9),
        r.file or "",
        shorten(r.focus),
        shorten(r.value) if r.value is not None else "",
    )


def validate_store(
    store,
    graphs=None,
    files=None,
    shapes_dir=SHAPES_DIR,
    focus_graphs=None,
    focus=None,
    engine=None,
    checks=None,
    shapes=None,
):
    """Validate the named graphs of an already loaded pyoxigraph store; return a :class:`Report`.

    ``graphs`` are the graph IRIs to check together (default: every named
    graph but the inferred one); ``files`` maps a graph IRI to the file shown
    for it (default: the IRI less :data:`GRAPH_BASE`, as ``build`` names its
    graphs). A result names the first of ``graphs`` whose file describes its
    focus node. With ``focus_graphs`` only the focus nodes described (as
    subjects) in those graphs are checked, the other graphs serving as
    context; with ``focus`` (IRIs), only those nodes. Literals whose text is
    not of their datatype are violations with file and line, whatever the
    engine (see :data:`CHECKS`).

    >>> store, files = load_store([PROJECT_ROOT / "tests" / "data" / "shapes" / "context.ttl",
    ...                            *sorted(ONTOLOGY_DIR.glob("*.ttl"))])
    >>> report = validate_store(store, files=files)
    >>> report.conforms, len(report.results)
    (True, 0)
    """
    with _quiet_rdflib():
        return _validate_store(store, graphs, files, shapes_dir, focus_graphs, focus, engine,
                               checks, shapes)


def _validate_store(store, graphs, files, shapes_dir, focus_graphs, focus, engine, checks,
                    shapes):
    engine = _engine(engine)
    names = _graph_names(store, graphs)
    files = {**{n: _shown_graph(n) for n in names}, **(files or {})}
    shapes = load_shapes(shapes_dir) if shapes is None else shapes
    if focus_graphs is not None:
        focus_names = [g.value if isinstance(g, ox.NamedNode) else str(g) for g in focus_graphs]
        chosen = _subjects(store, focus_names)
        focus = chosen if focus is None else set(focus) & chosen
    else:
        focus_names = None
    if focus is not None and not focus:
        rows = []
    else:
        with progress.step(f"validating ({engine})") as bar:
            data = _union_ntriples(store, names)
            text = (_run_turbo if engine == "turbo" else _run_pyshacl)(data, shapes, focus)
            del data
            rows = _read_report(text)
            bar.update(1)
    order = {name: i for i, name in enumerate(names)}
    where_cache = {}

    def file_of(node):
        if node not in where_cache:
            best = None
            if isinstance(node, URIRef):
                for quad in store.quads_for_pattern(ox.NamedNode(str(node)), None, None, None):
                    g = quad.graph_name
                    if isinstance(g, ox.NamedNode) and g.value in order:
                        if best is None or order[g.value] < order[best]:
                            best = g.value
            where_cache[node] = files.get(best) if best else None
        return where_cache[node]

    exact = {}

    def as_written(focus, value):
        # an engine may give a literal in its canonical form ("95" for 95.0): take the data's
        if not isinstance(value, Literal) or not isinstance(focus, URIRef):
            return value
        key = (focus, value)
        if key not in exact:
            exact[key] = value
            lexical = ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype))) \
                if value.datatype is not None else None
            if lexical is not None and not any(
                True for _ in store.quads_for_pattern(ox.NamedNode(str(focus)), None, lexical)
            ):
                query = (
                    f"SELECT ?o WHERE {{ VALUES ?g {{ {_values(names)} }} "
                    f"GRAPH ?g {{ <{focus}> ?p ?o }} FILTER(isLiteral(?o) && "
                    f"DATATYPE(?o) = <{value.datatype}> && ?o = {lexical}) }} LIMIT 1"
                )
                for row in store.query(query):
                    with _quiet_rdflib():
                        exact[key] = to_rdflib(row["o"])
        return exact[key]

    found = {}
    for row in rows:
        row["value"] = as_written(row["focus"], row["value"])
        result = Result(file=file_of(row["focus"]), **row)
        # one value failing two constraints of one shape (a datatype and a range) is one
        # finding; the same one whatever order the engine gave them in
        key = (result.shape, result.focus, result.path, result.value)
        if key not in found or str(result.component) < str(found[key].component):
            found[key] = result
    results = list(found.values())
    check_names = focus_names if focus_names is not None else names
    covered = {(r.focus, r.path, r.value) for r in results}
    ill_rows = None  # the ill-typed literals, queried once for the check and for the lines

    def ill_typed():
        nonlocal ill_rows
        if ill_rows is None:
            ill_rows = list(ill_typed_literals(store, check_names))
        return ill_rows

    for check in CHECKS if checks is None else checks:
        if check is _check_ill_typed:
            checked = check(store, check_names, files, rows=ill_typed())
        else:
            checked = check(store, check_names, files)
        for result in checked:
            if focus is not None and str(result.focus) not in focus:
                continue
            if (result.focus, result.path, result.value) not in covered:
                covered.add((result.focus, result.path, result.value))
                results.append(result)
    # an ill-typed value is shown with the line that writes it
    lines = {}
    ill = {
        (to_rdflib(s), to_rdflib(p), to_rdflib(o)): files.get(g.value)
        for g, s, p, o in ill_typed()
    } if any(isinstance(r.value, Literal) for r in results) else {}
    with _quiet_rdflib():
        for i, r in enumerate(results):
            key = (r.focus, r.path, r.value)
            if key in ill and ill[key]:
                line = _literal_line(ill[key], r.focus, r.value, lines)
                results[i] = replace(r, file=ill[key], line=line)
            elif r.line is None and r.file and isinstance(r.focus, URIRef):
                # every other finding: the line writing the value, or the focus node's statement
                line = _node_line(r.file, r.focus, r.value, lines)
                if line is not None:
                    results[i] = replace(r, line=line)
    results.sort(key=_sort_key)
    return Report(files=tuple(files[n] for n in names), results=tuple(results))


def validate(paths, shapes_dir=SHAPES_DIR, ontology_dir=ONTOLOGY_DIR, engine=None,
             context=(), checks=None):
    """Validate Turtle files with the ontology and the SHACL shapes; return a :class:`Report`.

    Every file is parsed before anything is validated, so a syntax error in
    one of them (:class:`~citygraph.errors.ParseError`, with file and line)
    or a missing file (:class:`~citygraph.errors.InputError`) stops the run.
    The ontology is loaded beside the data, so that shapes aimed at a class
    also reach its subclasses (a cg:City is a cg:Place) without any
    inference. Files in ``context`` are read too, but only the results about
    nodes described in ``paths`` are reported (``validate FILE`` in a project).

    >>> fixtures = PROJECT_ROOT / "tests" / "data" / "shapes"
    >>> report = validate([fixtures / "context.ttl", fixtures / "membership-valid.ttl"])
    >>> report.conforms, len(report.results)
    (True, 0)
    >>> report = validate([fixtures / "context.ttl", fixtures / "membership-invalid.ttl"])
    >>> r = report.violations[3]
    >>> shorten(r.focus), shorten(r.path), shorten(r.shape), Path(r.file).name
    ('fact:900-membership-no-role', 'org:role', 'cgsh:Membership-role', 'membership-invalid.ttl')
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise UsageError("no data files to validate")
    given = {p.resolve() for p in paths if p.exists()}
    context = [Path(p) for p in context if Path(p).resolve() not in given]
    given |= {p.resolve() for p in context}
    ontology_files = [
        p for p in sorted(Path(ontology_dir).glob("*.ttl")) if p.resolve() not in given
    ]
    with progress.step("loading", total=len(paths) + len(context) + len(ontology_files),
                       unit="file") as bar:
        store = ox.Store()
        _, files = load_store(paths, store)
        bar.update(len(paths))
        focus_graphs = list(files) if context else None
        _, more = load_store([*context, *ontology_files], store)
        bar.update(len(context) + len(ontology_files))
    names = list(files) + list(more)
    report = validate_store(
        store, graphs=names, files={**files, **more}, shapes_dir=shapes_dir,
        focus_graphs=focus_graphs, engine=engine, checks=checks,
    )
    return Report(files=tuple(str(p) for p in paths), results=report.results)


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _summary(report):
    verdict = "conforms" if report.conforms else "does not conform"
    return (
        f"{verdict}: {_plural(len(report.violations), 'violation')}, "
        f"{_plural(len(report.warnings), 'warning')} in {_plural(len(report.files), 'file')}"
    )


def render_text(report):
    """The readable report: results grouped by shape, then one summary line.

    >>> r = Result("Violation", URIRef("https://w3id.org/citygraph/id/fact/x"),
    ...            URIRef("https://w3id.org/citygraph/ontology#holder"), None,
    ...            "A post holding must name the person.",
    ...            URIRef(SHAPES_NS + "PostHolding-holder"), SH.MinCountConstraintComponent,
    ...            "data/x.ttl")
    >>> print(render_text(Report(files=("data/x.ttl",), results=(r,))))
    cgsh:PostHolding-holder: 1 violation
      A post holding must name the person.
      Violation  fact:x  cg:holder  (data/x.ttl)
    <BLANKLINE>
    does not conform: 1 violation, 0 warnings in 1 file
    """
    groups = defaultdict(list)
    for result in report.results:
        groups[shorten(result.shape)].append(result)
    lines = []
    for shape, results in groups.items():
        counts = []
        for severity in ("Violation", "Warning", "Info"):
            n = sum(1 for r in results if r.severity == severity)
            if n:
                counts.append(_plural(n, severity.lower()))
        lines.append(f"{shape}: {', '.join(counts)}")
        messages = {r.message for r in results}
        shared = len(messages) == 1
        if shared:
            lines.append(f"  {results[0].message}")
        for r in results:
            parts = [r.severity, shorten(r.focus)]
            if r.path is not None:
                parts.append(shorten(r.path))
            if r.value is not None:
                parts.append(f"= {shorten(r.value)}")
            parts.append(f"({r.where})")
            lines.append("  " + "  ".join(parts))
            if not shared:
                lines.append(f"    {r.message}")
        lines.append("")
    lines.append(_summary(report))
    return "\n".join(lines)


def render_json(report):
    """The report as JSON: verdict, counts, files and every result.

    >>> print(render_json(Report(files=("data/x.ttl",))))  # doctest: +NORMALIZE_WHITESPACE
    {"conforms": true, "violations": 0, "warnings": 0, "files": ["data/x.ttl"], "results": []}
    """
    return json.dumps(
        {
            "conforms": report.conforms,
            "violations": len(report.violations),
            "warnings": len(report.warnings),
            "files": list(report.files),
            "results": [r.as_dict() for r in report.results],
        },
        ensure_ascii=False,
    )
