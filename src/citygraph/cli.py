"""The ``citygraph`` command line: one Click group, thin subcommands.

Exit codes (as :data:`citygraph.errors.EXIT_CODES` and the README say them):

* 0: done; the data conforms
* 1: the data does not conform to the shapes, or the answer asked for is no (an ASK
  query answered false, a violation query found rows, a source text changed since it
  was added)
* 2: usage or input error: bad option or parameter, missing file, syntax error (the
  message names the file and line, or the parameter); a file or folder that cannot be
  written (the message names it); a command that writes project files run outside a
  project
* 3: a remote SPARQL endpoint was unreachable, timed out or answered an error; a query
  ran past --timeout

Library code raises :class:`citygraph.errors.CitygraphError`; :func:`main`
prints its message on one line, without a traceback, and exits with its code.
An ``OSError`` that no command turned into such an error (a folder that
cannot be created, a file that cannot be read or written) is printed the same
way, with the path it names, and exits 2.
"""

import ast

import click

from citygraph import __version__
from citygraph.errors import EXIT_CODES, EXIT_OK, EXIT_USAGE, CitygraphError

__all__ = ["cli", "main", "reference"]


def _decorator_name(decorator):
    """The command name a ``@click.command("x")`` / ``@click.group(name="x")`` decorator gives."""
    if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr in ("command", "group")):
        return None
    values = list(decorator.args[:1]) + [k.value for k in decorator.keywords if k.arg == "name"]
    for value in values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
    return None


def _read_command(module):
    """(name, help text) of the ``command`` in a command module, read from its source.

    None when the source does not say plainly (then the module is imported).
    """
    import importlib.util

    spec = importlib.util.find_spec(f"citygraph.commands.{module}")
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    try:
        with open(spec.origin, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "command":
            named = [(d, _decorator_name(d)) for d in node.decorator_list]
            named = [(d, n) for d, n in named if n]
            if len(named) != 1:
                return None
            decorator, name = named[0]
            if any(k.arg in ("help", "short_help", "hidden", "deprecated", "cls")
                   for k in decorator.keywords):
                return None
            return name, ast.get_docstring(node) or ""
    return None


def _set_quiet(ctx, param, value):
    if value:
        from citygraph.progress import set_quiet

        set_quiet(True)


def _quiet_option():
    return click.Option(["-q", "--quiet"], is_flag=True, expose_value=False,
                        callback=_set_quiet, help="No progress bars (as citygraph -q).")


def _accept_quiet(command):
    """Let ``-q`` follow the subcommand too (``citygraph build -q``), on it and on every
    subcommand of a group (``citygraph source add -q``)."""
    if not any(p.name == "quiet" for p in command.params):
        command.params.append(_quiet_option())
    for sub in getattr(command, "commands", {}).values():
        _accept_quiet(sub)


def _quiet_stdout():
    """Point standard output at /dev/null, so that flushing it at exit raises nothing more."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's buffer)


class _Group(click.Group):
    """A group that loads each subcommand's module only when it is used.

    It also turns citygraph errors into one line and an exit code: doing it
    here rather than only in :func:`main` makes Click's ``CliRunner`` see the
    same exit codes a shell does.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lazy = None

    def _index(self):
        """Command name -> (module, help text or None)."""
        if self._lazy is None:
            from citygraph.commands import COMMAND_MODULES

            self._lazy = {}
            for module in COMMAND_MODULES:
                found = _read_command(module)
                if found is None:
                    command = self._load(module)
                    self._lazy[command.name] = (module, None)
                else:
                    self._lazy[found[0]] = (module, found[1])
        return self._lazy

    def _load(self, module):
        from citygraph.commands import load

        command = load(module)
        self.add_command(command)
        return command

    def list_commands(self, ctx):
        return sorted(set(self._index()) | set(self.commands))

    def get_command(self, ctx, name):
        if name not in self.commands and name in self._index():
            self._load(self._index()[name][0])
        command = self.commands.get(name)
        if command is not None:
            _accept_quiet(command)
        return command

    def format_commands(self, ctx, formatter):
        """The command list of ``--help``, from the modules' docstrings, importing none."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            module, text = self._index().get(name, (None, None))
            if name in self.commands or text is None:
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                rows.append((name, command.get_short_help_str(limit)))
            else:
                text = text.split("\f", 1)[0]
                rows.append((name, click.utils.make_default_short_help(text, limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # the reader went away (`citygraph queries | head`): stop quietly, as cat does
            _quiet_stdout()
            ctx.exit(EXIT_OK)
        except CitygraphError as exc:
            click.echo(f"citygraph: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            # the net under every command: one line naming the path, exit 2
            from citygraph.fileio import os_error_line

            click.echo(f"citygraph: error: {os_error_line(exc)}", err=True)
            ctx.exit(EXIT_USAGE)


#: the end of ``citygraph --help``: the exit codes, from :data:`citygraph.errors.EXIT_CODES`
EPILOG = "Exit codes:\n\n" + "\n\n".join(f"{code}: {text}" for code, text in EXIT_CODES.items())


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EPILOG)
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


def main(argv=None):
    """Entry point of the ``citygraph`` console script."""
    try:
        cli.main(args=argv, prog_name="citygraph")
    except BrokenPipeError:  # the reader went away while Click itself was writing
        _quiet_stdout()
        raise SystemExit(EXIT_OK) from None


def reference(width=100):
    """The CLI reference (docs/cli.md): every command's ``--help``, as Markdown.

    Regenerate the page after changing a command, an option or a help text::

        python -c "from citygraph.cli import reference; print(reference(), end='')" > docs/cli.md
    """
    out = ["# Command reference", "",
           "Every command's `--help`, generated from the commands themselves",
           "(`tests/test_docs.py` fails when this page is not current; regenerate it with",
           "`python -c \"from citygraph.cli import reference; print(reference(), end='')\" "
           "> docs/cli.md`).", ""]

    def context(command, name, parent=None):
        settings = {**command.context_settings, "terminal_width": width,
                    "max_content_width": width}
        return click.Context(command, info_name=name, parent=parent, **settings)

    def walk(command, ctx, path):
        text = command.get_help(ctx).rstrip()
        out.extend([f"## {' '.join(path)}", "", "```text", text, "```", ""])
        for name in getattr(command, "list_commands", lambda c: [])(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            walk(sub, context(sub, name, ctx), [*path, name])

    walk(cli, context(cli, "citygraph"), ["citygraph"])
    return "\n".join(out).rstrip() + "\n"
