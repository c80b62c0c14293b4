"""Reconciliation: the review page for an import's report, and the W3C reconciliation service."""

__all__ = ["routes"]


def routes():
    return []
