"""``citygraph validate`` in-process: exit codes, the report by shape, one-line errors."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import citygraph
from citygraph.cli import cli
from conftest import DATA, ROOT

SHAPES_FIXTURES = "tests/data/shapes"
CONTEXT = f"{SHAPES_FIXTURES}/context.ttl"
VALID = f"{SHAPES_FIXTURES}/membership-valid.ttl"
INVALID = f"{SHAPES_FIXTURES}/membership-invalid.ttl"
WARNING_ONLY = "tests/data/validate/warning-only.ttl"
SYNTAX_ERROR = "tests/data/validate/syntax-error.ttl"


@pytest.fixture
def run(monkeypatch):
    """Invoke the CLI from the project folder, so that paths show as the user typed them."""
    monkeypatch.chdir(ROOT)
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["validate", *args])

    return invoke


@pytest.fixture
def seed_texts(shared):
    """The seed texts: the fixtures cite doc:900, whose text is a seed's; without it the
    evidence check adds a warning that its quotes were not checked."""
    if not (shared / "seeds").is_dir():
        pytest.skip("../shared/seeds is not beside the clone")


def test_conforming_files_exit_0_with_a_summary(run, seed_texts):
    result = run(CONTEXT, VALID)
    assert result.exit_code == 0, result.output
    assert result.stdout == "conforms: 0 violations, 0 warnings in 2 files\n"


def test_warnings_alone_are_listed_and_exit_0(run, seed_texts):
    result = run(CONTEXT, WARNING_ONLY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "cgsh:Fact-evidence: 1 warning",
        "  A fact should quote the passage of its source document that states it "
        "(cg:evidence), so that a reader can check it.",
        f"  Warning  fact:900-membership-seoul-anmc21  cg:evidence  ({WARNING_ONLY}:12)",
        "",
        "conforms: 0 violations, 1 warning in 2 files",
    ]


def test_violations_exit_1_grouped_by_shape_with_node_message_and_file(run, seed_texts):
    result = run(CONTEXT, INVALID)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[-1] == "does not conform: 5 violations, 0 warnings in 2 files"
    assert [line for line in lines if line.startswith("cgsh:")] == [
        "cgsh:Membership-member: 2 violations",
        "cgsh:Membership-organization: 1 violation",
        "cgsh:Membership-role: 2 violations",
    ]
    role = lines.index("cgsh:Membership-role: 2 violations")
    assert lines[role + 1 : role + 4] == [
        "  A membership must give the member's role (org:role) as a concept of the membership "
        "roles (mrole:member, mrole:founding-member, mrole:secretariat, ...).",
        f"  Violation  fact:900-membership-no-role  org:role  ({INVALID}:13)",
        f"  Violation  fact:900-membership-wrong-kinds  org:role  = evt:meeting  ({INVALID}:19)",
    ]


def test_json_format_lists_every_result(run):
    result = run("--format", "json", CONTEXT, INVALID)
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert (report["conforms"], report["violations"], report["warnings"]) == (False, 5, 0)
    assert report["files"] == [CONTEXT, INVALID]
    assert report["results"][1] == {
        "severity": "Violation",
        "focus": "fact:900-membership-wrong-kinds",
        "path": "org:member",
        "value": "person:im-jomh-seok",
        "message": "A membership must name exactly one member (org:member): a city, region or "
        "organization described in the data.",
        "shape": "cgsh:Membership-member",
        "component": "sh:NodeConstraintComponent",
        "file": INVALID,
        "line": 18,
    }


def test_syntax_error_is_one_line_with_file_and_line_and_exit_2(run):
    result = run(CONTEXT, INVALID, SYNTAX_ERROR)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"citygraph: error: {SYNTAX_ERROR}:6:1: A dot is expected at the end of statements\n"
    )


def test_missing_file_is_one_line_and_exit_2(run):
    result = run(CONTEXT, "data/no-such-file.ttl")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == "citygraph: error: data/no-such-file.ttl: no such file\n"


def test_unknown_format_is_a_usage_error(run):
    result = run("--format", "xml", CONTEXT)
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output


def test_without_files_every_data_file_is_validated(run):
    files = sorted(DATA.rglob("*.ttl"))
    if not files:
        pytest.skip("data/ holds no Turtle file yet")
    result = run("--format", "json")
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["files"] == [str(p.relative_to(ROOT)) for p in files]


def test_a_dangling_reference_in_one_file_validated_in_its_project_has_file_and_line(
        tmp_path, monkeypatch):
    """A participant IRI that nothing describes, in a correct seed file validated alone."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "data" / "seed", project / "data")
    shutil.copytree(ROOT / "ontology", project / "ontology")
    seeds = (ROOT.parent / "shared" / "seeds").resolve()
    (project / "citygraph.toml").write_text(f'[sources]\nalso = ["{seeds}"]\n', encoding="utf-8")
    path = project / "data" / "002_0916525940670b2c.ttl"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = lines.index("    cg:participant place:colombo ;") + 1
    lines[number - 1] = "    cg:participant place:colomboo ;"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["validate", "data/002_0916525940670b2c.ttl"])
    assert result.exit_code == 1, result.output
    assert ("  Violation  fact:002-participation-colombo  cg:participant  = place:colomboo  "
            f"(data/002_0916525940670b2c.ttl:{number})") in result.stdout.splitlines()
    assert "does not conform: 1 violation, 0 warnings in 1 file" in result.stdout.splitlines()


