"""Validate Turtle data against the citygraph ontology and SHACL shapes, and report by shape.

The data is loaded with pyoxigraph (one named graph per file) and checked by
an engine chosen by measurement (see ``bench/bench_validate.py`` and
``docs/validation.md``): ``turbo`` (pyshacl-turbo, a Rust engine with
pySHACL's semantics) by default, ``pyshacl`` (pySHACL on rdflib) as the
reference the test suite compares it with. Both give the same findings.
:func:`validate_store` checks a store that is already loaded (what ``build``
has), :func:`validate` loads files first. Checks that SHACL Core cannot
express (a literal whose text is not of its datatype) run beside the engine,
from :data:`CHECKS`.

The package's modules: :mod:`.engines` (the two engines and their reports),
:mod:`.report` (:class:`Result`, :class:`Report`, text and JSON), :mod:`.literals`
(ill-typed literals and the line of a file that writes a finding), :mod:`.scope`
(graphs, focus nodes, and what a change reaches); this one loads and runs them.
"""

import re
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from citygraph import progress
from citygraph.errors import InputError, ParseError, UsageError
from citygraph.graph.project import find as find_project
from citygraph.graph.validation.engines import (
    DEFAULT_ENGINE,
    ENGINES,
    _engine,
    _quiet_rdflib,
    _read_report,
    _run_pyshacl,
    _run_turbo,
    _union_ntriples,
)
from citygraph.graph.validation.literals import (
    _check_ill_typed,
    _literal_line,
    _node_line,
    ill_typed_literals,
)
from citygraph.graph.validation.report import (
    SHAPES_NS,
    Report,
    Result,
    _sort_key,
    render_json,
    render_text,
    shorten,
)
from citygraph.graph.validation.scope import (
    GRAPH_BASE,
    INFERRED_GRAPH,
    NEAR_GRAPH,
    _graph_names,
    _shown_graph,
    _subjects,
    _values,
    affected_nodes,
    neighbourhood,
    shape_depth,
)
from citygraph.rdfio import parse_turtle, to_rdflib, turtle_source

__all__ = [
    "SHAPES_NS",
    "ENGINES",
    "DEFAULT_ENGINE",
    "GRAPH_BASE",
    "INFERRED_GRAPH",
    "CHECKS",
    "Result",
    "Report",
    "data_files",
    "load_shapes",
    "load_store",
    "validate",
    "validate_store",
    "affected_nodes",
    "shape_depth",
    "neighbourhood",
    "NEAR_SHARE",
    "ill_typed_literals",
    "shorten",
    "render_text",
    "render_json",
]

def data_files(root=None, project=None):
    """Every ``*.ttl`` file under ``root`` (its own and its subfolders'), sorted.

    ``root`` defaults to the data folder of ``project`` (default: the project
    of the current folder, looked up now).

    >>> [p.name for p in data_files(find_project().root / "shapes")][:2]
    ['agreements.ttl', 'concepts.ttl']
    """
    root = Path(root) if root is not None else (project or find_project()).data_dir
    if not root.is_dir():
        raise InputError(f"{root}: no such folder")
    return sorted(p for p in root.rglob("*.ttl") if p.is_file())


def load_shapes(shapes_dir=None, project=None):
    """The shapes graph: every ``*.ttl`` of ``shapes_dir`` parsed into one graph.

    ``shapes_dir`` defaults to the shapes of ``project`` (default: the project
    of the current folder, looked up now); with that folder come the folders
    of shapes the project's config adds (``[extend] shapes``).

    >>> from citygraph.namespaces import CG
    >>> from rdflib.namespace import SH
    >>> shapes = load_shapes()
    >>> shapes.value(None, SH.targetClass, CG.PostHolding) is not None
    True
    """
    project = project or find_project()
    shapes_dir = Path(shapes_dir) if shapes_dir is not None else project.shapes_dir
    files = sorted(shapes_dir.glob("*.ttl"))
    if shapes_dir == project.shapes_dir:  # and the folders of shapes the project's config adds
        files += [f for d in project.shapes_dirs[1:] for f in sorted(Path(d).glob("*.ttl"))]
    if not files:
        raise InputError(f"{shapes_dir}: no shapes (*.ttl) found")
    return parse_turtle(files)

