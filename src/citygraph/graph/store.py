"""The embedded Oxigraph store: one named graph per source file, bulk loaded, swapped safely.

A store directory holds complete versions side by side and a pointer to the
live one, switched atomically, so that at every instant the path answers with
a complete store (the previous one until the switch, the new one after)::

    STORE/current         -> v-20261130T130501-1a2b   (symlink, replaced by rename)
    STORE/v-20261130T130501-1a2b/oxigraph/            (the database)
    STORE/v-20261130T130501-1a2b/manifest.json        (files, rules, graphs, counts)
    STORE/oxigraph        -> current/oxigraph         (for readers that open the folder)
    STORE/manifest.json   -> current/manifest.json    (its content is the store's state)
    STORE/.lock                                        (one build at a time)

A build bulk-loads every file straight into a new version folder (one named
graph per file), runs the inference rules in memory on the part of the data
they read (see :class:`citygraph.graph.inference.Relevance`), adds the inferred graph,
validates, writes the manifest and switches ``current``. A build killed at any
point leaves the live version untouched; the next build removes what it left.
"""

import fcntl
import functools
import hashlib
import itertools
import json
import os
import queue
import shutil
import signal
import tempfile
import threading
import time
import traceback
import uuid
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from citygraph import progress
from citygraph.errors import InputError
from citygraph.fileio import os_error, write_atomic
from citygraph.graph.inference import (
    INFERRED_GRAPH,
    Relevance,
    count_graph,
    materialize,
    rule_paths,
)
from citygraph.rdfio import file_error, parse_quads, turtle_source

__all__ = [
    "GRAPH_BASE",
    "INFERRED_GRAPH",
    "MANIFEST",
    "BuildReport",
    "project_root",
    "default_store_path",
    "graph_iri",
    "graph_name",
    "source_files",
    "open_store",
    "open_existing",
    "live_folder",
    "read_manifest",
    "state_id",
    "load_files",
    "count_asserted",
    "build",
]

#: the base of the named graph of each source file: GRAPH_BASE + "data/places.ttl"
GRAPH_BASE = "https://w3id.org/citygraph/graph/"
#: the file, inside a store directory, recording what was loaded and how it was checked
MANIFEST = "manifest.json"
_DB = "oxigraph"
_CURRENT = "current"
_LOCK = ".lock"
_VERSION = "v-"
_FORMAT_VERSION = 2
#: tests set this to a checkpoint name to have the build SIGKILL itself there
KILL_AT = "CITYGRAPH_BUILD_KILL_AT"


def project_root():
    """The project folder: the nearest one up from here with citygraph.toml
    (see citygraph.graph.project).

    >>> (project_root() / "ontology" / "citygraph.ttl").is_file()
    True
    """
    from citygraph.graph.project import project_root as find_root

    return find_root()


def _project(root):
    from citygraph.graph.project import find

    return find(root)


def default_store_path(root=None):
    """Where ``citygraph build`` keeps the store unless told otherwise.

    >>> default_store_path(Path("/work/x")).as_posix()
    '/work/x/.citygraph/store'
    """
    return Path(root or project_root()) / ".citygraph" / "store"


def graph_iri(path, root=None):
    """The named graph of a source file: its path relative to the project.

    >>> graph_iri(project_root() / "data" / "places.ttl")
    <NamedNode value=https://w3id.org/citygraph/graph/data/places.ttl>
    """
    return ox.NamedNode(GRAPH_BASE + _relative(path, root))


def _relative(path, root=None):
    path = Path(path).resolve()
    root = Path(root or project_root()).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        # outside the project: name it by its folder, e.g. data/places.ttl
        return f"{path.parent.name}/{path.name}"


def source_files(root=None, data_dir=None, ontology_dir=None):
    """The Turtle files a build loads: ontology/*.ttl, then data/**/*.ttl, sorted.

    >>> [p.name for p in source_files()][:2]
    ['citygraph.ttl', 'schemes.ttl']
    """
    root = Path(root or project_root())
    ontology = Path(ontology_dir) if ontology_dir else _project(root).ontology_dir
    data = Path(data_dir) if data_dir else root / "data"
    for folder in (ontology, data):
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder")
    return sorted(ontology.glob("*.ttl")) + sorted(data.rglob("*.ttl"))


