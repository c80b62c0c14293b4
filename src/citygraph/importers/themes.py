"""Build data/themes.ttl: policy domains, EU Urban Agenda themes and the 17 UN SDG goals."""

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from citygraph.errors import InputError, ParseError
from citygraph.fileio import write_atomic
from citygraph.namespaces import CG, CGR, PREFIXES, SDG, slug

__all__ = [
    "POLICY_DOMAINS",
    "EU_URBAN_AGENDA_THEMES",
    "SDG_SCHEME",
    "DEFAULT_SDG_KOS",
    "theme_iri",
    "eu_theme_iri",
    "sdg_goal_labels",
    "themes_graph",
    "write_themes",
]

#: the policy domains of cg:policyDomainScheme, by slug; the label is the slug in words
POLICY_DOMAINS = (
    "youth",
    "ageing",
    "sports",
    "education",
    "health",
    "tourism",
    "culture",
    "economy",
    "investment",
    "trade",
    "industry",
    "transport",
    "smart-city",
    "e-government",
    "disaster-management",
    "environment",
    "energy",
    "taxation",
    "waste-management",
    "capacity-building",
    "urban-development",
    "citizen-participation",
    "agriculture",
    "logistics",
    "local-diplomacy",
    "sustainable-development",
    "social-welfare",
    "open-data",
    "employment",
    "housing",
    "climate-action",
    "peace-and-security",
)

#: the EU Urban Agenda themes as document 004 (IUC presentation, Brussels 2019) writes them:
#: (label as written on the slide, preferred label, group on the slide, other wordings in 004).
#: The preferred label is the written one in sentence case; the only correction is
#: the obvious misspelling "SUTAINABLE", which stays an alternative label.
EU_URBAN_AGENDA_THEMES = (
    ("INTEGRATION OF MIGRANTS & REFUGEES", "Integration of migrants & refugees", 12, ()),
    ("AIR QUALITY", "Air quality", 12, ("Air quality",)),
    ("HOUSING", "Housing", 12, ("Housing",)),
    ("URBAN POVERTY", "Urban poverty", 12, ()),
    ("CIRCULAR ECONOMY", "Circular economy", 12, ("Circular economy",)),
    ("CLIMATE ADAPTATION", "Climate adaptation", 12, ("Climate adaptation",)),
    ("ENERGY TRANSITION", "Energy transition", 12, ("Energy transition",)),
    ("URBAN MOBILITY", "Urban mobility", 12, ("Urban mobility",)),
    ("DIGITAL TRANSITION", "Digital transition", 12, ("Digital transition",)),
    ("PUBLIC PROCUREMENT", "Public procurement", 12, ()),
    (
        "JOBS & SKILLS IN LOCAL ECONOMY",
        "Jobs & skills in local economy",
        12,
        ("Jobs and skills in the local economy",),
    ),
    (
        "SUTAINABLE USE OF LAND AND NATURE-BASED",
        "Sustainable use of land and nature-based",
        12,
        ("Sustainable use of land and natural resources",),
    ),
    ("Culture/Cultural Heritage", "Culture/Cultural Heritage", 2, ("Culture / Cultural Heritage",)),
    ("Security in Public Spaces", "Security in Public Spaces", 2, ()),
)

#: the UN SDG KOS file of the shared folder beside the clone
DEFAULT_SDG_KOS = (
    Path(__file__).resolve().parents[4] / "shared/vocab/un-sdg/sdg-kos-goals-targets-indicators.ttl"
)

#: the UN's own concept scheme of the SDG goals
SDG_SCHEME = URIRef("http://metadata.un.org/sdg")

_GROUP_NOTE = {
    12: "One of the 12 priority themes of the EU Urban Agenda"
    " as listed in the IUC presentation (document 004).",
    2: "One of the 2 new priority themes of the EU Urban Agenda"
    " as listed in the IUC presentation (document 004).",
}


def theme_iri(name):
    """The IRI of a policy domain.

    >>> str(theme_iri("smart-city"))
    'https://w3id.org/citygraph/id/theme/smart-city'
    """
    return CGR["theme/" + slug(name)]


def eu_theme_iri(written_label):
    """The IRI of an EU Urban Agenda theme: ``theme:eu-`` + slug of the label as 004 writes it.

    >>> str(eu_theme_iri("JOBS & SKILLS IN LOCAL ECONOMY"))
    'https://w3id.org/citygraph/id/theme/eu-jobs-skills-in-local-economy'
    """
    return CGR["theme/eu-" + slug(written_label)]


