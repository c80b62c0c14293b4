"""Evidence: every quote of a data file occurs verbatim in its source document's text.

A quote (``cg:evidence``) is compared with the text of the document its node
is derived from (``prov:wasDerivedFrom``; else the document the file
describes), whitespace folded. The text is found by the document's
``cg:fileName`` in the project's source folders (see
:class:`citygraph.graph.project.Project`); where the document records a
``cg:sha256``, a text that no longer has it is reported as changed. Each
problem names the Turtle file and line, and for a quote that differs the
nearest passage of the source.

``citygraph validate`` and ``citygraph build`` call :func:`check_files`; the
test suite calls it on the seed files.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from citygraph.errors import InputError
from citygraph.rdfio import parse_quads

__all__ = ["Problem", "collapse", "check_files", "render", "attach", "documents_of",
           "nearest_passage",
           "literal_lines"]

_CG = "https://w3id.org/citygraph/ontology#"
_EVIDENCE = _CG + "evidence"
_FILE_NAME = _CG + "fileName"
_SHA256 = _CG + "sha256"
_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_IMPORT_DOC = re.compile(r"/doc/import-")


@dataclass(frozen=True)
class Problem:
    """One evidence problem: where (file, line), which node, what, and the nearest passage."""

    file: str
    line: int
    node: str
    message: str
    nearest: str = ""
    #: "Violation" (the quote is not in the text, the text changed) or "Warning" (no text)
    severity: str = "Violation"

    @property
    def violation(self):
        return self.severity == "Violation"

    def __str__(self):
        text = f"{self.file}:{self.line}: {self.severity.lower()}: {self.message}"
        return text + (f"; nearest passage: \"{self.nearest}\"" if self.nearest else "")

    def as_dict(self):
        return {"file": self.file, "line": self.line, "node": self.node, "severity": self.severity,
                "message": self.message, "nearest": self.nearest}


def collapse(text):
    """Whitespace folded to single spaces, ends stripped.

    >>> collapse(" four\\n  days ")
    'four days'
    """
    return " ".join(text.split())


# --- where a literal is in a Turtle file ---------------------------------------------------

_TOKEN = re.compile(
    r'(?P<comment>#[^\n]*)'
    r'|(?P<long>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\')'
    r'|(?P<short>"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^>\s]*>)',
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(body):
    def one(m):
        code = m.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, code)

    return _ESCAPE.sub(one, body)


def literal_lines(text):
    '''Each string literal's value in a Turtle text -> the lines it starts on, in order.

    >>> literal_lines('a:x a:p "one" ;\\n  a:q """two\\nlines""" . # "not"\\n')
    {'one': [1], 'two\\nlines': [2]}
    '''
    lines = {}
    line, counted = 1, 0  # the line at offset `counted`, advanced as the tokens come
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("comment", "iri"):
            continue
        token = m.group(kind)
        body = token[3:-3] if kind == "long" else token[1:-1]
        line += text.count("\n", counted, m.start())
        counted = m.start()
        lines.setdefault(_unescape(body), []).append(line)
    return lines


def nearest_passage(quote, text):
    """The passage of ``text`` closest to ``quote`` (both whitespace folded).

    >>> nearest_passage("a meeting of 4 days", "It was a meeting of four days in Tomsk.")
    'a meeting of four days'
    """
    from rapidfuzz import fuzz

    quote, text = collapse(quote), collapse(text)
    if not quote or not text:
        return ""
    found = fuzz.partial_ratio_alignment(quote, text)
    # then the word-bounded window around that alignment most like the quote
    starts = _bounds(text, found.dest_start, -1)
    ends = _bounds(text, found.dest_end, +1)
    best = max(((fuzz.ratio(quote, text[a:b]), -abs((b - a) - len(quote)), a, b)
                for a in starts for b in ends if a < b), default=None)
    if best is None:
        return ""
    return text[best[2]:best[3]].strip()


def _bounds(text, at, direction, words=3):
    """Word boundaries near ``at``: up to ``words`` either side (start or end positions)."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if direction < 0:
        cuts = [0] + [i + 1 for i in spaces]
    else:
        cuts = spaces + [len(text)]
    import bisect

    k = bisect.bisect_left(cuts, at)
    return cuts[max(0, k - words - 1): k + words + 1]


# --- documents ----------------------------------------------------------------------------


def _triples(path):
    return list(parse_quads(path))


def documents_of(paths):
    """{document IRI: {"fileName": ..., "sha256": ..., "file": path}} of the documents described."""
    docs = {}
    for path in paths:
        docs.update(_documents(_triples(path), path))
    return docs


def _documents(triples, path):
    docs = {}
    for t in triples:
        if t.predicate.value in (_FILE_NAME, _SHA256):
            entry = docs.setdefault(t.subject.value, {"file": str(path)})
            entry[t.predicate.value.rsplit("#", 1)[1]] = t.object.value
    return docs


