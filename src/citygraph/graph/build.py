"""The build: the project's files become a new store version, switched live when it is whole.

A build bulk-loads every file straight into a new version folder (one named
graph per file, see :mod:`citygraph.graph.version`), runs the inference rules
in memory on the part of the data they read (see
:class:`citygraph.graph.inference.Relevance`), adds the inferred graph,
validates, writes the manifest and switches ``current``
(:mod:`citygraph.graph.store`). A build killed at any point leaves the live
version untouched; the next build removes what it left.
"""

import hashlib
import json
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from citygraph import progress
from citygraph.fileio import os_error, write_atomic
from citygraph.graph.incremental import update_version, validate_affected
from citygraph.graph.inference import INFERRED_GRAPH, materialize, rule_paths
from citygraph.graph.store import (
    _DB,
    _FORMAT_VERSION,
    _VERSION,
    GRAPH_BASE,
    MANIFEST,
    _checkpoint,
    _graph_counts,
    _locked,
    _project,
    _relative,
    _remove_leftovers,
    _switch,
    count_asserted,
    default_store_path,
    graph_iri,
    graph_name,
    live_folder,
    load_files,
    open_store,
    project_root,
    read_manifest,
    source_files,
)
from citygraph.graph.version import make_version

__all__ = ["BuildReport", "build"]


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
    #: set when the new version was made from the live one (see citygraph.graph.incremental)
    incremental: bool = False
    inferred_added: int = 0
    inferred_removed: int = 0
    #: how an incremental build updated the inferred graph, and why the rules ran again
    #: over everything when they did
    inference_note: str = ""
    #: the nodes validated when only those the change reaches were (None: all)
    checked_nodes: int | None = None

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
        if self.incremental:
            out.append(f"  updated from the live version: {self.inferred_added} inferred triples "
                       f"added, {self.inferred_removed} removed")
            if self.inference_note:
                out.append(f"  {self.inference_note}")
        took = self.seconds.get("validate")
        reach = "" if self.checked_nodes is None else (
            f"{self.checked_nodes} nodes the change reaches; ")
        took = "" if took is None else f" ({reach}{took:.1f} s)"
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


