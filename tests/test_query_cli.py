"""``citygraph query`` and ``citygraph queries`` in-process: output, errors and exit codes."""

import json

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.graph.build import build
from citygraph.querying.catalog import list_queries
from conftest import ROOT, SEED
from oxigraph_server import free_port

ORG = "https://w3id.org/citygraph/id/org/"
PERSON = "https://w3id.org/citygraph/id/person/"
LINKS = ["query", "document-links", "-p", "first=doc:000", "--param", "second=doc:002"]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """A store directory built from the frozen seed graph the way ``citygraph build`` does."""
    path = tmp_path_factory.mktemp("cli") / "store"
    report = build(store_path=path, data_dir=SEED, root=ROOT, validate=False)
    assert report.written
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_table_output(store_dir):
    result = run(*LINKS, "--store", store_dir)
    assert result.exit_code == 0, result.output
    assert result.output == (
        "kind          entity                  label\n"
        "------------  ----------------------  -----------------------------\n"
        "organization  cgorg:seoul-government  Seoul Metropolitan Government\n"
        "person        person:park-won-soon    PARK Won Soon\n"
        "(2 rows)\n"
    )


def test_csv_output(store_dir):
    result = run(*LINKS, "--store", store_dir, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "kind,entity,label\n"
        f"organization,{ORG}seoul-government,Seoul Metropolitan Government\n"
        f"person,{PERSON}park-won-soon,PARK Won Soon\n"
    )


def test_tsv_output(store_dir):
    result = run(*LINKS, "--store", store_dir, "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "kind\tentity\tlabel",
        f"organization\t{ORG}seoul-government\tSeoul Metropolitan Government",
        f"person\t{PERSON}park-won-soon\tPARK Won Soon",
    ]


def test_json_output(store_dir):
    result = run(*LINKS, "--store", store_dir, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "columns": ["kind", "entity", "label"],
        "rows": [
            {"kind": "organization", "entity": f"{ORG}seoul-government",
             "label": "Seoul Metropolitan Government"},
            {"kind": "person", "entity": f"{PERSON}park-won-soon", "label": "PARK Won Soon"},
        ],
    }


