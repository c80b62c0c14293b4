"""Links between drafted rows, made once every sentence is read.

:func:`sessions` puts a session the text names into the report's event;
:func:`transfer_dates` dates a policy transfer by the receiver's agreement.
Both take the drafting context of :mod:`citygraph.curation.draft` and change
its rows.
"""

__all__ = ["sessions", "transfer_dates"]


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
