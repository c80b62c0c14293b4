"""Where the web package keeps its templates and static files."""

from pathlib import Path

__all__ = ["HERE", "STATIC", "TEMPLATES"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
