"""Generate synthetic city-cooperation graphs in citygraph's vocabulary, for benchmarks only.

The graph is made of what the ontology describes: countries, regions, cities,
their governments and departments, city networks and memberships, persons,
posts and post holdings, events with sessions and participations, agreements
and sister-city ties, each fact derived from a synthetic source document. City
activity, event size and network size follow heavy-tailed (Zipf) laws, as real
city networks do: a few hubs, a long tail. Every label says "Synthetic", so the
data can never be mistaken for sourced facts. Deterministic for a given seed.

    python -m bench.generate --triples 1000000 --out bench/out/synthetic-1m
    python -m bench.generate --triples 1000000 --clean --out bench/out/synthetic-1m-clean

By default the graph holds violations of the shapes, as real data in the
making does: countries without their ISO code, and the hubs (cities and an
event of the seed data, see :data:`HUBS`) described a second time with another
country, population and start date than the seed gives them. ``--clean``
leaves them out (the same graph otherwise: the same nodes and links, drawn by
the same random choices), so that the graph with the seed data conforms and a
validated build of it can be measured.
"""

import argparse
import random
import sys
from itertools import accumulate
from pathlib import Path

__all__ = ["generate", "PREFIXES", "HUBS"]

PREFIXES = {
    "cg": "https://w3id.org/citygraph/ontology#",
    "place": "https://w3id.org/citygraph/id/place/",
    "cgorg": "https://w3id.org/citygraph/id/org/",
    "person": "https://w3id.org/citygraph/id/person/",
    "post": "https://w3id.org/citygraph/id/post/",
    "event": "https://w3id.org/citygraph/id/event/",
    "agreement": "https://w3id.org/citygraph/id/agreement/",
    "fact": "https://w3id.org/citygraph/id/fact/",
    "doc": "https://w3id.org/citygraph/id/doc/",
    "evt": "https://w3id.org/citygraph/id/event-type/",
    "agt": "https://w3id.org/citygraph/id/agreement-type/",
    "tiet": "https://w3id.org/citygraph/id/tie-type/",
    "prole": "https://w3id.org/citygraph/id/participant-role/",
    "mrole": "https://w3id.org/citygraph/id/membership-role/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "sdg": "http://metadata.un.org/sdg/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: IRIs of the seed graph that the catalog's example parameters name; the
#: generator makes them the biggest hubs, so example queries do real work.
HUBS = {
    "city": ["place:tomsk", "place:seoul", "place:tokyo"],
    "network": ["cgorg:anmc21"],
    "event": ["event:anmc21-13th-plenary"],
}

#: how many of each kind a graph of one million triples has (about 1.0M triples)
_PER_MILLION = {
    "regions": 600,
    "cities": 22000,
    "networks": 150,
    "memberships": 30000,
    "persons": 16000,
    "events": 3000,
    "participations": 38000,
    "agreements": 10000,
    "ties": 6000,
    "docs": 500,
}


def _zipf_weights(n, exponent=1.1):
    return list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def _date(rng, start=1990, end=2024):
    year, month, day = rng.randint(start, end), rng.randint(1, 12), rng.randint(1, 28)
    return f'"{year}-{month:02d}-{day:02d}"^^xsd:date'


class _Writer:
    """Turtle statements spread over several files, counting triples."""

    def __init__(self, folder, files):
        folder.mkdir(parents=True, exist_ok=True)
        self.handles = []
        header = "".join(f"@prefix {p}: <{n}> .\n" for p, n in PREFIXES.items())
        for i in range(files):
            handle = open(folder / f"synthetic-{i:02d}.ttl", "w", encoding="utf-8")  # noqa: SIM115
            handle.write("# Synthetic benchmark data; not sourced facts.\n" + header)
            self.handles.append(handle)
        self.triples = 0
        self.turn = 0

    def node(self, subject, pairs, part=None):
        """Write one subject with its (predicate, object) pairs."""
        handle = self.handles[part if part is not None else self.turn % len(self.handles)]
        self.turn += 1
        body = " ;\n    ".join(f"{p} {o}" for p, o in pairs)
        handle.write(f"{subject} {body} .\n")
        self.triples += len(pairs)

    def close(self):
        for handle in self.handles:
            handle.close()


def _country_code(i):
    """A two-letter code for the ``i``-th synthetic country, from the ranges ISO 3166 leaves
    to users (XA-XZ, QM-QZ) first.

    >>> [_country_code(i) for i in (0, 25, 26, 39, 40)]
    ['XA', 'XZ', 'QM', 'QZ', 'AA']
    """
    user = [f"X{chr(65 + k)}" for k in range(26)] + [f"Q{chr(77 + k)}" for k in range(14)]
    if i < len(user):
        return user[i]
    i -= len(user)
    return f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}"


