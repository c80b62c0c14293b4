"""The namespaces citygraph uses, and the slug rule for deterministic instance IRIs."""

import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "CG",
    "CGR",
    "ORG",
    "SCHEMA",
    "GEO",
    "SDG",
    "PREFIXES",
    "KIND_PREFIXES",
    "slug",
    "iri",
    "DCTERMS",
    "FOAF",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "XSD",
]

#: the project's terms (classes, properties, concept schemes)
CG = Namespace("https://w3id.org/citygraph/ontology#")
#: the base of every instance IRI
CGR = Namespace("https://w3id.org/citygraph/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
SDG = Namespace("http://metadata.un.org/sdg/")

#: one prefix per kind of instance, because Turtle prefixed names cannot hold "/"
KIND_PREFIXES = {
    "place": "place",
    "person": "person",
    "cgorg": "org",
    "post": "post",
    "event": "event",
    "agreement": "agreement",
    "project": "project",
    "fact": "fact",
    "doc": "doc",
    "venue": "venue",
    "agt": "agreement-type",
    "evt": "event-type",
    "prole": "participant-role",
    "talkt": "talk-type",
    "tiet": "tie-type",
    "projt": "project-type",
    "mrole": "membership-role",
    "theme": "theme",
}

#: prefix -> namespace IRI, for Turtle output and SPARQL headers
PREFIXES = {
    "cg": str(CG),
    "cgr": str(CGR),
    **{prefix: f"{CGR}{kind}/" for prefix, kind in KIND_PREFIXES.items()},
    "org": str(ORG),
    "schema": str(SCHEMA),
    "geo": str(GEO),
    "sdg": str(SDG),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def slug(text):
    """Turn a name into the lowercase ASCII slug used in instance IRIs.

    Accents are folded, anything that is not a letter or digit becomes one
    hyphen, so the same name always gives the same slug.

    >>> slug("Jeju Special Self-Governing Province")
    'jeju-special-self-governing-province'
    >>> slug("Lê Vǎn Khoa")
    'le-van-khoa'
    >>> slug("Yuxin'ou")
    'yuxinou'
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("'", "").replace("\u2019", "")
    folded = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()
    if not folded:
        raise ValueError(f"no slug can be made from {text!r}")
    return folded


def iri(kind, *parts):
    """The instance IRI for an entity of ``kind`` named by ``parts``.

    >>> str(iri("place", "Tomsk"))
    'https://w3id.org/citygraph/id/place/tomsk'
    >>> str(iri("person", "ZHVACHKIN", "Sergey"))
    'https://w3id.org/citygraph/id/person/zhvachkin-sergey'
    """
    return CGR[f"{kind}/" + "-".join(slug(p) for p in parts)]
