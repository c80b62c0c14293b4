"""The HTML pages: search, entity pages, the query catalog, the SPARQL editor, network and map."""

import bisect

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.routing import Route

from citygraph.namespaces import PREFIXES
from citygraph.querying.catalog import adhoc_query, run_query
from citygraph.web import pages
from citygraph.web.base import render, search_index, target
from citygraph.web.protocol import refusal

__all__ = ["routes", "render", "editor"]

async def home(request):
    return render(request, "home.html", {})


def _run_text(request, text):
    from citygraph.web.base import AdhocTarget

    query = adhoc_query(text, source="query")
    return run_query(query, AdhocTarget(request))


async def editor(request):
    """A plain SPARQL editor: a textarea with the project prefixes, the result as a table."""
    text = request.query_params.get("query", "")
    result = error = None
    if text.strip():
        reason = refusal(text)
        if reason:
            error = reason
        else:
            from citygraph.errors import CitygraphError
            from citygraph.web.base import in_adhoc_thread
            from citygraph.web.clients import TooManyQueries

            try:
                result = await in_adhoc_thread(_run_text, request, text)
            except TooManyQueries:
                raise
            except CitygraphError as exc:
                error = str(exc)
    if not text.strip():
        text = ("SELECT ?place ?label WHERE {\n  ?place a cg:City ; rdfs:label ?label .\n}\n"
                "ORDER BY ?label\nLIMIT 20\n")
    return render(request, "editor.html", {"text": text, "result": result, "error": error,
                                           "prefixes": PREFIXES},
                  status_code=400 if error else 200)




# --- pages over the graph -------------------------------------------------------------

async def search(request):
    """Search by name: labels, alternative and hidden labels, accents and case folded."""
    text = request.query_params.get("q", "").strip()[:200]
    hits = []
    if text:
        index = await run_in_threadpool(search_index, request)
        hits = pages.search(index, text)
    return render(request, "search.html", {"q": text, "hits": hits})


_MEASURES = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector",
             "pagerank", "core", "community")


def _rank(request, node):
    """The place's measures and its rank by degree and betweenness in the whole network."""
    from citygraph.errors import CitygraphError
    from citygraph.web.network_views import ready, waited

    try:
        data = ready(request)
    except CitygraphError:
        return None
    if data is None:
        return {"pending": True, "waited": waited(request)}
    nodes, ranked = _ranking(request, data)
    mine = nodes.get(str(node))
    if mine is None:
        return None
    out = {"measures": [], "total": len(ranked["degree"])}
    for measure in _MEASURES:
        value = mine.get(measure)
        if value is None:
            continue
        rank = None
        if measure != "community":
            # 1 + the number of places with a higher value
            values = ranked[measure]
            rank = 1 + len(values) - bisect.bisect_right(values, value)
        out["measures"].append({"name": measure, "value": value, "rank": rank})
    return out


def _ranking(request, data):
    """The network's places by IRI and each measure's values in order, computed once per
    network: ({IRI: node}, {measure: sorted values})."""
    cache = request.app.state.cache
    kept = cache.get("ranking")
    if kept is not None and kept[0] is data:
        return kept[1], kept[2]
    nodes = {}
    for n in data["graph"]["nodes"]:
        nodes.setdefault(n["id"], n)
        if n.get("iri"):
            nodes.setdefault(n["iri"], n)
    ranked = {m: sorted(n.get(m) or 0 for n in data["graph"]["nodes"])
              for m in _MEASURES if m != "community"}
    cache["ranking"] = (data, nodes, ranked)
    return nodes, ranked


