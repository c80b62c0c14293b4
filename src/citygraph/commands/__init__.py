"""The subcommands of the ``citygraph`` CLI, one module each."""

__all__ = ["COMMANDS"]

COMMANDS = []
