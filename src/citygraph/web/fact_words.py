"""Facts and other entities in words, for the links to them: a fact as its kind and the
names of its parties ("membership: Bangkok in ANMC21") or its kind and its own name
("agreement: MOU between Seoul and Colombo"); any other entity by its label.

Pages that list many IRIs (a catalog query's result, the facts citing a document) ask
for all their names in one query.
"""

from collections import OrderedDict

from rdflib import URIRef

from citygraph.namespaces import CG, ORG, SCHEMA
from citygraph.querying.catalog import compact
from citygraph.web.fact_rows import FACT_SECTIONS, LABEL_VALUES, Labels, property_label, select

__all__ = ["in_words", "fact_words", "names_of"]

#: how a fact's parties read, by the kind of fact: (property, word before its names)
PARTIES = {
    CG.Membership: ((ORG.member, ""), (ORG.organization, " in ")),
    CG.Tie: ((CG.party, ""), (CG.fromParty, ""), (CG.toParty, " to ")),
    CG.PolicyTransfer: ((CG.fromParty, ""), (CG.toParty, " to ")),
    CG.Agreement: ((CG.party, ""),),
    CG.Participation: ((CG.participant, ""), (CG.event, " at ")),
    CG.Talk: ((CG.speaker, ""), (CG.event, " at ")),
    CG.PostHolding: ((CG.holder, ""), (CG.post, " as ")),
    CG.StatedCount: ((CG.countValue, ""), (CG.countOf, " ")),
}

#: the kinds a fact is named by when it has several, the narrower first
_KINDS = (CG.PolicyTransfer, *FACT_SECTIONS, CG.StatedCount, CG.EventSeries, CG.Event,
          SCHEMA.Event)

_FACTS = """
SELECT ?fact ?class ?kind ?np ?name ?p ?o ?lp ?olabel WHERE {
  VALUES ?fact { <urn:x-facts> }
  ?fact a ?class .
  FILTER(?class != cg:Fact)
  OPTIONAL { ?class rdfs:label ?kind }
  OPTIONAL { ?fact ?np ?name . VALUES ?np { rdfs:label schema:name dcterms:title } }
  OPTIONAL {
    VALUES ?p { org:member org:organization cg:party cg:fromParty cg:toParty cg:participant
                cg:event cg:speaker cg:holder cg:post cg:countValue cg:countOf }
    ?fact ?p ?o .
    OPTIONAL { ?o ?lp ?olabel . """ + LABEL_VALUES + """ }
  }
}"""

_LABELS = """
SELECT ?x ?lp ?label WHERE {
  VALUES ?x { <urn:x-entities> }
  ?x ?lp ?label .
  """ + LABEL_VALUES + """
}"""


def in_words(kind, name, parties, layout=()):
    """A fact in words: ``kind: name`` when it has a name, else its parties' names as
    ``layout`` (PARTIES of its kind) arranges them; ``parties`` maps each property to the
    names of its values.

    >>> in_words("membership", None, {ORG.member: ["Bangkok"], ORG.organization: ["ANMC21"]},
    ...          PARTIES[CG.Membership])
    'membership: Bangkok in ANMC21'
    >>> in_words("tie", None, {CG.party: ["Seoul", "Colombo"]}, PARTIES[CG.Tie])
    'tie: Colombo and Seoul'
    >>> in_words("talk", None, {CG.event: ["NEAR Forum"]}, PARTIES[CG.Talk])
    'talk: at NEAR Forum'
    >>> in_words("agreement", "MOU between Seoul and Colombo", {})
    'agreement: MOU between Seoul and Colombo'
    >>> in_words("tie", None, {}) is None
    True
    """
    if name:
        return f"{kind}: {name}"
    text = ""
    for prop, word in layout:
        names = sorted(set(parties.get(prop, ())))
        if names:
            text += word + " and ".join(names)
    return f"{kind}: {text.strip()}" if text else None


def _name(value, label):
    if label is not None:
        return str(label)
    return compact(value) if isinstance(value, URIRef) else str(value)


def fact_words(target, facts):
    """{fact: the fact in words} of every fact of ``facts`` the store knows (one query)."""
    facts = [f for f in dict.fromkeys(facts) if isinstance(f, URIRef)]
    if not facts:
        return {}
    found, names, labels = OrderedDict(), Labels(), Labels()
    for row in select(target, _FACTS, lists={"facts": facts}):
        fact = found.setdefault(row["fact"], {"classes": {}, "parties": {}})
        if row["kind"] is not None or row["class"] not in fact["classes"]:
            fact["classes"][row["class"]] = (str(row["kind"]) if row["kind"] is not None
                                             else fact["classes"].get(row["class"]))
        if row["name"] is not None:
            names.offer(row["fact"], row["np"], row["name"])
        if row["p"] is not None:
            fact["parties"].setdefault(row["p"], {})[row["o"]] = None
            if row["olabel"] is not None:
                labels.offer(row["o"], row["lp"], row["olabel"])
    out = {}
    for iri, fact in found.items():
        cls = next((c for c in _KINDS if c in fact["classes"]), next(iter(fact["classes"])))
        kind = fact["classes"][cls] or property_label(cls).lower()
        parties = {p: [_name(o, labels.get(o)) for o in values]
                   for p, values in fact["parties"].items()}
        words = in_words(kind, names.get(iri), parties, PARTIES.get(cls, ()))
        if words is not None:
            out[iri] = words
    return out


def names_of(target, iris, limit=5000):
    """{IRI: its name} for the IRIs of ``iris`` (the first ``limit`` distinct): an entity's
    label, a fact without one in words (:func:`fact_words`). Two queries at most."""
    iris = [i for i in dict.fromkeys(iris) if isinstance(i, URIRef)][:limit]
    if not iris:
        return {}
    names = Labels()
    for row in select(target, _LABELS, lists={"entities": iris}):
        names.offer(row["x"], row["lp"], row["label"])
    unnamed = [i for i in iris if i not in names]
    if unnamed:
        names.update(fact_words(target, unnamed))
    return dict(names)
