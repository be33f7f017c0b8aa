"""What an import of members is asked to do, and what it reports, row by row."""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime


class OnDuplicate(enum.StrEnum):
    SKIP = "skip"
    MERGE = "merge"
    CREATE = "create"


class ImportCancelled(Exception):
    """The import was cancelled; nothing was written."""


@dataclass(frozen=True)
class ImportOptions:
    format: str = "auto"
    encoding: str | None = None
    delimiter: str | None = None
    on_duplicate: OnDuplicate = OnDuplicate.SKIP
    dry_run: bool = False
    mapping: dict[int, str] | None = None  # column index -> field; guessed when None


@dataclass(frozen=True)
class RowOutcome:
    row: int
    outcome: str  # created | merged | skipped | invalid
    name: str = ""
    member_id: int | None = None
    reasons: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    review: str = ""


@dataclass
class ImportReport:
    file: str
    format: str
    encoding: str
    delimiter: str
    mapping: dict[str, str]
    unmapped: list[str]
    dry_run: bool
    rows: list[RowOutcome] = field(default_factory=list)
    empty_rows: int = 0
    #: When the import wrote: every member it created or changed was updated at or after it.
    started_at: datetime | None = None
    #: A mailing-list export: "granted" or "withdrawn" (newsletter), and for how many members
    #: that answer was recorded (none when their newest answer already said so).
    newsletter: str = ""
    consent_recorded: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def created(self) -> int:
        return self.count("created")

    @property
    def merged(self) -> int:
        return self.count("merged")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def invalid(self) -> int:
        return self.count("invalid")

    @property
    def flagged(self) -> int:
        return sum(1 for row in self.rows if row.review)

    @property
    def warnings(self) -> int:
        return sum(len(row.warnings) for row in self.rows)

    def to_json(self) -> str:
        data = {
            "file": self.file, "format": self.format, "encoding": self.encoding,
            "delimiter": self.delimiter, "dry_run": self.dry_run,
            "counts": {"created": self.created, "merged": self.merged,
                       "skipped": self.skipped, "invalid": self.invalid,
                       "flagged_for_review": self.flagged, "warnings": self.warnings,
                       "empty_rows": self.empty_rows},
            "newsletter_consent": {"answer": self.newsletter,
                                   "recorded_for": self.consent_recorded},
            "mapping": self.mapping, "unmapped_columns": self.unmapped,
            "rows": [asdict(row) for row in self.rows],
        }
        return json.dumps(data, ensure_ascii=False, indent=2, default=list)

    def lines(self) -> list[str]:
        """The report as plain sentences for people (the wizard's summary, the command line)."""
        from advocate_app.interchange.report_text import report_lines

        return report_lines(self)
