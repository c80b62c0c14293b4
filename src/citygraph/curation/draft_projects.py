"""Named projects and their yearly editions, as reports write them.

"the Culture City of East Asia (CCEA) project", "KSP (Knowledge Sharing
Program)": a project with its short name (:func:`projects_in`); "Yangzhou City
of China (CCEA 2020)": the edition of a known project's short name for a year,
with the place before it (:func:`editions_in`). :mod:`citygraph.curation.draft`
turns them into projects rows.
"""

import re
from dataclasses import dataclass

__all__ = ["ProjectFound", "projects_in", "editions_in", "draft_projects"]

_WORD = r"[A-Z][\w’'-]*"
_LINK = r"(?:\s+(?:of|for|and|the|on|in|at|&)\s+|\s+)"
_NAME = rf"{_WORD}(?:{_LINK}{_WORD})*"
_KIND = r"(?:[Pp]roject|[Pp]rogram(?:me)?|[Ii]nitiative|[Cc]ampaign)"
_LONG_FIRST = re.compile(rf"(?P<name>{_NAME})\s+\((?P<alt>[A-Z][A-Za-z]{{1,9}})\)\s+{_KIND}s?\b")
_SHORT_FIRST = re.compile(rf"\b(?P<alt>[A-Z][A-Z]{{1,9}})\s+\((?P<name>{_NAME}\s+{_KIND})\)")


@dataclass(frozen=True)
class ProjectFound:
    """A project a sentence names, or one of its editions: span, name, other name, year."""

    start: int
    end: int
    name: str
    alt: str
    year: str = ""


def projects_in(text):
    """The named projects of a sentence, with their short names.

    >>> [(p.name, p.alt) for p in projects_in("exchanges with a focus on the Culture City of "
    ...                                         "East Asia (CCEA) project.")]
    [('Culture City of East Asia', 'CCEA')]
    >>> [(p.name, p.alt) for p in projects_in("through the government’s KSP (Knowledge "
    ...                                         "Sharing Program)")]
    [('Knowledge Sharing Program', 'KSP')]
    """
    found = []
    for pattern in (_LONG_FIRST, _SHORT_FIRST):
        for m in pattern.finditer(text):
            name = re.sub(r"^(?:The|A|An)\s+", "", m.group("name"))
            if not any(p.start <= m.start() < p.end for p in found):
                found.append(ProjectFound(m.start(), m.end(), name, m.group("alt")))
    return sorted(found, key=lambda p: p.start)


def editions_in(text, short_names):
    """The yearly editions of known projects a sentence lists: "X (CCEA 2020)".

    Each edition's span starts after the one before it, so that the place named
    between them is its own.

    >>> [(e.name, e.year, e.start) for e in editions_in("from Yangzhou (CCEA 2020) and Jeju "
    ...                                                  "(CCEA 2016)", {"CCEA"})]
    [('CCEA 2020', '2020', 0), ('CCEA 2016', '2016', 25)]
    """
    if not short_names:
        return []
    pattern = re.compile(r"\((?P<alt>" + "|".join(map(re.escape, sorted(short_names))) +
                         r")\s+(?P<year>(?:19|20)\d\d)\)")
    found, at = [], 0
    for m in pattern.finditer(text):
        found.append(ProjectFound(at, m.end(), f"{m.group('alt')} {m.group('year')}",
                                  m.group("alt"), m.group("year")))
        at = m.end()
    return found


def draft_projects(ctx, s, quote, event, places, themes_of):
    """Projects sentence ``s`` names with their short name, and their editions by year, into
    the rows of ``ctx`` (the drafting context of :mod:`citygraph.curation.draft`);
    ``themes_of(name)`` gives the themes a name's words say."""
    for p in projects_in(s.text):
        ctx.add("projects", p.name, "a project named with its short name", 0.6,
                 type="cooperation-project", name=p.name, alt_names=p.alt,
                 themes=themes_of(p.name), evidence=quote)
    parents = {r["alt_names"]: r for r in ctx.rows["projects"] if r["alt_names"]}
    for e in editions_in(s.text, set(parents)):
        place = next((ctx.cell(m) for m in places
                      if s.start + e.start <= m.start < s.start + e.end), "")
        ctx.add("projects", e.name, "a project's edition of a year, with the place named "
                 "before it", 0.5, type="cooperation-project", name=e.name,
                 participants=place, reported_at=event, part_of=parents[e.alt]["name"],
                 date=e.year, themes=parents[e.alt]["themes"], evidence=quote)
