"""The embedded Oxigraph store on disk: versions side by side, a live one, switched atomically.

A store directory holds complete versions side by side and a pointer to the
live one, switched atomically, so that at every instant the path answers with
a complete store (the previous one until the switch, the new one after)::

    STORE/current         -> v-20261130T130501-1a2b   (symlink, replaced by rename)
    STORE/v-20261130T130501-1a2b/oxigraph/            (the database)
    STORE/v-20261130T130501-1a2b/manifest.json        (files, rules, graphs, counts)
    STORE/oxigraph        -> current/oxigraph         (for readers that open the folder)
    STORE/manifest.json   -> current/manifest.json    (its content is the store's state)
    STORE/.lock                                        (one build at a time)

This module opens stores and reads their manifest and state, names the graph
of each source file, and holds the lock, the switch of ``current`` and the
removal of what killed builds left. :mod:`citygraph.graph.build` writes a new
version (one named graph per file, the inferred graph) and switches to it.
"""

import fcntl
import hashlib
import json
import os
import shutil
import signal
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path

import pyoxigraph as ox

from citygraph.errors import InputError
from citygraph.fileio import os_error
from citygraph.graph.inference import INFERRED_GRAPH, count_graph
from citygraph.rdfio import file_error, turtle_source

__all__ = [
    "GRAPH_BASE",
    "INFERRED_GRAPH",
    "MANIFEST",
    "KILL_AT",
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



def _checkpoint(name):
    # A test hook: CITYGRAPH_BUILD_KILL_AT=name kills the build right here, as a
    # crash or `kill -9` would, to prove the live store survives every step.
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


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
