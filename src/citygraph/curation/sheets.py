"""Curation sheets: a source's facts typed as CSV rows, compiled into its data file.

One folder per source, ``sheets/NNN/``, with one CSV per kind of fact (or one
``.xlsx`` workbook with a sheet per kind). Every fact row has an ``evidence``
column (the verbatim quote; several quotes separated by `` | ``) and may have a
``note`` (what the source leaves vague: ``cg:uncertainty``). Compiling does
the boilerplate: deterministic IRIs (docs/modelling.md), ``prov:wasDerivedFrom``,
``cg:mentionedIn``, a person's name fields from one name cell, the speaker
participation a talk needs, and dates as sources write them with their
precision. Names are resolved against the project's graph (labels and
alternative labels) and the entities the sheets define; a name that matches
nothing, or two entities, is reported with its sheet, row and column.

The data file keeps what is above the line :data:`MARKER` (the document's
node written by ``citygraph source add``, and anything written by hand) and
gets the compiled triples below it.

The column reference is docs/modelling.md ("Curation sheets"); compiling the
rows is :mod:`citygraph.curation.sheets_compile`.
"""

import csv
import io
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from citygraph.curation.sheets_compile import (
    CompileError,
    Problem,
    compile_sheets,
    person_names,
    turtle,
)
from citygraph.errors import InputError, UsageError
from citygraph.fileio import write_atomic
from citygraph.places.lookup import Index

__all__ = ["SHEETS", "MARKER", "Problem", "CompileError", "write_templates", "read_sheets",
           "compile_sheets", "compile_source", "person_names", "turtle"]

#: the line above which a data file is kept as it is, and below which compile writes
MARKER = "# ---- compiled from sheets: edit the sheets, not below this line ----"

_SEP = "|"

