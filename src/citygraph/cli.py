"""The ``citygraph`` command line: one Click group, thin subcommands.

Exit codes (also in the README):

* 0: done; the data conforms
* 1: the data does not conform to the shapes (or the answer asked for is "no")
* 2: usage or input error (bad option or parameter, missing file, syntax error)
* 3: a remote SPARQL endpoint was unreachable, timed out or answered an error,
  or a query ran past its --timeout

Library code raises :class:`citygraph.errors.CitygraphError`; :func:`main`
prints its message on one line, without a traceback, and exits with its code.
An ``OSError`` that no command turned into such an error (a folder that
cannot be created, a file that cannot be read or written) is printed the same
way, with the path it names, and exits 2.
"""

import click

from citygraph import __version__
from citygraph.errors import EXIT_USAGE, CitygraphError

__all__ = ["cli", "main"]


class _Group(click.Group):
    """A group that turns citygraph errors into one line and an exit code.

    Doing it here rather than only in :func:`main` makes Click's ``CliRunner``
    see the same exit codes a shell does.
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CitygraphError as exc:
            click.echo(f"citygraph: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            # the net under every command: one line naming the path, exit 2
            from citygraph.fileio import os_error_line

            click.echo(f"citygraph: error: {os_error_line(exc)}", err=True)
            ctx.exit(EXIT_USAGE)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citygraph")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bars (they show only on a terminal, after a second).")
def cli(quiet):
    """citygraph: a knowledge graph of inter-city cooperation.

    Sources become RDF in data/, checked by SHACL shapes, asked with the SPARQL
    catalog in queries/, and projected into a network of cities.
    """
    if quiet:
        from citygraph.progress import set_quiet

        set_quiet(True)


def _register():
    # One module per subcommand under citygraph/commands/; each exposes `command`.
    from citygraph.commands import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_register()


def main(argv=None):
    """Entry point of the ``citygraph`` console script."""
    cli.main(args=argv, prog_name="citygraph")
