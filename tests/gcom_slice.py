"""A project of the frozen seed graph plus the frozen GCoM slice, imported and built once.

``tests/data/import/gcom_slice.csv`` is 14 rows of the Covenant of Mayors signatory list
(JRC GCoM-MyCovenant, January 2024, CC BY 4.0; see tests/data/import/README.md): the
membership import, the period report and the timeline pages pin their figures on it.
"""

import shutil

from click.testing import CliRunner

from citygraph.cli import cli
from conftest import FIXTURES, ONTOLOGY, QUERIES, SEED, SHAPES

SLICE = FIXTURES / "import" / "gcom_slice.csv"
#: the options that import the GCoM signatory list
GCOM_OPTIONS = ["--organization", "Covenant of Mayors", "--column", "member=organisation_name",
                "--column", "country=country_name", "--column", "lat=organisation_latitude",
                "--column", "lon=organisation_longitude", "--column",
                "date=date_of_adhesion_iso", "--also", "supporter_name", "--also",
                "coordinator_name"]


def make_project(folder):
    """The ontology, queries and shapes, and the frozen seed graph as the project's data."""
    for source in (ONTOLOGY, QUERIES, SHAPES):
        shutil.copytree(source, folder / source.name)
    shutil.copytree(SEED, folder / "data", ignore=shutil.ignore_patterns("README.md"))
    return folder


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


_BUILT = {}


def built(tmp_path_factory):
    """``(project, store, result)``: the slice imported into a copy of the seed project and
    built with validation, once for the whole session (tests only read it)."""
    if "gcom" not in _BUILT:
        project = make_project(tmp_path_factory.mktemp("gcom") / "project")
        store = project.parent / "store"
        _BUILT["gcom"] = (project, store, import_slice(project, store))
    return _BUILT["gcom"]


def import_slice(project, store=None, *extra):
    """Import the GCoM slice as data/imports/gcom.* (and build ``store`` when given)."""
    args = ["import", "memberships", SLICE, "--project", project, "--name", "gcom",
            *GCOM_OPTIONS, *extra]
    if store is not None:
        args += ["--store", store]
    return run(*args)
