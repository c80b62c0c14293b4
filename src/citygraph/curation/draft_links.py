"""Links between drafted rows, made once every sentence is read, and units named by owner.

:func:`sessions` puts a session the text names into the report's event;
:func:`transfer_dates` dates a policy transfer by the receiver's agreement;
:func:`opening_talks` puts opening remarks into the opening session. They take
the drafting context of :mod:`citygraph.curation.draft` and change its rows.
:func:`acronyms` proposes the names in capitals the graph lacks as bodies.
:func:`units_in` finds the units a sentence names by their owner ("Seoul’s fire
emergency department"), :func:`other_name` the other name in brackets beside a name.
"""

import re

__all__ = ["sessions", "transfer_dates", "opening_talks", "units_in", "other_name", "acronyms"]


def transfer_dates(ctx):
    """A transfer the text does not date takes the date of the receiver's agreement."""
    for row in ctx.rows["ties"]:
        if row["type"] == "policy-transfer" and not row["date"]:
            row["date"] = next((a["date"] for a in ctx.rows["agreements"] if a["date"] and
                                row["to"] in a["parties"].split(" | ")), "")


def sessions(ctx):
    """A session the text names belongs to the report's event, on its day."""
    main = next((r for r in ctx.rows["events"] if r["name"] == ctx.main_event), None)
    for row in ctx.rows["events"]:
        if row["type"] == "session" and main is not None and row is not main:
            row["part_of"] = row["part_of"] or main["name"]
            first, _, last = main["date"].partition("/")
            if not row["date"] and (not last or last == first):  # a one-day event's day
                row["date"] = first


_OPENING = ("opening-remarks", "welcoming-remarks", "congratulatory-remarks")


def opening_talks(ctx):
    """Opening, welcoming and congratulatory remarks belong to the event's opening session."""
    opening = next((r["name"] for r in ctx.rows["events"] if r["type"] == "session" and
                    r["name"].lower().startswith("opening")), None)
    if opening is None:
        return
    for row in ctx.rows["talks"]:
        if row["type"] in _OPENING and row["event"] == ctx.main_event:
            row["event"] = opening


_UNIT = re.compile(r"\b(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)[’']s\s+(?:[a-z][\w-]*\s+){0,4}?"
                   r"(?P<word>department|bureau|office|agency|center|centre|division|council)\b")


def units_in(text):
    """Units a text names by their owner's name and lowercase words: (owner, name, word).

    >>> units_in("Seoul’s fire emergency department and Colombo’s mayor met")
    [('Seoul', 'Seoul’s fire emergency department', 'department')]
    """
    return [(m.group("owner"), m.group(0), m.group("word")) for m in _UNIT.finditer(text)]


_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*)(?:(?:\s+(?:of|for|and|the|on|in|&))*\s+[A-Z][\w’'-]*)*)"
                     r"\s*\($")
_AFTER = re.compile(r"\s*\(([A-Z][^()]{1,80})\)")


def other_name(text, start, end):
    """The other name the text gives in brackets beside ``text[start:end]``, or "".

    >>> text = "Council of Local Authorities for International Relations (CLAIR) and the SMG"
    >>> other_name(text, 58, 63)
    'Council of Local Authorities for International Relations'
    >>> other_name("The Seoul Metropolitan Government (SMS) decided", 4, 33)
    'SMS'
    """
    after = _AFTER.match(text, end)
    if after:
        return after.group(1).strip()
    before = _BEFORE.search(text, 0, start)
    if before and text[end:end + 1] == ")":
        return re.sub(r"^(?:The|A|An)\s+", "", before.group(1))
    return ""


_ACRONYM = re.compile(r"\b[A-Z]{3,8}\b(?![-’'&][a-zA-Z])")
_NOT_ACRONYMS = {"COVID", "SDG", "SDGS", "GDP", "ICT", "USA", "MOU", "LOI", "CEO", "NGO", "DSG",
                 "THE", "AND", "FOR", "PDF", "URL", "II", "III", "IV", "UN"}


def acronyms(ctx, text):
    """Names in capitals the graph lacks, used twice or after 'of': proposed organizations."""
    known = {m.text for m in ctx.mentions}
    named = {r[c] for r in ctx.rows["organizations"] for c in ("name", "alt_names")}
    people = {w for r in ctx.rows["people"] for w in r["name"].split()}
    counts = {}
    for m in _ACRONYM.finditer(text):
        counts.setdefault(m.group(0), []).append(m.start())
    for word, places in counts.items():
        after_of = any(text[max(0, a - 3):a] == "of " for a in places)
        if word in known | named | people or word in _NOT_ACRONYMS or \
                len(places) < 2 and not after_of:
            continue
        # "Governors Association of Korea (GAOK)": the other name of a drafted body
        owner = next((r for r in ctx.rows["organizations"] if not r["alt_names"] and
                      f"{r['name']} ({word})" in text), None)
        if owner is not None:
            owner["alt_names"] = word
            continue
        ctx.add("organizations", word, f"name in capitals used {len(places)} time(s), new: "
                 "not in the graph (an organization?)", 0.4, name=word, type="Organization")
