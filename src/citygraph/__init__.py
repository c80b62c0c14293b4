"""citygraph: a knowledge graph of inter-city cooperation.

The Python API (see :mod:`citygraph.api`): ``build``, ``connect``, ``query``, ``run_sparql``,
``network``.
"""

__all__ = ["__version__", "build", "connect", "query", "run_sparql", "network"]

__version__ = "0.1.0"


def __getattr__(name):
    # Imported on first use, so `citygraph --version` stays fast.
    if name in ("build", "connect", "query", "run_sparql", "network"):
        from citygraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'citygraph' has no attribute {name!r}")
