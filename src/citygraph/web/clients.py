"""How many ad-hoc queries one client may have at the server at once.

Each client (one address) runs one ad-hoc query at a time; its next ones wait
their turn, up to ``most`` in all; past that the answer is 429 with a
Retry-After. So a few clients looping expensive queries hold a few workers,
not all of them, and everyone else's queries still find one free.
"""

import math
import threading
from contextlib import contextmanager

from citygraph.errors import EXIT_REMOTE, CitygraphError

__all__ = ["ClientLimit", "TooManyQueries"]


class TooManyQueries(CitygraphError):
    """A client already has as many ad-hoc queries running and waiting as it may."""

    exit_code = EXIT_REMOTE
    status = 429

    def __init__(self, most, retry_after):
        self.retry_after = retry_after
        super().__init__(f"you already have {most} queries running or waiting on this server "
                         f"(citygraph serve --client-queries); try again in {retry_after} s")


class ClientLimit:
    """At most ``most`` ad-hoc queries per client running or waiting, one of them running.

    >>> limit = ClientLimit(1, timeout=10)
    >>> with limit.slot("10.0.0.1"):
    ...     with limit.slot("10.0.0.2"):
    ...         limit.slot("10.0.0.1").__enter__()
    Traceback (most recent call last):
    ...
    citygraph.web.clients.TooManyQueries: you already have 1 queries running or waiting on \
this server (citygraph serve --client-queries); try again in 10 s
    """

    def __init__(self, most, timeout):
        self.most = max(1, int(most))
        #: a client's queries end within the time limit each
        self.retry_after = max(1, math.ceil(timeout))
        self._lock = threading.Lock()
        self._count = {}
        self._turn = {}

    def _count_in(self, client):
        """Count one more of ``client``'s queries (429 past ``most``); its turn lock."""
        with self._lock:
            count = self._count.get(client, 0)
            if count >= self.most:
                raise TooManyQueries(self.most, self.retry_after)
            self._count[client] = count + 1
            turn = self._turn.get(client)
            if turn is None:
                turn = self._turn[client] = threading.Lock()
            return turn

    def _count_out(self, client):
        with self._lock:
            self._count[client] -= 1
            if not self._count[client]:
                del self._count[client]
                del self._turn[client]

    def free_turn(self, client):
        """Take ``client``'s turn if no query of its runs: a function giving it back, or None
        when the client has a query running (then :meth:`slot` waits for the turn). Raises
        :class:`TooManyQueries` as :meth:`slot` does."""
        turn = self._count_in(client)
        if not turn.acquire(blocking=False):
            self._count_out(client)
            return None

        def give_back():
            turn.release()
            self._count_out(client)

        return give_back

    @contextmanager
    def slot(self, client):
        """Hold one of ``client``'s places while its query runs (waiting for its turn)."""
        turn = self._count_in(client)
        try:
            with turn:
                yield
        finally:
            self._count_out(client)
