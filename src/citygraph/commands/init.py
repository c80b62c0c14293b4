"""``citygraph init DIR``: create a project folder."""

from pathlib import Path

import click

from citygraph.graph.project import CONFIG, init
from citygraph.namespaces import CGR

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
    Places come from data/gazetteer/places.csv (`citygraph gazetteer`).
    """
    project = init(folder, base=base)
    click.echo(f"created {project.root / CONFIG}")
    for name in ("data", "sources", "sheets"):
        click.echo(f"  {name}/")
    click.echo("next: citygraph source add FILE --title ... --publisher ... --date ...")
