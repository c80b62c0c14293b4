"""The CLI as a whole: version, help on every command, documentation of every command."""

import re

import click
from click.testing import CliRunner

from citygraph import __version__
from citygraph.cli import cli
from conftest import ROOT


def _commands(group, prefix=()):
    # list_commands/get_command, not .commands: the CLI loads a command only when asked
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (*prefix, name), command
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"citygraph, version {__version__}"


def test_every_command_has_help_text():
    runner = CliRunner()
    for path, command in _commands(cli):
        assert command.help, f"citygraph {' '.join(path)} has no help text"
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, result.output
        assert f"Usage: cli {' '.join(path)}" in result.output


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"citygraph ([a-z][a-z-]*)", readme))
    names = cli.list_commands(click.Context(cli))
    assert {"build", "query", "report", "export", "push", "import"} <= set(names)
    missing = [name for name in names if name not in documented]
    assert missing == [], f"commands missing from README.md: {missing}"


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(cli, ["no-such-command"])
    assert result.exit_code == 2
    assert "No such command 'no-such-command'" in result.output
