"""A citygraph project: a folder with ``citygraph.toml``, ``data/``, ``sources/`` and ``sheets/``.

Every command finds its project by walking up from the current folder to the
nearest ``citygraph.toml``, as git finds ``.git``. The config names the base
of the project's instance IRIs, where its source texts are, and extra folders
of SHACL shapes and catalog queries that extend the shipped ones::

    [project]
    base = "https://w3id.org/citygraph/id/"

    [sources]
    folder = "sources"              # texts added with `citygraph source add`
    also = ["../shared/seeds"]      # other folders of texts the data cites (read only)

    [extend]
    shapes = ["my-shapes"]          # *.ttl shapes validated beside the shipped ones
    queries = ["my-queries"]        # *.rq queries listed beside the shipped catalog

The ontology, shapes and query catalog come from the package
(:mod:`citygraph.resources`) unless the project holds its own
``ontology/citygraph.ttl`` (as this repository, their source, does).
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from citygraph import resources
from citygraph.errors import InputError, UsageError
from citygraph.fileio import write_atomic
from citygraph.namespaces import CGR

__all__ = ["CONFIG", "Project", "find", "require", "load", "project_root", "init",
           "render_config"]

#: the file that marks a project's folder
CONFIG = "citygraph.toml"

_FOLDERS = ("data", "sources", "sheets")


@dataclass(frozen=True)
class Project:
    """A project folder and what its config says."""

    root: Path
    config: Path | None = None
    base: str = str(CGR)
    sources_folder: str = "sources"
    also: tuple = ()
    extra_shapes: tuple = ()
    extra_queries: tuple = ()
    settings: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def data_dir(self):
        return self.root / "data"

    @property
    def sources_dir(self):
        return self.root / self.sources_folder

    @property
    def sheets_dir(self):
        return self.root / "sheets"

    @property
    def source_dirs(self):
        """Where source texts are looked for: the project's own folder first."""
        return (self.sources_dir, *((self.root / p).resolve() for p in self.also))

    def _own(self, name):
        # a project that carries its own vocabulary (this repository) uses its folders
        if (self.root / "ontology" / "citygraph.ttl").is_file() and (self.root / name).is_dir():
            return self.root / name
        return resources.path(name)

    @property
    def ontology_dir(self):
        return self._own("ontology")

    @property
    def queries_dir(self):
        return self._own("queries")

    @property
    def shapes_dir(self):
        return self._own("shapes")

    @property
    def query_dirs(self):
        """The catalog's folders: the shipped one, then the config's extra ones."""
        return (self.queries_dir, *(self.root / p for p in self.extra_queries))

    @property
    def shapes_dirs(self):
        """The shapes' folders: the shipped one, then the config's extra ones."""
        return (self.shapes_dir, *(self.root / p for p in self.extra_shapes))

    def source_text(self, file_name):
        """The path of a source text by its file name, or None when no source folder has it."""
        for folder in self.source_dirs:
            candidate = folder / file_name
            if candidate.is_file():
                return candidate
        return None


def _strings(value, where, key):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where}: [{key}] must be a list of folder names")
    return tuple(value)


def load(config_path):
    """Read a project's ``citygraph.toml``.

    >>> p = load(resources.checkout() / CONFIG)
    >>> p.base, [d.name for d in p.source_dirs]
    ('https://w3id.org/citygraph/id/', ['sources', 'seeds'])
    """
    config_path = Path(config_path)
    try:
        settings = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{config_path}: cannot read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{config_path}: not valid TOML ({exc})") from None
    project = settings.get("project", {})
    sources = settings.get("sources", {})
    extend = settings.get("extend", {})
    base = project.get("base", str(CGR))
    if not isinstance(base, str) or not base.startswith(("http://", "https://")) or \
            not base.endswith(("/", "#")):
        raise InputError(f"{config_path}: [project] base must be an http(s) IRI ending in / or #")
    return Project(
        root=config_path.parent.resolve(),
        config=config_path.resolve(),
        base=base,
        sources_folder=sources.get("folder", "sources"),
        also=_strings(sources.get("also", []), config_path, "sources] also"),
        extra_shapes=_strings(extend.get("shapes", []), config_path, "extend] shapes"),
        extra_queries=_strings(extend.get("queries", []), config_path, "extend] queries"),
        settings=settings,
    )


