"""Drafting a source's sheets from its text: rows a curator accepts, edits or rejects.

:func:`draft_rows` reads the stored text of source NNN sentence by sentence
(:mod:`citygraph.curation.draft_text`) and the names it mentions
(:mod:`citygraph.curation.draft_mentions`), and proposes rows for every sheet:
each with its ``evidence`` the exact sentence (so the evidence check passes by
construction), ``why`` (the rule that proposed it) and a ``confidence``. Known
entities are written as prefixed names (``place:seoul``); unknown names become
proposed new entities (organizations, people, events). Lists ("Colombo, Bogor
and Addis Ababa") give one row per item.

:func:`write_draft` writes them to ``sheets/NNN/draft/``, never into the
curator's own sheets, and never over a draft file a person has edited (the
digest of each file as drafted is kept in ``draft/.drafted.json``). ``sheets
compile`` reads only the curator's sheets: a drafted row counts once it is
accepted into them.
"""

import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections import OrderedDict
from pathlib import Path

from citygraph.curation.draft_agreements import agreement_label, agreement_name
from citygraph.curation.draft_hosts import draft_hosts
from citygraph.curation.draft_links import (
    acronyms,
    opening_talks,
    other_name,
    sessions,
    transfer_dates,
    units_in,
)
from citygraph.curation.draft_mentions import Matcher
from citygraph.curation.draft_posts import city_government, complete_posts, split_titles
from citygraph.curation.draft_projects import draft_projects
from citygraph.curation.draft_series import draft_series, series_dates
from citygraph.curation.draft_text import (
    NUMBER_WORDS,
    agreements_in,
    counts_in,
    dates_in,
    events_in,
    people_in,
    sentences,
)
from citygraph.curation.sheets import SHEETS
from citygraph.errors import UsageError
from citygraph.fileio import write_atomic
from citygraph.namespaces import PREFIXES

__all__ = ["DRAFT_COLUMNS", "Draft", "draft_source", "draft_rows", "write_draft"]

#: the columns a draft file adds to its sheet's
DRAFT_COLUMNS = ("why", "confidence")

