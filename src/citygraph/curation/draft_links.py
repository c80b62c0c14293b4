"""Links between drafted rows, made once every sentence is read, and units named by owner.

:func:`sessions` puts a session the text names into the report's event;
:func:`transfer_dates` dates a policy transfer by the receiver's agreement;
:func:`opening_talks` puts opening remarks into the opening session. They take
the drafting context of :mod:`citygraph.curation.draft` and change its rows.
:func:`units_in` finds the units a sentence names by their owner ("Seoul’s fire
emergency department").
"""

import re

__all__ = ["sessions", "transfer_dates", "opening_talks", "units_in"]


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
