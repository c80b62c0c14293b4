"""``citygraph query``: run a catalog query by name, or an ad-hoc one, and print its rows."""

from pathlib import Path

import click

from citygraph.errors import EXIT_NO, InputError, UsageError
from citygraph.querying.catalog import (
    FORMATS,
    adhoc_query,
    find_query,
    format_result,
    parse_param_args,
    run_query,
)
from citygraph.querying.sparql import connect

__all__ = ["command"]


@click.command(name="query")
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter the query declares, e.g. --param network=cgorg:anmc21. "
                   "IRIs may be prefixed names (place:seoul). Repeat for several.")
@click.option("--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Run the SPARQL query in this file instead of a catalog query.")
@click.option("--sparql", "sparql_text", metavar="QUERY",
              help="Run this SPARQL text; the project prefixes (cg:, place:, ...) are predeclared.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: aligned, prefixed names, long cells cut; csv, tsv, json: full IRIs.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path),
              help="Store directory built by 'citygraph build' (default: .citygraph/store).")
@click.option("--endpoint", metavar="URL", help="Query this SPARQL 1.1 endpoint instead.")
@click.option("--timeout", type=float, default=30.0, show_default=True,
              help="Seconds the query may take, on the store or the endpoint (per request).")
@click.option("--allow-service", is_flag=True,
              help="Let a query on the store call other endpoints with SERVICE "
                   "(refused by default; --timeout bounds the calls).")
def command(name, params, query_file, sparql_text, fmt, store, endpoint, timeout, allow_service):
    """Run a query of the catalog (queries/NAME.rq) or an ad-hoc one.

    \b
    Examples:
      citygraph query network-members --param network=cgorg:anmc21
      citygraph query posts-at-date -p date=2014-09-06 -p place=place:tomsk --format csv
      citygraph query --sparql 'SELECT ?n WHERE { place:seoul rdfs:label ?n }'
      citygraph query --file my-question.rq --endpoint http://localhost:7878/query

    'citygraph queries' lists the catalog with each query's parameters.
    Queries only read: an update (INSERT, DELETE, LOAD, ...) is refused, and
    so is SERVICE on the store unless --allow-service is given.

    Exit codes: 0 done; 1 a *-violation query found rows, or an ASK query
    answered no; 2 unknown query or parameter, bad value, invalid SPARQL,
    an update, a refused SERVICE; 3 the endpoint (or a SERVICE call) failed,
    or the query ran past --timeout.
    """
    if timeout <= 0:
        raise UsageError(f"--timeout {timeout:g}: give a number of seconds above 0")
    given = [x for x in (name, query_file, sparql_text) if x is not None]
    if len(given) != 1:
        raise UsageError("give one of NAME, --file or --sparql (see 'citygraph queries')")
    if name is not None:
        query = find_query(name)
    elif query_file is not None:
        try:
            text = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise InputError(f"{query_file}: cannot read the query: {reason}") from None
        query = adhoc_query(text, source=str(query_file))
    else:
        query = adhoc_query(sparql_text, source="--sparql")
    values = parse_param_args(params, query)
    target = connect(store=store, endpoint=endpoint, timeout=timeout, local_timeout=timeout,
                     allow_service=allow_service)
    result = run_query(query, target, values)
    text = format_result(result, fmt)
    click.echo(text, nl=not text.endswith("\n"))
    if result.boolean is False or (query.role == "violation" and result.rows):
        click.get_current_context().exit(EXIT_NO)
