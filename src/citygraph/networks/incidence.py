"""Read the city network's raw material from the store: each layer's incidence rows, every
place's attributes, and the options that choose them (layers, dates, folds).

Each layer is a query ``queries/project-<layer>.rq`` that returns the bipartite
incidence of places and the facts (or networks, or events) that join them;
``queries/project-places.rq`` gives what the network shows about each place.
IRIs come back as prefixed names (``place:seoul``), dates as ISO strings.
:mod:`citygraph.networks.projection` turns the rows into networks.
"""

import datetime
import functools
import re

from citygraph.errors import UsageError
from citygraph.namespaces import PREFIXES
from citygraph.querying.catalog import compact, find_query
from citygraph.querying.sparql import to_python

__all__ = [
    "LAYERS",
    "FOLDS",
    "parse_layers",
    "parse_date",
    "incidence",
    "place_attributes",
    "fold_place",
    "reading_ahead",
]

#: the layers of the city network, each defined by ``queries/project-<layer>.rq``
LAYERS = ("agreement", "tie", "membership", "event", "project")

#: how places may be folded: not at all, districts into their city, cities and
#: districts into their region, everything into its country
FOLDS = ("none", "city", "region", "country")

_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?|")
_NAMESPACES = sorted(((namespace, prefix) for prefix, namespace in PREFIXES.items()),
                     key=lambda item: -len(item[0]))


@functools.cache
def _compact(iri):
    """:func:`citygraph.querying.catalog.compact`, trying the longest namespaces first and stopping
    at the first that fits (the same answer: compact keeps the longest that fits).

    >>> _compact("https://w3id.org/citygraph/id/place/seoul"), _compact("http://e.org/x")
    ('place:seoul', '<http://e.org/x>')
    """
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace):]}"
    return compact(iri)


#: the columns of the projection queries that only ever hold literals (all others may
#: hold IRIs or blank nodes)
_LITERALS = frozenset(("date", "label", "geonames", "lat", "long", "countryLabel",
                       "countryCode"))


def _remote_value(term):
    value = to_python(term)
    return value.isoformat() if isinstance(value, datetime.date) else value


def _select(target, query):
    """Rows of a SELECT as dicts of plain values: IRIs as strings, literals as their text.

    On the embedded store the rows come as text straight from the store's CSV
    (:meth:`citygraph.querying.sparql.LocalTarget.select_text`: no Python object
    per term, which at a million triples is most of the time); a blank node
    comes as its id, as pyoxigraph's ``value`` gives it. A remote endpoint's
    rows go through :func:`citygraph.querying.sparql.to_python`.
    """
    if getattr(target, "is_remote", True) or not hasattr(target, "select_text"):
        for row in target.select(query):
            yield {key: _remote_value(term) for key, term in row.items()}
        return
    names, rows = target.select_text(query)
    nodes = [name not in _LITERALS for name in names]
    for row in rows:
        yield {name: value[2:] if node and value is not None and value.startswith("_:")
               else value for name, node, value in zip(names, nodes, row, strict=True)}

_KIND_ORDER = ("District", "City", "SpecialSelfGoverningProvince", "Province", "Prefecture",
               "FederalSubject", "AutonomousRegion", "Region", "Country", "Place")
_REGION_KINDS = {"Region", "Province", "Prefecture", "FederalSubject", "AutonomousRegion",
                 "SpecialSelfGoverningProvince"}


def parse_layers(text):
    """Read a ``--layer`` value: comma-separated layer names, or ``all``.

    >>> parse_layers("agreement, tie")
    ('agreement', 'tie')
    >>> parse_layers("all") == LAYERS
    True
    >>> parse_layers("agreements")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: --layer: unknown layer 'agreements'; choose from agreement, ...
    """
    if text is None or text.strip() in ("", "all"):
        return LAYERS
    names = [name.strip() for name in str(text).split(",") if name.strip()]
    for name in names:
        if name not in LAYERS:
            raise UsageError(
                f"--layer: unknown layer {name!r}; choose from {', '.join(LAYERS)} or all"
            )
    return tuple(dict.fromkeys(names))


