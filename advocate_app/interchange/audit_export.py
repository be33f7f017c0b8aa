"""The audit log written out as CSV (for a spreadsheet) or JSON (for a program).

Cells a spreadsheet would run as a formula are neutralised; the file is written whole or not
at all.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

from advocate_app.domain.audit_views import AuditEntry
from advocate_app.interchange.files import write_atomically
from advocate_app.interchange.member_export import neutralise

FIELDS = ("id", "at", "account_id", "account_name", "action", "subject_kind", "subject_id",
          "count", "detail")


def write_audit(path: Path, fmt: str, entries: Iterable[AuditEntry]) -> Path:
    rows = [entry.as_dict() for entry in entries]
    if fmt == "json":
        data = json.dumps({"format": "advocate-audit/1", "events": rows}, ensure_ascii=False,
                          indent=1).encode("utf-8")
        return write_atomically(path, data)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow([neutralise(str(row[f])) if isinstance(row[f], str) else
                         "" if row[f] is None else row[f] for f in FIELDS])
    return write_atomically(path, text.getvalue().encode("utf-8-sig"))
