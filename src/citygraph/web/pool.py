"""A small pool of query worker processes with a time limit and a result-size limit.

Every query the server runs (the SPARQL endpoint, the pages, the catalog, the
network) goes through a :class:`QueryPool`; the server keeps one for its pages and
one for ad-hoc queries per store version (see :mod:`citygraph.web.versions`). A
request waits for an idle worker, sends the query and waits at most the time
limit for the answer; past it the worker is ended (which cancels the query) and
replaced, and :class:`QueryTimeout` names the limit.
"""

import contextlib
import multiprocessing
import os
import queue
import threading
import time

from citygraph import errors
from citygraph.errors import EXIT_REMOTE, CitygraphError, ParameterError, QueryError
from citygraph.querying.sparql import Target
from citygraph.web.protocol import NotAcceptable

__all__ = ["QueryPool", "PoolTarget", "QueryTimeout", "ResultLimit", "Busy", "WorkerFailed"]


class QueryTimeout(errors.QueryTimeout):
    """A query ran past the server's time limit and was cancelled (exit code 3, as every
    :class:`citygraph.errors.QueryTimeout`)."""

    def __init__(self, limit):
        self.limit = limit
        super().__init__(f"the query ran past the time limit of {limit:g} s and was cancelled "
                         f"(citygraph serve --timeout)")


class ResultLimit(CitygraphError):
    """A query gave more rows than the server's result-size limit."""

    status = 503

    def __init__(self, limit):
        self.limit = limit
        super().__init__(f"the result is larger than the limit of {limit} rows "
                         f"(citygraph serve --max-rows); add a LIMIT")


class Busy(CitygraphError):
    """No worker became free in time."""

    exit_code = EXIT_REMOTE
    status = 503


class WorkerFailed(CitygraphError):
    """A query worker died while answering; it has been replaced."""

    exit_code = EXIT_REMOTE
    status = 503

    def __init__(self, message="a query worker failed; it was restarted"):
        super().__init__(message)


_ERRORS = {"ParameterError": ParameterError, "QueryError": QueryError,
           "NotAcceptable": NotAcceptable}

#: the modules the fork server imports once, so that a new worker starts in a fraction of a
#: second (a store version switch starts a full set of workers)
PRELOAD = ["citygraph.web.worker", "citygraph.web.protocol", "citygraph.querying.sparql",
           "citygraph.graph.store"]


def _context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


