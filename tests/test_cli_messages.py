"""What the commands say where a person could be misled: a build that conforms says which
sources' quotes it could not check; a file in another RDF format, a binary CSV, a first build
that fails, a closed pipe, -q after the subcommand, an export that fails."""

import os
import resource
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from conftest import FIXTURES


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def citygraph(*args, **kwargs):
    """The command in a process of its own, as a shell runs it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen([sys.executable, "-c", "from citygraph.cli import main; main()",
                             *map(str, args)], env=env, **kwargs)


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


RDF_XML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="https://w3id.org/citygraph/id/place/tomsk">
    <rdfs:label>Tomsk</rdfs:label>
  </rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize("name, what", [("places.rdf", "RDF/XML"), ("places.owl", "RDF/XML"),
                                        ("places.ttl", "RDF/XML"), ("places.trig", "TriG")])
def test_validate_says_which_formats_it_reads(project, name, what):
    path = project / name
    path.write_text(RDF_XML, encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.output == (f"citygraph: error: {path}: {what} is not read; validate reads "
                             "Turtle (.ttl, and N-Triples .nt, which is Turtle): convert the "
                             "file to Turtle first\n")


def test_n_triples_is_read_as_the_turtle_it_is(project):
    path = project / "label.nt"
    path.write_text('<https://w3id.org/citygraph/id/place/tomsk> '
                    '<http://www.w3.org/2000/01/rdf-schema#label> "Tomsk" .\n', encoding="utf-8")
    result = run("validate", "--no-context", path)
    assert result.exit_code == 0, result.output


def test_a_binary_csv_is_called_binary_not_utf16_text(project, tmp_path):
    path = tmp_path / "ties.csv"
    # a UTF-16 byte-order mark, then bytes that are no UTF-16 text (here: the other order)
    path.write_bytes(b"\xff\xfe" + "city1,country1,city2,country2\n".encode("utf-16-be"))
    result = run("import", "csv", path)
    assert result.exit_code == 2
    assert result.output == (f"citygraph: error: {path}: a binary file (its first two bytes "
                             "are a UTF-16 byte-order mark, but what follows is not UTF-16 "
                             "text); expected a CSV file with a header line\n")
    path.write_bytes(b"\xff\xfe\x00\x00\x13\x07\x01\x00PK\x03\x04")
    assert "a binary file" in run("import", "csv", path).output
    assert not (project / "data" / "imports").exists()


def test_a_first_build_that_fails_does_not_speak_of_a_previous_store(project):
    shutil.copy(FIXTURES / "shapes" / "membership-invalid.ttl", project / "data")
    result = run("build")
    assert result.exit_code == 1
    store = project / ".citygraph" / "store"
    assert result.output.splitlines()[-1] == (f"not written: no store at {store} (there was "
                                              "none before this build)")
    assert "previous store" not in result.output


def test_a_closed_pipe_ends_the_listing_quietly(project):
    process = citygraph("queries", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # as `citygraph queries | head -0`: the reader is gone
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""
    process.stderr.close()


def test_quiet_is_accepted_after_the_subcommand(project):
    for args in (["build", "-q", "--memory"], ["-q", "build", "--memory"],
                 ["source", "list", "--quiet"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
    assert "-q, --quiet" in run("build", "--help").output


def test_a_failed_csv_export_leaves_no_folder(project, tmp_path):
    store = tmp_path / "store"
    assert run("build", "--store", store, "--data", FIXTURES / "network",
               "--no-validate").exit_code == 0
    output = tmp_path / "out" / "tables"

    def small_files():  # no file past 100 bytes: nodes.csv cannot be written
        resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))

    process = citygraph("export", "--store", store, "--format", "csv", "--output", output,
                        stderr=subprocess.PIPE, stdout=subprocess.PIPE, preexec_fn=small_files)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert err.decode() == (f"citygraph: error: {output / 'nodes.csv'}: cannot write: "
                            "File too large\n")
    assert not (tmp_path / "out").exists()