# "Parser error at line 4 column 11: reason" or "... between columns 23 and 27: reason"
_OX_POSITION = re.compile(r"^Parser error (?:at|between) line \d+ .*?: ")

_OX_TRAILER = re.compile(r" \([^()]*, line \d+\)$")


def load_store(paths, store=None):
    """Load each Turtle file into its own named graph of a (new, in-memory) pyoxigraph store.

    Returns ``(store, files)`` where ``files`` maps each graph's IRI to the
    file as given. A missing file is an :class:`~citygraph.errors.InputError`,
    a syntax error a :class:`~citygraph.errors.ParseError` with line and column.

    >>> store, files = load_store([find_project().ontology_dir / "schemes.ttl"])
    >>> [Path(f).name for f in files.values()], len(store) > 100
    (['schemes.ttl'], True)
    """
    store = ox.Store() if store is None else store
    files = {}
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if not path.is_file():
            raise InputError(f"{path}: not a file")
        name = ox.NamedNode(path.resolve().as_uri())
        try:
            with turtle_source(path) as source:  # a UTF-8 BOM is skipped
                store.load(**source, format=ox.RdfFormat.TURTLE, to_graph=name)
        except SyntaxError as exc:
            reason = _OX_TRAILER.sub("", _OX_POSITION.sub("", str(exc.msg or exc))).strip()
            raise ParseError(path, reason, line=exc.lineno, column=exc.offset) from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        store.add_graph(name)
        files[name.value] = str(path)
    return store, files


#: Checks that run beside the SHACL engine on every validation. Each is a
#: function ``(store, graph_names, files)`` yielding :class:`Result`; ``files``
#: maps a graph's IRI to its file. A module with a further check (such as the
#: evidence quotes against their sources) appends its function here.
CHECKS = [_check_ill_typed]


def validate_store(
    store,
    graphs=None,
    files=None,
    shapes_dir=None,
    focus_graphs=None,
    focus=None,
    engine=None,
    checks=None,
    shapes=None,
    project=None,
    near=None,
    check_graphs=None,
):
    """Validate the named graphs of an already loaded pyoxigraph store; return a :class:`Report`.

    ``graphs`` are the graph IRIs to check together (default: every named
    graph but the inferred one); ``files`` maps a graph IRI to the file shown
    for it (default: the IRI less :data:`GRAPH_BASE`, as ``build`` names its
    graphs). A result names the first of ``graphs`` whose file describes its
    focus node. With ``focus_graphs`` only the focus nodes described (as
    subjects) in those graphs are checked, the other graphs serving as
    context; with ``focus`` (IRIs), only those nodes. Literals whose text is
    not of their datatype are violations with file and line, whatever the
    engine (see :data:`CHECKS`; they read ``check_graphs``, by default the
    graphs whose nodes are checked). The shapes are ``shapes`` (a graph) or those
    of ``shapes_dir``, by default the shapes of ``project`` (see
    :func:`load_shapes`).

    Focus nodes cost no more than a set lookup each: the engine runs on every
    node and only the results about a focus node are kept. Few focus nodes
    in a large store (or ``near=True``) are validated on their neighbourhood
    alone (:func:`~citygraph.graph.validation.scope.neighbourhood`, what the
    shapes can read from them), with the same results.

    >>> project = find_project()
    >>> store, files = load_store([project.root / "tests" / "data" / "shapes" / "context.ttl",
    ...                            *sorted(project.ontology_dir.glob("*.ttl"))])
    >>> report = validate_store(store, files=files)
    >>> report.conforms, len(report.results)
    (True, 0)
    """
    with _quiet_rdflib():
        if shapes is None:
            shapes = load_shapes(shapes_dir, project)
        return _validate_store(store, graphs, files, focus_graphs, focus, engine, checks,
                               shapes, near, check_graphs)


