"""``citygraph source add|list|remove``: source documents kept with the data."""

from pathlib import Path

import click

from citygraph.commands import project_option, writable_project
from citygraph.curation.sources import add_source, list_sources, remove_source
from citygraph.errors import EXIT_NO
from citygraph.graph.project import find

__all__ = ["command"]


@click.group("source")
def command():
    """Source documents: their texts in sources/, their hashes, their data files."""


@command.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="The document's title, as it gives it.")
@click.option("--publisher", help="Who published it: the label of an organization of the graph, "
                                  "or a new one.")
@click.option("--date", help="The document's date: 2016-06-23, 23 June 2016 or 2016.")
@click.option("--url", help="Its web address (http:// or https://).")
@click.option("--language", help="The language of its text, a BCP 47 tag (en, ko, ru).")
@click.option("--encoding", help="The encoding of a file that does not declare it and is not "
                                 "UTF-8 (windows-1252, euc-kr, shift_jis, ...).")
@project_option
def add(file, title, publisher, date, url, language, encoding, project):
    """Keep FILE's text under sources/ and start its data file.

    The text is stored as UTF-8 with \\n newlines (a PDF is read with pypdf,
    an HTML page with lxml in the encoding it declares; anything else must be
    UTF-8 text, or --encoding says what it is), its SHA-256 is
    recorded, and the document gets the next number NNN: sources/NNN_<slug>.txt
    and data/NNN_<slug>.ttl, which holds the prefixes and the document's node
    (doc:NNN) with title, publisher, date, address, language, file name and
    hash. Its facts are then written as sheets (`citygraph sheets template`,
    `citygraph sheets compile NNN`) or by hand in that file.
    """
    project = writable_project(project)
    added = add_source(project, file, title, publisher=publisher, date=date, url=url,
                       language=language, encoding=encoding)
    root = project.root
    click.echo(f"source {added.number}: {added.text_path.relative_to(root)} "
               f"(sha256 {added.digest[:12]}…)")
    click.echo(f"data: {added.data_path.relative_to(root)}")
    if added.publisher_new:
        click.echo(f"publisher: {added.publisher} is new (no organization of the graph has "
                   f"that name)")
    click.echo(f"next: citygraph sheets template sheets/{added.number} && "
               f"citygraph sheets compile {added.number}")


@command.command("list")
def list_command():
    """Each source document: number, facts, quotes, whether its text is unchanged, title.

    Text status: ok (the stored text has the recorded SHA-256), changed (it
    does not: its quotes may no longer hold; exit 1), missing (no source
    folder has the text), unchecked (no hash recorded, as for the five seeds).
    """
    project = find()
    rows = list_sources(project)
    click.echo(f"{'no':<4}{'facts':>6}{'quotes':>7}  {'text':<10}title")
    for row in rows:
        click.echo(f"{row.number:<4}{row.facts:>6}{row.quotes:>7}  {row.status:<10}{row.title}")
    click.echo(f"({len(rows)} sources)")
    changed = [r for r in rows if r.status == "changed"]
    for row in changed:
        click.echo(f"citygraph: {row.text_name}: changed since it was added (recorded sha256 "
                   f"{row.digest[:12]}…)", err=True)
    if changed:
        raise SystemExit(EXIT_NO)


@command.command("remove")
@click.argument("number")
@click.option("--force", is_flag=True, help="Remove the data file even though it holds facts.")
@project_option
def remove(number, force, project):
    """Remove source NUMBER: its stored text in sources/ and its data file.

    A data file that holds facts is kept unless --force. The sheets in
    sheets/NUMBER/ are the curator's own and are never removed.
    """
    project = writable_project(project)
    for path in remove_source(project, number, force=force):
        click.echo(f"removed {path.relative_to(project.root)}")
    sheets = project.sheets_dir / f"{int(number):03d}" if number.isdigit() else None
    if sheets is not None and sheets.is_dir():
        click.echo(f"kept {sheets.relative_to(project.root)}/ (your sheets)")
