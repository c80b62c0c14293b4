"""What the commands say where a person could be misled: a build that conforms says which
sources' quotes it could not check."""

import shutil

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from conftest import FIXTURES


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A new project holding a membership that quotes doc:900, whose text it does not have."""
    folder = tmp_path / "p"
    assert run("init", folder).exit_code == 0
    for name in ("context.ttl", "membership-valid.ttl"):
        shutil.copy(FIXTURES / "shapes" / name, folder / "data" / name)
    monkeypatch.chdir(folder)
    return folder


UNCHECKED = ("evidence: 1 source has no text here, so its quotes were not checked: "
             "doc:900 (000_6225120ee05bea0d.txt)")


def test_a_build_that_conforms_says_which_sources_quotes_were_not_checked(project):
    result = run("build")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("validation: conforms")))
    assert lines[at + 1:] == [UNCHECKED, f"written: {project / '.citygraph' / 'store'}"]
    # and so does the next build, which keeps the store as it is
    again = run("build")
    assert again.output.splitlines()[-1] == UNCHECKED


def test_a_build_in_memory_says_it_too_and_none_once_the_text_is_there(project):
    assert UNCHECKED in run("build", "--memory").output.splitlines()
    (project / "sources" / "000_6225120ee05bea0d.txt").write_text(
        "The 13th Plenary Meeting of the ANMC21 in Tomsk. Members: Tomsk 53.\n",
        encoding="utf-8")
    result = run("build", "--memory")
    assert result.exit_code == 0, result.output
    assert "validation: conforms" in result.output and "evidence" not in result.output


def test_a_build_without_validation_says_nothing_about_quotes(project):
    result = run("build", "--memory", "--no-validate")
    assert result.exit_code == 0, result.output
    assert "validation: skipped" in result.output and "evidence:" not in result.output
