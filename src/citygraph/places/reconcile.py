"""Reconcile city names and country strings against the offline GeoNames and ISO gazetteers."""

import bisect
import math
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from citygraph.places.geoindex import City, Index, build_index, get_index, index_build_seconds
from citygraph.places.names import fold_name, qualifiers, strip_qualifier

__all__ = [
    "City",
    "Index",
    "CountryMatch",
    "Decision",
    "RESOLVED",
    "AMBIGUOUS",
    "UNRESOLVED",
    "SKIPPED",
    "build_index",
    "get_index",
    "index_build_seconds",
    "resolve_country",
    "name_variants",
    "distance_km",
    "reconcile",
]

RESOLVED = "resolved"
AMBIGUOUS = "ambiguous"
UNRESOLVED = "unresolved"
#: a person decided that this name is not to be attached to any place
SKIPPED = "skipped"

#: a match needs at least this name similarity (0-100) to count as a candidate
NAME_CUTOFF = 90
#: among homonyms, the largest wins only when it is this many times larger than the next
POPULATION_DOMINANCE = 20
#: a town this large wins over homonyms whose population GeoNames does not give
KNOWN_TOWN = 5000
#: homonyms this close to each other are one place listed twice (a town and its seat)
SAME_PLACE_KM = 10.0
#: a candidate farther than this from the coordinates a row gives is not that place
MAX_DISTANCE_KM = 60.0
#: a candidate this close to a place named in a qualifier ("Mitte (Berlin)") lies in it
HINT_DISTANCE_KM = 40.0

# English forms of countries and constituent countries that neither pycountry nor
# GeoNames spell this way; each maps to the ISO 3166-1 code the gazetteers file the
# place under. Regions in the value are kept as hints (UK nations are GeoNames admin1 codes).
_COUNTRY_ALIASES = {
    "england": ("GB", "ENG"),
    "scotland": ("GB", "SCT"),
    "wales": ("GB", "WLS"),
    "northern ireland": ("GB", "NIR"),
    "great britain": ("GB", None),
    "uk": ("GB", None),
    "republic of ireland": ("IE", None),
    "usa": ("US", None),
    "northern cyprus": ("CY", None),
    "moldavia": ("MD", None),
    "east timor": ("TL", None),
    "ivory coast": ("CI", None),
    "cape verde": ("CV", None),
    "swaziland": ("SZ", None),
    "macedonia": ("MK", None),
    "burma": ("MM", None),
    "holland": ("NL", None),
    "west bank": ("PS", None),
    "palestine": ("PS", None),
    "bosnia and hercegovina": ("BA", None),
    "federated states of micronesia": ("FM", None),
    "micronesia": ("FM", None),
    "vatican city": ("VA", None),
    "the gambia": ("GM", None),
    "the bahamas": ("BS", None),
    "surinam": ("SR", None),
}


@dataclass(frozen=True)
class CountryMatch:
    """The countries a country string allows and the region hints it carries."""

    codes: tuple
    admin1: str | None = None
    hints: tuple = ()


def _country_code(text, index):
    key = fold_name(strip_qualifier(text))
    if not key:
        return None, None
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    if key in index.countries:
        return index.countries[key], None
    if key.startswith("the ") and key[4:] in index.countries:
        return index.countries[key[4:]], None
    if len(key) >= 5:
        best = process.extract(key, list(index.countries), scorer=fuzz.ratio, limit=2,
                               score_cutoff=88)
        # the words that tell countries apart must be alike too: "Republic of Korea" is
        # as close to "Republic of Kenya" as "Madagaskar" is to "Madagascar"
        codes = {index.countries[k] for k, _, _ in best
                 if fuzz.ratio(_distinctive(key), _distinctive(k)) >= 80}
        if len(codes) == 1:
            return codes.pop(), None
    return None, None


_GENERIC_COUNTRY_WORDS = {"republic", "of", "the", "democratic", "people", "peoples", "s",
                          "federal", "federation", "state", "states", "united", "kingdom",
                          "islamic", "socialist", "union", "and", "islands"}


