"""A small pool of query worker processes with a time limit and a result-size limit.

Every query the server runs (the SPARQL endpoint, the pages, the catalog, the
network) goes through :class:`QueryPool`. A request waits for an idle worker,
sends the query and waits at most the time limit for the answer; past it the
worker is ended (which cancels the query) and replaced, and
:class:`QueryTimeout` names the limit.
"""

import multiprocessing
import queue
import threading

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


class _Worker:
    def __init__(self, context, store_path):
        self.conn, child = context.Pipe()
        from citygraph.web.worker import main

        self.process = context.Process(target=main, args=(child, str(store_path)), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout):
        if not self.conn.poll(timeout):
            self.stop()
            raise WorkerFailed(f"a query worker did not start within {timeout:g} s")
        answer = self.conn.recv()
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
    """``workers`` processes with the store at ``store_path`` open read-only."""

    def __init__(self, store_path, workers=2, timeout=10.0, max_rows=100_000,
                 queue_wait=60.0):
        self.store_path = store_path
        self.size = max(1, int(workers))
        self.timeout = float(timeout)
        self.max_rows = int(max_rows)
        self.queue_wait = float(queue_wait)
        self._context = multiprocessing.get_context("spawn")
        self._idle = queue.Queue()
        self._all = []
        self._lock = threading.Lock()
        self.cancelled = 0

    def start(self):
        workers = [_Worker(self._context, self.store_path) for _ in range(self.size)]
        for worker in workers:
            worker.wait_ready(60)
            self._all.append(worker)
            self._idle.put(worker)
        return self

    def close(self):
        with self._lock:
            for worker in self._all:
                worker.stop()
            self._all = []

    def _replace(self, worker):
        worker.stop()
        fresh = _Worker(self._context, self.store_path)
        fresh.wait_ready(60)
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            self._all.append(fresh)
        return fresh

    def call(self, message, timeout=None):
        """Send one request to an idle worker and return its answer."""
        limit = self.timeout if timeout is None else float(timeout)
        try:
            worker = self._idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise Busy(f"every query worker stayed busy for {self.queue_wait:g} s") from None
        try:
            try:
                worker.conn.send(message)
                ready = worker.conn.poll(limit)
            except (OSError, EOFError):
                ready = None
            if ready is None or not ready:
                self.cancelled += ready is not None
                worker = self._replace(worker)
                if ready is None:
                    raise WorkerFailed()
                raise QueryTimeout(limit)
            try:
                answer = worker.conn.recv()
            except (OSError, EOFError):
                worker = self._replace(worker)
                raise WorkerFailed() from None
        finally:
            self._idle.put(worker)
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

    def select(self, query, bindings=None):
        return self.pool.call(("select", query, bindings, self.max_rows), self.timeout)

    def construct(self, query, bindings=None):
        return self.pool.call(("construct", query, bindings, self.max_rows), self.timeout)

    def ask(self, query, bindings=None):
        return self.pool.call(("ask", query, bindings, None), self.timeout)
