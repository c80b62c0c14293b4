"""``citygraph sheets template|compile``: a source's facts as spreadsheet rows."""

from pathlib import Path

import click

from citygraph.commands import project_option, writable_project
from citygraph.curation.sheets import compile_source, write_templates

__all__ = ["command"]


@click.group("sheets")
def command():
    """Curation sheets: a source's facts as CSV rows (or one .xlsx), compiled into Turtle."""


@command.command("template")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def template(folder):
    """Write empty sheets into FOLDER (e.g. sheets/005): one CSV per kind of fact.

    Each has its header and an example row starting with # (compile skips rows
    marked #). The columns are described in docs/modelling.md.
    """
    for path in write_templates(folder):
        click.echo(str(path))


@command.command("compile")
@click.argument("number")
@click.option("--sheets", "sheets_dir", type=click.Path(file_okay=False, path_type=Path),
              help="The folder of sheets (default: sheets/NUMBER).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The Turtle file to write (default: data/NUMBER_*.ttl).")
@project_option
def compile_command(number, sheets_dir, output, project):
    """Compile the sheets of source NUMBER into its data file.

    The data file keeps what is above the line '# ---- compiled from sheets'
    (the document's node written by `citygraph source add`, and anything
    written by hand) and gets the compiled triples below it. Names are
    resolved against the graph and the sheets; a name that matches nothing or
    two entities is reported with its sheet, row and column, and nothing is
    written (exit 2). Then run `citygraph validate` on the file.
    """
    project = writable_project(project)
    path, triples = compile_source(project, number, sheets_dir=sheets_dir, output=output)
    try:
        shown = path.resolve().relative_to(project.root)
    except ValueError:
        shown = path
    click.echo(f"{shown}: {len(triples)} triples from the sheets")
