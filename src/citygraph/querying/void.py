"""A VoID and DCAT description of the dataset a store or endpoint holds.

What a harvester or another project needs to know before it queries: triples
and entities in all and per graph, the classes and their instance counts, the
source documents, the licence, the SPARQL endpoint, example resources and the
vocabularies the data uses. ``citygraph serve`` gives it at ``/void`` and
``citygraph export --format void`` writes it.
"""

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, XSD

from citygraph.namespaces import CG, CGR

__all__ = ["describe", "VOID", "DATASET", "LICENSE", "vocabulary_of"]

VOID = Namespace("http://rdfs.org/ns/void#")
#: the IRI of the whole dataset
DATASET = URIRef(str(CGR) + "dataset")
#: the licence of the data (that of the ontology)
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
GRAPHS = "https://w3id.org/citygraph/graph/"

_TOTALS = """SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
  (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?o) AS ?objects)
WHERE { ?s ?p ?o }"""
_PER_GRAPH = """SELECT ?g (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"""
_ENTITIES = """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class . FILTER(isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/citygraph/id/")) }"""
_GRAPH_ENTITIES = """SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g {
  ?s a ?class . FILTER(isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/citygraph/id/")) } }
GROUP BY ?g"""
_CLASSES = """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class }
GROUP BY ?class ORDER BY ?class"""
_PROPERTIES = "SELECT DISTINCT ?p WHERE { ?s ?p ?o } ORDER BY ?p"
_DOCUMENTS = """SELECT ?doc WHERE { ?doc a <https://w3id.org/citygraph/ontology#SourceDocument> }
ORDER BY ?doc"""
_EXAMPLES = """SELECT ?s WHERE {
  { SELECT ?s (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/citygraph/ontology#City> ;
                                           ?p ?o } GROUP BY ?s }
} ORDER BY DESC(?n) ?s LIMIT 3"""


def vocabulary_of(iri):
    """The namespace of a term: its IRI up to the last '#' or '/'.

    >>> vocabulary_of("http://www.w3.org/ns/org#memberOf")
    'http://www.w3.org/ns/org#'
    >>> vocabulary_of("https://schema.org/startDate")
    'https://schema.org/'
    """
    iri = str(iri)
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[:cut + 1]


def _int(value):
    return Literal(int(value.toPython()), datatype=XSD.integer)


def describe(target, endpoint=None):
    """The VoID/DCAT description of what ``target`` holds, as an rdflib Graph.

    ``endpoint`` is the URL of the SPARQL endpoint that serves it, when there is one.
    """
    g = Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("cg", CG),
                       ("foaf", FOAF)):
        g.bind(prefix, ns)
    d = DATASET
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, DCTERMS.title, Literal("citygraph: inter-city cooperation", lang="en")))
    g.add((d, DCTERMS.description, Literal(
        "Places, organizations, networks, people, events, agreements and ties of city "
        "diplomacy, each fact with the source document and verbatim evidence it comes from.",
        lang="en")))
    g.add((d, DCTERMS.license, LICENSE))
    g.add((d, VOID.uriSpace, Literal(str(CGR))))
    g.add((d, VOID.feature, URIRef("http://www.w3.org/ns/formats/Turtle")))
    g.add((d, VOID.feature, URIRef("http://www.w3.org/ns/formats/JSON-LD")))
    if endpoint:
        g.add((d, VOID.sparqlEndpoint, URIRef(endpoint)))
        service = BNode("sparql")
        distribution = BNode("distribution")
        g.add((d, DCAT.distribution, distribution))
        g.add((distribution, RDF.type, DCAT.Distribution))
        g.add((distribution, DCAT.accessService, service))
        g.add((distribution, DCAT.accessURL, URIRef(endpoint)))
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCAT.endpointURL, URIRef(endpoint)))
        g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    totals = target.select(_TOTALS)[0]
    g.add((d, VOID.triples, _int(totals["triples"])))
    g.add((d, VOID.distinctSubjects, _int(totals["subjects"])))
    g.add((d, VOID.properties, _int(totals["properties"])))
    g.add((d, VOID.distinctObjects, _int(totals["objects"])))
    g.add((d, VOID.entities, _int(target.select(_ENTITIES)[0]["n"])))
    entities = {str(r["g"]): r["n"] for r in target.select(_GRAPH_ENTITIES)}
    for row in target.select(_PER_GRAPH):
        subset = URIRef(str(row["g"]))
        g.add((d, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, VOID.triples, _int(row["triples"])))
        g.add((subset, VOID.distinctSubjects, _int(row["subjects"])))
        if str(subset) in entities:
            g.add((subset, VOID.entities, _int(entities[str(subset)])))
        if str(subset).startswith(GRAPHS):
            g.add((subset, DCTERMS.source, Literal(str(subset)[len(GRAPHS):])))
    classes = target.select(_CLASSES)
    g.add((d, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    for row in classes:
        part = BNode(f"class-{len(g)}")
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], row["class"]))
        g.add((part, VOID.entities, _int(row["n"])))
    vocabularies = sorted({vocabulary_of(r["p"]) for r in target.select(_PROPERTIES)}
                          | {vocabulary_of(r["class"]) for r in classes})
    for vocabulary in vocabularies:
        g.add((d, VOID.vocabulary, URIRef(vocabulary)))
    for row in target.select(_DOCUMENTS):
        g.add((d, DCTERMS.source, row["doc"]))
    for row in target.select(_EXAMPLES):
        g.add((d, VOID.exampleResource, row["s"]))
    g.add((d, RDFS.seeAlso, URIRef(str(CG).rstrip("#"))))
    return g
