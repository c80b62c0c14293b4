"""The query catalog: header format, the files of queries/, parameter binding and output formats."""

import json
import re
from datetime import date
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from citygraph.errors import ParameterError, ParseError, QueryError
from citygraph.querying.catalog import (
    Param,
    Query,
    Result,
    adhoc_query,
    bind_params,
    check_syntax,
    find_query,
    format_result,
    list_queries,
    load_query,
    parse_header,
    run_query,
)
from citygraph.querying.sparql import connect
from conftest import QUERIES

CATALOG = sorted(QUERIES.glob("*.rq"))
MINE = [p for p in CATALOG if not p.stem.startswith(("construct-", "project-"))]
PLACE = "https://w3id.org/citygraph/id/place/"

# ---------------------------------------------------------------- header format

HEADER = """\
# summary: Members of a network.
# description: One row per member,
#   with its role.
# param: network (iri) cgorg:anmc21: the network
# param: date (date, optional) 2014-09-06: the day
# param: name (string) "Tomsk State": a text with a space
# columns: member,
#   role
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?member ?role WHERE { ?m org:member ?member ; org:role ?role }
"""


def test_header_fields_are_read_with_continuations():
    header = parse_header(HEADER, "q.rq")
    assert header["summary"] == "Members of a network."
    assert header["description"] == "One row per member, with its role."
    assert header["columns"] == ("member", "role")
    assert header["returns"] == ""
    assert header["params"] == (
        Param("network", "iri", "cgorg:anmc21", "the network", False),
        Param("date", "date", "2014-09-06", "the day", True),
        Param("name", "string", "Tomsk State", "a text with a space", False),
    )


def test_construct_header_says_returns_triples():
    header = parse_header("# summary: s\n# description: d\n# returns: triples\nCONSTRUCT {} {}")
    assert (header["returns"], header["columns"]) == ("triples", ())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# description: d\n# columns: a\nSELECT ?a {}", "q.rq:1: header has no '# summary:' line"),
        ("# summary: s\n# columns: a\nSELECT ?a {}", "q.rq:1: header has no '# description:' line"),
        ("# summary: s\n# description: d\nSELECT ?a {}",
         "q.rq:1: header has neither '# columns:' nor '# returns:'"),
        ("# summary: s\n# description: d\n# param: when (datetime) 2014: x\n# columns: a\n",
         "q.rq:3: parameter 'when' has unknown type 'datetime'; "
         "types are iri, string, date, integer, decimal, boolean"),
        ("# summary: s\n# description: d\n# param: city place:seoul\n# columns: a\n",
         "q.rq:3: cannot read param line 'city place:seoul'; "
         "expected 'name (type) example: meaning'"),
        ("# summary: s\n# summary: t\n# description: d\n# columns: a\n",
         "q.rq:2: header has a second 'summary' line"),
        ("# summary: s\n# description: d\n# columns: a, b-c\n",
         "q.rq:3: column 'b-c' is not a variable name"),
        ("# summary: s\n# description: d\n# param: a (iri) x:y\n# param: a (iri) x:y\n"
         "# columns: a\n", "q.rq:1: header declares parameter 'a' twice"),
    ],
)
def test_broken_headers_are_named_by_file_and_line(text, message):
    with pytest.raises(ParseError) as caught:
        parse_header(text, "q.rq")
    assert str(caught.value) == message


def test_header_ends_at_the_first_line_of_sparql():
    text = "# summary: s\n# description: d\n# columns: a\nSELECT ?a {}\n# summary: late\n"
    assert parse_header(text)["summary"] == "s"


# ------------------------------------------------------- the files of queries/


@pytest.mark.parametrize("path", CATALOG, ids=lambda p: p.stem)
def test_every_catalog_file_has_a_complete_header(path):
    query = load_query(path)
    assert query.summary and query.description
    if query.role == "construct":
        assert query.returns == "triples"
    else:
        assert query.columns, f"{path.name} declares no columns"


