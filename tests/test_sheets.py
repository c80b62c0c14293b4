"""Curation sheets: compile gives the Turtle a curator would write, and reports what it cannot."""

import csv
import re
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from citygraph.cli import cli
from citygraph.curation.sheets import MARKER, SHEETS, compile_source, read_sheets
from citygraph.graph.project import find
from citygraph.namespaces import CG, CGR, PREFIXES
from conftest import DATA, ROOT

SEED_002 = DATA / "002_0916525940670b2c.ttl"
DOC_002 = CGR["doc/002"]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def write(folder, kind, rows):
    folder.mkdir(parents=True, exist_ok=True)
    columns = [c for c, _, _ in SHEETS[kind]]
    with (folder / f"{kind}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_the_sheets_of_seed_002_compile_to_its_data_file(tmp_path):
    """sheets/002 gives data/002 exactly, less what is written above the compiled block."""
    out = tmp_path / "002.ttl"
    path, triples = compile_source(find(ROOT), "002", sheets_dir=ROOT / "sheets" / "002",
                                   output=out)
    assert path == out and len(triples) == 528
    want = Graph().parse(SEED_002)
    got = Graph().parse(out)
    # The intended difference: the document's node and its publisher are written by
    # `citygraph source add` (and by hand: dcterms:creator, comments, the Korean name)
    # above the compiled block, not typed in sheets.
    publisher = want.value(DOC_002, URIRef(PREFIXES["dcterms"] + "publisher"))
    above = [(s, p, o) for s, p, o in want
             if s in (DOC_002, publisher) and p != CG.statedCount]
    assert len(above) == 14
    for triple in above:
        got.add(triple)
    _, missing, extra = graph_diff(to_isomorphic(want), to_isomorphic(got))
    assert (sorted(missing), sorted(extra)) == ([], [])


def test_the_sheets_of_seed_003_compile_to_its_data_file(tmp_path, shared):
    """sheets/003 gives data/003 exactly, less the document's node (above the compiled block):
    a series and its volumes, an online symposium and its sessions, supporters, two posts of one
    person, talks at a session of the event their speakers take part in, dated projects."""
    out = tmp_path / "003.ttl"
    path, triples = compile_source(find(ROOT), "003", sheets_dir=ROOT / "sheets" / "003",
                                   output=out)
    assert path == out and len(triples) == 431
    want = Graph().parse(DATA / "003_3a7fcbb99fd848f0.ttl")
    got = Graph().parse(out)
    doc = CGR["doc/003"]
    above = [(s, p, o) for s, p, o in want if s == doc]
    assert len(above) == 9
    for triple in above:
        got.add(triple)
    _, missing, extra = graph_diff(to_isomorphic(want), to_isomorphic(got))
    assert (sorted(missing), sorted(extra)) == ([], [])


def test_compile_keeps_the_hand_written_part_and_replaces_the_compiled_one(tmp_path, shared):
    target = tmp_path / "002.ttl"
    head = SEED_002.read_text(encoding="utf-8").split("\n\n# Described in the file", 1)[0]
    target.write_text(head + "\n", encoding="utf-8")
    project = find(ROOT)
    compile_source(project, "002", sheets_dir=ROOT / "sheets" / "002", output=target)
    first = target.read_text(encoding="utf-8")
    assert first.startswith(head) and first.count(MARKER) == 1
    compile_source(project, "002", sheets_dir=ROOT / "sheets" / "002", output=target)
    assert target.read_text(encoding="utf-8") == first  # deterministic, and idempotent
    from citygraph.graph.evidence import check_files

    assert check_files([target], project) == []


def _project(tmp_path, monkeypatch):
    assert run("init", tmp_path).exit_code == 0
    (tmp_path / "data" / "gazetteer" / "places.csv").write_text(
        "slug,kind,label,country,part_of,lookup,alt_labels\n"
        "country-kr,country,South Korea,\"Korea, Republic of\",,,Korea\n"
        "country-lk,country,Sri Lanka,Sri Lanka,,,\n"
        "seoul,city,Seoul,\"Korea, Republic of\",,,\n"
        "colombo,city,Colombo,Sri Lanka,,,\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("gazetteer").exit_code == 0
    (tmp_path / "news.txt").write_text(
        "Seoul and Colombo sign an MOU\n\nOn Wednesday, June 8th, Seoul Mayor Won-soon Park "
        "and Colombo Mayor A.J.M Muzammil signed an MOU for the cooperating cities.\n"
        "Mayor Park gave a keynote speech on smart cities at the forum held on 8-10 June 2016.\n",
        encoding="utf-8")
    result = run("source", "add", "news.txt", "--title", "Seoul and Colombo sign an MOU",
                 "--publisher", "Seoul Policy Archive", "--date", "2016-06-23")
    assert result.exit_code == 0, result.output
    return tmp_path


def test_a_new_source_from_template_to_build(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    result = run("sheets", "template", "sheets/000")
    assert result.exit_code == 0, result.output
    assert read_sheets(project / "sheets" / "000") == {kind: [] for kind in SHEETS}
    sheets = project / "sheets" / "000"
    write(sheets, "organizations", [
        {"name": "Seoul Metropolitan Government", "type": "LocalGovernment", "governs": "Seoul",
         "based_in": "Seoul"},
        {"name": "City of Colombo", "type": "LocalGovernment", "governs": "Colombo",
         "based_in": "Colombo"}])
    write(sheets, "people", [
        {"name": "Won-soon PARK", "title": "Seoul Mayor", "role": "Mayor",
         "post": "Mayor of Seoul", "organization": "Seoul Metropolitan Government",
         "as_of": "2016-06-08", "evidence": "Seoul Mayor Won-soon Park"},
        {"name": "A.J.M MUZAMMIL", "title": "Colombo Mayor", "role": "Mayor",
         "post": "Mayor of Colombo", "organization": "City of Colombo", "as_of": "2016-06-08",
         "evidence": "Colombo Mayor A.J.M Muzammil"}])
    write(sheets, "events", [
        {"name": "the forum", "type": "forum", "date": "8-10 June 2016", "host_place": "Seoul",
         "evidence": "at the forum held on 8-10 June 2016"}])
    write(sheets, "talks", [
        {"speaker": "Won-soon Park", "event": "the forum", "type": "keynote",
         "on_behalf_of": "Seoul",
         "evidence": "Mayor Park gave a keynote speech on smart cities at the forum"}])
    write(sheets, "agreements", [
        {"type": "mou", "label": "MOU between Seoul and Colombo", "parties": "Seoul | Colombo",
         "signatories": "Won-soon Park | A.J.M Muzammil", "date": "2016-06-08",
         "evidence": "signed an MOU for the cooperating cities"}])
    result = run("sheets", "compile", "000")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "data/000_seoul-and-colombo-sign-an-mou.ttl: 78 triples from the sheets\n")
    g = Graph().parse(project / "data" / "000_seoul-and-colombo-sign-an-mou.ttl")
    park = CGR["person/park-won-soon"]
    assert sorted(str(o) for o in g.objects(park, None) if isinstance(o, Literal)) == [
        "PARK Won-soon", "Park", "Won-soon", "Won-soon Park", "Won-soon Park"]
    # the talk, and the speaker participation a talk needs
    assert (CGR["fact/000-talk-park-won-soon"], CG.talkType, CGR["talk-type/keynote"]) in g
    part = CGR["fact/000-participation-park-won-soon"]
    assert (part, CG.participantRole, CGR["participant-role/speaker"]) in g
    assert (part, CG.onBehalfOf, CGR["place/seoul"]) in g
    # the agreement's deterministic IRI, its date, every name mentioned
    mou = CGR["agreement/000-mou-seoul-colombo"]
    assert str(g.value(mou, URIRef(PREFIXES["dcterms"] + "date"))) == "2016-06-08"
    assert sorted(str(s).rsplit("/", 1)[1] for s in g.subjects(CG.mentionedIn, CGR["doc/000"])) == [
        "colombo", "colombo-government", "muzammil-a-j-m", "park-won-soon", "seoul",
        "seoul-government", "seoul-policy-archive"]
    event = CGR["event/the-forum"]
    assert [str(g.value(event, URIRef(PREFIXES["schema"] + p))) for p in ("startDate", "endDate")] \
        == ["2016-06-08", "2016-06-10"]
    result = run("validate", "data/000_seoul-and-colombo-sign-an-mou.ttl")
    assert result.exit_code == 0, result.output
    result = run("build")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2].startswith("validation: conforms")
    # a keynote given on behalf of a place is among the event's speakers
    result = run("query", "event-speakers", "-p", "event=event:the-forum", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.output.splitlines()))
    assert [(r["speaker_label"], r["talk_type"].rsplit("/", 1)[1], r["on_behalf_of_label"])
            for r in rows] == [("PARK Won-soon", "keynote", "Seoul")]