_CG = "https://w3id.org/citygraph/ontology#"
_ORG_WORDS = {
    "government": "LocalGovernment", "department": "Department", "bureau": "Department",
    "division": "Department", "office": "Department", "ministry": "Ministry",
    "university": "AcademicInstitution", "institute": "AcademicInstitution",
    "academy": "AcademicInstitution", "association": "Association", "council": "Association",
    "network": "CityNetwork", "secretariat": "Secretariat", "corporation": "Company",
    "company": "Company", "embassy": "Embassy", "consulate": "Embassy",
    "congress": "Legislature", "assembly": "Legislature", "duma": "Legislature",
    "organization": "Organization", "organisation": "Organization", "commission":
        "InternationalOrganization", "agency": "NationalBody", "foundation":
        "CivilSocietyOrganization", "committee": "Organization", "center": "Organization",
    "centre": "Organization",
}
_ORG_NAME = re.compile(
    r"\b((?:[A-Z][\w’'&.-]*\s+)(?:(?:of|for|and|the|on|in)\s+|[A-Z][\w’'&.-]*\s+)*?"
    r"(?:" + "|".join(w.capitalize() for w in _ORG_WORDS) + r")\b"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:and\s+)?[A-Z][\w’'&-]*)*)?)")
_ORG_WORD = re.compile(r"\b(" + "|".join(w.capitalize() for w in _ORG_WORDS) + r")\b")
_PAIRED = re.compile(r"\b((?:UN\s+)?[A-Z][\w’'&-]*(?:\s+(?:(?:of|for|and|the|on|in)\s+)*"
                     r"[A-Z][\w’'&-]*)*)\s+\(((?:[A-Z][\w’'&-]*)(?:\s+(?:(?:of|for|and|the|on|in)"
                     r"\s+)*[A-Z][\w’'&-]*)*)\)")
_TITLE_WORD = re.compile(r"\b(?:(?:Vice|Deputy|Executive)\s+)?(?:Secretary-General|Secretary "
                         r"General|Director General|Director-General|Consul-General|Mayor|"
                         r"Governor|Chairman|Chairperson|Chair|President|Director|Minister|"
                         r"Ambassador|Professor|Researcher|Fellow|Head)\b")
_TITLE_OF = re.compile(r"^(?:(?:Vice|Deputy|Executive)\s+)?(?:Chairman|Chairperson|Chair|"
                       r"President|Director|Director General|Secretary-General|Secretary General|"
                       r"Governor|Mayor|Minister|Head|Member)\s+of\s+(?:the\s+)?")
_TRANSFER = re.compile(r"\b(?P<verb>transfer|export|share|import|apply|adopt)(?:s|ed|ing)?\s+"
                       r"(?:of\s+)?(?:(?P<owner>[A-Z][\w]*)[’']s\s+)?(?P<policy>(?:its\s+|the\s+)?"
                       r"[a-z0-9][\w -]*?(?:system|policy|policies|program|programme|model|"
                       r"service|technology|know-how)s?(?:\s+and\s+[\w -]*?(?:system|policy|"
                       r"policies|program|programme|model|service)s?)?)\b")
_BACK_REFERENCE = re.compile(r"\b[Tt]he (?:forum|symposium|conference|meeting|congress|summit|"
                             r"seminar|workshop|plenary|session)\b")
#: words of a sentence -> the policy domain (theme:) its facts are about
_THEMES = [("tax", "taxation"), ("waste", "waste-management"), ("transport", "transport"),
           ("traffic", "transport"), ("railroad", "transport"), ("smart city", "smart-city"),
           ("smart transport", "smart-city"), ("fire", "disaster-management"),
           ("disaster", "disaster-management"), ("training", "capacity-building"),
           ("capacity", "capacity-building"), ("electronic government", "e-government"),
           ("e-government", "e-government"), ("city development", "urban-development"),
           ("urban development", "urban-development"), ("sustainable development",
                                                        "sustainable-development"),
           ("youth", "youth"), ("culture", "culture"), ("tourism", "tourism"),
           ("environment", "environment"), ("climate", "climate-action"),
           ("health", "health"), ("education", "education"), ("trade", "trade"),
           ("regeneration", "urban-development"), ("aging", "ageing"), ("ageing", "ageing"),
           ("peace", "peace-and-security"), ("agricultur", "agriculture")]
_ROLES = [("founding member", "founding-member"), ("vice-chair", "vice-chair"),
          ("vice chair", "vice-chair"), ("chair", "chair"), ("executive", "executive-member"),
          ("secretariat", "secretariat"), ("observer", "observer"),
          ("associate member", "associate-member")]
_TALKS = [("opening remark", "opening-remarks"), ("closing remark", "closing-remarks"),
          ("congratulatory remark", "congratulatory-remarks"), ("welcom", "welcoming-remarks"),
          ("keynote", "keynote"), ("lecture", "lecture"), ("panelist", "panel-statement"),
          ("presentation", "presentation"), ("speaker", "presentation")]
_PARTICIPATE = re.compile(r"\b(?:participat\w*|attend\w*|took part|take part|delegations?|"
                          r"visited|joined)\b", re.I)
#: those who take part "for the case introduction", "to present": they speak
_PRESENTING = re.compile(r"\b(?:present(?:s|ed|ing|ations?)?|introductions?|speak(?:s|ing)?|"
                         r"spoke)\b", re.I)
_OF_BODY = re.compile(r",\s+([A-Z]{2,8})\b(?![\w’'-])")
_HONORIFIC = re.compile(r"\b(Mr\.|Ms\.|Mrs\.|Dr\.|Amb\.|Prof\.|Professor|H\.E\.)\s+$")
_MEMBER = re.compile(r"\bmember(?:s|ship)?\b", re.I)
#: "served as the moderator", "chaired": the part a person named in the sentence had
_CHAIRED = re.compile(r"\b(?:served|acted) as (?:the |an? )?(?P<noun>moderator|chair|chairperson|"
                      r"facilitator|rapporteur|master of ceremonies)\b|"
                      r"\b(?P<verb>moderated|chaired|facilitated)\b", re.I)
_CHAIR_ROLES = {"moderated": "moderator", "chaired": "chair", "chairperson": "chair",
                "facilitated": "facilitator", "master of ceremonies": "moderator"}
_ORDER = re.compile(r"\b(\d+)(?:st|nd|rd|th)\s+(?:Speaker|Panelist|Presenter)\b")


class Draft:
    """The drafted rows of one source, by sheet, and the mentions they were read from."""

    def __init__(self, number, text, mentions, rows):
        self.number = number
        self.text = text
        self.mentions = mentions
        self.rows = rows


def draft_source(project, number):
    """The :class:`Draft` of source ``number`` of ``project`` (its stored text and date)."""
    from citygraph.curation.sheets import _source_text
    from citygraph.curation.sources import data_file_of
    from citygraph.places.lookup import Index

    number = f"{int(number):03d}" if str(number).isdigit() else str(number)
    own = data_file_of(project, number)
    if own is None:
        raise UsageError(f"no data/{number}_*.ttl: add the source first (`citygraph source add`)")
    text, _ = _source_text(project, own)
    if text is None:
        raise UsageError(f"{own}: its document has no stored text (cg:fileName) to draft from")
    # the graph without this source's own facts: what a curator starts from
    index = Index.of_project(project, skip=[own])
    head = own.read_text(encoding="utf-8")
    m = re.search(r'dcterms:date\s+"(\d{4})(?:-(\d\d)-(\d\d))?"', head)
    doc_date = None
    if m:
        doc_date = dt.date(int(m.group(1)), int(m.group(2) or 12), int(m.group(3) or 31))
    return draft_rows(text, index, number, doc_date, base=project.base)


def draft_rows(text, index, number, doc_date=None, base=PREFIXES["cgr"]):
    """Draft every sheet's rows from ``text`` with the names of ``index``."""
    matcher = Matcher(index)
    mentions = matcher.find(text)
    mentions = sorted(mentions + matcher.near_misses(text, mentions), key=lambda m: m.start)
    ctx = _Context(index, base, number, doc_date, mentions)
    for sentence in sentences(text):
        ctx.sentence(sentence)
    acronyms(ctx, text)
    complete_posts(ctx)
    sessions(ctx)
    transfer_dates(ctx)
    opening_talks(ctx)
    series_dates(ctx)
    for rows in ctx.rows.values():
        for row in rows:
            del row["_key"]
    return Draft(number, text, mentions, ctx.rows)


class _Context:
    def __init__(self, index, base, number, doc_date, mentions):
        self.index, self.base, self.number, self.doc_date = index, base, number, doc_date
        self.mentions = mentions
        self.rows = OrderedDict((kind, []) for kind in SHEETS)
        self.keys = set()
        self.main_event = None
        # the date a title is stated for: the document's day, else the first day the text gives
        self.as_of = doc_date.isoformat() if doc_date and (doc_date.month, doc_date.day) != \
            (12, 31) else None
        self.named = set()
        self.prefixes = {f"{base}{local}/": prefix for prefix, local in (
            ("place", "place"), ("cgorg", "org"), ("person", "person"), ("event", "event"),
            ("agreement", "agreement"), ("project", "project"), ("venue", "venue"))}

    def curie(self, iri):
        for ns, prefix in self.prefixes.items():
            if iri.startswith(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def add(self, kind, key, why, confidence, **cells):
        row = {c: cells.get(c, "") for c, _, _ in SHEETS[kind]}
        row["why"], row["confidence"] = why, f"{confidence:.1f}"
        if (kind, key) in self.keys:  # the same fact again: the row that says more, completed
            rows = self.rows[kind]
            at = next(i for i, r in enumerate(rows) if r["_key"] == key)
            old = rows[at]
            if sum(map(bool, row.values())) > sum(map(bool, old.values())) - 1:
                old, row = {**row, "_key": key}, old
            rows[at] = {c: old[c] or row.get(c, "") for c in old}
            return
        self.keys.add((kind, key))
        self.rows[kind].append({**row, "_key": key})

    def cell(self, mention):
        if mention.iri and not mention.iri.startswith(("iso3166:", "geonames:")):
            return self.curie(mention.iri)
        return mention.text

    def sentence(self, s):
        people_spans = [(p.start, p.end) for p in people_in(s.text)]
        # a gazetteer's name inside a person's ("Lê Vǎn Khoa") is not a place
        here = [m for m in self.mentions if s.start <= m.start and m.end <= s.end and not (
            m.confidence < 0.8 and any(a <= m.start - s.start < b for a, b in people_spans))]
        text, quote = s.text, s.text
        dates = dates_in(text, self.doc_date)
        date = dates[0].value if dates else ""
        if self.as_of is None and dates and dates[0].precision == "day":
            self.as_of = dates[0].value.split("/")[0]
        as_of = self.as_of or ""
        # a title is stated for the day the sentence gives, else for the document's
        held = dates[0].value.split("/")[0] if dates and dates[0].precision == "day" else as_of
        by_kind = {}
        for m in here:
            by_kind.setdefault(m.kind, []).append(m)
        known_spans = [(m.start - s.start, m.end - s.start) for m in here]
        places = by_kind.get("place", [])
        orgs = by_kind.get("organization", [])
        people = by_kind.get("person", [])
        events = by_kind.get("event", [])

        for m in here:  # every name, once: the mentions sheet
            if m.iri not in self.named:
                self.named.add(m.iri)
                self.add("mentions", self.cell(m), f"{m.why}: {m.text!r}", m.confidence,
                         name=self.cell(m))
            other = other_name(text, m.start - s.start, m.end - s.start)  # "X (SHORT)"
            row = next((r for r in self.rows["mentions"] if r["_key"] == self.cell(m)), None)
            if other and m.iri and row and m.iri not in self.index.find(other):
                row["alt_names"] = " | ".join(dict.fromkeys(
                    [a for a in row["alt_names"].split(" | ") if a] + [other]))

        # events the sentence names that the graph lacks: proposed new events
        event_cells = [self.cell(m) for m in events]
        event_kinds = [(self.cell(m), "") for m in events]
        events_found = sorted([m.start - s.start for m in events] +
                              [e.start for e in events_in(text)])
        event_spans = [(m.start - s.start, m.end - s.start) for m in events]
        for e in events_in(text):
            if any(a < e.end and e.start < b for a, b in event_spans) or \
                    any(a <= e.start and e.end <= b for a, b in known_spans):
                continue
            host = next((self.cell(m) for m in places if m.text == e.host), e.host)
            self.add("events", e.name, f"{e.why}, new: not in the graph", 0.6, name=e.name,
                     type=e.type, series_number=e.series_number, host_place=host, date=date,
                     themes=_themes(e.name), evidence=quote)
            event_cells.append(e.name)
            event_kinds.append((e.name, e.type))
        if self.main_event is None:  # the report's own event: the first that is not a series
            self.main_event = next((c for c, kind in event_kinds if kind != "symposium-series"),
                                   None)
        event = event_cells[0] if event_cells else (self.main_event or "")
        back = _BACK_REFERENCE.search(text)  # "the forum was ...": the report's own event
        if back and self.main_event and (not events_found or back.start() < events_found[0]):
            event = self.main_event
        draft_series(self, text, quote, event, _themes)
        draft_projects(self, s, quote, event, places, _themes)

        # organizations the sentence names that the graph lacks
        others = [(m.start - s.start, m.end - s.start) for m in here if m.kind != "place"]
        for m in _ORG_NAME.finditer(text):
            name = _TITLE_OF.sub("", m.group(1).strip())
            head, of, tail = name.partition(" of ")
            if of and not _ORG_WORD.search(head):  # "Professor YANG Kiho of X University"
                name = tail
            a = m.end(1) - len(name)
            owner = next((x for x in here if x.kind == "organization" and x.start - s.start == a
                          and text[x.end - s.start:x.end - s.start + 3] in ("’s ", "'s ")), None)
            if owner is not None:  # "SMG’s International Cooperation Department": a unit of it
                name = text[owner.end - s.start + 3:m.end(1)]
                a = m.end(1) - len(name)
            # a new organization's name may hold a known place's (Seoul ... Corporation)
            if any(x < m.end(1) and a < y for x, y in others) or \
                    any(x <= a and m.end(1) <= y for x, y in known_spans) or \
                    len(name.split()) < 2 or name.split()[0] in ("The", "A", "An", "In", "On"):
                continue
            word = next((w for w in reversed(re.findall(r"[A-Za-z]+", name))
                         if w.lower() in _ORG_WORDS), "organization")
            inside = [x for x in here if m.start(1) <= x.start - s.start < m.end(1)]
            based = next((self.cell(x) for x in inside if x.kind == "place"), "")
            part = next((self.cell(x) for x in inside if x.kind == "organization"), "")
            alt = f"{owner.text}{text[owner.end - s.start:owner.end - s.start + 2]} {name}" \
                if owner is not None else ""
            parent = _OF_BODY.match(text, m.end(1))  # "Seoul Office, CLAIR": a unit of CLAIR
            if parent and not alt:
                alt, part = f"{name}{parent.group(0)}", part or parent.group(1)
            self.add("organizations", name, f"name with {word!r}, new: not in the graph", 0.5,
                     name=name, type=_ORG_WORDS[word.lower()], based_in=based, part_of=part,
                     alt_names=alt)

        # "Seoul’s fire emergency department": a unit of the place's government
        for owner, name, word in units_in(text):
            place = next((m for m in places if m.text == owner), None)
            government = city_government(self.index, owner) if place else None
            self.add("organizations", name, f"a place's {word}, new: not in the graph", 0.5,
                     name=name, type=_ORG_WORDS[word], based_in=self.cell(place) if place else "",
                     part_of=self.curie(government) if government else "")
        # "Long Name (SHORT)" or "Short (Long Name)": an organization and its other name
        for m in _PAIRED.finditer(text):
            first, second = re.sub(r"^(?:The|the)\s+", "", m.group(1).strip()), m.group(2).strip()
            at = m.end(1) - len(first)
            if any(a < m.end(1) and at < b for a, b in known_spans) or \
                    not (_ORG_WORD.search(first) or _ORG_WORD.search(second)):
                continue
            name, alt = (first, second) if _ORG_WORD.search(first) else (second, first)
            word = _ORG_WORD.findall(name)[-1].lower()
            self.add("organizations", name, "a name and its other name in brackets, new: "
                     "not in the graph", 0.6, name=name, alt_names=alt, type=_ORG_WORDS[word])

        # people and the posts their titles give
        named_people = []
        for p in people_in(text):
            known = next((m for m in people if m.start - s.start <= p.start < m.end - s.start),
                         None)
            if any(a <= p.start < b for a, b in known_spans) and known is None:
                continue  # the words are a place's or an organization's name
            name = self.cell(known) if known else p.name
            named_people.append(name)
            posts = []
            honorific = _HONORIFIC.search(text, 0, p.start)
            for title in split_titles(p.title):  # one row per post
                org = next((self.cell(m) for m in orgs if title and m.text in title), "") or \
                    next((r["name"] for r in self.rows["organizations"] if title and re.search(
                        rf"\b{re.escape(r['alt_names'] or r['name'])}\b", title)), "")
                head = _TITLE_WORD.search(title)
                role = head.group(0) if head else \
                    title.split(" of ")[0].split(" at ")[0].strip()
                self.add("people", (name, title), p.why + ("" if known else ", new person"),
                         0.8 if known else 0.6, name=name, title=title, role=role,
                         organization=org, as_of=held if title else "",
                         honorific=honorific.group(1) if honorific and not posts else "",
                         ended="former" if title.lower().startswith("former") else "",
                         evidence=quote if title else "")
                posts.append(org)
            org = posts[0]
            lower = text.lower()
            talk = next((t for w, t in _TALKS if w in lower), None)
            if talk and event:
                order = _ORDER.search(text)
                self.add("talks", (name, event), f"talk word {talk!r} beside a person", 0.6,
                         speaker=name, event=event, type=talk,
                         order=order.group(1) if order else "", evidence=quote)
            # who spoke or chaired took part: one participation, for the post's organization
            chaired = _CHAIRED.search(text)
            part = chaired.group("noun") or chaired.group("verb") if chaired else ""
            part = _CHAIR_ROLES.get(part.lower(), part.lower()) or ("speaker" if talk else "")
            if part and event:
                word = "chair" if chaired else "talk"
                self.add("participations", (name, event), f"{word} word beside a person: "
                         f"takes part as {part}", 0.6,
                         participant=name, event=event, role=part, on_behalf_of=org,
                         evidence=quote)

        # counts, with the event of the sentence as their subject
        for c in counts_in(text):
            self.add("counts", (c.value, c.of), "number with what it counts", 0.7,
                     subject=event or "doc", of=c.of, value=str(c.value), qualifier=c.qualifier,
                     evidence=quote)

        parties = [self.cell(m) for m in places + orgs]
        lower = text.lower()
        themes = " | ".join(dict.fromkeys(theme for word, theme in _THEMES if word in lower))
        signers = named_people or [self.cell(m) for m in people]
        # agreements and ties, their parties the places and organizations of the sentence
        for a, b, sheet, kind in agreements_in(text):
            if sheet == "agreements":
                name = agreement_name(text, a, b)
                written = list(dict.fromkeys(m.text for m in places + orgs))
                self.add("agreements", (kind, tuple(parties)), f"agreement word "
                         f"{text[a:b]!r} with the names of its sentence as parties", 0.6,
                         type=kind, name=name, label="" if name else agreement_label(
                             text[a:b], written),
                         parties=" | ".join(parties), signatories=" | ".join(signers)
                         if re.search(r"\bsign", text, re.I) else "", date=date,
                         adopted_at=event, themes=themes, evidence=quote)
            elif len(parties) >= 2:
                self.add("ties", (kind, tuple(parties)), f"tie word {text[a:b]!r}", 0.6,
                         type=kind, parties=" | ".join(parties), date=date, themes=themes,
                         evidence=quote)

        # memberships: one row per member a sentence about members lists
        networks = [m for m in orgs if _CG + "CityNetwork" in self.index.classes(m.iri or "")]
        if _MEMBER.search(text) and networks:
            lower = text.lower()
            role = next((r for w, r in _ROLES if w in lower), "member")
            for m in places + [o for o in orgs if o not in networks]:
                self.add("memberships", (self.cell(m), self.cell(networks[0]), role),
                         "member word with a network: one row per member listed", 0.6,
                         member=self.cell(m), organization=self.cell(networks[0]), role=role,
                         as_of=as_of, evidence=quote)

        # policy transfers: "X will transfer its A and B to Y", "export X's A to Y"
        for m in _TRANSFER.finditer(text):
            before = next((self.cell(x) for x in reversed(places + orgs)
                           if x.end - s.start <= m.start()), "")
            after = next((self.cell(x) for x in places + orgs
                          if x.start - s.start >= m.start("policy")), "")
            owner = next((self.cell(x) for x in places + orgs
                          if m.group("owner") and x.start - s.start == m.start("owner")), "")
            if m.group("verb") in ("import", "adopt", "apply"):  # the subject receives
                giver, taker = owner, before
            else:
                giver, taker = owner or before, after
            if not giver or not taker or giver == taker:
                continue
            for policy in re.split(r",\s*|\s+and\s+", m.group("policy")):
                policy = policy.strip().removeprefix("its ").removeprefix("the ")
                if len(policy.split()) >= 2 and policy.split()[0].lower() not in NUMBER_WORDS \
                        and not policy[0].isdigit():
                    self.add("ties", ("policy-transfer", giver, taker, policy),
                             f"transfer word {m.group('verb')!r}: giver, policy, receiver",
                             0.6, type="policy-transfer", **{"from": giver, "to": taker},
                             policy=policy, date=date, themes=_themes(policy) or themes,
                             evidence=quote)

        # hosts ("hosted by X with Y and Z", "X hosted the ..."), supporters, the organizer
        names = {m.text: self.cell(m) for m in places + orgs}
        names.update({n: r["name"] for r in self.rows["organizations"]
                      for n in (r["name"], r["alt_names"]) if n and n in text})
        draft_hosts(self, text, quote, event, names)
        if _PARTICIPATE.search(text) and event:
            for m in places + orgs + people:
                cell = self.cell(m)
                if cell == event or ("participations", (cell, event)) in self.keys:
                    continue
                role = "host" if re.search(r"\bhost", text, re.I) else \
                    "speaker" if _PRESENTING.search(text) else \
                    "delegation" if m.kind != "person" else "attendee"
                self.add("participations", (cell, event), "participation word: one row per "
                         "participant listed", 0.5, participant=cell, event=event, role=role,
                         evidence=quote)


def _themes(text):
    """The themes the words of ``text`` give, separated by |."""
    lower = text.lower()
    return " | ".join(dict.fromkeys(theme for word, theme in _THEMES if word in lower))


def _csv(kind, rows):
    out = io.StringIO()
    columns = [c for c, _, _ in SHEETS[kind]] + list(DRAFT_COLUMNS)
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_draft(draft, folder):
    """Write the draft's rows to ``folder`` (sheets/NNN/draft/); return (written, kept).

    A draft file whose text is no longer what was drafted has been edited by a
    person: it is kept as it is, and listed in ``kept``.
    """
    folder = Path(folder)
    ledger_path = folder / ".drafted.json"
    ledger = json.loads(ledger_path.read_text(encoding="utf-8")) if ledger_path.is_file() else {}
    written, kept = [], []
    for kind, rows in draft.rows.items():
        path = folder / f"{kind}.csv"
        if path.exists():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if ledger.get(path.name) != digest:
                kept.append(path)
                continue
        body = _csv(kind, rows)
        write_atomic(body, path, mkdir=True)
        ledger[path.name] = hashlib.sha256(body.encode("utf-8")).hexdigest()
        written.append(path)
    write_atomic(json.dumps(ledger, indent=1, sort_keys=True) + "\n", ledger_path, mkdir=True)
    return written, kept
