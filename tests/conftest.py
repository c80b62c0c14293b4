"""Shared paths for the test suite; feature fixtures live beside their tests."""

from pathlib import Path

import pytest

from oxigraph_server import oxigraph_server  # noqa: F401  (a session fixture for remote tests)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ONTOLOGY = ROOT / "ontology"
SHAPES = ROOT / "shapes"
QUERIES = ROOT / "queries"
FIXTURES = ROOT / "tests" / "data"
#: a frozen copy of the five seed graphs with the places and themes they use: tests that
#: pin figures of the whole graph (degrees, rankings, member lists) read this, not data/,
#: so that adding a source or an import to data/ breaks none of them
SEED = FIXTURES / "seed"
#: the shared folder beside the clone (seeds, real data, schemas, vocabularies)
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture
def shared():
    """The shared folder; tests that need it are skipped where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the clone")
    return SHARED
