"""Events of a series as reports list them: "Youth Exchange (Vol. 1), Urban Regeneration (Vol. 2)".

A series' events are often named only in one sentence, each with its number in
brackets, and the report's own event says where it stands ("the 6th event in
the series", "as a part of the X Series"). :func:`series_items` finds the first,
:func:`place_in_series` the second; :mod:`citygraph.curation.draft` turns them
into events rows of the series.
"""

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["SeriesItem", "series_items", "place_in_series", "part_of_series", "since_month",
           "draft_series", "series_dates"]

_WORD = r"[A-Z][\w’'-]*"
_LINK = r"(?:\s+(?:and|of|for|the|in|on|at|&)\s+|\s+)"
_ITEM = re.compile(rf"(?P<name>{_WORD}(?:{_LINK}{_WORD})*)\s*"
                   r"\((?:Vol(?:ume)?|No|Part|Session)\.?\s*(?P<number>\d+)\)")
_PLACE = re.compile(r"\bthe (?P<number>\d+)(?:st|nd|rd|th) (?:event|edition|meeting|session|"
                    r"symposium|forum|conference|seminar|workshop) (?:in|of) the series\b", re.I)
_NAME_WORD = r"(?:[A-Z][\w’'-]*|\d+(?:st|nd|rd|th))"  # "TCS 10th Anniversary ..."
_PART_OF = re.compile(rf"\b(?:as )?(?:a )?part of the (?P<series>{_WORD}(?:{_LINK}{_NAME_WORD})*?"
                      r"\s+Series)\b")


_SINCE = re.compile(r"\bsince (January|February|March|April|May|June|July|August|September|"
                    r"October|November|December)(?:\s+((?:19|20)\d\d))?\b")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def since_month(text, doc_date=None):
    """(the phrase, its first day) of "since February", the year from the document's date.

    >>> import datetime as dt
    >>> since_month("staging a series since February to promote", dt.date(2021, 8, 5))
    ('since February 2021', '2021-02-01')
    >>> since_month("since March", None)
    """
    m = _SINCE.search(text)
    if not m:
        return None
    month = _MONTHS.index(m.group(1)) + 1
    year = int(m.group(2)) if m.group(2) else doc_date and (
        doc_date.year if month <= doc_date.month else doc_date.year - 1)
    if not year:
        return None
    return f"since {m.group(1)} {year}", f"{year}-{month:02d}-01"


@dataclass(frozen=True)
class SeriesItem:
    """One event of a listed series: its span in the sentence, name and number."""

    start: int
    end: int
    name: str
    number: str


def series_items(text):
    """The events a sentence lists with their number in the series, in order.

    >>> [(i.name, i.number) for i in series_items(
    ...     "such as Youth Exchange (Vol. 1), as well as Aging Societies and Business "
    ...     "Innovation (Vol. 3).")]
    [('Youth Exchange', '1'), ('Aging Societies and Business Innovation', '3')]
    """
    found = []
    for m in _ITEM.finditer(text):
        name = re.sub(r"^(?:The|And|As|Such|Including)\s+", "", m.group("name"))
        found.append(SeriesItem(m.end("name") - len(name), m.end(), name, m.group("number")))
    return found


def place_in_series(text):
    """The number a sentence gives its event in the series ("the 6th event in the series").

    >>> place_in_series("This symposium is the 6th event in the series, aimed at ...")
    '6'
    >>> place_in_series("The symposium was held online.")
    ''
    """
    m = _PLACE.search(text)
    return m.group("number") if m else ""


def part_of_series(text):
    """The series a sentence says its event is part of, as written.

    >>> part_of_series("on August 5, as a part of the TCS 10th Anniversary Symposium Series.")
    'TCS 10th Anniversary Symposium Series'
    """
    m = _PART_OF.search(text)
    return m.group("series") if m else ""


def draft_series(ctx, text, quote, event, themes_of):
    """A series' events listed with their numbers, and where the sentence's event stands,
    into the rows of ``ctx`` (the drafting context of :mod:`citygraph.curation.draft`);
    ``themes_of(name)`` gives the themes a name's words say."""
    from citygraph.curation.draft_text import events_in

    named = part_of_series(text)
    series = named or next((r["name"] for r in ctx.rows["events"]
                            if r["type"].endswith("-series")), "")
    number = place_in_series(text)
    if event and (named or number) and ("events", event) in ctx.keys:
        ctx.add("events", event, "its place in a series", 0.6, name=event, series=series,
                 series_number=number)
    # the series' events are of the kind its name says ("... Forum Series": forums)
    kind = next((e.type for e in events_in(series.removesuffix(" Series"))), "") or next(
        (r["type"].removesuffix("-series") for r in ctx.rows["events"]
         if r["name"] == series), "")
    # the year of "since February": the document's, else that of the first day the text gives
    known = ctx.doc_date or (dt.date.fromisoformat(ctx.as_of) if ctx.as_of else None)
    since = since_month(text, known) if series else None
    row = next((r for r in ctx.rows["events"] if r["name"] == series), None)
    if since and row is not None and not row["between"]:  # "staging a series since February"
        row["between"], row["date"] = since[0], ""
    for item in series_items(text):
        ctx.add("events", item.name, "an event listed with its number in a series", 0.6,
                 name=item.name, type=kind or "meeting", series=series,
                 series_number=item.number, themes=themes_of(item.name), evidence=quote,
                 between=since[1] + "/" if since else "")


def series_dates(ctx):
    """Listed events of a series numbered before the report's event: held between the
    series' start and that event's day (a range begun at the start is completed)."""
    main = next((r for r in ctx.rows["events"] if r["name"] == ctx.main_event), None)
    if main is None or not main["series_number"].isdigit():
        return
    first, _, last = main["date"].partition("/")
    day = first if not last or last == first else ""
    for row in ctx.rows["events"]:
        if row["between"].endswith("/") and row["series"] == main["series"]:
            earlier = row["series_number"].isdigit() and \
                int(row["series_number"]) < int(main["series_number"])
            row["between"] = row["between"] + day if earlier and len(day) == 10 else ""
