"""Trial readiness: who agreed to be contacted about research, and what a sponsor may see.

The sponsor report counts people by condition and region with no names, and shows any count
below :data:`SMALL_CELL` as "<5", so nobody can be picked out in a rare disease.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from advocate_app.domain.community import AgeBand, Barrier, ConsentPurpose
from advocate_app.services.member_data import MemberQuery

SMALL_CELL = 5


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


@dataclass(frozen=True)
class SponsorReport:
    """Counts by condition (rows) and region (columns), small cells already hidden."""

    regions: list[str]
    rows: list[tuple[str, list[str], str]]  # condition, counts per region, row total
    totals: list[str]
    total: str
    prepared_on: str

    def as_dict(self) -> dict:
        return {"prepared_on": self.prepared_on, "small_cells_shown_as": f"<{SMALL_CELL}",
                "regions": self.regions,
                "rows": [{"condition": c, "counts": dict(zip(self.regions, counts, strict=True)),
                          "total": total} for c, counts, total in self.rows],
                "totals": dict(zip(self.regions, self.totals, strict=True)),
                "total": self.total}


def shown(count: int) -> str:
    return f"<{SMALL_CELL}" if 0 < count < SMALL_CELL else str(count)


def _condition_key(condition) -> str:
    return f"ORPHA:{condition.orpha_code} {condition.name}".strip() if condition.orpha_code \
        else condition.name


class TrialReadinessService:
    def __init__(self, services):
        self._services = services

    def research_contacts(self) -> list[ReadinessRow]:
        """Members whose consent to research contact is valid today, with the key facts."""
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
        cells: Counter[tuple[str, str]] = Counter()
        for row in self.research_contacts():
            for condition in row.conditions or ("—",):
                cells[(condition, row.region or "—")] += 1
        conditions = sorted({c for c, _r in cells})
        regions = sorted({r for _c, r in cells})
        rows = []
        for condition in conditions:
            counts = [cells[(condition, region)] for region in regions]
            rows.append((condition, [shown(n) for n in counts], shown(sum(counts))))
        column_totals = [sum(cells[(c, r)] for c in conditions) for r in regions]
        return SponsorReport(regions, rows, [shown(n) for n in column_totals],
                             shown(sum(column_totals)), date.today().isoformat())
