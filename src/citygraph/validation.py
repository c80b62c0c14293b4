"""Validate Turtle data against the citygraph ontology and SHACL shapes, and report by shape."""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from citygraph.errors import InputError, UsageError
from citygraph.namespaces import PREFIXES
from citygraph.project import find as find_project
from citygraph.rdfio import parse_turtle, read_triples

__all__ = [
    "PROJECT_ROOT",
    "SHAPES_DIR",
    "ONTOLOGY_DIR",
    "DATA_DIR",
    "SHAPES_NS",
    "Result",
    "Report",
    "data_files",
    "load_shapes",
    "validate",
    "shorten",
    "render_text",
    "render_json",
]

#: the checkout the package was installed from (``pip install -e .``)
#: the project of the current folder (citygraph.toml), with the shipped shapes and ontology
_PROJECT = find_project()
PROJECT_ROOT = _PROJECT.root
SHAPES_DIR = _PROJECT.shapes_dir
ONTOLOGY_DIR = _PROJECT.ontology_dir
DATA_DIR = _PROJECT.data_dir
#: the namespace of the shapes in ``shapes/*.ttl``
SHAPES_NS = "https://w3id.org/citygraph/shapes#"

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
# longest namespace first, so that place: wins over cgr:
_NAMESPACES = sorted(
    {**PREFIXES, "cgsh": SHAPES_NS, "sh": str(SH)}.items(), key=lambda kv: -len(kv[1])
)


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, with the data file its focus node came from."""

    severity: str
    focus: object
    path: object
    value: object
    message: str
    shape: object
    component: object
    file: str | None

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
        }


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
    for prefix, namespace in _NAMESPACES:
        local = text[len(namespace):]
        if text.startswith(namespace) and local and all(c.isalnum() or c in "-_." for c in local):
            return f"{prefix}:{local}"
    return f"<{text}>"


def data_files(root=DATA_DIR):
    """Every ``*.ttl`` file under ``root`` (its own and its subfolders'), sorted.

    >>> [p.name for p in data_files(PROJECT_ROOT / "shapes")][:2]
    ['agreements.ttl', 'concepts.ttl']
    """
    root = Path(root)
    if not root.is_dir():
        raise InputError(f"{root}: no such folder")
    return sorted(root.rglob("*.ttl"))


def load_shapes(shapes_dir=SHAPES_DIR):
    """The shapes graph: every ``*.ttl`` of ``shapes_dir`` parsed into one graph.

    >>> from citygraph.namespaces import CG
    >>> shapes = load_shapes()
    >>> shapes.value(None, SH.targetClass, CG.PostHolding) is not None
    True
    """
    files = sorted(Path(shapes_dir).glob("*.ttl"))
    if Path(shapes_dir) == SHAPES_DIR:  # and the folders of shapes the project's config adds
        files += [f for d in _PROJECT.shapes_dirs[1:] for f in sorted(Path(d).glob("*.ttl"))]
    if not files:
        raise InputError(f"{shapes_dir}: no shapes (*.ttl) found")
    return parse_turtle(files)


def _rows_by_file(paths, graph):
    """Parse each file into ``graph``; return {node: [files it is the subject of]}."""
    where = defaultdict(list)
    for path in paths:
        triples = list(read_triples(path))
        seen = set()
        for s, p, o in triples:
            graph.add((s, p, o))
            if s not in seen:
                seen.add(s)
                where[s].append(str(path))
    return where


def _path_text(graph, path):
    """A SHACL path as text: an IRI, or a sequence / alternative / inverse of them."""
    if not isinstance(path, BNode):
        return path
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(shorten(_path_text(graph, p)) for p in Collection(graph, alternatives))
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + shorten(_path_text(graph, inverse))
    if graph.value(path, RDF.first) is not None:
        return "/".join(shorten(_path_text(graph, p)) for p in Collection(graph, path))
    return path


def _message(results_graph, node):
    messages = list(results_graph.objects(node, SH.resultMessage))
    for msg in messages:
        if isinstance(msg, Literal) and msg.language in (None, "en"):
            return str(msg)
    return str(messages[0]) if messages else ""


def validate(paths, shapes_dir=SHAPES_DIR, ontology_dir=ONTOLOGY_DIR):
    """Validate Turtle files with the ontology and the SHACL shapes; return a :class:`Report`.

    Every file is parsed before anything is validated, so a syntax error in
    one of them (:class:`~citygraph.errors.ParseError`, with file and line)
    or a missing file (:class:`~citygraph.errors.InputError`) stops the run.
    The ontology is merged into the data graph, so that shapes aimed at a
    class also reach its subclasses (a cg:City is a cg:Place) without any
    inference; pySHACL does the validation.

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
    ontology_files = sorted(Path(ontology_dir).glob("*.ttl"))
    shapes = load_shapes(shapes_dir)
    data = Graph()
    where = _rows_by_file(paths, data)
    onto_where = _rows_by_file(ontology_files, data)
    _, results_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=False,
        allow_warnings=True,
        inplace=True,
    )
    found = {}
    # only the report's own results: nested ones (sh:detail of sh:node, sh:or) are their causes
    report_node = results_graph.value(None, RDF.type, SH.ValidationReport, any=False)
    for node in results_graph.objects(report_node, SH.result):
        focus = results_graph.value(node, SH.focusNode)
        severity = results_graph.value(node, SH.resultSeverity)
        files = where.get(focus) or onto_where.get(focus)
        result = Result(
            severity=str(severity).rsplit("#", 1)[-1],
            focus=focus,
            path=_path_text(results_graph, results_graph.value(node, SH.resultPath)),
            value=results_graph.value(node, SH.value),
            message=_message(results_graph, node),
            shape=results_graph.value(node, SH.sourceShape),
            component=results_graph.value(node, SH.sourceConstraintComponent),
            file=files[0] if files else None,
        )
        # one value failing two constraints of one shape (a datatype and a range) is one finding
        found.setdefault((result.shape, result.focus, result.path, result.value), result)
    results = sorted(
        found.values(),
        key=lambda r: (
            shorten(r.shape),
            _SEVERITY_ORDER.get(r.severity, 9),
            r.file or "",
            shorten(r.focus),
            shorten(r.value) if r.value is not None else "",
        ),
    )
    return Report(files=tuple(str(p) for p in paths), results=tuple(results))


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
            parts.append(f"({r.file or 'unknown file'})")
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
