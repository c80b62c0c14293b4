"""The subcommands of the ``citygraph`` CLI, one module each."""

__all__ = ["COMMANDS"]

from citygraph.commands import queries, query, validate

COMMANDS = [validate.command, query.command, queries.command]