def generate(out, triples=1_000_000, seed=42, files=10, clean=False):
    """Write about ``triples`` triples of synthetic data under ``out``; return the exact count.

    ``clean``: without the violations of the shapes (see the module's text).
    """
    rng = random.Random(seed)
    count = {k: max(3, int(v * triples / 1_000_000)) for k, v in _PER_MILLION.items()}
    writer = _Writer(Path(out), files)
    lit = '"Synthetic source text"'

    docs = [f"doc:synthetic-{i}" for i in range(count["docs"])]
    for i, d in enumerate(docs):
        writer.node(d, [("a", "cg:SourceDocument"), ("dcterms:title", f'"Synthetic report {i}"'),
                        ("dcterms:date", _date(rng)), ("cg:fileName", f'"synthetic-{i}.txt"')])

    countries = [f"place:synthetic-country-{i}" for i in range(60)]
    for i, c in enumerate(countries):
        pairs = [("a", "cg:Country"), ("rdfs:label", f'"Synthetic country {i}"@en')]
        if clean:
            pairs.append(("cg:iso3166Code", f'"{_country_code(i)}"'))
        writer.node(c, pairs)
    regions = []
    for i in range(count["regions"]):
        r = f"place:synthetic-region-{i}"
        country = rng.choice(countries)
        regions.append((r, country))
        writer.node(r, [("a", "cg:Region"), ("rdfs:label", f'"Synthetic region {i}"@en'),
                        ("cg:country", country)])
    cities = list(HUBS["city"])
    governments = {}
    for i in range(count["cities"]):
        city = cities[i] if i < len(cities) else f"place:synthetic-city-{i}"
        if i >= len(HUBS["city"]):
            cities.append(city)
        region, country = rng.choice(regions)
        pairs = [("a", "cg:City"), ("rdfs:label", f'"Synthetic city {i}"@en'),
                 ("cg:country", country), ("cg:partOf", region),
                 ("cg:population", str(int(rng.paretovariate(1.2) * 20000)))]
        if clean and i < len(HUBS["city"]):
            pairs = pairs[:2]  # the seed data gives the hub its country and population
        writer.node(city, pairs)
        gov = f"cgorg:synthetic-government-{i}"
        governments[city] = gov
        writer.node(gov, [("a", "cg:LocalGovernment"),
                          ("rdfs:label", f'"Synthetic city government {i}"'),
                          ("cg:governs", city), ("cg:basedIn", city),
                          ("cg:mentionedIn", docs[i % len(docs)])])
        if i % 4 == 0:
            dept = f"cgorg:synthetic-government-{i}-international-affairs"
            writer.node(dept, [("a", "cg:Department"), ("rdfs:label", '"International Affairs"'),
                               ("org:subOrganizationOf", gov), ("cg:basedIn", city),
                               ("cg:mentionedIn", docs[i % len(docs)])])
            writer.node(f"{dept}-section", [
                ("a", "cg:Department"), ("rdfs:label", '"Exchange Section"'),
                ("org:subOrganizationOf", dept), ("cg:basedIn", city),
                ("cg:mentionedIn", docs[i % len(docs)])])
    city_weights = _zipf_weights(len(cities))

    networks = list(HUBS["network"]) + [
        f"cgorg:synthetic-network-{i}" for i in range(count["networks"])
    ]
    for i, n in enumerate(networks):
        writer.node(n, [("a", "cg:CityNetwork"), ("rdfs:label", f'"Synthetic network {i}"'),
                        ("cg:mentionedIn", docs[i % len(docs)])])
    network_weights = _zipf_weights(len(networks), 1.3)
    seen = set()
    for i in range(count["memberships"]):
        member = rng.choices(cities, cum_weights=city_weights)[0]
        network = rng.choices(networks, cum_weights=network_weights)[0]
        if (member, network) in seen:
            continue
        seen.add((member, network))
        writer.node(f"fact:synthetic-membership-{i}", [
            ("a", "cg:Membership"), ("org:member", member), ("org:organization", network),
            ("org:role", "mrole:member"), ("cg:asOf", _date(rng)),
            ("prov:wasDerivedFrom", rng.choice(docs)), ("cg:evidence", lit)])

    persons = []
    for i in range(count["persons"]):
        person = f"person:synthetic-{i}"
        persons.append(person)
        city = rng.choices(cities, cum_weights=city_weights)[0]
        post = f"post:synthetic-{i}--mayor"
        writer.node(person, [("a", "foaf:Person"), ("foaf:familyName", f'"SYNTHETIC{i}"'),
                             ("foaf:givenName", '"Name"'), ("rdfs:label", f'"SYNTHETIC{i} Name"'),
                             ("cg:mentionedIn", rng.choice(docs))])
        writer.node(post, [("a", "org:Post"), ("rdfs:label", '"Synthetic post"'),
                           ("org:postIn", governments[city])])
        writer.node(f"fact:synthetic-holding-{i}", [
            ("a", "cg:PostHolding"), ("cg:holder", person), ("cg:post", post),
            ("cg:statedTitle", '"Synthetic title"'), ("cg:asOf", _date(rng)),
            ("prov:wasDerivedFrom", rng.choice(docs)), ("cg:evidence", lit)])

    events = list(HUBS["event"]) + [f"event:synthetic-{i}" for i in range(count["events"])]
    for i, e in enumerate(events):
        day = _date(rng)
        pairs = [("a", "cg:Event"), ("cg:eventType", "evt:plenary-meeting"),
                 ("schema:name", f'"Synthetic meeting {i}"'), ("schema:startDate", day),
                 ("cg:hostPlace", rng.choices(cities, cum_weights=city_weights)[0]),
                 ("prov:wasDerivedFrom", rng.choice(docs)), ("cg:evidence", lit)]
        if clean and e in HUBS["event"]:
            del pairs[3]  # the seed data gives the hub its start date
        writer.node(e, pairs)
        writer.node(f"{e}-session-1", [
            ("a", "cg:Event"), ("cg:eventType", "evt:session"), ("schema:superEvent", e),
            ("schema:name", '"Synthetic session"'), ("prov:wasDerivedFrom", rng.choice(docs)),
            ("cg:evidence", lit)])
    event_weights = _zipf_weights(len(events), 0.9)
    seen = set()
    for i in range(count["participations"]):
        event = rng.choices(events, cum_weights=event_weights)[0]
        city = rng.choices(cities, cum_weights=city_weights)[0]
        if (event, city) in seen:
            continue
        seen.add((event, city))
        attended = rng.random() > 0.1
        pairs = [("a", "cg:Participation"), ("cg:participant", city), ("cg:event", event),
                 ("cg:participantRole", "prole:delegation"),
                 ("cg:attended", "true" if attended else "false"),
                 ("prov:wasDerivedFrom", rng.choice(docs)), ("cg:evidence", lit)]
        if attended:
            pairs.append(("cg:delegationSize", str(1 + int(rng.paretovariate(1.5)))))
            if persons and rng.random() < 0.3:
                pairs.append(("cg:headOfDelegation", rng.choice(persons)))
        writer.node(f"fact:synthetic-participation-{i}", pairs)

    for i in range(count["agreements"]):
        parties = {rng.choices(cities, cum_weights=city_weights)[0]
                   for _ in range(rng.choice((2, 2, 2, 3, 4)))}
        if len(parties) < 2:
            continue
        kind = rng.choice(("agt:mou", "agt:friendship-agreement", "agt:cooperation-agreement",
                           "agt:letter-of-intent"))
        pairs = [("a", "cg:Agreement"), ("cg:agreementType", kind),
                 ("schema:name", f'"Synthetic agreement {i}"'), ("dcterms:date", _date(rng)),
                 ("cg:sdg", f"sdg:{rng.randint(1, 17)}"),
                 ("prov:wasDerivedFrom", rng.choice(docs)), ("cg:evidence", lit)]
        pairs += [("cg:party", p) for p in sorted(parties)]
        if persons:
            pairs.append(("cg:signatory", rng.choice(persons)))
        writer.node(f"agreement:synthetic-{i}", pairs)

    for i in range(count["ties"]):
        a, b = rng.sample(cities[: max(2, len(cities) // 2)], 2)
        writer.node(f"fact:synthetic-tie-{i}", [
            ("a", "cg:Tie"), ("cg:tieType", rng.choice(("tiet:sister-city", "tiet:cooperation"))),
            ("cg:party", a), ("cg:party", b), ("schema:startDate", _date(rng)),
            ("prov:wasDerivedFrom", rng.choice(docs)), ("cg:evidence", lit)])
    writer.close()
    return writer.triples


def main(argv=None):
    """Command line: ``python -m bench.generate --triples N [--clean] --out DIR``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--clean", action="store_true",
                        help="without the violations of the shapes: with the seed data, the "
                             "graph conforms")
    args = parser.parse_args(argv)
    written = generate(args.out, args.triples, args.seed, args.files, clean=args.clean)
    print(f"wrote {written} triples in {args.files} files under {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
