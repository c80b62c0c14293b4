"""The subcommands of the ``citygraph`` CLI, one module each."""

__all__ = ["COMMANDS"]

from citygraph.commands import export, queries, query, report, validate

COMMANDS = [validate.command, query.command, queries.command, report.command, export.command]
