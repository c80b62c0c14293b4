"""Facts of document 001, the 2023 NEAR International Forum report, asserted on its seed graph."""


import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from citygraph.namespaces import CG, CGR, FOAF, PREFIXES, PROV
from conftest import DATA, ONTOLOGY

DATA_FILE = DATA / "001_1d554e3414d9cb96.ttl"
DOC = CGR["doc/001"]
HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def place(slug):
    return CGR[f"place/{slug}"]


def person(slug):
    return CGR[f"person/{slug}"]


def cgorg(slug):
    return CGR[f"org/{slug}"]


@pytest.fixture(scope="module")
def graph():
    g = Graph()
    g.parse(DATA_FILE, format="turtle")
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        g.parse(path, format="turtle")
    for name in ("places.ttl", "themes.ttl"):
        if (DATA / name).is_file():
            g.parse(DATA / name, format="turtle")
    return g


@pytest.fixture(scope="module")
def own():
    """The data file alone, for what this file itself says."""
    return Graph().parse(DATA_FILE, format="turtle")


def rows(graph, query, **bindings):
    """Rows of a SELECT query as tuples of Python values (IRIs stay IRIs)."""
    result = graph.query(HEADER + query, initBindings=bindings)
    return [tuple(v.toPython() if isinstance(v, Literal) else v for v in row) for row in result]


def talks_in(graph, session):
    return rows(
        graph,
        """SELECT ?order ?label ?title WHERE {
             ?t a cg:Talk ; cg:event ?session ; cg:order ?order ; cg:speaker ?p .
             ?p rdfs:label ?label .
             OPTIONAL { ?t schema:name ?title }
           } ORDER BY ?order""",
        session=CGR[f"event/{session}"],
    )


# ---------------------------------------------------------------- document, network, events


def test_document_is_described_with_its_title_and_no_publisher(own):
    assert own.value(DOC, RDF.type) == CG.SourceDocument
    assert str(own.value(DOC, CG.fileName)) == "001_1d554e3414d9cb96.txt"
    assert str(own.value(DOC, URIRef("http://purl.org/dc/terms/title"))) == (
        "Report on the 2023 NEAR International Forum and the 14th Subcommittee on "
        "Economy and Humanities Exchange"
    )
    assert own.value(DOC, URIRef("http://purl.org/dc/terms/date")) == Literal(
        "2023", datatype=XSD.gYear
    )
    assert own.value(DOC, URIRef("http://purl.org/dc/terms/publisher")) is None


def test_near_is_labelled_only_near(own):
    near = cgorg("near")
    assert own.value(near, RDF.type) == CG.CityNetwork
    assert [str(x) for x in own.objects(near, RDFS.label)] == ["NEAR"]
    assert list(own.objects(near, SKOS.altLabel)) == []


def test_forum_is_dated_only_by_its_year(graph):
    [(name, start, uncertainty)] = rows(
        graph,
        """SELECT ?name ?start ?u WHERE {
             event:near-forum-2023 schema:name ?name ; schema:startDate ?start ;
                 cg:uncertainty ?u }""",
    )
    assert name == "2023 NEAR International Forum"
    assert graph.value(
        CGR["event/near-forum-2023"], URIRef("https://schema.org/startDate")
    ) == Literal("2023", datatype=XSD.gYear)
    assert "only by the year 2023" in uncertainty


def test_sessions_belong_to_the_forum_and_to_the_14th_subcommittee(graph):
    found = rows(
        graph,
        """SELECT ?name ?parentName WHERE {
             ?s cg:eventType evt:session ; schema:name ?name ; schema:superEvent ?parent .
             ?parent schema:name ?parentName } ORDER BY ?name""",
    )
    assert found == [
        ("Discussion", "2023 NEAR International Forum"),
        ("Expert Session", "2023 NEAR International Forum"),
        ("Local Government Session", "The 14th Subcommittee on Economy and Humanities Exchange"),
        ("Special Lecture Session", "The 14th Subcommittee on Economy and Humanities Exchange"),
    ]
    sub = CGR["event/subcommittee-on-economy-and-humanities-exchange-14"]
    assert graph.value(sub, CG.seriesNumber).toPython() == 14


