"""The subcommands of the ``citygraph`` CLI, one module each."""

__all__ = ["COMMANDS"]

from citygraph.commands import validate

COMMANDS = [validate.command]
