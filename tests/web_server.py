"""A real ``citygraph serve`` on a free loopback port, for the web and remote-endpoint tests."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from oxigraph_server import free_port

__all__ = ["WebServer", "start_server", "build_store"]

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class WebServer:
    """A running server: its base URL and process."""

    base: str
    process: subprocess.Popen
    log: Path

    @property
    def sparql(self):
        """The SPARQL 1.1 query endpoint."""
        return f"{self.base}/sparql"

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def build_store(path, data_dir=None):
    """A store built from ``data_dir`` (default: the project's data) at ``path``."""
    from citygraph.store import build

    report = build(store_path=path, data_dir=data_dir, root=ROOT, validate=False)
    assert report.written or path.is_dir()
    return path


def start_server(store, folder, *args):
    """Start ``citygraph serve`` on ``store``; wait until it answers; return a WebServer."""
    port = free_port()
    log = Path(folder) / f"serve-{port}.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process = subprocess.Popen(
        [sys.executable, "-c", "from citygraph.cli import main; main()", "serve",
         "--store", str(store), "--port", str(port), *args],
        stdout=open(log, "wb"), stderr=subprocess.STDOUT, env=env, cwd=str(ROOT),  # noqa: SIM115
    )
    server = WebServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{server.base}/sparql?query=ASK%7B%7D", timeout=2):
                return server
        except (urllib.error.URLError, OSError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"citygraph serve did not start: {log.read_text(errors='replace')[-800:]}")
        time.sleep(0.2)
