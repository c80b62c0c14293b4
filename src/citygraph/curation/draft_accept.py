"""Accepting or rejecting drafted rows: a row moves into the curator's sheet, or is dropped.

A draft file's rows are numbered as a spreadsheet shows them (the header is
row 1). Accepting appends the row (edited, where the curator changed cells;
without ``why`` and ``confidence``) to ``sheets/NNN/<sheet>.csv``, creating it
with its header; rejecting only drops it from the draft. Both rewrite files
whole through the atomic writer, so a reader never sees half a sheet, and
both keep the draft's digest ledger up to date, so that a later ``sheets
draft`` still knows the draft file as its own.
"""

import csv
import hashlib
import io
import json
from pathlib import Path

from citygraph.curation.draft import DRAFT_COLUMNS
from citygraph.curation.sheets import SHEETS
from citygraph.errors import InputError, UsageError
from citygraph.fileio import write_atomic

__all__ = ["draft_table", "accept_rows", "reject_rows"]


def _folder(project, number):
    number = f"{int(number):03d}" if str(number).isdigit() else str(number)
    return project.sheets_dir / number


def _sheet_columns(kind):
    """The columns of sheet ``kind``; a usage error naming the sheets when there is none."""
    if kind not in SHEETS:
        raise UsageError(f"{kind!r} is not a sheet; one of " + ", ".join(SHEETS))
    return [c for c, _, _ in SHEETS[kind]]


def draft_table(project, number, kind):
    """(columns, {row number: row}) of one draft file; an empty table when there is none."""
    columns = _sheet_columns(kind)
    path = _folder(project, number) / "draft" / f"{kind}.csv"
    if not path.is_file():
        return columns + list(DRAFT_COLUMNS), {}
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    rows = {}
    for row in reader:
        rows[reader.line_num] = row
    return list(reader.fieldnames or []), rows


def _write_table(path, columns, rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    body = out.getvalue()
    write_atomic(body, path, mkdir=True)
    return body


def _drop(project, number, kind, numbers):
    folder = _folder(project, number) / "draft"
    columns, rows = draft_table(project, number, kind)
    missing = sorted(set(numbers) - set(rows))
    if missing and not (folder / f"{kind}.csv").is_file():
        raise InputError(f"{folder / (kind + '.csv')}: no such draft; run `citygraph sheets "
                         f"draft {number}` first")
    if missing:
        raise InputError(f"{folder / (kind + '.csv')}: no drafted row {missing[0]} "
                         f"(rows {min(rows, default=2)}-{max(rows, default=1)})")
    chosen = [rows[n] for n in numbers]
    body = _write_table(folder / f"{kind}.csv", columns,
                        [r for n, r in rows.items() if n not in numbers])
    ledger_path = folder / ".drafted.json"
    ledger = json.loads(ledger_path.read_text(encoding="utf-8")) if ledger_path.is_file() else {}
    ledger[f"{kind}.csv"] = hashlib.sha256(body.encode("utf-8")).hexdigest()
    write_atomic(json.dumps(ledger, indent=1, sort_keys=True) + "\n", ledger_path)
    return chosen


def accept_rows(project, number, kind, numbers, edits=None):
    """Move drafted rows ``numbers`` of ``kind`` into the curator's sheet; return its path.

    ``edits`` ({row number: {column: value}}) are the curator's changes to cells.
    """
    numbers = list(dict.fromkeys(numbers))
    sheet = _folder(project, number) / f"{kind}.csv"
    columns = _sheet_columns(kind)
    if sheet.is_file():
        text = sheet.read_text(encoding="utf-8-sig")
        header = next(csv.reader(io.StringIO(text)), [])
        unknown = [h for h in header if h and h not in columns]
        if unknown:
            raise InputError(f"{sheet}:1: unknown column {unknown[0]!r}")
        columns = header or columns
    else:
        text = ""
    rows = _drop(project, number, kind, numbers)
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n", extrasaction="ignore")
    if not text:
        writer.writeheader()
    for n, row in zip(numbers, rows, strict=True):
        row = {**row, **((edits or {}).get(n) or {})}
        writer.writerow({c: row.get(c, "") for c in columns})
    if text and not text.endswith("\n"):
        text += "\n"
    write_atomic(text + out.getvalue(), sheet, mkdir=True)
    return Path(sheet)


def reject_rows(project, number, kind, numbers):
    """Drop drafted rows ``numbers`` of ``kind`` from the draft."""
    _drop(project, number, kind, list(dict.fromkeys(numbers)))