def _distinctive(key):
    """A folded country name without the words many countries' names share."""
    return " ".join(w for w in key.split() if w not in _GENERIC_COUNTRY_WORDS)


def resolve_country(text, index=None):
    """Resolve a country string, keeping a region part as a hint.

    Returns ``None`` when no part of the string is a country.

    >>> index = get_index(15000)
    >>> resolve_country("England, United Kingdom", index)
    CountryMatch(codes=('GB',), admin1='ENG', hints=('England',))
    >>> resolve_country("Ohio, United States", index)
    CountryMatch(codes=('US',), admin1='OH', hints=('Ohio',))
    >>> resolve_country("Georgia (country)", index).codes
    ('GE',)
    >>> resolve_country("Åland Islands, Finland", index).codes
    ('AX', 'FI')
    >>> resolve_country("Korea, South", index).codes, resolve_country("Republic of Korea", index)
    (('KR',), CountryMatch(codes=('KR',), admin1=None, hints=()))
    >>> resolve_country("Zaire", index).codes, resolve_country("Madagaskar", index).codes
    (('CD',), ('MG',))
    >>> resolve_country("Narnia", index) is None
    True
    """
    index = index or get_index()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    codes, admin1, hints = [], None, []
    for part in parts:
        code, region = _country_code(part, index)
        if code:
            if code not in codes:
                codes.append(code)
            if region:
                admin1 = region
                hints.append(part)
        else:
            hints.append(part)
    if not codes and len(parts) == 2:
        # "Korea, South": a country written the way lists sort it
        code, region = _country_code(f"{parts[1]} {parts[0]}", index)
        if code:
            codes, admin1, hints = [code], region, []
    if not codes:
        return None
    if admin1 is None and codes == ["US"]:
        for hint in hints:
            admin1 = index.us_states.get(fold_name(hint)) or admin1
    return CountryMatch(tuple(codes), admin1, tuple(hints))


_SAINTS = (("st ", ("saint ", "sankt ")), ("ste ", ("sainte ",)), ("saint ", ("st ",)),
           ("sankt ", ("st ",)), ("sainte ", ("ste ",)))


# words that make a name an administrative unit named after its seat: "Września County",
# "Tarashcha Raion", "Jelgava Municipality" (the rural one around Jelgava), "Gmina X"
_UNIT_SUFFIXES = ("district municipality", "municipality", "county", "district", "raion",
                  "rayon", "oblast", "province", "prefecture", "region", "township", "parish",
                  "cercle")
_UNIT_PREFIXES = ("county", "gmina", "canton of", "greater")


def unit_form(name):
    """The folded word that makes a name an administrative unit, or ``None``.

    >>> unit_form("Września County"), unit_form("Gmina Baranów"), unit_form("Alytus")
    ('county', 'gmina', None)
    >>> unit_form("Alytus District Municipality")
    'district municipality'
    """
    folded = fold_name(strip_qualifier(name))
    for word in _UNIT_SUFFIXES:
        if folded.endswith(" " + word):
            return word
    for word in _UNIT_PREFIXES:
        if folded.startswith(word + " "):
            return word
    return None


