"""Reading a report's text for drafting: sentences, dates, counts, people and their posts.

Each function is a set of deterministic rules over one sentence (or the whole text),
and each finding keeps the exact span it was read from, so that a drafted row's
evidence is a verbatim quote by construction. The rules follow the forms the
project's sources use: "8-10 June 2016", "June 8th", "last September" (the year
from the document's date), "More than 400 participants", "SHIN Bong-seop,
Professor at ...", "Seoul Mayor Won-soon Park".
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Sentence", "sentences", "DateFound", "dates_in", "CountFound", "counts_in",
           "PersonFound", "people_in", "AGREEMENT_WORDS", "agreements_in", "EventFound",
           "events_in", "NUMBER_WORDS"]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the text: its span (start, end) and its words as the text writes them."""

    start: int
    end: int
    text: str


_ABBREVIATIONS = ("Mr", "Ms", "Mrs", "Dr", "Prof", "St", "No", "Vol", "Amb", "Gov", "H.E", "e.g",
                  "i.e", "etc", "Co", "Ltd", "Inc", "Jr", "Sr", "vs", "U.S", "Sept", "Oct", "Nov",
                  "Dec", "Jan", "Feb", "Aug")
_END = re.compile(r"[.!?](?=[\"”’)]?\s+[\"“‘(]?[A-Z0-9])")
_BULLET = re.compile(r"^[\s\-–—•●○◦▲■□❖*·]+")


def sentences(text):
    """The sentences of ``text``: lines split at a full stop before a capital, bullets dropped.

    >>> [s.text for s in sentences("• Mr. Kim met Dr. Lee. They signed an MOU.\\nNext line")]
    ['Mr. Kim met Dr. Lee.', 'They signed an MOU.', 'Next line']
    """
    found = []
    offset = 0
    for line in text.split("\n"):
        start, stop = offset, offset + len(line)
        offset = stop + 1
        bullet = _BULLET.match(line)
        pos = start + (bullet.end() if bullet else 0)
        body = text[pos:stop]
        cut = 0
        for m in _END.finditer(body):
            before = body[cut:m.start()].split()
            word = before[-1].lstrip("([\"“‘") if before else ""  # "(Vol. 1)" goes on
            if word.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):
                continue
            found.append((pos + cut, pos + m.end()))
            cut = m.end()
            while cut < len(body) and body[cut].isspace():
                cut += 1
        found.append((pos + cut, stop))
    out = []
    for a, b in found:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1] in " \t*":
            b -= 1
        if b - a >= 3 and any(c.isalpha() for c in text[a:b]):
            out.append(Sentence(a, b, text[a:b]))
    return out


# --- dates --------------------------------------------------------------------------------------

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_YEAR = r"((?:19|20)\d\d)"

_DATE_FORMS = [
    # 30 September - 2 October 2014
    ("dm-dmy", re.compile(rf"{_DAY}\s+{_MONTH}\s*[-–]\s*{_DAY}\s+{_MONTH},?\s+{_YEAR}")),
    # 8-10 June 2016, 8 June 2016, 8-10 June
    ("dmy", re.compile(rf"{_WEEKDAY}{_DAY}(?:\s*[-–]\s*{_DAY})?\s+{_MONTH}(?:,?\s+{_YEAR})?")),
    # June 8th -10th, 2016; Wednesday, June 8th to Friday, 10th; June 8, 2016
    ("mdy", re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY}(?:\s*(?:[-–]|to)\s*{_WEEKDAY}{_DAY})?"
                       rf"(?:,?\s+{_YEAR})?")),
    ("iso", re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")),
    # last September, the coming August, September 2015
    ("rel-month", re.compile(rf"\b(last|this|next|coming|in the coming)\s+{_MONTH}", re.I)),
    ("my", re.compile(rf"{_MONTH}\s+{_YEAR}")),
    # a year alone, where the text dates by it: "in 2021", "since 2019", "(2016)"
    ("year", re.compile(r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bof )|(?<=\()|"
                        r"(?<=\bthe year ))((?:19|20)\d\d)(?![\d-])(?!\s+[A-Z])")),
]


