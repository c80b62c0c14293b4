"""Documentation that cannot drift (as datasette's tests/test_docs.py): the exit codes are
written once, in ``citygraph.errors.EXIT_CODES``, and the CLI's docstring, ``citygraph --help``
and the README's "Exit codes" table must say the same; docs/cli.md is every command's
--help as the commands give it; docs/architecture.md names every module of the package."""

import re
from pathlib import Path

import click
from click.testing import CliRunner

import citygraph.cli
from citygraph.cli import cli, reference
from citygraph.errors import EXIT_CODES, EXIT_NO, EXIT_OK, EXIT_REMOTE, EXIT_USAGE

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
CLI_REFERENCE = ROOT / "docs" / "cli.md"
PACKAGE = ROOT / "src" / "citygraph"


def _flat(text):
    """Text on one line, without Markdown code marks."""
    return " ".join(text.replace("`", "").split())


def readme_exit_codes(text):
    """{code: meaning} of the README's "## Exit codes" table."""
    section = text.split("\n## Exit codes\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", section, flags=re.M)
    return {int(code): _flat(meaning) for code, meaning in rows}


def docstring_exit_codes(doc):
    """{code: meaning} of the ``* N: meaning`` list (with its indented continuation lines)."""
    section = doc.split("Exit codes", 1)[1]
    items = re.findall(r"^\* (\d+): (.+?)(?=^\* |^\S|\Z)", section.split("\n\n", 2)[1] + "\n",
                       flags=re.M | re.S)
    return {int(code): _flat(meaning) for code, meaning in items}


def test_the_exit_codes_are_the_four_the_commands_use():
    assert sorted(EXIT_CODES) == [EXIT_OK, EXIT_NO, EXIT_USAGE, EXIT_REMOTE] == [0, 1, 2, 3]
    assert EXIT_CODES[0] == "done; the data conforms"


def test_the_readme_table_says_what_errors_py_says():
    expected = {code: _flat(text) for code, text in EXIT_CODES.items()}
    assert readme_exit_codes(README.read_text(encoding="utf-8")) == expected


def test_the_cli_docstring_says_what_errors_py_says():
    expected = {code: _flat(text) for code, text in EXIT_CODES.items()}
    assert docstring_exit_codes(citygraph.cli.__doc__) == expected


def test_citygraph_help_ends_with_the_exit_codes():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    tail = _flat(result.output.split("Exit codes:", 1)[1])
    assert tail == " ".join(f"{code}: {_flat(text)}" for code, text in EXIT_CODES.items())


def test_the_checks_see_a_drifted_readme():
    drifted = "# x\n\n## Exit codes\n\n| code | meaning |\n|---|---|\n| 0 | done |\n" \
              "| 4 | something new |\n\n## Layout\n\n| 9 | not this one |\n"
    assert readme_exit_codes(drifted) == {0: "done", 4: "something new"}
    doc = "Exit codes:\n\n* 0: done\n* 2: usage\n  error\n\nLibrary code..."
    assert docstring_exit_codes(doc) == {0: "done", 2: "usage error"}


def module_names(path, package=PACKAGE):
    """The names a page may give a module: its path under the package (``graph/store.py``,
    a sub-package as ``graph/``, the package as ``citygraph/``) or its dotted name
    (``citygraph.graph.store``)."""
    relative = path.relative_to(package)
    parts = relative.with_suffix("").parts
    if path.name == "__init__.py":
        parts = parts[:-1]
        return ("/".join(parts or ("citygraph",)) + "/", ".".join(("citygraph",) + parts))
    return (relative.as_posix(), ".".join(("citygraph",) + parts))


def unnamed_modules(text, package=PACKAGE):
    """The modules of the package that ``text`` names in neither form."""
    return sorted(str(path.relative_to(package)) for path in package.rglob("*.py")
                  if not any(name in text for name in module_names(path, package)))


def test_the_architecture_page_names_every_module():
    assert unnamed_modules(ARCHITECTURE.read_text(encoding="utf-8")) == []


def test_the_module_check_sees_a_module_the_page_leaves_out(tmp_path):
    package = tmp_path / "citygraph"
    (package / "graph").mkdir(parents=True)
    for name in ("__init__.py", "graph/__init__.py", "graph/store.py", "graph/build.py",
                 "errors.py"):
        (package / name).write_text("", encoding="utf-8")
    text = "`citygraph/` and citygraph.graph: graph/store.py; errors.py"
    assert unnamed_modules(text, package) == ["graph/build.py"]
    assert module_names(package / "graph" / "__init__.py", package) == (
        "graph/", "citygraph.graph")


def test_the_cli_reference_is_current():
    expected = reference()
    assert CLI_REFERENCE.read_text(encoding="utf-8") == expected, (
        "docs/cli.md is not current: regenerate it with "
        "python -c \"from citygraph.cli import reference; print(reference(), end='')\" "
        "> docs/cli.md")


def test_the_cli_reference_has_every_command_and_option():
    text = reference()
    assert "## citygraph import wikidata\n" in text and "## citygraph source add\n" in text
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert f"## citygraph {name}\n" in text
        for param in command.params:
            for option in getattr(param, "opts", []):
                if option.startswith("--"):
                    assert option in text.split(f"## citygraph {name}\n", 1)[1], (name, option)
