"""Where the shipped ontology, SHACL shapes and query catalog are.

The top-level ``ontology/``, ``shapes/`` and ``queries/`` folders of the
repository are the source of truth. A wheel carries copies of them as package
data under ``citygraph/_data/`` (written by the build step in ``setup.py``).
Code never builds these paths from ``__file__`` itself: it asks :func:`path`,
which finds the checkout's folders when running from a checkout and the
package's copies when installed.
"""

from pathlib import Path

__all__ = ["NAMES", "path", "checkout", "package_data"]

#: the folders that ship with citygraph, and a file each must hold
NAMES = {"ontology": "citygraph.ttl", "shapes": None, "queries": None}

_HERE = Path(__file__).resolve().parent
#: inside an installed package
package_data = _HERE / "_data"


def checkout():
    """The source checkout this module runs from, or None when it runs from an installed wheel.

    >>> (checkout() / "pyproject.toml").is_file()
    True
    """
    root = _HERE.parents[1]
    if (root / "pyproject.toml").is_file() and (root / "ontology" / "citygraph.ttl").is_file():
        return root
    return None


def path(name):
    """The folder of shipped ``ontology``, ``shapes`` or ``queries``.

    >>> path("queries").name, (path("ontology") / "citygraph.ttl").is_file()
    ('queries', True)
    >>> path("data")
    Traceback (most recent call last):
    ...
    ValueError: 'data' is not shipped with citygraph; one of ontology, queries, shapes
    """
    if name not in NAMES:
        raise ValueError(f"{name!r} is not shipped with citygraph; one of "
                         + ", ".join(sorted(NAMES)))
    root = checkout()
    if root is not None:
        return root / name
    return package_data / name
