"""``citygraph queries``: list the query catalog with summaries and parameters."""

import shlex

import click

from citygraph.errors import EXIT_REMOTE, CitygraphError
from citygraph.querying.catalog import list_queries
from citygraph.querying.sparql import connect

__all__ = ["command"]

_ROLE_ORDER = ("report", "violation", "projection", "construct")


@click.command(name="queries")
@click.option("--role", type=click.Choice(_ROLE_ORDER), multiple=True,
              help="Only queries of this role (repeat for several).")
@click.option("--endpoint", metavar="URL",
              help="Also check that this SPARQL 1.1 endpoint answers.")
@click.option("--timeout", type=float, default=10.0, show_default=True,
              help="Seconds to wait for the endpoint.")
def command(role, endpoint, timeout):
    """List the query catalog (queries/*.rq): name, role, summary, parameters.

    Roles: report (answers a question), violation (must return no rows on
    data/), projection (feeds the city network), construct (inference rule).
    Run one with 'citygraph query NAME --param key=value'. With --endpoint,
    the last line says whether the endpoint answers (exit 3 when it does not).
    """
    queries = sorted(list_queries(), key=lambda q: (_ROLE_ORDER.index(q.role), q.name))
    if role:
        queries = [q for q in queries if q.role in role]
    for query in queries:
        click.echo(f"{query.name}  [{query.role}]")
        click.echo(f"    {query.summary}")
        for param in query.params:
            meaning = f": {param.text}" if param.text else ""
            click.echo(f"    --param {shlex.quote(param.name + '=' + param.example)}  ({param.type}"
                       f"{', optional' if param.optional else ''}){meaning}")
    click.echo(f"({len(queries)} queries)")
    if endpoint is not None:
        try:
            connect(endpoint=endpoint, timeout=timeout).ask("ASK { }")
        except CitygraphError as exc:
            click.echo(f"endpoint {endpoint} does not answer: {exc}")
            click.get_current_context().exit(EXIT_REMOTE)
        click.echo(f"endpoint {endpoint} answers")
