"""A real Oxigraph SPARQL server on a free loopback port, for the remote-endpoint tests."""

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest

__all__ = ["OxigraphServer", "free_port", "oxigraph_server"]


@dataclass(frozen=True)
class OxigraphServer:
    """The URLs of a running ``oxigraph serve``."""

    base: str

    @property
    def query(self):
        """The SPARQL query endpoint."""
        return f"{self.base}/query"

    @property
    def update(self):
        """The SPARQL Update endpoint."""
        return f"{self.base}/update"

    @property
    def store(self):
        """The Graph Store Protocol endpoint."""
        return f"{self.base}/store"


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url):
    try:
        with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Start ``oxigraph serve --union-default-graph`` in a temporary folder; stop it after."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = open(location.parent / f"oxigraph-{port}.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = OxigraphServer(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 30
    while not _answers(server.base):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.close()
            text = (location.parent / f"oxigraph-{port}.log").read_text(errors="replace")
            pytest.fail(f"oxigraph serve did not start on port {port}: {text[-500:]}")
        time.sleep(0.1)
    try:
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
