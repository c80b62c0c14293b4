"""``citygraph export``: the city network as GEXF, GraphML, CSV tables or JSON (for Gephi)."""

from pathlib import Path

import click

from citygraph.commands.report import network_options
from citygraph.export import FORMATS, export
from citygraph.projection import parse_layers, project, two_mode
from citygraph.report import analyze
from citygraph.sparql import connect

__all__ = ["command"]


@click.command(name="export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="gexf (GEXF 1.3, Gephi), graphml, csv (nodes.csv and edges.csv for Gephi's "
                   "spreadsheet import) or json (node-link).")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="File to write (a directory for csv); default: standard output.")
@click.option("--color-by", type=click.Choice(["community", "country"]), default="community",
              show_default=True, help="GEXF node colour (viz:color).")
@click.option("--two-mode", "two_mode_view", is_flag=True,
              help="Export the two-mode network instead: places and the agreements, ties, "
                   "networks, events and projects that join them (no centrality measures).")
@network_options
def command(fmt, output, color_by, two_mode_view, layers, since, until, fold, sample, backend,
            store, endpoint, timeout):
    """Export the city network with its centrality measures.

    Nodes are places with label, kind, country, GeoNames id, coordinates and
    every measure of 'citygraph report'; edges carry layers, types, weight (how
    many facts), first and last date, sources and facts. The GEXF file is
    dynamic (edges start at their first date), so Gephi's timeline plays the
    network's growth, and places sit at their coordinates without a layout.

    \b
    Examples:
      citygraph export --format gexf --output cities.gexf
      citygraph export --format csv --layer agreement,tie --output gephi-tables/
      citygraph export --format json --since 2014 --until 2016
      citygraph export --format gexf --two-mode --layer event --output events.gexf

    Exit codes: 0 done; 2 bad option, unwritable output or missing store;
    3 the endpoint failed.
    """
    chosen = parse_layers(layers)
    target = connect(store=store, endpoint=endpoint, timeout=timeout)
    if two_mode_view:
        G = two_mode(target, layers=chosen, since=since, until=until, fold=fold)
    else:
        G = project(target, layers=chosen, since=since, until=until, fold=fold)
        analyze(G, backend=backend, sample=sample)
    for path in export(G, fmt, output, color_by=color_by):
        what = "nodes" if two_mode_view else "places"
        click.echo(f"wrote {path} ({G.number_of_nodes()} {what}, {G.number_of_edges()} edges)",
                   err=output is None)
