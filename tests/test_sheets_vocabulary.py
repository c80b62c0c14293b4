"""Curation sheets: the vocabulary reports need (roles, types, dates, series) compiles and
validates, and rows that would silently merge or dangle are refused."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from citygraph.curation.sheets import MARKER, compile_source
from citygraph.graph.project import find
from citygraph.namespaces import CG, CGR, PREFIXES
from conftest import ROOT
from test_sheets import _project, run, write

DATA_000 = "data/000_seoul-and-colombo-sign-an-mou.ttl"
SCHEMA = PREFIXES["schema"]
ORG = PREFIXES["org"]


def _validate(project):
    result = run("validate", project / DATA_000)
    assert result.exit_code == 0, result.output
    assert result.output == "conforms: 0 violations, 0 warnings in 1 file\n"


def test_every_organization_type_of_the_guide_is_a_class_of_the_ontology(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    sheets = project / "sheets" / "000"
    types = ["Organization", "NGO", "Secretariat", "Association", "University", "Embassy",
             "Ministry", "CivilSocietyOrganization", "AcademicInstitution"]
    write(sheets, "organizations", [
        {"id": f"o{i}", "name": f"Body {i}", "type": kind} for i, kind in enumerate(types)])
    # each is found by its name, as a member of a network
    write(sheets, "memberships", [
        {"member": f"Body {i}", "organization": "Body 2", "role": "member", "as_of": "2016-06-08",
         "evidence": "signed an MOU"} for i in (0, 1)])
    path, _ = compile_source(find(), "000")
    g = Graph().parse(path)
    assert [str(g.value(CGR[f"org/o{i}"], RDF.type)).rsplit("/", 1)[1]
            for i in range(len(types))] == [
        "org#FormalOrganization", "ontology#CivilSocietyOrganization", "ontology#Secretariat",
        "ontology#Association", "ontology#AcademicInstitution", "ontology#Embassy",
        "ontology#Ministry", "ontology#CivilSocietyOrganization", "ontology#AcademicInstitution"]
    _validate(project)


def test_two_memberships_of_one_member_in_one_network_need_their_own_ids(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    sheets = project / "sheets" / "000"
    write(sheets, "organizations", [{"id": "citynet", "name": "CityNet", "type": "CityNetwork"}])
    rows = [
        {"member": "Seoul", "organization": "CityNet", "role": "chair", "as_of": "2016-06-08",
         "evidence": "Seoul Mayor Won-soon Park"},
        {"member": "Seoul", "organization": "CityNet", "role": "secretariat-host",
         "as_of": "2016-06-08", "evidence": "Seoul Mayor Won-soon Park"},
        {"member": "Colombo", "organization": "CityNet", "role": "", "as_of": "2016-06-08",
         "evidence": "Colombo Mayor A.J.M Muzammil"}]
    write(sheets, "memberships", rows)
    result = run("sheets", "compile", "000")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "citygraph: error: 2 cell(s) cannot be compiled; nothing written:",
        "  memberships.csv:3:id: same membership as row 2 (fact:000-membership-seoul-citynet); "
        "give each row its own id",
        "  memberships.csv:4:role: empty: a row of memberships needs its role; one of "
        "associate-member, chair, coordinator, executive-member, founding-member, member, "
        "observer, pilot-city, secretariat, secretariat-host, vice-chair",
    ]
    assert MARKER not in (project / DATA_000).read_text(encoding="utf-8")
    rows[0]["id"], rows[1]["id"], rows[2]["role"] = "seoul-chair", "seoul-secretariat", "member"
    # a former member, and a membership dated by month and by year
    rows[2].update({"ended": "former", "date": "March 2010"})
    rows[1].update({"date": "2009", "end": "2015"})
    write(sheets, "memberships", rows)
    path, _ = compile_source(find(), "000")
    g = Graph().parse(path)
    chair, host, former = (CGR[f"fact/000-membership-{x}"]
                           for x in ("seoul-chair", "seoul-secretariat", "colombo-citynet"))
    assert g.value(chair, URIRef(ORG + "role")) == CGR["membership-role/chair"]
    assert g.value(host, URIRef(ORG + "role")) == CGR["membership-role/secretariat-host"]
    assert [g.value(host, URIRef(SCHEMA + p)) for p in ("startDate", "endDate")] == [
        Literal("2009", datatype=XSD.gYear), Literal("2015", datatype=XSD.gYear)]
    assert g.value(former, CG.endedBefore) == Literal("2016-06-08", datatype=XSD.date)
    assert g.value(former, CG.asOf) is None
    assert g.value(former, URIRef(SCHEMA + "startDate")) == Literal("2010-03",
                                                                    datatype=XSD.gYearMonth)
    _validate(project)


def test_a_former_post_holding_passes_the_dating_check(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    write(project / "sheets" / "000", "organizations", [
        {"name": "City of Colombo", "type": "LocalGovernment", "governs": "Colombo"}])
    write(project / "sheets" / "000", "people", [
        {"name": "A.J.M MUZAMMIL", "title": "Colombo Mayor", "role": "Mayor",
         "post": "Mayor of Colombo", "organization": "City of Colombo", "as_of": "2016-06-08",
         "ended": "former", "evidence": "Colombo Mayor A.J.M Muzammil"}])
    path, _ = compile_source(find(), "000")
    holding = CGR["fact/000-holding-muzammil-a-j-m"]
    assert Graph().parse(path).value(holding, CG.endedBefore) == Literal("2016-06-08",
                                                                         datatype=XSD.date)
    _validate(project)


def test_a_person_in_a_delegation_links_to_the_delegations_own_row(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    sheets = project / "sheets" / "000"
    write(sheets, "events", [{"name": "the forum", "type": "forum", "date": "8-10 June 2016",
                              "evidence": "at the forum held on 8-10 June 2016"}])
    write(sheets, "people", [{"name": "A.J.M MUZAMMIL"}])
    write(sheets, "participations", [
        {"participant": "A.J.M Muzammil", "event": "the forum", "role": "delegate",
         "in_delegation": "Colombo", "online": "yes", "evidence": "Colombo Mayor A.J.M Muzammil"},
        {"id": "colombo-at-forum", "participant": "Colombo", "event": "the forum",
         "role": "delegation", "evidence": "Colombo Mayor A.J.M Muzammil"},
        {"participant": "A.J.M Muzammil", "event": "the forum", "in_delegation": "Seoul",
         "id": "again", "evidence": "Colombo Mayor A.J.M Muzammil"}])
    result = run("sheets", "compile", "000")
    assert result.exit_code == 2
    assert result.output.splitlines()[1:] == [
        "  participations.csv:4:in_delegation: 'Seoul' has no row of its own at this event; "
        "add the delegation's row"]
    write(sheets, "participations", [
        {"participant": "A.J.M Muzammil", "event": "the forum", "role": "delegate",
         "in_delegation": "Colombo", "online": "yes", "evidence": "Colombo Mayor A.J.M Muzammil"},
        {"id": "colombo-at-forum", "participant": "Colombo", "event": "the forum",
         "role": "delegation", "evidence": "Colombo Mayor A.J.M Muzammil"}])
    path, _ = compile_source(find(), "000")
    g = Graph().parse(path)
    person = CGR["fact/000-participation-muzammil-a-j-m"]
    assert g.value(person, CG.inDelegation) == CGR["fact/000-participation-colombo-at-forum"]
    assert g.value(person, URIRef(SCHEMA + "eventAttendanceMode")) == URIRef(
        SCHEMA + "OnlineEventAttendanceMode")
    _validate(project)


def test_counts_series_supporters_ranges_and_names_in_a_language(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    sheets = project / "sheets" / "000"
    write(sheets, "organizations", [
        {"id": "citynet", "name": "CityNet", "type": "CityNetwork", "founded": "1987",
         "alt_names": "시티넷@ko"},
        {"id": "escap", "name": "UN ESCAP", "type": "InternationalOrganization"}])
    write(sheets, "events", [
        {"id": "congress", "name": "CityNet Congress", "type": "conference",
         "evidence": "the forum"},
        {"id": "forum", "name": "the forum", "type": "forum", "between": "June 2016",
         "series": "CityNet Congress", "held_with": "the meeting", "supporter": "UN ESCAP",
         "attendance": "mixed", "evidence": "the forum"},
        {"id": "meeting", "name": "the meeting", "type": "meeting", "evidence": "the forum"}])
    write(sheets, "counts", [
        {"id": "members", "subject": "CityNet", "of": "member cities", "value": "139",
         "qualifier": "exactly", "evidence": "the forum"},
        {"id": "population", "subject": "Colombo", "of": "inhabitants", "value": "752993",
         "qualifier": "about", "evidence": "the forum"}])
    write(sheets, "talks", [{"speaker": "A.J.M Muzammil", "event": "the forum",
                             "type": "welcoming-remarks", "evidence": "Colombo Mayor"}])
    write(sheets, "people", [{"name": "A.J.M MUZAMMIL"}])
    write(sheets, "mentions", [{"name": "Seoul", "alt_names": "서울@ko",
                                "comment": "The capital of South Korea.",
                                "note": "The text names the city only in its title."}])
    path, _ = compile_source(find(), "000")
    g = Graph().parse(path)
    forum = CGR["event/forum"]
    assert [str(g.value(forum, p)) for p in (CG.dateEarliest, CG.dateLatest)] == [
        "2016-06-01", "2016-06-30"]
    assert g.value(forum, URIRef(SCHEMA + "startDate")) is None
    assert (g.value(forum, CG.inSeries), g.value(forum, CG.heldWith),
            g.value(forum, CG.supporter)) == (CGR["event/congress"], CGR["event/meeting"],
                                              CGR["org/escap"])
    assert g.value(forum, URIRef(SCHEMA + "eventAttendanceMode")) == URIRef(
        SCHEMA + "MixedEventAttendanceMode")
    assert (CGR["org/citynet"], CG.statedCount, CGR["fact/000-count-members"]) in g
    assert (CGR["place/colombo"], CG.statedCount, CGR["fact/000-count-population"]) in g
    assert g.value(CGR["org/citynet"], URIRef(SCHEMA + "foundingDate")) == Literal(
        "1987", datatype=XSD.gYear)
    assert Literal("시티넷", lang="ko") in set(g.objects(CGR["org/citynet"], None))
    seoul = CGR["place/seoul"]
    assert {o for o in g.objects(seoul, None) if isinstance(o, Literal)} == {
        Literal("서울", lang="ko"), Literal("The capital of South Korea.", lang="en"),
        Literal("The text names the city only in its title.")}
    assert g.value(CGR["fact/000-talk-muzammil-a-j-m"], CG.talkType) == CGR[
        "talk-type/welcoming-remarks"]
    _validate(project)


def test_a_new_project_has_the_themes_and_sdgs_the_guide_names(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    assert (project / "data" / "themes.ttl").read_bytes() == (
        find(ROOT).root / "data" / "themes.ttl").read_bytes()
    write(project / "sheets" / "000", "agreements", [
        {"type": "mou", "label": "MOU between Seoul and Colombo", "parties": "Seoul | Colombo",
         "date": "2016-06-08", "themes": "smart-city", "sdgs": "11",
         "evidence": "signed an MOU for the cooperating cities"}])
    path, _ = compile_source(find(), "000")
    g = Graph().parse(path)
    mou = CGR["agreement/000-mou-seoul-colombo"]
    assert (g.value(mou, CG.theme), g.value(mou, CG.sdg)) == (
        CGR["theme/smart-city"], URIRef("http://metadata.un.org/sdg/11"))
    _validate(project)


def test_two_posts_of_one_person_need_their_own_ids(tmp_path, monkeypatch):
    project = _project(tmp_path, monkeypatch)
    write(project / "sheets" / "000", "organizations", [
        {"name": "City of Colombo", "type": "LocalGovernment", "governs": "Colombo"}])
    rows = [{"name": "A.J.M MUZAMMIL", "title": "Colombo Mayor", "role": role, "post": post,
             "organization": "City of Colombo", "as_of": "2016-06-08",
             "evidence": "Colombo Mayor A.J.M Muzammil"}
            for role, post in (("Mayor", "Mayor of Colombo"), ("Chair", "Chair of Colombo"))]
    write(project / "sheets" / "000", "people", rows)
    result = run("sheets", "compile", "000")
    assert result.exit_code == 2
    assert result.output.splitlines()[1:] == [
        "  people.csv:3:id: same holding as row 2 (fact:000-holding-muzammil-a-j-m); give each "
        "post of a person its own id"]
    rows[1]["id"] = "muzammil-chair"
    write(project / "sheets" / "000", "people", rows)
    path, _ = compile_source(find(), "000")
    g = Graph().parse(path)
    assert sorted(str(s).rsplit("/", 1)[1] for s in g.subjects(CG.holder, None)) == [
        "000-holding-muzammil-a-j-m", "000-holding-muzammil-chair"]
