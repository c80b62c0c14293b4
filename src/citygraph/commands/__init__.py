"""The subcommands of the ``citygraph`` CLI, one module each."""

__all__ = ["COMMANDS"]

from citygraph.commands import (
    build,
    export,
    gazetteer,
    importing,
    init,
    push,
    queries,
    query,
    report,
    serve,
    validate,
)

COMMANDS = [build.command, validate.command, gazetteer.command, query.command, queries.command,
            report.command, export.command, push.command, importing.command,
            serve.command, init.command]
