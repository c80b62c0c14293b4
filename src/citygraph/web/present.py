"""How values show on the pages: prefixed names, links to entity pages, plain literals."""

from rdflib import BNode, Literal, URIRef

from citygraph.namespaces import CGR
from citygraph.querying.catalog import compact
from citygraph.web.fact_rows import PAGE_SIZE

__all__ = ["FILTERS", "GLOBALS", "page_url", "short", "shown_columns"]


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


def shown_columns(columns):
    """The columns a result table shows when it names entities: all but a NAME_label column
    beside a column NAME (whose cells show that name).

    >>> shown_columns(["member", "member_label", "role", "source_label"])
    ['member', 'role', 'source_label']
    """
    return [c for c in columns if not (c.endswith("_label") and c[:-len("_label")] in columns)]


FILTERS = {"page_url": page_url, "short": short}


def _land_paths(near=None):
    from citygraph.web.geo import land_paths, land_paths_near

    return land_paths() if near is None else land_paths_near(*near)


def rdf_url(iri):
    """The RDF statements about a node, one click away: a DESCRIBE in the SPARQL editor.

    >>> rdf_url("https://w3id.org/citygraph/id/place/seoul")
    '/editor?query=DESCRIBE+%3Chttps%3A%2F%2Fw3id.org%2Fcitygraph%2Fid%2Fplace%2Fseoul%3E'
    """
    from urllib.parse import urlencode

    return "/editor?" + urlencode({"query": f"DESCRIBE <{iri}>"})


def fact_page_url(iri, section, page):
    """The page of one section of an entity's facts ('Ties', page 2).

    >>> fact_page_url("https://w3id.org/citygraph/id/place/seoul", "Ties", 2)
    '/facts/place/seoul?section=Ties&page=2'
    """
    from urllib.parse import urlencode

    path = page_url(iri) or ""
    return "/facts/" + path[len("/id/"):] + "?" + urlencode({"section": section, "page": page})


GLOBALS = {"hidden_label": URIRef("http://www.w3.org/2004/02/skos/core#hiddenLabel"),
           "is_iri": is_iri, "page_url": page_url, "short": short, "land_paths": _land_paths,
           "rdf_url": rdf_url, "fact_page_url": fact_page_url,
           "shown_columns": shown_columns, "page_size": PAGE_SIZE,
           "date_property": URIRef("http://purl.org/dc/terms/date")}
