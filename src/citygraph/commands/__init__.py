"""The subcommands of the ``citygraph`` CLI, one module each."""

__all__ = ["COMMANDS"]

from citygraph.commands import build, validate

COMMANDS = [build.command, validate.command]
