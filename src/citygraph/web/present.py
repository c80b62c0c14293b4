"""How values show on the pages: prefixed names, links to entity pages, plain literals."""

from rdflib import BNode, Literal, URIRef

from citygraph.namespaces import CGR
from citygraph.querying.catalog import compact

__all__ = ["FILTERS", "GLOBALS", "page_url", "short"]


def page_url(iri):
    """The page of a node of the graph, or None for an IRI outside the project.

    >>> page_url("https://w3id.org/citygraph/id/place/seoul")
    '/id/place/seoul'
    >>> page_url("http://example.org/x") is None
    True
    """
    iri = str(iri)
    if iri.startswith(str(CGR)):
        return "/id/" + iri[len(str(CGR)):]
    return None


def short(term):
    """A term as text: IRIs as prefixed names, literals as their value, '' for None."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def is_iri(term):
    return isinstance(term, URIRef)


FILTERS = {"page_url": page_url, "short": short}
def _land_paths():
    from citygraph.web.geo import land_paths

    return land_paths()


GLOBALS = {"hidden_label": URIRef("http://www.w3.org/2004/02/skos/core#hiddenLabel"),
           "is_iri": is_iri, "page_url": page_url, "short": short, "land_paths": _land_paths}