@dataclass(frozen=True)
class DateFound:
    """A date in a sentence: its span, the cell value the sheets read, and its precision."""

    start: int
    end: int
    value: str
    precision: str
    why: str


def _iso(year, month, day):
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def dates_in(text, doc_date=None):
    """The dates a text gives, as sheet cells, the missing year from ``doc_date``.

    >>> [d.value for d in dates_in("On Wednesday, June 8th, they met", dt.date(2016, 6, 23))]
    ['2016-06-08']
    >>> [d.value for d in dates_in("from 8-10 June 2016 and last September", dt.date(2016, 6, 23))]
    ['2016-06-08/2016-06-10', 'September 2015']
    """
    found, taken = [], []
    for form, pattern in _DATE_FORMS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            got = _date_value(form, m.groups(), doc_date)
            if got is None:
                continue
            value, precision, why = got
            taken.append((m.start(), m.end()))
            found.append(DateFound(m.start(), m.end(), value, precision, why))
    return sorted(found, key=lambda d: d.start)


def _date_value(form, g, doc_date):
    year_from_doc = doc_date.year if doc_date else None
    if form == "dm-dmy":
        a = _iso(int(g[4]), _MONTHS[g[1].lower().rstrip(".")], int(g[0]))
        b = _iso(int(g[4]), _MONTHS[g[3].lower().rstrip(".")], int(g[2]))
        return (f"{a}/{b}", "day", "date range") if a and b else None
    if form in ("dmy", "mdy"):
        if form == "dmy":
            first, last, month, year = g[0], g[1], g[2], g[3]
        else:
            month, first, last, year = g[0], g[1], g[2], g[3]
        year = int(year) if year else year_from_doc
        if year is None:
            return None
        why = "date" if g[3] else "date, year from the document's date"
        month = _MONTHS[month.lower().rstrip(".")]
        a = _iso(year, month, int(first))
        b = _iso(year, month, int(last)) if last else None
        if a is None:
            return None
        return (f"{a}/{b}" if b and b != a else a), "day", why
    if form == "iso":
        a = _iso(int(g[0]), int(g[1]), int(g[2]))
        return (a, "day", "date") if a else None
    if form == "rel-month":
        if doc_date is None:
            return None
        month = _MONTHS[g[1].lower().rstrip(".")]
        word = g[0].lower()
        year = doc_date.year
        if word == "last" and month >= doc_date.month:
            year -= 1
        elif word in ("next", "coming", "in the coming") and month <= doc_date.month:
            year += 1
        return f"{calendar.month_name[month]} {year}", "month", \
            f"'{g[0]} {g[1]}' read from the document's date {doc_date.isoformat()}"
    if form == "my":
        month = _MONTHS[g[0].lower().rstrip(".")]
        return f"{calendar.month_name[month]} {g[1]}", "month", "month"
    if form == "year":
        return g[0], "year", "year"
    return None


# --- counts -------------------------------------------------------------------------------------

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_QUALIFIERS = {"more than": "more than", "over": "more than", "about": "about",
               "around": "about", "approximately": "about", "nearly": "about", "some": "about",
               "at least": "at least", "up to": "at most", "almost": "about"}
_COUNT = re.compile(
    r"(?:\b(more than|over|about|around|approximately|nearly|some|at least|up to|almost)\s+)?"
    r"(?<![\w.$/-])(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + r")\b"
    r"(?![.,]\d|%|-|\s*(?:st|nd|rd|th)\b)"
    r"((?:\s+(?:[a-z][a-z-]*|local|related))*?\s+(?:[a-z-]+s|people|staff|personnel|"
    r"youth))\b(?=\s+(?:from|of|in|and|at|to|who|which|were|was|have|took|attended|"
    r"including|representing)\b|[\s]*[,.;:)(]|$)", re.I)


@dataclass(frozen=True)
class CountFound:
    """A number the text states: its span, the value, what it counts, the qualifier."""

    start: int
    end: int
    value: int
    of: str
    qualifier: str


