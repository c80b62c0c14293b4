"""How the city network changed: the network as it stood at the end of each period, and its growth.

Periods are given by the years they start (``2008,2012,2016,2020``: 2008-2011,
2012-2015, 2016-2019, and 2020 to the last year any fact is dated) or one per
year (:func:`year_bounds`). For each period the network is taken as it stood
on the period's last day (a snapshot): every fact of the chosen layers that
may have held on that day, projected into the place network as
:func:`citygraph.networks.projection.project` does (a group of n places adds
1/(n-1) to each pair; groups of more than ``max_group`` places stay two-mode).

Interval semantics. A fact's start is the date its layer's projection query
gives it (a start date, a date, the earliest date of a range, or the date a
source states it for); its end is its ``schema:endDate``
(``queries/fact-ends.rq``; ``cg:dateLatest`` bounds a date known only as a
range and ends nothing). A date known only to the year or the month spans all
of it: a membership started "2014" counts from 1 January 2014, one ended
"2018" until 31 December 2018, so a fact counts on a day when it *may* have
held then. A fact with no end holds from its start on (a tie, an agreement, an
attended event stays part of the network once it happened). The first period
also holds everything that began before it.
Facts with no date at all cannot be placed in time: they are counted per
layer (:attr:`Periods.undated`) and reported apart, and no snapshot holds them.

Between two snapshots, places that entered are in the later one and not the
earlier; places that left were in the earlier and not the later (every fact
that held them there had ended). Places are ranked by weighted degree (the
number of groups they share with other places), then degree, then label.
"""

import datetime
from dataclasses import dataclass, field

import networkx as nx

from citygraph.errors import UsageError
from citygraph.networks.projection import LAYERS, incidence, place_attributes
from citygraph.querying.catalog import compact, find_query

__all__ = ["MEASURES", "Periods", "parse_periods", "year_bounds", "first_day", "last_day",
           "fact_ends", "snapshot", "periods", "periods_csv"]

#: the columns of periods.csv, in order
MEASURES = ("period", "start", "end", "places", "edges", "ties", "memberships", "facts",
            "density", "components", "largest_component", "entered", "left", "new_ties",
            "new_memberships", "top_places")


@dataclass
class Periods:
    """Per-period measures (``rows``, one dict per period with :data:`MEASURES`), the places
    that entered and left (``entered``/``left``: period label -> labels), each period's top
    places with their rank and move (``top``), and the undated facts per layer (``undated``)."""

    rows: list
    entered: dict = field(default_factory=dict)
    left: dict = field(default_factory=dict)
    top: dict = field(default_factory=dict)
    undated: dict = field(default_factory=dict)
    layers: tuple = ()


def parse_periods(text):
    """The start years of ``--periods``: comma-separated years, at least one, in order.

    >>> parse_periods("2008, 2012,2016,2020")
    [2008, 2012, 2016, 2020]
    >>> parse_periods("2012,2008")
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: --periods: the years must rise (2012 then 2008)
    >>> parse_periods("2008,later")
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: --periods: 'later' is not a year (YYYY)
    """
    years = []
    for part in str(text).split(","):
        part = part.strip()
        if not (len(part) == 4 and part.isdigit()):
            raise UsageError(f"--periods: {part!r} is not a year (YYYY)")
        if years and int(part) <= years[-1]:
            raise UsageError(f"--periods: the years must rise ({years[-1]} then {part})")
        years.append(int(part))
    return years


def year_bounds(dates):
    """One period a year, from the first year to the last of the given ISO dates.

    >>> year_bounds(["2014", "2016-05-01", None])
    [2014, 2015, 2016]
    """
    years = sorted({int(d[:4]) for d in dates if d})
    return list(range(years[0], years[-1] + 1)) if years else []


def first_day(date):
    """The first day a date (YYYY, YYYY-MM or YYYY-MM-DD) may stand for.

    >>> first_day("2014"), first_day("2016-02"), first_day("2016-06-08T10:00:00")
    ('2014-01-01', '2016-02-01', '2016-06-08')
    """
    return date[:10] + "-01-01"[len(date[:10]) - 4:] if len(date) < 10 else date[:10]


def last_day(date):
    """The last day a date (YYYY, YYYY-MM or YYYY-MM-DD) may stand for.

    >>> last_day("2018"), last_day("2016-02"), last_day("2016-06-08T10:00:00")
    ('2018-12-31', '2016-02-29', '2016-06-08')
    """
    if len(date) >= 10:
        return date[:10]
    if len(date) == 4:
        return f"{date}-12-31"
    year, month = int(date[:4]), int(date[5:7])
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).isoformat()


def fact_ends(target):
    """{fact: end date} of the facts that say when they ended (queries/fact-ends.rq)."""
    ends = {}
    for row in target.select(find_query("fact-ends").text):
        fact = compact(str(row["fact"]))
        end = str(row["end"])[:10]
        ends[fact] = max(ends.get(fact, end), end)
    return ends