def name_variants(name):
    """The core names to look up and the hints a name carries.

    >>> name_variants("Halle (Saale)")
    (['halle saale', 'halle', 'halle saale city', 'halle city'], ['Saale'])
    >>> name_variants("Mansfield, Ohio")[1]
    ['Ohio']
    >>> name_variants("St. Ives")[0]
    ['st ives', 'saint ives', 'sankt ives', 'st ives city']
    >>> name_variants("Vienna 1 – Innere Stadt")[1]
    ['Vienna 1', 'Innere Stadt', 'Vienna']
    """
    hints = qualifiers(name)
    core = strip_qualifier(name)
    variants = [fold_name(name)]
    if "," in core:
        head, *rest = [p.strip() for p in core.split(",")]
        hints += [r for r in rest if r]
        core = head
    variants.append(fold_name(core))
    for sep in (" – ", " — ", " -- ", " - "):
        if sep in core:
            pieces = [p.strip() for p in core.split(sep) if p.strip()]
            variants += [fold_name(p) for p in reversed(pieces)]
            hints += pieces
            # "Vienna 1": a numbered district names its city
            hints += [re.sub(r"\s+\d+$", "", p) for p in pieces if re.search(r"\s\d+$", p)]
    folded = fold_name(core)
    unit = unit_form(core)
    if unit:
        # "Września County", "Gmina Baranów": the unit is named after its seat
        variants.append(re.sub(rf"^{unit} | {unit}$", "", folded))
    for prefix in ("city of ", "town of "):
        if folded.startswith(prefix):
            variants.append(folded[len(prefix):])
    if folded.endswith(" town"):
        variants.append(folded[: -len(" town")])
    for v in list(variants):
        for prefix, others in _SAINTS:
            if v.startswith(prefix):
                variants += [other + v[len(prefix):] for other in others]
        variants.append(v[: -len(" city")] if v.endswith(" city") else v + " city")
    seen = []
    for v in variants:
        if v and v not in seen:
            seen.append(v)
    return seen, hints


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres.

    >>> round(distance_km(52.52, 13.405, 48.1374, 11.5755))
    504
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Decision:
    """What reconciliation decided for one (name, country string)."""

    name: str
    country: str
    status: str
    city: City | None = None
    score: float = 0.0
    candidates: list = field(default_factory=list)
    reason: str = ""

    def candidate_text(self):
        """The candidates as one readable cell: ``id name (cc, population)`` joined by "; ".

        At most 12 are listed; the cell then says how many more there are.
        """
        more = len(self.candidates) - 12
        return "; ".join(
            f"{c.geonameid} {c.name} ({c.country}{'-' + c.admin1 if c.admin1 else ''}, "
            f"pop {c.population}, score {s:.2f})" for c, s in self.candidates[:12]) + (
            f"; and {more} more" if more > 0 else "")


def _lookup(index, key, codes):
    """Candidates for a folded key: (city, name score), 100 for a main name, 97 for an alias."""
    found = {}
    for gid in index.names.get(key, ()):
        city = index.cities[gid]
        if city.country in codes:
            found[gid] = (city, 100.0)
    for gid in index.alt.get(key, ()):
        city = index.cities[gid]
        if city.country in codes and gid not in found:
            found[gid] = (city, 97.0)
    return list(found.values())


_BY_LENGTH = {}


def _keys_near_length(index, cc, length):
    """The country's keys whose length allows a ratio of NAME_CUTOFF with a key this long."""
    entry = _BY_LENGTH.get((id(index), cc))
    if entry is None:
        keys = sorted(index.by_country_keys.get(cc, ()), key=len)
        entry = (keys, [len(k) for k in keys])
        _BY_LENGTH[(id(index), cc)] = entry
    keys, lengths = entry
    # ratio = 2 * matches / (len a + len b) >= c  needs  len b within these bounds
    c = NAME_CUTOFF / 100
    low, high = length * c / (2 - c), length * (2 - c) / c
    return keys[bisect.bisect_left(lengths, low):bisect.bisect_right(lengths, high)]


def _fuzzy(index, key, codes):
    found = {}
    for cc in codes:
        keys = _keys_near_length(index, cc, len(key))
        for match, score, _ in process.extract(key, keys, scorer=fuzz.ratio, limit=5,
                                               score_cutoff=NAME_CUTOFF):
            for city, _s in _lookup(index, match, (cc,)):
                if city.geonameid not in found or found[city.geonameid][1] < score:
                    found[city.geonameid] = (city, float(score) * 0.95)
    return list(found.values())


# qualifiers that say the name is an administrative unit around or beside the city of that name
_UNIT_QUALIFIERS = {"district", "rural gmina", "gmina", "samtgemeinde", "verbandsgemeinde",
                    "amt", "county", "raion", "region", "province", "prefecture", "communaute",
                    "rural district", "urban district", "borough", "township"}
