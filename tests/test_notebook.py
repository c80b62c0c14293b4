"""docs/notebook.ipynb runs from top to bottom and shows what its text says, and the outputs
kept in the file are those a run gives (so the notebook never goes stale).

After a change that moves its outputs, run it again in place with
``python tests/test_notebook.py`` and commit the notebook.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebook.ipynb"
REASON = 'the notebook needs the notebook extra: pip install "citygraph[notebook]"'


def execute(notebook):
    """Run a notebook (an nbformat node) in a python3 kernel started in docs/; return it."""
    from nbclient import NotebookClient

    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)  # run times only: no diff from one run to the next
    return notebook


def _code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _text(cell):
    """What a cell printed and the plain text of what it showed."""
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream" and output.name == "stdout":
            parts.append(output.text)
        elif "data" in output:
            parts.append(output.data.get("text/plain", ""))
    return "".join(parts)


@pytest.fixture(scope="module")
def ran():
    for module in ("nbclient", "nbformat", "ipykernel", "pandas"):
        pytest.importorskip(module, reason=REASON)
    import nbformat

    return execute(nbformat.read(NOTEBOOK, as_version=4))


@pytest.mark.slow
def test_the_notebook_runs_and_shows_frames_network_measure_plot_and_evidence(ran):
    cells = _code_cells(ran)
    errors = [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert errors == []
    built, members, attendance, agreements, network, routes, plot, edge, evidence = cells
    assert "triples asserted" in _text(built)
    assert "14 members; as_of is datetime64[ns]" in _text(members)
    first = _text(members).splitlines()[2].split()
    assert first == ["0", "Bangkok", "member", "2014-09-06"]
    delegations = [line.split()[1:3] for line in _text(attendance).splitlines()[1:]]
    assert delegations == [["Tomsk", "53"], ["Tokyo", "31"], ["Hanoi", "9"], ["Seoul", "7"],
                           ["Bangkok", "4"]]
    assert "MOU between Seoul and Colombo" in _text(agreements)
    assert "Graph with 55 nodes and 207 edges" in _text(network)
    assert "20 places have no coordinates" in _text(network)
    ranked = [line.split()[0] for line in _text(network).splitlines() if line.startswith("place:")]
    assert ranked[:5] == ["place:changchun", "place:seoul", "place:country-cn", "place:chongqing",
                          "place:toyama-prefecture"]
    assert _text(routes).splitlines() == [
        "Tomsk -> Seoul -> Colombo",
        "Tomsk -> Bangkok -> Seoul -> Colombo",
        "Tomsk -> Seoul -> Addis Ababa -> Colombo",
        "Tomsk -> Delhi -> Seoul -> Colombo",
        "every route passes through: Seoul",
    ]
    images = [o for o in plot.outputs if "data" in o and "image/png" in o.data]
    assert len(images) == 1 and len(images[0].data["image/png"]) > 10_000
    assert _text(edge).splitlines()[:2] == [
        "weight 3.7 from 6 groups in agreement, event, tie",
        "first dated 2016-06-08 ; sources: doc:002"]
    assert "agreement:002-mou-seoul-colombo" in _text(edge)
    assert "signed an MOU for the cooperating" in _text(evidence)


def test_the_committed_outputs_are_those_of_a_run(ran):
    import nbformat

    kept = _code_cells(nbformat.read(NOTEBOOK, as_version=4))
    fresh = _code_cells(ran)
    assert len(kept) == len(fresh)
    assert all(cell.outputs for cell in kept)
    # the first cell prints the triple counts, which move with the ontology: left out
    assert [_text(cell) for cell in kept[1:]] == [_text(cell) for cell in fresh[1:]]


if __name__ == "__main__":
    import nbformat

    nbformat.write(execute(nbformat.read(NOTEBOOK, as_version=4)), NOTEBOOK)
