"""A validation's findings: :class:`Result`, :class:`Report`, and their text and JSON forms."""

import json
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import SH

from citygraph.namespaces import PREFIXES

__all__ = ["SHAPES_NS", "Result", "Report", "shorten", "render_text", "render_json"]

#: the namespace of the shapes in ``shapes/*.ttl``
SHAPES_NS = "https://w3id.org/citygraph/shapes#"

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


def _sort_key(r):
    return (
        shorten(r.shape),
        _SEVERITY_ORDER.get(r.severity, 9),
        r.file or "",
        shorten(r.focus),
        shorten(r.value) if r.value is not None else "",
    )


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
