"""citygraph: a knowledge graph of inter-city cooperation."""

__all__ = ["__version__"]

__version__ = "0.1.0"