@pytest.mark.parametrize("path", CATALOG, ids=lambda p: p.stem)
def test_every_catalog_file_parses_and_projects_its_declared_columns(path):
    query = load_query(path)
    form, variables = check_syntax(query)
    if query.role == "construct":
        assert form == "CONSTRUCT"
    else:
        assert form == "SELECT"
        assert tuple(variables) == query.columns


def _sparql_body(text):
    # the text without comments, strings and IRIs, so that '?' or '$' inside them do not count
    text = re.sub(r"<[^<>\s]*>", " ", text)
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"', " ", text)
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


@pytest.mark.parametrize("path", CATALOG, ids=lambda p: p.stem)
def test_parameters_are_declared_exactly_and_written_with_a_dollar(path):
    query = load_query(path)
    body = _sparql_body(query.text)
    dollars = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", body))
    declared = {p.name for p in query.params}
    assert dollars == declared, f"{path.name}: $variables {dollars} but header declares {declared}"
    for name in declared:
        # a parameter used as ?name too would be left unbound on one of its uses
        assert not re.search(rf"\?{name}\b", body), f"{path.name} writes ?{name} and ${name}"


@pytest.mark.parametrize("path", CATALOG, ids=lambda p: p.stem)
def test_example_values_of_every_parameter_are_valid(path):
    query = load_query(path)
    values = {p.name: p.example for p in query.params}
    assert set(bind_params(query, values)) == set(values)


def test_the_catalog_answers_the_eleven_questions_and_checks_the_data():
    names = {q.name for q in list_queries()}
    assert {
        "network-members", "event-attendance", "place-agreements", "posts-at-date",
        "event-speakers", "country-ties", "network-projects", "node-sources",
        "shared-events", "place-themes", "document-links", "find-name",
    } <= names
    assert {
        "absent-delegation-violation", "dangling-reference-violation",
        "date-range-violation", "delegation-event-violation", "fact-evidence-violation",
        "post-organization-violation", "speaker-participation-violation",
        "undescribed-place-violation", "unknown-concept-violation",
        "unmentioned-entity-violation",
    } <= names


def test_unknown_query_names_the_catalog_command():
    with pytest.raises(QueryError) as caught:
        find_query("network-member")
    assert str(caught.value) == (
        "unknown query 'network-member'; see 'citygraph queries' for the catalog"
    )
    with pytest.raises(QueryError):
        find_query("../queries/network-members")


# ------------------------------------------------------------ parameter binding


def test_values_are_typed_as_the_header_says():
    query = Query("q", "", "q.rq", params=(
        Param("place", "iri", "place:seoul"), Param("day", "date", "2014-09-06"),
        Param("n", "integer", "3"), Param("x", "decimal", "1.5"),
        Param("flag", "boolean", "true"), Param("text", "string", "a"),
    ))
    bound = bind_params(query, {
        "place": "place:seoul", "day": "2014-09-06", "n": "-12", "x": "2.50",
        "flag": "False", "text": 'say "hi" }',
    })
    assert bound == {
        "place": URIRef(PLACE + "seoul"),
        "day": Literal(date(2014, 9, 6), datatype=XSD.date),
        "n": Literal(-12, datatype=XSD.integer),
        "x": Literal(Decimal("2.50"), datatype=XSD.decimal),
        "flag": Literal(False),
        "text": Literal('say "hi" }'),
    }
    assert bound["day"].datatype == XSD.date and bound["x"].datatype == XSD.decimal


@pytest.mark.parametrize(
    "value",
    ["https://w3id.org/citygraph/id/place/seoul", "<https://w3id.org/citygraph/id/place/seoul>",
     "place:seoul"],
)
def test_an_iri_is_full_or_prefixed(value):
    query = Query("q", "", "q.rq", params=(Param("place", "iri", "place:seoul"),))
    assert bind_params(query, {"place": value}) == {"place": URIRef(PLACE + "seoul")}


