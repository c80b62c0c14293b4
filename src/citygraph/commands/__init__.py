"""The subcommands of the ``citygraph`` CLI, one module each, imported only when used.

Takes: the command line. Gives: what each command prints and writes, and its exit code.
Uses: every stage; a command is the only place where stages are put together for a
person at the command line (the Python API, :mod:`citygraph.api`, is the other).

Each module exposes ``command``; :data:`COMMAND_MODULES` lists them. The CLI
imports a module only for the command that runs (``--help`` reads each short
help from the module's source without importing it), so ``citygraph --help``
and ``--version`` do not pay for rdflib, networkx, igraph, matplotlib or pySHACL.
"""

import importlib
from pathlib import Path

import click

__all__ = ["COMMAND_MODULES", "COMMANDS", "load", "project_option", "writable_project"]

#: the modules under citygraph/commands/ that define a command
COMMAND_MODULES = ["build", "validate", "gazetteer", "query", "queries", "report", "export",
                   "push", "importing", "serve", "init", "source", "sheets"]


def load(module):
    """The ``command`` of ``citygraph.commands.<module>`` (imports the module)."""
    return importlib.import_module(f"citygraph.commands.{module}").command


#: ``--project DIR``: the project a command works on (default: the one the current folder is in)
project_option = click.option(
    "--project", type=click.Path(file_okay=False, path_type=Path),
    help="The project folder (default: the one the current folder is in).")


def writable_project(project=None):
    """The project a command that writes project files works on: ``--project`` or the one
    the current folder is in; outside every project a one-line usage error (exit 2), never
    the checkout citygraph runs from."""
    from citygraph.errors import UsageError
    from citygraph.graph.project import require

    if project is not None and not Path(project).is_dir():
        raise UsageError(f"--project: {project} is not a folder")
    return require(project)


def __getattr__(name):
    # COMMANDS (every command object) imports every command module: only on request.
    if name == "COMMANDS":
        return [load(module) for module in COMMAND_MODULES]
    raise AttributeError(f"module 'citygraph.commands' has no attribute {name!r}")
