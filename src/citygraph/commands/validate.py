"""``citygraph validate``: check Turtle data against the ontology and the SHACL shapes."""

from pathlib import Path

import click

from citygraph.errors import EXIT_NO, EXIT_OK, InputError
from citygraph.graph.validation import ENGINES, data_files, render_json, render_text, validate

__all__ = ["command", "expand", "project_data_dir"]


def _shown(path):
    """A path relative to the working folder where it lies below it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd())
    except (ValueError, OSError):
        return path


#: RDF formats by file extension that validate does not read (Turtle, and N-Triples, which is
#: Turtle, are read)
_OTHER_FORMATS = {".rdf": "RDF/XML", ".owl": "RDF/XML", ".xml": "RDF/XML", ".trig": "TriG",
                  ".nq": "N-Quads", ".jsonld": "JSON-LD", ".json": "JSON-LD", ".n3": "N3"}


def _format_of(path):
    """The name of a format other than Turtle that ``path`` is in, by its extension or its
    first bytes (``<?xml``, ``<rdf:RDF``), or None."""
    other = _OTHER_FORMATS.get(path.suffix.lower())
    if other is None and path.is_file():
        try:
            with open(path, "rb") as handle:
                head = handle.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")
        except OSError:
            return None
        if head.startswith((b"<?xml", b"<rdf:RDF", b"<!DOCTYPE rdf")):
            other = "RDF/XML"
    return other


def _readable_format(path):
    """Refuse a file in a format validate does not read, in one line that says what it reads."""
    other = _format_of(path)
    if other is not None:
        raise InputError(f"{path}: {other} is not read; validate reads Turtle (.ttl, and "
                         "N-Triples .nt, which is Turtle): convert the file to Turtle first")


def expand(paths):
    """Files as given, and every ``*.ttl`` below each folder given (``validate DIR``), once each.

    >>> from citygraph.graph.project import find
    >>> [p.name for p in expand([find().data_dir])][-2:]
    ['places.ttl', 'themes.ttl']
    """
    out, seen = [], set()
    for path in paths:
        path = Path(path)
        found = data_files(path) if path.is_dir() else [path]
        if not path.is_dir():
            _readable_format(path)
        for file in found:
            try:
                key = file.resolve()
            except (OSError, RuntimeError):
                raise InputError(f"{file}: cannot be resolved (a symbolic link loop?)") from None
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def project_data_dir(project=None):
    """The data folder of ``project`` (default: the project the command runs in)."""
    from citygraph.graph.project import find

    return (project or find()).data_dir


@click.command(name="validate")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a report grouped by shape; json: every result as a JSON object.",
)
@click.option(
    "--shapes",
    "shapes_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    show_default="shapes/",
    help="Folder of SHACL shapes (*.ttl).",
)
@click.option(
    "--ontology",
    "ontology_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    show_default="ontology/",
    help="Folder of the ontology (*.ttl), loaded beside the data so that shapes reach subclasses.",
)
@click.option(
    "--context",
    "context_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder whose *.ttl files are read as context (default: the project's data/).",
)
@click.option(
    "--no-context",
    is_flag=True,
    help="Read only the FILES given (and the ontology), not the rest of the project.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=None,
    help="SHACL engine: turbo (default, fast) or pyshacl (the reference).",
)
def command(files, fmt, shapes_dir, ontology_dir, context_dir, no_context, engine):
    """Validate Turtle FILES or folders (default: every data/**/*.ttl) with the ontology and shapes.

    A file (or every *.ttl below a folder) is checked with the rest of the
    project as context: the ontology, places, themes and the other data files
    are read, so that what the file points to is known, and only what is
    wrong about the nodes the given files describe is reported. With
    --no-context, only the given files are read (give the files they rely on
    as well). Literals that are not of their datatype ("2014-13-45"^^xsd:date)
    are violations, shown with file and line.

    Prints the results grouped by shape (focus node, path, value, message and
    the file the node came from) and a summary line. Warnings (such as a fact
    without an evidence quote) are listed but do not fail the check.

    Exit codes: 0 no violations; 1 violations found; 2 a file is missing or
    does not parse (reported as FILE:LINE:COLUMN, and nothing is validated).
    """
    from citygraph.graph.project import find

    project = find()  # once: its folders, shapes and sources serve the whole run
    if files:
        paths = [_shown(p) for p in expand(files)]
        if not paths:
            raise InputError(f"{files[0]}: no *.ttl files found")
        context = []
        if not no_context:
            folder = Path(context_dir) if context_dir else project_data_dir(project)
            if folder.is_dir():
                context = expand([folder])
    else:
        paths = [_shown(p) for p in data_files(Path(context_dir) if context_dir
                                               else project_data_dir(project))]
        context = []
    report = validate(paths, shapes_dir=shapes_dir, ontology_dir=ontology_dir, engine=engine,
                      context=context, project=project)
    from citygraph.graph.evidence import attach, check_files  # every quote against its source text

    problems = check_files(paths, project=project)
    click.echo(attach(render_json(report) if fmt == "json" else render_text(report), problems, fmt))
    ok = report.conforms and not any(p.violation for p in problems)
    click.get_current_context().exit(EXIT_OK if ok else EXIT_NO)
