"""``citygraph init DIR``: create a project folder."""

from pathlib import Path

import click

from citygraph.fileio import write_atomic
from citygraph.graph.project import CONFIG, init
from citygraph.namespaces import CGR
from citygraph.resources import checkout, package_data

__all__ = ["command"]


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--base", default=str(CGR), show_default=True,
              help="The base IRI of the project's instances (places, people, facts, documents).")
def command(folder, base):
    """Create a project in FOLDER (default: here): data/, sources/, sheets/, citygraph.toml.

    Every citygraph command run in FOLDER or below then uses this project:
    `citygraph source add` keeps texts in sources/, `citygraph sheets compile`
    writes data/, `citygraph build` loads data/ with the shipped ontology.
    Places come from data/gazetteer/places.csv (`citygraph gazetteer`); the
    themes a sheet names (policy domains, EU Urban Agenda themes, the 17 UN
    SDGs) from data/themes.ttl, a copy of citygraph's own.
    """
    project = init(folder, base=base)
    themes = project.root / "data" / "themes.ttl"
    if not themes.exists():
        write_atomic(themes_file().read_text(encoding="utf-8"), themes)
    click.echo(f"created {project.root / CONFIG}")
    for name in ("data", "sources", "sheets"):
        click.echo(f"  {name}/")
    click.echo("next: citygraph source add FILE --title ... --publisher ... --date ...")


def themes_file():
    """citygraph's theme vocabulary: data/themes.ttl of the checkout, or the wheel's copy."""
    root = checkout()
    return root / "data" / "themes.ttl" if root is not None else package_data / "themes.ttl"
