"""Dates as sources write them ("4-6 September 2014", "Sept. 2015", "2018") with their precision."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from citygraph.errors import InputError

__all__ = ["Span", "parse_date"]

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
        calendar.month_name[number][:4].lower(),  # "sept"
    }
}


@dataclass(frozen=True)
class Span:
    """A date or range as the source gives it: first and last day, and the precision.

    ``precision`` is "day", "month" or "year". ``exact`` tells whether the
    source gives the day(s) (start/end dates) or only a month or year (then
    the first and last days are bounds: ``cg:dateEarliest`` / ``cg:dateLatest``).
    """

    first: dt.date
    last: dt.date
    precision: str
    time_start: str = ""
    time_end: str = ""

    @property
    def exact(self):
        return self.precision == "day"

    @property
    def single(self):
        return self.first == self.last


def _month(word, text):
    key = word.lower().rstrip(".")
    if key not in _MONTHS:
        raise InputError(f"date {text!r}: unknown month {word!r}")
    return _MONTHS[key]


def _day(text, year, month, day):
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(f"date {text!r}: no such day") from None


_ORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_MON = r"([A-Za-z]{3,9}\.?)"
_FORMS = [
    # 2016-06-08, 2016-06-08T10:00, 2016-06
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2})?)?$"), "iso"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "iso-month"),
    (re.compile(r"^(\d{4})$"), "year"),
    # 2016-06-08/2016-06-10
    (re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:/|\.\.|–|-{1,2}| to )\s*(\d{4}-\d{2}-\d{2})$"),
     "iso-range"),
    # 4-6 September 2014, 8th-10th June 2016, 4 September 2014
    (re.compile(rf"^{_ORD}(?:\s*[-–]\s*{_ORD})?\s+{_MON},?\s+(\d{{4}})$"), "dmy"),
    # 30 September - 2 October 2014
    (re.compile(rf"^{_ORD}\s+{_MON}\s*[-–]\s*{_ORD}\s+{_MON},?\s+(\d{{4}})$"), "dm-dmy"),
    # September 4-6, 2014, June 8th -10th 2016, June 8, 2016
    (re.compile(rf"^{_MON}\s+{_ORD}(?:\s*[-–]\s*{_ORD})?,?\s+(\d{{4}})$"), "mdy"),
    # Sept. 2015, September 2015
    (re.compile(rf"^{_MON},?\s+(\d{{4}})$"), "my"),
]


def parse_date(text):
    """Parse a date cell into a :class:`Span`.

    >>> s = parse_date("4-6 September 2014"); s.first, s.last, s.precision
    (datetime.date(2014, 9, 4), datetime.date(2014, 9, 6), 'day')
    >>> s = parse_date("Sept. 2015"); s.first, s.last, s.precision
    (datetime.date(2015, 9, 1), datetime.date(2015, 9, 30), 'month')
    >>> s = parse_date("2018"); s.first, s.last, s.precision
    (datetime.date(2018, 1, 1), datetime.date(2018, 12, 31), 'year')
    >>> parse_date("June 8th -10th, 2016").last
    datetime.date(2016, 6, 10)
    >>> parse_date("2014-09-05T10:00").time_start
    '10:00'
    >>> parse_date("next spring")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.InputError: date 'next spring': not a form citygraph reads ...
    """
    text = " ".join(str(text).split())
    for pattern, form in _FORMS:
        m = pattern.match(text)
        if not m:
            continue
        g = m.groups()
        if form == "iso":
            day = _day(text, int(g[0]), int(g[1]), int(g[2]))
            return Span(day, day, "day", time_start=g[3] or "")
        if form == "iso-month":
            year, month = int(g[0]), int(g[1])
            if not 1 <= month <= 12:
                raise InputError(f"date {text!r}: no such month")
            last = calendar.monthrange(year, month)[1]
            return Span(dt.date(year, month, 1), dt.date(year, month, last), "month")
        if form == "year":
            year = int(g[0])
            return Span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        if form == "iso-range":
            first, last = parse_date(g[0]).first, parse_date(g[1]).first
            return _ordered(text, first, last)
        if form == "dmy":
            month, year = _month(g[2], text), int(g[3])
            first = _day(text, year, month, int(g[0]))
            last = _day(text, year, month, int(g[1])) if g[1] else first
            return _ordered(text, first, last)
        if form == "dm-dmy":
            year = int(g[4])
            first = _day(text, year, _month(g[1], text), int(g[0]))
            last = _day(text, year, _month(g[3], text), int(g[2]))
            return _ordered(text, first, last)
        if form == "mdy":
            month, year = _month(g[0], text), int(g[3])
            first = _day(text, year, month, int(g[1]))
            last = _day(text, year, month, int(g[2])) if g[2] else first
            return _ordered(text, first, last)
        if form == "my":
            month, year = _month(g[0], text), int(g[1])
            last = calendar.monthrange(year, month)[1]
            return Span(dt.date(year, month, 1), dt.date(year, month, last), "month")
    raise InputError(f"date {text!r}: not a form citygraph reads "
                     "(2016-06-08, 4-6 September 2014, Sept. 2015, 2018, ...)")


def _ordered(text, first, last):
    if last < first:
        raise InputError(f"date {text!r}: ends before it starts")
    return Span(first, last, "day")
