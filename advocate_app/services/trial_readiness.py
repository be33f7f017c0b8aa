"""Trial readiness: who agreed to be contacted about research, and what a sponsor may see.

The sponsor report counts people by condition and region with no names. Any count below
:data:`SMALL_CELL` (a cell, a row or column total, or the grand total) shows as "<5", so nobody
can be picked out in a rare disease. Hiding the small counts is not enough on its own: in a row
"Wales 7, Scotland <5, total 8" Scotland is 1. So the report also hides further counts
(secondary suppression, marked :data:`HIDDEN`) until no hidden count can be worked out from
the totals and the other cells: for every hidden count there are at least two tables, each
agreeing with everything shown, that give it different values.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from advocate_app.domain.access import Permission
from advocate_app.domain.community import AgeBand, Barrier, ConsentPurpose
from advocate_app.domain.member_views import ConditionInput, MemberQuery
from advocate_app.i18n import _
from advocate_app.services.access import require

if TYPE_CHECKING:
    from advocate_app.services.container import Services

SMALL_CELL = 5
SMALL = f"<{SMALL_CELL}"
#: The mark of a count hidden only so that a small count elsewhere cannot be worked out
#: (the Government Statistical Service's shorthand for "confidential").
HIDDEN = "[c]"


@dataclass(frozen=True)
class ReadinessRow:
    id: int
    name: str
    conditions: tuple[str, ...]
    diagnosis_confirmed: bool
    genetic_test_done: bool
    age_band: AgeBand | None
    region: str
    able_to_travel: bool


def legend() -> list[tuple[str, str]]:
    """The marks a report may show, with what each means (for a footnote)."""
    return [(SMALL, _("fewer than {n} people: 1 to {m}, or none in a row or column whose "
                      "total is below {n}").format(n=SMALL_CELL, m=SMALL_CELL - 1)),
            (HIDDEN, _("hidden so that a count below {n} cannot be worked out from the "
                       "totals").format(n=SMALL_CELL))]


@dataclass(frozen=True)
class SponsorReport:
    """Counts by condition (rows) and region (columns), small cells already hidden."""

    regions: list[str]
    rows: list[tuple[str, list[str], str]]  # condition, counts per region, row total
    totals: list[str]
    total: str
    prepared_on: str

    @property
    def marks_used(self) -> list[tuple[str, str]]:
        """The legend entries for the marks that appear in this report."""
        shown_texts = {t for _c, counts, total in self.rows for t in (*counts, total)}
        shown_texts |= {*self.totals, self.total}
        return [(mark, meaning) for mark, meaning in legend() if mark in shown_texts]

    def table(self) -> list[list[str]]:
        """The report as rows of text: header, one row per condition, totals, then notes."""
        out = [[_("Condition"), *self.regions, _("Total")]]
        out += [[condition, *counts, total] for condition, counts, total in self.rows]
        out.append([_("Total"), *self.totals, self.total])
        for mark, meaning in self.marks_used:
            out.append([_("{mark}: {meaning}").format(mark=mark, meaning=meaning)])
        return out

    def as_dict(self) -> dict:
        return {"prepared_on": self.prepared_on, "small_cells_shown_as": SMALL,
                "hidden_cells_shown_as": HIDDEN,
                "legend": dict(legend()),
                "regions": self.regions,
                "rows": [{"condition": c, "counts": dict(zip(self.regions, counts, strict=True)),
                          "total": total} for c, counts, total in self.rows],
                "totals": dict(zip(self.regions, self.totals, strict=True)),
                "total": self.total}


def shown(count: int) -> str:
    return SMALL if 0 < count < SMALL_CELL else str(count)


def _condition_key(condition: ConditionInput) -> str:
    return f"ORPHA:{condition.orpha_code} {condition.name}".strip() if condition.orpha_code \
        else condition.name


# -- secondary suppression ---------------------------------------------------------------------
#
# The table with its margins is an (R+1) x (C+1) grid: row R holds the column totals, column C
# the row totals. Flipping the sign of the margins (not of the grand total) makes every row and
# every column of the grid sum to zero, so two tables that agree on everything shown differ by
# a "circulation" on the hidden cells: +1 and -1 in turn around a cycle that goes row, column,
# row, column ... through hidden cells. A hidden cell can take another value exactly when such
# a cycle passes through it and every cell of the cycle can move one step within what a reader
# knows of it ("<5": 1 to 4, or 0 to 4 in a line with a small total; "[c]": 5 or more). (Any other table that agrees with what is shown
# is reached by such cycles, each moving every cell towards it, so no cycle means one value.)


def _moves(value: int, sign: int, low: int, high: int | None) -> tuple[bool, bool]:
    """Whether the signed value can go up by one, and down by one, within what is known."""
    up = value + 1 <= high if high is not None else True
    down = value - 1 >= low
    return (up, down) if sign > 0 else (down, up)


def protect(grid: list[list[int]]) -> set[tuple[int, int]]:
    """The cells to hide in ``grid`` (conditions x regions, with row totals as its last
    column and column totals as its last row): every count from 1 to SMALL_CELL - 1, and
    enough others that none of them can be worked out from what is left."""
    rows, columns = len(grid), len(grid[0])
    # A line (row or column) whose total is small shows every count in it as "<5", zeros
    # too: otherwise "<5, <5, <5, <5, total <5" would say each is 1. A reader knows the rule,
    # so "<5" there means 0 to 4, and 1 to 4 everywhere else.
    may_be_zero = {(i, j) for i in range(rows - 1) for j in range(columns - 1)
                   if grid[i][j] == 0 and grid[i][columns - 1] and grid[rows - 1][j]
                   and min(grid[i][columns - 1], grid[rows - 1][j]) < SMALL_CELL}
    small = {(i, j) for i in range(rows) for j in range(columns)
             if 0 < grid[i][j] < SMALL_CELL} | may_be_zero
    hidden = set(small)

    def small_range(i: int, j: int) -> int:
        """The least a "<5" can be for a reader: 0 in a line with a small total, else 1."""
        inner = i < rows - 1 and j < columns - 1
        return 0 if inner and (0 < grid[i][columns - 1] < SMALL_CELL
                               or 0 < grid[rows - 1][j] < SMALL_CELL) else 1

    def sign(i: int, j: int) -> int:
        return 1 if (i < rows - 1) == (j < columns - 1) else -1

    def arcs(i: int, j: int) -> tuple[bool, bool]:
        if (i, j) in small:
            return _moves(grid[i][j], sign(i, j), small_range(i, j), SMALL_CELL - 1)
        return _moves(grid[i][j], sign(i, j), SMALL_CELL, None)

    def cost(i: int, j: int) -> int:
        if (i, j) in hidden:
            return 0
        if i == rows - 1 and j == columns - 1:
            return 10 ** 9  # the grand total last of all
        margin = i == rows - 1 or j == columns - 1
        return grid[i][j] * 2 + 1000 if margin else grid[i][j] + 1

    # Nodes: ("r", i) and ("c", j). Going up on cell (i, j) is the arc row i -> column j;
    # going down is column j -> row i.
    def cheapest(start: tuple[str, int], goal: tuple[str, int], skip: tuple[int, int]
                 ) -> tuple[int, list[tuple[int, int]]] | None:
        best = {start: 0}
        came: dict[tuple[str, int], tuple[tuple[str, int], tuple[int, int]]] = {}
        queue = [(0, start)]
        while queue:
            spent, node = heapq.heappop(queue)
            if node == goal:
                path: list[tuple[int, int]] = []
                while node != start:
                    node, cell = came[node]
                    path.append(cell)
                return spent, path
            if spent > best.get(node, spent):
                continue
            kind, index = node
            others = range(columns) if kind == "r" else range(rows)
            for other in others:
                cell = (index, other) if kind == "r" else (other, index)
                if cell == skip or (grid[cell[0]][cell[1]] == 0 and cell not in hidden):
                    continue
                up, down = arcs(*cell)
                if not (up if kind == "r" else down):
                    continue
                target = ("c", other) if kind == "r" else ("r", other)
                total = spent + cost(*cell)
                if total < best.get(target, total + 1):
                    best[target] = total
                    came[target] = (node, cell)
                    heapq.heappush(queue, (total, target))
        return None

    for cell in sorted(small, key=lambda c: (c in may_be_zero, c[0] == rows - 1
                                             or c[1] == columns - 1, c)):
        i, j = cell
        up, down = arcs(i, j)
        found = [p for p in (cheapest(("c", j), ("r", i), cell) if up else None,
                             cheapest(("r", i), ("c", j), cell) if down else None) if p]
        if not found:  # nothing left to hide that would help: hide the whole row and column
            hidden |= {(i, k) for k in range(columns) if grid[i][k] >= SMALL_CELL}
            hidden |= {(k, j) for k in range(rows) if grid[k][j] >= SMALL_CELL}
            continue
        hidden.update(min(found)[1])
    return hidden


class TrialReadinessService:
    def __init__(self, services: Services) -> None:
        self._services = services

    def research_contacts(self) -> list[ReadinessRow]:
        """Members whose consent to research contact is valid today, with the key facts."""
        require(self._services.actor, Permission.VIEW_SENSITIVE)
        from advocate_app.services.member_export import iter_members

        query = MemberQuery(consent=ConsentPurpose.RESEARCH)
        return [ReadinessRow(
            id=m.id, name=m.display_name,
            conditions=tuple(_condition_key(c) for c in m.conditions),
            diagnosis_confirmed=any(c.diagnosis_confirmed for c in m.conditions),
            genetic_test_done=any(c.genetic_test_done for c in m.conditions),
            age_band=m.age_band, region=m.region or m.country,
            able_to_travel=Barrier.TRAVEL not in m.barriers)
            for m in iter_members(self._services, query)]

    def sponsor_report(self) -> SponsorReport:
        """Counts by condition and region, no names (small and revealing counts hidden)."""
        require(self._services.actor, Permission.IMPORT_EXPORT)
        cells: Counter[tuple[str, str]] = Counter()
        for row in self.research_contacts():
            for condition in row.conditions or ("—",):
                cells[(condition, row.region or "—")] += 1
        return report_from_counts(cells)


def write_report(services: Services, path: Path | str, fmt: str = "csv") -> SponsorReport:
    """Write the sponsor report to ``path`` as CSV (the legend follows the table; a cell a
    spreadsheet would run as a formula is neutralised) or JSON, whole or not at all; the
    export is written to the audit log. Returns the report written."""
    import csv
    import io
    import json

    from advocate_app.domain.audit_views import AuditAction, AuditSubject
    from advocate_app.interchange.files import write_atomically
    from advocate_app.interchange.member_export import neutralise
    from advocate_app.services.audit import record_alone

    report = TrialReadinessService(services).sponsor_report()
    if fmt == "json":
        data = json.dumps(report.as_dict(), ensure_ascii=False, indent=2).encode("utf-8")
    else:
        text = io.StringIO()
        csv.writer(text).writerows([[neutralise(str(cell)) for cell in row]
                                    for row in report.table()])
        data = text.getvalue().encode("utf-8-sig")
    write_atomically(Path(path), data)
    record_alone(services.uow, services.actor, AuditAction.EXPORTED, AuditSubject.REPORT,
                 count=len(report.rows), detail=f"trial readiness {fmt}")
    return report


def report_from_counts(cells: Counter[tuple[str, str]],
                       prepared_on: date | None = None) -> SponsorReport:
    """The sponsor report of counts by (condition, region), small and revealing cells hidden."""
    conditions = sorted({c for c, _r in cells})
    regions = sorted({r for _c, r in cells})
    grid = [[cells[(c, r)] for r in regions] for c in conditions]
    grid = [[*counts, sum(counts)] for counts in grid]
    grid.append([sum(row[j] for row in grid) for j in range(len(regions) + 1)])
    hidden = protect(grid)

    def text(i: int, j: int) -> str:
        if (i, j) not in hidden:
            return str(grid[i][j])
        return SMALL if grid[i][j] < SMALL_CELL else HIDDEN

    last = len(regions)
    rows = [(condition, [text(i, j) for j in range(last)], text(i, last))
            for i, condition in enumerate(conditions)]
    bottom = len(conditions)
    return SponsorReport(regions, rows, [text(bottom, j) for j in range(last)],
                         text(bottom, last), (prepared_on or date.today()).isoformat())
