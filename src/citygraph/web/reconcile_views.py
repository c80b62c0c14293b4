"""Reconciliation on the web: a W3C Entity Reconciliation API service at /reconcile (what
OpenRefine speaks). The review page of an import's report is :mod:`.review_views`.
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

__all__ = ["routes", "TYPES", "reconcile_batch"]


# --- the reconciliation service (W3C Entity Reconciliation API 0.2) -------------------

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


def _index(request):
    """Names, types and countries of the graph's places and organizations, kept."""
    from citygraph.querying.catalog import adhoc_query, run_query
    from citygraph.web.base import search_index as _search_index

    cache = request.app.state.cache
    if "reconcile" in cache:
        return cache["reconcile"]
    from citygraph.web.pool import PoolTarget

    big = PoolTarget(request.app.state.pool, max_rows=10_000_000,
                     timeout=request.app.state.settings.network_timeout)
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


def _country_code(value):
    """An ISO 3166-1 alpha-2 code from a code, a country name or a place id; None if unknown."""
    from citygraph.places.reconcile import resolve_country

    if isinstance(value, dict):
        value = value.get("id") or value.get("name") or ""
    text = str(value).strip()
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


def _one(index, query, geonames):
    from rapidfuzz import fuzz, process

    text = str(query.get("query", "")).strip()[:300]
    key = fold_name(text)
    limit = query.get("limit", 5)
    limit = max(1, min(int(limit), 50)) if str(limit).isdigit() else 5
    wanted = query.get("type")
    wanted = [wanted] if isinstance(wanted, str) else list(wanted or [])
    for name in wanted:
        if name not in TYPES:
            raise UsageError(f"unknown type {name!r}; types: {', '.join(TYPES)}")
    country = None
    for prop in query.get("properties") or []:
        pid = prop.get("pid") or prop.get("p")
        if pid in ("country", "cg:country"):
            country = _country_code(prop.get("v"))
        else:
            raise UsageError(f"unknown property {pid!r}; properties: country")
    if not key:
        return []
    scores = {}
    hits = process.extract(key, index["folded"], scorer=fuzz.ratio, limit=200,
                           score_cutoff=60)
    for _, score, position in hits:
        _, entity, prop = index["keys"][position]
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
                        "score": round(float(score), 2), "country": code, "kind": kind})
    if geonames and (not wanted or "geonames:City" in wanted or "cg:City" in wanted):
        known = {r["id"] for r in results}
        for city in _gazetteer(key, country):
            cid = f"geonames:{city.geonameid}"
            if cid in known:
                continue
            results.append({"id": cid, "name": city.name,
                            "type": [{"id": "geonames:City", "name": TYPES["geonames:City"][0]}],
                            "score": 90.0, "country": city.country, "kind": "geonames:City",
                            "population": city.population})
    results.sort(key=lambda r: (-r["score"], r["kind"] == "geonames:City",
                                -(r.get("population") or 0), r["name"]))
    results = results[:limit]
    for position, result in enumerate(results):
        result["match"] = (result["score"] >= 99 and not result["id"].startswith("geonames:")
                           and (len(results) == 1 or results[1]["score"] < result["score"])
                           and position == 0)
        result.pop("kind", None)
        result.pop("population", None)
        result.pop("country", None)
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
    """Answer a batch ``{key: query}`` as the Reconciliation API says: ``{key: {result}}``."""
    if not isinstance(queries, dict) or len(queries) > 500:
        raise UsageError("queries must be a JSON object of at most 500 queries")
    out = {}
    for key, query in queries.items():
        if isinstance(query, str):
            query = {"query": query}
        if not isinstance(query, dict):
            raise UsageError(f"query {key!r} is not a JSON object")
        out[key] = {"result": _one(index, query, geonames)}
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
    }


def _answer(request, payload):
    callback = request.query_params.get("callback")
    if callback:
        if not re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$.]{0,63}", callback):
            raise UsageError("callback: not a JavaScript function name")
        return Response(f"{callback}({json.dumps(payload)});",
                        media_type="application/javascript")
    return JSONResponse(payload)


async def service(request):
    """The reconciliation endpoint: the manifest, or answers to a batch of queries."""
    import urllib.parse

    queries = request.query_params.get("queries")
    if request.method == "POST":
        body = await request.body()
        if len(body) > 1_000_000:
            raise UsageError("the request is larger than 1000000 bytes")
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        text = body.decode("utf-8", "replace")
        if kind == "application/json":
            queries = text
        else:
            form = urllib.parse.parse_qs(text, keep_blank_values=True)
            queries = (form.get("queries") or [queries])[0]
    if not queries:
        return _answer(request, manifest(request))
    try:
        batch = json.loads(queries)
    except ValueError:
        raise UsageError("queries: not JSON") from None
    index = await run_in_threadpool(_index, request)
    answer = await run_in_threadpool(reconcile_batch, index, batch)
    return _answer(request, answer)


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
    return [
        Route("/reconcile", service, methods=["GET", "POST"]),
        Route("/reconcile/preview", preview),
        Route("/reconcile/view/{id:path}", view),
    ]