POSTS = "date (date), organization (iri, optional), place (iri, optional)"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"date": "2014-09-06", "country": "place:country-ru"},
         f"query 'posts-at-date' has no parameter 'country'; parameters: {POSTS}"),
        ({"place": "place:tomsk"},
         "query 'posts-at-date' needs parameter 'date' (e.g. --param date=2014-09-06); "
         f"parameters: {POSTS}"),
        ({"date": "6 September 2014"},
         "query 'posts-at-date': parameter 'date' must be a date YYYY-MM-DD, "
         f"got '6 September 2014'; parameters: {POSTS}"),
        ({"date": "2014-02-30"},
         "query 'posts-at-date': parameter 'date' must be a date YYYY-MM-DD, "
         f"got '2014-02-30'; parameters: {POSTS}"),
        ({"date": "2014-09-06", "place": "tomsk"},
         "query 'posts-at-date': parameter 'place' must be an IRI or a prefixed name such as "
         "place:seoul (prefixes: agreement, agt, cg, cgorg, cgr, dcterms, doc, event, evt, "
         "fact, foaf, geo, mrole, org, owl, person, place, post, project, projt, prole, prov, "
         f"rdf, rdfs, schema, sdg, skos, talkt, theme, tiet, venue, xsd), got 'tomsk'; "
         f"parameters: {POSTS}"),
        ({"date": "2014-09-06", "place": "place:tomsk> } UNION { ?s ?p ?o"},
         "query 'posts-at-date': parameter 'place' must be an IRI without spaces, quotes, "
         "braces or angle brackets, got 'place:tomsk> } UNION { ?s ?p ?o'; "
         f"parameters: {POSTS}"),
    ],
)
def test_unknown_missing_and_mistyped_parameters_name_the_query(values, message):
    with pytest.raises(ParameterError) as caught:
        bind_params(find_query("posts-at-date"), values)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [("integer", "3.5", "an integer"), ("integer", "three", "an integer"),
     ("decimal", "1,5", "a decimal number"), ("boolean", "yes", "true or false")],
)
def test_numbers_and_booleans_are_checked(kind, value, expected):
    query = Query("q", "", "q.rq", params=(Param("v", kind, "1"),))
    with pytest.raises(ParameterError) as caught:
        bind_params(query, {"v": value})
    assert str(caught.value) == (
        f"query 'q': parameter 'v' must be {expected}, got {value!r}; parameters: v ({kind})"
    )


def test_optional_parameters_may_be_left_out():
    bound = bind_params(find_query("posts-at-date"), {"date": "2014-09-06"})
    assert bound == {"date": Literal(date(2014, 9, 6), datatype=XSD.date)}


# --------------------------------------------- injection: values match literally

TRICKS = [
    'Tomsk" } UNION { ?entity ?property ?matched } #',
    "Tomsk' } UNION { ?entity ?property ?matched }",
    "} UNION { ?entity ?property ?matched }",
    "Tomsk\n} SELECT * WHERE { ?s ?p ?o",
    "# Tomsk",
    "\\",
    '"""',
]


@pytest.fixture(scope="module")
def small_store():
    """An in-memory store with a few names holding SPARQL characters."""
    store = ox.Store()
    graph = ox.NamedNode("https://w3id.org/citygraph/graph/test")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    names = {"tomsk": "Tomsk", "odd": 'The "odd" {place} # with } UNION { and\nline'}
    for slug, name in names.items():
        store.add(ox.Quad(ox.NamedNode(PLACE + slug), label, ox.Literal(name), graph))
    return store


@pytest.mark.parametrize("trick", TRICKS)
def test_string_values_with_sparql_characters_match_nothing_else(small_store, trick):
    before = len(small_store)
    result = run_query(find_query("find-name"), connect(small_store), {"text": trick})
    assert result.rows == []
    assert len(small_store) == before