def sdg_goal_labels(path, goals=range(1, 18)):
    """Read the SDG goals from the UN SDG KOS Turtle file.

    Returns ``{n: (official English prefLabel, English short title)}`` for
    each goal number in ``goals``; raises ``ParseError`` when the file does
    not parse and ``InputError`` when it is missing or a goal lacks an
    English label.

    >>> import tempfile, pathlib
    >>> kos = pathlib.Path(tempfile.mkdtemp()) / "kos.ttl"
    >>> _ = kos.write_text('''@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <http://metadata.un.org/sdg/11> skos:prefLabel "Make cities safe"@en, "Villes"@fr ;
    ...     skos:altLabel "Sustainable cities and communities"@en .''')
    >>> sdg_goal_labels(kos, goals=[11])
    {11: ('Make cities safe', 'Sustainable cities and communities')}
    >>> sdg_goal_labels(kos, goals=[12])
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: ...kos.ttl: goal 12 has no English prefLabel
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated classes
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ParseError(path, first) from exc
    labels = {}
    for n in goals:
        goal = SDG[str(n)]
        found = []
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            english = sorted(
                str(o) for o in graph.objects(goal, prop) if getattr(o, "language", None) == "en"
            )
            if not english:
                raise InputError(f"{path}: goal {n} has no English {prop.fragment}")
            found.append(english[0])
        labels[n] = tuple(found)
    return labels


def themes_graph(sdg_labels):
    """The themes graph: the project's two concept schemes and the SDG goals of ``sdg_labels``.

    ``sdg_labels`` is what ``sdg_goal_labels`` returns.

    >>> g = themes_graph({11: ("Make cities safe", "Sustainable cities and communities")})
    >>> len(set(g.subjects(SKOS.inScheme, CG.euUrbanAgendaScheme)))
    14
    >>> len(set(g.subjects(SKOS.inScheme, CG.policyDomainScheme)))
    32
    >>> str(g.value(SDG["11"], RDFS.label))
    'Sustainable cities and communities'
    """
    g = Graph()
    for prefix in ("cg", "theme", "sdg", "skos", "rdfs"):
        g.bind(prefix, PREFIXES[prefix])
    en = "en"

    def scheme(iri, label, comment):
        g.add((iri, RDF.type, SKOS.ConceptScheme))
        g.add((iri, SKOS.prefLabel, Literal(label, lang=en)))
        g.add((iri, RDFS.label, Literal(label, lang=en)))
        g.add((iri, RDFS.comment, Literal(comment, lang=en)))

    def concept(iri, in_scheme, pref, label):
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, SKOS.inScheme, in_scheme))
        g.add((iri, SKOS.topConceptOf, in_scheme))
        g.add((in_scheme, SKOS.hasTopConcept, iri))
        g.add((iri, SKOS.prefLabel, Literal(pref, lang=en)))
        g.add((iri, RDFS.label, Literal(label, lang=en)))

    scheme(
        CG.policyDomainScheme,
        "policy domains",
        "The policy domains that facts in the sources are about (cg:theme).",
    )
    for name in POLICY_DOMAINS:
        words = name.replace("-", " ").replace("e government", "e-government")
        concept(theme_iri(name), CG.policyDomainScheme, words, words)

    scheme(
        CG.euUrbanAgendaScheme,
        "EU Urban Agenda themes",
        "The priority themes of the EU Urban Agenda as the IUC presentation of 9 April 2019 "
        "(document 004) lists them: 12 priority themes and 2 new ones.",
    )
    for written, pref, group, others in EU_URBAN_AGENDA_THEMES:
        iri = eu_theme_iri(written)
        concept(iri, CG.euUrbanAgendaScheme, pref, pref)
        for alt in sorted({written, *others} - {pref}):
            g.add((iri, SKOS.altLabel, Literal(alt, lang=en)))
        g.add((iri, SKOS.scopeNote, Literal(_GROUP_NOTE[group], lang=en)))
        if written.startswith("SUTAINABLE"):
            note = (
                "The slide writes 'SUTAINABLE USE OF LAND AND NATURE-BASED'; its list of"
                " points relevant to IUC Asia writes 'Sustainable use of land and natural"
                " resources'. The preferred label corrects only the spelling."
            )
            g.add((iri, SKOS.editorialNote, Literal(note, lang=en)))

    g.add((SDG_SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((SDG_SCHEME, SKOS.prefLabel, Literal("Sustainable Development Goals Taxonomy", lang=en)))
    g.add((SDG_SCHEME, RDFS.label, Literal("Sustainable Development Goals Taxonomy", lang=en)))
    for n, (official, short) in sorted(sdg_labels.items()):
        goal = SDG[str(n)]
        concept(goal, SDG_SCHEME, official, short)
        g.add((goal, SKOS.altLabel, Literal(short, lang=en)))
        g.add((goal, SKOS.notation, Literal(str(n))))
    return g


def write_themes(target, sdg_path=None):
    """Write the themes graph as Turtle to ``target`` (a temp file renamed into place).

    ``sdg_path`` defaults to ``DEFAULT_SDG_KOS``; returns the number of triples.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "themes.ttl"
    >>> write_themes(out, out.with_name("missing.ttl"))
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: ...missing.ttl: no such file
    >>> out.exists()
    False
    """
    graph = themes_graph(sdg_goal_labels(sdg_path or DEFAULT_SDG_KOS))
    header = (
        "# Themes reference data of citygraph, generated by\n"
        "# citygraph.importers.themes.write_themes:\n"
        "# policy domains (cg:policyDomainScheme), the EU Urban Agenda themes as document 004\n"
        "# lists them (cg:euUrbanAgendaScheme), and the 17 UN SDG goals with the official\n"
        "# English labels of ../shared/vocab/un-sdg/sdg-kos-goals-targets-indicators.ttl.\n\n"
    )
    write_atomic(header + graph.serialize(format="turtle"), Path(target))
    return len(graph)


if __name__ == "__main__":  # pragma: no cover
    import sys

    root = Path(__file__).resolve().parents[3]
    print(write_themes(sys.argv[1] if len(sys.argv) > 1 else root / "data/themes.ttl"))
