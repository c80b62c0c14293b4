"""The embedded Oxigraph store: one named graph per source file, built, reused, swapped safely."""

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from citygraph.errors import InputError, ParseError
from citygraph.inference import INFERRED_GRAPH, materialize, rule_paths
from citygraph.rdfio import turtle_source

__all__ = [
    "GRAPH_BASE",
    "INFERRED_GRAPH",
    "MANIFEST",
    "BuildReport",
    "project_root",
    "default_store_path",
    "graph_iri",
    "source_files",
    "open_store",
    "open_existing",
    "load_files",
    "count_asserted",
    "build",
]

#: the base of the named graph of each source file: GRAPH_BASE + "data/places.ttl"
GRAPH_BASE = "https://w3id.org/citygraph/graph/"
#: the file, inside a store directory, recording what was loaded and how it was checked
MANIFEST = "manifest.json"
_DB = "oxigraph"
_FORMAT_VERSION = 1


def project_root():
    """The project folder: the nearest one up from here with citygraph.toml (see citygraph.project).

    >>> (project_root() / "ontology" / "citygraph.ttl").is_file()
    True
    """
    from citygraph.project import project_root as find_root

    return find_root()


def _project(root):
    from citygraph.project import find

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


def open_existing(path):
    """Open, read-only, a store directory written by ``citygraph build``.

    >>> open_existing("no/such/store")
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: no/such/store: no store here; run `citygraph build` first
    """
    path = Path(path)
    db = path / _DB
    if not db.is_dir():
        raise InputError(f"{path}: no store here; run `citygraph build` first")
    try:
        return ox.Store.read_only(str(db))
    except OSError as exc:
        raise InputError(f"{path}: cannot open the store ({exc})") from None


_POSITION = re.compile(r"^Parser error (?:at|between) line \d+ .*?: ")


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
    except SyntaxError as exc:
        reason = _POSITION.sub("", str(exc.msg or exc))
        return ParseError(shown, reason, line=exc.lineno, column=exc.offset)
    except OSError as exc:
        return InputError(f"{shown}: cannot be read ({exc.strerror or exc})")
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
    """What a build did; ``lines()`` is what ``citygraph build`` prints."""

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
    #: seconds spent per step: reuse, load, infer, write, validate
    seconds: dict = field(default_factory=dict)
    store: object = None

    @property
    def up_to_date(self):
        """True when nothing changed and the store was reused as it was."""
        return not (self.loaded or self.reloaded or self.removed) and bool(self.reused)

    def lines(self):
        """The summary, one fact per line."""
        where = "memory" if self.store_path is None else str(self.store_path)
        out = [f"store: {where}"]
        files = len(self.loaded) + len(self.reloaded) + len(self.reused)
        if self.up_to_date:
            out.append(f"files: {files}, unchanged: reused {len(self.reused)} files")
        else:
            out.append(
                f"files: {files} (loaded {len(self.loaded)}, reloaded {len(self.reloaded)}, "
                f"reused {len(self.reused)}, removed {len(self.removed)})"
            )
            for name in self.reloaded:
                out.append(f"  reloaded {name}")
            for name in self.removed:
                out.append(f"  removed {name}")
        out.append(
            f"triples: {self.asserted} asserted, {self.inferred} inferred "
            f"({self.passes} inference passes)"
        )
        if not self.validated:
            out.append("validation: skipped")
        elif self.conforms:
            out.append("validation: conforms")
        else:
            out.append(f"validation: does not conform ({self.violations} violations)")
            out.extend("  " + line for line in self.validation_text.splitlines() if line)
        if self.store_path is not None:
            if self.written:
                out.append(f"written: {self.store_path}")
            elif not self.up_to_date:
                out.append(f"not written: the previous store at {self.store_path} is untouched")
        return out


def _validate(data_paths, ontology_dir):
    """Run the shapes on the data files; (conforms, violations, readable report) or None."""
    try:
        from citygraph.validation import render_text, validate
    except ImportError:
        return None
    if not data_paths:
        return None
    result = validate(data_paths, ontology_dir=ontology_dir)
    from citygraph.evidence import check_files, render

    problems = check_files(data_paths)  # every quote against its source text
    bad = sum(p.violation for p in problems)
    text = "\n".join(t for t in (render_text(result), render(problems)) if t)
    return result.conforms and not bad, len(result.violations) + bad, text


def _read_manifest(store_path):
    manifest = store_path / MANIFEST
    if not (store_path / _DB).is_dir() or not manifest.is_file():
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if data.get("format") == _FORMAT_VERSION else None