def parse_date(text, option="--since"):
    """Read a date option (YYYY-MM-DD, YYYY-MM or YYYY) into an ISO string, None stays None.

    >>> parse_date("2016-06"), parse_date(None)
    ('2016-06', None)
    >>> parse_date("June 2016")
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: --since: 'June 2016' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)
    """
    if text is None:
        return None
    if isinstance(text, datetime.date):
        return text.isoformat()[:10]
    text = str(text).strip()
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if len(text) == size:
            return text
    raise UsageError(f"{option}: {text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")


def _iso(value):
    """A date value from the store as an ISO string (date part only), None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)[:10]


def _in_window(date, since, until):
    """Whether an ISO date (possibly only a year or month) can fall inside [since, until]."""
    if since is None and until is None:
        return True
    if date is None:
        return False
    start = date + "-01-01"[len(date) - 4:] if len(date) < 10 else date
    end = date + "-12-31"[len(date) - 4:] if len(date) < 10 else date
    if since is not None and end < since:
        return False
    if until is not None and start[:len(until)] > until:
        return False
    return True


def incidence(target, layer, since=None, until=None):
    """The rows of a layer's projection query, as plain values, inside a date window.

    Each row is a dict with ``group`` (what joins places: an agreement, a tie,
    a network, a top-level event, a project), ``fact``, ``actor`` (the party as
    the data names it), ``place``, ``role``, ``date`` (ISO string), ``type`` and
    ``doc``; IRIs are prefixed names. With ``since``/``until`` (ISO strings), a
    row is kept when its date can fall inside the window; undated rows are then
    left out.

    >>> from citygraph.querying.sparql import connect
    >>> import pyoxigraph as ox
    >>> incidence(connect(ox.Store()), "tie")
    []
    """
    if layer not in LAYERS:
        raise UsageError(f"unknown layer {layer!r}; choose from {', '.join(LAYERS)}")
    rows = []
    for values in _select(target, find_query(f"project-{layer}").text):
        date = _iso(values.get("date"))
        if not _in_window(date, since, until):
            continue
        out = {"layer": layer, "date": date}
        for key in ("group", "fact", "actor", "place", "role", "type", "doc"):
            value = values.get(key)
            out[key] = _compact(value) if isinstance(value, str) and "://" in value else value
        rows.append(out)
    return rows


def _kind_rank(kind):
    return _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)


def _least(current, value):
    """``value`` if nothing is kept yet or it sorts first, else ``current``.

    >>> _least(None, "b"), _least("b", "a"), _least("a", "b")
    ('b', 'a', 'a')
    """
    return value if current is None or value < current else current


class _ReadAhead:
    """A store target whose answers to some SELECTs, in the order they are read, are already
    being read.

    The store evaluates a query without holding the GIL, so while this thread
    turns one answer into rows, the next ones run on the other core. At most
    ``ahead`` answers are running or waiting at a time: each holds all its rows.
    """

    def __init__(self, target, queries, ahead=2):
        from concurrent.futures import ThreadPoolExecutor

        self._target = target
        self._pool = ThreadPoolExecutor(ahead, thread_name_prefix="citygraph-read-ahead")
        self._waiting = list(reversed(queries))
        self._answers = {}
        for _ in range(ahead):
            self._next()

    def _next(self):
        if self._waiting:
            query = self._waiting.pop()
            self._answers[query] = self._pool.submit(self._target.select_text, query)
        elif not self._answers:
            self._pool.shutdown(wait=False)

    def __getattr__(self, name):
        return getattr(self._target, name)

    def select_text(self, query, bindings=None):
        answer = None if bindings else self._answers.pop(query, None)
        if answer is None:
            return self._target.select_text(query, bindings)
        self._next()
        return answer.result()


def reading_ahead(target, layers):
    """``target`` with the places' query and the ``layers``' queries already running, two at a
    time, in the order they are read (:func:`place_attributes`, then :func:`incidence` per
    layer); a remote target as it is. Each answer is read once; asked again, the store
    answers anew.

    >>> from citygraph.querying.sparql import connect
    >>> import pyoxigraph as ox
    >>> place_attributes(reading_ahead(connect(ox.Store()), ["tie"]))
    {}
    """
    if getattr(target, "is_remote", True) or not hasattr(target, "select_text"):
        return target
    queries = [find_query("project-places").text]
    queries += [find_query(f"project-{layer}").text for layer in layers]
    return _ReadAhead(target, queries)


def place_attributes(target):
    """Every place's attributes, keyed by prefixed IRI, from ``queries/project-places.rq``:
    one query for all places, whatever the layers.

    Values: ``label``, ``kind`` (most specific place class: City, Prefecture,
    Country, ...), ``country`` (label), ``country_code``, ``country_id``,
    ``geonames``, ``lat``, ``lon`` (floats), ``iri``, and the enclosing
    ``region`` and ``city`` where the data names them.

    >>> from citygraph.querying.sparql import connect
    >>> import pyoxigraph as ox
    >>> place_attributes(connect(ox.Store()))
    {}
    """
    kinds, values, parents, countries = {}, {}, [], {}
    for v in _select(target, find_query("project-places").text):
        place = v.get("place")
        if place is None:  # a country's label and code, read once for all its places
            entry = countries.setdefault(v["country"], {"label": None, "code": None})
            for key, name in (("label", "countryLabel"), ("code", "countryCode")):
                if v.get(name) is not None:
                    entry[key] = _least(entry[key], str(v[name]))
        elif v.get("kind") is not None:
            kinds.setdefault(place, set()).add(v["kind"].rsplit("#", 1)[-1])
        elif v.get("parent") is not None:
            parents.append((place, v["parent"]))
        else:
            values.setdefault(place, []).append(v)
    places = {}
    unknown = _kind_rank(None)
    for iri, names in kinds.items():
        kind = min(names, key=_kind_rank)
        attrs = places[_compact(iri)] = {
            "label": None, "kind": kind if _kind_rank(kind) < unknown else None,
            "country": None, "country_code": None, "country_id": None, "geonames": None,
            "lat": None, "lon": None, "iri": iri, "region": None, "city": None,
        }
        # rows come in no set order: where a place has two values, keep the least,
        # so the same graph always gives the same attributes
        for v in values.get(iri, ()):
            for key in ("label", "geonames"):
                if v.get(key) is not None:
                    attrs[key] = _least(attrs[key], str(v[key]))
            if v.get("country"):
                attrs["country_id"] = _least(attrs["country_id"], _compact(v["country"]))
                country = countries.get(v["country"], {})
                if country.get("label") is not None:
                    attrs["country"] = _least(attrs["country"], country["label"])
                if country.get("code") is not None:
                    attrs["country_code"] = _least(attrs["country_code"], country["code"])
            if v.get("lat") is not None and v.get("long") is not None:
                kept = None if attrs["lat"] is None else (attrs["lat"], attrs["lon"])
                attrs["lat"], attrs["lon"] = _least(kept, (float(v["lat"]), float(v["long"])))
    for iri, parent in parents:
        attrs = places.get(_compact(iri)) if iri in kinds else None
        if attrs is None:
            continue
        for parent_kind in kinds.get(parent, ()):
            if parent_kind in _REGION_KINDS:
                attrs["region"] = _least(attrs["region"], _compact(parent))
            elif parent_kind == "City":
                attrs["city"] = _least(attrs["city"], _compact(parent))
    for node, attrs in places.items():
        if attrs["kind"] == "Country":
            attrs["country_id"] = node
            attrs["country"] = attrs["country"] or attrs["label"]
    return places


def fold_place(node, places, fold="none"):
    """The node a place becomes under a fold (see :data:`FOLDS`).

    >>> places = {"place:tomsk": {"kind": "City", "region": "place:tomsk-oblast",
    ...           "city": None, "country_id": "place:country-ru"}}
    >>> fold_place("place:tomsk", places, "region"), fold_place("place:tomsk", places, "country")
    ('place:tomsk-oblast', 'place:country-ru')
    >>> fold_place("place:tomsk", places, "city")
    'place:tomsk'
    """
    if fold not in FOLDS:
        raise UsageError(f"--fold: unknown fold {fold!r}; choose from {', '.join(FOLDS)}")
    attrs = places.get(node)
    if fold == "none" or attrs is None:
        return node
    if fold == "country":
        return attrs.get("country_id") or node
    if fold == "region":
        if attrs.get("kind") == "District" and attrs.get("city"):
            city = places.get(attrs["city"], {})
            return city.get("region") or attrs.get("region") or attrs["city"]
        if attrs.get("kind") in ("City", "District") and attrs.get("region"):
            return attrs["region"]
        return node
    if attrs.get("kind") == "District" and attrs.get("city"):
        return attrs["city"]
    return node