def open_store(path=None):
    """A pyoxigraph Store: in memory when ``path`` is None, else on disk at ``path``.

    >>> len(open_store())
    0
    """
    return ox.Store() if path is None else ox.Store(str(path))


def live_folder(path):
    """The folder of the live version of the store directory ``path``, or None when there is none.

    A store written before versioned folders (``oxigraph/`` directly inside)
    is its own live folder.

    >>> live_folder("no/such/store") is None
    True
    """
    path = Path(path)
    current = path / _CURRENT
    if current.is_symlink():
        try:
            folder = path / os.readlink(current)
        except OSError:
            return None
        return folder if (folder / _DB).is_dir() else None
    db = path / _DB
    if db.is_dir() and not db.is_symlink():
        return path
    return None


def open_existing(path):
    """Open, read-only, the live version of a store directory written by ``citygraph build``.

    >>> open_existing("no/such/store")
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: no/such/store: no store here; run `citygraph build` first
    """
    path = Path(path)
    folder = live_folder(path)
    if folder is None:
        raise InputError(f"{path}: no store here; run `citygraph build` first")
    try:
        return ox.Store.read_only(str(folder / _DB))
    except OSError as exc:
        raise InputError(f"{path}: cannot open the store ({exc})") from None


def read_manifest(path):
    """The manifest of the live store at ``path`` as a dict, or None when there is none.

    Its keys: ``format``, ``files`` (SHA-256 per source file), ``rules`` (per
    rule file), ``graphs`` (triples per named graph), ``asserted``,
    ``inferred``, ``passes``, ``validated``, ``conforms``. It depends only on
    what the store holds, so equal manifests mean equal stores.

    >>> read_manifest("no/such/store") is None
    True
    """
    folder = live_folder(path)
    if folder is None:
        return None
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def state_id(path):
    """A short id of the live store's content (a hash of its manifest), or None without a store.

    >>> state_id("no/such/store") is None
    True
    """
    folder = live_folder(path)
    try:
        data = (folder / MANIFEST).read_bytes() if folder is not None else None
    except OSError:
        return None
    return None if data is None else hashlib.sha256(data).hexdigest()[:16]


def graph_name(graph):
    """The name a build reports for a named graph: its IRI less :data:`GRAPH_BASE`.

    >>> graph_name(GRAPH_BASE + "import/wikidata-ties")
    'import/wikidata-ties'
    >>> graph_name(ox.NamedNode("http://example.org/g"))
    'http://example.org/g'
    """
    iri = graph.value if isinstance(graph, ox.NamedNode) else str(graph)
    return iri[len(GRAPH_BASE):] if iri.startswith(GRAPH_BASE) else iri


def load_files(store, paths, root=None):
    """Load each Turtle file into its own named graph (see :func:`graph_iri`).

    A file that fails to parse raises :class:`~citygraph.errors.ParseError`
    with its line and column; that file adds nothing (each load is atomic).

    >>> store = open_store()
    >>> load_files(store, [project_root() / "ontology" / "schemes.ttl"])
    >>> [g.value for g in store.named_graphs()]
    ['https://w3id.org/citygraph/graph/ontology/schemes.ttl']
    """
    for path in paths:
        error = _load_one(store, path, root)
        if error is not None:
            # Drop this frame's reference first: a traceback kept by the caller
            # must not keep an on-disk store open.
            del store
            raise error


def _load_one(store, path, root):
    """Load one file into its graph; the error to raise, or None."""
    name = graph_iri(path, root)
    shown = _relative(path, root)
    try:
        with turtle_source(path) as source:  # a UTF-8 BOM is skipped
            store.load(**source, format=ox.RdfFormat.TURTLE, to_graph=name)
    except (SyntaxError, OSError) as exc:
        return file_error(exc, shown)
    if not store.contains_named_graph(name):
        store.add_graph(name)
    return None


def count_asserted(store):
    """Triples in every named graph except the inferred one.

    >>> count_asserted(open_store())
    0
    """
    query = (
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER (?g != <{INFERRED_GRAPH}>) }}"
    )
    return int(next(iter(store.query(query)))["n"].value)