class _Worker:
    def __init__(self, context, store_path):
        self.conn, child = context.Pipe()
        from citygraph.web.worker import main

        self.process = context.Process(target=main, args=(child, str(store_path)),
                                       daemon=True)
        self.process.start()
        child.close()
        #: whether its CPU priority was lowered (see QueryPool's ``demote``)
        self.demoted = False

    def wait_ready(self, timeout):
        if not self.conn.poll(timeout):
            self.stop()
            raise WorkerFailed(f"a query worker did not start within {timeout:g} s")
        try:
            answer = self.conn.recv()
        except (OSError, EOFError):
            answer = ("error", "a query worker ended while starting")
        if answer[0] != "ok":
            self.stop()
            raise WorkerFailed(answer[-1])

    def stop(self):
        try:
            self.conn.close()
        except OSError:
            pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class QueryPool:
    """Worker processes with the store at ``store_path`` open read-only.

    ``workers`` start at once and are kept; with ``most`` above it the pool
    grows when every worker is busy, keeping ``spare`` idle workers ready, and
    shrinks back once none has been wanted for ``keep`` seconds (so a steady load
    keeps its workers instead of ending and starting one per query). With
    ``demote=(seconds, nice)`` a query still running after ``seconds`` has its
    worker's CPU priority lowered by ``nice``, so short queries keep the processor
    and long ones take what is left; that worker ends after its query (a process
    cannot raise its priority back) and a fresh one takes its place.
    A worker that died (ended by the system, say) is replaced, and the request
    that found it dead is sent to another worker: read-only queries can be
    asked again.
    """

    def __init__(self, store_path, workers=2, timeout=10.0, max_rows=100_000,
                 queue_wait=60.0, most=None, spare=0, demote=None, keep=10.0):
        self.store_path = store_path
        self.size = max(1, int(workers))
        self.most = max(self.size, int(most or 0))
        self.spare = int(spare)
        self.demote = demote
        self.keep = float(keep)
        #: when a request last found no idle worker (monotonic seconds)
        self._wanted = float("-inf")
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.queue_wait = float(queue_wait)
        self._context = _context()
        self._idle = queue.LifoQueue()  # the worker used last first: its caches are warm
        self._all = []
        self._starting = 0
        self._lock = threading.Lock()
        self._closed = False
        self.cancelled = 0

    def start(self):
        workers = [_Worker(self._context, self.store_path) for _ in range(self.size)]
        try:
            for worker in workers:
                worker.wait_ready(60)
        except WorkerFailed:
            for worker in workers:
                worker.stop()
            raise
        with self._lock:
            self._all.extend(workers)
        for worker in workers:
            self._idle.put(worker)
        return self

    def close(self):
        with self._lock:
            self._closed = True
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()

    @property
    def processes(self):
        """The worker processes' ids."""
        with self._lock:
            return [w.process.pid for w in self._all]

    def _add(self):
        """Start one worker and make it idle (in a thread of its own)."""
        try:
            worker = _Worker(self._context, self.store_path)
            worker.wait_ready(60)
        except (WorkerFailed, OSError):
            with self._lock:
                self._starting -= 1
            return
        with self._lock:
            self._starting -= 1
            if self._closed:
                worker.stop()
                return
            self._all.append(worker)
        self._idle.put(worker)

    def _fill(self):
        """Start workers in the background up to ``size``, and ``spare`` idle ones up to
        ``most``."""
        with self._lock:
            if self._closed:
                return
            count = len(self._all) + self._starting
            missing = max(self.size - count,
                          min(self.spare - self._idle.qsize() - self._starting,
                              self.most - count))
            self._starting += max(0, missing)
        for _ in range(max(0, missing)):
            threading.Thread(target=self._add, daemon=True).start()

    def _discard(self, worker):
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        self._fill()

    def _take(self):
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                self._wanted = time.monotonic()
                with self._lock:
                    grow = not self._starting and len(self._all) < self.most
                    self._starting += grow
                if grow:
                    threading.Thread(target=self._add, daemon=True).start()
                try:
                    worker = self._idle.get(timeout=self.queue_wait)
                except queue.Empty:
                    raise Busy(f"every query worker stayed busy for {self.queue_wait:g} s") \
                        from None
            if worker.process.is_alive():
                self._fill()
                return worker
            self._discard(worker)

    def _give_back(self, worker):
        if worker.demoted:
            self._discard(worker)
            return
        with self._lock:
            extra = (len(self._all) > self.size and self._idle.qsize() >= max(1, self.spare)
                     and time.monotonic() - self._wanted > self.keep)
            if extra:
                self._all.remove(worker)
        if extra:
            worker.stop()
        else:
            self._idle.put(worker)

    def _wait(self, worker, limit):
        """Whether the worker answered within ``limit`` seconds (lowering its priority once
        its query has run ``demote[0]`` seconds)."""
        if self.demote is None or limit <= self.demote[0]:
            return worker.conn.poll(limit)
        if worker.conn.poll(self.demote[0]):
            return True
        _lower(worker, self.demote[1])
        return worker.conn.poll(limit - self.demote[0])

    def call(self, message, timeout=None):
        """Send one request to an idle worker and return its answer."""
        limit = self.timeout if timeout is None else float(timeout)
        for attempt in (1, 2):
            worker = self._take()
            try:
                worker.conn.send(message)
                if not self._wait(worker, limit):
                    self.cancelled += 1
                    self._discard(worker)
                    raise QueryTimeout(limit)
                answer = worker.conn.recv()
            except (OSError, EOFError):
                # the worker died: ended from outside, or by this query; asked once more
                self._discard(worker)
                if attempt == 2:
                    raise WorkerFailed() from None
                continue
            self._give_back(worker)
            break
        return _result(answer)

    def take_idle(self):
        """An idle worker, or None when every one is busy (then :meth:`call` waits for one)."""
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            return None
        # a dead worker shows as a closed pipe in call_on, which replaces it
        self._fill()
        return worker

    async def call_on(self, worker, message, timeout=None):
        """:meth:`call` on the event loop with a worker from :meth:`take_idle`: no thread
        waits for the answer; the loop wakes when the worker's pipe is readable. The time
        limit and the lowered priority hold as in :meth:`call`; a dead worker is replaced
        and the request asked once more through :meth:`call`."""
        import asyncio

        limit = self.timeout if timeout is None else float(timeout)
        loop = asyncio.get_running_loop()
        ready = loop.create_future()
        fd = worker.conn.fileno()
        timers = []

        def demote():  # one timer at a time: the priority lowered, then the time limit
            _lower(worker, self.demote[1])
            timers.append(loop.call_later(limit - self.demote[0], _settle, ready, False))

        done = False
        try:
            worker.conn.send(message)
            loop.add_reader(fd, _settle, ready, True)
            if self.demote is not None and limit > self.demote[0]:
                timers.append(loop.call_later(self.demote[0], demote))
            else:
                timers.append(loop.call_later(limit, _settle, ready, False))
            try:
                if not await ready:
                    self.cancelled += 1
                    raise QueryTimeout(limit)
            finally:
                loop.remove_reader(fd)
                timers[-1].cancel()
            answer = worker.conn.recv()
            done = True
        except (OSError, EOFError):
            # the worker died: replaced, and the query asked once more
            done = True
            await asyncio.to_thread(self._discard, worker)
            return await asyncio.to_thread(self.call, message, timeout)
        finally:
            if not done:  # past the time limit, or the request was cancelled mid-query
                await asyncio.shield(asyncio.to_thread(self._discard, worker))
        if worker.demoted:  # it is ended and replaced: not on the event loop
            await asyncio.to_thread(self._give_back, worker)
        else:
            self._give_back(worker)
        return _result(answer)


