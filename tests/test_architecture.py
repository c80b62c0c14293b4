"""The package's modules import each other in one direction: no import circles."""

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "citygraph"


def _module(path):
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(name):
    path = PACKAGE.parent / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def import_graph():
    """Every citygraph module and the citygraph modules it imports, at module level or inside
    a function alike (an import deferred into a function is still a dependency)."""
    graph = nx.DiGraph()
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        graph.add_node(module)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                if base.split(".")[0] != "citygraph":
                    continue
                for alias in node.names:
                    name = f"{base}.{alias.name}"
                    graph.add_edge(module, name if _exists(name) else base)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "citygraph":
                        graph.add_edge(module, alias.name)
    return graph


def test_the_import_graph_sees_the_known_dependencies():
    graph = import_graph()
    assert graph.has_edge("citygraph.cli", "citygraph.errors")
    assert graph.has_edge("citygraph.web.views", "citygraph.web.base")
    assert graph.has_edge("citygraph.web.worker", "citygraph.web.protocol")


def test_no_module_imports_itself_back_through_others():
    cycles = sorted(sorted(c) for c in nx.simple_cycles(import_graph()) if len(c) > 1)
    assert cycles == []