def test_ceremony_tours_and_meals_are_events_of_the_meetings(graph):
    found = rows(
        graph,
        """SELECT ?name ?type (COUNT(?parent) AS ?parents) WHERE {
             ?e schema:name ?name ; cg:eventType ?type ; schema:superEvent ?parent .
             VALUES ?type { evt:ceremony evt:field-trip evt:reception } }
           GROUP BY ?name ?type ORDER BY ?name""",
    )
    evt = CGR["event-type/"]
    assert found == [
        ("Dinner", URIRef(evt + "reception"), 1),
        ("Local Tours", URIRef(evt + "field-trip"), 1),
        ("Luncheon", URIRef(evt + "reception"), 1),
        ("Opening Ceremony", URIRef(evt + "ceremony"), 1),
    ]


def test_stated_counts_keep_the_qualifier(graph):
    found = rows(
        graph,
        """SELECT ?of ?value ?qualifier WHERE {
             event:near-forum-2023 cg:statedCount ?c .
             ?c cg:countOf ?of ; cg:countValue ?value ; cg:countQualifier ?qualifier }
           ORDER BY ?value""",
    )
    assert found == [
        ("countries", 5, "exactly"),
        ("related organizations", 16, "exactly"),
        ("metropolitan local governments", 38, "exactly"),
        ("attendees", 200, "more than"),
    ]


def test_online_participation_by_platform(graph):
    found = rows(
        graph,
        """SELECT ?platform ?country WHERE {
             ?p a cg:Participation ; cg:event ?e ; cg:participant ?country ;
                schema:eventAttendanceMode schema:OnlineEventAttendanceMode .
             ?e schema:name ?platform } ORDER BY ?platform ?country""",
    )
    assert found == [
        ("Tencent Meeting", place("country-cn")),
        ("Zoom Meeting", place("country-jp")),
        ("Zoom Meeting", place("country-mn")),
        ("Zoom Meeting", place("country-ru")),
    ]


# ---------------------------------------------------------------- speakers, order, titles


def test_expert_session_speakers_in_order(graph):
    assert [(o, label) for o, label, _ in talks_in(graph, "near-forum-2023-expert-session")] == [
        (1, "DA Zhigang"),
        (2, "HABA Kumiko"),
        (3, "LEE Hyuk"),
        (4, "JAMIYAN Battur"),
        (5, "LUKIN Alexander"),
    ]


def test_discussion_panelists_in_order_with_panel_statements(graph):
    found = rows(
        graph,
        """SELECT ?order ?label ?role WHERE {
             ?t cg:event event:near-forum-2023-discussion ; cg:order ?order ; cg:speaker ?p ;
                cg:talkType talkt:panel-statement .
             ?p rdfs:label ?label .
             ?part cg:participant ?p ; cg:event event:near-forum-2023-discussion ;
                cg:participantRole ?role } ORDER BY ?order""",
    )
    panelist = CGR["participant-role/panelist"]
    assert found == [
        (1, "LI Ruifeng", panelist),
        (2, "SHIN Bong-seop", panelist),
        (3, "KIM Hyeongsoo", panelist),
        (4, "DANKOV Artem", panelist),
    ]


def test_special_lectures_with_titles_from_the_captions(graph):
    assert talks_in(
        graph, "subcommittee-on-economy-and-humanities-exchange-14-special-lecture-session"
    ) == [
        (1, "KIM Kihun", "Korea's Youth Policy and International Youth Exchange"),
        (
            2,
            "KIM Hoseok",
            "Strengthening Policy and Finance for Sustainable Development: "
            "The Role of Regional Collaboration",
        ),
        (
            3,
            "KIM Dongsoo",
            "Guiding Northeast Asian Industrial Cooperation in the Era of Strategic Competition",
        ),
    ]