#: the neighbourhood of the focus nodes is validated alone when they are at most this share of
#: the store's triples (a node has several triples: this is about a third of the nodes)
NEAR_SHARE = 0.05


def _engine_input(store, names, focus, shapes, near):
    """The N-Triples the engine reads: the graphs ``names``, or the focus nodes' neighbourhood."""
    if focus is not None and near is not False:
        depth = shape_depth(shapes)
        if depth is not None and (near or len(focus) <= NEAR_SHARE * len(store)):
            return _union_ntriples(neighbourhood(store, names, focus, depth),
                                   [NEAR_GRAPH.value])
    return _union_ntriples(store, names)


def _iris(nodes):
    return {n.value if isinstance(n, ox.NamedNode) else str(n) for n in nodes}


def _validate_store(store, graphs, files, focus_graphs, focus, engine, checks, shapes, near,
                    check_graphs):
    engine = _engine(engine)
    names = _graph_names(store, graphs)
    files = {**{n: _shown_graph(n) for n in names}, **(files or {})}
    if focus_graphs is not None:
        focus_names = [g.value if isinstance(g, ox.NamedNode) else str(g) for g in focus_graphs]
        chosen = _subjects(store, focus_names)
        focus = chosen if focus is None else _iris(focus) & chosen
    else:
        focus_names = None
        focus = None if focus is None else _iris(focus)
    if focus is not None and not focus:
        rows = []
    else:
        with progress.step(f"validating ({engine})") as bar:
            data = _engine_input(store, names, focus, shapes, near)
            # no focus list for the engine: it would look each target up in it (a list)
            text = (_run_turbo if engine == "turbo" else _run_pyshacl)(data, shapes, None)
            del data
            rows = _read_report(text)
            if focus is not None:
                rows = [row for row in rows if str(row["focus"]) in focus]
            bar.update(1)
    order = {name: i for i, name in enumerate(names)}
    where_cache = {}

    def file_of(node):
        if node not in where_cache:
            best = None
            if isinstance(node, URIRef):
                for quad in store.quads_for_pattern(ox.NamedNode(str(node)), None, None, None):
                    g = quad.graph_name
                    if isinstance(g, ox.NamedNode) and g.value in order:
                        if best is None or order[g.value] < order[best]:
                            best = g.value
            where_cache[node] = files.get(best) if best else None
        return where_cache[node]

    exact = {}

    def as_written(focus, value):
        # an engine may give a literal in its canonical form ("95" for 95.0): take the data's
        if not isinstance(value, Literal) or not isinstance(focus, URIRef):
            return value
        key = (focus, value)
        if key not in exact:
            exact[key] = value
            lexical = ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype))) \
                if value.datatype is not None else None
            if lexical is not None and not any(
                True for _ in store.quads_for_pattern(ox.NamedNode(str(focus)), None, lexical)
            ):
                query = (
                    f"SELECT ?o WHERE {{ VALUES ?g {{ {_values(names)} }} "
                    f"GRAPH ?g {{ <{focus}> ?p ?o }} FILTER(isLiteral(?o) && "
                    f"DATATYPE(?o) = <{value.datatype}> && ?o = {lexical}) }} LIMIT 1"
                )
                for row in store.query(query):
                    with _quiet_rdflib():
                        exact[key] = to_rdflib(row["o"])
        return exact[key]

    found = {}
    for row in rows:
        row["value"] = as_written(row["focus"], row["value"])
        result = Result(file=file_of(row["focus"]), **row)
        # one value failing two constraints of one shape (a datatype and a range) is one
        # finding; the same one whatever order the engine gave them in
        key = (result.shape, result.focus, result.path, result.value)
        if key not in found or str(result.component) < str(found[key].component):
            found[key] = result
    results = list(found.values())
    check_names = focus_names if focus_names is not None else names
    if check_graphs is not None:
        check_names = _graph_names(store, check_graphs)
    covered = {(r.focus, r.path, r.value) for r in results}
    ill_rows = None  # the ill-typed literals, queried once for the check and for the lines

    def ill_typed():
        nonlocal ill_rows
        if ill_rows is None:
            ill_rows = list(ill_typed_literals(store, check_names))
        return ill_rows

    for check in CHECKS if checks is None else checks:
        if check is _check_ill_typed:
            checked = check(store, check_names, files, rows=ill_typed())
        else:
            checked = check(store, check_names, files)
        for result in checked:
            if focus is not None and str(result.focus) not in focus:
                continue
            if (result.focus, result.path, result.value) not in covered:
                covered.add((result.focus, result.path, result.value))
                results.append(result)
    # an ill-typed value is shown with the line that writes it
    lines = {}
    ill = {
        (to_rdflib(s), to_rdflib(p), to_rdflib(o)): files.get(g.value)
        for g, s, p, o in ill_typed()
    } if any(isinstance(r.value, Literal) for r in results) else {}
    with _quiet_rdflib():
        for i, r in enumerate(results):
            key = (r.focus, r.path, r.value)
            if key in ill and ill[key]:
                line = _literal_line(ill[key], r.focus, r.value, lines)
                results[i] = replace(r, file=ill[key], line=line)
            elif r.line is None and r.file and isinstance(r.focus, URIRef):
                # every other finding: the line writing the value, or the focus node's statement
                line = _node_line(r.file, r.focus, r.value, lines)
                if line is not None:
                    results[i] = replace(r, line=line)
    results.sort(key=_sort_key)
    return Report(files=tuple(files[n] for n in names), results=tuple(results))


