"""``citygraph report``: centrality of the city network, as a terminal table and report files."""

from pathlib import Path

import click

from citygraph.centrality import BACKENDS
from citygraph.projection import FOLDS, parse_layers, project
from citygraph.report import SORT_KEYS, analyze, top_table, write_report
from citygraph.sparql import connect

__all__ = ["command", "network_options"]


def network_options(function):
    """The options shared by ``report`` and ``export``: which network, from which store."""
    options = [
        click.option("--layer", "layers", default="all", show_default=True,
                     help="Comma-separated layers: agreement, tie, membership, event, project; "
                          "'all' combines them into one weighted network."),
        click.option("--since", metavar="DATE",
                     help="Use only facts dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD); "
                          "undated facts are then left out."),
        click.option("--until", metavar="DATE", help="Use only facts dated on or before DATE."),
        click.option("--fold", type=click.Choice(FOLDS), default="none", show_default=True,
                     help="Fold districts into their city (city), cities and districts into "
                          "their region (region), or every place into its country (country)."),
        click.option("--sample", type=click.IntRange(min=2), metavar="K",
                     help="Approximate betweenness from K sampled source places (NetworkX's k "
                          "with a fixed seed; igraph counts from the same sources). "
                          "For very large networks."),
        click.option("--backend", type=click.Choice(BACKENDS), default="auto",
                     show_default=True,
                     help="Where betweenness, closeness and distances run (auto: igraph)."),
        click.option("--store", type=click.Path(file_okay=False, path_type=Path),
                     help="Store directory built by 'citygraph build' (default: "
                          ".citygraph/store)."),
        click.option("--endpoint", metavar="URL",
                     help="Read the graph from this SPARQL 1.1 endpoint instead."),
        click.option("--timeout", type=float, default=30.0, show_default=True,
                     help="Seconds to wait for a remote endpoint."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.command(name="report")
@network_options
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many places the table and plots show.")
@click.option("--sort", "sort_by", type=click.Choice(SORT_KEYS), default="degree",
              show_default=True, help="The measure the table is sorted by.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write nodes.csv, nodes.json, network.json and report.html here.")
def command(layers, since, until, fold, sample, backend, store, endpoint, timeout, top,
            sort_by, out_dir):
    """Centrality of places in the city network: who is central, who brokers.

    Projects the chosen layers into one weighted network of places (see
    queries/project-*.rq), computes degree, weighted degree, betweenness,
    closeness, eigenvector (PageRank where it does not converge), k-core,
    Louvain communities, bridges and articulation points, and network figures,
    then prints the top places.

    \b
    Examples:
      citygraph report
      citygraph report --layer agreement,tie --top 5 --out build/report
      citygraph report --since 2016 --fold country
      citygraph report --endpoint http://localhost:7878/query --sample 500

    Exit codes: 0 done; 2 bad option or missing store; 3 the endpoint failed.
    """
    chosen = parse_layers(layers)
    target = connect(store=store, endpoint=endpoint, timeout=timeout)
    G = project(target, layers=chosen, since=since, until=until, fold=fold)
    figures = analyze(G, backend=backend, sample=sample)
    click.echo(f"Network of {figures['nodes']} places and {figures['edges']} edges "
               f"(layers: {', '.join(chosen)}; {figures['components']} components, "
               f"largest {figures['largest_component']}; density {figures['density']:.3f}; "
               f"betweenness {figures['betweenness_method']})")
    if G.number_of_nodes():
        click.echo(top_table(G, top=top, by=sort_by))
    if out_dir is not None:
        for path in write_report(G, figures, out_dir, top=top):
            click.echo(f"wrote {path}")
