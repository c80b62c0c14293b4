"""``citygraph export``: the city network as GEXF, GraphML, CSV tables or JSON (for Gephi), or
the dataset's VoID description."""

from pathlib import Path

import click

from citygraph.commands.report import network_options, sample_option, summary_lines
from citygraph.networks.analysis import analysed
from citygraph.networks.export import FORMATS, export
from citygraph.networks.projection import parse_layers, two_mode
from citygraph.querying.sparql import connect

__all__ = ["command"]


def _new_folder(output):
    """The outermost folder of ``output`` that does not exist yet (a CSV export creates it),
    or None."""
    if output is None:
        return None
    new = None
    for folder in (Path(output), *Path(output).parents):
        if folder.exists() or folder.is_symlink():
            break
        new = folder
    return new


@click.command(name="export")
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "void"]), required=True,
              help="gexf (GEXF 1.3, Gephi), graphml, csv (nodes.csv and edges.csv for Gephi's "
                   "spreadsheet import), json (node-link), or void (a VoID and DCAT "
                   "description of the dataset, in Turtle).")
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="File to write (a directory for csv); default: standard output.")
@click.option("--color-by", type=click.Choice(["community", "country"]), default="community",
              show_default=True, help="GEXF node colour (viz:color).")
@click.option("--two-mode", "two_mode_view", is_flag=True,
              help="Export the two-mode network instead: places and the agreements, ties, "
                   "networks, events and projects that join them (no centrality measures).")
@network_options
def command(fmt, output, color_by, two_mode_view, layers, since, until, fold, sample, exact,
            max_group, backend, store, endpoint, timeout):
    """Export the city network with its centrality measures.

    Nodes are places with label, kind, country, GeoNames id, coordinates and
    every measure of 'citygraph report'; edges carry layers, types, weight (how
    many facts), first and last date, sources and facts. The GEXF file is
    dynamic (places and edges carry spells: from when their facts began to when
    they ended, a network's members joined from when both had joined), so
    Gephi's timeline plays the network's growth, and places sit at their
    coordinates without a layout.
    The measures are those of 'citygraph report' on the same store and
    options, reused when it has already computed them.

    \b
    Examples:
      citygraph export --format gexf --output cities.gexf
      citygraph export --format csv --layer agreement,tie --output gephi-tables/
      citygraph export --format json --since 2014 --until 2016
      citygraph export --format gexf --two-mode --layer event --output events.gexf
      citygraph export --format void --output void.ttl

    Exit codes: 0 done; 2 bad option, unwritable output or missing store;
    3 the endpoint failed.
    """
    chosen = parse_layers(layers)
    target = connect(store=store, endpoint=endpoint, timeout=timeout)
    if fmt == "void":
        _void(target, endpoint, output)
        return
    figures = {}
    if two_mode_view:
        G = two_mode(target, layers=chosen, since=since, until=until, fold=fold)
        places = [d for _, d in G.nodes(data=True) if d.get("bipartite") == 1]
        figures = {"nodes": len(places), "without_coordinates": sum(
            1 for d in places if d.get("lat") is None or d.get("lon") is None)}
    else:
        # the GEXF file is dynamic: its spells are kept with the measures
        G, figures = analysed(target, layers=chosen, since=since, until=until, fold=fold,
                              sample=sample_option(sample, exact), backend=backend,
                              max_group=max_group, spells=fmt == "gexf")
    created = _new_folder(output) if fmt == "csv" else None
    try:
        written = export(G, fmt, output, color_by=color_by)
    except BaseException:
        if created is not None:  # a failed export leaves no folder of its own behind
            import shutil

            shutil.rmtree(created, ignore_errors=True)
        raise
    for path in written:
        what = "nodes" if two_mode_view else "places"
        click.echo(f"wrote {path} ({G.number_of_nodes()} {what}, {G.number_of_edges()} edges)",
                   err=output is None)
    for line in summary_lines(figures):
        click.echo(line, err=output is None)


def _void(target, endpoint, output):
    """Write the VoID description of what ``target`` holds, in Turtle."""
    from citygraph.fileio import write_atomic
    from citygraph.querying.void import VOID, describe

    graph = describe(target, endpoint)
    write_atomic(graph.serialize(format="turtle"), output or click.get_text_stream("stdout"))
    triples = graph.value(next(graph.subjects(VOID.uriSpace)), VOID.triples)
    if output is not None:
        click.echo(f"wrote {output} (a VoID description of {triples} triples)", err=True)