def test_a_string_value_with_quotes_braces_and_newline_matches_its_exact_literal(small_store):
    text = '"odd" {place} # with } UNION { and\nline'
    result = run_query(find_query("find-name"), connect(small_store), {"text": text})
    assert [(str(r["entity"]), str(r["matched"])) for r in result.rows] == [
        (PLACE + "odd", 'The "odd" {place} # with } UNION { and\nline')
    ]


def test_the_same_query_without_tricks_still_finds_the_plain_name(small_store):
    result = run_query(find_query("find-name"), connect(small_store), {"text": "tomsk"})
    assert [str(r["entity"]) for r in result.rows] == [PLACE + "tomsk"]


# -------------------------------------------------------------- ad-hoc queries


def test_adhoc_queries_get_the_project_prefixes_and_keep_line_numbers():
    query = adhoc_query("SELECT ?n\nWHERE { place:seoul rdfs:label ?n .\n FILTER(?n = ) }")
    with pytest.raises(QueryError) as caught:
        check_syntax(query)
    assert re.fullmatch(r"--sparql:3:\d+: invalid SPARQL: expected one of .*", str(caught.value))


def test_adhoc_query_keeps_its_own_prefix_declarations():
    query = adhoc_query("PREFIX place: <http://example.org/>\nSELECT ?x WHERE { ?x ?p place:a }")
    assert "PREFIX place: <https://w3id.org" not in query.text
    assert check_syntax(query) == ("SELECT", ["x"])


def test_adhoc_ask_and_construct(small_store):
    target = connect(small_store)
    ask = run_query(adhoc_query('ASK { place:tomsk rdfs:label "Tomsk" }'), target)
    assert (ask.form, ask.boolean, format_result(ask)) == ("ASK", True, "yes")
    built = run_query(adhoc_query(
        "CONSTRUCT { ?p rdfs:comment ?n } WHERE { ?p rdfs:label ?n FILTER(?n = 'Tomsk') }"
    ), target)
    assert built.columns == ["subject", "predicate", "object"]
    assert format_result(built, "csv") == (
        "subject,predicate,object\n"
        f"{PLACE}tomsk,http://www.w3.org/2000/01/rdf-schema#comment,Tomsk\n"
    )


# -------------------------------------------------------------- output formats

ROWS = Result("SELECT", ["place", "label", "size", "attended", "note"], [
    {"place": URIRef(PLACE + "seoul"), "label": Literal("Seoul", lang="en"),
     "size": Literal(7), "attended": Literal(True), "note": None},
    {"place": URIRef("http://example.org/x"), "label": Literal('a "b", c\td'),
     "size": Literal("2.5", datatype=XSD.decimal), "attended": Literal(False),
     "note": Literal("x" * 70)},
])


def test_table_shows_prefixed_names_and_cuts_long_cells():
    assert format_result(ROWS, "table").splitlines() == [
        "place                   label       size  attended  note",
        "----------------------  ----------  ----  --------  "
        "------------------------------------------------------------",
        "place:seoul             Seoul       7     true",
        '<http://example.org/x>  a "b", c d  2.5   false     ' + "x" * 59 + "…",
        "(2 rows)",
    ]


def test_csv_keeps_full_iris_and_quotes_as_csv_does():
    assert format_result(ROWS, "csv") == (
        "place,label,size,attended,note\n"
        f"{PLACE}seoul,Seoul,7,true,\n"
        f'http://example.org/x,"a ""b"", c\td",2.5,false,{"x" * 70}\n'
    )


def test_tsv_escapes_tabs_and_newlines():
    assert format_result(ROWS, "tsv") == (
        "place\tlabel\tsize\tattended\tnote\n"
        f"{PLACE}seoul\tSeoul\t7\ttrue\t\n"
        f'http://example.org/x\ta "b", c\\td\t2.5\tfalse\t{"x" * 70}\n'
    )


