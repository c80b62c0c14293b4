"""citygraph source add / list: texts kept with their hashes; evidence checked against them."""

import json
import shutil

import pytest
from click.testing import CliRunner

from citygraph.cli import cli
from citygraph.errors import InputError
from citygraph.graph.evidence import check_files, literal_lines
from citygraph.graph.project import find
from citygraph.texts import read_text, sha256
from conftest import DATA, ROOT, SEEDS

NEWS = (
    "Seoul and Colombo sign an MOU\r\n"
    "\r\n"
    "On Wednesday, June 8th, Seoul Mayor Won-soon Park and Colombo Mayor\r\n"
    "A.J.M Muzammil signed an MOU for the cooperating cities.\r\n"
)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def project(tmp_path, monkeypatch):
    assert run("init", tmp_path).exit_code == 0
    (tmp_path / "news.txt").write_bytes(NEWS.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_source_add_stores_the_text_and_starts_the_data_file(project):
    result = run("source", "add", "news.txt", "--title", "Seoul and Colombo sign an MOU",
                 "--publisher", "Seoul Policy Archive", "--date", "23 June 2016",
                 "--url", "https://example.org/news/1", "--language", "en")
    assert result.exit_code == 0, result.output + result.stderr
    text = (project / "sources" / "000_seoul-and-colombo-sign-an-mou.txt").read_bytes()
    assert text == NEWS.replace("\r\n", "\n").encode("utf-8")
    digest = sha256(text.decode("utf-8"))
    assert result.output.splitlines()[:3] == [
        f"source 000: sources/000_seoul-and-colombo-sign-an-mou.txt (sha256 {digest[:12]}…)",
        "data: data/000_seoul-and-colombo-sign-an-mou.ttl",
        "publisher: cgorg:seoul-policy-archive is new (no organization of the graph has that "
        "name)",
    ]
    turtle = (project / "data" / "000_seoul-and-colombo-sign-an-mou.ttl").read_text()
    assert turtle.split("\n\ndoc:000", 1)[1] == (
        " a cg:SourceDocument ;\n"
        '    dcterms:title "Seoul and Colombo sign an MOU" ;\n'
        "    dcterms:publisher cgorg:seoul-policy-archive ;\n"
        '    dcterms:date "2016-06-23"^^xsd:date ;\n'
        '    schema:url "https://example.org/news/1" ;\n'
        '    dcterms:language "en" ;\n'
        '    cg:fileName "000_seoul-and-colombo-sign-an-mou.txt" ;\n'
        f'    cg:sha256 "{digest}" .\n'
        "\n"
        "cgorg:seoul-policy-archive a org:Organization ;\n"
        '    rdfs:label "Seoul Policy Archive" ;\n'
        "    cg:mentionedIn doc:000 .\n"
    )
    # the next source is numbered after it, and the same text again is refused
    (project / "other.txt").write_text("Another text.\n", encoding="utf-8")
    assert run("source", "add", "other.txt", "--title", "Other").output.startswith("source 001:")
    again = run("source", "add", "news.txt", "--title", "Again")
    assert again.exit_code == 2
    assert again.stderr == ("citygraph: error: news.txt: the same text is already source 000 "
                            "(000_seoul-and-colombo-sign-an-mou.txt)\n")
    assert run("build", "--memory").output.splitlines()[-1].startswith("validation: conforms")


def test_source_list_counts_facts_and_quotes_and_reports_a_changed_text(project):
    run("source", "add", "news.txt", "--title", "Seoul and Colombo sign an MOU")
    data = project / "data" / "000_seoul-and-colombo-sign-an-mou.ttl"
    with data.open("a", encoding="utf-8") as handle:
        handle.write('\n<https://w3id.org/citygraph/id/fact/000-tie> a cg:Tie ;\n'
                     '    prov:wasDerivedFrom doc:000 ;\n'
                     '    cg:evidence "signed an MOU", "Seoul Mayor Won-soon Park" .\n')
    result = run("source", "list")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "no   facts quotes  text      title",
        "000      1      2  ok        Seoul and Colombo sign an MOU",
        "(1 sources)",
    ]
    stored = project / "sources" / "000_seoul-and-colombo-sign-an-mou.txt"
    stored.write_text(stored.read_text().replace("June 8th", "June 9th"), encoding="utf-8")
    result = run("source", "list")
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == (
        "000      1      2  changed   Seoul and Colombo sign an MOU")
    assert "000_seoul-and-colombo-sign-an-mou.txt: changed since it was added" in result.stderr
    # validate and build report the changed text at the line of its recorded hash
    problems = check_files([data], find())
    hash_line = next(n for n, line in enumerate(data.read_text().splitlines(), 1)
                     if line.startswith("    cg:sha256 "))
    assert [(p.file, p.line, p.severity) for p in problems] == [
        ("data/000_seoul-and-colombo-sign-an-mou.ttl", hash_line, "Violation")]
    assert "has changed since it was added" in problems[0].message


