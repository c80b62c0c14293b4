"""A wheel installed outside the checkout gives a working citygraph in a project of its own.

Building the wheel and a virtual environment takes about half a minute, so this
runs where CITYGRAPH_WHEEL_TEST=1 is set, as `.ci/run` does; `pytest` alone
skips it. The venv sees the machine's packages (the dependencies) but imports
citygraph from the wheel, never from this checkout.
"""

import os
import subprocess
import sys
import venv

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(os.environ.get("CITYGRAPH_WHEEL_TEST") != "1",
                                reason="set CITYGRAPH_WHEEL_TEST=1 to build and install the wheel")


def _run(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", base / "dist", ROOT,
         cwd=base)
    (wheel,) = (base / "dist").glob("citygraph-*.whl")
    venv.create(base / "venv", system_site_packages=True, with_pip=True)
    bin_dir = base / "venv" / "bin"
    _run(bin_dir / "python", "-m", "pip", "install", "-q", "--no-deps", wheel, cwd=base)
    return bin_dir


def test_the_installed_package_is_not_the_checkout(installed, tmp_path):
    out = _run(installed / "python", "-c",
               "import citygraph.resources as r; print(r.checkout()); print(r.path('ontology'))",
               cwd=tmp_path)
    checkout, ontology = out.splitlines()
    assert checkout == "None"
    assert ontology.endswith("site-packages/citygraph/_data/ontology")


def test_init_build_and_query_in_a_new_project(installed, tmp_path):
    citygraph = installed / "citygraph"
    _run(citygraph, "init", "trial", cwd=tmp_path)
    project = tmp_path / "trial"
    out = _run(citygraph, "build", cwd=project)
    assert out.splitlines()[1] == "files: 2 (loaded 2, reloaded 0, reused 0, removed 0)"
    assert (project / ".citygraph" / "store").is_dir()
    out = _run(citygraph, "queries", cwd=project / "sheets")
    assert "network-members  [report]" in out
