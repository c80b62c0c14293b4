"""How well `citygraph sheets draft` drafts: each seed with sheets, drafted and compared.

For every seed that has final sheets (sheets/NNN/), the draft is made from the seed's
text with the graph less that seed's own data file (what a curator starts from), and
compared with the final sheets:

* cells: the share of the final sheets' cells (every filled cell but id and note)
  that a drafted row of the same sheet fills with the same value. The drafted row
  is the one of that sheet agreeing with the final row on most cells. Names are
  compared as the entities they resolve to (in the full graph), dates as the days
  they span, evidence as the final quote lying within the drafted sentence, other
  cells folded (case, accents, punctuation);
* mentions: the share of the places, organizations and people the final sheets
  name that the draft finds in the text;
* precision: the share of drafted rows that agree with a final row of their sheet
  on its key (a person's name, a membership's member and network, ...).

Usage: python -m bench.bench_draft [-v] [--columns] [NNN ...]
(-v: the names not found; --columns: cells matched per sheet and column)
"""

import sys
import time
from collections import defaultdict

from citygraph.curation.draft import draft_source
from citygraph.curation.sheets import read_sheets
from citygraph.dates import parse_date
from citygraph.errors import InputError
from citygraph.graph.evidence import collapse
from citygraph.graph.project import find
from citygraph.places.lookup import Index
from citygraph.places.names import fold_name

ENTITY = {"participant", "event", "member", "organization", "speaker", "parties",
          "signatories", "host", "host_place", "subject", "adopted_at", "on_behalf_of",
          "from", "to", "part_of", "series", "held_with", "supporter", "organizer", "of",
          "participants", "reported_by", "reported_at", "in_delegation", "head", "instrument",
          "based_in", "governs", "venue"}
DATES = {"date", "as_of", "between", "end", "founded"}
SKIP = {"id", "note", "person_note", "comment", "why", "confidence"}
KEYS = {"organizations": ("name",), "people": ("name",), "events": ("name", "label"),
        "counts": ("value",), "participations": ("participant", "event"),
        "talks": ("speaker",), "agreements": ("type",), "ties": ("type",),
        "memberships": ("member", "organization"), "projects": ("name", "label"),
        "mentions": ("name",)}
_KINDS = ("place", "organization", "person")


class Resolver:
    def __init__(self, project):
        self.index = Index.of_project(project)
        base = project.base
        self.ns = {"place": base + "place/", "cgorg": base + "org/", "person": base + "person/",
                   "event": base + "event/", "agreement": base + "agreement/",
                   "project": base + "project/", "venue": base + "venue/"}

    def entity(self, value):
        if value.startswith(("http://", "https://")):
            return value
        prefix, _, local = value.partition(":")
        if prefix in self.ns and local and " " not in value:
            return self.ns[prefix] + local
        found = self.index.find(value)
        return found[0] if len(found) == 1 else fold_name(value)

    def cell(self, kind, column, value):
        if column == "of" and kind == "counts":
            return fold_name(value)
        if column in ENTITY or column == "name" and kind in ("mentions", "people"):
            return frozenset(self.entity(v.strip()) for v in value.split("|") if v.strip())
        if column in DATES:
            try:
                span = parse_date(value)
                return (span.first, span.last)
            except InputError:
                return fold_name(value)
        return fold_name(value)

    def actor(self, iri):
        return isinstance(iri, str) and any(self.index.is_a(iri, k) for k in _KINDS)


def _same(resolver, kind, column, final, drafted):
    if not drafted:
        return False
    if column == "evidence":
        return all(collapse(q) in collapse(drafted) for q in final.split("|") if q.strip())
    return resolver.cell(kind, column, final) == resolver.cell(kind, column, drafted)


