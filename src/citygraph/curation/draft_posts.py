"""The posts a person's title gives: one per title, its label, its organization.

A drafted person carries the title as the text writes it ("Colombo Mayor",
"Secretary-General of CIFCA & Council Member of CPAFFC", "TCS
Secretary-General"). :func:`split_titles` gives one title per post,
:func:`post_label` the post's label as ``docs/modelling.md`` writes it ("Mayor
of Colombo"), :func:`title_owner` the name of the organization or place the
title names, and :func:`city_government` the body a mayor heads when the graph
has none for the city ("City of Colombo", governing Colombo).
"""

import re

__all__ = ["split_titles", "post_label", "title_owner", "city_government", "complete_posts"]

_JOIN = re.compile(r"\s+(?:&|and)\s+")
_LEAD = re.compile(r"^(?:a|an|the)\s+", re.I)


def split_titles(title):
    """One title per post: a title joining two posts ("X of A & Y of B") is split.

    >>> split_titles("Secretary-General of CIFCA & Council Member of CPAFFC")
    ['Secretary-General of CIFCA', 'Council Member of CPAFFC']
    >>> split_titles("Director of Trade and Investment")
    ['Director of Trade and Investment']
    """
    parts = _JOIN.split(title)
    if len(parts) > 1 and all(" of " in p and p[:1].isupper() for p in parts):
        return parts
    return [title]


def post_label(title, role):
    """The label of the post a title names, or "" when it names no body.

    >>> post_label("Colombo Mayor", "Mayor"), post_label("Head of Seoul Office, CLAIR", "Head")
    ('Mayor of Colombo', 'Head of Seoul Office, CLAIR')
    >>> post_label("Mayor", "Mayor")
    ''
    """
    title = _LEAD.sub("", title.strip())
    if " of " in title or ", " in title:
        return title
    if role and title.endswith(" " + role):
        return f"{role} of {title[:-len(role)].strip()}"
    return ""


def title_owner(title, role, names):
    """The last of ``names`` (organizations and places) the title names, outside the role.

    >>> title_owner("Secretary-General of CIFCA", "Secretary-General", ["TCS", "CIFCA"])
    'CIFCA'
    >>> title_owner("TCS Secretary-General", "Secretary-General", ["TCS", "CIFCA"])
    'TCS'
    """
    rest = title.replace(role, " ", 1) if role else title
    best, at = "", -1
    for name in names:
        found = list(re.finditer(rf"(?<![\w’']){re.escape(name)}(?![\w’'])", rest))
        m = found[-1] if found else None
        if m is not None and (m.start() > at or m.start() == at and len(name) > len(best)):
            best, at = name, m.start()
    return best


def city_government(index, place_name):
    """The graph's body governing a city, by its usual names, or None.

    ``index`` is a :class:`citygraph.places.lookup.Index`.
    """
    for name in (f"{place_name} Metropolitan Government", f"{place_name} City Government",
                 f"{place_name} Government", f"City of {place_name}",
                 f"{place_name} City Council"):
        found = index.find(name)
        if len(found) == 1:
            return found[0]
    return None


def complete_posts(ctx):
    """Each drafted person's post: its label, and the body the title names (a mayor's city's).

    ``ctx`` is the drafting context of :mod:`citygraph.curation.draft`; its rows change.
    """
    bodies = {m.text: ctx.cell(m) for m in ctx.mentions if m.kind in ("place", "organization")}
    for r in ctx.rows["organizations"]:
        bodies.update({n: r["name"] for n in (r["name"], r["alt_names"]) if n})
    for row in ctx.rows["people"]:
        title, role = row["title"], row["role"]
        row["post"] = row["post"] or post_label(title, role)
        owner = title_owner(title, role, list(bodies)) if title else ""
        if row["organization"] or not owner:
            continue
        place = next((m for m in ctx.mentions if m.text == owner and m.kind == "place"), None)
        if place is None:
            row["organization"] = bodies[owner]
        elif role in ("Mayor", "Governor"):
            government = city_government(ctx.index, owner)
            row["organization"] = ctx.curie(government) if government else \
                f"City of {owner}" if role == "Mayor" else ""
            if role == "Mayor" and not government:
                ctx.add("organizations", f"City of {owner}", "the body a mayor of a city "
                        "heads, new: not in the graph", 0.5, name=f"City of {owner}",
                        type="LocalGovernment", based_in=ctx.cell(place), governs=ctx.cell(place))
    # who speaks or takes part comes for the body of the person's (first) post
    body_of = {}
    for row in ctx.rows["people"]:
        if row["organization"]:
            body_of.setdefault(row["name"], row["organization"])
    for kind, person in (("participations", "participant"), ("talks", "speaker")):
        for row in ctx.rows[kind]:
            if not row["on_behalf_of"] and row[person] in body_of:
                row["on_behalf_of"] = body_of[row[person]]
