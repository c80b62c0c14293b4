"""``citygraph build``: load the ontology and data into the store, infer, validate."""

from pathlib import Path

import click

from citygraph.commands import project_option, writable_project
from citygraph.errors import EXIT_NO
from citygraph.graph.build import build
from citygraph.graph.store import default_store_path, live_folder

__all__ = ["command", "unchecked_sources", "summary"]

#: the documents some fact quotes, with the file name of their text
_QUOTED_DOCUMENTS = """
PREFIX cg: <https://w3id.org/citygraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?doc ?file WHERE {
  ?fact cg:evidence ?quote ; prov:wasDerivedFrom ?doc .
  ?doc cg:fileName ?file .
}
"""


def unchecked_sources(target, project):
    """The documents of the store whose quotes the evidence check could not check, because
    none of the project's source folders holds their text: [(document IRI, file name)].

    Imports (``doc:import-*``) cite lines of their own input files and are left out, as
    the evidence check leaves them out.
    """
    missing = []
    for row in target.select(_QUOTED_DOCUMENTS):
        doc, file_name = str(row["doc"]), str(row["file"])
        if "/doc/import-" not in doc and project.source_text(file_name) is None:
            missing.append((doc, file_name))
    return sorted(missing)


def _unchecked_line(missing, limit=5):
    """One line: how many sources have no text here and that their quotes were not checked."""
    names = [f"doc:{doc.rsplit('/', 1)[-1]} ({name})" for doc, name in missing]
    shown = ", ".join(names[:limit]) + (f" and {len(names) - limit} more"
                                        if len(names) > limit else "")
    many = len(missing) != 1
    return (f"evidence: {len(missing)} source{'s' * many} {'have' if many else 'has'} no text "
            f"here, so {'their' if many else 'its'} quotes were not checked: {shown}")


def summary(report, project, had_store=True):
    """What a build prints: the report's lines and, after a validation that conforms, how
    many sources have no text here (their quotes were not checked), as validate says.

    ``had_store``: whether a store was there before the build; a first build that fails
    says that nothing was written, not that a previous store is untouched.
    """
    lines = report.lines()
    untouched = f"not written: the previous store at {report.store_path} is untouched"
    if not had_store and untouched in lines:
        lines[lines.index(untouched)] = (f"not written: no store at {report.store_path} "
                                         "(there was none before this build)")
    if report.validated and report.conforms and (report.written or report.up_to_date
                                                 or report.store_path is None):
        # the evidence check passes over a source whose text is not here: say so, rather
        # than let "conforms" suggest that every quote was checked
        from citygraph.querying.sparql import connect

        missing = unchecked_sources(connect(report.store if report.store_path is None
                                            else report.store_path), project)
        if missing:
            at = next(i for i, line in enumerate(lines) if line.startswith("validation:"))
            lines.insert(at + 1, _unchecked_line(missing))
    return lines


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
@project_option
def command(store_dir, memory, data_dir, no_validate, full, project):
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

    Run outside a project (no citygraph.toml in the folder or above, and no
    --project), it writes nothing and exits 2.

    Exit codes: 0 built and conforms, 1 does not conform, 2 a file does not
    parse, an option is wrong or there is no project.
    """
    if memory and store_dir is not None:
        raise click.UsageError("give --store or --memory, not both")
    found = writable_project(project)
    had_store = memory or live_folder(store_dir or default_store_path(found.root)) is not None
    report = build(
        store_path=store_dir, memory=memory, data_dir=data_dir, validate=not no_validate,
        root=found.root,
        full=full,
    )
    for line in summary(report, found, had_store):
        click.echo(line)
    if report.validated and not report.conforms:
        raise SystemExit(EXIT_NO)
