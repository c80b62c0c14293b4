"""The Reconciliation API's suggest and data-extension services, for OpenRefine's "search for
match" and "add columns from reconciled values".

Suggest (``/reconcile/suggest/entity|type|property?prefix=...``) completes a
name, a type or a property as it is typed. Data extension (``extend=`` on
``/reconcile``, properties proposed at ``/reconcile/extend/propose``) gives,
for reconciled places, their country, GeoNames id, coordinates, Wikidata id
and the city networks they belong to.
"""

import json

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from citygraph.errors import UsageError
from citygraph.graph.sparql_base import inject_choices, to_ntriples
from citygraph.namespaces import CGR
from citygraph.places.names import fold_name
from citygraph.web.reconcile_service import PROPERTIES, TYPES, answer, index_of

__all__ = ["routes", "EXTEND", "suggest_entities", "suggest_types", "suggest_properties",
           "extend"]

#: the properties data extension gives: id -> (name, value type or None for literals)
EXTEND = {
    "country": ("Country", {"id": "cg:Country", "name": "Country"}),
    "geonames": ("GeoNames id", None),
    "lat": ("Latitude", None),
    "long": ("Longitude", None),
    "coordinates": ("Coordinates (latitude,longitude)", None),
    "wikidata": ("Wikidata id", None),
    "networks": ("City networks (member of)", {"id": "org:Organization",
                                               "name": "Organization"}),
}

_EXTEND_Q = """PREFIX cg: <https://w3id.org/citygraph/ontology#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?country ?country_label ?geonames ?lat ?long ?qid ?net ?net_label WHERE {
  { ?e cg:country ?country . OPTIONAL { ?country rdfs:label ?country_label } }
  UNION { ?e cg:geonamesId ?geonames }
  UNION { ?e geo:lat ?lat ; geo:long ?long }
  UNION { ?e cg:wikidataId ?qid }
  UNION { ?m org:member ?e ; org:organization ?net . ?net a cg:CityNetwork .
          OPTIONAL { ?net rdfs:label ?net_label } }
} ORDER BY ?e ?net"""


def _limit(text, default=10):
    try:
        return max(1, min(int(text), 50))
    except (TypeError, ValueError):
        return default


def suggest_entities(index, prefix, limit=10, cursor=0):
    """Entities whose name (main, alternative or hidden) starts with ``prefix``, folded; main
    names first, then shorter names."""
    key = fold_name(prefix or "")
    if not key:
        return {"result": []}
    found = {}
    for folded, entity, prop in index["keys"]:
        if folded.startswith(key):
            rank = (0 if "hiddenLabel" not in str(prop) and "altLabel" not in str(prop) else 1,
                    len(folded), index["labels"].get(entity, ""))
            if entity not in found or rank < found[entity]:
                found[entity] = rank
    ordered = sorted(found, key=lambda e: (found[e], str(e)))[cursor:cursor + limit]
    result = []
    for entity in ordered:
        kinds = sorted(index["types"].get(entity, ()))
        item = {"id": str(entity)[len(str(CGR)):], "name": index["labels"].get(entity, ""),
                "notable": [{"id": k, "name": TYPES[k][0]} for k in kinds]}
        code = index["countries"].get(entity)
        if code:
            item["description"] = f"{TYPES[kinds[0]][0] if kinds else 'place'} in {code}"
        result.append(item)
    return {"result": result}


def _by_prefix(items, prefix, limit):
    key = fold_name(prefix or "")
    hits = [{"id": i, "name": n} for i, n in items
            if not key or fold_name(n).startswith(key) or fold_name(i).startswith(key)
            or any(fold_name(w).startswith(key) for w in n.split())]
    return {"result": hits[:limit]}


def suggest_types(prefix, limit=10):
    """The service's types whose name or id starts with ``prefix``.

    >>> suggest_types("reg")
    {'result': [{'id': 'cg:Region', 'name': 'Region'}]}
    """
    return _by_prefix([(k, name) for k, (name, _) in TYPES.items()], prefix, limit)


def suggest_properties(prefix, limit=10):
    """The properties a query may constrain by and data extension gives, by ``prefix``.

    >>> suggest_properties("coun")
    {'result': [{'id': 'country', 'name': 'Country'}]}
    """
    items = dict((k, name) for k, (name, _) in PROPERTIES.items())
    items.update((k, name) for k, (name, _) in EXTEND.items())
    return _by_prefix(list(items.items()), prefix, limit)


def _literal(value, kind):
    if kind == "float":
        return {"float": float(value)}
    return {"str": str(value)}