def test_local_government_session_has_twelve_speakers_in_order(graph):
    found = talks_in(
        graph, "subcommittee-on-economy-and-humanities-exchange-14-local-government-session"
    )
    assert [label for _, label, _ in found] == [
        "ZHI Yong",
        "LV Dayu",
        "LIU Xiao",
        "KUBO Mitsuki",
        "CHUNG Hae-kwan",
        "KWAK Tae Yeol",
        "CHAE Jin-weon",
        "JUNG Myoungsook",
        "KANG Hogu",
        "DORJRANGCHAA Altangshagai",
        "ULZII Suvdaa",
        "VASILYEVA Svetlana",
    ]
    assert [o for o, _, _ in found] == list(range(1, 13))
    titles = {label: title for _, label, title in found}
    assert titles["LIU Xiao"] == "Silk Road Symphony, Ruyi Gansu"
    assert (
        titles["VASILYEVA Svetlana"] == "Exploring the Investment Potential of the Irkutsk Region"
    )
    assert titles["KUBO Mitsuki"] == "International Exchange in Toyama Prefecture"


def test_expert_talks_have_no_title(graph):
    found = talks_in(graph, "near-forum-2023-expert-session")
    assert [title for _, _, title in found] == [None] * 5


def test_talks_on_behalf_of_places_and_organizations(graph):
    found = dict(
        rows(
            graph,
            """SELECT ?label ?behalf WHERE {
                 ?t a cg:Talk ; cg:speaker ?p ; cg:onBehalfOf ?behalf . ?p rdfs:label ?label }""",
        )
    )
    assert found["ZHI Yong"] == place("inner-mongolia")
    assert found["KUBO Mitsuki"] == place("toyama-prefecture")
    assert found["ULZII Suvdaa"] == place("selenge-province")
    assert found["DA Zhigang"] == cgorg("heilongjiang-academy-of-social-sciences")
    assert found["KANG Hogu"] == cgorg("sino-korea-economy-society-institute")


# ---------------------------------------------------------------- people and posts


def test_da_zhigang_post_and_organization_chain(graph):
    da = person("da-zhigang")
    assert (str(graph.value(da, FOAF.familyName)), str(graph.value(da, FOAF.givenName))) == (
        "DA",
        "Zhigang",
    )
    assert str(graph.value(da, CG.honorific)) == "Dr."
    [(post, org, parent)] = rows(
        graph,
        """SELECT ?postLabel ?orgLabel ?parentLabel WHERE {
             ?h cg:holder person:da-zhigang ; cg:post ?post .
             ?post rdfs:label ?postLabel ; org:postIn ?org .
             ?org rdfs:label ?orgLabel ; org:subOrganizationOf ?parent .
             ?parent rdfs:label ?parentLabel ; cg:basedIn place:heilongjiang }""",
    )
    assert post.startswith("Second-level Researcher")
    assert (org, parent) == (
        "Northeast Asia Research Institute",
        "Heilongjiang Academy of Social Sciences",
    )


def test_lukin_center_institute_and_ministry(graph):
    [(center, institute, ministry)] = rows(
        graph,
        """SELECT ?c ?i ?m WHERE {
             ?h cg:holder person:lukin-alexander ; cg:post/org:postIn ?center .
             ?center rdfs:label ?c ; org:subOrganizationOf ?inst .
             ?inst rdfs:label ?i ; org:subOrganizationOf ?min . ?min rdfs:label ?m }""",
    )
    assert center == "Center for East Asian and Shanghai Cooperation Organization Studies"
    assert institute == "Moscow State Institute of International Relations"
    assert ministry == "Ministry of Foreign Affairs of Russia"


def test_kim_dongsoo_holds_two_posts(graph):
    found = sorted(
        label
        for (label,) in rows(
            graph,
            "SELECT ?l WHERE { ?h cg:holder person:kim-dongsoo ; cg:post ?p . ?p rdfs:label ?l }",
        )
    )
    assert found == [
        "Executive Director of the Center for International Industry and Trade at the "
        "Korea Institute for Industrial Economics and Trade (KIET)",
        "Senior Research Fellow at the Korea Institute for Industrial Economics and Trade (KIET)",
    ]


