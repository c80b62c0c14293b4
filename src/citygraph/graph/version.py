"""One new store version on disk: the files bulk-loaded, the rules run in memory beside.

The writes to the on-disk store run in a second thread (:class:`_Writer`),
while this one parses the files for the rules and infers; what a rule infers
goes to disk while the next rule runs. See :func:`make_version`.
"""

import functools
import itertools
import os
import queue
import tempfile
import threading
import time
import traceback
from pathlib import Path

import pyoxigraph as ox

from citygraph import progress
from citygraph.fileio import os_error
from citygraph.graph.inference import INFERRED_GRAPH, Relevance, materialize
from citygraph.graph.store import (
    _DB,
    GRAPH_BASE,
    _checkpoint,
    _graph_counts,
    _relative,
    graph_iri,
)
from citygraph.rdfio import parse_quads, turtle_source

__all__ = ["make_version"]


_ASSERTED = ox.NamedNode(GRAPH_BASE + "asserted")
_BATCH = 100_000


class _Writer:
    """One thread that runs the writes to the on-disk store in order, while parsing and
    inference go on in this one (the bulk loader releases the interpreter lock)."""

    def __init__(self):
        self.jobs = queue.SimpleQueue()
        self.error = None
        self.cancelled = False
        self.thread = threading.Thread(target=self._run, name="citygraph-store-writer",
                                       daemon=True)
        self.thread.start()

    def _run(self):
        while (job := self.jobs.get()) is not None:
            if self.error is None and not self.cancelled:
                try:
                    job()
                except BaseException as exc:  # noqa: BLE001 - raised again by finish()
                    self.error = exc

    def submit(self, job):
        self.jobs.put(job)

    def wait_for(self, event):
        """Wait until a job submitted sets ``event``; False if the writer stopped before."""
        while not event.wait(0.1):
            if self.error is not None or self.cancelled or not self.thread.is_alive():
                return False
        return True

    def finish(self, cancel=False):
        """Wait for every write submitted (none more after ``cancel``); raise the first error."""
        self.cancelled = self.cancelled or cancel
        if self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join()
        if self.error is not None and not cancel:
            error, self.error = self.error, None
            raise error


def make_version(version, paths, rules, root, report):
    """Bulk-load the files into ``version``/oxigraph, infer in memory, add the inferred graph.

    The writes to disk run in a second thread, beside the parsing of the
    files for the rules and the inference.
    """
    version.mkdir()
    disk = ox.Store(str(version / _DB))
    writer = _Writer()
    try:
        relevance = Relevance(rules)
        sub = ox.Store()
        read_at, after_blank = [], None
        start = time.perf_counter()
        for path in progress.bar(paths, desc="loading", unit="file"):
            size = relevance.size
            if _load_file(writer, disk, sub, relevance, path, graph_iri(path, root),
                          _relative(path, root)):
                after_blank = relevance.size
            else:
                read_at.append((path, size))
        report.seconds["parse"] = time.perf_counter() - start
        asserted_loaded = threading.Event()
        writer.submit(asserted_loaded.set)
        _checkpoint("loaded")

        with progress.step("inferring"):
            if after_blank is not None and relevance.grew_since(after_blank):
                # a later file taught the schema more after a file with blank nodes was
                # read, whose blank nodes cannot be read again the same: infer on disk
                del sub
                sub = None
                writer.finish()
                report.seconds["load"] = time.perf_counter() - start
                start = time.perf_counter()
                inference = materialize(disk, rules)
            else:
                # a file read before the schema told all the rules read is read again
                for path, size in read_at:
                    if relevance.grew_since(size):
                        shown = _relative(path, root)
                        sub.extend(ox.Quad(q.subject, q.predicate, q.object, _ASSERTED)
                                   for q in parse_quads(path, shown) if relevance.keep(q))
                began = time.perf_counter()
                # each rule's new triples go to disk while the next rule runs; the
                # in-memory copy is dropped after, so they need not be gathered there
                inference = materialize(sub, rules, related=relevance.related, collect=False,
                                        on_added=functools.partial(_send_inferred, writer, disk,
                                                                   version))
                report.seconds["infer"] = time.perf_counter() - began
        report.seconds.setdefault("infer", time.perf_counter() - start)
        report.inferred, report.passes = inference.inferred, inference.passes
        _checkpoint("inferred")

        del sub
        # the files' graphs are counted while the inferred triples are still being written
        counted = time.perf_counter()
        if writer.wait_for(asserted_loaded):
            report.graphs = _graph_counts(disk, [graph_iri(path, root) for path in paths])
        report.asserted = sum(report.graphs.values())
        report.seconds["count"] = time.perf_counter() - counted
        with progress.step("writing the inferred graph"):
            writer.finish()
        for path in paths:
            disk.add_graph(graph_iri(path, root))
        disk.add_graph(ox.NamedNode(INFERRED_GRAPH))
        disk.flush()
        report.seconds["load+infer+write"] = time.perf_counter() - start
    except OSError as exc:
        writer.finish(cancel=True)
        traceback.clear_frames(exc.__traceback__)
        raise os_error(version, exc) from None
    except BaseException as exc:
        writer.finish(cancel=True)
        # The frames of the traceback (the file being loaded) hold the database open; left
        # alive, it would be closed only after the caller removed the version folder and
        # would write its last files into the folder again.
        traceback.clear_frames(exc.__traceback__)
        raise
    finally:
        del disk


