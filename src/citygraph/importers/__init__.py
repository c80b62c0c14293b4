"""Importers that turn outside lists of sister-city ties into citygraph triples."""

__all__ = []