def _project_documents(project, skip=()):
    """The documents of the project's numbered data files (other than ``skip``)."""
    if project is None or not project.data_dir.is_dir():
        return {}
    skip = {Path(p).resolve() for p in skip}
    return documents_of([p for p in sorted(project.data_dir.glob("[0-9][0-9][0-9]_*.ttl"))
                         if p.resolve() not in skip])


def check_files(paths, project=None, shown=None):
    """Every evidence problem of the given Turtle files, in file and line order.

    ``project`` (default: the current one) says where the source texts are and
    which other documents exist; ``shown`` maps a path to the name to report.
    """
    from citygraph.graph.project import find
    from citygraph.texts import read_text, sha256

    project = project or find()
    paths = [Path(p) for p in paths]
    parsed = {path: _triples(path) for path in paths}  # each file parsed once
    described = {path: _documents(triples, path) for path, triples in parsed.items()}
    known = _project_documents(project, skip=paths)
    for own in described.values():
        known.update(own)
    texts = {}  # file name -> its text, or None when the project has none
    problems = []

    folded = {}  # file name -> its text, whitespace folded (once, not once per quote)

    def text_of(name):
        if name not in texts:
            path = project.source_text(name)
            texts[name] = None if path is None else read_text(path)
        return texts[name]

    for path in paths:
        name = shown(path) if shown else _shown(path, project.root)
        triples = parsed[path]
        try:
            source = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not UTF-8 text") from None
        lines = literal_lines(source)
        own = described[path]
        docs = {**known, **own}
        derived = {}
        for t in triples:
            if t.predicate.value == _DERIVED:
                derived.setdefault(t.subject.value, t.object.value)
        reported_docs = set()
        for doc, entry in own.items():
            text = text_of(entry["fileName"]) if "fileName" in entry else None
            digest = entry.get("sha256")
            if digest and text is not None and sha256(text) != digest:
                line = lines.get(digest, [0])[0]
                problems.append(Problem(name, line, doc, f"the text {entry['fileName']} has "
                                        f"changed since it was added (sha256 {digest[:12]}… "
                                        f"recorded, {sha256(text)[:12]}… now)"))
        fallback = next(iter(own), None)
        used = {}
        for t in triples:
            if t.predicate.value != _EVIDENCE:
                continue
            node, quote = t.subject.value, t.object.value
            occurrences = lines.get(quote, [0])
            line = occurrences[min(used.get(quote, 0), len(occurrences) - 1)]
            used[quote] = used.get(quote, 0) + 1
            doc = derived.get(node, fallback)
            if doc not in docs:
                continue  # no described document: the shapes report that, not this check
            entry = docs[doc]
            file_name = entry.get("fileName")
            text = text_of(file_name) if file_name else None
            if text is None:
                if _IMPORT_DOC.search(doc) or doc in reported_docs:
                    continue
                reported_docs.add(doc)
                where = ", ".join(str(d) for d in project.source_dirs)
                problems.append(Problem(name, line, doc, f"no text of {_prefixed(doc)} "
                                        f"({file_name or 'no cg:fileName'}) in {where}; "
                                        "its quotes are not checked", severity="Warning"))
                continue
            if file_name not in folded:
                folded[file_name] = collapse(text)
            if collapse(quote) not in folded[file_name]:
                problems.append(Problem(
                    name, line, node,
                    f"the quote of {_prefixed(node)} is not in {file_name}: \"{_clip(quote)}\"",
                    nearest_passage(quote, text)))
    return sorted(problems, key=lambda p: (p.file, p.line, p.node))


def _shown(path, root):
    try:
        return path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)


def render(problems):
    """The problems as text lines under a heading, or "" when there are none.

    >>> print(render([Problem("data/x.ttl", 12, "fact:x", "the quote differs", "four days")]))
    evidence: 1 violation, 0 warnings
      data/x.ttl:12: violation: the quote differs; nearest passage: "four days"
    """
    if not problems:
        return ""
    bad = sum(p.violation for p in problems)
    lines = [f"evidence: {bad} violation{'s' * (bad != 1)}, {len(problems) - bad} "
             f"warning{'s' * (len(problems) - bad != 1)}"]
    return "\n".join(lines + [f"  {p}" for p in problems])


def attach(output, problems, fmt="text"):
    """A validation report's output with the evidence problems added.

    Text gets the lines of :func:`render` after it; JSON gets an ``evidence``
    list, and its verdict and violation count include the evidence violations.

    >>> attach('{"conforms": true, "violations": 0}', [], "json")
    '{"conforms": true, "violations": 0, "evidence": []}'
    """
    bad = sum(p.violation for p in problems)
    if fmt == "json":
        import json

        report = json.loads(output)
        report["conforms"] = report["conforms"] and not bad
        report["violations"] += bad
        report["evidence"] = [p.as_dict() for p in problems]
        return json.dumps(report, ensure_ascii=False)
    verdict = f"does not conform: {bad} evidence violation{'s' * (bad != 1)}" if bad else ""
    return "\n".join(t for t in (output, render(problems), verdict) if t)


def _prefixed(iri):
    from citygraph.namespaces import PREFIXES

    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else f"<{iri}>"


def _clip(text, limit=80):
    text = collapse(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
