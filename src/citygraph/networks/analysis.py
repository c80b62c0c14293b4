"""The analysed network of a store state: projected and measured once, reused by every command.

``citygraph report`` and each ``citygraph export`` format need the same thing:
the projected place network with every measure on its nodes and the network
figures. :func:`analysed` computes it once per store state and set of options
and keeps it in the folder of the store's live version
(``<store>/current/cache/network-<key>.json``, written through
:func:`citygraph.fileio.write_atomic`). The key is a SHA-256 of the store's
``manifest.json`` (:func:`citygraph.graph.store.state_id`; it changes with every
build and import),
the options (layers, dates, fold, sample, backend, group threshold, seed) and
the cache format, so a rebuilt store or another option never reads a stale
network. Beside it, ``spells-<key>.json`` keeps when each place and edge held
(their spells, for the dynamic GEXF export: :mod:`citygraph.networks.spells`),
a property of the same store state and options, computed from the rows the
projection read, so a GEXF export on cached measures does not query the store
again (and the report and other formats do not read them). A remote
endpoint, or a store without a manifest, is measured afresh every time. A cache
that cannot be read is recomputed; one that cannot be written is skipped (the
result is the same, only slower next time).
"""

import hashlib
import json

import networkx as nx

from citygraph import __version__, progress
from citygraph.errors import CitygraphError
from citygraph.fileio import write_atomic
from citygraph.networks.periods import fact_ends
from citygraph.networks.projection import (
    MAX_GROUP,
    parse_date,
    parse_layers,
    paused_gc,
    project,
)
from citygraph.networks.spells import put_spells, read_spells, spells_of

__all__ = ["CACHE_FORMAT", "store_state", "cache_key", "analysed", "cached", "graph_data",
           "graph_from"]

#: bumped whenever what is cached changes meaning (2: the spells kept beside the measures)
CACHE_FORMAT = 2

#: how many cached networks a store keeps (the newest); older ones are removed
KEEP = 8

def _live_folder(target):
    """The live version folder of the target's store, or None (remote, in memory, no store)."""
    path = getattr(target, "path", None)
    if getattr(target, "is_remote", False) or path is None:
        return None
    from citygraph.graph.store import live_folder

    return live_folder(path)


def store_state(target):
    """A hash of the store's manifest: what the store holds, or None when it cannot be told.

    >>> from citygraph.querying.sparql import connect
    >>> import pyoxigraph as ox
    >>> store_state(connect(ox.Store())) is None
    True
    """
    path = getattr(target, "path", None)
    if _live_folder(target) is None:
        return None
    from citygraph.graph.store import state_id

    return state_id(path)


