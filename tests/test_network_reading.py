"""How the network is read from the store: the projection queries' rows as text, and the
collector paused while the network is built."""

import gc
import threading

import pytest

from citygraph.graph.build import build
from citygraph.networks.projection import paused_gc
from citygraph.querying.catalog import find_query
from citygraph.querying.sparql import connect
from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def seed_target():
    """The frozen seed graph (tests/data/seed/) with the ontology's inferences, in memory."""
    return connect(build(memory=True, data_dir=SEED, root=ROOT, validate=False).store)


@pytest.mark.parametrize("layer, count", [("places", 401), ("agreement", 27), ("tie", 42),
                                          ("membership", 29), ("event", 30), ("project", 30)])
def test_rows_as_text_are_the_text_of_the_rows_as_terms(seed_target, layer, count):
    # the projection reads its rows from the store's CSV: the same text as the terms' values
    query = find_query(f"project-{layer}").text
    names, rows = seed_target.select_text(query)
    term_names, terms = seed_target.select_terms(query)
    assert names == term_names and len(rows) == count
    assert sorted(rows, key=repr) == sorted(
        ([None if term is None else term.value for term in row] for row in terms), key=repr)
    if layer == "agreement":
        assert ["https://w3id.org/citygraph/id/agreement/000-tomsk-declaration",
                "https://w3id.org/citygraph/id/agreement/000-tomsk-declaration",
                "https://w3id.org/citygraph/id/place/hanoi",
                "https://w3id.org/citygraph/id/place/hanoi", "party", "2014-09-06",
                "https://w3id.org/citygraph/id/agreement-type/declaration",
                "https://w3id.org/citygraph/id/doc/000"] in rows


def test_the_collector_pause_ends_with_the_last_of_overlapping_blocks():
    inside, leave = threading.Event(), threading.Event()

    def worker():
        with paused_gc():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=worker)
    with paused_gc():
        thread.start()
        inside.wait(10)
    # the first block ended while the thread's still runs: still paused
    assert gc.isenabled() is False
    leave.set()
    thread.join(10)
    assert gc.isenabled() is True