def test_source_list_reads_a_marked_file_and_names_the_line_of_a_broken_one(project):
    """A data file saved with a UTF-8 byte order mark is listed as build reads it; one that
    does not parse stops the list with one line naming its line and column, exit 2."""
    run("source", "add", "news.txt", "--title", "Seoul and Colombo sign an MOU")
    data = project / "data" / "000_seoul-and-colombo-sign-an-mou.ttl"
    data.write_bytes(b"\xef\xbb\xbf" + data.read_bytes())
    result = run("source", "list")
    assert result.exit_code == 0, result.output + result.stderr
    assert result.output.splitlines()[1] == (
        "000      0      0  ok        Seoul and Colombo sign an MOU")
    with data.open("a", encoding="utf-8") as handle:
        handle.write("\ndoc:000 cg:fileName .\n")
    lines = data.read_text(encoding="utf-8-sig").splitlines()
    result = run("source", "list")
    assert result.exit_code == 2
    assert result.stderr == (f"citygraph: error: {data}:{len(lines)}:21: "
                             ". is not a valid RDF object\n")


def test_source_list_counts_each_file_with_the_ontology_not_an_earlier_files_classes(project):
    """A sub-class of cg:Fact that one data file declares counts that file's instances, and
    not those of a later file that uses the class without declaring it."""
    run("source", "add", "news.txt", "--title", "Seoul and Colombo sign an MOU")
    (project / "other.txt").write_text("A visit.\n", encoding="utf-8")
    run("source", "add", "other.txt", "--title", "A visit")
    first, second = sorted((project / "data").glob("00[01]_*.ttl"))
    with first.open("a", encoding="utf-8") as handle:
        handle.write("\n<http://e/Visit> rdfs:subClassOf cg:Fact .\n"
                     "<http://e/v1> a <http://e/Visit> .\n")
    with second.open("a", encoding="utf-8") as handle:
        handle.write("\n<http://e/v2> a <http://e/Visit> .\n")
    result = run("source", "list")
    assert result.exit_code == 0, result.output + result.stderr
    assert [line.split()[:3] for line in result.output.splitlines()[1:3]] == [
        ["000", "1", "0"], ["001", "0", "0"]]


def test_text_of_html_and_refusal_of_other_bytes(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>News</title><script>x()</script></head>"
                    "<body><p>Seoul and <b>Colombo</b></p><p>signed.</p></body></html>",
                    encoding="utf-8")
    assert read_text(page) == "News\nSeoul and Colombo\nsigned.\n"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Zürich".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin.txt: not UTF-8 text \(byte 1\); save it as UTF-8"):
        read_text(latin)
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(InputError, match="fake.pdf: not a readable PDF"):
        read_text(fake)


