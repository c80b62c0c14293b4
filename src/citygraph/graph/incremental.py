"""An incremental build: the new version starts from a checkpoint of the live one.

When some files changed (and the rules did not), the live database is
checkpointed into the new version folder (hard links to its immutable files:
moments, not a bulk load), the graphs of changed and deleted files are
dropped, changed and new files are loaded into their graphs, and the inferred
graph is updated by delete and re-derive for what the change can reach
(:mod:`citygraph.graph.dred`). When that cannot be done (a change too large,
a rule of another shape, a change between blank nodes) the rules run again in
memory on what they read of the new store
(:meth:`citygraph.graph.inference.Relevance.where`) and the inferred
graph takes the difference; the build summary says which was done and why.
Validation reads only the nodes the change can reach
(:func:`citygraph.graph.validation.affected_nodes`) when the live version
was validated and conformed, with the same shapes, and no ontology file
changed; otherwise it validates the whole version. The switch to the new
version is the one of a full build (:mod:`citygraph.graph.build`).
"""

import time
import traceback
from dataclasses import dataclass

import pyoxigraph as ox

from citygraph import progress
from citygraph.fileio import os_error
from citygraph.graph import dred
from citygraph.graph.inference import INFERRED_GRAPH, Relevance, count_graph, materialize
from citygraph.graph.store import _DB, GRAPH_BASE, _checkpoint
from citygraph.rdfio import file_error, turtle_source

__all__ = ["update_version"]

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


def update_version(version, live, changed, gone, manifest, rules, report):
    """Make ``version`` from the live version folder ``live``: a checkpoint, then the change.

    ``changed`` maps the graph name of each new or changed file to its path;
    ``gone`` names the graphs that go away (deleted files, graphs no file
    backs). ``manifest`` is the live version's (its triples per graph serve
    the graphs kept). Returns the IRIs of the subjects of the changed and
    removed graphs, before and after: the nodes whose validation may change.
    """
    start = time.perf_counter()
    disk = None
    try:
        version.mkdir()
        with progress.step("copying the live store"):
            ox.Store.read_only(str(live / _DB)).backup(str(version / _DB))
        report.seconds["checkpoint"] = time.perf_counter() - start
        _checkpoint("checkpoint")
        disk = ox.Store(str(version / _DB))
        began = time.perf_counter()
        inferred = ox.NamedNode(INFERRED_GRAPH)
        touched = {_iri(name) for name in [*changed, *gone]}
        before = _triples(disk, touched)  # the changed graphs as the live version has them
        fresh = ox.Store()
        for name, path in progress.bar(list(changed.items()), desc="reading", unit="file"):
            try:
                with turtle_source(path) as source:  # a UTF-8 BOM is skipped
                    fresh.load(**source, format=ox.RdfFormat.TURTLE, to_graph=_iri(name))
            except SyntaxError as exc:
                raise file_error(exc, name) from None
        after = {(q.subject, q.predicate, q.object) for q in fresh}
        # triples per changed graph, counted as read rather than asked of the store again
        counted = {name: sum(1 for _ in fresh.quads_for_pattern(None, None, None, _iri(name)))
                   for name in changed}
        report.seconds["load"] = time.perf_counter() - began

        began = time.perf_counter()
        with progress.step("finding what the change reaches"):
            plan = _plan(disk, before, after, touched, rules, inferred)
        inferring = time.perf_counter() - began

        began = time.perf_counter()
        for graph in touched:
            disk.remove_graph(graph)
        disk.extend(fresh)
        for graph in changed:
            disk.add_graph(_iri(graph))
        del fresh
        # the subjects of the changed graphs before and after: what validation may see change
        nodes = {s.value for s, _, _ in before | after if isinstance(s, ox.NamedNode)}
        report.seconds["load"] += time.perf_counter() - began
        _checkpoint("loaded")

        began = time.perf_counter()
        with progress.step("inferring"):
            done = None if isinstance(plan, str) else _derive_again(disk, plan, inferred)
            if done is None:
                report.inference_note = (
                    f"the rules ran again over everything: {plan}" if isinstance(plan, str)
                    else "the rules ran again over everything: a derived triple joins blank nodes")
                _rerun(disk, rules, inferred, report)
            else:
                lost, come, deleted = done
                report.inferred = manifest["inferred"] - len(lost) + len(come)
                report.passes = manifest.get("passes", 0)
                report.inferred_added, report.inferred_removed = len(come), len(lost)
                report.inference_note = (
                    f"inferred again only what the change reaches: {len(deleted)} inferred "
                    f"triples may have lost a premise, {len(plan.removed)} asserted triples "
                    f"removed, {len(plan.added)} added")
            disk.add_graph(inferred)
        report.seconds["infer"] = inferring + time.perf_counter() - began
        _checkpoint("inferred")

        kept = {name: n for name, n in (manifest.get("graphs") or {}).items()
                if name not in changed and name not in gone}
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
    finally:
        # This frame, which the exception's traceback keeps, holds the database too: closed
        # here (its background compactions finished), it writes nothing into the folder the
        # caller removes after a failure.
        del disk


