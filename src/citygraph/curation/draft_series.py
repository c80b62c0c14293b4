"""Events of a series as reports list them: "Youth Exchange (Vol. 1), Urban Regeneration (Vol. 2)".

A series' events are often named only in one sentence, each with its number in
brackets, and the report's own event says where it stands ("the 6th event in
the series", "as a part of the X Series"). :func:`series_items` finds the first,
:func:`place_in_series` the second; :mod:`citygraph.curation.draft` turns them
into events rows of the series.
"""

import re
from dataclasses import dataclass

__all__ = ["SeriesItem", "series_items", "place_in_series", "part_of_series", "draft_series"]

_WORD = r"[A-Z][\w’'-]*"
_LINK = r"(?:\s+(?:and|of|for|the|in|on|at|&)\s+|\s+)"
_ITEM = re.compile(rf"(?P<name>{_WORD}(?:{_LINK}{_WORD})*)\s*"
                   r"\((?:Vol(?:ume)?|No|Part|Session)\.?\s*(?P<number>\d+)\)")
_PLACE = re.compile(r"\bthe (?P<number>\d+)(?:st|nd|rd|th) (?:event|edition|meeting|session|"
                    r"symposium|forum|conference|seminar|workshop) (?:in|of) the series\b", re.I)
_NAME_WORD = r"(?:[A-Z][\w’'-]*|\d+(?:st|nd|rd|th))"  # "TCS 10th Anniversary ..."
_PART_OF = re.compile(rf"\b(?:as )?(?:a )?part of the (?P<series>{_WORD}(?:{_LINK}{_NAME_WORD})*?"
                      r"\s+Series)\b")


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
    for item in series_items(text):
        ctx.add("events", item.name, "an event listed with its number in a series", 0.6,
                 name=item.name, type=kind or "meeting", series=series,
                 series_number=item.number, themes=themes_of(item.name), evidence=quote)
