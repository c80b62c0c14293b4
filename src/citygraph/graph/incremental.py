"""An incremental build: the new version starts from a checkpoint of the live one.

When some files changed (and the rules did not), the live database is
checkpointed into the new version folder (hard links to its immutable files:
moments, not a bulk load), the graphs of changed and deleted files are
dropped, changed and new files are loaded into their graphs, and the rules
run again in memory on what they read of the new store
(:meth:`citygraph.graph.inference.Relevance.read_store`); the inferred graph
then takes the difference, so that it holds what a full build would infer.
Validation reads only the nodes the change can reach
(:func:`citygraph.graph.validation.affected_nodes`) when the live version
was validated and conformed, with the same shapes, and no ontology file
changed; otherwise it validates the whole version. The switch to the new
version is the one of a full build (:mod:`citygraph.graph.build`).
"""

import time
import traceback

import pyoxigraph as ox

from citygraph import progress
from citygraph.fileio import os_error
from citygraph.graph.inference import INFERRED_GRAPH, Relevance, count_graph, materialize
from citygraph.graph.store import _DB, GRAPH_BASE, _checkpoint, _graph_counts
from citygraph.rdfio import file_error, turtle_source

__all__ = ["update_version", "subjects"]

#: the graph of the in-memory copy of what the rules read
_ASSERTED = ox.NamedNode(GRAPH_BASE + "asserted")
#: the graph of the in-memory copy of the live version's inferred triples
_OLD = ox.NamedNode(GRAPH_BASE + "inferred-before")


def _copy(source, target, graph, where):
    """Copy the triples ``?s ?p ?o`` that the SPARQL pattern ``where`` matches in ``source``
    into the graph ``graph`` of ``target``.

    Triples of IRIs and literals go as N-Triples, from engine to engine (a
    Python object per triple would take several times as long); triples with
    a blank node go as Python terms, which keep the blank node's name (a load
    of N-Triples names blank nodes anew).
    """
    plain = source.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} FILTER (!isBlank(?s) && !isBlank(?o)) }}")
    target.load(plain.serialize(format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES,
                to_graph=graph)
    rows = source.query(
        f"SELECT ?s ?p ?o WHERE {{ {where} FILTER (isBlank(?s) || isBlank(?o)) }}")
    target.extend(ox.Quad(row["s"], row["p"], row["o"], graph) for row in rows)


def _only_in(store, graph, other):
    """The triples of ``graph`` that ``other`` does not hold, as (s, p, o) tuples."""
    rows = store.query(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH <{other.value}> {{ ?s ?p ?o }} }} }}")
    return [(row["s"], row["p"], row["o"]) for row in rows]


def _iri(name):
    """The graph of a name as the report gives it (see ``graph_name``): GRAPH_BASE is left out.

    >>> _iri("data/places.ttl").value, _iri("http://example.org/g").value
    ('https://w3id.org/citygraph/graph/data/places.ttl', 'http://example.org/g')
    """
    return ox.NamedNode(name if "://" in name else GRAPH_BASE + name)


def subjects(store, graphs):
    """The IRIs that are the subject of a triple in one of ``graphs`` (NamedNodes)."""
    found = set()
    for graph in graphs:
        for quad in store.quads_for_pattern(None, None, None, graph):
            if isinstance(quad.subject, ox.NamedNode):
                found.add(quad.subject.value)
    return found