@dataclass
class _Plan:
    """What a change removes and adds (asserted triples) and what the removal may take from
    the inferred graph (:func:`citygraph.graph.dred.over_delete`)."""

    rules: list
    removed: set
    added: set
    deleted: set


def _triples(store, graphs):
    return {(q.subject, q.predicate, q.object) for g in graphs
            for q in store.quads_for_pattern(None, None, None, g)}


def _plan(disk, before, after, touched, rules, inferred):
    """The :class:`_Plan` of a change from the triples of the ``touched`` graphs ``before``
    and ``after`` it, read on the store before it; a sentence saying why the rules must run
    again over everything instead."""
    if len(before ^ after) > dred.LIMIT:
        return f"the change is too large ({len(before ^ after)} triples)"
    keep = touched | {inferred}

    def elsewhere(triple):
        return any(q.graph_name not in keep for q in disk.quads_for_pattern(*triple, None))

    removed = {t for t in before - after if not elsewhere(t)}
    added = {t for t in after - before if not elsewhere(t)}
    prepared = dred.prepare(rules)
    if isinstance(prepared, str):
        return prepared
    blank = dred.unbindable(removed | added, prepared)
    if blank is not None:
        return f"a changed triple joins blank nodes: {' '.join(map(str, blank))}"
    deleted = dred.over_delete(disk, prepared, removed, inferred)
    if deleted is None:
        return f"the change reaches more than {dred.LIMIT} inferred triples"
    return _Plan(prepared, removed, added, deleted)


def _derive_again(disk, plan, inferred):
    """Delete and re-derive on the changed store; (lost, come, over-deleted) triples of the
    inferred graph, or None when the rules must run again over everything."""
    for triple in plan.deleted:
        disk.remove(ox.Quad(*triple, inferred))
    back = dred.rederive(disk, plan.rules, plan.deleted | plan.removed, inferred)
    disk.extend(ox.Quad(*t, inferred) for t in back)
    # what a file now asserts leaves the inferred graph
    now_asserted = {t for t in plan.added if ox.Quad(*t, inferred) in disk}
    for triple in now_asserted:
        disk.remove(ox.Quad(*triple, inferred))
    added = dred.insert(disk, plan.rules, plan.added | back, inferred)
    if added is None:
        return None
    kept = back | added
    return (plan.deleted | now_asserted) - kept, kept - plan.deleted, plan.deleted


def _rerun(disk, rules, inferred, report):
    """Run the rules in memory on what they read of the store; the inferred graph takes the
    difference."""
    relevance = Relevance(rules)
    sub = ox.Store()
    _copy(disk, sub, _ASSERTED, relevance.where(disk, skip=inferred))
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
    report.passes = inference.passes
    report.inferred_added, report.inferred_removed = len(come), len(lost)


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
