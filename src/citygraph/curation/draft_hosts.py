"""Who hosted, supported or organized an event, as reports say it.

"The forum was hosted by the SMG with the UN ESCAP (...) and CityNet (...)",
"The TCS hosted the online symposium", "This symposium is supported by A, B,
and C", "TCS has been staging a series of symposiums": :func:`draft_hosts`
gives the sentence's event a participation per host, and the event's own row
its hosts, supporters, organizer and online attendance.
"""

import re

__all__ = ["bodies_named", "subject_of", "draft_hosts"]

_BY = re.compile(r"\b(?P<verb>(?:co-)?hosted|organi[sz]ed|supported|sponsored) by\b", re.I)
_NAME = r"(?:[A-Z][\w’'-]*)(?:\s+(?:of|for|and|the|on|in|&)\s+[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*)*"
_SUBJECT = re.compile(rf"(?:^|[,;:]\s+|\b(?:the|The)\s+)(?P<who>{_NAME})\s+(?:has been |have been |"
                      r"is |was |will be )?(?P<verb>(?:co-)?host(?:ed|s|ing)?|organi[sz](?:ed|es|"
                      r"ing)|stag(?:ed|es|ing)|held|holds)\s+(?:the|a|an|its)\b(?P<series>\s+series\b)?")
_ONLINE = re.compile(r"\b(?:online|virtual|webinar)\b", re.I)
_ROLE = {"hosted": "host", "co-hosted": "host", "organized": "organizer", "organised": "organizer",
         "supported": "supporter", "sponsored": "supporter"}


def bodies_named(text, names, start=0):
    """The ``names`` (a name -> cell mapping) the text names from ``start`` on, in order.

    The longest name wins where names overlap.

    >>> bodies_named("by the SMG with UN ESCAP and CityNet", {"SMG": "cgorg:smg", "UN ESCAP":
    ...              "UN ESCAP", "ESCAP": "x", "CityNet": "CityNet"})
    ['cgorg:smg', 'UN ESCAP', 'CityNet']
    """
    taken, found = [], []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w’']){re.escape(name)}(?![\w’'])", text):
            if m.start() >= start and not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                found.append((m.start(), names[name]))
    return list(dict.fromkeys(cell for _, cell in sorted(found)))


def subject_of(text):
    """(the body a sentence's subject names, the role, whether of a series) when it hosted
    or organized something.

    >>> subject_of("The TCS hosted the online symposium on August 5")
    ('TCS', 'host', False)
    >>> subject_of("In celebration of its anniversary, TCS has been staging a series of talks")
    ('TCS', 'organizer', True)
    """
    m = _SUBJECT.search(text)
    if not m:
        return None
    verb = m.group("verb").lower()
    who = re.sub(r"^(?:The|A|An)\s+", "", m.group("who"))
    return who, "host" if "host" in verb else "organizer", bool(m.group("series"))


def draft_hosts(ctx, text, quote, event, names):
    """Hosts, supporters and the organizer of the sentence's ``event`` into ``ctx``'s rows.

    ``names`` maps the names of the sentence's places and organizations (those of the
    graph and those drafted as new) to their cells.
    """
    if not event:
        return
    cells = {"host": [], "supporter": [], "organizer": []}
    subject = subject_of(text)
    if subject and subject[2]:  # "X has been staging a series": the series' organizer
        who = names.get(subject[0], subject[0])
        series = next((r["name"] for r in ctx.rows["events"] if r["type"].endswith("-series")),
                      None)
        for row in ctx.rows["events"]:
            if series and series in (row["name"], row["series"]) and not row["organizer"]:
                row["organizer"] = who
        subject = None
    if subject:  # the subject's whole name: "Colombo Port Authority" is not Colombo
        cells[subject[1]].append(names.get(subject[0], subject[0]))
    for m in _BY.finditer(text):
        role = _ROLE.get(m.group("verb").lower(), "host")
        nxt = _BY.search(text, m.end())
        cells[role] += bodies_named(text[:nxt.start()] if nxt else text, names, m.end())
    for role, who in cells.items():
        for cell in dict.fromkeys(who):
            if cell != event and role in ("host", "organizer"):
                ctx.add("participations", (cell, event), f"{role} word: one row per {role} "
                        "named", 0.6, participant=cell, event=event, role=role, evidence=quote)
    row = next((r for r in ctx.rows["events"] if r["name"] == event), None)
    if row is None:
        return
    for role, who in cells.items():
        if who and not row[role]:
            row[role] = " | ".join(dict.fromkeys(who))
    if _ONLINE.search(text) and not row["attendance"] and (subject or cells["host"]):
        row["attendance"] = "online"