def validate(paths, shapes_dir=None, ontology_dir=None, engine=None, context=(), checks=None,
             project=None):
    """Validate Turtle files with the ontology and the SHACL shapes; return a :class:`Report`.

    Every file is parsed before anything is validated, so a syntax error in
    one of them (:class:`~citygraph.errors.ParseError`, with file and line)
    or a missing file (:class:`~citygraph.errors.InputError`) stops the run.
    The ontology is loaded beside the data, so that shapes aimed at a class
    also reach its subclasses (a cg:City is a cg:Place) without any
    inference. Files in ``context`` are read too, but only the results about
    nodes described in ``paths`` are reported (``validate FILE`` in a project).
    The shapes and the ontology default to those of ``project`` (default: the
    project of the current folder, looked up now).

    >>> fixtures = find_project().root / "tests" / "data" / "shapes"
    >>> report = validate([fixtures / "context.ttl", fixtures / "membership-valid.ttl"])
    >>> report.conforms, len(report.results)
    (True, 0)
    >>> report = validate([fixtures / "context.ttl", fixtures / "membership-invalid.ttl"])
    >>> r = report.violations[3]
    >>> shorten(r.focus), shorten(r.path), shorten(r.shape), Path(r.file).name
    ('fact:900-membership-no-role', 'org:role', 'cgsh:Membership-role', 'membership-invalid.ttl')
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise UsageError("no data files to validate")
    project = project or find_project()
    ontology_dir = Path(ontology_dir) if ontology_dir is not None else project.ontology_dir
    given = {p.resolve() for p in paths if p.exists()}
    context = [Path(p) for p in context if Path(p).resolve() not in given]
    given |= {p.resolve() for p in context}
    ontology_files = [
        p for p in sorted(ontology_dir.glob("*.ttl")) if p.resolve() not in given
    ]
    with progress.step("loading", total=len(paths) + len(context) + len(ontology_files),
                       unit="file") as bar:
        store = ox.Store()
        _, files = load_store(paths, store)
        bar.update(len(paths))
        focus_graphs = list(files) if context else None
        _, more = load_store([*context, *ontology_files], store)
        bar.update(len(context) + len(ontology_files))
    names = list(files) + list(more)
    report = validate_store(
        store, graphs=names, files={**files, **more}, shapes_dir=shapes_dir,
        focus_graphs=focus_graphs, engine=engine, checks=checks, project=project,
    )
    return Report(files=tuple(str(p) for p in paths), results=report.results)