def test_json_keeps_numbers_booleans_and_nulls():
    assert json.loads(format_result(ROWS, "json")) == {
        "columns": ["place", "label", "size", "attended", "note"],
        "rows": [
            {"place": PLACE + "seoul", "label": "Seoul", "size": 7, "attended": True,
             "note": None},
            {"place": "http://example.org/x", "label": 'a "b", c\td', "size": "2.5",
             "attended": False, "note": "x" * 70},
        ],
    }


def test_unknown_format_is_refused():
    with pytest.raises(QueryError) as caught:
        format_result(ROWS, "xml")
    assert str(caught.value) == "unknown format 'xml'; formats: table, csv, tsv, json"


# ---------------------------------------------------------------- names for IRI parameters


@pytest.fixture(scope="module")
def seed():
    from citygraph.graph.build import build
    from conftest import ROOT, SEED

    return connect(build(memory=True, data_dir=SEED, root=ROOT, validate=False).store)


ANMC21_MEMBERS = ["Bangkok", "Delhi", "Hanoi", "Jakarta", "Kuala Lumpur", "Metropolitan Manila",
                  "Seoul", "Singapore", "Taipei", "Tokyo", "Tokyo", "Tomsk", "Ulaanbaatar",
                  "Yangon"]


@pytest.mark.parametrize("given", ["ANMC21", "anmc21", " ANMC21 ", "cgorg:anmc21",
                                   "<https://w3id.org/citygraph/id/org/anmc21>"])
def test_an_iri_parameter_takes_a_name_a_prefixed_name_or_an_iri(seed, given):
    result = run_query(find_query("network-members"), seed, {"network": given})
    assert sorted(str(r["member_label"]) for r in result.rows) == ANMC21_MEMBERS


def test_a_name_is_resolved_through_a_kept_name_index_as_through_the_store(seed):
    from citygraph.querying.names import name_index, resolve_params

    query = find_query("posts-at-date")
    index = name_index(seed)
    for names in (index, None):
        # 'Toyama Prefecture' names the place and its government: the example place:tomsk
        # says the parameter wants a place
        assert resolve_params(query, {"place": "Toyama Prefecture", "date": "2014-09-06"},
                              names, seed) == {"place": URIRef(PLACE + "toyama-prefecture"),
                                               "date": "2014-09-06"}


@pytest.mark.parametrize(("values", "message", "candidates"), [
    ({"place": "Singapore"},
     "query 'posts-at-date': parameter 'place': 'Singapore' names 2 entities: Singapore "
     "(place:country-sg), Singapore (place:singapore); give one of them",
     ["country-sg", "singapore"]),
    ({"place": "Kuala"},
     "query 'posts-at-date': parameter 'place': no entity is called 'Kuala'; names containing "
     "it: Kuala Lumpur (place:kuala-lumpur)", ["kuala-lumpur"]),
    ({"place": "Atlantis"},
     "query 'posts-at-date': parameter 'place': no entity is called 'Atlantis', nor does any "
     "name contain it", []),
])
def test_an_ambiguous_or_unknown_name_is_refused_with_its_candidates(seed, values, message,
                                                                      candidates):
    from citygraph.querying.names import UnresolvedName

    with pytest.raises(UnresolvedName) as caught:
        run_query(find_query("posts-at-date"), seed, {"date": "2014-09-06", **values})
    assert str(caught.value) == message
    assert [str(e).rsplit("/", 1)[1] for e, _ in caught.value.candidates] == candidates
    assert isinstance(caught.value, ParameterError) and caught.value.exit_code == 2


# ---------------------------------------------------------------- the researchers' questions


def answer(target, name, *columns, **params):
    from citygraph.querying.catalog import plain

    rows = run_query(find_query(name), target, params).rows
    return [tuple(plain(r.get(c), prefixed=True) for c in columns) for r in rows]