# qualifiers that say what kind of place a name is, not where it is
_GENERIC_QUALIFIERS = {"district", "rural gmina", "urban gmina", "gmina", "city", "town",
                       "municipality", "commune", "communaute", "county", "village", "country"}


def _admin1(index, hint, match):
    """The GeoNames admin1 code a region hint names, where the gazetteers tell (US, UK)."""
    key = fold_name(hint)
    if "US" in match.codes and key in index.us_states:
        return index.us_states[key]
    if "GB" in match.codes and key in _COUNTRY_ALIASES and _COUNTRY_ALIASES[key][1]:
        return _COUNTRY_ALIASES[key][1]
    return None


def _hint_places(index, hints, codes):
    places = []
    for hint in hints:
        for city, _s in _lookup(index, fold_name(hint), codes):
            places.append(city)
    return places


def _near(city, places, limit):
    return any(distance_km(city.lat, city.lon, p.lat, p.lon) <= limit for p in places)


def _score(candidates, lat, lon):
    """Score in [0, 1]: name similarity, weighted by population share, and by nearness."""
    total = sum(max(c.population, 1) for c, _ in candidates)
    scored = []
    for city, name_score in candidates:
        share = max(city.population, 1) / total
        score = name_score / 100 * (0.5 + 0.5 * share)
        if lat is not None and lon is not None:
            d = distance_km(lat, lon, city.lat, city.lon)
            score = name_score / 100 * max(0.0, 1 - d / (2 * MAX_DISTANCE_KM))
        scored.append((city, round(score, 4)))
    scored.sort(key=lambda cs: (-cs[1], -cs[0].population, cs[0].geonameid))
    return scored


_EVERY = {}


def _every_country(index):
    """The country codes of every place of the index, in order."""
    codes = _EVERY.get(id(index))
    if codes is None:
        codes = _EVERY[id(index)] = tuple(sorted({c.country for c in index.cities.values()}))
    return codes


