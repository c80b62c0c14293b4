"""A real Virtuoso 7 (Debian's virtuoso-opensource-7-bin) on free loopback ports, for the
parity tests: a fresh database in a temporary folder, its SPARQL endpoint open to updates."""

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from oxigraph_server import free_port

__all__ = ["VirtuosoServer", "start_virtuoso"]

_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {dir}
DefaultIsolation = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/www
MaxClientConnections = 8
ServerThreads = 8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


@dataclass
class VirtuosoServer:
    """A running Virtuoso: its SPARQL endpoint, its SQL port and its process."""

    sparql: str
    sql_port: int
    process: subprocess.Popen
    folder: Path

    def sql(self, statement):
        """Run one SQL statement as dba through isql-vt; its output."""
        done = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba",
                               f"exec={statement}"], capture_output=True, text=True,
                              timeout=120, check=False)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt failed: {(done.stdout + done.stderr)[-500:]}")
        return done.stdout

    def restart(self):
        """Checkpoint, stop and start again on the same database.

        After a load, Virtuoso 7.2.5 answers some queries from the statistics it
        gathered on the empty database (project-tie: 1 row instead of 42) until it
        restarts; docs/scale.md says so.
        """
        self.sql("checkpoint;")
        self.stop()
        self.process = _launch(self.folder)
        _wait(self)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_virtuoso(folder):
    """Start Virtuoso on a new database in ``folder``; skip where it is not installed."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource-7-bin)")
    folder = Path(folder)
    (folder / "www").mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(dir=folder, sql_port=sql_port, http_port=http_port),
                   encoding="utf-8")
    server = VirtuosoServer(f"http://127.0.0.1:{http_port}/sparql", sql_port,
                            _launch(folder), folder)
    _wait(server)
    # the endpoint's own user may write, so that citygraph push can load it
    server.sql('GRANT SPARQL_UPDATE TO "SPARQL";')
    return server


def _launch(folder):
    with open(folder / "stdout.log", "ab") as log:
        return subprocess.Popen(["virtuoso-t", "-f", "-c", str(folder / "virtuoso.ini")],
                                stdout=log, stderr=subprocess.STDOUT, cwd=str(folder))


def _wait(server):
    """Wait until the server's SPARQL endpoint answers; fail with its log otherwise."""
    process, folder = server.process, server.folder
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{server.sparql}?query=ASK%7B%7D", timeout=2):
                break
        except (urllib.error.URLError, OSError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            text = (folder / "virtuoso.log").read_text(errors="replace")[-800:] \
                if (folder / "virtuoso.log").exists() else ""
            pytest.fail(f"Virtuoso did not start: {text}")
        time.sleep(0.3)
