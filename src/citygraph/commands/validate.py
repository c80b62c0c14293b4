"""``citygraph validate``: check Turtle data against the ontology and the SHACL shapes."""

from pathlib import Path

import click

from citygraph.errors import EXIT_NO, EXIT_OK
from citygraph.validation import (
    DATA_DIR,
    ONTOLOGY_DIR,
    SHAPES_DIR,
    data_files,
    render_json,
    render_text,
    validate,
)

__all__ = ["command"]


def _shown(path):
    """A path relative to the working folder where it lies below it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


@click.command(name="validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
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
    default=SHAPES_DIR,
    show_default="shapes/",
    help="Folder of SHACL shapes (*.ttl).",
)
@click.option(
    "--ontology",
    "ontology_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=ONTOLOGY_DIR,
    show_default="ontology/",
    help="Folder of the ontology (*.ttl), merged into the data so that shapes reach subclasses.",
)
def command(files, fmt, shapes_dir, ontology_dir):
    """Validate Turtle FILES (default: every data/**/*.ttl) with the ontology and shapes.

    Prints the results grouped by shape (focus node, path, value, message and
    the file the node came from) and a summary line. Warnings (such as a fact
    without an evidence quote) are listed but do not fail the check. Nodes are
    checked against what the given files say about the nodes they point to, so
    give the files they rely on as well (for an import: data/places.ttl).

    Exit codes: 0 no violations; 1 violations found; 2 a file is missing or
    does not parse (reported as FILE:LINE:COLUMN, and nothing is validated).
    """
    paths = [_shown(p) for p in (files or data_files(DATA_DIR))]
    report = validate(paths, shapes_dir=shapes_dir, ontology_dir=ontology_dir)
    click.echo(render_json(report) if fmt == "json" else render_text(report))
    click.get_current_context().exit(EXIT_OK if report.conforms else EXIT_NO)
