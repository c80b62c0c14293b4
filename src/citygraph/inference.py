"""Materialize the ontology's axioms into the inferred named graph with the construct-*.rq rules."""

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from citygraph.errors import QueryError
from citygraph.sparql import syntax_error

__all__ = [
    "INFERRED_GRAPH",
    "RULE_ORDER",
    "InferenceReport",
    "rule_paths",
    "materialize",
    "count_graph",
]

#: the named graph holding every inferred triple, and nothing asserted
INFERRED_GRAPH = "https://w3id.org/citygraph/graph/inferred"

#: the order rules run in within a pass; with it one pass reaches the fixpoint on
#: the ontology's axioms (a test proves it). Rules not listed run after, by name.
RULE_ORDER = [
    "construct-holds",
    "construct-member-of",
    "construct-twinned-with",
    "construct-cooperates-with",
    "construct-subproperty",
    "construct-part-of-closure",
    "construct-sub-organization-closure",
    "construct-inverse",
    "construct-symmetric",
    "construct-subclass",
]

MAX_PASSES = 10


@dataclass
class InferenceReport:
    """What :func:`materialize` did: triples inferred, passes run, triples per rule."""

    inferred: int = 0
    passes: int = 0
    per_rule: dict = field(default_factory=dict)
    #: triples added by each pass (the last one adds none at the fixpoint)
    per_pass: list = field(default_factory=list)


def rule_paths(queries_dir):
    """The construct-*.rq rule files of a queries folder, in the order they run.

    >>> from citygraph.store import project_root
    >>> [p.stem for p in rule_paths(project_root() / "queries")][:2]
    ['construct-holds', 'construct-member-of']
    """
    paths = sorted(Path(queries_dir).glob("construct-*.rq"))
    rank = {name: i for i, name in enumerate(RULE_ORDER)}
    return sorted(paths, key=lambda p: (rank.get(p.stem, len(rank)), p.stem))


def count_graph(store, graph):
    """The number of triples in one named graph of a store.

    >>> count_graph(ox.Store(), INFERRED_GRAPH)
    0
    """
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(next(iter(store.query(query)))["n"].value)


def _drop_asserted_duplicates(store, inferred):
    # A rule may re-derive a triple that some file asserts; asserted wins.
    store.update(
        f"DELETE {{ GRAPH <{inferred}> {{ ?s ?p ?o }} }} "
        f"WHERE {{ GRAPH <{inferred}> {{ ?s ?p ?o }} "
        f"GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{inferred}>) }}"
    )


def materialize(store, rules, graph=INFERRED_GRAPH, max_passes=MAX_PASSES):
    """Run the rules over the union of all graphs until nothing new follows.

    The inferred graph is emptied first and then holds only triples that no
    other graph asserts. ``rules`` are paths of CONSTRUCT queries, run in order.

    >>> store = ox.Store()
    >>> rule = Path(__file__).parents[2] / "queries" / "construct-symmetric.rq"
    >>> store.load(input='''@prefix owl: <http://www.w3.org/2002/07/owl#> .
    ... <http://e/near> a owl:SymmetricProperty . <http://e/a> <http://e/near> <http://e/b> .''',
    ...     format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://e/g"))
    >>> materialize(store, [rule]).inferred
    1
    >>> inferred = ox.NamedNode(INFERRED_GRAPH)
    >>> [str(q.subject) for q in store.quads_for_pattern(None, None, None, inferred)]
    ['<http://e/b>']
    """
    target = ox.NamedNode(graph)
    if store.contains_named_graph(target):
        store.remove_graph(target)
    texts = [(Path(rule).stem, Path(rule).read_text(encoding="utf-8"), rule) for rule in rules]
    report = InferenceReport(per_rule={name: 0 for name, _, _ in texts})
    total = 0
    for _ in range(max_passes):
        report.passes += 1
        added_in_pass = 0
        for name, text, path in texts:
            try:
                triples = store.query(text, use_default_graph_as_union=True)
            except SyntaxError as exc:
                raise syntax_error(exc, where=str(path)) from None
            quads = [ox.Quad(t.subject, t.predicate, t.object, target) for t in triples]
            if not quads:
                continue
            store.extend(quads)
            now = count_graph(store, graph)
            report.per_rule[name] += now - total
            added_in_pass += now - total
            total = now
        report.per_pass.append(added_in_pass)
        if added_in_pass == 0:
            break
    else:
        raise QueryError(f"inference did not reach a fixpoint in {max_passes} passes")
    _drop_asserted_duplicates(store, graph)
    report.inferred = count_graph(store, graph)
    return report
