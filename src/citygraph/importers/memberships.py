"""Import a table of dated memberships of places in organizations, reconciled to GeoNames places.

Each row names a member (a city or other local authority, with its country
string and optionally coordinates), the organization it belongs to (a column,
or one organization given for the whole table, such as the Covenant of
Mayors), the date it joined and optionally the date it left and its role.
Further organization columns (``also``: a Covenant Supporter, a Covenant
Coordinator) give each row more memberships, dated like the main one and
marked with ``cg:uncertainty`` that the link is the table's, not dated by it.

Members are reconciled as the tie import reconciles cities
(:func:`citygraph.places.reconcile.reconcile`, the same report and decisions);
a membership is written only for a resolved member. Only the columns mapped
to a role (and those named in ``quote``) are read: the evidence quotes those
cells, so a column of personal names (GCoM's ``mayor``) stays out of the graph
unless it is asked for.

Facts are ``cg:Membership`` nodes, ``fact:<doc>-membership-<place>-<org>``,
with ``org:member``, ``org:organization``, ``org:role`` (a concept of the
membership roles), ``schema:startDate`` and ``schema:endDate`` (xsd:date or
xsd:gYear), ``prov:wasDerivedFrom`` the imported file and ``cg:evidence``.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal

from citygraph.errors import InputError, UsageError
from citygraph.importers.common import (
    city_triples,
    gazetteer_source,
    place_iris_by_geonames_id,
    source_document,
)
from citygraph.importers.csv_ties import BadRow, _date_literal, described_places, read_rows
from citygraph.namespaces import CG, CGR, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, slug
from citygraph.places.reconcile import RESOLVED, SKIPPED, get_index, reconcile, resolve_country
from citygraph.progress import bar

__all__ = ["ROLES", "MembershipImport", "parse_roles", "import_memberships", "membership_roles"]

#: the roles a column can play; member and country are required, and an organization
#: column unless one organization is given for the whole table
ROLES = ["member", "country", "lat", "lon", "organization", "date", "end", "role"]
_DEFAULTS = {"member": "member", "country": "country"}


@dataclass
class MembershipImport:
    """The result of a membership import: triples, decisions per name, skipped rows, counts."""

    triples: list
    decisions: dict
    bad_rows: list
    rows: int
    memberships: int
    unreconciled_rows: int
    source: object
    organizations: int = 0
    undated: int = 0
    name_rows: dict = field(default_factory=dict)


def membership_roles():
    """The membership-role concepts of ontology/schemes.ttl by slug.

    >>> sorted(membership_roles())[:3]
    ['associate-member', 'chair', 'coordinator']
    """
    from citygraph import resources

    text = (resources.path("ontology") / "schemes.ttl").read_text(encoding="utf-8")
    return {name: CGR[f"membership-role/{name}"]
            for name in sorted(set(re.findall(r"^mrole:([a-z-]+) a skos:Concept", text, re.M)))}


def parse_roles(pairs):
    """Column roles from ``role=column`` pairs (``member=organisation_name``).

    >>> parse_roles(["member=organisation_name", "date=date_of_adhesion_iso"])["date"]
    'date_of_adhesion_iso'
    >>> parse_roles(["town=x"])
    Traceback (most recent call last):
    ...
    citygraph.errors.UsageError: --column: unknown role 'town'; roles are member, country, \
