"""Progress bars: on a terminal a long step shows itself; in a pipe nothing is printed."""

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")
LONG_STEP = ("import time\nfrom citygraph.progress import step\n"
             "with step('inferring'):\n    time.sleep(1.8)\nprint('done')\n")


def _run(terminal):
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("CITYGRAPH_QUIET", None)
    if not terminal:
        done = subprocess.run([sys.executable, "-c", LONG_STEP], capture_output=True, env=env,
                              timeout=30, check=True)
        return done.stdout.decode() + done.stderr.decode()
    main, side = os.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    child = subprocess.Popen([sys.executable, "-c", LONG_STEP], stdout=side, stderr=side,
                             env=env)
    os.close(side)
    seen = b""
    while select.select([main], [], [], 20)[0]:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    child.wait(timeout=30)
    os.close(main)
    return seen.decode(errors="replace")


def test_a_long_step_of_unknown_size_shows_its_name_and_time_on_a_terminal():
    shown = _run(terminal=True).replace("\r", "\n")
    assert "inferring: 00:01" in shown
    assert shown.rstrip().endswith("done")


def test_nothing_but_the_output_in_a_pipe():
    assert _run(terminal=False) == "done\n"
