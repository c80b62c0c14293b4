"""``citygraph sheets template|draft|compile``: a source's facts as spreadsheet rows."""

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


@command.command("draft")
@click.argument("number")
@project_option
def draft_command(number, project):
    """Draft the sheets of source NUMBER from its text into sheets/NUMBER/draft/.

    Every sentence is read for the names the graph and the gazetteers know, people
    and their titles, dates (the year taken from the document's date where the text
    leaves it out), counts, events with their number in a series and their host,
    agreement words with their parties, and lists (one row per member or
    participant). Each row carries its sentence as evidence, why it was proposed and
    a confidence; unknown names are proposed as new entities. The curator's own
    sheets are never written, nor a draft file a person has edited. Accept a row by
    copying it (without why and confidence) into sheets/NUMBER/, or on the curation
    page (`citygraph serve --curate`); `sheets compile` reads only those.
    """
    from citygraph.curation.draft import draft_source, write_draft

    project = writable_project(project)
    draft = draft_source(project, number)
    folder = project.sheets_dir / draft.number / "draft"
    written, kept = write_draft(draft, folder)
    root = project.root
    for path in written:
        rows = len(draft.rows[path.stem])
        click.echo(f"{path.relative_to(root)}: {rows} row(s)")
    for path in kept:
        click.echo(f"{path.relative_to(root)}: kept (edited since it was drafted)")
    known = sum(1 for m in draft.mentions if m.confidence >= 0.8)
    click.echo(f"{len(draft.mentions)} mentions ({known} of known entities); next: review the "
               f"rows, accept them into sheets/{draft.number}/, then "
               f"citygraph sheets compile {draft.number}")


@command.command("accept")
@click.argument("number")
@click.argument("sheet")
@click.argument("rows", nargs=-1, type=int, required=True)
@click.option("--reject", is_flag=True, help="Drop the rows from the draft instead.")
@click.option("--set", "changes", multiple=True, metavar="COLUMN=VALUE",
              help="Change a cell of the accepted rows (repeatable; COLUMN= empties it).")
@project_option
def accept_command(number, sheet, rows, reject, changes, project):
    """Accept drafted ROWS of SHEET (numbered as in sheets/NUMBER/draft/SHEET.csv, the header
    being row 1) into sheets/NUMBER/SHEET.csv, or with --reject drop them from the draft."""
    from citygraph.curation.draft_accept import accept_rows, reject_rows
    from citygraph.curation.sheets import SHEETS
    from citygraph.errors import UsageError

    project = writable_project(project)
    if reject:
        reject_rows(project, number, sheet, rows)
        click.echo(f"rejected {len(rows)} row(s) of the draft of {sheet}")
        return
    edits = {}
    for change in changes:
        column, sep, value = change.partition("=")
        if not sep or column not in [c for c, _, _ in SHEETS.get(sheet, [])]:
            raise UsageError(f"--set {change!r}: give COLUMN=VALUE with a column of {sheet}")
        edits[column] = value
    path = accept_rows(project, number, sheet, rows, edits={n: edits for n in rows})
    click.echo(f"{path.relative_to(project.root)}: {len(rows)} row(s) accepted")
