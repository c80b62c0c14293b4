"""Every command that writes: an unwritable destination is one line naming the path and exit 2.

Destinations tried: a read-only folder, ``/proc/version`` (not a regular file in
a folder where nothing can be created) and a path under a regular file. Written
files respect the umask, and temporary files never outlive an error or a kill.
"""

import os
import signal
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.errors import WriteError
from citygraph.fileio import atomic_path, write_atomic
from citygraph.graph.build import build


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("writes") / "store"
    build(store_path=path, validate=False)
    return str(path)


@pytest.fixture
def read_only(tmp_path):
    """A folder this process cannot create files in (root ignores modes: /sys refuses it too)."""
    if os.geteuid() == 0:
        yield "/sys/kernel"
        return
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    yield str(folder)
    folder.chmod(0o755)


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "a-file"
    path.write_text("not a folder\n")
    return path


def run(*args):
    return CliRunner().invoke(cli, list(args))


def one_line(result, path):
    assert result.exit_code == 2, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("citygraph: error: "), result.stderr
    assert str(path) in lines[0], lines[0]


def test_export_to_proc_version(store_dir):
    one_line(run("export", "--store", store_dir, "--format", "graphml", "--output",
                 "/proc/version"), "/proc/version")


def test_export_csv_to_a_folder_that_cannot_be_made(store_dir, a_file, read_only):
    one_line(run("export", "--store", store_dir, "--format", "csv", "--output",
                 str(a_file / "tables")), a_file / "tables")
    one_line(run("export", "--store", store_dir, "--format", "csv", "--output",
                 f"{read_only}/tables"), f"{read_only}/tables")
    one_line(run("export", "--store", store_dir, "--format", "csv", "--output", "/proc/tables"),
             "/proc/tables")


def test_export_under_a_file_or_into_a_read_only_folder(store_dir, a_file, read_only):
    one_line(run("export", "--store", store_dir, "--format", "gexf", "--output",
                 str(a_file / "x.gexf")), a_file / "x.gexf")
    one_line(run("export", "--store", store_dir, "--format", "json", "--output",
                 f"{read_only}/x.json"), f"{read_only}/x.json")


def test_report_out_unwritable(store_dir, a_file, read_only):
    one_line(run("report", "--store", store_dir, "--out", str(a_file / "r")), a_file / "r")
    one_line(run("report", "--store", store_dir, "--out", "/proc/r"), "/proc/r")
    one_line(run("report", "--store", store_dir, "--out", f"{read_only}/r"), f"{read_only}/r")


def test_build_store_under_a_file(a_file):
    one_line(run("build", "--store", str(a_file / "store"), "--no-validate"), a_file)


def test_import_output_unwritable(a_file, read_only, tmp_path):
    ties = tmp_path / "ties.csv"
    ties.write_text("city1,country1,city2,country2\nWeimar,Germany,Siena,Italy\n")
    TIES = str(ties)  # noqa: N806  (one clean row: nothing is skipped, stderr has one line)
    one_line(run("import", "csv", TIES, "--output", "/proc/version"), "/proc/version")
    one_line(run("import", "csv", TIES, "--output", str(a_file / "x.ttl")), a_file / "x.ttl")
    one_line(run("import", "csv", TIES, "--output", f"{read_only}/x.ttl"), f"{read_only}/x.ttl")


def test_outputs_respect_the_umask(store_dir, tmp_path):
    for mask, mode in ((0o022, 0o644), (0o027, 0o640)):
        old = os.umask(mask)
        try:
            out = tmp_path / f"net-{mask:o}.graphml"
            result = run("export", "--store", store_dir, "--format", "graphml", "--output",
                         str(out))
            tables = tmp_path / f"tables-{mask:o}"
            run("export", "--store", store_dir, "--format", "csv", "--output", str(tables))
        finally:
            os.umask(old)
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE(out.stat().st_mode) == mode
        assert stat.S_IMODE((tables / "nodes.csv").stat().st_mode) == mode


def test_a_failed_write_leaves_neither_temp_nor_half_file(tmp_path):
    dest = tmp_path / "out.ttl"
    dest.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_path(dest) as tmp:
        tmp.write_text("half")
        raise RuntimeError("the writer failed")
    assert dest.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ttl"]
    with pytest.raises(WriteError) as caught:
        write_atomic("x", tmp_path / "out.ttl" / "below")
    assert "out.ttl" in str(caught.value)


def test_a_killed_write_leaves_a_temp_the_next_export_removes(store_dir, tmp_path):
    dest = tmp_path / "net.gexf"
    code = ("import os, signal, sys\n"
            "from citygraph.fileio import atomic_path\n"
            "with atomic_path(sys.argv[1]) as tmp:\n"
            "    tmp.write_text('half')\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n")
    killed = subprocess.run([sys.executable, "-c", code, str(dest)], env=os.environ.copy())
    assert killed.returncode == -signal.SIGKILL
    stray = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(stray) == 1 and not dest.exists()
    # a temp older than a minute belongs to a dead run: the next write of the file removes it
    old = time.time() - 120
    os.utime(stray[0], (old, old))
    result = run("export", "--store", store_dir, "--format", "gexf", "--output", str(dest))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.gexf"]
