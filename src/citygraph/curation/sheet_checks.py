"""Checks of a source's sheets before compiling: required cells, and quotes not in the text.

Each finding is a :class:`~citygraph.curation.sheet_names.Problem` located as
``sheet:row:column``: a required cell left empty (with the allowed terms where the
column takes a vocabulary's), and a quote that is not in the source's text, shown
whole beside the nearest passage of the text with the first word that differs.
"""

import difflib

from citygraph.curation.sheet_names import _allowed

__all__ = ["REQUIRED", "required_cells", "quotes_in_text", "first_difference"]

#: kind -> {column: the vocabulary prefix of its terms, or None}: the cells a fact needs
REQUIRED = {
    "events": {"type": "evt"},
    "counts": {"of": None, "value": None},
    "participations": {"participant": None, "event": None},
    "talks": {"speaker": None, "event": None},
    "agreements": {"type": "agt", "parties": None},
    "ties": {"type": "tiet"},
    "memberships": {"member": None, "organization": None, "role": "mrole"},
    "projects": {"type": "projt"},
}


def required_cells(state, sheets):
    """Report every required cell left empty."""
    for kind, columns in REQUIRED.items():
        for row in sheets.get(kind, []):
            for column, prefix in columns.items():
                if row.get(column):
                    continue
                hint = f"; one of {', '.join(_allowed(state, prefix))}" if prefix else ""
                state.problem(row, column, f"empty: a row of {kind} needs its {column}{hint}")


def first_difference(quote, passage):
    """The first words where ``quote`` and ``passage`` differ: (quote's words, passage's words).

    >>> first_difference("a meeting of 4 days in Tomsk", "a meeting of four days in Tomsk")
    ('4', 'four')
    >>> first_difference("the forum was held", "the forum held")
    ('was', '')
    """
    a, b = quote.split(), passage.split()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            return " ".join(a[i1:i2]), " ".join(b[j1:j2])
    return "", ""


def quotes_in_text(state, sheets, text, name):
    """Report every evidence quote of the sheets that is not in ``text`` (whitespace folded)."""
    from citygraph.graph.evidence import collapse, nearest_passage

    folded = collapse(text)
    for rows in sheets.values():
        for row in rows:
            for quote in row.many("evidence"):
                if collapse(quote) in folded:
                    continue
                passage = nearest_passage(quote, text)
                mine, theirs = first_difference(collapse(quote), passage)
                where = (f"; it differs at {mine!r}, where the text has {theirs!r}"
                         if mine and theirs else
                         f"; the text lacks {mine!r}" if mine else
                         f"; the text has {theirs!r} there" if theirs else "")
                state.problem(row, "evidence", f"{collapse(quote)!r} is not in the text of "
                              f"{name}; nearest: {passage!r}{where}")