def reconcile(name, country, lat=None, lon=None, index=None, decisions=None):
    """Decide which GeoNames city a (name, country string) pair means, if any is clear.

    An empty ``country`` (a name from a source that gives none) looks in every
    country, by exact names and alternate names only: no similar spellings.

    ``decisions`` maps (name, country string) to a GeoNames id or ``"skip"``, as a
    person filled them in; they win over everything else.

    >>> index = get_index(15000)
    >>> d = reconcile("Tomsk", "Russia", index=index)
    >>> d.status, d.city.geonameid, d.city.name
    ('resolved', '1489425', 'Tomsk')
    >>> reconcile("Haikou", "China", index=index).status
    'resolved'
    >>> d = reconcile("Yantai", "China", lat=30.15, lon=107.32, index=index)
    >>> d.status, d.city.geonameid
    ('resolved', '1942254')
    >>> reconcile("Nowhere-on-Sea", "England", index=index).status
    'unresolved'
    """
    index = index or get_index()
    decisions = decisions or {}
    manual = decisions.get((name, country))
    if manual is not None:
        if manual == "skip":
            return Decision(name, country, SKIPPED, reason="decided: skip")
        city = index.cities.get(manual)
        if city is None:
            return Decision(name, country, UNRESOLVED,
                            reason=f"decided GeoNames id {manual} is not in the gazetteer")
        return Decision(name, country, RESOLVED, city, 1.0, [(city, 1.0)], "decided")
    if not country:
        # no country given (a Wikidata label alone): every country, exact names only
        match = CountryMatch(_every_country(index))
    else:
        match = resolve_country(country, index)
    if match is None:
        return Decision(name, country, UNRESOLVED, reason=f"unknown country {country!r}")
    variants, hints = name_variants(name)
    candidates, key = [], None
    for key in variants:
        candidates = _lookup(index, key, match.codes)
        if candidates:
            break
    if not candidates and country:
        for key in variants:
            candidates = _fuzzy(index, key, match.codes) if len(key) >= 4 else []
            if candidates:
                break
    if not candidates:
        return Decision(name, country, UNRESOLVED, reason="no candidate")
    # the name's own words are no hint ("Halle (Saale)" matched as a whole)
    hints = [h for h in hints + list(match.hints) if fold_name(h) not in key.split(" ")
             and fold_name(h) not in key]
    # exact names (main or alternate) before similar spellings; a town known by
    # its full name ("Halle (Saale)") still competes with homonyms called "Halle"
    top = max(s for _, s in candidates)
    candidates = [(c, s) for c, s in candidates if s >= 97 or s == top]
    unused, doubts = [], []
    if top < 97:
        doubts.append("only a similar spelling is in the gazetteer")
    unit = unit_form(name)
    if unit and f" {unit} " not in f" {key} ":
        doubts.append(f"{unit!r} names an administrative unit, not a city")
    for hint in hints:
        folded = fold_name(hint)
        if folded in _UNIT_QUALIFIERS:
            doubts.append(f"{hint!r} names an administrative unit, not a city")
            continue
        admin1 = _admin1(index, hint, match)
        if admin1:
            inside = [(c, s) for c, s in candidates if c.admin1 == admin1]
            if inside:
                candidates = inside
            else:
                doubts.append(f"no candidate lies in {hint}")
            continue
        places = _hint_places(index, [hint], match.codes)
        inside = [(c, s) for c, s in candidates if places and _near(c, places, HINT_DISTANCE_KM)]
        if inside:
            candidates = inside
        elif places:
            doubts.append(f"no candidate lies near {hint}")
        elif folded not in _GENERIC_QUALIFIERS:
            unused.append(hint)
    have_coords = lat is not None and lon is not None
    if have_coords:
        near = [(c, s) for c, s in candidates
                if distance_km(lat, lon, c.lat, c.lon) <= MAX_DISTANCE_KM]
        if not near:
            return Decision(name, country, UNRESOLVED, candidates=_score(candidates, lat, lon),
                            reason=f"no candidate within {MAX_DISTANCE_KM:g} km of the coordinates")
        candidates = near
        doubts = []
    # how each candidate bears the name: 100 its main name, 97 an alternate one
    by_name = {c.geonameid: s for c, s in candidates}
    scored = _score(candidates, lat, lon)
    alias_only = None
    if len(scored) == 1 and not doubts:
        city, score = scored[0]
        return Decision(name, country, RESOLVED, city, score, scored)
    if len(scored) > 1 and not doubts:
        first, second = scored[0][0], scored[1][0]
        dominant = ((second.population > 0
                     and first.population >= POPULATION_DOMINANCE * second.population)
                    or (second.population == 0 and first.population >= KNOWN_TOWN))
        if have_coords:
            d1 = distance_km(lat, lon, first.lat, first.lon)
            d2 = distance_km(lat, lon, second.lat, second.lon)
            if d2 >= 3 * d1 + 5:
                return Decision(name, country, RESOLVED, first, scored[0][1], scored,
                                "nearest to the coordinates by far")
        elif dominant and not unused and by_name[first.geonameid] < max(by_name.values()):
            # a city known by that name only as an alias ("Turi" for Turin, "Crescent
            # City" for New Orleans) does not outweigh the towns that are called so
            alias_only = first
        elif dominant and not unused:
            return Decision(name, country, RESOLVED, first, scored[0][1], scored,
                            "largest of its homonyms by far")
        if not have_coords and all(
                distance_km(first.lat, first.lon, c.lat, c.lon) <= SAME_PLACE_KM
                for c, _ in scored[1:]):
            return Decision(name, country, RESOLVED, first, scored[0][1], scored,
                            f"its homonyms lie within {SAME_PLACE_KM:g} km: one place")
    why = f"{len(scored)} places of that name" if len(scored) > 1 else "one weak candidate"
    if alias_only is not None:
        why += (f"; the largest, {alias_only.name}, has it only as an alternate name, "
                "the others as their name")
    if unused:
        why += f"; the hint {', '.join(repr(h) for h in unused)} does not tell them apart"
    if doubts:
        why += "; " + "; ".join(doubts)
    return Decision(name, country, AMBIGUOUS, candidates=scored, reason=why)
