"""The review page of an import's reconciliation report: one click decides a name.

It lists the names an import left ambiguous or unresolved with their GeoNames
candidates; one click chooses a candidate or skips the name, and the choice is
written, atomically, to the decisions file named when the server started, in
the format the import that wrote the report reads back:

* a report of ``citygraph import csv`` (columns name, country, ..., rows):
  decisions ``name,country,decision``;
* a report of ``citygraph import wikidata`` (columns item, name, ...): decisions
  ``item,decision``, one per Wikidata item.

Nothing else is ever written.
"""

import csv
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse
from starlette.routing import Route

from citygraph.errors import InputError, UsageError

__all__ = ["routes", "Report", "read_report", "review_rows", "save_decision", "IMPORTS"]

_WRITE = threading.Lock()
PAGE_SIZE = 50


@dataclass(frozen=True)
class Import:
    """What one importer's report and decisions look like."""

    command: str
    #: the columns a report has, the first ones the key of a decision
    key: tuple
    report_columns: tuple

    @property
    def decision_columns(self):
        return (*self.key, "decision")


IMPORTS = {
    "csv": Import("citygraph import csv", ("name", "country"), ("name", "country", "status")),
    "wikidata": Import("citygraph import wikidata", ("item",), ("item", "name", "status")),
}


@dataclass
class Report:
    """A reconciliation report: its file, which import wrote it, its rows."""

    path: Path
    kind: str
    rows: list

    @property
    def importer(self):
        return IMPORTS[self.kind]

    def key(self, row):
        return tuple(row[c] for c in self.importer.key)


def read_report(path):
    """A reconciliation report; which import wrote it is told by its header (a Wikidata
    import's report has an item column)."""
    from citygraph.fileio import csv_uncell

    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = set(reader.fieldnames or ())
            kind = "wikidata" if "item" in fields else "csv"
            missing = set(IMPORTS[kind].report_columns) - fields
            if missing:
                raise InputError(f"{path}:1: not a reconciliation report (missing "
                                 f"{', '.join(sorted(missing))})")
            rows = [{k: csv_uncell(v or "") for k, v in row.items() if k} for row in reader]
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return Report(Path(path), kind, rows)


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

    rows = report.rows
    if status == "open":
        rows = [r for r in rows if r["status"] in ("ambiguous", "unresolved")]
    elif status != "all":
        rows = [r for r in rows if r["status"] == status]
    total = len(rows)
    start = (page - 1) * PAGE_SIZE
    out = []
    for number, row in enumerate(rows[start:start + PAGE_SIZE], start=start):
        lat, lon = _number(row.get("lat")), _number(row.get("lon"))
        decision = reconcile(row["name"], row.get("country", ""), lat, lon)
        candidates = []
        for city, score in decision.candidates[:25]:
            distance = (round(distance_km(lat, lon, city.lat, city.lon))
                        if lat is not None and lon is not None else None)
            candidates.append({"id": city.geonameid, "name": city.name,
                               "country": city.country + (f"-{city.admin1}" if city.admin1
                                                          else ""),
                               "population": city.population, "score": round(score, 2),
                               "distance": distance, "lat": city.lat, "lon": city.lon})
        key = report.key(row)
        out.append({"number": number, "name": row["name"], "item": row.get("item", ""),
                    "country": row.get("country", ""), "key": dict(zip(report.importer.key,
                                                                       key, strict=True)),
                    "status": row["status"], "reason": row.get("reason", ""),
                    "rows": row.get("rows", ""), "candidates": candidates,
                    "more": max(0, len(decision.candidates) - 25),
                    "decision": decisions.get(key, "")})
    return out, total


def read_decisions(path, kind):
    """{key tuple: decision} of the decisions file ``path`` of an import of ``kind``."""
    if path is None or not Path(path).is_file():
        return {}
    if kind == "wikidata":
        from citygraph.importers.wikidata import read_item_decisions

        return {(item,): d for item, d in read_item_decisions(path).items()}
    from citygraph.importers.csv_ties import read_decisions as read_csv_decisions

    return read_csv_decisions(path)


def save_decision(path, kind, key, decision):
    """Record one decision in the decisions file, rewriting it atomically.

    ``key`` is (name, country) for a CSV import, (item,) for a Wikidata one;
    ``decision`` a GeoNames id, 'skip', or '' to forget the decision.
    """
    from citygraph.fileio import csv_text, write_atomic

    if decision not in ("", "skip") and not re.fullmatch(r"[1-9][0-9]{0,11}", decision):
        raise UsageError(f"decision {decision!r} is neither a GeoNames id nor 'skip'")
    with _WRITE:
        decisions = read_decisions(path, kind)
        if decision:
            decisions[tuple(key)] = decision
        else:
            decisions.pop(tuple(key), None)
        rows = [[*k, d] for k, d in sorted(decisions.items())]
        write_atomic(csv_text(list(IMPORTS[kind].decision_columns), rows), path)
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
    report = await run_in_threadpool(read_report, settings.report)
    decisions = read_decisions(settings.decisions, report.kind)
    rows, total = await run_in_threadpool(review_rows, report, decisions, status, page)
    return render(request, "review.html", {
        "rows": rows, "total": total, "report": report, "decisions_file": settings.decisions,
        "status": status, "page": page, "pages": max(1, -(-total // PAGE_SIZE))})


async def decide(request):
    """One click on the review page: choose a candidate or skip a name."""
    from citygraph.web.base import writing_form

    settings = request.app.state.settings
    if settings.decisions is None or settings.report is None:
        raise UsageError("no decisions file: start citygraph serve with "
                         "--reconciliation-report REPORT --decisions FILE")
    form = await writing_form(request)
    report = await run_in_threadpool(read_report, settings.report)
    columns = report.importer.key
    try:
        key = tuple(form[c][0] for c in columns)
        decision = (form.get("decision") or form.get("geonames") or [""])[0].strip()
    except (KeyError, IndexError):
        raise UsageError(f"the form needs {', '.join(columns)} and decision") from None
    if key not in {report.key(r) for r in report.rows}:
        shown = f"{key[0]!r} ({key[1]})" if len(key) == 2 else key[0]
        raise UsageError(f"{shown} is not in the reconciliation report")
    await run_in_threadpool(save_decision, settings.decisions, report.kind, key, decision)
    back = form.get("back", ["/review"])[0]
    if not back.startswith("/review"):
        back = "/review"
    return RedirectResponse(back, status_code=303)


def routes():
    return [
        Route("/review", review, methods=["GET"]),
        Route("/review", decide, methods=["POST"]),
    ]