def _locate(start):
    """The project ``start`` is in, or None: the nearest ``citygraph.toml`` up from it."""
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file():
            return load(folder / CONFIG)
        if (folder / "ontology" / "citygraph.ttl").is_file():
            return Project(root=folder)
    return None


def find(start=None):
    """The project the folder ``start`` (default: the current one) is in.

    Walks up to the nearest ``citygraph.toml``. A folder holding
    ``ontology/citygraph.ttl`` without a config is a project with the default
    settings. Outside any project, the start folder itself with default settings
    (never the checkout citygraph runs from: a command run elsewhere must not read
    or write another project); a command that writes project files asks
    :func:`require` instead.

    >>> find(resources.checkout() / "src" / "citygraph").root == resources.checkout()
    True
    """
    start = Path(start or Path.cwd()).resolve()
    return _locate(start) or Project(root=start)


def require(start=None):
    """The project ``start`` (default: the current folder) is in, for a command that writes
    project files (the store, data/, sources/, imports).

    Outside every project a :class:`UsageError` (exit 2) in one line: run
    ``citygraph init`` or give ``--project``.

    >>> require(resources.checkout() / "docs").root == resources.checkout()
    True
    >>> require("/")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: / is not in a citygraph project (no citygraph.toml in / ...
    """
    given = start is not None
    start = Path(start or Path.cwd()).resolve()
    project = _locate(start)
    if project is None:
        where = f"{start} is not" if given else "not"
        raise UsageError(f"{where} in a citygraph project (no {CONFIG} in {start} or above): "
                         "run `citygraph init` or give --project")
    return project


def project_root(start=None):
    """The folder of the project the current folder is in (see :func:`find`)."""
    return find(start).root


def render_config(base=str(CGR), also=()):
    """The text of a new ``citygraph.toml``.

    >>> print(render_config(also=["../texts"]).splitlines()[8])
    also = ["../texts"]
    """
    listed = ", ".join(f'"{a}"' for a in also)
    return (
        "# A citygraph project: every command run in this folder or below uses it.\n"
        "\n"
        "[project]\n"
        "# the base of the project's instance IRIs (places, people, facts, documents)\n"
        f'base = "{base}"\n'
        "\n[sources]\n"
        'folder = "sources"\n'
        f"also = [{listed}]\n"
        "\n[extend]\n"
        "# folders of extra SHACL shapes (*.ttl) and catalog queries (*.rq)\n"
        "shapes = []\n"
        "queries = []\n"
    )


_GAZETTEER_HEADER = "slug,kind,label,country,part_of,lookup,alt_labels\n"


def init(folder, base=str(CGR)):
    """Create a project in ``folder``: data/, sources/, sheets/, citygraph.toml.

    Also ``data/gazetteer/places.csv`` with its header (``citygraph gazetteer``
    turns it into ``data/places.ttl``) and a ``.gitignore`` for the store.
    An existing project is left alone (a usage error).
    """
    folder = Path(folder)
    if (folder / CONFIG).exists():
        raise UsageError(f"{folder / CONFIG}: a project is already there")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    for name in _FOLDERS:
        (folder / name).mkdir(parents=True, exist_ok=True)
    write_atomic(_GAZETTEER_HEADER, folder / "data" / "gazetteer" / "places.csv", mkdir=True)
    if not (folder / ".gitignore").exists():
        write_atomic("/.citygraph/\n", folder / ".gitignore")
    write_atomic(render_config(base), folder / CONFIG)
    return load(folder / CONFIG)
