"""The periods section of the HTML report: per-period table, growth curves, entries, ranks."""

import html
import io

__all__ = ["plot_growth", "periods_section", "periods_lines"]

#: places listed by name under "entered" and "left" in a period, at most
_LISTED = 40


def plot_growth(result):
    """PNG bytes: places, edges and memberships at the end of each period, and what was new.

    >>> from citygraph.networks.periods import Periods
    >>> row = {"period": "2014", "places": 3, "edges": 2, "memberships": 3, "ties": 0,
    ...        "entered": 3, "left": 0, "new_ties": 0, "new_memberships": 3}
    >>> plot_growth(Periods([row]))[:4]
    b'\\x89PNG'
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    labels = [row["period"] for row in result.rows]
    x = list(range(len(labels)))
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for key, name in (("places", "places"), ("edges", "edges"), ("memberships", "memberships"),
                      ("ties", "ties")):
        left.plot(x, [row[key] for row in result.rows], marker="o", label=name)
    left.set_title("The network at the end of each period")
    width = 0.27
    for shift, (key, name) in zip((-width, 0, width), (
            ("entered", "places entered"), ("new_memberships", "memberships begun"),
            ("new_ties", "ties begun")), strict=True):
        right.bar([i + shift for i in x], [row[key] for row in result.rows], width=width,
                  label=name)
    right.set_title("New in each period")
    for ax in (left, right):
        ax.set_xticks(x, labels, rotation=45 if len(labels) > 6 else 0, ha="right"
                      if len(labels) > 6 else "center")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=8)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def _cells(row):
    return "".join(f"<td>{html.escape(str(c))}</td>" for c in row)


def _table(header, rows):
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    return (f"<table><thead><tr>{head}</tr></thead><tbody>"
            + "".join(f"<tr>{_cells(r)}</tr>" for r in rows) + "</tbody></table>")


def _names(names):
    shown = ", ".join(names[:_LISTED])
    return shown + (f" and {len(names) - _LISTED} more" if len(names) > _LISTED else "")


def _move(move):
    if move is None:
        return "new"
    return f"+{move}" if move > 0 else str(move) if move < 0 else "="


def periods_lines(result):
    """The undated facts as sentences: what no period holds, per layer.

    >>> from citygraph.networks.periods import Periods
    >>> periods_lines(Periods([], undated={"tie": 12, "event": 0, "project": 6}))
    ['18 facts have no date and are in no period: 12 tie, 6 project']
    """
    counted = {layer: n for layer, n in result.undated.items() if n}
    if not counted:
        return ["every fact of the chosen layers has a date"]
    return [f"{sum(counted.values())} facts have no date and are in no period: "
            + ", ".join(f"{n} {layer}" for layer, n in counted.items())]


def periods_section(result, image):
    """The HTML of the periods section; ``image`` turns PNG bytes and alt text into an <img>."""
    from citygraph.networks.periods import MEASURES

    parts = ["<h2>How the network changed</h2>",
             "<p>Each period's network is the network as it stood on the period's last day: "
             "every fact that may have held that day (a date known only to the year spans the "
             "year; a fact with no end holds from its start on; the first period also holds "
             "what began before it). Places are ranked by weighted degree.</p>",
             "<p>" + html.escape("; ".join(periods_lines(result))) + "</p>",
             _table(MEASURES[:-1], [[row[k] for k in MEASURES[:-1]] for row in result.rows]),
             image(plot_growth(result), "growth of the network period by period")]
    for row in result.rows:
        label = row["period"]
        parts.append(f"<h3>{html.escape(label)}</h3>")
        parts.append(f"<p><b>Entered</b> ({row['entered']}): "
                     f"{html.escape(_names(result.entered[label])) or 'none'}<br>"
                     f"<b>Left</b> ({row['left']}): "
                     f"{html.escape(_names(result.left[label])) or 'none'}</p>")
        top = result.top.get(label) or []
        if top:
            parts.append(_table(["rank", "place", "weighted degree", "degree", "move"],
                                [[r, name, w, d, _move(m)] for r, name, _n, w, d, m in top]))
    return "\n".join(parts)