def _validate(data_paths, project, ontology_dir, store=None, files=None):
    """Run the shapes of ``project`` on the data; (conforms, violations, readable report) or None.

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
        result = validate_store(store, files=files, project=project)
        result = Report(files=tuple(str(p) for p in data_paths), results=result.results)
    else:
        result = validate(data_paths, ontology_dir=ontology_dir, project=project)
    from citygraph.graph.evidence import check_files, render

    problems = check_files(data_paths, project=project)  # every quote against its source text
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


def build(
    store_path=None,
    memory=False,
    data_dir=None,
    ontology_dir=None,
    queries_dir=None,
    root=None,
    validate=True,
    full=False,
):
    """Load, infer and validate into a store; what ``citygraph build`` runs.

    With ``memory`` the store lives in memory (``report.store``). Otherwise it
    is the directory ``store_path`` (default ``.citygraph/store``): when no
    file, rule or graph changed the store is kept as it is; otherwise a new
    version folder is made, which becomes the live one only when every file
    parsed and (with ``validate``) conformed; until then the previous store
    answers, and on failure it stays untouched. The new version starts from a
    checkpoint of the live one, with the changed files' graphs replaced, the
    inferred graph updated and only the nodes the change reaches validated
    (:mod:`citygraph.graph.incremental`); with ``full``, or when the rules
    changed or there is no live version, every file is bulk-loaded anew.

    >>> report = build(memory=True, validate=False)
    >>> report.loaded[:2]
    ['ontology/citygraph.ttl', 'ontology/schemes.ttl']
    """
    root = Path(root or project_root())
    project = _project(root)  # once: its folders, shapes and sources serve the whole build
    ontology_dir = Path(ontology_dir) if ontology_dir else project.ontology_dir
    paths = source_files(root, data_dir, ontology_dir)
    data_paths = [p for p in paths if p.parent.resolve() != ontology_dir.resolve()]
    names = {_relative(p, root): p for p in paths}
    # the file of each graph, for validation to name files and lines
    files = {graph_iri(p, root).value: str(p) for p in paths}
    hashes = {name: _sha256(p) for name, p in names.items()}
    rules = rule_paths(Path(queries_dir) if queries_dir else project.queries_dir)
    rule_hashes = {p.name: _sha256(p) for p in rules}
    # what the shapes were, so that a build after a change of them validates everything
    shape_hashes = {f"{i}/{p.name}": _sha256(p) for i, d in enumerate(project.shapes_dirs)
                    for p in sorted(Path(d).glob("*.ttl"))}
    ontology_names = sorted(name for name, p in names.items() if p not in data_paths)

    if memory:
        store = open_store()
        report = BuildReport(store_path=None, loaded=list(names), store=store)
        start = time.perf_counter()
        load_files(store, paths, root)
        report.seconds["load"] = time.perf_counter() - start
        _infer(store, report, rules)
        report.graphs = _graph_counts(store)
        _check(report, data_paths, project, ontology_dir, validate, lambda: store, files)
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
        live_dir = live_folder(store_path)
        report.incremental = (not full and manifest is not None and live_dir is not None
                              and manifest.get("rules") == rule_hashes)
        try:
            opened = lambda: ox.Store.read_only(str(version / _DB))  # noqa: E731
            if report.incremental:
                changed = {name: names[name] for name in [*loaded, *reloaded]}
                nodes = update_version(version, live_dir, changed, removed, manifest, rules,
                                       report)
                # only the nodes the change reaches, when the rest was validated as it is
                if (validate and manifest.get("validated") and manifest.get("conforms")
                        and manifest.get("shapes") == shape_hashes
                        and manifest.get("ontology") == ontology_names
                        and not set(changed) & set(ontology_names)):
                    _check_affected(report, opened, nodes, changed, data_paths, files, project)
                _check(report, data_paths, project, ontology_dir,
                       validate and not report.validated, opened, files)
            else:
                make_version(version, paths, rules, root, report)
                _check(report, data_paths, project, ontology_dir, validate, opened, files)
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
                "shapes": shape_hashes,
                "ontology": ontology_names,
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


def _infer(store, report, rules):
    start = time.perf_counter()
    inference = materialize(store, rules)
    report.seconds["infer"] = time.perf_counter() - start
    report.inferred = inference.inferred
    report.passes = inference.passes
    report.asserted = count_asserted(store)


def _check(report, data_paths, project, ontology_dir, validate, loaded=None, files=None):
    # ``loaded`` opens the store the build has just written (read-only for an
    # on-disk version), so validation reads its graphs instead of the files again.
    if validate:
        start = time.perf_counter()
        with progress.step("validating"):
            outcome = _validate(data_paths, project, ontology_dir,
                                loaded() if loaded is not None else None, files)
        report.seconds["validate"] = time.perf_counter() - start
        if outcome is not None:
            report.validated = True
            report.conforms, report.violations, report.validation_text = outcome


def _check_affected(report, opened, nodes, changed, data_paths, files, project):
    """Validate only the nodes the change reaches (see :func:`validate_affected`)."""
    start = time.perf_counter()
    changed_paths = {Path(p).resolve() for p in changed.values()}
    with progress.step("validating what the change reaches"):
        store = opened()
        outcome = validate_affected(
            store, nodes, [GRAPH_BASE + name for name in changed],
            [p for p in data_paths if p.resolve() in changed_paths], files, project,
            report.asserted + report.inferred)
        del store
    if outcome is not None:
        report.seconds["validate"] = time.perf_counter() - start
        report.validated = True
        (report.conforms, report.violations, report.validation_text), report.checked_nodes = (
            outcome[:3], outcome[3])
