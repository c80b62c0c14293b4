"""The subcommands of the ``citygraph`` CLI, one module each."""

__all__ = ["COMMANDS"]

from citygraph.commands import gazetteer, validate

COMMANDS = [validate.command, gazetteer.command]
