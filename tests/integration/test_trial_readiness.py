"""What a trial sponsor may see: counts by condition and region, no names, small cells hidden."""

from __future__ import annotations

import csv
from datetime import date

from advocate_app.app import main
from advocate_app.domain.community import Barrier, ConsentMethod, ConsentPurpose, ConsentStatus
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.member_data import ConditionInput, MemberInput
from advocate_app.services.trial_readiness import TrialReadinessService

MARFAN = ConditionInput("Marfan syndrome", "558", diagnosis_confirmed=True)


def _people(services, count, region, condition, *, agreed=True, **extra):
    for i in range(count):
        member = services.members.create(MemberInput(
            given_name=f"Person{i}", family_name=f"{region}{condition.orpha_code}",
            region=region, conditions=(condition,), **extra))
        if agreed:
            services.consent.record(member.id, ConsentEntry(
                ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER,
                date(2025, 2, 1)))


def test_research_contacts_carry_the_key_facts(services):
    _people(services, 1, "Wales", MARFAN, barriers=frozenset({Barrier.TRAVEL}),
            date_of_birth=date(1990, 1, 1))
    _people(services, 2, "Wales", MARFAN, agreed=False)
    rows = TrialReadinessService(services).research_contacts()
    assert len(rows) == 1
    assert rows[0].diagnosis_confirmed and not rows[0].genetic_test_done
    assert rows[0].region == "Wales" and rows[0].able_to_travel is False
    assert rows[0].age_band is not None


def test_small_cells_are_hidden_and_no_names_appear(services, tmp_path):
    _people(services, 6, "Wales", MARFAN)
    _people(services, 2, "Scotland", MARFAN)
    _people(services, 3, "Wales", ConditionInput("Fabry disease", "324"))
    _people(services, 9, "Scotland", ConditionInput("Fabry disease", "324"), agreed=False)
    report = TrialReadinessService(services).sponsor_report()
    assert report.regions == ["Scotland", "Wales"]
    table = {condition: (counts, total) for condition, counts, total in report.rows}
    assert table["ORPHA:558 Marfan syndrome"] == (["<5", "6"], "8")
    assert table["ORPHA:324 Fabry disease"] == (["0", "<5"], "<5")
    assert report.totals == ["<5", "9"] and report.total == "11"
    out = tmp_path / "sponsor.csv"
    data = str(tmp_path / "data")
    # The same report from the command line (the fixture's database lives in tmp_path/data).
    assert main(["--data-dir", data, "trial-readiness", "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Condition", "Scotland", "Wales", "Total"]
    assert rows[-1] == ["Total", "<5", "9", "11"]
    assert "Person" not in out.read_text(encoding="utf-8-sig")


def test_the_sponsor_file_has_no_names(services, tmp_path):
    import json

    _people(services, 5, "Wales", MARFAN)
    report = TrialReadinessService(services).sponsor_report().as_dict()
    text = json.dumps(report)
    assert "Person" not in text and report["small_cells_shown_as"] == "<5"
