"""Inference: the construct-*.rq rules materialize the ontology's axioms into their own graph."""

from collections import Counter

import pyoxigraph as ox
import pytest

from citygraph.errors import QueryError
from citygraph.graph.build import build
from citygraph.graph.inference import INFERRED_GRAPH, RULE_ORDER, materialize, rule_paths
from citygraph.graph.store import load_files, open_store
from citygraph.namespaces import PREFIXES
from citygraph.querying.sparql import connect
from conftest import FIXTURES, ONTOLOGY, QUERIES, ROOT

PREAMBLE = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items())


def short(term):
    text = str(term)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


@pytest.fixture(scope="module")
def built():
    return build(memory=True, data_dir=FIXTURES / "store" / "data", root=ROOT, validate=False)


@pytest.fixture(scope="module")
def inferred(built):
    rows = connect(built.store).select(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}"
    )
    return {(short(r["s"]), short(r["p"]), short(r["o"])) for r in rows}


def test_every_rule_has_a_catalog_header():
    for path in rule_paths(QUERIES):
        lines = path.read_text(encoding="utf-8").splitlines()
        head = [line for line in lines if line.startswith("#")]
        keys = [line[2:].split(":", 1)[0] for line in head]
        assert keys[:3] == ["summary", "description", "returns"], path.name
        assert keys[3:] in ([], ["closed"]), path.name
        assert head[2] == "# returns: triples", path.name
    assert [p.stem for p in rule_paths(QUERIES)] == RULE_ORDER
    closed = [p.stem for p in rule_paths(QUERIES) if "# closed: yes" in p.read_text("utf-8")]
    assert closed == ["construct-subproperty", "construct-part-of-closure",
                      "construct-sub-organization-closure", "construct-symmetric",
                      "construct-subclass"]