def _load_file(writer, disk, sub, relevance, path, graph, shown):
    """Load one file into its graph on disk and what the rules read of it into ``sub``.

    The file is parsed here for the rules. Without blank nodes it is then
    bulk-loaded by the engine from the file (the fastest way in). With blank
    nodes it is parsed again and goes to disk from that parse, so that inferred
    triples name the same blank nodes, and its schema is learned before it is
    filtered. Returns whether the file took the second way.
    """
    kept, blank = [], False
    for quad in parse_quads(path, shown):
        if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
            blank = True
            break
        if relevance.keep(quad):
            kept.append(quad)
    if not blank:
        relevance.learn(kept)
        sub.extend(ox.Quad(q.subject, q.predicate, q.object, _ASSERTED) for q in kept)
        del kept

        def load():
            with turtle_source(path) as source:
                disk.bulk_load(**source, format=ox.RdfFormat.TURTLE, to_graph=graph)

        writer.submit(load)
        return False
    del kept
    quads = list(parse_quads(path, shown))
    relevance.learn(quads)
    sub.extend(ox.Quad(q.subject, q.predicate, q.object, _ASSERTED)
               for q in quads if relevance.keep(q))
    for begin in range(0, len(quads), _BATCH):
        batch = [ox.Quad(q.subject, q.predicate, q.object, graph)
                 for q in quads[begin:begin + _BATCH]]
        writer.submit(lambda batch=batch: disk.bulk_extend(batch))
    return True


def _send_inferred(writer, disk, folder, store, staging):
    """Queue what one run of a rule inferred (the staging graph of ``store``) for the disk.

    Triples of IRIs and literals are written by the engine to an N-Triples file
    in ``folder`` (so that the runs waiting for the writer hold no memory),
    which the writer bulk-loads in pieces of :data:`_BATCH` lines (the loader's
    memory grows with the size of one load) and then deletes. Triples with
    blank nodes, which keep their identity only as the same Python terms, go
    as such.
    """
    inferred = ox.NamedNode(INFERRED_GRAPH)
    handle, scratch = tempfile.mkstemp(prefix="inferred-", suffix=".nt", dir=folder)
    os.close(handle)
    scratch = Path(scratch)
    store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{staging.value}> {{ ?s ?p ?o }} "
        f"FILTER (!isBlank(?s) && !isBlank(?o)) }}"
    ).serialize(output=str(scratch), format=ox.RdfFormat.N_TRIPLES)

    def load():
        with open(scratch, "rb") as lines:
            while piece := b"".join(itertools.islice(lines, _BATCH)):
                disk.bulk_load(input=piece, format=ox.RdfFormat.N_TRIPLES, to_graph=inferred)
        scratch.unlink()

    writer.submit(load)
    blank = [
        ox.Quad(row["s"], row["p"], row["o"], inferred)
        for row in store.query(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{staging.value}> {{ ?s ?p ?o }} "
            f"FILTER (isBlank(?s) || isBlank(?o)) }}"
        )
    ]
    if blank:
        writer.submit(lambda: disk.bulk_extend(blank))