#: kind -> [(column, meaning, example)]; the order of the kinds is the order of compiling
SHEETS = OrderedDict([
    ("organizations", [
        ("id", "the local name of the IRI, when not the slug of the name", "un-escap"),
        ("name", "the name the source gives (rdfs:label)",
         "UN Economic and Social Commission for Asia and the Pacific"),
        ("type", "LocalGovernment, Legislature, Department, Secretariat, CityNetwork, "
                 "InternationalOrganization, NationalBody, Embassy, Ministry, Association, "
                 "AcademicInstitution (or University), Company, CivilSocietyOrganization "
                 "(or NGO), Organization, or Venue",
         "InternationalOrganization"),
        ("alt_names", "other names the source uses (skos:altLabel), separated by |; "
                      "name@ko gives a name in a language", "UN ESCAP"),
        ("part_of", "the organization it is part of (org:subOrganizationOf)", ""),
        ("based_in", "the place it is based in (cg:basedIn; for a venue cg:locatedIn)", ""),
        ("governs", "the place a local government governs (cg:governs)", ""),
        ("founded", "when it was founded, at the precision the source gives "
                    "(schema:foundingDate)", ""),
        ("comment", "a remark on the entity (rdfs:comment)", ""),
        ("note", "what the source leaves vague (cg:uncertainty)", ""),
    ]),
    ("people", [
        ("id", "the local name after fact:NNN-holding-, when not the person's (a second post "
               "of one person needs one)", ""),
        ("name", "the person as the source writes it, FAMILY name in capitals "
                 "(\"A.J.M MUZAMMIL\", \"LÊ Vǎn Khoa\"); or person:... for a known person",
         "A.J.M MUZAMMIL"),
        ("honorific", "Mr., Dr., H.E. ... (cg:honorific)", ""),
        ("person_note", "what the source leaves vague about the person", ""),
        ("title", "the title exactly as the source writes it (cg:statedTitle)", "Colombo Mayor"),
        ("role", "the post's short name, for its IRI (post:<org>--<role>)", "Mayor"),
        ("post", "the post's label, when the post is new", "Mayor of Colombo"),
        ("organization", "the organization of the post", "City of Colombo"),
        ("as_of", "the date the source states the holding for (cg:asOf)", "2016-06-08"),
        ("ended", "the date the holding ended, or \"former\" when the source calls the "
                  "holder former as of the as_of date (cg:endedBefore)", ""),
        ("evidence", "the quote, verbatim (several separated by |)",
         "Colombo Mayor A.J.M Muzammil"),
        ("note", "what the source leaves vague about the holding (cg:uncertainty)", ""),
    ]),
    ("events", [
        ("id", "the local name of the IRI, when not the slug of the name", ""),
        ("name", "the event's name as the source gives it (schema:name)",
         "International City Policy Sharing Forum for Sustainable Development Goals"),
        ("label", "a description, for an event the source does not name (rdfs:label)", ""),
        ("type", "forum, conference, seminar, meeting, plenary-meeting, session, visit, ...",
         "forum"),
        ("alt_names", "other names (skos:altLabel), separated by |", ""),
        ("date", "\"8-10 June 2016\", \"2016-06-08/2016-06-10\", \"Sept. 2015\", \"2018\"",
         "8-10 June 2016"),
        ("between", "a range the event fell within when the source does not give its dates "
                    "(cg:dateEarliest, cg:dateLatest): \"2014-09-01/2014-10-15\"; \"since "
                    "February 2021\" gives only the earliest, \"until ...\" the latest", ""),
        ("part_of", "the event it is a session or part of (schema:superEvent)", ""),
        ("series", "the event series it belongs to (cg:inSeries)", ""),
        ("series_number", "its number in a series (13th plenary: 13)", ""),
        ("held_with", "events held together with it (cg:heldWith), separated by |", ""),
        ("organizer", "organizer (schema:organizer), separated by |", ""),
        ("host", "hosts (cg:host), separated by |", "Seoul Metropolitan Government"),
        ("supporter", "organizations that support it (cg:supporter), separated by |", ""),
        ("host_place", "the place it was held in (cg:hostPlace)", "Seoul"),
        ("venue", "the venue (cg:venue)", ""),
        ("attendance", "online, offline or mixed (schema:eventAttendanceMode)", ""),
        ("themes", "theme:... or theme slugs, separated by |", "sustainable-development"),
        ("topic", "the event's theme in the source's words (cg:topic)", ""),
        ("evidence", "the quote, verbatim (several separated by |)",
         "The forum was hosted by the SMG"),
        ("note", "what the source leaves vague (cg:uncertainty)", ""),
    ]),
    ("counts", [
        ("id", "the local name after fact:NNN-count-, when not the slug of `of`", ""),
        ("subject", "the event, place or organization the count is about (a city's "
                    "population, a network's members), or doc for the document itself", ""),
        ("of", "what is counted (cg:countOf)", "participants"),
        ("value", "the number", "107"),
        ("qualifier", "exactly, about, more than, at least", "exactly"),
        ("evidence", "the quote, verbatim", ""),
        ("note", "what the source leaves vague", ""),
    ]),
    ("participations", [
        ("id", "the local name after fact:NNN-participation-, when not the participant's", ""),
        ("participant", "a place, organization or person", "Colombo"),
        ("event", "the event", ""),
        ("role", "delegation, delegate, host, speaker, visitor, observer, ...", "delegation"),
        ("on_behalf_of", "the place or organization a person came for", ""),
        ("in_delegation", "the participant whose delegation the person was in", ""),
        ("head", "the head of a delegation (a person)", ""),
        ("size", "the size of a delegation", ""),
        ("attended", "yes or no (no: absent)", ""),
        ("online", "yes when the participant joined online (schema:eventAttendanceMode)", ""),
        ("proxy", "yes when an absent member submitted a proxy", ""),
        ("evidence", "the quote, verbatim (several separated by |)", ""),
        ("note", "what the source leaves vague", ""),
    ]),
    ("talks", [
        ("id", "the local name after fact:NNN-talk-, when not the speaker's", ""),
        ("speaker", "the person who spoke", ""),
        ("event", "the event or session", ""),
        ("type", "presentation, keynote, lecture, opening-remarks, welcoming-remarks, ...",
         "presentation"),
        ("order", "the talk's place in the programme", ""),
        ("title", "the title of the talk, where the source gives one", ""),
        ("on_behalf_of", "the place or organization the speaker spoke for", ""),
        ("themes", "theme:... or theme slugs, separated by |", ""),
        ("evidence", "the quote, verbatim", ""),
        ("note", "what the source leaves vague", ""),
    ]),
    ("agreements", [
        ("id", "the local name after agreement:, when not NNN-<type>-<parties>", ""),
        ("type", "mou, letter-of-intent, declaration, communique, ... (two: mou | declaration)",
         "mou"),
        ("name", "the agreement's name, where the source gives one (schema:name)", ""),
        ("label", "a description, for an unnamed agreement (rdfs:label)", ""),
        ("parties", "the parties, separated by |", "Seoul | Colombo"),
        ("signatories", "the people who signed, separated by |", ""),
        ("date", "the date, or a range when the source gives only one", "2016-06-08"),
        ("adopted_at", "the event it was adopted or signed at", ""),
        ("themes", "theme:... or theme slugs, separated by |", ""),
        ("sdgs", "UN SDG numbers, separated by |", ""),
        ("evidence", "the quote, verbatim (several separated by |)", ""),
        ("note", "what the source leaves vague", ""),
    ]),
    ("ties", [
        ("id", "the local name after fact:, when not NNN-tie-<parties> / NNN-transfer-...", ""),
        ("type", "sister-city, friendship-city, cooperation, policy-transfer, policy-advice, ...",
         "policy-transfer"),
        ("parties", "both parties of a mutual tie, separated by |", ""),
        ("from", "the giving party of a directed tie (cg:fromParty)", "Seoul"),
        ("to", "the receiving party (cg:toParty)", "Colombo"),
        ("policy", "the policy transferred (cg:policy)", "tax administration system"),
        ("label", "a description of the tie (rdfs:label)", ""),
        ("instrument", "the agreement it rests on (cg:instrument)", ""),
        ("instrument_note", "how, in the source's words (cg:instrumentNote)", ""),
        ("date", "the date, or a range", ""),
        ("as_of", "the date the source states the tie for (cg:asOf)", ""),
        ("themes", "theme:... or theme slugs, separated by |", ""),
        ("evidence", "the quote, verbatim (several separated by |)", ""),
        ("note", "what the source leaves vague", ""),
    ]),
    ("memberships", [
        ("id", "the local name after fact:NNN-membership-, when not <member>-<network>; "
               "two rows of the same member and network need one each", ""),
        ("member", "the member: a place or organization", "Tokyo"),
        ("organization", "the network or organization", "ANMC21"),
        ("role", "member, associate-member, founding-member, chair, vice-chair, "
                 "executive-member, secretariat, secretariat-host, observer, ...", "member"),
        ("as_of", "the date the source states the membership for", "2014-09-06"),
        ("date", "when it started, at the precision the source gives (schema:startDate)", ""),
        ("end", "when it ended, at the precision the source gives (schema:endDate)", ""),
        ("ended", "\"former\" when the source calls the member former as of the as_of date "
                  "(cg:endedBefore)", ""),
        ("evidence", "the quote, verbatim", ""),
        ("note", "what the source leaves vague", ""),
    ]),
    ("projects", [
        ("id", "the local name after project:, when not the slug of the name", ""),
        ("type", "joint-project, cooperation-project, ...", "cooperation-project"),
        ("name", "the project's name (schema:name)", ""),
        ("label", "a description, for an unnamed project (rdfs:label)", ""),
        ("alt_names", "other names (skos:altLabel), separated by |", ""),
        ("of", "the network or organization whose project it is (cg:projectOf)", ""),
        ("participants", "taking part (cg:projectParticipant), separated by |", ""),
        ("reported_by", "who reported it (cg:reportedBy), separated by |", ""),
        ("reported_at", "the event it was reported at", ""),
        ("order", "its place in the source's list", ""),
        ("part_of", "the project it is part of (schema:isPartOf)", ""),
        ("date", "its period at the precision the source gives (schema:startDate, "
                 "schema:endDate): \"2016\" is the year 2016", ""),
        ("themes", "theme:... or theme slugs, separated by |", ""),
        ("evidence", "the quote, verbatim (several separated by |)", ""),
        ("note", "what the source leaves vague", ""),
    ]),
    ("mentions", [
        ("name", "a place, organization or person the source names", "Sri Lanka"),
        ("alt_names", "names the source gives it that the graph lacks (skos:altLabel); "
                      "name@ko gives a name in a language", ""),
        ("comment", "a description this source gives of it (rdfs:comment)", ""),
        ("note", "what this source leaves vague about it (cg:uncertainty)", ""),
    ]),
])