def _plan(files, hashes, manifest):
    """Split the files into loaded (new), reloaded (changed) and reused, plus removed names."""
    old = manifest["files"] if manifest else {}
    loaded, reloaded, reused = [], [], []
    for name in files:
        if name not in old:
            loaded.append(name)
        elif old[name] != hashes[name]:
            reloaded.append(name)
        else:
            reused.append(name)
    removed = sorted(set(old) - set(files))
    return loaded, reloaded, reused, removed


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
    is the directory ``store_path`` (default ``.citygraph/store``): unchanged
    files are reused, changed ones reloaded alone, and the result is built in a
    fresh directory swapped into place only when every file parsed and (with
    ``validate``) conformed; otherwise the previous store stays untouched.

    >>> report = build(memory=True, validate=False)
    >>> report.loaded[:2]
    ['ontology/citygraph.ttl', 'ontology/schemes.ttl']
    """
    root = Path(root or project_root())
    paths = source_files(root, data_dir, ontology_dir)
    ontology_dir = Path(ontology_dir) if ontology_dir else _project(root).ontology_dir
    data_paths = [p for p in paths if p.parent.resolve() != ontology_dir.resolve()]
    names = {_relative(p, root): p for p in paths}
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
        _check(report, data_paths, ontology_dir, validate)
        return report

    store_path = Path(store_path) if store_path else default_store_path(root)
    manifest = _read_manifest(store_path)
    loaded, reloaded, reused, removed = _plan(list(names), hashes, manifest)
    report = BuildReport(store_path, loaded, reloaded, reused, removed)
    unchanged = (
        manifest is not None
        and not (loaded or reloaded or removed)
        and manifest.get("rules") == rule_hashes
        and (manifest.get("validated") or not validate)
    )
    if unchanged:
        report.asserted = manifest["asserted"]
        report.inferred = manifest["inferred"]
        report.passes = manifest.get("passes", 0)
        report.validated = manifest.get("validated", False)
        report.conforms = manifest.get("conforms")
        return report

    store_path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{store_path.name}-new-", dir=store_path.parent))
    # Loading and inference run in memory (several times faster than on disk);
    # the result is then written in one bulk load to a fresh directory.
    store = open_store()
    try:
        start = time.perf_counter()
        if manifest is not None:
            # Reuse the unchanged graphs from a copy; the previous store is only
            # read (through hard links), never opened.
            _reuse_graphs(store_path / _DB, work / "previous", store, reused)
            report.seconds["reuse"] = time.perf_counter() - start
            start = time.perf_counter()
            load_files(store, [names[n] for n in loaded + reloaded], root)
        else:
            report.loaded, report.reused = list(names), []
            load_files(store, paths, root)
        report.seconds["load"] = time.perf_counter() - start
        _infer(store, report, rules)
        start = time.perf_counter()
        _write(store, work / _DB)
        report.seconds["write"] = time.perf_counter() - start
        del store
        _check(report, data_paths, ontology_dir, validate)
        if report.validated and not report.conforms:
            return report
        record = {
            "format": _FORMAT_VERSION,
            "files": hashes,
            "rules": rule_hashes,
            "asserted": report.asserted,
            "inferred": report.inferred,
            "passes": report.passes,
            "validated": report.validated,
            "conforms": report.conforms,
        }
        (work / MANIFEST).write_text(json.dumps(record, indent=1, sort_keys=True), "utf-8")
        _swap(work, store_path)
        report.written = True
        return report
    except BaseException:
        store = None  # noqa: F841 - a kept traceback must not keep the new store open
        raise
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)


def _infer(store, report, rules):
    start = time.perf_counter()
    inference = materialize(store, rules)
    report.seconds["infer"] = time.perf_counter() - start
    report.inferred = inference.inferred
    report.passes = inference.passes
    report.asserted = count_asserted(store)


def _check(report, data_paths, ontology_dir, validate):
    # Runs with no store in any frame on the stack: pySHACL can keep frames
    # alive, and a frame holding a store would keep the database open.
    if validate:
        start = time.perf_counter()
        outcome = _validate(data_paths, ontology_dir)
        report.seconds["validate"] = time.perf_counter() - start
        if outcome is not None:
            report.validated = True
            report.conforms, report.violations, report.validation_text = outcome


def _reuse_graphs(previous, scratch, store, names):
    """Copy the named graphs ``names`` of the store directory ``previous`` into ``store``."""
    _copy_db(previous, scratch)
    old = open_store(scratch)
    for name in names:
        store.extend(list(old.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_BASE + name))))
        store.add_graph(ox.NamedNode(GRAPH_BASE + name))
    del old
    shutil.rmtree(scratch, ignore_errors=True)


def _write(store, folder):
    """Write every quad of an in-memory store to a new on-disk store at ``folder``."""
    disk = open_store(folder)
    disk.bulk_extend(list(store))
    for graph in store.named_graphs():
        disk.add_graph(graph)
    disk.flush()
    del disk


def _copy_db(source, target):
    """Copy a closed store directory: immutable table files as hard links, the rest as copies."""

    def link_or_copy(src, dst):
        if src.endswith(".sst"):
            try:
                os.link(src, dst)
                return dst
            except OSError:
                pass
        return shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link_or_copy)


def _swap(new, target):
    """Put the directory ``new`` at ``target``, replacing what was there."""
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
        os.rename(new, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(new, target)
