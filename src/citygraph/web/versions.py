"""The store versions the server answers from: it follows ``citygraph build``'s switches.

A build writes a new version folder beside the live one and switches the
store's ``current`` link to it (see :mod:`citygraph.graph.store`). The server
watches that link: when it moves, a :class:`Version` is opened on the new folder
(its worker pools, its search index and network caches) and becomes the one new
requests run on. A request runs wholly on the version it started on
(:class:`Pin`); once the last request on an older version has finished, its
workers end, which closes its files, so the disk the build freed is freed.
"""

import logging
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from starlette.datastructures import State

from citygraph.graph.store import MANIFEST, live_folder, state_id
from citygraph.web.pool import QueryPool

__all__ = ["Version", "Follower", "Pin", "VERSION_HEADER", "pinned"]

#: the response header naming the store version an answer came from
VERSION_HEADER = "X-Citygraph-Version"
_VERSION_RAW = VERSION_HEADER.lower().encode("latin-1")

_LOG = logging.getLogger("citygraph.serve")


def _built(folder):
    """When the version was built: its manifest's time, in UTC."""
    try:
        stamp = (Path(folder) / MANIFEST).stat().st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class Version:
    """One version of the store being served: its folder, id, build time, pools and caches.

    ``pages`` answers the pages, search and the network; ``queries`` the ad-hoc
    SPARQL of the endpoint and the editor, growing up to ``settings.query_workers``
    processes, a query that runs past 0.2 s at a lower CPU priority, so a page
    never waits behind them. ``store`` is the version opened read-only in the web process
    itself, for the simple queries it answers without a worker (:mod:`citygraph.web.inline`).
    """

    def __init__(self, folder, settings):
        self.folder = Path(folder)
        self.state = state_id(self.folder)
        self.built = _built(self.folder)
        self.pages = QueryPool(self.folder, workers=settings.workers, timeout=settings.timeout,
                               max_rows=settings.max_rows)
        self.queries = QueryPool(self.folder, workers=1, most=settings.query_workers, spare=1,
                                 demote=(0.2, 15), timeout=settings.timeout,
                                 max_rows=settings.max_rows)
        self.cache = {}
        self.store = None
        self._users = 0
        self._retired = False
        self._lock = threading.Lock()

    def start(self):
        from citygraph.graph.store import open_existing

        try:
            self.pages.start()
            self.queries.start()
            self.store = open_existing(self.folder)
        except Exception:
            self.close()
            raise
        return self

    def enter(self):
        with self._lock:
            self._users += 1

    def leave(self):
        with self._lock:
            self._users -= 1
            done = self._retired and self._users == 0
        if done:
            self._close_soon()

    def retire(self):
        """No new request comes here; close once the running ones have finished."""
        with self._lock:
            self._retired = True
            done = self._users == 0
        if done:
            self._close_soon()

    def _close_soon(self):
        # ending the workers waits for them: not on the server's event loop
        threading.Thread(target=self.close, name="citygraph-close", daemon=True).start()

    def close(self):
        self.pages.close()
        self.queries.close()
        self.store = None  # the last reference: its files close
        self.cache.clear()

    @property
    def processes(self):
        return self.pages.processes + self.queries.processes


class Follower:
    """The version new requests run on; a thread moves it to the store's live version.

    The ``current`` link is read every ``poll`` seconds; a new version takes
    over once its workers have started (a fraction of a second).
    """

    def __init__(self, settings, poll=0.25, on_version=None):
        self.settings = settings
        self.poll = poll
        #: called with each version once it serves (the server starts its background work)
        self.on_version = on_version
        self.current = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = None
        self._failed = {}

    def start(self):
        from citygraph.errors import InputError

        folder = live_folder(self.settings.store)
        if folder is None:
            raise InputError(f"{self.settings.store}: no store here; run `citygraph build` first")
        self.current = Version(folder, self.settings).start()
        self._started(self.current)
        self._thread = threading.Thread(target=self._watch, name="citygraph-follower",
                                        daemon=True)
        self._thread.start()
        return self

    def acquire(self):
        """The current version, counted as in use until :meth:`Version.leave`."""
        with self._lock:
            version = self.current
            version.enter()
        return version

    def _watch(self):
        while not self._stop.wait(self.poll):
            folder = live_folder(self.settings.store)
            if folder is None or folder == self.current.folder:
                continue
            if time.monotonic() < self._failed.get(folder, 0):
                continue
            try:
                new = Version(folder, self.settings).start()
            except Exception as exc:  # noqa: BLE001 - keep serving the version we have
                _LOG.warning("citygraph serve: cannot open the new store version %s: %s",
                             folder.name, exc)
                self._failed[folder] = time.monotonic() + 5
                continue
            with self._lock:
                old, self.current = self.current, new
            old.retire()
            self._started(new)

    def _started(self, version):
        if self.on_version is not None:
            self.on_version(version)

    def close(self):
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
        if self.current is not None:
            self.current.close()  # the server stops: its requests have ended


def pinned(app, version):
    """The app as a request on ``version`` sees it (for work begun outside a request)."""
    return _Pinned(app, version)


class _Pinned:
    """The app as one request sees it: its ``state`` holds the version the request runs on
    (``state.version``), that version's page pool (``state.pool``) and caches
    (``state.cache``); everything else is the app's."""

    def __init__(self, app, version):
        self._app = app
        self.state = State({**app.state._state, "version": version, "pool": version.pages,
                            "cache": version.cache})

    def __getattr__(self, name):
        return getattr(self._app, name)


class Pin:
    """ASGI middleware: each request runs wholly on one store version and says which, in the
    :data:`VERSION_HEADER` header."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        follower = scope["app"].state.follower if scope["type"] == "http" else None
        if follower is None:
            await self.app(scope, receive, send)
            return
        version = follower.acquire()
        scope["app"] = _Pinned(scope["app"], version)

        stamp = (_VERSION_RAW, (version.state or "").encode("latin-1"))

        async def send_versioned(message):
            if message["type"] == "http.response.start":
                raw = message["headers"] = [h for h in message.get("headers", ())
                                            if h[0].lower() != _VERSION_RAW]
                raw.append(stamp)
            await send(message)

        try:
            await self.app(scope, receive, send_versioned)
        finally:
            version.leave()