def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class BuildReport:
    """What a build did, per named graph; ``lines()`` is what ``citygraph build`` prints.

    ``loaded`` are the graphs of new files (added), ``reloaded`` of changed
    files, ``reused`` of unchanged files (kept: the same content as before),
    ``removed`` the graphs the previous store had and the new one has not
    (a deleted file, or a graph no file backs, such as one loaded by hand).
    """

    store_path: Path | None
    loaded: list = field(default_factory=list)
    reloaded: list = field(default_factory=list)
    reused: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    asserted: int = 0
    inferred: int = 0
    passes: int = 0
    validated: bool = False
    conforms: bool | None = None
    violations: int = 0
    validation_text: str = ""
    written: bool = False
    #: triples per graph name in the new store, and in the previous one for removed graphs
    graphs: dict = field(default_factory=dict)
    removed_graphs: dict = field(default_factory=dict)
    #: seconds spent per step: load, infer, write, count, validate
    seconds: dict = field(default_factory=dict)
    store: object = None

    #: set when nothing changed and the store was kept as it was
    unchanged: bool = False

    @property
    def up_to_date(self):
        """True when nothing changed and the store was kept as it was."""
        return self.unchanged

    def _count(self, name, counts):
        n = counts.get(name)
        return "" if n is None else f": {n} triples"

    def lines(self):
        """The summary, one fact per line; every added, changed and removed graph by name."""
        where = "memory" if self.store_path is None else str(self.store_path)
        out = [f"store: {where}"]
        files = len(self.loaded) + len(self.reloaded) + len(self.reused)
        if self.up_to_date:
            out.append(f"graphs: {files}, unchanged: kept {len(self.reused)} graphs")
        else:
            out.append(
                f"graphs: {files} (added {len(self.loaded)}, changed {len(self.reloaded)}, "
                f"kept {len(self.reused)}, removed {len(self.removed)})"
            )
            for word, names, counts in (("added", self.loaded, self.graphs),
                                        ("changed", self.reloaded, self.graphs),
                                        ("removed", self.removed, self.removed_graphs)):
                out.extend(f"  {word} {name}{self._count(name, counts)}" for name in names)
        out.append(
            f"triples: {self.asserted} asserted, {self.inferred} inferred "
            f"({self.passes} inference passes)"
        )
        took = self.seconds.get("validate")
        took = "" if took is None else f" ({took:.1f} s)"
        if not self.validated:
            out.append("validation: skipped")
        elif self.conforms:
            out.append(f"validation: conforms{took}")
        else:
            out.append(f"validation: does not conform ({self.violations} violations){took}")
            out.extend("  " + line for line in self.validation_text.splitlines() if line)
        if self.store_path is not None:
            if self.written:
                out.append(f"written: {self.store_path}")
            elif not self.up_to_date:
                out.append(f"not written: the previous store at {self.store_path} is untouched")
        return out


def _validate(data_paths, ontology_dir, store=None, files=None):
    """Run the shapes on the data; (conforms, violations, readable report) or None.

    With ``store`` (what the build has just loaded: one graph per file, the
    inferred graph aside) the shapes run on its graphs, and ``files`` names the
    file of each graph; the files are not parsed a second time.
    """
    try:
        from citygraph.graph.validation import Report, render_text, validate, validate_store
    except ImportError:
        return None
    if not data_paths:
        return None
    if store is not None:
        result = validate_store(store, files=files)
        result = Report(files=tuple(str(p) for p in data_paths), results=result.results)
    else:
        result = validate(data_paths, ontology_dir=ontology_dir)
    from citygraph.graph.evidence import check_files, render

    problems = check_files(data_paths)  # every quote against its source text
    bad = sum(p.violation for p in problems)
    text = "\n".join(t for t in (render_text(result), render(problems)) if t)
    return result.conforms and not bad, len(result.violations) + bad, text


def _plan(files, hashes, manifest, live_graphs):
    """Split the files into added, changed and kept, and name the graphs that go away.

    ``live_graphs`` are the graph names the previous store holds (its inferred
    graph aside); a graph there that no file backs any more is removed.
    """
    old = (manifest or {}).get("files", {})
    loaded, reloaded, reused = [], [], []
    for name in files:
        if name not in old and name not in live_graphs:
            loaded.append(name)
        elif old.get(name) != hashes[name]:
            reloaded.append(name)
        else:
            reused.append(name)
    removed = sorted((set(old) | set(live_graphs)) - set(files))
    return loaded, reloaded, reused, removed