def test_shin_bong_seop_professor_and_former_consul_general(graph):
    found = rows(
        graph,
        """SELECT ?title ?orgLabel ?u WHERE {
             ?h cg:holder person:shin-bong-seop ; cg:post/org:postIn ?org ; cg:statedTitle ?title .
             ?org rdfs:label ?orgLabel OPTIONAL { ?h cg:uncertainty ?u } } ORDER BY ?title""",
    )
    titles = {title: org for title, org, _ in found}
    assert (
        titles["Former Korean Consul-General in Shenyang, China"]
        == "Korean Consulate-General in Shenyang"
    )
    assert (
        titles["Professor at KwangWoon University Graduate School"]
        == "KwangWoon University Graduate School"
    )
    school = cgorg("kwangwoon-university-graduate-school")
    assert [str(a) for a in graph.objects(school, SKOS.altLabel)] == [
        "KwangWoon University Graduate school"
    ]
    assert graph.value(school, CG.uncertainty) is not None


def test_jamiyan_battur_titles_both_kept_on_one_holding(graph):
    [holding] = list(graph.subjects(CG.holder, person("jamiyan-battur")))
    assert sorted(str(t) for t in graph.objects(holding, CG.statedTitle)) == [
        "Associate Professor at the National University of Mongolia",
        "Professor at the National University of Mongolia",
    ]
    assert "Associate Professor" in str(graph.value(holding, CG.uncertainty))


@pytest.mark.parametrize(
    "slug, label, variant",
    [
        ("liu-xiao", "LIU Xiao", "LUI Xiao"),
        ("dorjrangchaa-altangshagai", "DORJRANGCHAA Altangshagai", "DORJRANGCHAA Altanshagai"),
    ],
)
def test_name_variants_are_alt_labels_of_one_person(graph, slug, label, variant):
    node = person(slug)
    assert str(graph.value(node, RDFS.label)) == label
    assert [str(a) for a in graph.objects(node, SKOS.altLabel)] == [variant]
    assert variant.split()[1] in str(graph.value(node, CG.uncertainty))
    assert list(graph.subjects(RDFS.label, Literal(variant))) == []


@pytest.mark.parametrize(
    "org_slug, label, variant",
    [
        ("pohang-government", "Pohang-si", "Pohang City"),
        (
            "jilin-peoples-association-for-friendship-with-foreign-countries",
            "Jilin People's Association for Friendship with Foreign Countries",
            "Jilin People's Association for Friendship with Foreign countries",
        ),
        (
            "inner-mongolia-government",
            "Inner Mongolia Autonomous Region People's Government",
            "Inner Mongolia Autonomous Region People's government",
        ),
    ],
)
def test_organization_name_variants_on_one_node(graph, org_slug, label, variant):
    node = cgorg(org_slug)
    assert str(graph.value(node, RDFS.label)) == label
    assert [str(a) for a in graph.objects(node, SKOS.altLabel)] == [variant]
    assert graph.value(node, CG.uncertainty) is not None


def test_people_sharing_a_family_name_are_distinct(graph):
    kims = rows(
        graph,
        """SELECT ?p ?given ?orgLabel WHERE {
             ?p foaf:familyName "KIM" ; foaf:givenName ?given .
             ?h cg:holder ?p ; cg:post/org:postIn ?org . ?org rdfs:label ?orgLabel
             FILTER NOT EXISTS { ?org org:subOrganizationOf ?up } } ORDER BY ?given""",
    )
    assert [(given, org) for _, given, org in kims] == [
        ("Dongsoo", "Korea Institute for Industrial Economics and Trade"),
        ("Hoseok", "Korea Environment Institute"),
        ("Hyeongsoo", "Korean Association of Northeast Studies"),
        ("Kihun", "National Youth Policy Institute"),
    ]
    assert len({p for p, _, _ in kims}) == 4
    shins = sorted(str(p) for p in graph.subjects(FOAF.familyName, Literal("SHIN")))
    assert shins == [str(person("shin-bong-seop")), str(person("shin-bongkil"))]


def test_shin_bongkil_only_in_a_caption_without_a_role(graph):
    bongkil = person("shin-bongkil")
    [(event, post)] = rows(
        graph,
        """SELECT ?event ?post WHERE {
             ?part cg:participant ?who ; cg:event ?event .
             ?h cg:holder ?who ; cg:post ?p . ?p rdfs:label ?post }""",
        who=bongkil,
    )
    assert event == CGR["event/near-forum-2023-expert-session"]
    assert post == "President of the Korean Council on Foreign Relations"
    part = CGR["fact/001-participation-shin-bongkil"]
    assert graph.value(part, CG.participantRole) is None
    assert list(graph.subjects(CG.speaker, bongkil)) == []


