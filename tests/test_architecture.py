"""The package's modules import each other in one direction: no import circles, and the
stages of the pipeline (docs/architecture.md) import only the stages below them."""

import ast
import shutil
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "citygraph"

#: the modules at the top of the package that every stage may use
UTILITIES = {"errors", "fileio", "progress", "dates", "namespaces", "resources", "rdfio", "texts"}

#: the entry points: they may use everything
ENTRY = {"api", "cli"}

#: each stage and the stages it may import (besides itself and the utilities)
ALLOWED = {
    "utilities": set(),
    "places": set(),
    "graph": set(),
    "querying": {"graph", "places"},
    "networks": {"graph", "querying", "places"},
    "curation": {"graph", "querying", "places"},
    "importers": {"graph", "querying", "places", "curation"},
    "web": {"graph", "querying", "places", "networks", "curation", "importers"},
    "commands": {"graph", "querying", "places", "networks", "curation", "importers", "web"},
}


def stage_of(module):
    """The stage of a dotted module name: its sub-package, 'utilities', or 'entry'."""
    parts = module.split(".")[1:]
    if parts and parts[0] in ENTRY:
        return "entry"
    if not parts or parts[0] in UTILITIES:  # the package itself gives __version__
        return "utilities"
    return parts[0]


def _module(path, package):
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(name, package):
    path = package.parent / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def import_graph(package=PACKAGE):
    """Every citygraph module and the citygraph modules it imports, at module level or inside
    a function alike (an import deferred into a function is still a dependency)."""
    graph = nx.DiGraph()
    for path in sorted(package.rglob("*.py")):
        module = _module(path, package)
        graph.add_node(module)
        pkg = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                if base.split(".")[0] != "citygraph":
                    continue
                for alias in node.names:
                    name = f"{base}.{alias.name}"
                    graph.add_edge(module, name if _exists(name, package) else base)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "citygraph":
                        graph.add_edge(module, alias.name)
    return graph


def violations(graph):
    """The imports that go against :data:`ALLOWED`, as (importer, imported) pairs."""
    wrong = []
    for a, b in graph.edges:
        sa, sb = stage_of(a), stage_of(b)
        if sa == "entry" or a == "citygraph" or sa == sb or sb == "utilities":
            continue
        if sb == "entry" or sb not in ALLOWED.get(sa, set()):
            wrong.append((a, b))
    return sorted(wrong)


def test_the_import_graph_sees_the_known_dependencies():
    graph = import_graph()
    assert graph.has_edge("citygraph.cli", "citygraph.errors")
    assert graph.has_edge("citygraph.web.views", "citygraph.web.base")
    assert graph.has_edge("citygraph.web.worker", "citygraph.web.protocol")
    assert graph.has_edge("citygraph.querying.sparql", "citygraph.graph.store")


def test_no_module_imports_itself_back_through_others():
    graph = import_graph()
    # the package's __getattr__ imports the API (citygraph.build, citygraph.network, ...) on
    # first use, once the package is loaded: modules that take __version__ from the package
    # close no circle through it (as in violations(), the package's own imports are exempt)
    graph.remove_edge("citygraph", "citygraph.api")
    cycles = sorted(sorted(c) for c in nx.simple_cycles(graph) if len(c) > 1)
    assert cycles == []


def test_every_module_belongs_to_a_known_stage():
    stages = {stage_of(m) for m in import_graph().nodes if m.startswith("citygraph")}
    assert stages <= set(ALLOWED) | {"entry"}
    assert {"graph", "querying", "networks", "places", "curation", "importers", "web",
            "commands"} <= stages


def test_stages_import_only_the_stages_below_them():
    assert violations(import_graph()) == []


def test_the_direction_test_catches_a_lower_stage_importing_a_higher_one(tmp_path):
    copy = tmp_path / "citygraph"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("static", "templates", "js"))
    store = copy / "graph" / "store.py"
    store.write_text(store.read_text(encoding="utf-8") + "\n\ndef _x():\n"
                     "    from citygraph.web.app import create_app  # noqa\n", encoding="utf-8")
    views = copy / "web" / "views.py"
    views.write_text(views.read_text(encoding="utf-8") + "\nfrom citygraph.commands import serve\n",
                     encoding="utf-8")
    assert violations(import_graph(copy)) == [
        ("citygraph.graph.store", "citygraph.web.app"),
        ("citygraph.web.views", "citygraph.commands.serve"),
    ]


@pytest.mark.parametrize("stage", ["graph", "querying", "networks", "places", "curation",
                                   "importers", "web", "commands"])
def test_each_stage_says_what_it_takes_gives_and_uses(stage):
    doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text("utf-8")))
    assert doc and "Takes" in doc and "Gives" in doc and "Uses" in doc


#: modules still to be split by job (each leaves this list with its split)
NOT_YET_SPLIT = set()


def test_no_module_is_longer_than_about_500_lines():
    long = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
            if len(p.read_text(encoding="utf-8").splitlines()) > 550}
    assert long <= NOT_YET_SPLIT