def counts_in(text):
    """The counts a text states, with what they count.

    >>> for c in counts_in("More than 400 participants from 38 foreign cities (8 mayors, "
    ...                    "5 deputy mayors)"):
    ...     print(c.value, c.of, c.qualifier, sep=", ")
    400, participants, more than
    38, foreign cities, exactly
    8, mayors, exactly
    5, deputy mayors, exactly
    """
    found = []
    for m in _COUNT.finditer(text):
        raw = m.group(2)
        value = NUMBER_WORDS.get(raw.lower())
        if value is None:
            value = int(raw.replace(",", ""))
        elif raw[0].isupper() and m.start(2) > 0 and text[m.start(2) - 2:m.start(2)] != ". ":
            pass
        of = " ".join(m.group(3).split())
        if len(of.split()) > 4 or 1800 <= value <= 2100 and raw.isdigit():
            continue
        qualifier = _QUALIFIERS.get((m.group(1) or "").lower(), "exactly")
        found.append(CountFound(m.start(), m.end(), value, of, qualifier))
    return found


# --- people -------------------------------------------------------------------------------------

_TITLES = (r"Deputy Secretary-General|Secretary-General|Secretary General|Vice Governor|"
           r"Deputy Mayor|Vice Mayor|Vice Chairman|Vice Chairperson|Vice President|"
           r"Vice Minister|Director General|Director-General|Executive Director|Consul-General|"
           r"Consul General|Mayor|Governor|Chairman|Chairperson|Chair|President|Director|"
           r"Minister|Ambassador|Amb\.|Professor|Prof\.|Dr\.|Mr\.|Ms\.|Mrs\.|H\.E\.|SG|DSG")
_WORD = r"(?:[A-Z][\w.’'-]*[\w.]|[A-Z]\.(?:[A-Z]\.?)*)"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{1,3}}"
_CAPS = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'-]+"
_PATTERNS = [
    # SURNAME Given, Title of Org ...  /  Title SURNAME Given
    ("caps", re.compile(rf"(?:\b({_TITLES})\s+)?\b({_CAPS}\s+[A-Z][\w’'-]*[a-z][\w’'-]*"
                        rf"(?:[\s-][A-Z][a-z][\w’'-]*)?)(?:,\s+((?:a |an |the )?[A-Z][^,;()]*))?")),
    # Place Mayor Given Family / Mayor Given Family
    ("title", re.compile(rf"\b((?:[A-Z][a-z]+\s+)?(?:{_TITLES}))\s+({_NAME})")),
    # Given Family, a member of the Org / the Title of Org, Given Family
    ("apposition", re.compile(rf"\b({_NAME}),\s+((?:a|an|the)\s+[a-z][^,;.]*?\s+of\s+[^,;.]+)")),
    ("apposition-before", re.compile(rf"\b(?:the\s+)?((?:{_TITLES})\s+of\s+[A-Z][^,;]*?),\s+"
                                     rf"({_NAME})")),
]


_TITLE_BEFORE = re.compile(rf"\b({_TITLES})\s+$")
_AND_BODY = re.compile(r",\s+[A-Z]{2,8}\b(?![\w’'-])")
_HONORIFICS = {"Mr.", "Ms.", "Mrs.", "Dr.", "H.E.", "Amb.", "Prof.", "SG", "DSG"}
_NOT_OWNERS = {"The", "A", "An", "Its", "His", "Her", "In", "On", "At", "And", "But", "When",
               "Then", "Today", "Yesterday"}


@dataclass(frozen=True)
class PersonFound:
    """A person a sentence names: span of the name, the name cell, the title as written."""

    start: int
    end: int
    name: str
    written: str
    title: str
    why: str


def _family_caps(name):
    """The name cell with a family name in capitals: kept when the text writes one so,
    else the last word (the "Given Family" order of the source's English)."""
    words = name.split()
    if any(len(w) > 1 and w.isupper() and "." not in w for w in words):
        return name
    return " ".join([*words[:-1], words[-1].upper()])


