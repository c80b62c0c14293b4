"""Odd paths and files: symbolic link loops, folders named like Turtle files, a UTF-8 BOM.

Each is one line and exit 2, or (the BOM) simply accepted.
"""

import os

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.errors import InputError
from citygraph.graph.build import build
from citygraph.graph.store import open_existing
from citygraph.rdfio import parse_turtle, read_triples
from conftest import ROOT

TRIPLE = "<https://w3id.org/citygraph/id/place/x> <http://www.w3.org/2000/01/rdf-schema#label> " \
         '"Ex" .\n'


def run(*args):
    return CliRunner().invoke(cli, list(args))


def one_line(result, *fragments):
    assert result.exit_code == 2, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("citygraph: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def loops(tmp_path):
    os.symlink(tmp_path / "self.ttl", tmp_path / "self.ttl")
    os.symlink(tmp_path / "b.ttl", tmp_path / "a.ttl")
    os.symlink(tmp_path / "a.ttl", tmp_path / "b.ttl")
    return tmp_path


def test_validate_a_symlink_loop(loops):
    for name in ("self.ttl", "a.ttl"):
        one_line(run("validate", str(loops / name)), name)


def test_reading_a_symlink_loop(loops):
    with pytest.raises(InputError) as caught:
        list(read_triples(loops / "a.ttl"))
    assert str(caught.value) == f"{loops / 'a.ttl'}: cannot be read: a symbolic link loop"


def test_a_folder_named_x_ttl_in_data(tmp_path):
    data = tmp_path / "data"
    (data / "x.ttl").mkdir(parents=True)
    (data / "ok.ttl").write_text(TRIPLE)
    one_line(run("build", "--store", str(tmp_path / "store"), "--data", str(data),
                 "--no-validate"), "x.ttl")
    assert not (tmp_path / "store").exists()
    one_line(run("validate", str(data / "x.ttl")), "x.ttl")
    with pytest.raises(InputError) as caught:
        parse_turtle(data / "x.ttl")
    assert str(caught.value) == f"{data / 'x.ttl'}: not a file (a directory)"


def test_a_turtle_file_with_a_utf8_bom_is_accepted(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "bom.ttl").write_bytes(b"\xef\xbb\xbf" + TRIPLE.encode())
    assert [str(o) for _, _, o in read_triples(data / "bom.ttl")] == ["Ex"]
    report = build(store_path=tmp_path / "store", data_dir=data, root=ROOT, validate=False)
    assert report.written
    store = open_existing(tmp_path / "store")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    assert [q.object.value for q in store.quads_for_pattern(None, label, None)
            if q.subject.value.endswith("/place/x")] == ["Ex"]
    result = run("validate", str(data / "bom.ttl"))
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def test_a_bom_does_not_hide_a_syntax_error_position(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_bytes(b"\xef\xbb\xbf" + TRIPLE.encode() + b"<http://e/a> <http://e/b> .\n")
    with pytest.raises(InputError) as caught:
        list(read_triples(path))
    assert str(caught.value).startswith(f"{path}:2:")