def _entity(request, node):
    t = target(request)
    info = t.entity(node)
    if info is None:
        return None
    kind = info["kind"]
    info.update(pages.questions(t, node, kind))
    if kind == "place":
        if info["lat"] is not None and info["lon"] is not None:
            from citygraph.web.geo import project

            info["xy"] = project(info["lon"], info["lat"])
        info["rank"] = _rank(request, node)
    if kind == "event":
        info["speakers"] = pages.catalog_rows(t, "event-speakers", event=node)
        attendance = pages.catalog_rows(t, "event-attendance", event=node)
        attendance.sort(key=lambda r: (-(r["delegation_size"].toPython()
                                         if r["delegation_size"] is not None else -1),
                                       str(r["participant_label"] or "")))
        info["attendance"] = attendance
    if kind == "organization":
        info["members"] = pages.catalog_rows(t, "network-members", network=node)
    info["table_names"] = _table_names(t, info)
    if kind == "document":
        info["document"] = _document(request, t, node, info)
    return info


#: the columns of an entity page's tables that show an entity by its name alone
_NAMED = ("source", "session", "proxy_holder", "talk_type")


def _table_names(t, info):
    """{IRI: name} of the entities the page's tables show without a name of their own
    (sources, sessions, proxy holders, kinds of talk): one query, none when there are none."""
    from citygraph.web.fact_words import names_of

    iris = [row.get(column) for table in ("organizers", "people", "parts", "speakers",
                                           "attendance", "members")
            for row in info.get(table) or () for column in _NAMED if row.get(column)]
    return names_of(t, iris) if iris else {}


def _document(request, t, node, info):
    from citygraph.namespaces import CG

    names = info["values"].get(CG.fileName, [])
    text = None
    if names:
        text = _source_text(request, str(names[0]))
    from citygraph.web.fact_words import fact_words

    quotes = pages.document_facts(t, node)
    # each citing fact in words: its kind and its parties' names, or its kind and name
    labels = {fact: label for fact, _, label in quotes}
    labels.update(fact_words(t, [fact for fact, _, _ in quotes]))
    if text is None:
        return {"text": None, "pieces": [], "missing": [(f, q) for f, q, _ in quotes],
                "labels": labels, "file": str(names[0]) if names else None}
    pieces, missing = pages.highlight(text, [(f, q) for f, q, _ in quotes])
    return {"text": text, "pieces": pieces, "missing": missing, "labels": labels,
            "file": str(names[0])}


def _source_text(request, name):
    from pathlib import Path

    from citygraph.graph.store import project_root

    if "/" in name or "\\" in name or name.startswith("."):
        return None
    root = project_root()
    folders = [*request.app.state.settings.sources, root / "sources", root.parent / "shared" /
               "seeds"]
    for folder in folders:
        path = Path(folder) / name
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return None


async def entity(request):
    """The page of any node: place, event, organization, person, agreement, source document."""
    from citygraph.web.page_cache import cached_page

    node = pages.node_iri(request.path_params["path"])
    if node is None:
        raise HTTPException(404)

    def make():
        info = _entity(request, node)
        if info is None:
            raise HTTPException(404)
        template = {"document": "document.html"}.get(info["kind"], "entity.html")
        response = render(request, template, {"e": info})
        if (info.get("rank") or {}).get("pending"):
            response.headers["Cache-Control"] = "no-store"
        return response

    return await cached_page(request, make)


_DOCS = """
SELECT ?doc ?title ?date ?file WHERE {
  ?doc a cg:SourceDocument .
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc cg:fileName ?file }
} ORDER BY ?doc"""


async def documents(request):
    """Every source document."""
    rows = await run_in_threadpool(lambda: run_query(adhoc_query(_DOCS, source="page"),
                                                     target(request)).rows)
    return render(request, "documents.html", {"rows": rows})


def routes():
    """Every page route."""
    from citygraph.web import (
        catalog_views,
        fact_views,
        network_views,
        question_views,
        reconcile_views,
        review_views,
    )

    return [
        Route("/", home),
        Route("/editor", editor),
        Route("/search", search),
        Route("/docs", documents),
        Route("/id/{path:path}", entity),
        *catalog_views.routes(),
        *fact_views.routes(),
        *question_views.routes(),
        *network_views.routes(),
        *reconcile_views.routes(),
        *review_views.routes(),
    ]
