"""The W3C Entity Reconciliation API service at /reconcile, as OpenRefine speaks it.

The manifest, batches of reconciliation queries (types, a country property,
limits), the preview card and the view link. A query with an unknown type or
property gets an empty result and a warning, never an error for its whole
batch (OpenRefine drops every cell of a batch that fails).
"""

import json
import re

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from citygraph.errors import UsageError
from citygraph.namespaces import CG, CGR, ORG
from citygraph.places.names import fold_name

__all__ = ["routes", "TYPES", "PROPERTIES", "reconcile_batch", "manifest", "answer",
           "index_of", "property_id", "Unknown"]

#: the types the service reconciles against, and the classes each takes in
TYPES = {
    "cg:City": ("City", {CG.City, CG.District}),
    "cg:Region": ("Region", {CG.Region, CG.Province, CG.Prefecture, CG.FederalSubject,
                             CG.AutonomousRegion, CG.SpecialSelfGoverningProvince}),
    "cg:Country": ("Country", {CG.Country}),
    "org:Organization": ("Organization", {ORG.Organization, CG.LocalGovernment,
                                          CG.Legislature, CG.Department, CG.CityNetwork,
                                          CG.Secretariat, CG.InternationalOrganization,
                                          CG.NationalBody, CG.Embassy, CG.Ministry,
                                          CG.Association, CG.AcademicInstitution,
                                          CG.Company, CG.CivilSocietyOrganization}),
    "geonames:City": ("GeoNames city (not yet in the graph)", set()),
}

_TYPES_Q = """
SELECT ?entity ?type WHERE { ?entity a ?type . FILTER(isIRI(?entity)) VALUES ?type { %s } }"""
_COUNTRY_Q = """
SELECT ?entity ?code WHERE {
  { ?entity cg:country ?c . ?c cg:iso3166Code ?code }
  UNION { ?entity a cg:Country ; cg:iso3166Code ?code }
}"""


def index_of(request):
    """Names, types and countries of the graph's places and organizations, kept."""
    from citygraph.querying.catalog import adhoc_query, run_query
    from citygraph.web.base import search_index as _search_index
    from citygraph.web.base import whole_graph_target

    cache = request.app.state.cache
    if "reconcile" in cache:
        return cache["reconcile"]
    big = whole_graph_target(request)
    names = _search_index(request)
    classes = {c: key for key, (_, members) in TYPES.items() for c in members}
    values = " ".join(f"<{c}>" for c in classes)
    types = {}
    for row in run_query(adhoc_query(_TYPES_Q % values, source="reconcile"), big).rows:
        types.setdefault(row["entity"], set()).add(classes[row["type"]])
    countries = {}
    for row in run_query(adhoc_query(_COUNTRY_Q, source="reconcile"), big).rows:
        countries.setdefault(row["entity"], str(row["code"])[:2])
    by_entity = {}
    for folded, name, entity, prop in names:
        if entity in types:
            by_entity.setdefault(entity, []).append((folded, name, prop))
    labels = {}
    for entity, entries in by_entity.items():
        main = [n for f, n, p in entries if str(p).endswith(("label", "name"))
                and "altLabel" not in str(p) and "hiddenLabel" not in str(p)]
        labels[entity] = main[0] if main else entries[0][1]
    keys = [(folded, entity, prop) for entity, entries in by_entity.items()
            for folded, _, prop in entries]
    index = {"keys": keys, "folded": [k[0] for k in keys], "types": types,
             "countries": countries, "labels": labels}
    cache["reconcile"] = index
    return index


#: the properties a query may constrain by, each with the names it may be given by (matched
#: case-insensitively, as the property suggest service lists them)
PROPERTIES = {"country": ("Country", ("country", "cg:country", str(CG.country)))}


class Unknown(Exception):
    """A query names a type, property or value the service does not know: its result is empty
    and it gets a warning, while the rest of its batch is answered."""


def property_id(pid):
    """The property a query's ``pid`` names, or None.

    >>> property_id("Country"), property_id("https://w3id.org/citygraph/ontology#country")
    ('country', 'country')
    >>> property_id("mayor") is None
    True
    """
    text = str(pid or "").strip().lower()
    return next((key for key, (_, names) in PROPERTIES.items()
                 if text in (n.lower() for n in names)), None)


