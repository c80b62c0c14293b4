"""Reconciliation on the web: the review page for an import's report; the W3C Entity
Reconciliation API service at /reconcile (what OpenRefine speaks) is
:mod:`citygraph.web.reconcile_service`, its suggest and data-extension services
:mod:`citygraph.web.reconcile_extend`.

The review page lists the names an import left ambiguous or unresolved with
their GeoNames candidates; one click chooses a candidate or skips the name, and
the choice is written, atomically, to the decisions file named when the server
started (the file ``citygraph import csv --decisions`` reads). Nothing else is
ever written.
"""

import csv
import json
import re
import threading
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse
from starlette.routing import Route

from citygraph.errors import InputError, UsageError

__all__ = ["routes", "review_rows", "save_decision", "service"]

_WRITE = threading.Lock()
PAGE_SIZE = 50


# --- the review page ------------------------------------------------------------------

def _report_rows(path):
    """The rows of a reconciliation report (a CSV with name, country, lat, lon, status)."""
    from citygraph.fileio import csv_uncell

    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"name", "country", "status"} - set(reader.fieldnames or ())
            if missing:
                raise InputError(f"{path}:1: not a reconciliation report (missing "
                                 f"{', '.join(sorted(missing))})")
            return [{k: csv_uncell(v or "") for k, v in row.items() if k} for row in reader]
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _number(text):
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def review_rows(report, decisions, status="open", page=1):
    """The report's names to review, with fresh candidates, current decision, distance.

    ``status`` 'open' lists ambiguous and unresolved names; 'all' every name.
    """
    from citygraph.places.reconcile import distance_km, reconcile

    rows = _report_rows(report)
    if status == "open":
        rows = [r for r in rows if r["status"] in ("ambiguous", "unresolved")]
    elif status != "all":
        rows = [r for r in rows if r["status"] == status]
    total = len(rows)
    start = (page - 1) * PAGE_SIZE
    out = []
    for number, row in enumerate(rows[start:start + PAGE_SIZE], start=start):
        lat, lon = _number(row.get("lat")), _number(row.get("lon"))
        decision = reconcile(row["name"], row["country"], lat, lon)
        candidates = []
        for city, score in decision.candidates[:25]:
            distance = (round(distance_km(lat, lon, city.lat, city.lon))
                        if lat is not None and lon is not None else None)
            candidates.append({"id": city.geonameid, "name": city.name,
                               "country": city.country + (f"-{city.admin1}" if city.admin1
                                                          else ""),
                               "population": city.population, "score": round(score, 2),
                               "distance": distance, "lat": city.lat, "lon": city.lon})
        out.append({"number": number, "name": row["name"], "country": row["country"],
                    "status": row["status"], "reason": row.get("reason", ""),
                    "rows": row.get("rows", ""), "candidates": candidates,
                    "more": max(0, len(decision.candidates) - 25),
                    "decision": decisions.get((row["name"], row["country"]), "")})
    return out, total


def _read_decisions(path):
    from citygraph.importers.csv_ties import read_decisions

    if path is None or not Path(path).is_file():
        return {}
    return read_decisions(path)


def save_decision(path, name, country, decision):
    """Record one decision in the decisions file, rewriting it atomically.

    ``decision`` is a GeoNames id, 'skip', or '' to forget the name's decision.
    """
    from citygraph.fileio import csv_text, write_atomic

    if decision not in ("", "skip") and not re.fullmatch(r"[1-9][0-9]{0,11}", decision):
        raise UsageError(f"decision {decision!r} is neither a GeoNames id nor 'skip'")
    with _WRITE:
        decisions = _read_decisions(path)
        if decision:
            decisions[(name, country)] = decision
        else:
            decisions.pop((name, country), None)
        rows = [[n, c, d] for (n, c), d in sorted(decisions.items())]
        write_atomic(csv_text(["name", "country", "decision"], rows), path)
    return decisions


def _page_number(text):
    try:
        return max(1, int(text))
    except (TypeError, ValueError):
        return 1


async def review(request):
    from citygraph.web.base import render

    settings = request.app.state.settings
    if settings.report is None:
        return render(request, "review.html", {"rows": [], "total": 0, "report": None,
                                               "decisions_file": settings.decisions,
                                               "status": "open", "page": 1, "pages": 1})
    status = request.query_params.get("status", "open")
    if status not in ("open", "all", "ambiguous", "unresolved", "resolved"):
        raise UsageError(f"status: choose open, all, ambiguous, unresolved or resolved, "
                         f"not {status!r}")
    page = _page_number(request.query_params.get("page"))
    decisions = _read_decisions(settings.decisions)
    rows, total = await run_in_threadpool(review_rows, settings.report, decisions, status, page)
    return render(request, "review.html", {
        "rows": rows, "total": total, "report": settings.report,
        "decisions_file": settings.decisions, "status": status, "page": page,
        "pages": max(1, -(-total // PAGE_SIZE))})


def _same_origin(request):
    """Refuse a form posted from another site (the browser says where it comes from)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True
    host = request.headers.get("host", "")
    return re.match(r"https?://([^/]+)", origin) is not None and \
        re.match(r"https?://([^/]+)", origin).group(1) == host


async def decide(request):
    """One click on the review page: choose a candidate or skip a name."""
    import urllib.parse

    settings = request.app.state.settings
    if settings.decisions is None or settings.report is None:
        raise UsageError("no decisions file: start citygraph serve with "
                         "--reconciliation-report REPORT --decisions FILE")
    if not _same_origin(request):
        raise HTTPException(403, "the form comes from another site")
    body = await request.body()
    if len(body) > 10_000:
        raise UsageError("the form is too large")
    form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    try:
        name, country = form["name"][0], form["country"][0]
        decision = (form.get("decision") or form.get("geonames") or [""])[0].strip()
    except (KeyError, IndexError):
        raise UsageError("the form needs name, country and decision") from None
    known = {(r["name"], r["country"]) for r in _report_rows(settings.report)}
    if (name, country) not in known:
        raise UsageError(f"{name!r} ({country}) is not in the reconciliation report")
    await run_in_threadpool(save_decision, settings.decisions, name, country, decision)
    back = form.get("back", ["/review"])[0]
    if not back.startswith("/review"):
        back = "/review"
    return RedirectResponse(back, status_code=303)


async def service(request):
    """The reconciliation endpoint: the manifest, answers to a batch of queries, or data
    extension."""
    import urllib.parse

    from citygraph.web.reconcile_extend import extend_answer
    from citygraph.web.reconcile_service import answer, index_of, manifest, reconcile_batch

    queries = request.query_params.get("queries")
    extend = request.query_params.get("extend")
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
            extend = (form.get("extend") or [extend])[0]
    if extend and not queries:
        return await extend_answer(request, extend)
    if not queries:
        return answer(request, manifest(request))
    try:
        batch = json.loads(queries)
    except ValueError:
        raise UsageError("queries: not JSON") from None
    index = await run_in_threadpool(index_of, request)
    result = await run_in_threadpool(reconcile_batch, index, batch)
    return answer(request, result)


def routes():
    from citygraph.web import reconcile_extend, reconcile_service

    return [
        Route("/review", review, methods=["GET"]),
        Route("/review", decide, methods=["POST"]),
        Route("/reconcile", service, methods=["GET", "POST"]),
        *reconcile_service.routes(),
        *reconcile_extend.routes(),
    ]
