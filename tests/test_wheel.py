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
    assert out.splitlines()[1] == "graphs: 3 (added 3, changed 0, kept 0, removed 0)"
    assert (project / ".citygraph" / "store").is_dir()
    out = _run(citygraph, "queries", cwd=project / "sheets")
    assert "network-members  [report]" in out


def test_a_new_source_from_text_to_report(installed, tmp_path):
    """init, gazetteer, source add, sheets draft + accept + compile, validate, build, report."""
    citygraph = installed / "citygraph"
    _run(citygraph, "init", "trial", cwd=tmp_path)
    project = tmp_path / "trial"
    (project / "data" / "gazetteer" / "places.csv").write_text(
        "slug,kind,label,country,part_of,lookup,alt_labels\n"
        "country-kr,country,South Korea,\"Korea, Republic of\",,,Korea\n"
        "country-lk,country,Sri Lanka,Sri Lanka,,,\n"
        "seoul,city,Seoul,\"Korea, Republic of\",,,\n"
        "colombo,city,Colombo,Sri Lanka,,,\n", encoding="utf-8")
    _run(citygraph, "gazetteer", cwd=project)
    (tmp_path / "news.html").write_text(
        "<html><body><h1>Seoul and Colombo sign an MOU</h1><p>On Wednesday, June 8th, Seoul "
        "Mayor Won-soon Park and Colombo Mayor A.J.M Muzammil signed an MOU for the "
        "cooperating cities.</p></body></html>", encoding="utf-8")
    out = _run(citygraph, "source", "add", tmp_path / "news.html", "--title",
               "Seoul and Colombo sign an MOU", "--date", "2016-06-23", cwd=project)
    assert out.splitlines()[1] == "data: data/000_seoul-and-colombo-sign-an-mou.ttl"
    # the walk-through of the README: draft from the text, accept, compile
    out = _run(citygraph, "sheets", "draft", "000", cwd=project)
    assert "sheets/000/draft/agreements.csv: 1 row(s)" in out.splitlines()
    out = _run(citygraph, "sheets", "accept", "000", "agreements", "2", "--set", "signatories=",
               "--set", "label=MOU between Seoul and Colombo", cwd=project)
    assert out == "sheets/000/agreements.csv: 1 row(s) accepted\n"
    out = _run(citygraph, "sheets", "compile", "000", cwd=project)
    assert out == "data/000_seoul-and-colombo-sign-an-mou.ttl: 10 triples from the sheets\n"
    _run(citygraph, "validate", "data/000_seoul-and-colombo-sign-an-mou.ttl", cwd=project)
    out = _run(citygraph, "build", cwd=project)
    assert out.splitlines()[-2].startswith("validation: conforms")
    assert out.splitlines()[-1] == f"written: {project / '.citygraph' / 'store'}"
    out = _run(citygraph, "report", "--top", "2", cwd=project)
    assert out.splitlines()[0].startswith("Network of 2 places and 1 edges")
    out = _run(citygraph, "source", "list", cwd=project)
    assert out.splitlines()[1] == "000      1      1  ok        Seoul and Colombo sign an MOU"