def _pdf(lines):
    """A one-page PDF whose text layer holds the lines (Helvetica, one Tj per line)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({t}) Tj T*" for t in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return out


def test_a_pdf_source_is_stored_as_its_text(project):
    (project / "news.pdf").write_bytes(_pdf(["Seoul and Colombo sign an MOU",
                                             "On Wednesday, June 8th, the mayors signed."]))
    result = run("source", "add", "news.pdf", "--title", "Seoul and Colombo sign an MOU")
    assert result.exit_code == 0, result.output
    stored = project / "sources" / "000_seoul-and-colombo-sign-an-mou.txt"
    assert stored.read_text(encoding="utf-8") == (
        "Seoul and Colombo sign an MOU\nOn Wednesday, June 8th, the mayors signed.\n")


def test_a_pdf_is_read_with_its_text_layer(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    path = tmp_path / "blank.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match="the PDF has no text layer"):
        read_text(path)


# --- evidence on the seed files ----------------------------------------------------------


SEED_FILES = sorted(DATA.glob("[0-9][0-9][0-9]_*.ttl"))


def test_every_seed_quote_is_in_its_text_and_each_text_is_unchanged(shared):
    assert len(SEED_FILES) >= 5
    assert check_files(SEED_FILES, find(ROOT)) == []


def test_an_altered_quote_is_reported_with_file_line_and_nearest_passage(shared, tmp_path):
    project = find(ROOT)
    altered = tmp_path / "003_3a7fcbb99fd848f0.ttl"
    source = (DATA / altered.name).read_text(encoding="utf-8")
    quote = "such as Youth Exchange (Vol. 1)"
    assert source.count(f'"{quote}"') == 1
    altered.write_text(source.replace(quote, "such as Youth Exchange (Vol. 2)"), encoding="utf-8")
    (problem,) = check_files([altered], project, shown=lambda p: p.name)
    line = literal_lines(source)[quote][0]
    assert (problem.file, problem.line, problem.node) == (
        altered.name, line, "https://w3id.org/citygraph/id/event/tcs-10th-anniversary-symposium-vol-1")
    assert problem.message == ("the quote of event:tcs-10th-anniversary-symposium-vol-1 is not in "
                               "003_3a7fcbb99fd848f0.txt: \"such as Youth Exchange (Vol. 2)\"")
    assert problem.nearest == "such as Youth Exchange (Vol. 1),"


def test_validate_reports_an_altered_quote(shared, tmp_path, monkeypatch):
    altered = tmp_path / "003_3a7fcbb99fd848f0.ttl"
    text = (DATA / altered.name).read_text(encoding="utf-8")
    altered.write_text(text.replace("Urban Regeneration (Vol. 2)", "Urban Regeneration (Vol 2)"),
                       encoding="utf-8")
    shutil.copy(DATA / "places.ttl", tmp_path / "places.ttl")
    monkeypatch.chdir(ROOT)
    result = run("validate", "--format", "json", altered)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [(e["line"], e["nearest"]) for e in report["evidence"]] == [
        (literal_lines(text)["Urban Regeneration (Vol. 2)"][0], "Urban Regeneration (Vol. 2),")]
    assert report["conforms"] is False


def test_seed_texts_are_where_the_config_says(shared):
    # compared resolved: ../shared may be a symlink, which the project's folders resolve
    assert find(ROOT).source_text("000_6225120ee05bea0d.txt") == \
        (SEEDS / "000_6225120ee05bea0d.txt").resolve()


def test_an_html_page_is_read_in_the_encoding_it_declares_or_refused(tmp_path):
    body = "<html><head>{}</head><body><p>Medellín and 서울</p></body></html>"
    utf8 = tmp_path / "utf8.html"
    utf8.write_bytes(body.format("").encode("utf-8"))  # no <meta charset>: UTF-8 when it is
    assert read_text(utf8) == "Medellín and 서울\n"
    korean = tmp_path / "korean.html"
    korean.write_bytes(body.replace("Medellín", "Busan").format('<meta charset="euc-kr">')
                       .encode("euc-kr"))
    assert read_text(korean) == "Busan and 서울\n"
    latin = tmp_path / "latin.html"
    latin.write_bytes(body.replace(" and 서울", "").format("").encode("windows-1252"))
    with pytest.raises(InputError) as refused:
        read_text(latin)
    assert str(refused.value) == (
        f"{latin}: the page declares no encoding (no <meta charset>) and is not UTF-8 (byte 34); "
        "give its encoding: citygraph source add latin.html --encoding windows-1252 (or the one "
        "it is written in)")
    assert read_text(latin, encoding="windows-1252") == "Medellín\n"


def test_source_remove_takes_the_text_and_an_empty_data_file_and_keeps_the_sheets(project):
    assert run("source", "add", "news.txt", "--title", "Seoul and Colombo sign an MOU"
               ).exit_code == 0
    assert run("sheets", "template", "sheets/000").exit_code == 0
    (project / "sheets" / "000" / "agreements.csv").write_text(
        "type,label,parties,date,evidence\nmou,MOU,place:seoul | place:colombo,2016-06-08,"
        "signed an MOU for the cooperating cities\n", encoding="utf-8")
    data = project / "data" / "000_seoul-and-colombo-sign-an-mou.ttl"
    data.write_text(data.read_text(encoding="utf-8") + "\nfact:x a cg:Tie ; cg:evidence "
                    "\"signed an MOU\" .\n", encoding="utf-8")
    refused = run("source", "remove", "0")
    assert refused.exit_code == 2
    assert refused.stderr == (f"citygraph: error: {data}: holds 1 fact(s); remove them (or the "
                              "sheets' compiled block) first, or give --force\n")
    result = run("source", "remove", "0", "--force")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "removed data/000_seoul-and-colombo-sign-an-mou.ttl",
        "removed sources/000_seoul-and-colombo-sign-an-mou.txt",
        "kept sheets/000/ (your sheets)"]
    assert sorted(p.name for p in (project / "sheets" / "000").iterdir())[0] == "agreements.csv"
    assert run("source", "remove", "0").stderr == (
        "citygraph: error: no source 000: neither data/000_*.ttl nor sources/000_*.txt\n")
