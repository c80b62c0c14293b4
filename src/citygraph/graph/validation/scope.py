"""What a validation reads: the graphs of a store, the focus nodes, and what a change reaches."""

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import SH

__all__ = ["GRAPH_BASE", "INFERRED_GRAPH", "shape_depth", "affected_nodes", "neighbourhood"]

#: named graphs of a store (as ``build`` names them: GRAPH_BASE + "data/places.ttl")
GRAPH_BASE = "https://w3id.org/citygraph/graph/"

#: the graph of inferred triples, which validation leaves out (the shapes check what was said)
INFERRED_GRAPH = GRAPH_BASE + "inferred"


def _graph_names(store, graphs):
    if graphs is None:
        return sorted(g.value for g in store.named_graphs() if g.value != INFERRED_GRAPH)
    return [g.value if isinstance(g, ox.NamedNode) else str(g) for g in graphs]


def _values(names):
    return " ".join(f"<{name}>" for name in names)


def _shown_graph(name):
    if name.startswith(GRAPH_BASE):
        return name[len(GRAPH_BASE):]
    if name.startswith("file://"):
        from urllib.parse import unquote, urlparse

        return unquote(urlparse(name).path)
    return name


def _subjects(store, names):
    """The IRIs that are the subject of a triple in one of the named graphs ``names``."""
    found = set()
    for name in names:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            if isinstance(quad.subject, ox.NamedNode):
                found.add(quad.subject.value)
    return found


def shape_depth(shapes):
    """How many links from a focus node a shape may read, at most, over every shape.

    A property path of length one reads the focus node's triples (one link);
    ``sh:class`` and ``sh:node`` on a value also read that value's triples.
    Incremental validation (:func:`affected_nodes`) looks this far back from
    what changed. Shapes with paths it cannot bound (sequence, inverse,
    transitive), SPARQL constraints, or targets found from other nodes' triples
(``sh:targetObjectsOf``, ``sh:target``) give None: then only a full run is sound.

    >>> from citygraph.graph.validation import load_shapes
    >>> shape_depth(load_shapes())
    2
    """
    from rdflib.collection import Collection
    from rdflib.namespace import RDF

    for predicate in (SH.sparql, SH.targetObjectsOf, SH.target):
        if any(True for _ in shapes.subject_objects(predicate)):
            return None
    memo = {}

    def path_ok(path):
        if isinstance(path, URIRef):
            return True
        alternatives = shapes.value(path, SH.alternativePath)
        if alternatives is not None:
            return all(isinstance(p, URIRef) for p in Collection(shapes, alternatives))
        return False

    def depth(shape, seen=()):
        # links read by ``shape`` from its focus node, its own triples counted as one
        if shape in memo:
            return memo[shape]
        if shape in seen:
            return None
        seen = (*seen, shape)
        best = 1
        path = shapes.value(shape, SH.path)
        hop = 0
        if path is not None:
            if not path_ok(path):
                return None
            hop = 1
        inner = []
        for predicate in (SH.node, SH["not"], SH.qualifiedValueShape, SH.property):
            for other in shapes.objects(shape, predicate):
                inner.append(other)
        for predicate in (SH["or"], SH["and"], SH.xone):
            for head in shapes.objects(shape, predicate):
                inner.extend(Collection(shapes, head))
        if any(True for _ in shapes.objects(shape, SH["class"])):
            best = max(best, hop + 1)
        for other in inner:
            d = depth(other, seen)
            if d is None:
                return None
            best = max(best, hop + d)
        for predicate in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
            if any(True for _ in shapes.objects(shape, predicate)):
                best = max(best, 1)
        memo[shape] = max(best, hop)
        return memo[shape]

    roots = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    depths = [depth(shape) for shape in roots]
    if any(d is None for d in depths):
        return None
    return max(depths, default=1)


def affected_nodes(store, graphs, changed, depth):
    """The nodes whose results can change when the triples about ``changed`` change.

    ``changed`` is a set of IRIs (the subjects of a changed file, before and
    after); a shape reading ``depth`` links from its focus node (see
    :func:`shape_depth`) reaches a changed node only from a node at most
    ``depth - 1`` links before it. Those nodes, and the changed ones, are the
    only focus nodes to validate again; every other result stays as it was.
    """
    names = _graph_names(store, graphs)
    # a filter on the graph, not VALUES: a join of the graphs with the nodes came first
    inside = ", ".join(f"<{name}>" for name in names)
    frontier = set(changed)
    found = set(changed)
    for _ in range(max(depth - 1, 0)):
        if not frontier:
            break
        query = (
            f"SELECT DISTINCT ?s WHERE {{ VALUES ?o {{ {_values(frontier)} }} "
            f"GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?s) && ?g IN ({inside})) }}"
        )
        frontier = {row["s"].value for row in store.query(query)} - found
        found |= frontier
    return found


_SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
#: the one graph of :func:`neighbourhood`'s store
NEAR_GRAPH = ox.NamedNode(GRAPH_BASE + "neighbourhood")


def neighbourhood(store, names, focus, depth):
    """What shapes reading ``depth`` links from the ``focus`` nodes can read: a new store.

    The triples (of the graphs ``names``) of the focus nodes, of the nodes
    they link to, and so on ``depth`` links out (see :func:`shape_depth`),
    with every ``rdfs:subClassOf`` triple (a node's class is reached through
    them), in the one graph :data:`NEAR_GRAPH`. The results of a validation of
    this store about the focus nodes are those of a validation of the whole;
    results about other nodes may be wrong (their own links are cut) and are
    to be dropped.

    >>> s = ox.Store()
    >>> g, p = ox.NamedNode(GRAPH_BASE + "a"), ox.NamedNode("http://example.org/p")
    >>> n = [ox.NamedNode(f"http://example.org/{i}") for i in range(4)]
    >>> s.extend(ox.Quad(n[i], p, n[i + 1], g) for i in range(3))
    >>> near = neighbourhood(s, [g.value], {n[0].value}, 2)
    >>> sorted(q.object.value[-1] for q in near)
    ['1', '2']
    """
    wanted = {ox.NamedNode(name) for name in names}
    near = ox.Store()
    frontier = {ox.NamedNode(iri) for iri in focus}
    seen = set(frontier)
    quads = []
    for _ in range(depth):
        following = set()
        for node in frontier:
            for quad in store.quads_for_pattern(node, None, None, None):
                if quad.graph_name not in wanted:
                    continue
                quads.append(ox.Quad(quad.subject, quad.predicate, quad.object, NEAR_GRAPH))
                value = quad.object
                if isinstance(value, (ox.NamedNode, ox.BlankNode)) and value not in seen:
                    seen.add(value)
                    following.add(value)
        frontier = following
        if len(quads) >= 100_000:
            near.extend(quads)
            quads = []
    for graph in wanted:
        quads.extend(ox.Quad(q.subject, q.predicate, q.object, NEAR_GRAPH)
                     for q in store.quads_for_pattern(None, _SUBCLASS, None, graph))
    near.extend(quads)
    return near
