"""The query worker: a child process holding the store open read-only, one request at a time.

The server keeps a few of these (see :mod:`citygraph.web.pool`). A query that
runs past its time limit is cancelled by ending its worker, the only way to
stop a running Oxigraph query, and a fresh worker takes its place.
"""

import traceback

from citygraph.web.protocol import ResultTooLarge

__all__ = ["main", "ResultTooLarge"]


def _handle(state, message):
    kind = message[0]
    if kind == "ping":
        return "pong"
    if kind == "protocol":
        from citygraph.web.protocol import evaluate

        _, text, accept, default_graphs, named_graphs, max_rows, base_iri = message
        return evaluate(state["store"], text, accept, default_graphs, named_graphs, max_rows,
                        base_iri)
    if kind in ("select", "construct", "ask"):
        _, text, bindings, max_rows = message
        rows = getattr(state["target"], kind)(text, bindings)
        if kind != "ask" and max_rows is not None and len(rows) > max_rows:
            raise ResultTooLarge(max_rows)
        return rows
    if kind == "entity":
        from citygraph.web.pages import entity

        return entity(state["target"], message[1])
    if kind == "network":
        from citygraph.web.network import compute

        _, options = message
        return compute(state["target"], **options)
    raise ValueError(f"unknown request {kind!r}")


def main(conn, store_path):
    """Serve requests from the pipe ``conn`` until it closes."""
    from citygraph.errors import CitygraphError
    from citygraph.graph.store import open_existing
    from citygraph.querying.sparql import LocalTarget

    try:
        store = open_existing(store_path)
    except CitygraphError as exc:
        conn.send(("error", "CitygraphError", str(exc)))
        return
    state = {"store": store, "target": LocalTarget(store, store_path)}
    conn.send(("ok", "ready"))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer = ("ok", _handle(state, message))
        except ResultTooLarge as exc:
            answer = ("too-large", exc.args[0])
        except CitygraphError as exc:
            answer = ("error", type(exc).__name__, str(exc))
        except Exception as exc:  # noqa: BLE001 - the server answers one line, never a traceback
            last = traceback.format_exception_only(type(exc), exc)[-1].strip()
            answer = ("error", "internal", last[:300])
        try:
            conn.send(answer)
        except (OSError, KeyboardInterrupt):
            return