def _country_code(value):
    """An ISO 3166-1 alpha-2 code from a code, a country name, a place id or IRI, or a
    ``{id, name}`` object (by id, and by name when no id is given); None if unknown."""
    from citygraph.places.reconcile import resolve_country

    if isinstance(value, list):
        value = value[0] if len(value) == 1 else ""
    if isinstance(value, dict):
        value = value.get("id") or value.get("name") or ""
    text = str(value).strip()
    if text.startswith(str(CGR)):
        text = text[len(str(CGR)):]
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return text.upper()
    match = re.fullmatch(r"(?:place[:/])?country-([a-z]{2})", text)
    if match:
        return match.group(1).upper()
    from citygraph.places.geoindex import get_index

    found = resolve_country(text, get_index(15000)) if text else None
    if found is None or len(found.codes) != 1:
        return None
    return found.codes[0]


def _entity_id(entity):
    return str(entity)[len(str(CGR)):]


def _constraints(query):
    """The types and the country a query asks for; :class:`Unknown` for what is not known."""
    wanted = query.get("type")
    wanted = [wanted] if isinstance(wanted, str) else list(wanted or [])
    for name in wanted:
        if name not in TYPES:
            raise Unknown(f"unknown type {name!r}; types: {', '.join(TYPES)}")
    country = None
    for prop in query.get("properties") or []:
        prop = prop if isinstance(prop, dict) else {}
        pid = prop.get("pid") or prop.get("p")
        if property_id(pid) != "country":
            raise Unknown(f"unknown property {pid!r}; properties: {', '.join(PROPERTIES)}")
        country = _country_code(prop.get("v"))
        if country is None:
            raise Unknown(f"unknown country {json.dumps(prop.get('v'), ensure_ascii=False)}")
    return wanted, country


def _one(index, query, geonames):
    from rapidfuzz import fuzz, process

    text = str(query.get("query", "")).strip()[:300]
    key = fold_name(text)
    limit = query.get("limit", 5)
    limit = max(1, min(int(limit), 50)) if str(limit).isdigit() else 5
    wanted, country = _constraints(query)
    if not key:
        return []
    scores, exact = {}, set()
    hits = process.extract(key, index["folded"], scorer=fuzz.ratio, limit=200,
                           score_cutoff=60)
    for _, score, position in hits:
        _, entity, prop = index["keys"][position]
        if score == 100:
            exact.add(entity)
        if "hiddenLabel" in str(prop):
            score -= 2
        elif "altLabel" in str(prop):
            score -= 1
        if score > scores.get(entity, -1):
            scores[entity] = score
    results = []
    for entity, score in scores.items():
        kinds = index["types"].get(entity, set())
        if wanted and not kinds & set(wanted):
            continue
        code = index["countries"].get(entity)
        if country and code and code != country:
            continue
        if country and not code:
            score -= 10
        kind = sorted(kinds)[0] if kinds else "cg:City"
        results.append({"id": _entity_id(entity), "name": index["labels"].get(entity, ""),
                        "type": [{"id": k, "name": TYPES[k][0]} for k in sorted(kinds)],
                        "score": round(float(score), 2), "country": code, "kind": kind,
                        "exact": entity in exact and not (country and not code)})
    if geonames and (not wanted or "geonames:City" in wanted or "cg:City" in wanted):
        known = {r["id"] for r in results}
        for city in _gazetteer(key, country):
            cid = f"geonames:{city.geonameid}"
            if cid in known:
                continue
            results.append({"id": cid, "name": city.name,
                            "type": [{"id": "geonames:City", "name": TYPES["geonames:City"][0]}],
                            "score": 90.0, "country": city.country, "kind": "geonames:City",
                            "population": city.population, "exact": False})
    results.sort(key=lambda r: (-r["score"], r["kind"] == "geonames:City",
                                -(r.get("population") or 0), r["name"]))
    results = results[:limit]
    # a match: the only candidate of the graph whose name (main, alternative or hidden) is
    # the query's, folded, and the first
    exact_ones = sum(1 for r in results if r["exact"])
    for position, result in enumerate(results):
        result["match"] = position == 0 and result["exact"] and exact_ones == 1
        for name in ("kind", "population", "country", "exact"):
            result.pop(name, None)
    return results


