"""Time the city-network report on a synthetic network of 20,000 cities and 100,000 ties.

The network is made directly as a NetworkX graph: preferential attachment
(Barabási-Albert, 5 ties per new city, so a few hub cities gather many ties, as
in real twinning and network data), with a country, coordinates, a weight of 1
to 3 facts and a first date on every tie, the attributes the projection puts
there. Two timings are printed side by side:

* the work of ``citygraph report --sample K --out DIR``: every node measure
  (betweenness, closeness and distances from K sampled sources in igraph;
  eigenvector and Louvain in igraph, as above 5,000 places; PageRank, k-core,
  bridges and articulation points in NetworkX), the network figures, and the
  files (CSV, JSON, HTML with plots);
* NetworkX-only betweenness on the same graph from the same K sources, and the
  exact NetworkX betweenness extrapolated from it (time x n / K). With
  ``--quick`` NetworkX runs from K/10 sources and both are extrapolated.

Usage: python bench/bench_network.py [--quick] [--breakdown] [--cities N] [--ties M] [--sample K]
One run, one machine: read the ratios, not the absolute times.
"""

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta

import networkx as nx

from citygraph import centrality
from citygraph.report import analyze, top_table, write_report

__all__ = ["synthetic_network", "main"]


def synthetic_network(cities=20_000, ties=100_000, seed=1):
    """A preferential-attachment network of ``cities`` nodes and about ``ties`` edges.

    >>> G = synthetic_network(200, 1000)
    >>> G.number_of_nodes(), G.number_of_edges(), sorted(G.nodes["city:0"])[:3]
    (200, 975, ['country', 'iri', 'kind'])
    """
    rng = random.Random(seed)
    m = max(1, round(ties / cities))
    base = nx.barabasi_albert_graph(cities, m, seed=seed)
    G = nx.Graph(layers=["tie"], since=None, until=None, fold="none")
    countries = [f"Country {i}" for i in range(60)]
    for node in base:
        G.add_node(f"city:{node}", label=f"City {node}", kind="City",
                   country=rng.choice(countries), country_code=None, geonames=None,
                   lat=rng.uniform(-50, 70), lon=rng.uniform(-170, 180),
                   iri=f"https://example.org/city/{node}")
    start = date(1950, 1, 1)
    for u, v in base.edges():
        first = start + timedelta(days=rng.randrange(27_000))
        G.add_edge(f"city:{u}", f"city:{v}", weight=rng.randint(1, 3), layers=["tie"],
                   types=["tiet:sister-city"], first=first.isoformat(),
                   last=first.isoformat(), sources=["doc:synthetic"],
                   facts=[f"fact:tie-{u}-{v}"], groups=[f"fact:tie-{u}-{v}"],
                   directed_from=None, weight_tie=1)
    return G


def _timed(label, function, *args, **kwargs):
    began = time.perf_counter()
    value = function(*args, **kwargs)
    seconds = time.perf_counter() - began
    print(f"  {label:<44} {seconds:8.2f} s", flush=True)
    return value, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", type=int, default=20_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=500,
                        help="betweenness sources for the report (citygraph report --sample)")
    parser.add_argument("--quick", action="store_true",
                        help="run NetworkX betweenness from sample/10 sources and extrapolate")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time each measure alone, and exact closeness in igraph")
    args = parser.parse_args(argv)

    G, _ = _timed("make the synthetic network", synthetic_network, args.cities, args.ties)
    print(f"network: {G.number_of_nodes()} cities, {G.number_of_edges()} ties")

    if args.breakdown:
        k = args.sample
        print(f"each measure as the report runs it (--sample {k}):")
        _timed("betweenness (igraph, sampled)", centrality.betweenness, G, sample=k)
        _timed("closeness (igraph, estimated)", centrality.closeness, G, sample=k)
        _timed("eigenvector (igraph above LARGE)", centrality.eigenvector, G)
        _timed("PageRank (NetworkX)", centrality.pagerank, G)
        _timed("k-core (NetworkX)", centrality.kcore, G)
        _timed("Louvain (igraph above LARGE, seed 42)", centrality.communities, G)
        _timed("bridges + articulation points (NetworkX)",
               lambda H: (centrality.bridges(H), centrality.articulation_points(H)), G)
        _timed("network figures (igraph, sampled distances)", centrality.network_figures, G,
               sample=k)
        print("compiled against pure Python for the all-pairs measures:")
        _timed("closeness, exact (igraph)", centrality.closeness, G)
        _timed("Louvain (NetworkX, seed 42)", centrality.communities, G, backend="networkx")

    print("citygraph report equivalent:")
    began = time.perf_counter()
    figures, _ = _timed("analyze: every measure and figure", analyze, G, sample=args.sample)
    _timed("top table", top_table, G, 10)
    with tempfile.TemporaryDirectory() as out:
        _timed("write nodes.csv, nodes.json, network.json, report.html", write_report, G,
               figures, out)
    report_seconds = time.perf_counter() - began
    print(f"  {'total':<44} {report_seconds:8.2f} s")

    k = max(2, args.sample // 10) if args.quick else args.sample
    print(f"NetworkX-only betweenness from {k} sources:")
    _, nx_seconds = _timed(f"networkx.betweenness_centrality(k={k})",
                           nx.betweenness_centrality, G, k=k, seed=42)
    n = G.number_of_nodes()
    at_sample = nx_seconds * args.sample / k
    exact = nx_seconds * n / k
    if args.quick:
        print(f"  {'extrapolated to k=' + str(args.sample):<44} {at_sample:8.0f} s")
    print(f"  {'extrapolated to exact (k=n)':<44} {exact:8.0f} s ({exact / 60:.0f} min)")
    print(f"report total {report_seconds:.1f} s vs NetworkX betweenness alone "
          f"(k={args.sample}) {at_sample:.1f} s{' (extrapolated)' if args.quick else ''}: "
          f"{at_sample / report_seconds:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