def test_event_people_have_roles_with_or_without_a_talk_and_talks_without_a_named_speaker(seed):
    rows = answer(seed, "event-people", "person_label", "role_label", "title",
                  "on_behalf_of_label", event="event:anmc21-13th-plenary")
    # talks whose speaker the source does not name: the city they were given for
    assert ("", "presentation", "Tokyo 2020", "Tokyo") in rows
    # a role without a talk (a delegate), and a role beside a talk (speaker and remarks)
    assert ("ANDO Toshiaki", "delegate", "", "Tokyo") in rows
    assert ("ZHVACHKIN Sergey", "speaker", "", "") in rows
    assert ("ZHVACHKIN Sergey", "opening remarks", "", "") in rows
    assert len(rows) == 116
    tcs = answer(seed, "event-people", "person_label", "role_label",
                 event="event:tcs-10th-anniversary-symposium-vol-6")
    assert ("YANG Kiho", "moderator") in tcs and len(tcs) == 11


def test_event_organizers_are_named_by_their_most_specific_relation(seed):
    assert answer(seed, "event-organizers", "relation_label", "organization_label",
                  event="event:tcs-10th-anniversary-symposium-vol-6") == [
        ("host", "TCS"), ("supporter", "CLAIR"),
        ("supporter", "China International Friendship Cities Association"),
        ("supporter", "Governors Association of Korea")]


def test_series_parts_with_participants_and_years(seed):
    rows = answer(seed, "series-parts", "part_label", "year", "participant_count",
                  whole="event:tcs-10th-anniversary-symposium-series")
    assert rows[-1] == ("Promoting Trilateral Cooperation at the Local Level", "2021", "10")
    assert {r[0] for r in rows} >= {"Youth Exchange", "Urban Regeneration"} and len(rows) == 6
    iuc = answer(seed, "series-parts", "part_label", "kind", "participants", whole="cgorg:iuc")
    assert ("Cargo Railway Connection between Mannheim and Chongqing", "project",
            "Chongqing; Mannheim") in [(a, b, "; ".join(sorted(c.split("; ")))) for a, b, c in iuc]


def test_document_mentions_and_the_participants_party_or_not_to_an_agreement(seed):
    mentions = answer(seed, "document-mentions", "kind", "label", "facts", document="doc:002")
    assert ("person", "Bima Arya Sugiarto", "2") in mentions and len(mentions) == 27
    party = dict(event="event:anmc21-13th-plenary", agreement="agreement:000-tomsk-declaration")
    assert [r[0] for r in answer(seed, "event-participants-party", "participant_label",
                                 party="true", **party)] == [
        "Hanoi", "Seoul", "Tokyo", "Tomsk", "Ulaanbaatar"]
    assert [r for r in answer(seed, "event-participants-party", "participant_label",
                              "attended", party="false", **party)][:2] == [
        ("Bangkok", "true"), ("Delhi", "false")]


def test_network_members_with_ties_to_a_country_and_a_places_parents_by_name(seed):
    rows = answer(seed, "network-members-country-ties", "member_label", "partner_label",
                  "fact_label", network="ANMC21", country="Sri Lanka")
    assert rows[0] == ("Seoul", "Colombo", "MOU between Seoul and Colombo") and len(rows) == 5
    assert answer(seed, "place-parents", "relation", "steps", "parent_label", "kind",
                  "iso3166", place="Uiseong") == [
        ("itself", "0", "Uiseong", "city", ""),
        ("part of", "1", "Gyeongsangbuk-do", "province", "KR-47"),
        ("country", "", "South Korea", "country", "KR")]


def test_place_links_name_each_fact_once_with_its_kind(seed):
    rows = answer(seed, "place-links", "fact", "kind", first="Seoul", second="Colombo")
    assert sorted(set(rows)) == [
        ("agreement:002-mou-seoul-colombo", "agreement"),
        ("agreement:002-seoul-communique", "agreement"),
        ("agreement:002-seoul-declaration", "agreement"),
        ("fact:002-transfer-seoul-colombo-tax", "policy transfer"),
        ("fact:002-transfer-seoul-colombo-waste", "policy transfer")]