def _gazetteer(key, country):
    """GeoNames cities whose main or alternate name folds to ``key`` (in ``country``)."""
    from citygraph.places.geoindex import get_index

    index = get_index(15000)
    ids = list(dict.fromkeys([*index.names.get(key, ()), *index.alt.get(key, ())]))
    cities = [index.cities[i] for i in ids if i in index.cities]
    if country:
        cities = [c for c in cities if c.country == country]
    return sorted(cities, key=lambda c: -c.population)[:5]


def reconcile_batch(index, queries, geonames=True):
    """Answer a batch ``{key: query}`` as the Reconciliation API says: ``{key: {result}}``.

    A query naming an unknown type, property or country gets ``{"result": [],
    "warnings": [reason]}``; only a batch that is not a JSON object of queries is refused.
    """
    if not isinstance(queries, dict) or len(queries) > 500:
        raise UsageError("queries must be a JSON object of at most 500 queries")
    out = {}
    for key, query in queries.items():
        if isinstance(query, str):
            query = {"query": query}
        if not isinstance(query, dict):
            out[key] = {"result": [], "warnings": [f"query {key!r} is not a JSON object"]}
            continue
        try:
            out[key] = {"result": _one(index, query, geonames)}
        except Unknown as exc:
            out[key] = {"result": [], "warnings": [str(exc)]}
    return out


def manifest(request):
    base = str(request.base_url).rstrip("/")
    return {
        "versions": ["0.2"],
        "name": "citygraph: places and organizations of the graph, and GeoNames cities",
        "identifierSpace": str(CGR),
        "schemaSpace": str(CG),
        "defaultTypes": [{"id": key, "name": name} for key, (name, _) in TYPES.items()],
        "view": {"url": f"{base}/reconcile/view/{{{{id}}}}"},
        "preview": {"url": f"{base}/reconcile/preview?id={{{{id}}}}", "width": 400,
                    "height": 160},
        "batchSize": 10,
        "suggest": {kind: {"service_url": base, "service_path": f"/reconcile/suggest/{kind}"}
                    for kind in ("entity", "type", "property")},
        "extend": {
            "propose_properties": {"service_url": base,
                                   "service_path": "/reconcile/extend/propose"},
            "property_settings": [],
        },
    }


def answer(request, payload):
    callback = request.query_params.get("callback")
    if callback:
        if not re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$.]{0,63}", callback):
            raise UsageError("callback: not a JavaScript function name")
        return Response(f"{callback}({json.dumps(payload)});",
                        media_type="application/javascript")
    return JSONResponse(payload)


def _resolve_id(text):
    from citygraph.web.pages import node_iri

    if text.startswith("geonames:") and text[9:].isdigit():
        return None, text[9:]
    node = node_iri(text)
    if node is None:
        raise HTTPException(404)
    return node, None


async def view(request):
    """Where OpenRefine's links go: the entity's page, or GeoNames for a gazetteer city."""
    node, gid = _resolve_id(request.path_params["id"])
    if gid:
        return RedirectResponse(f"https://www.geonames.org/{gid}", status_code=302)
    from citygraph.web.present import page_url

    return RedirectResponse(page_url(node), status_code=302)


async def preview(request):
    """A small HTML card of an entity for OpenRefine's preview pane."""
    from citygraph.web.base import render, target

    node, gid = _resolve_id(request.query_params.get("id", ""))
    if gid:
        from citygraph.places.geoindex import get_index

        city = get_index(15000).cities.get(gid)
        if city is None:
            raise HTTPException(404)
        card = {"label": city.name, "lines": [f"GeoNames {gid}", f"{city.country} "
                                              f"{city.admin1}", f"population {city.population}"],
                "url": f"https://www.geonames.org/{gid}"}
    else:
        from citygraph.web.pages import describe
        from citygraph.web.present import page_url, short

        info = await run_in_threadpool(describe, target(request), node)
        if info is None:
            raise HTTPException(404)
        card = {"label": info["label"], "url": page_url(node),
                "lines": [", ".join(short(t) for t in info["types"]),
                          *[f"{i['scheme']} {i['value']}" for i in info["identifiers"]]]}
    return render(request, "preview.html", {"card": card})


def routes():
    """The preview and view routes (``/reconcile`` itself is routed by
    :mod:`citygraph.web.reconcile_views`, which also hands on data extension)."""
    return [
        Route("/reconcile/preview", preview),
        Route("/reconcile/view/{id:path}", view),
    ]
