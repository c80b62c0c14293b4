"""A project of one's own: citygraph init, finding the project by walking up, its config."""

import pytest
from click.testing import CliRunner

from citygraph import resources
from citygraph.cli import cli
from citygraph.errors import InputError
from citygraph.graph.build import build
from citygraph.graph.project import CONFIG, find, load
from citygraph.graph.store import source_files
from citygraph.querying.catalog import find_query, list_queries
from conftest import QUERIES, ROOT, SEEDS


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_init_creates_the_folders_and_the_config(tmp_path):
    result = run("init", tmp_path / "p")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"created {tmp_path / 'p' / CONFIG}"
    listed = sorted(p.relative_to(tmp_path / "p").as_posix() for p in (tmp_path / "p").rglob("*"))
    assert listed == [".gitignore", "citygraph.toml", "data", "data/gazetteer",
                      "data/gazetteer/places.csv", "data/themes.ttl", "sheets", "sources"]
    project = load(tmp_path / "p" / CONFIG)
    assert project.base == "https://w3id.org/citygraph/id/"
    assert project.source_dirs == (tmp_path / "p" / "sources",)
    # the shipped vocabulary, shapes and catalog: the project has none of its own
    assert project.ontology_dir == resources.path("ontology")
    assert project.query_dirs == (resources.path("queries"),)


def test_init_refuses_an_existing_project(tmp_path):
    assert run("init", tmp_path).exit_code == 0
    again = run("init", tmp_path)
    assert again.exit_code == 2
    assert again.output == f"citygraph: error: {tmp_path / CONFIG}: a project is already there\n"


def test_the_project_is_found_by_walking_up(tmp_path, monkeypatch):
    run("init", tmp_path, "--base", "https://example.org/id/")
    deep = tmp_path / "sheets" / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    project = find()
    assert project.root == tmp_path.resolve()
    assert project.base == "https://example.org/id/"


def test_this_repository_is_a_project_that_finds_the_seed_texts():
    project = find(ROOT / "src" / "citygraph")
    assert project.root == ROOT
    assert project.config == ROOT / CONFIG
    # a checkout of its own vocabulary uses its folders, not a packaged copy
    assert project.ontology_dir == ROOT / "ontology"
    assert project.queries_dir == QUERIES
    if SEEDS.is_dir():
        # compared resolved: ../shared may be a symlink, which the project's folders resolve
        assert project.source_text("002_0916525940670b2c.txt") == \
            (SEEDS / "002_0916525940670b2c.txt").resolve()
    assert project.source_text("no-such-text.txt") is None


def test_build_in_a_new_project_loads_the_shipped_ontology(tmp_path, monkeypatch):
    run("init", tmp_path)
    monkeypatch.chdir(tmp_path)
    files = source_files()
    assert [p.name for p in files] == ["citygraph.ttl", "schemes.ttl", "themes.ttl"]
    report = build(memory=True, validate=False)
    assert report.loaded == ["ontology/citygraph.ttl", "ontology/schemes.ttl", "data/themes.ttl"]


def test_config_adds_folders_of_queries_to_the_catalog(tmp_path, monkeypatch):
    run("init", tmp_path)
    (tmp_path / "my-queries").mkdir()
    (tmp_path / "my-queries" / "my-cities.rq").write_text(
        "# summary: Every city of the graph.\n# description: Each place typed cg:City.\n"
        "# columns: city\n"
        "SELECT ?city WHERE { ?city a cg:City }\n", encoding="utf-8")
    config = (tmp_path / CONFIG).read_text(encoding="utf-8")
    (tmp_path / CONFIG).write_text(config.replace('queries = []', 'queries = ["my-queries"]'),
                                   encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    names = [q.name for q in list_queries()]
    assert "my-cities" in names and "network-members" in names
    assert find_query("my-cities").summary == "Every city of the graph."
    result = run("queries")
    assert result.exit_code == 0, result.output
    assert "my-cities  [report]" in result.output


def test_a_broken_config_is_one_line_naming_the_file(tmp_path):
    (tmp_path / CONFIG).write_text('[project]\nbase = "not an iri"\n', encoding="utf-8")
    with pytest.raises(InputError, match="base must be an http"):
        load(tmp_path / CONFIG)
    (tmp_path / CONFIG).write_text("[project\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load(tmp_path / CONFIG)