def people_in(text):
    """The people a sentence names, with the title it gives them.

    >>> [(p.name, p.title) for p in people_in("Seoul Mayor Won-soon Park and Colombo Mayor "
    ...                                       "A.J.M Muzammil signed an MOU")]
    [('Won-soon PARK', 'Seoul Mayor'), ('A.J.M MUZAMMIL', 'Colombo Mayor')]
    >>> [(p.name, p.title) for p in people_in("2nd Panelist: SHIN Bong-seop, Professor at "
    ...                                       "KwangWoon University Graduate School")]
    [('SHIN Bong-seop', 'Professor at KwangWoon University Graduate School')]
    """
    found, taken = [], []
    for form, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if form == "caps":
                name_group, title = 2, m.group(3) or m.group(1) or ""
                body = _AND_BODY.match(text, m.end(3)) if m.group(3) else None
                if body:  # "Head of Seoul Office, CLAIR": the body's short name goes with it
                    title += body.group(0)
                before = _TITLE_BEFORE.search(text, 0, m.start(2))
                if not m.group(3) and before and before.group(1) not in _HONORIFICS:
                    # "TCS Secretary-General MICHIGAMI Hisashi": the title and its body before
                    title = before.group(1)
                    owner = re.search(r"\b([A-Z][\w’'-]*)\s+$", text[:before.start()])
                    if owner and owner.group(1) not in _NOT_OWNERS:
                        title = f"{owner.group(1)} {title}"
                after = _OF_PLACE.match(text, m.end(2))
                if not m.group(3) and after:
                    title = f"{title} {after.group(0).strip()}"
            elif form == "title":
                name_group, title = 2, m.group(1)
            elif form == "apposition":
                name_group, title = 1, m.group(2)
            else:
                name_group, title = 2, m.group(1)
            a, b = m.start(name_group), m.end(name_group)
            written = text[a:b].rstrip(".")
            b = a + len(written)
            if any(x < b and a < y for x, y in taken):
                continue
            words = written.split()
            if form != "caps" and (len(words) < 2 or any(w.lower() in _NOT_NAMES for w in words)):
                continue
            if form == "caps" and any(w.lower() in _NOT_NAMES for w in words):
                continue
            taken.append((a, b))
            title = " ".join(title.split()).removeprefix("a ").removeprefix("an ")
            if title.endswith(".") and not re.search(r"(?:\b[A-Z]|Mr|Ms|Mrs|Dr|Amb|Prof)\.$",
                                                     title):
                title = title[:-1]  # the sentence's full stop
            if re.fullmatch(r"[A-Z]{1,3}", title):
                title = ""  # an abbreviation ("SG") is not the title as a reader needs it
            found.append(PersonFound(a, b, _family_caps(written), written, title.strip(),
                                     f"person name ({form})"))
    return sorted(found, key=lambda p: p.start)


_OF_PLACE = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*")
_NOT_NAMES = {"city", "government", "metropolitan", "university", "council", "association",
              "forum", "department", "ministry", "the", "of", "and", "for", "network",
              "organization", "institute", "center", "centre", "congress", "office", "session",
              "summit", "conference", "province", "prefecture", "region", "state", "republic",
              "seoul", "tcs", "near", "un", "cov", "covid-19", "ccea", "gaok", "clair", "cifca",
              "system", "program", "programme", "declaration", "plan", "agenda", "cities",
              "smart", "group", "photo", "opening", "closing", "remarks", "platform"}


# --- agreements and events ----------------------------------------------------------------------

#: agreement words -> the agreement type (agt:) or tie type (tiet:) they give
AGREEMENT_WORDS = [
    (re.compile(r"\b(?:MOU|MoU|memorandum of understanding|memoranda of understanding)\b", re.I),
     "agreements", "mou"),
    (re.compile(r"\b(?:LOI|LoI|letters? of intent)\b", re.I), "agreements", "letter-of-intent"),
    (re.compile(r"\b(?:[Dd]eclaration)\b"), "agreements", "declaration"),
    (re.compile(r"\b(?:[Cc]ommuniqu[eé])\b"), "agreements", "communique"),
    (re.compile(r"\bsister[- ]cit(?:y|ies)\b", re.I), "ties", "sister-city"),
    (re.compile(r"\bfriendship[- ]cit(?:y|ies)\b", re.I), "ties", "friendship"),
    (re.compile(r"\bcooperation agreement\b", re.I), "agreements", "cooperation-agreement"),
]


