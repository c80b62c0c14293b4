"""Source documents kept with the data: their texts in sources/, their hashes, their data files.

``citygraph source add FILE`` stores the text of a document (UTF-8, newlines
normalized; a PDF through pypdf, an HTML page through lxml), records its
SHA-256, gives it the next number and writes ``data/NNN_<slug>.ttl`` with the
prefix block and the node of the source document. Quotes taken from it are
checked against that stored text (:mod:`citygraph.graph.evidence`).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from citygraph.dates import parse_date
from citygraph.errors import InputError, UsageError
from citygraph.fileio import write_atomic
from citygraph.namespaces import KIND_PREFIXES, slug
from citygraph.places.lookup import Index
from citygraph.texts import read_text, sha256

__all__ = ["next_number", "prefix_block", "Added", "add_source", "remove_source",
           "SourceRow", "list_sources", "data_file_of"]

_NUMBERED = re.compile(r"^(\d{3})_.+\.(?:ttl|txt)$")


def next_number(project):
    """The next free document number: one more than any NNN_ file in data/ or a source folder."""
    used = [-1]
    for folder in (project.data_dir, *project.source_dirs):
        if folder.is_dir():
            used += [int(m.group(1)) for p in folder.iterdir() if (m := _NUMBERED.match(p.name))]
    number = max(used) + 1
    if number > 999:
        raise UsageError("no document number left (000-999 are taken)")
    return f"{number:03d}"


def prefix_block(base):
    """The @prefix lines every data file starts with, for a project's IRI base."""
    from citygraph.namespaces import PREFIXES

    prefixes = dict(PREFIXES)
    for prefix, kind in KIND_PREFIXES.items():
        if prefix in ("agt", "evt", "prole", "talkt", "tiet", "projt", "mrole", "theme"):
            continue  # the shared vocabularies keep their IRIs
        prefixes[prefix] = f"{base}{kind}/"
    prefixes["cgr"] = base
    width = max(map(len, prefixes)) + 1
    return "".join(f"@prefix {(p + ':').ljust(width)} <{ns}> .\n" for p, ns in prefixes.items())