def _checkpoint(name):
    # A test hook: CITYGRAPH_BUILD_KILL_AT=name kills the build right here, as a
    # crash or `kill -9` would, to prove the live store survives every step.
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def build(
    store_path=None,
    memory=False,
    data_dir=None,
    ontology_dir=None,
    queries_dir=None,
    root=None,
    validate=True,
):
    """Load, infer and validate into a store; what ``citygraph build`` runs.

    With ``memory`` the store lives in memory (``report.store``). Otherwise it
    is the directory ``store_path`` (default ``.citygraph/store``): when no
    file, rule or graph changed the store is kept as it is; otherwise every
    file is bulk-loaded into a new version folder, which becomes the live one
    only when every file parsed and (with ``validate``) conformed; until then
    the previous store answers, and on failure it stays untouched.

    >>> report = build(memory=True, validate=False)
    >>> report.loaded[:2]
    ['ontology/citygraph.ttl', 'ontology/schemes.ttl']
    """
    root = Path(root or project_root())
    paths = source_files(root, data_dir, ontology_dir)
    ontology_dir = Path(ontology_dir) if ontology_dir else _project(root).ontology_dir
    data_paths = [p for p in paths if p.parent.resolve() != ontology_dir.resolve()]
    names = {_relative(p, root): p for p in paths}
    # the file of each graph, for validation to name files and lines
    files = {graph_iri(p, root).value: str(p) for p in paths}
    hashes = {name: _sha256(p) for name, p in names.items()}
    rules = rule_paths(Path(queries_dir) if queries_dir else _project(root).queries_dir)
    rule_hashes = {p.name: _sha256(p) for p in rules}

    if memory:
        store = open_store()
        report = BuildReport(store_path=None, loaded=list(names), store=store)
        start = time.perf_counter()
        load_files(store, paths, root)
        report.seconds["load"] = time.perf_counter() - start
        _infer(store, report, rules)
        report.graphs = _graph_counts(store)
        _check(report, data_paths, ontology_dir, validate, lambda: store, files)
        return report

    store_path = Path(store_path) if store_path else default_store_path(root)
    try:
        store_path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(store_path, exc) from None
    with _locked(store_path):
        _remove_leftovers(store_path)
        manifest = read_manifest(store_path)
        if manifest is not None and manifest.get("format") != _FORMAT_VERSION:
            manifest = None  # a store of an earlier layout: rebuilt, and moved to this one
        live = _live_graphs(store_path, manifest)
        loaded, reloaded, reused, removed = _plan(list(names), hashes, manifest, live)
        report = BuildReport(store_path, loaded, reloaded, reused, removed)
        report.removed_graphs = {name: live.get(name) for name in removed}
        unchanged = (
            manifest is not None
            and not (loaded or reloaded or removed)
            and manifest.get("rules") == rule_hashes
            and (manifest.get("validated") or not validate)
        )
        if unchanged:
            report.unchanged = True
            report.asserted = manifest["asserted"]
            report.inferred = manifest["inferred"]
            report.passes = manifest.get("passes", 0)
            report.validated = manifest.get("validated", False)
            report.conforms = manifest.get("conforms")
            report.graphs = dict(manifest.get("graphs", {}))
            return report
        version = store_path / f"{_VERSION}{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        try:
            _make_version(version, paths, rules, root, report)
            _check(report, data_paths, ontology_dir, validate,
                   lambda: ox.Store.read_only(str(version / _DB)), files)
            if report.validated and not report.conforms:
                return report
            record = {
                "format": _FORMAT_VERSION,
                "files": hashes,
                "rules": rule_hashes,
                "graphs": report.graphs,
                "asserted": report.asserted,
                "inferred": report.inferred,
                "passes": report.passes,
                "validated": report.validated,
                "conforms": report.conforms,
            }
            write_atomic(json.dumps(record, indent=1, sort_keys=True) + "\n", version / MANIFEST)
            _checkpoint("manifest")
            _switch(store_path, version)
            report.written = True
            _checkpoint("switched")
            _remove_leftovers(store_path)
            return report
        finally:
            if not report.written:
                shutil.rmtree(version, ignore_errors=True)


#: the temporary graph of the in-memory copy of what the rules read
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


def _make_version(version, paths, rules, root, report):
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