def snapshot(rows, ends, day, max_group=100):
    """The place network as it stood on ``day`` (ISO), from incidence rows and end dates.

    ``rows`` are :func:`citygraph.networks.projection.incidence` rows (every
    layer, no date window); ``ends`` maps a fact to its end date. Returns
    ``(G, facts)``: the weighted place network and the facts that held that day.

    >>> rows = [{"layer": "membership", "group": "cgorg:n", "fact": f"fact:{p}",
    ...          "place": f"place:{p}", "date": d} for p, d in (("a", "2014"), ("b", "2015"),
    ...          ("c", "2020"), ("d", None))]
    >>> G, facts = snapshot(rows, {"fact:a": "2016"}, "2016-12-31")
    >>> sorted(G.nodes), sorted(facts)
    (['place:a', 'place:b'], [('membership', 'fact:a'), ('membership', 'fact:b')])
    >>> sorted(snapshot(rows, {"fact:a": "2016"}, "2017-01-01")[0].nodes)
    ['place:b']
    """
    groups, facts = {}, set()
    for row in rows:
        date = row["date"]
        if date is None or first_day(date) > day:
            continue
        end = ends.get(row["fact"])
        if end is not None and last_day(end) < day:
            continue
        groups.setdefault((row["layer"], row["group"]), set()).add(row["place"])
        facts.add((row["layer"], row["fact"]))
    G = nx.Graph()
    for members in groups.values():
        G.add_nodes_from(members)
        n = len(members)
        if n < 2 or (max_group is not None and n > max_group):
            continue
        ordered = sorted(members)
        for i, u in enumerate(ordered):
            for v in ordered[i + 1:]:
                if G.has_edge(u, v):
                    G.edges[u, v]["weight"] += 1.0 / (n - 1)
                else:
                    G.add_edge(u, v, weight=1.0 / (n - 1))
    return G, facts


def _ranking(G, labels):
    strength = dict(G.degree(weight="weight"))
    return sorted(G.nodes, key=lambda n: (-round(strength[n], 9), -G.degree(n),
                                          labels.get(n, n), n))


def _label(places, node):
    return (places.get(node) or {}).get("label") or node.split(":", 1)[-1]


def _period_labels(bounds, last_year):
    labels = []
    for i, year in enumerate(bounds):
        end = bounds[i + 1] - 1 if i + 1 < len(bounds) else max(year, last_year)
        labels.append((f"{year}" if end == year else f"{year}-{end}", f"{year}-01-01",
                       f"{end}-12-31"))
    return labels


def periods(target, bounds=None, layers=LAYERS, max_group=100, top=10, by_year=False):
    """Per-period measures of the place network; returns a :class:`Periods`.

    ``bounds`` are the start years (:func:`parse_periods`); ``by_year`` makes
    one period a year from the first dated fact to the last.

    >>> from citygraph.querying.sparql import connect
    >>> import pyoxigraph as ox
    >>> periods(connect(ox.Store()), [2008, 2012]).rows[0]["places"]
    0
    """
    layers = tuple(layers)
    places = place_attributes(target)
    rows = [row for layer in layers for row in incidence(target, layer)]
    ends = fact_ends(target)
    undated = {layer: len({r["fact"] for r in rows if r["layer"] == layer and r["date"] is None})
               for layer in layers}
    dated = [r["date"] for r in rows if r["date"]]
    if by_year:
        bounds = year_bounds(dated)
    if not bounds:
        raise UsageError("--periods: give the years periods start (2008,2012,2016) "
                         "or --by-year" if not by_year else "--by-year: no fact has a date")
    last_year = max((int(d[:4]) for d in dated), default=bounds[-1])
    result = Periods([], undated=undated, layers=layers)
    labels = {node: _label(places, node) for node in places}
    previous, previous_rank, previous_facts = None, {}, set()
    for label, start, end in _period_labels(bounds, last_year):
        G, facts = snapshot(rows, ends, end, max_group)
        components = list(nx.connected_components(G))
        order = _ranking(G, labels)
        rank = {node: i for i, node in enumerate(order, start=1)}
        nodes = set(G.nodes)
        entered = sorted(nodes - (previous or set()), key=lambda n: labels.get(n, n))
        left = sorted((previous or set()) - nodes, key=lambda n: labels.get(n, n))
        new = facts - previous_facts
        result.entered[label] = [labels.get(n, n) for n in entered]
        result.left[label] = [labels.get(n, n) for n in left]
        result.top[label] = [
            (rank[n], labels.get(n, n), n, round(G.degree(n, weight="weight"), 4),
             G.degree(n), None if n not in previous_rank else previous_rank[n] - rank[n])
            for n in order[:top]]
        result.rows.append({
            "period": label, "start": start, "end": end,
            "places": G.number_of_nodes(), "edges": G.number_of_edges(),
            "ties": sum(1 for layer, _f in facts if layer == "tie"),
            "memberships": sum(1 for layer, _f in facts if layer == "membership"),
            "facts": len(facts),
            "density": round(nx.density(G), 6) if len(G) > 1 else 0.0,
            "components": len(components),
            "largest_component": max((len(c) for c in components), default=0),
            "entered": len(entered), "left": len(left),
            "new_ties": sum(1 for layer, _f in new if layer == "tie"),
            "new_memberships": sum(1 for layer, _f in new if layer == "membership"),
            "top_places": "; ".join(labels.get(n, n) for n in order[:3]),
        })
        previous, previous_rank, previous_facts = nodes, rank, facts
    return result


def periods_csv(result):
    """The per-period measures as CSV text (:data:`MEASURES`), then the undated facts per layer.

    >>> print(periods_csv(Periods([], undated={"tie": 2})), end="")
    period,start,end,places,edges,ties,memberships,facts,density,components,\
largest_component,entered,left,new_ties,new_memberships,top_places
    undated tie,,,,,2,,2,,,,,,,,
    """
    from citygraph.fileio import csv_text

    table = [[row[key] for key in MEASURES] for row in result.rows]
    for layer, count in result.undated.items():
        if count:
            cells = {"period": f"undated {layer}", "facts": count}
            if layer == "tie":
                cells["ties"] = count
            if layer == "membership":
                cells["memberships"] = count
            table.append([cells.get(key, "") for key in MEASURES])
    return csv_text(list(MEASURES), table)