def test_an_agreement_of_two_types_is_one_row(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    write(project / "sheets" / "000", "agreements", [
        {"type": "mou | declaration", "label": "MOU between Seoul and Colombo",
         "parties": "Seoul | Colombo", "date": "2016-06-08",
         "evidence": "signed an MOU for the cooperating cities"}])
    compile_source(find(), "000")
    assert run("build").exit_code == 0
    result = run("query", "place-agreements", "-p", "place=place:seoul", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.output.splitlines()))
    # (GROUP_CONCAT leaves the order of the joined types to the engine)
    assert [(r["agreement"].rsplit("/", 1)[1], sorted(r["type"].split("; ")), r["name"],
             r["partners"]) for r in rows] == [
        ("000-mou-declaration-seoul-colombo", ["agt:declaration", "agt:mou"],
         "MOU between Seoul and Colombo", "Colombo")]


def test_unresolved_and_ambiguous_names_are_reported_with_sheet_row_and_column(
        tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    sheets = project / "sheets" / "000"
    write(sheets, "organizations", [
        {"id": "seoul-a", "name": "SMG", "type": "Department"},
        {"id": "seoul-b", "name": "SMG", "type": "Company"}])
    write(sheets, "ties", [
        {"type": "sister-city", "parties": "Seoul | Busan", "evidence": "signed an MOU"},
        {"type": "twinning", "parties": "Seoul | SMG", "date": "next spring", "evidence": ""},
        {"type": "cooperation", "parties": "Seoul | Colmbo", "evidence": "signed an MOU"}])
    result = run("sheets", "compile", "000")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "citygraph: error: 6 cell(s) cannot be compiled; nothing written:",
        "  ties.csv:2:parties: 'Busan' names no place or organization or person of the graph or "
        "the sheets (add it to a sheet, the gazetteer, or write its IRI)",
        "  ties.csv:3:date: 'next spring': not a form citygraph reads (2016-06-08, 4-6 September "
        "2014, Sept. 2015, 2018, ...)",
        "  ties.csv:3:evidence: empty: every fact needs its quote from the source",
        "  ties.csv:3:parties: 'SMG' names 2 entities: cgorg:seoul-a, cgorg:seoul-b; write the "
        "IRI of one",
        "  ties.csv:3:type: 'twinning' is not a tiet: concept of the vocabulary; one of "
        "collaboration, cooperation, friendship, pilot-partnership, policy-advice, "
        "policy-transfer, sister-city",
        "  ties.csv:4:parties: 'Colmbo' names no place or organization or person of the graph "
        "or the sheets (add it to a sheet, the gazetteer, or write its IRI); did you mean "
        "'Colombo' (place:colombo)?",
    ]
    assert MARKER not in (project / "data" / "000_seoul-and-colombo-sign-an-mou.ttl").read_text()


