"""``citygraph serve``: the read-only SPARQL endpoint and the web pages, on this machine."""

import re
from pathlib import Path

import click

from citygraph.errors import UsageError

__all__ = ["command"]


@click.command(name="serve")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="Store directory built by 'citygraph build' (default: .citygraph/store).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only this machine by default.")
@click.option("--allowed-host", "allowed_host", multiple=True, metavar="NAME",
              help="Another host name the server answers as (a reverse proxy's public "
                   "name). Repeat for several. Requests for any other host get 400.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.01), default=10.0, show_default=True,
              help="Seconds a query may run; past it the query is cancelled and answered 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Most rows (or triples) a query may return; past it the answer is 503.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes for the pages, search and the network view (each holds "
                   "the store open read-only).")
@click.option("--query-workers", type=click.IntRange(min=1), default=6, show_default=True,
              help="Most worker processes for ad-hoc SPARQL (the endpoint and the editor), "
                   "apart from the pages' workers.")
@click.option("--client-queries", type=click.IntRange(min=1), default=2, show_default=True,
              help="Ad-hoc queries one client (address) may have running or waiting; it runs "
                   "one at a time. Past it the answer is 429 with Retry-After.")
@click.option("--network-timeout", type=click.FloatRange(min=1), default=300.0,
              show_default=True, help="Seconds the network view's projection and measures "
                                      "may take.")
@click.option("--sample", type=click.IntRange(min=2), metavar="K",
              help="Approximate betweenness from K sources in the network view (large graphs).")
@click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path),
              help="The decisions file the reconciliation review page writes "
                   "(what 'citygraph import csv --decisions' reads).")
@click.option("--reconciliation-report", "report", type=click.Path(dir_okay=False,
              path_type=Path), help="The reconciliation report of an import, to review.")
@click.option("--sources", "sources", multiple=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="A folder holding the source documents' texts (default: sources/ and "
                   "../shared/seeds/). Repeat for several.")
@click.option("--curate", is_flag=True,
              help="Also serve the curation page (/curate): a source's text beside its drafted "
                   "rows, to accept into the project's sheets (it writes sheets/ and data/).")
def command(store, host, allowed_host, port, timeout, max_rows, workers, query_workers,
            client_queries, network_timeout, sample, decisions, report, sources, curate):
    """Serve the graph: a read-only SPARQL 1.1 endpoint at /sparql and web pages.

    \b
    Examples:
      citygraph serve
      citygraph serve --store build/wikidata-store --port 8080 --sample 500
      citygraph serve --reconciliation-report report.csv --decisions decisions.csv

    Open http://127.0.0.1:8000/ in a browser. Stop with Ctrl-C.
    """
    import uvicorn

    from citygraph.graph.store import default_store_path, open_existing
    from citygraph.web import Settings, create_app
    from citygraph.web.guard import allowed_hosts, host_name

    for name in allowed_host:
        if not re.fullmatch(r"\[[0-9a-f:.]+\]|[a-z0-9_-]+(\.[a-z0-9_-]+)*", host_name(name)):
            raise UsageError(f"--allowed-host {name!r}: give a host name or address as a "
                             "browser sends it (e.g. graph.example.org)")
    path = Path(store) if store is not None else default_store_path()
    open_existing(path)  # a missing store is a one-line error before anything starts
    if report is not None and not report.is_file():
        raise UsageError(f"--reconciliation-report {report}: no such file")
    if report is not None and decisions is None:
        raise UsageError("--reconciliation-report needs --decisions FILE to write the choices to")
    settings = Settings(store=path, timeout=timeout, max_rows=max_rows, workers=workers,
                        query_workers=query_workers, client_queries=client_queries,
                        network_timeout=network_timeout, decisions=decisions, report=report,
                        sources=list(sources), sample=sample, host=host,
                        allowed_hosts=list(allowed_host), curate=curate)
    click.echo(f"citygraph serve: http://{host}:{port}/ (SPARQL endpoint /sparql); Ctrl-C stops",
               err=True)
    click.echo(f"answering as {', '.join(sorted(allowed_hosts(host, allowed_host)))} only "
               "(--allowed-host NAME for another)", err=True)
    # access_log off: at this log level no request is logged, and uvicorn then skips the
    # work of each request's log line; no Server header: nobody is told which software answers
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning",
                access_log=False, server_header=False)
