"""``citygraph build``: load the ontology and data into the store, infer, validate."""

from pathlib import Path

import click

from citygraph.errors import EXIT_NO
from citygraph.graph.build import build

__all__ = ["command"]


@click.command("build")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Store directory (default: .citygraph/store under the project).",
)
@click.option("--memory", is_flag=True, help="Build in memory only; nothing is written.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of data Turtle files (default: data/ of the project).",
)
@click.option("--no-validate", is_flag=True, help="Skip the SHACL validation.")
def command(store_dir, memory, data_dir, no_validate):
    """Build the embedded store from ontology/*.ttl and data/**/*.ttl (imports included).

    Each file goes into its own named graph; the ontology's axioms are
    materialized into the graph https://w3id.org/citygraph/graph/inferred; the
    shapes validate the data. When nothing changed the store is kept as it is;
    otherwise it is bulk-loaded anew from the files into a new version folder,
    which replaces the live one in one atomic switch only when every file
    parses and conforms. Until then, and on any failure or kill, the previous
    store answers. The summary names every graph added, changed and removed
    (a graph no file backs, such as one loaded by hand, is removed).

    Exit codes: 0 built and conforms, 1 does not conform, 2 a file does not
    parse or an option is wrong.
    """
    if memory and store_dir is not None:
        raise click.UsageError("give --store or --memory, not both")
    report = build(
        store_path=store_dir, memory=memory, data_dir=data_dir, validate=not no_validate
    )
    for line in report.lines():
        click.echo(line)
    if report.validated and not report.conforms:
        raise SystemExit(EXIT_NO)