def _settle(future, value):
    if not future.done():
        future.set_result(value)


def _lower(worker, nice):
    """Lower a worker's CPU priority by ``nice`` (see :class:`QueryPool`'s ``demote``)."""
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, worker.process.pid, nice)
        worker.demoted = True


def _result(answer):
    """The value of a worker's answer, or the error it names raised."""
    status = answer[0]
    if status == "ok":
            return answer[1]
    if status == "too-large":
        raise ResultLimit(answer[1])
    kind, text = answer[1], answer[2]
    raise _ERRORS.get(kind, QueryError)(text)


class PoolTarget(Target):
    """A :class:`citygraph.querying.sparql.Target` whose queries run in the pool, with its limits.

    The catalog's ``run_query`` binds parameters through it as through any target.
    """

    is_remote = False

    def __init__(self, pool, timeout=None, max_rows=None):
        self.pool = pool
        self.timeout = timeout
        self.max_rows = pool.max_rows if max_rows is None else max_rows

    def _call(self, message):
        return self.pool.call(message, self.timeout)

    def select(self, query, bindings=None):
        return self._call(("select", query, bindings, self.max_rows))

    def construct(self, query, bindings=None):
        return self._call(("construct", query, bindings, self.max_rows))

    def ask(self, query, bindings=None):
        return self._call(("ask", query, bindings, None))

    def entity(self, node):
        """:func:`citygraph.web.pages.entity` run in a worker: one request for its queries."""
        return self._call(("entity", node))
