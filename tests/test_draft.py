"""sheets draft: rows proposed from a source's text, with exact evidence, why and confidence."""

import csv
import datetime as dt

import pyoxigraph as ox

from citygraph.curation.draft import draft_rows
from citygraph.curation.sheets import read_sheets
from citygraph.graph.evidence import collapse
from citygraph.places.lookup import Index
from test_sheets import _project, run

TEXT = ("The 7th CITYNET Congress held in Seoul on 7-9 November gathered more than 300 people "
        "from 50 cities.\nThe members of CityNet include Seoul, Colombo and Bogor.\n"
        "Seoul Mayor Won-soon Park and Colombo Mayor A.J.M Muzammil signed an MOU.\n")


def _index():
    base, label = "https://w3id.org/citygraph/id/", "http://www.w3.org/2000/01/rdf-schema#label"
    turtle = "".join(
        f"<{base}{kind}/{slug}> a <https://w3id.org/citygraph/ontology#{cls}> ; <{label}> "
        f"\"{name}\" .\n" for kind, slug, cls, name in [
            ("place", "seoul", "City", "Seoul"), ("place", "colombo", "City", "Colombo"),
            ("place", "bogor", "City", "Bogor"), ("org", "citynet", "CityNetwork", "CityNet")])
    schema = ("<https://w3id.org/citygraph/ontology#City> "
              "<http://www.w3.org/2000/01/rdf-schema#subClassOf> "
              "<https://w3id.org/citygraph/ontology#Place> .\n"
              "<https://w3id.org/citygraph/ontology#CityNetwork> "
              "<http://www.w3.org/2000/01/rdf-schema#subClassOf> "
              "<http://www.w3.org/ns/org#Organization> .\n")
    index = Index()
    for t in ox.parse((schema + turtle).encode(), format=ox.RdfFormat.TURTLE):
        index.add(t.subject, t.predicate, t.object)
    return index


def test_a_list_of_members_a_numbered_event_a_count_and_an_agreement():
    draft = draft_rows(TEXT, _index(), "005", doc_date=dt.date(2016, 11, 30))
    rows = draft.rows
    assert [(r["member"], r["organization"], r["role"], r["as_of"]) for r in rows["memberships"]] \
        == [("place:seoul", "cgorg:citynet", "member", "2016-11-30"),
            ("place:colombo", "cgorg:citynet", "member", "2016-11-30"),
            ("place:bogor", "cgorg:citynet", "member", "2016-11-30")]
    assert [(r["name"], r["type"], r["series_number"], r["host_place"], r["date"])
            for r in rows["events"]] == [
        ("CITYNET Congress", "conference", "7", "place:seoul", "2016-11-07/2016-11-09")]
    assert [(r["subject"], r["value"], r["of"], r["qualifier"]) for r in rows["counts"]] == [
        ("CITYNET Congress", "300", "people", "more than"),
        ("CITYNET Congress", "50", "cities", "exactly")]
    [mou] = rows["agreements"]
    assert (mou["type"], mou["parties"], mou["signatories"]) == (
        "mou", "place:seoul | place:colombo", "Won-soon PARK | A.J.M MUZAMMIL")
    assert [(r["name"], r["title"], r["role"]) for r in rows["people"]] == [
        ("Won-soon PARK", "Seoul Mayor", "Mayor"), ("A.J.M MUZAMMIL", "Colombo Mayor", "Mayor")]
    # every drafted row says why and how sure, and quotes its sentence exactly
    for kind, kind_rows in rows.items():
        for row in kind_rows:
            assert row["why"] and 0 < float(row["confidence"]) <= 1, (kind, row)
            if row.get("evidence"):
                assert row["evidence"] in TEXT
    assert mou["evidence"] == ("Seoul Mayor Won-soon Park and Colombo Mayor A.J.M Muzammil "
                               "signed an MOU.")
    assert [(m.text, m.iri.rsplit("/", 1)[1]) for m in draft.mentions[:3]] == [
        ("CITYNET", "citynet"), ("Seoul", "seoul"), ("CityNet", "citynet")]


