"""``citygraph report``: centrality of the city network, as a terminal table and report files."""

from pathlib import Path

import click

from citygraph.errors import UsageError
from citygraph.networks.analysis import analysed
from citygraph.networks.centrality import BACKENDS
from citygraph.networks.projection import FOLDS, MAX_GROUP, parse_layers
from citygraph.networks.report import SORT_KEYS, top_table, write_report
from citygraph.querying.sparql import connect

__all__ = ["command", "network_options", "sample_option", "summary_lines"]


def sample_option(sample, exact):
    """What ``--sample`` and ``--exact`` ask of :func:`citygraph.networks.report.analyze`.

    >>> sample_option(None, False), sample_option(None, True), sample_option(300, False)
    ('auto', None, 300)
    """
    if exact and sample is not None:
        raise UsageError("--exact: give --sample K or --exact, not both")
    return None if exact else sample if sample is not None else "auto"


def summary_lines(figures):
    """What the report and exports say about how the network was made and what it lacks.

    >>> summary_lines({"two_mode_groups": 2, "two_mode_places": 30, "max_group": 100,
    ...                "without_coordinates": 3, "nodes": 40})  # doctest: +NORMALIZE_WHITESPACE
    ['2 groups of more than 100 places kept two-mode (not cliques); 30 places are in them',
     '3 of 40 places have no coordinates']
    """
    lines = []
    if figures.get("two_mode_groups"):
        lines.append(f"{figures['two_mode_groups']} groups of more than {figures['max_group']} "
                     f"places kept two-mode (not cliques); {figures['two_mode_places']} places "
                     "are in them")
    if figures.get("without_coordinates"):
        lines.append(f"{figures['without_coordinates']} of {figures['nodes']} places have no "
                     "coordinates")
    return lines


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
                     help="Approximate betweenness, closeness and distances from K sampled "
                          "source places (NetworkX's k with a fixed seed; igraph counts from "
                          "the same sources). Default: exact up to 5000 places, 1000 sources "
                          "above."),
        click.option("--exact", is_flag=True,
                     help="Exact betweenness, closeness and distances however large the "
                          "network (all-pairs shortest paths: minutes above 10,000 places)."),
        click.option("--max-group", type=click.IntRange(min=2), default=MAX_GROUP,
                     show_default=True, metavar="N",
                     help="Groups (networks, events, agreements...) of more than N places stay "
                          "in two-mode form (places and groups) instead of becoming cliques; "
                          "each pair in a smaller group of n places weighs 1/(n-1)."),
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
@click.option("--periods", "period_years", metavar="YEARS",
              help="How the network changed: the years periods start (2008,2012,2016,2020); "
                   "per period the network as it stood on its last day, the places that "
                   "entered and left, the top places and their moves (periods.csv and a "
                   "section of report.html with --out). Undated facts are counted apart.")
@click.option("--by-year", is_flag=True, help="As --periods, one period a year.")
def command(layers, since, until, fold, sample, exact, max_group, backend, store, endpoint,
            timeout, top, sort_by, out_dir, period_years, by_year):
    """Centrality of places in the city network: who is central, who brokers.

    Projects the chosen layers into one weighted network of places (see
    queries/project-*.rq; a group of n places adds 1/(n-1) to each pair, and
    groups of more than --max-group places stay two-mode), computes degree,
    weighted degree, betweenness,
    closeness, eigenvector (PageRank where it does not converge), k-core,
    Louvain communities, bridges and articulation points, and network figures,
    then prints the top places. The measures are kept beside the store and
    reused by the next report or export of the same store and options.

    \b
    Examples:
      citygraph report
      citygraph report --layer agreement,tie --top 5 --out build/report
      citygraph report --since 2016 --fold country
      citygraph report --endpoint http://localhost:7878/query --sample 500
      citygraph report --periods 2008,2012,2016,2020 --out build/report

    Exit codes: 0 done; 2 bad option or missing store; 3 the endpoint failed.
    """
    chosen = parse_layers(layers)
    changes = None
    if period_years is not None or by_year:
        changes = _periods(period_years, by_year, chosen, max_group, top, since, until, fold)
    target = connect(store=store, endpoint=endpoint, timeout=timeout)
    G, figures = analysed(target, layers=chosen, since=since, until=until, fold=fold,
                          sample=sample_option(sample, exact), backend=backend,
                          max_group=max_group)
    click.echo(f"Network of {figures['nodes']} places and {figures['edges']} edges "
               f"(layers: {', '.join(chosen)}; {figures['components']} components, "
               f"largest {figures['largest_component']}; density {figures['density']:.3f}; "
               f"betweenness {figures['betweenness_method']})")
    for line in summary_lines(figures):
        click.echo(line)
    if G.number_of_nodes():
        click.echo(top_table(G, top=top, by=sort_by))
    if changes is not None:
        changes = changes(target)
        click.echo(periods_table(changes))
    if out_dir is not None:
        for path in write_report(G, figures, out_dir, top=top, periods=changes):
            click.echo(f"wrote {path}")


def _periods(years, by_year, layers, max_group, top, since, until, fold):
    """What ``--periods``/``--by-year`` ask: a function of the target giving the Periods."""
    from citygraph.networks.periods import parse_periods, periods

    if years is not None and by_year:
        raise UsageError("--by-year: give --periods YEARS or --by-year, not both")
    if since or until or fold != "none":
        raise UsageError("--periods: the periods set the dates and fold nothing; "
                         "leave out --since, --until and --fold")
    bounds = None if by_year else parse_periods(years)
    return lambda target: periods(target, bounds, layers, max_group=max_group, top=top,
                                  by_year=by_year)


def periods_table(result):
    """The per-period measures as a terminal table, then the undated facts."""
    from citygraph.networks.periods_html import periods_lines

    header = ["period", "places", "edges", "ties", "memberships", "density", "components",
              "entered", "left", "top places"]
    rows = [[str(row["period"]), str(row["places"]), str(row["edges"]), str(row["ties"]),
             str(row["memberships"]), f"{row['density']:.4f}", str(row["components"]),
             str(row["entered"]), str(row["left"]), row["top_places"]] for row in result.rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
              for r in rows]
    return "\n".join(lines + periods_lines(result))