def test_a_rule_that_says_it_is_closed_adds_nothing_run_again_on_its_own_triples():
    """On the frozen seed graph, the store fixtures and a chain of six cg:partOf plus one
    cg:heldWith in one direction, each closed rule, run alone after all the others, infers
    everything in its first run: the second run, which reads the first one's triples,
    adds none (the build relies on it not to run the rule again for its own triples)."""
    from citygraph.graph.store import source_files

    files = source_files(ROOT, FIXTURES / "seed")
    files += sorted((FIXTURES / "store" / "data").glob("*.ttl"))
    place, cg = PREFIXES["place"], PREFIXES["cg"]
    extra = "".join(f"<{place}x{i}> <{cg}partOf> <{place}x{i + 1}> .\n" for i in range(6))
    extra += f"<{place}x0> <{cg}heldWith> <{place}x1> .\n"
    rules = rule_paths(QUERIES)
    runs = {}
    for path in rules:
        if "# closed: yes" not in path.read_text("utf-8"):
            continue
        store = open_store()
        load_files(store, files, root=ROOT)
        store.load(input=extra, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://e/x"))
        materialize(store, [rule for rule in rules if rule != path])
        again = materialize(store, [path], graph="http://e/again", every_rule=True)
        runs[path.stem] = again.per_pass
    assert runs == {
        "construct-subproperty": [176, 0],
        "construct-part-of-closure": [15, 0],
        "construct-sub-organization-closure": [22, 0],
        "construct-symmetric": [1, 0],
        "construct-subclass": [1157, 0],
    }


def test_part_of_is_inferred_up_to_the_country(inferred):
    assert ("place:tomsk", "cg:partOf", "place:country-ru") in inferred
    assert ("place:tomsk-oblast", "cg:partOf", "place:country-ru") in inferred
    assert ("place:country-ru", "cg:hasPart", "place:tomsk") in inferred
    assert ("place:country-ru", "cg:hasPart", "place:tomsk-oblast") in inferred
    assert ("place:tomsk-oblast", "cg:hasPart", "place:tomsk") in inferred


def test_part_of_closure_walks_a_chain_of_any_length():
    store = ox.Store()
    load_files(store, [ONTOLOGY / "citygraph.ttl"], root=ROOT)
    chain = "".join(
        f"<{PREFIXES['place']}p{i}> <{PREFIXES['cg']}partOf> <{PREFIXES['place']}p{i + 1}> .\n"
        for i in range(6)
    )
    store.load(input=chain, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("http://e/chain"))
    report = materialize(store, rule_paths(QUERIES))
    target = connect(store)
    query = "SELECT ?whole WHERE { place:p0 cg:partOf ?whole } ORDER BY ?whole"
    rows = target.select(PREAMBLE + query)
    assert [short(r["whole"]) for r in rows] == [f"place:p{i}" for i in range(1, 7)]
    # 15 new partOf (21 pairs less 6 asserted) and their 21 hasPart inverses
    assert report.per_rule["construct-part-of-closure"] == 15
    assert report.per_rule["construct-inverse"] == 21


def test_the_symmetric_tie_is_there_in_both_directions(inferred):
    for a, b in [("place:toyama-prefecture", "place:liaoning"),
                 ("place:liaoning", "place:toyama-prefecture")]:
        assert (a, "cg:twinnedWith", b) in inferred
        assert (a, "cg:cooperatesWith", b) in inferred


def test_posts_memberships_governments_and_events(inferred):
    governor = "post:tomsk-oblast-government--governor"
    assert ("person:zhvachkin-sergey", "org:holds", governor) in inferred
    assert (governor, "org:heldBy", "person:zhvachkin-sergey") in inferred
    assert ("place:tomsk", "cg:memberOf", "cgorg:anmc21") in inferred
    assert ("place:tomsk-oblast", "cg:governedBy", "cgorg:tomsk-oblast-government") in inferred
    assert ("event:anmc21-13th-plenary", "schema:subEvent",
            "event:anmc21-13th-plenary-wrap-up-session") in inferred


def test_sub_organizations_are_closed_transitively(inferred):
    committee = ("cgorg:tomsk-oblast-government-committee-for-cooperation-"
                 "with-the-rf-regions-and-the-cis-countries")
    department = "cgorg:tomsk-oblast-government-department-for-international-and-regional-relations"
    government = "cgorg:tomsk-oblast-government"
    assert (committee, "org:transitiveSubOrganizationOf", department) in inferred
    assert (committee, "org:transitiveSubOrganizationOf", government) in inferred
    assert (department, "org:transitiveSubOrganizationOf", government) in inferred
    assert (government, "org:hasSubOrganization", department) in inferred
    assert (government, "org:hasSubOrganization", committee) not in inferred


def test_types_go_up_the_class_hierarchy(inferred):
    def types(node):
        return {o for s, p, o in inferred if s == node and p == "rdf:type"}

    assert types("place:toyama-prefecture") == {"cg:Region", "cg:Place", "schema:Place"}
    assert types("fact:000-membership-tomsk-anmc21") == {"org:Membership", "cg:Fact"}


def test_the_inferred_graph_holds_exactly_these_kinds_of_triples(built, inferred):
    assert built.inferred == len(inferred) == 61
    assert Counter(p for _, p, _ in inferred) == {
        "rdf:type": 38,
        "cg:hasPart": 5,
        "cg:partOf": 4,
        "org:transitiveSubOrganizationOf": 3,
        "org:hasSubOrganization": 2,
        "cg:cooperatesWith": 2,
        "cg:twinnedWith": 2,
        "org:holds": 1,
        "org:heldBy": 1,
        "schema:subEvent": 1,
        "cg:governedBy": 1,
        "cg:memberOf": 1,
    }


def test_asserted_and_inferred_stay_apart(built):
    target = connect(built.store)
    duplicate = (
        f"ASK {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER (?g != <{INFERRED_GRAPH}>) }}"
    )
    assert target.ask(duplicate) is False
    # the asserted cg:partOf of Tomsk stays in places.ttl and is not copied
    asserted = PREAMBLE + (
        "SELECT ?g WHERE { GRAPH ?g { place:tomsk cg:partOf place:tomsk-oblast } }"
    )
    assert [str(r["g"]).rsplit("/", 1)[-1] for r in target.select(asserted)] == ["places.ttl"]


def test_one_pass_in_rule_order_reaches_the_fixpoint(built):
    assert built.passes == 2
    store = open_store()
    files = sorted(ONTOLOGY.glob("*.ttl")) + sorted((FIXTURES / "store" / "data").glob("*.ttl"))
    load_files(store, files, root=ROOT)
    report = materialize(store, rule_paths(QUERIES))
    assert report.per_pass == [61, 0]
    # run backwards, the same rules need more passes for the same result
    backwards = materialize(store, list(reversed(rule_paths(QUERIES))))
    assert backwards.inferred == 61
    assert len(backwards.per_pass) > 2


def test_a_broken_rule_names_its_file(tmp_path):
    rule = tmp_path / "construct-broken.rq"
    rule.write_text("# summary: x\nCONSTRUCT { ?s ?p ?o }\nWHERE { ?s ?p . ?o }\n", "utf-8")
    with pytest.raises(QueryError) as caught:
        materialize(ox.Store(), [rule])
    assert str(caught.value).startswith(f"{rule}:3:")
