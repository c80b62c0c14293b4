"""``citygraph push``: upload each named graph of the store to a remote endpoint, replacing it."""

from pathlib import Path

import click
import pyoxigraph as ox

from citygraph.errors import UsageError
from citygraph.graph.store import GRAPH_BASE, INFERRED_GRAPH, default_store_path, open_existing
from citygraph.querying.remote import graph_store_url, push

__all__ = ["command"]


@click.command("push")
@click.option("--endpoint", required=True, help="Query URL of the SPARQL 1.1 endpoint.")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Store directory built by `citygraph build` (default: .citygraph/store).",
)
@click.option(
    "--graph-store",
    help="Graph Store Protocol URL (default for Oxigraph: the endpoint's /query -> /store).",
)
@click.option("--update", help="SPARQL Update URL; upload by DROP GRAPH + INSERT DATA instead.")
@click.option("--timeout", default=60.0, show_default=True, help="Seconds per request.")
def command(endpoint, store_dir, graph_store, update, timeout):
    """Upload the store to a remote endpoint, one named graph per source file.

    Each graph (and the inferred graph) replaces the graph of the same name on
    the endpoint, so pushing again leaves no duplicates; the endpoint's
    citygraph graphs (under https://w3id.org/citygraph/graph/) that the store
    no longer has, because their source file was removed, are dropped and
    listed. Uses the SPARQL 1.1 Graph Store Protocol (HTTP PUT), or SPARQL
    Update with --update. At the end the endpoint is asked how many triples
    each graph holds: only when they are the store's is the push done.

    Exit codes: 0 pushed, 2 no store or wrong options, 3 the endpoint failed
    or did not store what it acknowledged (the message lists the graphs
    replaced and not replaced).
    """
    if graph_store and update:
        raise UsageError("give --graph-store or --update, not both")
    if not graph_store and not update:
        graph_store = graph_store_url(endpoint)
        if graph_store is None:
            raise UsageError(
                f"--endpoint {endpoint}: cannot guess its Graph Store Protocol URL; "
                "give --graph-store URL or --update URL"
            )
    store = open_existing(store_dir or default_store_path())
    inferred = ox.NamedNode(INFERRED_GRAPH)
    graphs = sorted((g for g in store.named_graphs() if g != inferred), key=lambda g: g.value)
    if store.contains_named_graph(inferred):
        graphs.append(inferred)
    report = push(store, graphs, graph_store=graph_store, update=update, timeout=timeout,
                  endpoint=endpoint, prefix=GRAPH_BASE)
    for line in report.lines():
        click.echo(line)