# --- reading -----------------------------------------------------------------------------------


@dataclass
class Row:
    sheet: str
    number: int
    cells: dict

    def get(self, column):
        return (self.cells.get(column) or "").strip()

    def many(self, column):
        return [v.strip() for v in self.get(column).split(_SEP) if v.strip()]


def _csv_rows(path, kind):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte {exc.start}); save the sheet as CSV UTF-8") \
            from None
    reader = csv.DictReader(io.StringIO(text))
    return _checked(path.name, kind, reader.fieldnames or [],
                    [(reader.line_num, r) for r in reader])


def _checked(name, kind, header, numbered):
    known = [c for c, _, _ in SHEETS[kind]]
    unknown = [h for h in header if h and h.strip() not in known]
    if unknown:
        raise InputError(f"{name}:1: unknown column {unknown[0]!r}; the columns of {kind} are "
                         + ", ".join(known))
    rows = []
    for number, cells in numbered:
        cells = {(k or "").strip(): (v or "") for k, v in cells.items() if k}
        filled = [str(v).strip() for v in cells.values() if str(v).strip()]
        if not filled or filled[0].startswith("#"):
            continue  # an empty row, or one marked # (the templates' example rows)
        rows.append(Row(name, number, {k: str(v) for k, v in cells.items()}))
    return rows