def test_integer_cells_are_numbers_in_json(store_dir):
    result = run("query", "event-attendance", "-p", "event=event:anmc21-13th-plenary",
                 "--store", store_dir, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rows"]
    sizes = {r["participant_label"]: r["delegation_size"] for r in rows}
    assert sizes == {"Bangkok": 4, "Hanoi": 9, "Seoul": 7, "Tokyo": 31, "Tomsk": 53,
                     "Ulaanbaatar": 3, "Delhi": None, "Jakarta": None, "Kuala Lumpur": None,
                     "Metropolitan Manila": None, "Singapore": None, "Taipei": None,
                     "Yangon": None}


def test_adhoc_sparql_with_project_prefixes(store_dir):
    result = run("query", "--sparql", "SELECT ?size WHERE { fact:000-participation-tokyo "
                 "cg:delegationSize ?size }", "--store", store_dir, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == "size\n31\n"


def test_adhoc_file_with_its_own_parameter(store_dir, tmp_path):
    path = tmp_path / "size.rq"
    path.write_text(
        "# summary: Delegation size of a city at an event.\n"
        "# description: One row.\n"
        "# param: city (iri) place:seoul: the city\n"
        "# columns: size\n"
        "SELECT ?size WHERE { ?p cg:participant $city ; cg:delegationSize ?size }\n",
        encoding="utf-8",
    )
    result = run("query", "--file", str(path), "-p", "city=place:hanoi", "--store", store_dir,
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output == "size\n9\n"


def test_ask_answers_yes_with_exit_0_and_no_with_exit_1(store_dir):
    yes = run("query", "--sparql", "ASK { place:tomsk cg:partOf place:tomsk-oblast }",
              "--store", store_dir)
    assert (yes.exit_code, yes.output) == (0, "yes\n")
    no = run("query", "--sparql", "ASK { place:tomsk cg:partOf place:country-jp }",
             "--store", store_dir)
    assert (no.exit_code, no.output) == (1, "no\n")


def test_a_violation_query_with_no_rows_exits_0(store_dir):
    result = run("query", "fact-evidence-violation", "--store", store_dir)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("(0 rows)\n")


def test_a_violation_query_that_finds_rows_exits_1(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "bad.ttl").write_text(
        "@prefix cg: <https://w3id.org/citygraph/ontology#> .\n"
        "@prefix fact: <https://w3id.org/citygraph/id/fact/> .\n"
        "@prefix place: <https://w3id.org/citygraph/id/place/> .\n"
        'fact:x a cg:Tie ; cg:party place:atlantis ; cg:evidence "  " .\n',
        encoding="utf-8",
    )
    store = tmp_path / "store"
    build(store_path=store, data_dir=data, validate=False)
    result = run("query", "fact-evidence-violation", "--store", str(store), "--format", "csv")
    assert result.exit_code == 1, result.output
    fact = "https://w3id.org/citygraph/id/fact/x"
    assert result.output == (
        f"fact,problem\n{fact},no evidence quote\n{fact},no source document\n"
    )
    result = run("query", "undescribed-place-violation", "--store", str(store), "--format", "tsv")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[1:] == [
        "https://w3id.org/citygraph/id/place/atlantis\t"
        f"{fact}\thttps://w3id.org/citygraph/ontology#party"]


# ------------------------------------------------------------------ errors


ALLOWED = "parameters: network (iri)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["network-members"],
         "query 'network-members' needs parameter 'network' "
         f"(e.g. --param network=cgorg:anmc21); {ALLOWED}"),
        (["network-members", "-p", "network=cgorg:anmc21", "-p", "year=2014"],
         f"query 'network-members' has no parameter 'year'; {ALLOWED}"),
        (["network-members", "-p", "network"],
         f"query 'network-members': --param 'network' is not key=value; {ALLOWED}"),
        (["network-members", "-p", "network=cgorg:anmc21", "-p", "network=cgorg:near"],
         f"query 'network-members': parameter 'network' given twice; {ALLOWED}"),
        (["network-members", "-p", "network=ANMC"],
         "query 'network-members': parameter 'network': no entity is called 'ANMC'; names "
         "containing it: ANMC21 (cgorg:anmc21), ANMC21 Exhibition "
         "(event:anmc21-13th-plenary-exhibition), ANMC21 Secretariat (cgorg:anmc21-secretariat), "
         "Opening Ceremony for ANMC21 Exhibition "
         "(event:anmc21-13th-plenary-exhibition-opening-ceremony), International Joint Projects "
         "Section(ANMC21) (cgorg:tokyo-international-joint-projects-section), …"),
        (["network-members", "-p", "network=cgorg:anmc 21"],
         "query 'network-members': parameter 'network' must be an IRI without spaces, quotes, "
         f"braces or angle brackets, got 'cgorg:anmc 21'; {ALLOWED}"),
        (["posts-at-date", "-p", "date=06/09/2014"],
         "query 'posts-at-date': parameter 'date' must be a date YYYY-MM-DD, got '06/09/2014'; "
         "parameters: date (date), organization (iri, optional), place (iri, optional)"),
        (["network-memebers"],
         "unknown query 'network-memebers'; see 'citygraph queries' for the catalog"),
        ([], "give one of NAME, --file or --sparql (see 'citygraph queries')"),
        (["network-members", "--sparql", "ASK {}"],
         "give one of NAME, --file or --sparql (see 'citygraph queries')"),
        (["--sparql", "SELECT ?x WHERE { ?x ?p }"],
         "--sparql:1:26: invalid SPARQL: expected one of LATERAL, SERVICE, [_]"),
        (["--sparql", "PREFIX ex: <http://example.org/>\nSELECT ?x WHERE { ?x ex:a nope:b }"],
         "--sparql:2:33: invalid SPARQL: undeclared prefix"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(store_dir, args, message):
    result = run("query", *args, "--store", store_dir)
    assert result.exit_code == 2, result.output
    assert result.output == f"citygraph: error: {message}\n"


def test_invalid_sparql_in_a_file_names_file_line_and_column(store_dir, tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("SELECT ?x\nWHERE {\n  ?x rdfs:label ?y .\n  OPTIONAL ?x ?p ?q\n}\n", "utf-8")
    result = run("query", "--file", str(path), "--store", store_dir)
    assert result.exit_code == 2, result.output
    assert result.output == f'citygraph: error: {path}:4:12: invalid SPARQL: expected "{{"\n'


def test_missing_query_file_is_an_input_error(store_dir, tmp_path):
    result = run("query", "--file", str(tmp_path / "none.rq"), "--store", store_dir)
    assert result.exit_code == 2
    assert result.output == (
        f"citygraph: error: {tmp_path / 'none.rq'}: cannot read the query: "
        "No such file or directory\n"
    )


def test_endpoint_that_does_not_answer_exits_3():
    url = f"http://127.0.0.1:{free_port()}/query"
    result = run("query", "network-members", "-p", "network=cgorg:anmc21", "--endpoint", url,
                 "--timeout", "2")
    assert result.exit_code == 3, result.output
    assert result.output.startswith(f"citygraph: error: endpoint {url}")


def test_parameters_are_checked_before_the_endpoint_is_asked():
    url = f"http://127.0.0.1:{free_port()}/query"
    result = run("query", "network-members", "-p", "net=x", "--endpoint", url)
    assert result.exit_code == 2
    assert result.output == (
        f"citygraph: error: query 'network-members' has no parameter 'net'; {ALLOWED}\n"
    )


# ------------------------------------------------------------ the catalog list


def test_queries_lists_every_query_with_summary_and_parameters():
    result = run("queries")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == f"({len(list_queries())} queries)"
    at = lines.index("posts-at-date  [report]")
    assert lines[at + 1:at + 5] == [
        "    Who held which post in which organization at a given date.",
        "    --param date=2014-09-06  (date): the date, YYYY-MM-DD",
        "    --param organization=cgorg:tomsk-oblast-government  (iri, optional): only posts in "
        "this organization or its departments",
        "    --param place=place:tomsk  (iri, optional): only posts in organizations governing "
        "or based in this place",
    ]
    assert "    --param 'text=Tomsk State'  (string): the text to look for" in lines
    names = [line.split("  [")[0] for line in lines if "  [" in line and not line.startswith(" ")]
    roles = [line.split("  [")[1].rstrip("]") for line in lines if "  [" in line
             and not line.startswith(" ")]
    assert roles == sorted(roles, key=["report", "violation", "projection", "construct"].index)
    assert set(names) == {q.name for q in list_queries()}


def test_queries_by_role():
    result = run("queries", "--role", "violation")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    listed = [line.split("  [")[0] for line in lines if "  [violation]" in line]
    assert listed == sorted(q.name for q in list_queries() if q.role == "violation")
    assert result.output.splitlines()[-1] == f"({len(listed)} queries)"


def test_queries_says_whether_the_endpoint_answers(oxigraph_server):
    result = run("queries", "--role", "report", "--endpoint", oxigraph_server.query)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"endpoint {oxigraph_server.query} answers"


def test_queries_says_when_the_endpoint_does_not_answer():
    url = f"http://127.0.0.1:{free_port()}/query"
    result = run("queries", "--role", "report", "--endpoint", url, "--timeout", "2")
    assert result.exit_code == 3, result.output
    assert result.output.splitlines()[-1].startswith(f"endpoint {url} does not answer: ")


def test_an_iri_parameter_takes_a_name(store_dir):
    result = run("query", "network-members", "-p", "network=ANMC21", "--store", store_dir,
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    members = sorted(line.split(",")[1] for line in result.output.splitlines()[1:])
    assert members[:3] == ["Bangkok", "Delhi", "Hanoi"] and len(members) == 14