def extend(target, index, request):
    """The data-extension answer for ``{"ids": [...], "properties": [{"id": ...}]}``."""
    from citygraph.web.pages import node_iri

    if not isinstance(request, dict) or not isinstance(request.get("ids"), list) or \
            not isinstance(request.get("properties"), list) or len(request["ids"]) > 500:
        raise UsageError("extend: give a JSON object with ids (at most 500) and properties")
    ids = [str(i) for i in request["ids"]]
    wanted = [str(p.get("id", "")) if isinstance(p, dict) else str(p)
              for p in request["properties"]]
    meta = []
    for pid in wanted:
        name, kind = EXTEND.get(pid, (None, None))
        item = {"id": pid, "name": name or f"{pid} (unknown property)"}
        if kind:
            item["type"] = kind
        meta.append(item)
    rows = {i: {pid: [] for pid in wanted} for i in ids}
    nodes = {node_iri(i): i for i in ids if not i.startswith("geonames:") and node_iri(i)}
    facts = {i: {} for i in ids}
    if nodes:
        text = inject_choices(_EXTEND_Q, "e", [to_ntriples(n) for n in nodes])
        for row in target.select(text):
            values = facts[nodes[row["e"]]]
            if row["country"] is not None:
                label = row["country_label"] or index["labels"].get(row["country"], "")
                values.setdefault("country", {})[str(row["country"])[len(str(CGR)):]] = \
                    str(label)
            if row["geonames"] is not None:
                values["geonames"] = str(row["geonames"])
            if row["lat"] is not None:
                values["lat"], values["long"] = row["lat"].toPython(), row["long"].toPython()
            if row["qid"] is not None:
                values["wikidata"] = str(row["qid"])
            if row["net"] is not None:
                values.setdefault("networks", {})[str(row["net"])[len(str(CGR)):]] = \
                    str(row["net_label"] or "")
    for i in ids:
        if i.startswith("geonames:"):
            _gazetteer_facts(i, facts[i])
        values = facts[i]
        for pid in wanted:
            out = rows[i][pid]
            if pid in ("country", "networks"):
                out.extend({"id": k, "name": v} for k, v in sorted(values.get(pid, {}).items()))
            elif pid in ("lat", "long") and pid in values:
                out.append(_literal(values[pid], "float"))
            elif pid == "coordinates" and "lat" in values:
                out.append({"str": f"{values['lat']},{values['long']}"})
            elif pid in values:
                out.append(_literal(values[pid], "str"))
    return {"meta": meta, "rows": rows}


def _gazetteer_facts(gid, values):
    from citygraph.places.geoindex import get_index

    city = get_index(15000).cities.get(gid[len("geonames:"):])
    if city is None:
        return
    values["geonames"] = city.geonameid
    values["lat"], values["long"] = float(city.lat), float(city.lon)
    values["country"] = {f"place/country-{city.country.lower()}": city.country}


def propose(request):
    """The properties data extension offers for a type (the same for every type)."""
    kind = request.query_params.get("type", "")
    limit = _limit(request.query_params.get("limit"), 50)
    properties = [{"id": k, "name": name} for k, (name, _) in EXTEND.items()][:limit]
    return answer(request, {"type": kind, "properties": properties, "limit": limit})


async def suggest(request):
    """One of the three suggest services, by the last part of the path."""
    kind = request.path_params["kind"]
    prefix = request.query_params.get("prefix", "")[:200]
    limit = _limit(request.query_params.get("limit"))
    if kind == "entity":
        index = await run_in_threadpool(index_of, request)
        cursor = request.query_params.get("cursor", "0")
        cursor = int(cursor) if cursor.isdigit() else 0
        return answer(request, suggest_entities(index, prefix, limit, cursor))
    if kind == "type":
        return answer(request, suggest_types(prefix, limit))
    if kind == "property":
        return answer(request, suggest_properties(prefix, limit))
    raise UsageError(f"suggest: choose entity, type or property, not {kind!r}")


async def extend_answer(request, text):
    """Answer an ``extend`` parameter (called by the /reconcile service)."""
    from citygraph.web.base import target

    try:
        query = json.loads(text)
    except ValueError:
        raise UsageError("extend: not JSON") from None
    index = await run_in_threadpool(index_of, request)
    result = await run_in_threadpool(extend, target(request), index, query)
    return answer(request, result)


async def propose_route(request):
    return propose(request)


def routes():
    return [
        Route("/reconcile/suggest/{kind}", suggest),
        Route("/reconcile/extend/propose", propose_route),
    ]