def _xlsx_rows(path):
    try:
        import openpyxl
    except ImportError:
        raise InputError(f"{path}: reading .xlsx needs openpyxl (pip install openpyxl)") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise InputError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    sheets = {}
    for ws in book.worksheets:
        kind = ws.title.strip().lower()
        if kind not in SHEETS:
            raise InputError(f"{path}: sheet {ws.title!r} is not one of " + ", ".join(SHEETS))
        values = list(ws.iter_rows(values_only=True))
        if not values:
            continue
        header = [str(h).strip() if h is not None else "" for h in values[0]]
        numbered = []
        for i, row in enumerate(values[1:], start=2):
            cells = {}
            for h, v in zip(header, row, strict=False):
                if not h:
                    continue
                if hasattr(v, "isoformat"):
                    v = v.date().isoformat() if hasattr(v, "date") else v.isoformat()
                cells[h] = "" if v is None else str(v)
            numbered.append((i, cells))
        sheets[kind] = _checked(f"{path.name}[{ws.title}]", kind, header, numbered)
    return sheets


def read_sheets(folder):
    """{kind: [Row]} of a source's sheets folder (CSV files, or one .xlsx workbook)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder of sheets; `citygraph sheets template "
                         f"{folder}` writes one")
    books = sorted(folder.glob("*.xlsx"))
    sheets = {}
    for book in books:
        sheets.update(_xlsx_rows(book))
    for kind in SHEETS:
        path = folder / f"{kind}.csv"
        if path.is_file():
            sheets[kind] = _csv_rows(path, kind)
    return sheets


def write_templates(folder, examples=True):
    """Write one CSV per kind: its header and an example row.

    The example row starts with ``#``, which marks a row compile skips: fill
    in rows below it, or delete it.
    """
    folder = Path(folder)
    written = []
    for kind in SHEETS:
        path = folder / f"{kind}.csv"
        if path.exists():
            raise UsageError(f"{path}: already exists; the templates are not written over sheets")
    for kind, columns in SHEETS.items():
        path = folder / f"{kind}.csv"
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c for c, _, _ in columns])
        if examples:
            row = [e for _, _, e in columns]
            row[0] = "#" + (row[0] or "example")
            writer.writerow(row)
        write_atomic(out.getvalue(), path, mkdir=True)
        written.append(path)
    return written


def compile_source(project, number, sheets_dir=None, output=None):
    """Compile sheets/NNN/ into data/NNN_*.ttl (below :data:`MARKER`); return (path, triples)."""
    from citygraph.curation.sources import data_file_of, prefix_block

    number = f"{int(number):03d}" if str(number).isdigit() else str(number)
    target = Path(output) if output else data_file_of(project, number)
    if target is None:
        raise UsageError(f"no data/{number}_*.ttl: add the source first (`citygraph source add`)")
    folder = Path(sheets_dir) if sheets_dir else project.sheets_dir / number
    sheets = read_sheets(folder)
    head = target.read_text(encoding="utf-8") if target.is_file() else ""
    head = head.split(MARKER, 1)[0].rstrip("\n") + "\n"
    # what the sheets replace is not context: the source's own data file (and the target)
    own = data_file_of(project, number)
    index = Index.of_project(project, skip=[target, *([own] if own else [])])
    if target.is_file():
        import pyoxigraph as ox

        try:
            for t in ox.parse(head.encode("utf-8"), format=ox.RdfFormat.TURTLE):
                index.add(t.subject, t.predicate, t.object)
        except SyntaxError as exc:
            raise InputError(f"{target}: the part above the compiled block does not parse "
                             f"({exc})") from None
    text, text_name = _source_text(project, own or target)
    triples = compile_sheets(sheets, number, index, base=project.base, text=text,
                             text_name=text_name)
    prefixes = {}
    for line in prefix_block(project.base).splitlines():
        m = re.match(r"@prefix\s+(\S*):\s+<([^>]*)>", line)
        prefixes[m.group(1)] = m.group(2)
    if "@prefix" not in head:
        head = prefix_block(project.base) + "\n" + head
    body = turtle(triples, prefixes)
    sources = ", ".join(sorted(f"{folder.name}/{p.name}" for p in folder.iterdir()
                               if p.suffix in (".csv", ".xlsx")))
    text = f"{head}\n{MARKER}\n# from {sources}\n\n{body}"
    write_atomic(text, target, mkdir=True)
    return target, triples


def _source_text(project, data_file):
    """(text, file name) of the document a data file describes (cg:fileName), or (None, "")."""
    from citygraph.rdfio import parse_quads
    from citygraph.texts import read_text

    if data_file is None or not Path(data_file).is_file():
        return None, ""
    try:
        names = [q.object.value for q in parse_quads(data_file)
                 if q.predicate.value == "https://w3id.org/citygraph/ontology#fileName"]
    except InputError:
        return None, ""  # compile reports the broken file itself
    path = project.source_text(names[0]) if names else None
    if path is None:
        return None, ""
    return read_text(path), names[0]
