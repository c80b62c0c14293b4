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
@click.option("--full", is_flag=True,
              help="Load every file anew and validate everything, instead of updating the live "
                   "store with what changed.")
def command(store_dir, memory, data_dir, no_validate, full):
    """Build the embedded store from ontology/*.ttl and data/**/*.ttl (imports included).

    Each file goes into its own named graph; the ontology's axioms are
    materialized into the graph https://w3id.org/citygraph/graph/inferred; the
    shapes validate the data. When nothing changed the store is kept as it is;
    otherwise a new version folder is made, which replaces the live one in one
    atomic switch only when every file parses and conforms. It starts from a
    copy of the live store: the changed files' graphs are replaced, the
    inferred graph is updated and the nodes the change reaches are validated
    again. With --full (and when the rules changed) every file is bulk-loaded
    anew and everything is validated. Until then, and on any failure or kill, the previous
    store answers. The summary names every graph added, changed and removed
    (a graph no file backs, such as one loaded by hand, is removed).

    Exit codes: 0 built and conforms, 1 does not conform, 2 a file does not
    parse or an option is wrong.
    """
    if memory and store_dir is not None:
        raise click.UsageError("give --store or --memory, not both")
    report = build(
        store_path=store_dir, memory=memory, data_dir=data_dir, validate=not no_validate,
        full=full,
    )
    for line in report.lines():
        click.echo(line)
    if report.validated and not report.conforms:
        raise SystemExit(EXIT_NO)
