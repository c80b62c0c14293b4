"""Progress on a terminal, command by command: import, build, validate, report and export run
end to end on a pseudo-terminal and show their steps on it (tqdm on standard error); in a pipe
they show none."""

import fcntl
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from conftest import FIXTURES

SRC = str(Path(__file__).resolve().parents[1] / "src")
CITYGRAPH = [sys.executable, "-c", "from citygraph.cli import main; main()"]


def on_terminal(args, cwd, delay=None, code=None, size=(24, 100)):
    """Run a command (or Python ``code``) on a pseudo-terminal; all it showed, with each
    carriage return as a new line, and its exit code."""
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("CITYGRAPH_QUIET", None)
    if delay is not None:
        env["CITYGRAPH_PROGRESS_DELAY"] = str(delay)
    main, side = os.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
    command = [sys.executable, "-c", code] if code else [*CITYGRAPH, *map(str, args)]
    child = subprocess.Popen(command, stdout=side, stderr=side, stdin=side, env=env, cwd=cwd)
    os.close(side)
    seen = b""
    while select.select([main], [], [], 120)[0]:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    child.wait(timeout=120)
    os.close(main)
    return seen.decode(errors="replace").replace("\r", "\n"), child.returncode


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A project holding the network fixture, built once into its store."""
    folder = tmp_path_factory.mktemp("progress") / "p"
    subprocess.run([*CITYGRAPH, "init", str(folder)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": SRC})
    for path in (FIXTURES / "network").glob("*.ttl"):
        shutil.copy(path, folder / "data" / path.name)
    subprocess.run([*CITYGRAPH, "build", "--no-validate"], check=True, capture_output=True,
                   cwd=folder, env={**os.environ, "PYTHONPATH": SRC})
    return folder


#: each long command and the steps it shows
COMMANDS = {
    "build": (["build", "--store", "{tmp}/store"], ["loading", "inferring", "validating"]),
    "validate": (["validate"], ["loading", "validating (turbo)"]),
    "import": (["import", "csv", FIXTURES / "import" / "ties.csv", "--output", "{tmp}/t.ttl"],
               ["reconciling", "writing"]),
    # layers of their own: neither reuses the measures the other keeps
    "report": (["report", "--store", ".citygraph/store", "--layer", "tie"],
               ["reading layers", "measures"]),
    "export": (["export", "--store", ".citygraph/store", "--layer", "agreement", "--format",
                "gexf", "--output", "{tmp}/n.gexf"], ["reading layers", "measures",
                                                       "writing gexf"]),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_long_command_shows_its_steps_on_a_terminal(project, tmp_path, name):
    args, steps = COMMANDS[name]
    args = [str(a).replace("{tmp}", str(tmp_path)) for a in args]
    # every bar shows at once (CITYGRAPH_PROGRESS_DELAY=0): the fixture is small and fast
    shown, code = on_terminal(args, project, delay=0)
    assert code in (0, 1), shown
    lines = shown.splitlines()
    for step in steps:
        assert any(line.lstrip("\x1b[A ").startswith(f"{step}:") for line in lines), (step, shown)
    if name not in ("build", "validate"):
        return  # the pipe is checked on two commands: each run costs seconds
    # and in a pipe, the same command writes no bar
    piped = subprocess.run([*CITYGRAPH, *args], cwd=project, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": SRC, "CITYGRAPH_PROGRESS_DELAY": "0"})
    assert not any(f"{step}:" in piped.stderr for step in steps), piped.stderr


SLOW_FIRST_ITEM = """
import time
from citygraph.progress import bar
for _ in bar(range(2), desc="reading layers", unit="layer"):
    time.sleep(1.6)
print("done")
"""


def test_a_bar_whose_first_item_takes_long_shows_before_the_item_ends(tmp_path):
    # tqdm draws a bar only when it advances; the first item alone runs past the second
    shown, code = on_terminal(None, tmp_path, code=SLOW_FIRST_ITEM)
    assert code == 0
    assert "reading layers:   0%" in shown
    assert shown.rstrip().endswith("done")


def test_a_terminal_that_reports_no_size_still_shows_the_bars(project, tmp_path):
    """``script -qc COMMAND /dev/null`` gives a pseudo-terminal of 0 columns and 0 rows, on
    which tqdm drew nothing: the bars then take 80 columns."""
    seen, code = on_terminal(["build", "--no-validate", "--store", tmp_path / "store"],
                             project, delay=0, size=(0, 0))
    assert code == 0, seen
    assert re.search(r"loading: +\d+%\|", seen), seen
