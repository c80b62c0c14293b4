"""A command that writes project files run outside a project writes nothing and says so in
one line (exit 2); it never falls back to the checkout citygraph runs from. Commands given
--store read anywhere."""

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from conftest import FIXTURES, ROOT

NOT_IN_PROJECT = ("citygraph: error: not in a citygraph project (no citygraph.toml in {} or "
                  "above): run `citygraph init` or give --project\n")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.fixture
def elsewhere(tmp_path, monkeypatch):
    """A folder with no citygraph.toml in it or above, as the current folder."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def _state_of_the_checkout():
    """What a command writing into this checkout would change: its store and imports."""
    paths = [ROOT / ".citygraph", ROOT / "data" / "imports"]
    return {str(p): sorted((q.name, q.stat().st_mtime_ns) for q in p.iterdir())
            for p in paths if p.is_dir()}


@pytest.mark.parametrize("args", [
    ["build"],
    ["build", "--memory"],
    ["build", "--store", "store"],
    ["import", "csv", FIXTURES / "import" / "ties.csv"],
    ["import", "wikidata", "--relations", FIXTURES / "import" / "relations.tsv",
     "--names", FIXTURES / "import" / "names.tsv"],
    ["import", "remove", "ties"],
    ["gazetteer"],
    ["sheets", "compile", "5"],
], ids=lambda a: " ".join(str(x) for x in a[:2]))
def test_a_command_that_writes_project_files_refuses_to_run_outside_a_project(elsewhere, args):
    before = _state_of_the_checkout()
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.output == NOT_IN_PROJECT.format(elsewhere.resolve())
    assert _files(elsewhere) == []
    assert _state_of_the_checkout() == before


def test_source_add_refuses_to_run_outside_a_project(elsewhere, tmp_path):
    text = tmp_path / "minutes.txt"
    text.write_text("Minutes of the meeting.\n", encoding="utf-8")
    result = run("source", "add", text, "--title", "Minutes")
    assert (result.exit_code, result.output) == (2, NOT_IN_PROJECT.format(elsewhere.resolve()))
    assert _files(elsewhere) == []


def test_a_project_given_by_option_that_is_no_project_is_named(elsewhere, tmp_path):
    result = run("build", "--project", tmp_path)
    assert result.exit_code == 2
    assert result.output == (f"citygraph: error: {tmp_path.resolve()} is not in a citygraph "
                             f"project (no citygraph.toml in {tmp_path.resolve()} or above): "
                             "run `citygraph init` or give --project\n")


def test_project_option_builds_that_project_from_anywhere(elsewhere, tmp_path):
    project = tmp_path / "p"
    assert run("init", project).exit_code == 0
    result = run("build", "--project", project, "--no-validate")
    assert result.exit_code == 0, result.output
    assert (project / ".citygraph" / "store" / "current").exists()
    assert _files(elsewhere) == []


def test_commands_given_a_store_read_it_from_anywhere(elsewhere, tmp_path):
    project = tmp_path / "p"
    assert run("init", project).exit_code == 0
    assert run("build", "--project", project, "--store", tmp_path / "s",
               "--no-validate").exit_code == 0
    result = run("query", "--store", tmp_path / "s", "--sparql",
                 "ASK { ?c a <http://www.w3.org/2002/07/owl#Class> }")
    assert (result.exit_code, result.output.strip()) == (0, "yes")
    assert run("queries").exit_code == 0
    assert _files(elsewhere) == []


def test_an_import_with_output_alone_writes_only_where_it_is_told(elsewhere):
    result = run("import", "wikidata", "--relations", FIXTURES / "import" / "relations.tsv",
                 "--names", FIXTURES / "import" / "names.tsv", "--output", "ties.ttl")
    assert result.exit_code == 0, result.output
    assert _files(elsewhere) == ["ties.report.csv", "ties.skipped.csv", "ties.ttl"]