def _graph_counts(store, graphs=None):
    """Triples per graph name, the inferred graph aside (empty graphs included).

    ``graphs``: count only these (NamedNodes), one query each; otherwise every graph.
    """
    if graphs is not None:
        return dict(sorted((graph_name(g), count_graph(store, g.value)) for g in graphs))
    counts = {graph_name(g): 0 for g in store.named_graphs()}
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    for row in rows:
        counts[graph_name(row["g"])] = int(row["n"].value)
    counts.pop(graph_name(INFERRED_GRAPH), None)
    return dict(sorted(counts.items()))


def _live_graphs(store_path, manifest):
    """Triples per graph name in the live store (None when not counted), inferred aside."""
    counts = dict((manifest or {}).get("graphs", {}))
    folder = live_folder(store_path)
    if folder is None:
        return counts
    try:
        store = ox.Store.read_only(str(folder / _DB))
    except OSError:
        return counts
    found = {graph_name(g): g for g in store.named_graphs()}
    found.pop(graph_name(INFERRED_GRAPH), None)
    for name, graph in found.items():
        if name not in counts:
            query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}"
            counts[name] = int(next(iter(store.query(query)))["n"].value)
    del store
    return {name: counts[name] for name in sorted(found)}


@contextmanager
def _locked(store_path):
    """One build at a time per store directory (a second one waits)."""
    try:
        handle = open(store_path / _LOCK, "a")  # noqa: SIM115 - held for the block
    except OSError as exc:
        raise os_error(store_path / _LOCK, exc) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        handle.close()


def _remove_leftovers(store_path):
    """Remove what killed or finished builds left: versions not live, temporary links, old folders.

    Runs under the build lock, so no other build is using them.
    """
    folder = live_folder(store_path)
    live = folder.name if folder is not None and folder != store_path else None
    for entry in os.scandir(store_path):
        name = entry.name
        if name == live:
            continue
        if name.startswith((_VERSION, ".current-", ".old-")) or (
            name.startswith(f".{MANIFEST}.") and name.endswith(".tmp")
        ):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with suppress(OSError):
                    os.unlink(entry.path)
    # the swap of earlier versions built beside the store: .store-new-*, .store-old-*
    parent = store_path.parent
    for entry in os.scandir(parent):
        if entry.name.startswith((f".{store_path.name}-new-", f".{store_path.name}-old-")):
            shutil.rmtree(entry.path, ignore_errors=True)


def _link(store_path, name, target):
    """Make ``store_path/name`` a symlink to ``target``, replacing what was there in one rename."""
    temp = store_path / f".current-{uuid.uuid4().hex[:8]}"
    os.symlink(target, temp)
    _checkpoint(f"link {name}")
    os.replace(temp, store_path / name)


def _switch(store_path, version):
    """Make ``version`` the live store: one atomic rename of the ``current`` link."""
    _link(store_path, _CURRENT, version.name)
    _fsync_dir(store_path)
    # the fixed links for readers that open STORE/oxigraph or read STORE/manifest.json
    manifest = store_path / MANIFEST
    if not manifest.is_symlink():
        _link(store_path, MANIFEST, f"{_CURRENT}/{MANIFEST}")
    db = store_path / _DB
    if not db.is_symlink():
        if db.exists():
            # a store of the earlier layout: its database moves aside, removed just after
            os.rename(db, store_path / f".old-{uuid.uuid4().hex[:8]}")
        _link(store_path, _DB, f"{_CURRENT}/{_DB}")
    _fsync_dir(store_path)


def _fsync_dir(folder):
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _infer(store, report, rules):
    start = time.perf_counter()
    inference = materialize(store, rules)
    report.seconds["infer"] = time.perf_counter() - start
    report.inferred = inference.inferred
    report.passes = inference.passes
    report.asserted = count_asserted(store)


def _check(report, data_paths, ontology_dir, validate, loaded=None, files=None):
    # ``loaded`` opens the store the build has just written (read-only for an
    # on-disk version), so validation reads its graphs instead of the files again.
    if validate:
        start = time.perf_counter()
        with progress.step("validating"):
            outcome = _validate(data_paths, ontology_dir,
                                loaded() if loaded is not None else None, files)
        report.seconds["validate"] = time.perf_counter() - start
        if outcome is not None:
            report.validated = True
            report.conforms, report.violations, report.validation_text = outcome
