"""Retention and trial readiness in the window: list first, erase on purpose, no names out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
from advocate_app.domain.member_views import ConditionInput, MemberInput
from advocate_app.services.consent import ConsentEntry
from advocate_app.ui import prompts
from advocate_app.ui.dialogs.privacy_tools import PrivacyToolsDialog


def test_retention_lists_then_erases_after_confirmation(qtbot, services, monkeypatch):
    from sqlalchemy import update

    from advocate_app.domain.members import Member

    old = services.members.create(MemberInput(given_name="Old", family_name="Quiet"))
    services.members.create(MemberInput(given_name="New", family_name="Quiet"))
    with services.uow() as uow:
        uow.session.execute(update(Member).where(Member.id == old.id).values(
            updated_at=datetime.now(UTC) - timedelta(days=6 * 365)))
        uow.commit()
    dialog = PrivacyToolsDialog(services)
    qtbot.addWidget(dialog)
    dialog.years.setValue(5)
    dialog.list_candidates()
    assert dialog.candidates_table.model().rowCount() == 1
    assert "Old Quiet" in dialog.candidates_table.model().index(0, 0).data()
    assert services.members.get(old.id).given_name == "Old"  # listing changed nothing
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: False)
    dialog.erase_candidates()
    assert services.members.get(old.id).given_name == "Old"
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    dialog.erase_candidates()
    qtbot.waitUntil(lambda: dialog.erased == 1, timeout=10_000)  # in the background
    assert services.members.get(old.id).given_name == ""
    assert dialog.erased == 1 and dialog.candidates_table.model().rowCount() == 0


def test_trial_readiness_table_and_file_have_no_names(qtbot, services, monkeypatch, tmp_path):
    for i in range(6):
        member = services.members.create(MemberInput(
            given_name=f"Person{i}", family_name="Rare", region="Wales",
            conditions=(ConditionInput("Marfan syndrome", "558"),)))
        services.consent.record(member.id, ConsentEntry(
            ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER,
            date(2025, 1, 1)))
    dialog = PrivacyToolsDialog(services)
    qtbot.addWidget(dialog)
    table = dialog.readiness_table
    model = table.model()
    cells = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert cells == [["ORPHA:558 Marfan syndrome", "6", "6"], ["Total", "6", "6"]]
    target = tmp_path / "sponsor.csv"
    monkeypatch.setattr(prompts, "save_file", lambda *args, **kwargs: str(target))
    dialog.save_readiness()
    text = target.read_text(encoding="utf-8-sig")
    assert "Marfan" in text and "Person" not in text


def test_trial_readiness_hides_what_would_give_a_small_count_away(qtbot, services):
    for region, count in (("Wales", 7), ("Scotland", 1)):
        for i in range(count):
            member = services.members.create(MemberInput(
                given_name=f"Person{i}", family_name="Rare", region=region,
                conditions=(ConditionInput("Marfan syndrome", "558"),)))
            services.consent.record(member.id, ConsentEntry(
                ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER,
                date(2025, 1, 1)))
    dialog = PrivacyToolsDialog(services)
    qtbot.addWidget(dialog)
    table = dialog.readiness_table
    model = table.model()
    cells = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    # "Scotland <5, Wales 7, total 8" would say Scotland is 1.
    assert cells[0][0] == "ORPHA:558 Marfan syndrome" and cells[0][1] == "<5"
    assert cells[0][2] == "[c]"  # Wales hidden: Scotland is now 1, 2 or 3 for a reader
    assert not dialog.readiness_legend.isHidden()
    assert "<5: fewer than 5" in dialog.readiness_legend.text()
    assert "[c]: hidden" in dialog.readiness_legend.text()


def test_old_backups_are_listed_after_an_erasure_and_deleted_on_purpose(qtbot, services,
                                                                         monkeypatch):
    import os
    import time

    backups = services.paths.backup_dir
    backups.mkdir(parents=True, exist_ok=True)
    before = backups / "advocate-20250101-120000-upgrade.sqlite3"
    before.write_bytes(b"a copy that holds everyone")
    os.utime(before, (time.time() - 3600, time.time() - 3600))
    dialog = PrivacyToolsDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.backups_table.model().rowCount() == 0  # nobody erased yet
    assert not dialog.purge_button.isEnabled()

    member = services.members.create(MemberInput(given_name="Old", family_name="Quiet"))
    services.privacy.erase(member.id)
    after = backups / "advocate-after-erasure.sqlite3"
    after.write_bytes(b"a copy made since")
    dialog.list_old_backups()
    model = dialog.backups_table.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [before.name]
    assert "1 backup still holds people erased" in dialog.backups_summary.text()

    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: False)
    dialog.purge_backups()
    assert before.exists()
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    dialog.purge_backups()
    qtbot.waitUntil(lambda: not before.exists() and "deleted" in dialog.backups_summary.text())
    assert after.exists() and dialog.backups_table.model().rowCount() == 0
    assert dialog.backups_summary.text() == "1 backup deleted."