def _turtle_string(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _slug_of_title(title, limit=40):
    words = slug(title).split("-")
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word
    return out[:limit]


@dataclass
class Added:
    number: str
    text_path: Path
    data_path: Path
    digest: str
    publisher: str
    publisher_new: bool


def _date_literal(text):
    span = parse_date(text)
    if span.precision == "day":
        return f'"{span.first.isoformat()}"^^xsd:date'
    if span.precision == "year":
        return f'"{span.first.year}"^^xsd:gYear'
    raise InputError(f"--date {text!r}: give the day (2016-06-23) or the year (2016) "
                     "of the document")


def add_source(project, file, title, publisher=None, date=None, url=None, language=None,
               encoding=None):
    """Register a source document; return :class:`Added`."""
    text = read_text(file, encoding=encoding)
    digest = sha256(text)
    if not title or not title.strip():
        raise UsageError("--title is required: the document's title as it gives it")
    for known in list_sources(project):
        if known.digest == digest:
            raise UsageError(f"{file}: the same text is already source {known.number} "
                             f"({known.text_name})")
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise UsageError(f"--url {url!r}: give a web address starting with http:// or https://")
    if language is not None and not re.match(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", language):
        raise UsageError(f"--language {language!r}: give a BCP 47 tag such as en, ko or zh-Hant")
    date_literal = _date_literal(date) if date else None

    number = next_number(project)
    stem = f"{number}_{_slug_of_title(title)}"
    text_path = project.sources_dir / f"{stem}.txt"
    data_path = project.data_dir / f"{stem}.ttl"
    for target in (text_path, data_path):
        if target.exists():
            raise UsageError(f"{target}: already exists")

    lines = [f"doc:{number} a cg:SourceDocument ;",
             f"    dcterms:title {_turtle_string(title.strip())} ;"]
    publisher_iri, publisher_new, publisher_block = None, False, ""
    if publisher:
        index = Index.of_project(project)
        found = index.find(publisher, "organization")
        if len(found) > 1:
            raise UsageError(f"--publisher {publisher!r} names {len(found)} organizations: "
                             + ", ".join(found) + "; give the label of one")
        if found:
            publisher_iri = f"<{found[0]}>"
        else:
            publisher_iri = f"cgorg:{slug(publisher)}"
            publisher_new = True
            publisher_block = (f"\n{publisher_iri} a org:Organization ;\n"
                               f"    rdfs:label {_turtle_string(publisher.strip())} ;\n"
                               f"    cg:mentionedIn doc:{number} .\n")
        lines.append(f"    dcterms:publisher {publisher_iri} ;")
    if date_literal:
        lines.append(f"    dcterms:date {date_literal} ;")
    if url:
        lines.append(f"    schema:url {_turtle_string(url)} ;")
    if language:
        lines.append(f"    dcterms:language {_turtle_string(language)} ;")
    lines.append(f'    cg:fileName "{stem}.txt" ;')
    lines.append(f'    cg:sha256 "{digest}" .')
    turtle = (
        f"# Facts from source document {number}: {title.strip()}\n"
        f"# Its text: {project.sources_folder}/{stem}.txt. Patterns: docs/modelling.md;\n"
        f"# or write sheets and run `citygraph sheets compile {number}`.\n\n"
        + prefix_block(project.base)
        + "\n" + "\n".join(lines) + "\n" + publisher_block
    )
    write_atomic(text, text_path, mkdir=True)
    write_atomic(turtle, data_path, mkdir=True)
    return Added(number, text_path, data_path, digest, publisher_iri or "", publisher_new)


@dataclass
class SourceRow:
    """One source document of the project, as ``citygraph source list`` shows it."""

    number: str
    title: str
    data_name: str
    text_name: str
    digest: str
    facts: int
    quotes: int
    status: str  # ok | changed | missing | unchecked


def data_file_of(project, number):
    """The data file of document ``number``, or None."""
    files = sorted(project.data_dir.glob(f"{number}_*.ttl")) if project.data_dir.is_dir() else []
    return files[0] if files else None


def list_sources(project):
    """Every numbered data file of the project with its document, counts and text status."""
    from citygraph.places.lookup import Index
    from citygraph.rdfio import parse_quads

    rows = []
    if not project.data_dir.is_dir():
        return rows
    ontology = Index(sorted(Path(project.ontology_dir).glob("*.ttl")))
    cg = "https://w3id.org/citygraph/ontology#"
    for path in sorted(project.data_dir.glob("[0-9][0-9][0-9]_*.ttl")):
        index = Index(schema=ontology)  # a data file's sub-classes stay its own
        docs, quotes, values = [], 0, {}
        for t in parse_quads(path):
            index.add(t.subject, t.predicate, t.object)
            p = t.predicate.value
            if p == cg + "evidence":
                quotes += 1
            elif p in (cg + "fileName", cg + "sha256", "http://purl.org/dc/terms/title"):
                values[(t.subject.value, p)] = t.object.value
                if p == cg + "fileName":
                    docs.append(t.subject.value)
        facts = sum(1 for iri in index.types if cg + "Fact" in index.classes(iri))
        doc = docs[0] if docs else None
        text_name = values.get((doc, cg + "fileName"), "")
        digest = values.get((doc, cg + "sha256"), "")
        text_path = project.source_text(text_name) if text_name else None
        if text_path is None:
            status = "missing"
        elif not digest:
            status = "unchecked"
        else:
            status = "ok" if sha256(read_text(text_path)) == digest else "changed"
        title = values.get((doc, "http://purl.org/dc/terms/title"), "")
        rows.append(SourceRow(path.name[:3], title, path.name, text_name, digest, facts, quotes,
                              status))
    return rows


def remove_source(project, number, force=False):
    """Remove document ``number``'s stored text and data file; return the removed paths.

    Only the project's own ``sources/`` is touched (never a folder of other texts,
    such as the seeds), and never its sheets. A data file with facts (compiled or
    written by hand) is kept unless ``force``: removing it would lose them.
    """
    number = f"{int(number):03d}" if str(number).isdigit() else str(number)
    data = data_file_of(project, number)
    texts = sorted(project.sources_dir.glob(f"{number}_*.txt")) \
        if project.sources_dir.is_dir() else []
    if data is None and not texts:
        raise UsageError(f"no source {number}: neither data/{number}_*.ttl nor "
                         f"{project.sources_folder}/{number}_*.txt")
    if data is not None and not force:
        facts = next((r.facts for r in list_sources(project) if r.data_name == data.name), 0)
        if facts:
            raise UsageError(f"{data}: holds {facts} fact(s); remove them (or the sheets' "
                             "compiled block) first, or give --force")
    removed = [p for p in (data, *texts) if p is not None]
    for path in removed:
        path.unlink()
    return removed