def test_people_count_and_names_as_written(own):
    people = sorted(str(own.value(p, RDFS.label)) for p in own.subjects(RDF.type, FOAF.Person))
    assert len(people) == 25
    for p in own.subjects(RDF.type, FOAF.Person):
        label = str(own.value(p, RDFS.label))
        assert label == f"{own.value(p, FOAF.familyName)} {own.value(p, FOAF.givenName)}"
    kwak = person("kwak-tae-yeol")
    assert (str(own.value(kwak, FOAF.familyName)), str(own.value(kwak, FOAF.givenName))) == (
        "KWAK",
        "Tae Yeol",
    )


def test_tomsk_state_university_is_the_shared_node(own):
    tsu = cgorg("tomsk-state-university")
    assert (tsu, CG.mentionedIn, DOC) in own
    assert own.value(tsu, RDFS.label) is None  # described once, in the file of document 000
    [holding] = list(own.subjects(CG.holder, person("dankov-artem")))
    post = own.value(holding, CG.post)
    assert own.value(post, URIRef("http://www.w3.org/ns/org#postIn")) == tsu
    assert own.value(CGR["fact/001-talk-dankov-artem"], CG.onBehalfOf) == tsu


# ---------------------------------------------------------------- ties, agreements, memberships


def partners(graph, region, tie_type):
    found = rows(
        graph,
        """SELECT ?other WHERE {
             ?t a cg:Tie ; cg:tieType ?type ; cg:party ?region, ?other ;
                prov:wasDerivedFrom doc:001 FILTER (?other != ?region) }""",
        region=place(region),
        type=CGR[f"tie-type/{tie_type}"],
    )
    return sorted(str(o).removeprefix(str(CGR["place/"])) for (o,) in found)


def test_toyama_sister_ties(graph):
    assert partners(graph, "toyama-prefecture", "sister-city") == [
        "gangwon",
        "guangdong",
        "liaoning",
        "primorsky-krai",
        "shanghai",
        "yunnan",
    ]


def test_selenge_established_collaborations(graph):
    assert partners(graph, "selenge-province", "collaboration") == [
        "buryatia",
        "hohhot",
        "jeju",
        "shizuoka-prefecture",
    ]


def test_gangwon_agreement_dated_by_the_visit_range(graph):
    agreement = CGR["agreement/001-friendship-cooperation-toyama-gangwon"]
    assert graph.value(agreement, CG.dateEarliest) == Literal("2023-11-02", datatype=XSD.date)
    assert graph.value(agreement, CG.dateLatest) == Literal("2023-11-04", datatype=XSD.date)
    assert "November 2 to 4, 2023" in str(graph.value(agreement, CG.uncertainty))
    assert set(graph.objects(agreement, CG.party)) == {place("toyama-prefecture"), place("gangwon")}
    assert {str(t).rsplit("/", 1)[1] for t in graph.objects(agreement, CG.agreementType)} == {
        "friendship-agreement",
        "cooperation-agreement",
    }
    [(start, end, host)] = rows(
        graph,
        """SELECT ?s ?e ?host WHERE {
             ?a cg:adoptedAt ?v . ?v cg:eventType evt:visit ; schema:startDate ?s ;
                schema:endDate ?e ; cg:hostPlace ?host }""",
        a=agreement,
    )
    assert (str(start), str(end), host) == ("2023-11-02", "2023-11-04", place("toyama-prefecture"))
    [visitor] = rows(
        graph,
        """SELECT ?who WHERE {
             ?p cg:event ?v ; cg:participantRole prole:visitor ; cg:participant ?who }""",
        v=CGR["event/2023-gangwon-governor-visit-to-toyama"],
    )
    assert visitor == (place("gangwon"),)


def test_liaoning_friendship_year_is_derived_from_the_anniversary(graph):
    agreement = CGR["agreement/001-friendship-toyama-liaoning"]
    assert graph.value(agreement, CG.dateEarliest) == Literal("1984-01-01", datatype=XSD.date)
    assert graph.value(agreement, CG.dateLatest) == Literal("1984-12-31", datatype=XSD.date)
    assert "derived" in str(graph.value(agreement, CG.uncertainty))
    assert "40th anniversary" in str(graph.value(agreement, CG.evidence))
    assert graph.value(agreement, URIRef("http://purl.org/dc/terms/date")) is None