#: the one shape of a project that carries its own vocabulary: every city states its population
_OWN_SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix cgsh: <https://w3id.org/citygraph/shapes#> .

cgsh:City-population a sh:PropertyShape ;
    sh:targetClass cg:City ;
    sh:path cg:population ;
    sh:minCount 1 ;
    sh:message "A city states its population." .
"""

_OWN_DATA = """@prefix cg: <https://w3id.org/citygraph/ontology#> .
@prefix place: <https://w3id.org/citygraph/id/place/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

place:testville a cg:City ;
    rdfs:label "Testville"@en .
"""


def _own_project(folder):
    """A project with its own ontology (the shipped one) and its own shapes (one shape)."""
    shutil.copytree(ROOT / "ontology", folder / "ontology")
    (folder / "shapes").mkdir()
    (folder / "shapes" / "population.ttl").write_text(_OWN_SHAPE, encoding="utf-8")
    (folder / "data").mkdir()
    (folder / "data" / "one.ttl").write_text(_OWN_DATA, encoding="utf-8")
    (folder / "citygraph.toml").write_text("[project]\n", encoding="utf-8")
    return folder


_OWN_REPORT = [
    "cgsh:City-population: 1 violation",
    "  A city states its population.",
    "  Violation  place:testville  cg:population  (data/one.ttl:5)",
    "",
    "does not conform: 1 violation, 0 warnings in 1 file",
]


def test_validate_run_in_one_project_after_import_in_another_uses_the_shapes_of_the_first(
        tmp_path):
    """The validation modules are imported in this repository (a project with its own shapes);
    the command then runs in another project: its shapes, not those seen at import, apply."""
    project = _own_project(tmp_path / "a")
    code = ("import os, sys; import citygraph.graph.validation, citygraph.commands.validate; "
            "from citygraph.cli import cli; os.chdir(sys.argv[1]); "
            "cli.main(['validate', 'data/one.ttl'], prog_name='citygraph')")
    env = {**os.environ, "CITYGRAPH_QUIET": "1",
           "PYTHONPATH": str(Path(citygraph.__file__).parents[1])}
    done = subprocess.run([sys.executable, "-c", code, str(project)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == _OWN_REPORT


def test_validate_in_process_uses_the_project_it_runs_in(tmp_path, monkeypatch):
    import citygraph.graph.validation  # noqa: F401  (imported here, in this repository)

    project = _own_project(tmp_path / "a")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["validate", "data/one.ttl"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == _OWN_REPORT


def test_a_build_of_another_project_validates_with_that_projects_shapes(tmp_path, monkeypatch):
    from citygraph.graph.build import build

    project = _own_project(tmp_path / "a")
    monkeypatch.chdir(ROOT)  # run from this repository, build the other project
    report = build(store_path=tmp_path / "store", root=project)
    assert (report.validated, report.conforms, report.violations) == (True, False, 1)
    assert report.validation_text.splitlines() == [
        "cgsh:City-population: 1 violation",
        "  A city states its population.",
        f"  Violation  place:testville  cg:population  ({project / 'data' / 'one.ttl'}:5)",
        "",
        "does not conform: 1 violation, 0 warnings in 1 file",
    ]