def agreements_in(text):
    """(start, end, sheet, type) of every agreement word in a sentence.

    >>> agreements_in("they signed an MOU and a letter of intent")
    [(15, 18, 'agreements', 'mou'), (25, 41, 'agreements', 'letter-of-intent')]
    """
    found = []
    for pattern, sheet, kind in AGREEMENT_WORDS:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), sheet, kind))
    return sorted(found)


_EVENT_WORDS = (r"Forum|Conference|Summit|Congress|Meeting|Symposium|Seminar|Workshop|Plenary|"
                r"Session|Festival|Expo|Assembly|Convention|Series")
_EVENT_TYPES = {"series": "symposium-series", "forum": "forum", "conference": "conference",
                "summit": "meeting",
                "congress": "conference", "meeting": "meeting", "symposium": "symposium",
                "seminar": "seminar", "workshop": "seminar", "plenary": "plenary-meeting",
                "session": "session", "assembly": "meeting", "convention": "conference",
                "festival": "exhibition", "expo": "exhibition"}
_ORDINAL = r"(\d+)(?:st|nd|rd|th)"
_QUOTED_EVENT = re.compile(rf"[“\"]([^”\"]*?\b(?:{_EVENT_WORDS})\b[^”\"]*?)[,.]?[”\"]")
_NAMED_EVENT = re.compile(
    rf"\b(?:[Tt]he\s+)?(?:{_ORDINAL}\s+)?((?:(?:19|20)\d\d\s+)?(?:[A-Z][\w&-]*\s+|of\s+|on\s+|for\s+|"
    rf"and\s+|\d+(?:st|nd|rd|th)\s+)*?(?:{_EVENT_WORDS})\b(?:\s+Series\b)?"
    rf"(?:\s+(?:on|of|for)\s+(?:[A-Z][\w-]*\s*)+)?)")
#: "the online symposium on “Promoting ...”": an event named by its title in quotes
_TITLED_EVENT = re.compile(rf"\b(?:{_EVENT_WORDS.lower()})\s+(?:on|titled|entitled)\s+[“\"]"
                           rf"([^”\"]+)[”\"]")
_HOST = re.compile(r"\b(?:held|hosted|took place|organized)\s+(?:in|at|by)\s+(?:the\s+)?"
                   r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")


@dataclass(frozen=True)
class EventFound:
    """An event a sentence names: span, name, type, number in its series, host as written."""

    start: int
    end: int
    name: str
    type: str
    series_number: str
    host: str
    why: str


def events_in(text):
    """The events a sentence names, with their series number and where they were held.

    >>> [(e.name, e.type, e.series_number, e.host) for e in events_in(
    ...     "the 7th CITYNET Congress held in Seoul on 7-9 November")]
    [('CITYNET Congress', 'conference', '7', 'Seoul')]
    """
    found, taken = [], []
    for why, pattern in (("event titled in quotes", _TITLED_EVENT),
                         ("quoted event name", _QUOTED_EVENT), ("event name", _NAMED_EVENT)):
        for m in pattern.finditer(text):
            group = 2 if why == "event name" else 1
            name = " ".join(m.group(group).split()).strip(" ,.")
            a = m.start(group)
            b = a + len(m.group(group).rstrip(" ,."))
            if any(x < b and a < y for x, y in taken) or len(name.split()) < 2 \
                    and why == "event name":
                continue
            if name.split()[0].lower() in ("the", "a", "an", "this", "each", "every"):
                continue
            taken.append((a, b))
            number = m.group(1) if why == "event name" and m.group(1) else ""
            if why == "event titled in quotes":
                kind_word = m.group(0).split()[0].lower()
            if not number:
                n = re.match(rf"^{_ORDINAL}\s", name)
                number = n.group(1) if n else ""
            words = [w for w in re.findall(r"[A-Za-z]+", name)
                     if w.lower() in _EVENT_TYPES]
            kind = _EVENT_TYPES[words[-1].lower()] if words else "meeting"
            if why == "event titled in quotes":
                kind = _EVENT_TYPES.get(kind_word, kind)
            host = _HOST.search(text, b)
            found.append(EventFound(a, b, name, kind, number,
                                    host.group(1) if host and host.start() - b < 30 else "", why))
    return sorted(found, key=lambda e: e.start)