def test_dates_as_sources_write_them_keep_their_precision(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    sheets = project / "sheets" / "000"
    write(sheets, "ties", [
        {"id": f"t{i}", "type": "cooperation", "parties": "Seoul | Colombo", "date": date,
         "evidence": "signed an MOU"}
        for i, date in enumerate(["4-6 September 2014", "Sept. 2015", "2018", "2016-06-08"])])
    path, _ = compile_source(find(), "000")
    g = Graph().parse(path)
    dcterms_date = URIRef(PREFIXES["dcterms"] + "date")

    def dates(i):
        node = CGR[f"fact/t{i}"]
        return [str(g.value(node, p)) if g.value(node, p) is not None else None
                for p in (CG.dateEarliest, CG.dateLatest, dcterms_date)]

    assert [dates(i) for i in range(4)] == [
        ["2014-09-04", "2014-09-06", None],
        ["2015-09-01", "2015-09-30", None],
        ["2018-01-01", "2018-12-31", None],
        [None, None, "2016-06-08"],
    ]


def test_an_xlsx_workbook_is_read_like_the_csv_files(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "people"
    sheet.append(["name", "title", "as_of", "evidence"])
    sheet.append(["#example", "", "", ""])
    sheet.append(["A.J.M MUZAMMIL", "Colombo Mayor", __import__("datetime").date(2016, 6, 8),
                  "Colombo Mayor A.J.M Muzammil"])
    book.save(tmp_path / "sheets.xlsx")
    rows = read_sheets(tmp_path)["people"]
    assert [(r.sheet, r.number, r.get("name"), r.get("as_of")) for r in rows] == [
        ("sheets.xlsx[people]", 3, "A.J.M MUZAMMIL", "2016-06-08")]


def test_an_unknown_column_is_refused_with_the_columns_of_its_sheet(tmp_path):
    shutil.rmtree(tmp_path, ignore_errors=True)
    tmp_path.mkdir()
    (tmp_path / "memberships.csv").write_text("member,network\nTokyo,ANMC21\n", encoding="utf-8")
    result = run("sheets", "compile", "002", "--sheets", tmp_path, "--output", tmp_path / "x.ttl")
    assert result.exit_code == 2
    assert result.output == ("citygraph: error: memberships.csv:1: unknown column 'network'; the "
                             "columns of memberships are id, member, organization, role, as_of, "
                             "date, end, ended, evidence, note\n")


def test_the_modelling_guide_describes_every_column_of_every_sheet():
    guide = (ROOT / "docs" / "modelling.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `(\w+)\.csv`\n(.*?)(?=^##)", guide, re.M | re.S))
    assert list(sections) == list(SHEETS)
    missing = [(kind, column) for kind, columns in SHEETS.items() for column, _, _ in columns
               if f"| `{column}` |" not in sections[kind]]
    assert missing == []


def test_a_former_post_is_not_current_and_hidden_labels_are_found(tmp_path, monkeypatch):
    import citygraph

    project = _project(tmp_path, monkeypatch)
    sheets = project / "sheets" / "000"
    write(sheets, "organizations", [
        {"name": "City of Colombo", "type": "LocalGovernment", "governs": "Colombo"}])
    write(sheets, "people", [
        {"name": "A.J.M MUZAMMIL", "title": "Colombo Mayor", "role": "Mayor",
         "post": "Mayor of Colombo", "organization": "City of Colombo", "as_of": "2016-06-08",
         "evidence": "Colombo Mayor A.J.M Muzammil"},
        {"name": "Won-soon PARK", "title": "Seoul Mayor", "role": "Mayor", "post": "Mayor",
         "organization": "City of Colombo", "as_of": "2016-06-08", "ended": "former",
         "evidence": "Seoul Mayor Won-soon Park"}])
    compile_source(find(), "000")
    target = citygraph.connect(citygraph.build(memory=True, validate=False).store)
    rows = citygraph.query("posts-at-date", target, plain=True, date="2016-06-08")
    assert [(r["holder_label"], r["basis"]) for r in rows] == [
        ("MUZAMMIL A.J.M", "stated for this date")]
    # the gazetteer keeps GeoNames' other spellings as hidden labels, and find-name finds them
    found = citygraph.query("find-name", target, plain=True, text="kalomba")
    assert [(r["entity"].rsplit("/", 1)[1], r["matched"], r["property"].rsplit("#", 1)[1])
            for r in found] == [("colombo", "Kalomba", "hiddenLabel")]


def test_empty_required_cells_and_quotes_not_in_the_text_are_located_in_the_sheet(
        tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    sheets = project / "sheets" / "000"
    write(sheets, "projects", [{"name": "Smart city pilot", "evidence": "smart cities"}])
    write(sheets, "agreements", [
        {"type": "mou", "parties": "Seoul | Colombo", "date": "2016-06-08",
         "evidence": "On Wednesday, June 8th, Seoul Mayor Won-soon Park and Colombo Mayor "
                     "A.J.M Muzammil signed a MOU for the cooperating cities | at the forum"}])
    result = run("sheets", "compile", "000")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "citygraph: error: 2 cell(s) cannot be compiled; nothing written:",
        "  agreements.csv:2:evidence: 'On Wednesday, June 8th, Seoul Mayor Won-soon Park and "
        "Colombo Mayor A.J.M Muzammil signed a MOU for the cooperating cities' is not in the "
        "text of 000_seoul-and-colombo-sign-an-mou.txt; nearest: 'On Wednesday, June 8th, Seoul "
        "Mayor Won-soon Park and Colombo Mayor A.J.M Muzammil signed an MOU for the cooperating "
        "cities.'; it differs at 'a', where the text has 'an'",
        "  projects.csv:2:type: empty: a row of projects needs its type; one of "
        "cooperation-project, joint-project, pilot-program, pilot-project",
    ]