lat, lon, organization, date, end, role
    """
    mapping = {}
    for pair in pairs or ():
        if "=" not in pair:
            raise UsageError(f"--column: {pair!r} is not role=column")
        role, column = (part.strip() for part in pair.split("=", 1))
        if role not in ROLES:
            raise UsageError(f"--column: unknown role {role!r}; roles are {', '.join(ROLES)}")
        mapping[role] = column
    return mapping


_MISSING = {"", "-"}


def _org_node(name):
    return CGR[f"org/{slug(name)}"]


def _float(value, column):
    if value in _MISSING:
        return None
    if re.fullmatch(r"-?\d+,\d+", value):
        value = value.replace(",", ".")  # a decimal comma, as some signatories typed them
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a number") from None


def import_memberships(path, mapping=None, organization=None, also=(), decisions=None,
                       places_ttl=None, quote=(), index=None):
    """Reconcile and convert a CSV of memberships; returns a :class:`MembershipImport`.

    ``mapping`` gives the column of each role (:data:`ROLES`); ``organization``
    names the one organization of a table without an organization column;
    ``also`` lists ``(column, role)`` pairs of further organizations per row;
    ``quote`` names columns the evidence quotes besides the mapped ones. A cell
    holding only "-" counts as empty (GCoM writes missing values so).

    >>> r = import_memberships("tests/data/import/gcom_slice.csv",
    ...     {"member": "organisation_name", "country": "country_name",
    ...      "lat": "organisation_latitude", "lon": "organisation_longitude",
    ...      "date": "date_of_adhesion_iso"}, organization="Covenant of Mayors")
    >>> r.rows, r.memberships, r.unreconciled_rows
    (14, 11, 3)
    """
    path = Path(path)
    index = index or get_index()
    decisions = decisions or {}
    known = place_iris_by_geonames_id(places_ttl)
    roles_by_slug = membership_roles()
    header, records, bad = read_rows(path)
    columns = {**_DEFAULTS, **(mapping or {})}
    if organization is None and "organization" not in columns:
        raise UsageError("give an organization column (--column organization=COLUMN) "
                         "or --organization NAME for the whole table")
    wanted = dict(columns)
    for column, _role in also:
        wanted[f"also:{column}"] = column
    for column in quote:
        wanted[f"quote:{column}"] = column
    missing = [col for col in wanted.values() if col not in header]
    if missing:
        raise InputError(f"{path}:1: no column {', '.join(repr(c) for c in missing)} "
                         f"(the header has {', '.join(header)})")
    for _column, role in also:
        if role not in roles_by_slug:
            raise UsageError(f"--also: unknown role {role!r} (known: {', '.join(roles_by_slug)})")
    position = {key: header.index(col) for key, col in wanted.items()}
    quoted = sorted(set(position.values()))
    doc, triples = source_document(path, len(records))
    gaz, gaz_triples = gazetteer_source()
    outcome, name_rows, seen, orgs = {}, {}, {}, {}
    described = set()
    count = unreconciled = undated = 0

    def cell(values, key):
        i = position.get(key)
        value = values[i].strip() if i is not None and i < len(values) else ""
        return "" if value in _MISSING else value

    def text_of(values):
        return "; ".join(f"{header[i]}={values[i].strip()}" for i in quoted
                         if i < len(values) and values[i].strip() not in _MISSING)

    for line, values in bar(records, desc="reconciling", unit="row"):
        text = text_of(values)
        if not any(v.strip() for v in values):
            bad.append(BadRow(line, "empty row", text))
            continue
        name, country = cell(values, "member"), cell(values, "country")
        try:
            if not name:
                raise ValueError(f"missing member in {columns['member']}")
            if not country:
                raise ValueError(f"missing country in {columns['country']}")
            if resolve_country(country, index) is None:
                raise ValueError(f"unknown country {country!r}")
            lat = _float(cell(values, "lat"), columns.get("lat"))
            lon = _float(cell(values, "lon"), columns.get("lon"))
            org_name = cell(values, "organization") if organization is None else organization
            if not org_name:
                raise ValueError(f"missing organization in {columns['organization']}")
            start = _date_literal(cell(values, "date")) if cell(values, "date") else None
            end = _date_literal(cell(values, "end")) if cell(values, "end") else None
            if start is not None and end is not None and str(end) < str(start)[:len(str(end))]:
                raise ValueError(f"ends ({end}) before it starts ({start})")
            role_text = cell(values, "role") or "member"
            if slug(role_text) not in roles_by_slug:
                raise ValueError(f"unknown role {role_text!r} (known: {', '.join(roles_by_slug)})")
        except ValueError as exc:
            bad.append(BadRow(line, str(exc), text))
            continue
        key = (name, country, lat, lon)
        name_rows.setdefault(key, []).append(line)
        if key not in outcome:
            outcome[key] = reconcile(name, country, lat, lon, index, decisions)
        decision = outcome[key]
        if decision.status == SKIPPED:
            bad.append(BadRow(line, f"left out by decision: {name}", text))
            continue
        if decision.status != RESOLVED:
            unreconciled += 1
            continue
        city = decision.city
        node = known.get(city.geonameid) or CGR[f"place/geonames-{city.geonameid}"]
        if city.geonameid not in known and node not in described:
            described.add(node)
            triples += city_triples(node, city, gaz)
        if name != city.name and city.geonameid not in known:
            triples.append((node, SKOS.altLabel, Literal(name)))
        links = [(org_name, roles_by_slug[slug(role_text)], None)]
        for column, role in also:
            other = cell(values, f"also:{column}")
            if other:
                links.append((other, roles_by_slug[role], column))
        place_local = str(node).rsplit("/", 1)[1]
        for other, role_node, column in links:
            org = _org_node(other)
            if str(org).endswith("/"):
                bad.append(BadRow(line, f"organization {other!r} has no letters or digits", text))
                continue
            orgs.setdefault(org, other)
            pair = (node, org)
            if pair in seen:
                bad.append(BadRow(line, f"duplicate of line {seen[pair]}: {city.name} "
                                        f"(GeoNames {city.geonameid}) in {other}", text))
                continue
            seen[pair] = line
            fact = CGR[f"fact/{doc.rsplit('/', 1)[1]}-membership-{place_local}-"
                       f"{str(org).rsplit('/', 1)[1]}"]
            triples += [
                (fact, RDF.type, CG.Membership),
                (fact, ORG.member, node),
                (fact, ORG.organization, org),
                (fact, ORG.role, role_node),
                (fact, PROV.wasDerivedFrom, doc),
                (fact, CG.evidence, Literal(f"{path.name} line {line}: {text}")),
            ]
            if start is not None:
                triples.append((fact, SCHEMA.startDate, start))
            else:
                undated += 1
            if end is not None:
                triples.append((fact, SCHEMA.endDate, end))
            if column is not None:
                triples.append((fact, CG.uncertainty, Literal(
                    f"the table names {other} in its column {column} for this member, as of "
                    "the table's release; it does not date that link, so the row's dates are "
                    "used")))
            count += 1
    for org, label in sorted(orgs.items()):
        triples += [(org, RDF.type, ORG.Organization), (org, RDFS.label, Literal(label)),
                    (org, CG.mentionedIn, doc)]
    if described:
        triples += described_places(gaz_triples, outcome, places_ttl)
    bad.sort(key=lambda b: b.line)
    return MembershipImport(triples, outcome, bad, len(records), count, unreconciled, doc,
                            len(orgs), undated, name_rows)