def test_draft_writes_beside_the_sheets_and_keeps_an_edited_draft(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    result = run("sheets", "draft", "0")
    assert result.exit_code == 0, result.output
    folder = project / "sheets" / "000" / "draft"
    assert "sheets/000/draft/agreements.csv: 1 row(s)" in result.output.splitlines()
    with (folder / "agreements.csv").open(encoding="utf-8") as handle:
        [mou] = list(csv.DictReader(handle))
    assert (mou["type"], mou["parties"], mou["signatories"], mou["date"]) == (
        "mou", "place:seoul | place:colombo", "Won-soon PARK | A.J.M MUZAMMIL", "2016-06-08")
    assert mou["why"] == "agreement word 'MOU' with the names of its sentence as parties"
    text = (project / "sources" / "000_seoul-and-colombo-sign-an-mou.txt").read_text("utf-8")
    assert collapse(mou["evidence"]) in collapse(text)
    # compile reads only the curator's sheets: the drafts are not facts
    assert read_sheets(project / "sheets" / "000") == {}
    # a draft a person edited is kept; the others are drafted again
    edited = (folder / "people.csv").read_text(encoding="utf-8") + "Kim,,,,,,,,,,,,\n"
    (folder / "people.csv").write_text(edited, encoding="utf-8")
    again = run("sheets", "draft", "000")
    assert again.exit_code == 0, again.output
    assert "sheets/000/draft/people.csv: kept (edited since it was drafted)" in \
        again.output.splitlines()
    assert (folder / "people.csv").read_text(encoding="utf-8") == edited


def test_accepted_rows_move_into_the_curators_sheet_and_compile(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    assert run("sheets", "draft", "000").exit_code == 0
    result = run("sheets", "accept", "000", "agreements", "2", "--set", "signatories=",
                 "--set", "label=MOU between Seoul and Colombo")
    assert result.output == "sheets/000/agreements.csv: 1 row(s) accepted\n", result.output
    with (project / "sheets" / "000" / "agreements.csv").open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert "why" not in row and (row["label"], row["parties"], row["signatories"]) == (
        "MOU between Seoul and Colombo", "place:seoul | place:colombo", "")
    # the accepted row leaves the draft; a rejected one too
    with (project / "sheets" / "000" / "draft" / "agreements.csv").open(encoding="utf-8") as f:
        assert list(csv.DictReader(f)) == []
    assert run("sheets", "accept", "000", "people", "2", "--reject").exit_code == 0
    result = run("sheets", "accept", "000", "people", "9")
    assert result.exit_code == 2
    assert result.output.endswith("people.csv: no drafted row 9 (rows 2-2)\n")
    result = run("sheets", "accept", "001", "people", "2")
    assert result.exit_code == 2
    assert result.output.endswith("sheets/001/draft/people.csv: no such draft; run `citygraph "
                                  "sheets draft 001` first\n"), result.output
    for extra in ([], ["--reject"]):
        result = run("sheets", "accept", "000", "person", "2", *extra)
        assert result.exit_code == 2
        assert result.output.splitlines()[-1] == (
            "citygraph: error: 'person' is not a sheet; one of organizations, people, events, "
            "counts, participations, talks, agreements, ties, memberships, projects, mentions")
    result = run("sheets", "compile", "000")
    assert result.output == "data/000_seoul-and-colombo-sign-an-mou.ttl: 10 triples from the " \
                            "sheets\n", result.output
    assert run("validate", "data/000_seoul-and-colombo-sign-an-mou.ttl").exit_code == 0
    # drafting again keeps what was decided: the drafts are still the draft's own files
    again = run("sheets", "draft", "000")
    assert "kept" not in again.output


def test_a_possessive_is_still_a_name_and_a_near_miss_gets_a_did_you_mean():
    text = "Seoul’s mayor met the mayor of Colmbo.\n"
    draft = draft_rows(text, _index(), "005", doc_date=dt.date(2016, 11, 30))
    assert [(m.text, m.iri.rsplit("/", 1)[1], m.confidence, m.why) for m in draft.mentions] == [
        ("Seoul", "seoul", 0.9, "name of the graph"),
        ("Colmbo", "colombo", 0.3, "no known name; did you mean 'Colombo'?")]
    assert [(r["name"], r["why"]) for r in draft.rows["mentions"]] == [
        ("place:seoul", "name of the graph: 'Seoul'"),
        ("place:colombo", "no known name; did you mean 'Colombo'?: 'Colmbo'")]


def test_who_spoke_or_moderated_takes_part_in_the_event():
    text = ("The 3rd Harbour Cities Forum was held in Colombo on 4 May.\n"
            "Professor LIND Anna of Lund University served as the moderator.\n"
            "Congratulatory remarks by Mr. KIM Minsu, Mayor of Seoul.\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["participant"], r["event"], r["role"], r["on_behalf_of"], r["evidence"])
            for r in rows["participations"]] == [
        ("LIND Anna", "Harbour Cities Forum", "moderator", "Lund University",
         "Professor LIND Anna of Lund University served as the moderator."),
        ("KIM Minsu", "Harbour Cities Forum", "speaker", "City of Seoul",
         "Congratulatory remarks by Mr. KIM Minsu, Mayor of Seoul.")]
    assert [(r["speaker"], r["type"]) for r in rows["talks"]] == [
        ("KIM Minsu", "congratulatory-remarks")]


def test_the_events_of_a_series_listed_with_their_numbers():
    text = ("The forum on “Green Ports” was held in Colombo on 4 May, as part of the Harbour "
            "Cities Forum Series.\nEarlier forums of the series covered Port Logistics (Vol. 1) "
            "and Youth Exchange (Vol. 2).\nThis forum is the 3rd event in the series.\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    series = "Harbour Cities Forum Series"
    assert [(r["name"], r["type"], r["series"], r["series_number"], r["themes"])
            for r in rows["events"] if r["name"] != series] == [
        ("Green Ports", "forum", series, "3", ""),
        ("Port Logistics", "forum", series, "1", ""),
        ("Youth Exchange", "forum", series, "2", "youth")]
    # "(Vol. 1)" does not end the sentence: the listed events quote the whole of it
    assert rows["events"][-1]["evidence"] == ("Earlier forums of the series covered Port "
                                              "Logistics (Vol. 1) and Youth Exchange (Vol. 2).")


def test_a_person_s_posts_their_labels_and_the_bodies_their_titles_name():
    text = ("Colombo Mayor Ann Perera met Seoul Mayor Jin Park on 4 May.\n"
            "CityNet Secretary-General PARK Jiwon opened the meeting.\n"
            "Remarks by Mr. LEE Sora, Secretary-General of ABCN & Council Member of KAFCO.\n")
    index = _index()
    smg = ox.NamedNode("https://w3id.org/citygraph/id/org/seoul-government")
    index.add(smg, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
              ox.NamedNode("https://w3id.org/citygraph/ontology#LocalGovernment"))
    index.add(smg, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
              ox.Literal("Seoul Metropolitan Government"))
    rows = draft_rows(text, index, "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["name"], r["title"], r["role"], r["post"], r["organization"])
            for r in rows["people"]] == [
        ("Ann PERERA", "Colombo Mayor", "Mayor", "Mayor of Colombo", "City of Colombo"),
        ("Jin PARK", "Seoul Mayor", "Mayor", "Mayor of Seoul", "cgorg:seoul-government"),
        ("PARK Jiwon", "CityNet Secretary-General", "Secretary-General",
         "Secretary-General of CityNet", "cgorg:citynet"),
        ("LEE Sora", "Secretary-General of ABCN", "Secretary-General",
         "Secretary-General of ABCN", "ABCN"),
        ("LEE Sora", "Council Member of KAFCO", "Council Member", "Council Member of KAFCO",
         "KAFCO")]
    # a mayor's city without a government in the graph: its body is proposed
    assert [(r["name"], r["type"], r["based_in"], r["governs"]) for r in rows["organizations"]
            if r["type"] == "LocalGovernment"] == [
        ("City of Colombo", "LocalGovernment", "place:colombo", "place:colombo")]


def test_a_named_project_and_its_editions_by_year():
    text = ("The 3rd Harbour Cities Forum was held in Seoul on 4 May.\n"
            "It focused on the Green Harbour Culture (GHC) project.\n"
            "Officials from Colombo (GHC 2018) and Bogor (GHC 2019) presented their work.\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["name"], r["alt_names"], r["participants"], r["part_of"], r["date"],
             r["themes"], r["reported_at"]) for r in rows["projects"]] == [
        ("Green Harbour Culture", "GHC", "", "", "", "culture", ""),
        ("GHC 2018", "", "place:colombo", "Green Harbour Culture", "2018", "culture",
         "Harbour Cities Forum"),
        ("GHC 2019", "", "place:bogor", "Green Harbour Culture", "2019", "culture",
         "Harbour Cities Forum")]
    assert {r["type"] for r in rows["projects"]} == {"cooperation-project"}


def test_hosts_supporters_and_the_organizer_of_a_series():
    text = ("The Colombo Port Authority hosted the online workshop on “Clean Ships” on 5 May.\n"
            "The workshop was supported by the Harbour Cities Association (HCA) and CityNet.\n"
            "The Green Ports Forum was hosted by CityNet with Seoul.\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["name"], r["host"], r["supporter"], r["attendance"]) for r in rows["events"]] == [
        ("Clean Ships", "Colombo Port Authority", "Harbour Cities Association | cgorg:citynet",
         "online"),
        ("Green Ports Forum", "cgorg:citynet | place:seoul", "", "")]
    assert [(r["participant"], r["event"], r["role"]) for r in rows["participations"]] == [
        ("Colombo Port Authority", "Clean Ships", "host"),
        ("cgorg:citynet", "Green Ports Forum", "host"),
        ("place:seoul", "Green Ports Forum", "host")]
    series = ("In its anniversary year, CityNet has been staging a series of seminars such as "
              "Clean Air (Vol. 1) and Safe Roads (Vol. 2), part of the CityNet Seminar Series.\n")
    rows = draft_rows(series, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["name"], r["organizer"]) for r in rows["events"]] == [
        ("CityNet Seminar Series", "cgorg:citynet"), ("Clean Air", "cgorg:citynet"),
        ("Safe Roads", "cgorg:citynet")]


def test_an_event_s_themes_from_its_name_and_its_session_on_its_day():
    text = ("The Urban Regeneration Forum was held in Seoul on 4 May.\n▲ Opening Session\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["name"], r["type"], r["themes"], r["part_of"], r["date"])
            for r in rows["events"]] == [
        ("Urban Regeneration Forum", "forum", "urban-development", "", "2019-05-04"),
        ("Opening Session", "session", "", "Urban Regeneration Forum", "2019-05-04")]


def test_a_speaker_comes_for_the_body_of_the_post_the_text_gives_elsewhere():
    text = ("The 3rd Harbour Cities Forum was held in Colombo on 4 May.\n"
            "CityNet Secretary-General PARK Jiwon welcomed the guests.\n"
            "▲ SG PARK Jiwon delivering opening remarks\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["speaker"], r["type"], r["on_behalf_of"]) for r in rows["talks"]] == [
        ("PARK Jiwon", "welcoming-remarks", "cgorg:citynet")]
    assert [(r["participant"], r["role"], r["on_behalf_of"]) for r in rows["participations"]] \
        == [("PARK Jiwon", "speaker", "cgorg:citynet")]


def test_honorifics_a_body_s_short_name_and_a_transfer_dated_by_its_agreement():
    text = ("Congratulatory remarks by Amb. LEE Sora, Head of Busan Office, KAFCO.\n"
            "The forum was supported by the Seoul Harbour Friendship Association (SHFA).\n"
            "The SHFA also sent observers.\n"
            "Seoul will transfer its tax administration system and waste disposal system to "
            "Colombo.\n"
            "On 8 June, Seoul Mayor Jin Park and Colombo Mayor Ann Perera signed an MOU.\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2016, 6, 23)).rows
    # the honorific before the name; a title ending with its body's short name keeps it;
    # a title is stated for the day its sentence gives, else for the document's
    assert [(r["name"], r["honorific"], r["title"], r["as_of"]) for r in rows["people"]] == [
        ("LEE Sora", "Amb.", "Head of Busan Office, KAFCO", "2016-06-23"),
        ("Jin PARK", "", "Seoul Mayor", "2016-06-08"),
        ("Ann PERERA", "", "Colombo Mayor", "2016-06-08")]
    # the short name in brackets after a drafted body's name is its other name, not a body
    assert [(r["name"], r["alt_names"]) for r in rows["organizations"]
            if "Harbour" in r["name"] or r["name"] == "SHFA"] == [
        ("Seoul Harbour Friendship Association", "SHFA")]
    # each transfer: the themes of its policy, the date of the receiver's agreement
    assert [(r["policy"], r["themes"], r["date"]) for r in rows["ties"]] == [
        ("tax administration system", "taxation", "2016-06-08"),
        ("waste disposal system", "waste-management", "2016-06-08")]


def test_opening_remarks_go_to_the_opening_session_and_a_place_s_units_are_bodies():
    text = ("The Harbour Cities Forum was held in Seoul on 4 May.\n▲ Opening Session\n"
            "▲ Congratulatory remarks by Mr. KIM Minsu\n▲ Closing remarks by Ms. LEE Sora\n"
            "Seoul’s fire emergency department met Colombo’s waste management office.\n")
    index = _index()
    smg = ox.NamedNode("https://w3id.org/citygraph/id/org/seoul-government")
    index.add(smg, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
              ox.Literal("Seoul Metropolitan Government"))
    rows = draft_rows(text, index, "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["speaker"], r["type"], r["event"]) for r in rows["talks"]] == [
        ("KIM Minsu", "congratulatory-remarks", "Opening Session"),
        ("LEE Sora", "closing-remarks", "Harbour Cities Forum")]
    assert [(r["name"], r["type"], r["based_in"], r["part_of"]) for r in rows["organizations"]] \
        == [("Seoul’s fire emergency department", "Department", "place:seoul",
             "cgorg:seoul-government"),
            ("Colombo’s waste management office", "Department", "place:colombo", "")]


def test_agreement_names_and_labels_a_body_s_unit_and_those_who_present():
    text = ("The 3rd Harbour Cities Forum was held in Colombo on 4 May.\n"
            "Seoul and Colombo signed an MOU.\n"
            "Bogor Charter on Clean Harbours for the Region\n"
            "Amb. KIM Minsu, Director of Port Policy Bureau, HCA, spoke.\n"
            "For the case presentations, officials from Seoul and Bogor participated.\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["type"], r["name"], r["label"]) for r in rows["agreements"]] == [
        ("mou", "", "MOU between Seoul and Colombo")]
    from citygraph.curation.draft_agreements import agreement_name

    line = "Bogor Charter on Clean Harbours for the Region"
    assert agreement_name(line, 6, 13) == line
    # "Port Policy Bureau, HCA": a unit of HCA, named both ways
    [bureau] = [r for r in rows["organizations"] if r["name"] == "Port Policy Bureau"]
    assert (bureau["alt_names"], bureau["part_of"]) == ("Port Policy Bureau, HCA", "HCA")
    # those who take part for a presentation speak
    assert [(r["participant"], r["role"]) for r in rows["participations"]
            if r["participant"].startswith("place:")] == [
        ("place:seoul", "speaker"), ("place:bogor", "speaker")]


def test_a_known_name_s_other_name_in_brackets_goes_to_its_mention():
    text = "The Network of Asian Cities (CityNet) met in Seoul (the Korean capital).\n"
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2019, 5, 10)).rows
    assert [(r["name"], r["alt_names"]) for r in rows["mentions"]] == [
        ("cgorg:citynet", "Network of Asian Cities"), ("place:seoul", "")]


def test_a_series_since_a_month_and_its_earlier_events_between_its_start_and_the_report_s():
    text = ("The seminar on “Clean Air” was held on 5 August, as part of the CityNet Seminar "
            "Series.\nCityNet has been staging a series of seminars since March, such as Safe "
            "Roads (Vol. 1) and Green Parks (Vol. 2).\nThis seminar is the 3rd event in the "
            "series.\n")
    rows = draft_rows(text, _index(), "009", doc_date=dt.date(2021, 8, 10)).rows
    assert [(r["name"], r["date"], r["between"], r["series_number"]) for r in rows["events"]] \
        == [("Clean Air", "2021-08-05", "", "3"),
            ("CityNet Seminar Series", "", "since March 2021", ""),
            ("Safe Roads", "", "2021-03-01/2021-08-05", "1"),
            ("Green Parks", "", "2021-03-01/2021-08-05", "2")]