def test_inner_mongolia_coordinates_the_energy_subcommittee(graph):
    [(member, role, network)] = rows(
        graph,
        """SELECT ?member ?role ?network WHERE {
             ?m a cg:Membership ; org:member ?member ; org:role ?role ; org:organization ?sub .
             ?sub rdfs:label "Subcommittee on Energy Cooperation" ;
                 org:subOrganizationOf ?network }""",
    )
    assert (member, role, network) == (
        place("inner-mongolia"),
        CGR["membership-role/coordinator"],
        cgorg("near"),
    )


def test_no_near_membership_is_asserted_without_the_text_saying_so(own):
    members_of_near = list(
        own.subjects(URIRef("http://www.w3.org/ns/org#organization"), cgorg("near"))
    )
    assert members_of_near == []


# ---------------------------------------------------------------- themes and projects


def test_fields_of_cooperation_sought_are_themes(graph):
    def themes(talk):
        return sorted(
            str(t).removeprefix(str(CGR["theme/"]))
            for t in graph.objects(CGR[f"fact/{talk}"], CG.theme)
        )

    assert themes("001-talk-dorjrangchaa-altangshagai") == ["education", "health", "tourism"]
    assert themes("001-talk-ulzii-suvdaa") == [
        "agriculture",
        "education",
        "environment",
        "logistics",
        "tourism",
    ]
    assert sorted(
        int(str(s).rsplit("/", 1)[1])
        for s in graph.objects(CGR["fact/001-talk-kim-hoseok"], CG.sdg)
    ) == [9, 13]


def test_k_international_student_program_and_its_17_universities(graph):
    [(name, count, of, owner)] = rows(
        graph,
        """SELECT ?name ?n ?of ?owner WHERE {
             ?p a cg:Project ; schema:name ?name ; cg:projectOf ?owner ; cg:statedCount ?c .
             ?c cg:countValue ?n ; cg:countOf ?of }""",
    )
    assert (name, count, of, owner) == (
        "K-International Student Program",
        17,
        "universities",
        cgorg("chungcheongbuk-do-government"),
    )


# ---------------------------------------------------------------- provenance


def test_every_fact_names_document_001_and_quotes_it(own, graph):
    fact_classes = set(graph.transitive_subjects(RDFS.subClassOf, CG.Fact))
    facts = {s for cls in fact_classes for s in own.subjects(RDF.type, cls)}
    assert len(facts) > 100
    assert [f for f in facts if (f, PROV.wasDerivedFrom, DOC) not in own] == []
    assert [f for f in facts if own.value(f, CG.evidence) is None] == []


def test_the_former_consul_general_does_not_hold_the_post_in_2023():
    """He is 'Former' in the 2023 report: ended before 2023, so posts-at-date leaves his
    consul-generalship out of 2023, where his undated professorship counts for the report's
    year."""
    import citygraph

    target = citygraph.connect(citygraph.build(memory=True, validate=False).store)
    holder = str(person("shin-bong-seop"))
    for date in ("2023-01-01", "2023-06-30"):
        rows = citygraph.query("posts-at-date", target, plain=True, date=date)
        # (one row per stated title: the report writes 'School' and 'school')
        assert sorted({(r["post_label"], r["basis"]) for r in rows if r["holder"] == holder}) == [
            ("Professor at KwangWoon University Graduate School",
             "undated, source of this year")], date


def test_his_page_shows_the_consul_generalship_ended_before_2023():
    import citygraph
    from citygraph.web.fact_rows import facts

    target = citygraph.connect(citygraph.build(memory=True, validate=False).store)
    titles = facts(target, person("shin-bong-seop"))["Titles"]
    assert sorted((t["label"], t["when"] and t["when"]["text"]) for t in titles) == [
        ("Korean Consul-General in Shenyang, China", "ended before 2023"),
        ("Professor at KwangWoon University Graduate School", None)]