def cache_key(state, options):
    """The cache key of a store state and the options a network was made with.

    >>> a = cache_key("abc", {"layers": ["tie"], "sample": None})
    >>> a == cache_key("abc", {"sample": None, "layers": ["tie"]}), a == cache_key("abd", {})
    (True, False)
    """
    text = json.dumps({"state": state, "options": options, "format": CACHE_FORMAT,
                       "version": __version__}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def graph_data(G, figures):
    """The analysed network and its figures as one JSON-ready dict (order kept).

    >>> G = nx.Graph(layers=["tie"]); G.add_edge("place:a", "place:b", weight=1)
    >>> graph_from(graph_data(G, {"nodes": 2}))[0].edges["place:a", "place:b"]
    {'weight': 1}
    """
    return {
        "graph": dict(G.graph),
        "nodes": [[node, data] for node, data in G.nodes(data=True)],
        "edges": [[u, v, data] for u, v, data in G.edges(data=True)],
        "figures": figures,
    }


def graph_from(data):
    """The network and figures back from :func:`graph_data`'s dict."""
    G = nx.Graph()
    G.graph.update(data["graph"])
    G.add_nodes_from((node, attrs) for node, attrs in data["nodes"])
    G.add_edges_from((u, v, attrs) for u, v, attrs in data["edges"])
    return G, data["figures"]


def _options(layers, since, until, fold, sample, backend, max_group, seed):
    return {"layers": list(parse_layers(",".join(layers) if not isinstance(layers, str)
                                        else layers)),
            "since": parse_date(since, "--since"), "until": parse_date(until, "--until"),
            "fold": fold, "sample": sample, "backend": backend, "max_group": max_group,
            "seed": seed}


def _prune(folder, keep):
    try:
        for kind in ("network", "spells"):
            files = sorted(folder.glob(f"{kind}-*.json"), key=lambda p: p.stat().st_mtime,
                           reverse=True)
            for old in files[keep:]:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _cache_path(target, options):
    """Where the network of these options on the target's store state is kept, or None."""
    state = store_state(target)
    if state is None:
        return None
    # in the live version's folder: a new build is a new folder, and the old
    # version's measures go when the build removes it
    return _live_folder(target) / "cache" / f"network-{cache_key(state, options)}.json"


def _spells_path(path):
    """Where the spells of the network kept at ``path`` are kept."""
    return path.with_name("spells-" + path.name.removeprefix("network-"))


def _read(path):
    """The cached ``(G, figures)`` at ``path`` (``figures["cache"]`` is ``reused``), or None."""
    if path is None or not path.is_file():
        return None
    try:
        with paused_gc(), progress.step("reading the measured network"):
            G, figures = graph_from(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    figures["cache"] = "reused"
    return G, figures


def _read_spells(path):
    """The spells kept beside the network at ``path`` (``{"nodes": ..., "edges": ...}``, or
    None for a folded network), or False when there are none to read."""
    try:
        with paused_gc():
            kept = json.loads(_spells_path(path).read_text(encoding="utf-8"))
        return kept["spells"]
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _keep(text, path):
    # not with parents: a version folder a build has removed (while a server still measured
    # on it) is not made again
    try:
        path.parent.mkdir(exist_ok=True)
        write_atomic(text, path)
    except (CitygraphError, OSError):
        pass


def _keep_spells(timeline, path):
    _keep(json.dumps({"spells": timeline}, ensure_ascii=False, separators=(",", ":")),
          _spells_path(path))


def cached(target, layers="all", since=None, until=None, fold="none", sample="auto",
           backend="auto", max_group=MAX_GROUP, seed=42):
    """What :func:`analysed` would reuse for these options, without computing anything: the
    measured network and its figures, or None when no earlier run kept them.

    >>> from citygraph.querying.sparql import connect
    >>> import pyoxigraph as ox
    >>> cached(connect(ox.Store())) is None
    True
    """
    options = _options(layers, since, until, fold, sample, backend, max_group, seed)
    return _read(_cache_path(target, options))


def analysed(target, layers="all", since=None, until=None, fold="none", sample="auto",
             backend="auto", max_group=MAX_GROUP, seed=42, cache=True, spells=False):
    """The projected network with every measure on its nodes, and its figures; cached.

    Returns ``(G, figures)`` as :func:`citygraph.networks.projection.project` and
    :func:`citygraph.networks.report.analyze` give them; ``figures["cache"]`` says
    whether they were ``computed`` or ``reused`` from an earlier run on the same
    store state with the same options. ``sample`` is as
    :func:`citygraph.networks.report.analyze` takes it (``"auto"``: exact up to 5,000
    places, sampled above). With ``spells``, places and edges also carry ``spells``
    (:func:`citygraph.networks.spells.spells_of`), kept in the cache with the measures.
    """
    from citygraph.networks.report import analyze

    options = _options(layers, since, until, fold, sample, backend, max_group, seed)
    path = _cache_path(target, options) if cache else None
    found = _read(path)
    if found is not None:
        if spells:
            timeline = _read_spells(path)
            if timeline is False:  # kept by an earlier run that could not write them
                timeline = read_spells(found[0], target)
                _keep_spells(timeline, path)
            put_spells(found[0], timeline)
        return found
    with paused_gc():
        timeline = None
        if spells or path is not None:  # from the rows the projection has read anyway
            G, rows = project(target, layers=options["layers"], since=since, until=until,
                              fold=fold, max_group=max_group, keep_rows=True)
            with progress.step("dating places and edges"):
                timeline = spells_of(G, rows, fact_ends(target))
            del rows
        else:
            G = project(target, layers=options["layers"], since=since, until=until, fold=fold,
                        max_group=max_group)
        figures = analyze(G, backend=backend, sample=sample, seed=seed)
        if path is not None:
            try:
                with progress.step("keeping the measured network"):
                    # the spells first: a network kept without them has them read again
                    _keep_spells(timeline, path)
                    _keep(json.dumps(graph_data(G, figures), ensure_ascii=False,
                                     separators=(",", ":")), path)
                _prune(path.parent, KEEP)
            except (TypeError, ValueError):
                pass
    if spells:
        put_spells(G, timeline)
    figures["cache"] = "computed"
    return G, figures