def compare(resolver, final, draft, columns=None):
    """(cells matched, cells, mentions found, mentions, rows right, rows drafted).

    ``columns``, a dict, gets ``{(sheet, column): [matched, cells]}``.
    """
    matched = total = 0
    columns = {} if columns is None else columns
    for kind, rows in final.items():
        drafted = draft.rows.get(kind, [])
        for row in rows:
            cells = {c: row.get(c) for c in row.cells if c not in SKIP and row.get(c)}
            total += len(cells)
            same = [{c: _same(resolver, kind, c, v, d.get(c, "")) for c, v in cells.items()}
                    for d in drafted]
            best = max(same, key=lambda s: sum(s.values()), default={})
            matched += sum(best.values())
            for c in cells:
                counts = columns.setdefault((kind, c), [0, 0])
                counts[0] += bool(best.get(c))
                counts[1] += 1
    named = set()
    for kind, rows in final.items():
        for row in rows:
            for column in row.cells:
                if (column in ENTITY or column == "name" and kind in ("mentions", "people",
                                                                      "organizations")) \
                        and row.get(column):
                    for iri in resolver.cell(kind, column, row.get(column)) \
                            if column != "name" or kind != "organizations" \
                            else {resolver.entity(row.get(column))}:
                        if resolver.actor(iri):
                            named.add(iri)
    found = {resolver.entity(m.iri if m.iri and m.iri.startswith("http") else m.text)
             for m in draft.mentions}
    for kind, rows in draft.rows.items():
        for row in rows:
            for column, value in row.items():
                if value and (column in ENTITY or column in ("name", "alt_names")
                              and kind in ("people", "organizations", "mentions")):
                    found |= set(resolver.cell("", "parties", value))
    right = drafted_rows = 0
    for kind, rows in draft.rows.items():
        for row in rows:
            drafted_rows += 1
            if kind == "mentions":
                right += bool(resolver.cell(kind, "name", row["name"]) & named)
                continue
            keys = [k for k in KEYS[kind] if row.get(k)]
            right += any(keys and all(_same(resolver, kind, k, f.get(k), row[k])
                                      for k in keys if f.get(k))
                         and any(f.get(k) for k in keys)
                         for f in final.get(kind, []))
    if "-v" in sys.argv:
        print("  not found:", sorted(i.rsplit("/", 1)[-1] for i in named - found))
    return matched, total, len(named & found), len(named), right, drafted_rows


def main(argv=None):
    project = find()
    args = argv if argv is not None else sys.argv[1:]
    numbers = [a for a in args if not a.startswith("-")] or sorted(
        p.name for p in project.sheets_dir.iterdir() if p.is_dir() and p.name.isdigit())
    resolver = Resolver(project)
    sums = defaultdict(int)
    columns = {}
    print(f"{'seed':<6}{'cells':>16}{'mentions':>16}{'precision':>16}{'rows':>6}{'secs':>7}")
    for number in numbers:
        final = read_sheets(project.sheets_dir / number)
        started = time.perf_counter()
        draft = draft_source(project, number)
        secs = time.perf_counter() - started
        figures = compare(resolver, final, draft, columns)
        for name, value in zip("abcdef", figures, strict=True):
            sums[name] += value
        a, b, c, d, e, f = figures
        print(f"{number:<6}{_share(a, b):>16}{_share(c, d):>16}{_share(e, f):>16}{f:>6}"
              f"{secs:>7.1f}")
    if len(numbers) > 1:
        print(f"{'all':<6}{_share(sums['a'], sums['b']):>16}{_share(sums['c'], sums['d']):>16}"
              f"{_share(sums['e'], sums['f']):>16}{sums['f']:>6}")
    if "--columns" in args:
        print(f"\n{'sheet':<16}{'column':<16}{'matched':>16}{'missed':>8}")
        for (kind, column), (hit, cells) in sorted(columns.items(),
                                                   key=lambda kv: kv[1][0] - kv[1][1]):
            print(f"{kind:<16}{column:<16}{_share(hit, cells):>16}{cells - hit:>8}")


def _share(part, whole):
    return f"{part}/{whole} {100 * part / whole:.0f}%" if whole else "-"


if __name__ == "__main__":
    main()
