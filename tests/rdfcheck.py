"""Small helpers the per-document data tests share: one value, a date, a SPARQL query as strings."""

from citygraph.namespaces import PREFIXES

PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def one(graph, subject, predicate):
    """The single object of ``subject predicate``; fails when there are none or several."""
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def day(graph, subject, predicate):
    """The single object of ``subject predicate`` as a Python value (a date for xsd:date)."""
    return one(graph, subject, predicate).toPython()


def ask(graph, query, **bindings):
    """Rows of a SPARQL query (the project prefixes predeclared) as tuples of strings."""
    return [tuple(map(str, row)) for row in graph.query(PROLOGUE + query, initBindings=bindings)]


def query_rows(graph, query, **bindings):
    """Rows of a SPARQL query (the project prefixes predeclared) as rdflib rows."""
    return list(graph.query(PROLOGUE + query, initBindings=bindings))