def update_version(version, live, changed, gone, manifest, rules, report):
    """Make ``version`` from the live version folder ``live``: a checkpoint, then the change.

    ``changed`` maps the graph name of each new or changed file to its path;
    ``gone`` names the graphs that go away (deleted files, graphs no file
    backs). ``manifest`` is the live version's (its triples per graph serve
    the graphs kept). Returns the IRIs of the subjects of the changed and
    removed graphs, before and after: the nodes whose validation may change.
    """
    start = time.perf_counter()
    try:
        version.mkdir()
        with progress.step("copying the live store"):
            ox.Store.read_only(str(live / _DB)).backup(str(version / _DB))
        report.seconds["checkpoint"] = time.perf_counter() - start
        _checkpoint("checkpoint")
        disk = ox.Store(str(version / _DB))
        began = time.perf_counter()
        touched = {_iri(name) for name in [*changed, *gone]}
        nodes = subjects(disk, touched)  # before the change
        for graph in touched:
            disk.remove_graph(graph)
        for name, path in progress.bar(list(changed.items()), desc="loading", unit="file"):
            graph = _iri(name)
            try:
                with turtle_source(path) as source:  # a UTF-8 BOM is skipped
                    disk.load(**source, format=ox.RdfFormat.TURTLE, to_graph=graph)
            except SyntaxError as exc:
                raise file_error(exc, name) from None
            disk.add_graph(graph)
        nodes |= subjects(disk, touched)  # after it
        report.seconds["load"] = time.perf_counter() - began
        _checkpoint("loaded")

        began = time.perf_counter()
        with progress.step("inferring"):
            inferred = ox.NamedNode(INFERRED_GRAPH)
            relevance = Relevance(rules)
            sub = ox.Store()
            _copy(disk, sub, _ASSERTED, relevance.where(disk, skip=inferred))
            report.seconds["read"] = time.perf_counter() - began
            inference = materialize(sub, rules, related=relevance.related)
            # the inferred graph of the live version beside the new one, and the difference
            _copy(disk, sub, _OLD, f"GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }}")
            lost = _only_in(sub, _OLD, inferred)
            come = _only_in(sub, inferred, _OLD)
            report.inferred = count_graph(sub, INFERRED_GRAPH)
            del sub
            for s, p, o in lost:
                disk.remove(ox.Quad(s, p, o, inferred))
            disk.extend(ox.Quad(s, p, o, inferred) for s, p, o in come)
            disk.add_graph(inferred)
        report.seconds["infer"] = time.perf_counter() - began
        report.passes = inference.passes
        report.inferred_added, report.inferred_removed = len(come), len(lost)
        _checkpoint("inferred")

        kept = {name: n for name, n in (manifest.get("graphs") or {}).items()
                if name not in changed and name not in gone}
        counted = _graph_counts(disk, [_iri(name) for name in changed])
        report.graphs = dict(sorted({**kept, **counted}.items()))
        report.asserted = sum(report.graphs.values())
        disk.flush()
        report.seconds["load+infer+write"] = time.perf_counter() - start
        return nodes
    except OSError as exc:
        traceback.clear_frames(exc.__traceback__)
        raise os_error(version, exc) from None
    except BaseException as exc:
        # the frames hold the database open (see citygraph.graph.version.make_version)
        traceback.clear_frames(exc.__traceback__)
        raise


def validate_affected(store, nodes, changed_graphs, data_paths, files, project, size):
    """Validate the nodes a change can reach; (conforms, violations, text, nodes validated), or
    None when only a full validation is sound (shapes whose reach ``shape_depth`` cannot bound).

    ``nodes`` are the subjects of the changed graphs before and after;
    ``changed_graphs`` (IRIs) are read for ill-typed literals, ``data_paths``
    (the changed data files) for the quotes against their sources. ``size``:
    the store's triples (counting an on-disk store's takes a while).
    """
    from citygraph.graph.evidence import check_files, render
    from citygraph.graph.validation import (
        NEAR_SHARE,
        Report,
        affected_nodes,
        load_shapes,
        render_text,
        shape_depth,
        validate_store,
    )

    shapes = load_shapes(None, project)
    depth = shape_depth(shapes)
    if depth is None:
        return None
    focus = affected_nodes(store, None, nodes, depth)
    result = validate_store(store, files=files, focus=focus, shapes=shapes,
                            check_graphs=changed_graphs, near=len(focus) <= NEAR_SHARE * size)
    result = Report(files=tuple(str(p) for p in data_paths), results=result.results)
    problems = check_files(data_paths, project=project) if data_paths else []
    bad = sum(p.violation for p in problems)
    text = "\n".join(t for t in (render_text(result), render(problems)) if t)
    return result.conforms and not bad, len(result.violations) + bad, text, len(focus)
