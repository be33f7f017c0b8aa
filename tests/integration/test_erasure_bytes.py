"""Erasure that really erases: after ``privacy erase`` no byte of any file in the data folder
(the database, its write-ahead log and shared memory, backups, logs) names the person, and
the backups made before the erasure are named, then purged on request."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from advocate_app.app import main, open_services
from advocate_app.domain.board_views import AgendaInput, MeetingInput
from advocate_app.domain.community import ConsentMethod, ConsentPurpose, ConsentStatus
from advocate_app.domain.governance import AttendanceStatus, BoardRole
from advocate_app.domain.member_views import ConditionInput, MemberInput
from advocate_app.paths import AppPaths
from advocate_app.services.consent import ConsentEntry

GIVEN, FAMILY = "Xylvander", "Qwembridge"
EMAILS = ("xylvander.qwembridge@example.org", "x.qwembridge@example.net")
PHONES = ("+44 7700 900461", "+44 7700 900462")
HEALTH = "Haemarthrosis after dental extraction"

#: Every way the person could be written down, compared without regard to case (the search
#: index keeps its words in lower case).
NEEDLES = (GIVEN, FAMILY, f"{GIVEN} {FAMILY}", *EMAILS, *PHONES, "900461", "900462",
           "haemarthrosis", "extraction")


def _found(data_dir) -> dict[str, list[str]]:
    """File (relative to the data folder) -> the needles its raw bytes hold."""
    found = {}
    for path in sorted(data_dir.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes().lower()
        hits = [n for n in NEEDLES if n.lower().encode() in raw]
        if hits:
            found[str(path.relative_to(data_dir))] = hits
    return found


def _person(services, email, phone, **extra) -> int:
    return services.members.create(MemberInput(
        given_name=GIVEN, family_name=FAMILY, email=email, phone=phone,
        address="7 Quarry Lane\nLeeds", postcode="LS6 2QA", country="GB", **extra)).id


def _community(services, pack_dir) -> int:
    """The person, merged with their duplicate, registered for a webinar, on a board,
    at its meetings (named in the minutes), and sent a leaflet in a print pack."""
    keep = _person(services, EMAILS[0], PHONES[0], notes=HEALTH,
                   conditions=(ConditionInput("Haemophilia A", "98878"),
                               ConditionInput(HEALTH)))
    other = _person(services, EMAILS[1], PHONES[1], barrier_notes=HEALTH)
    for member_id in (keep, other):
        services.consent.record(member_id, ConsentEntry(
            ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER,
            date(2025, 1, 3), evidence=f"Signed by {GIVEN} {FAMILY}"))
    webinar = services.webinars.list()[0].id
    services.webinars.register(webinar, other)
    services.duplicates.merge(keep, other)

    board = services.boards.list_boards()[0].id
    services.boards.set_membership(board, keep, BoardRole.SECRETARY, date(2024, 1, 1))
    meeting = services.meetings.schedule_meeting(MeetingInput(
        board, "Winter meeting", datetime.now() - timedelta(days=20), 60, "Europe/London"),
        [AgendaInput("Welcome", f"{GIVEN} {FAMILY}", 5)])
    services.meetings.set_attendance(meeting, keep, AttendanceStatus.PRESENT)
    item = services.meetings.get_meeting(meeting).agenda[0].id
    services.minutes.save_notes(item, f"{GIVEN} {FAMILY} ({EMAILS[0]}) took the notes.")

    leaflet = next(i.id for i in services.outreach.list() if i.group == "welcome-leaflet"
                   and i.language == "en")
    result = services.outreach.print_pack(leaflet, [keep], pack_dir)
    assert result.copies == 1
    return keep


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "demo", "--members", "40"]) == 0
    return folder


def test_after_an_erasure_no_file_in_the_data_folder_names_the_person(data_dir, tmp_path,
                                                                      capsys):
    from advocate_app.storage.backup import backup_sqlite

    paths = AppPaths(data_dir)
    services = open_services(paths.default_database_url(), paths)
    try:
        member_id = _community(services, tmp_path / "pack")
        # The copy an upgrade of the database's structure takes before it starts.
        backup = backup_sqlite(paths.database_file, paths.backup_dir, "upgrade")
        assert _found(data_dir), "the person is not in the data folder to begin with"

        result = services.privacy.erase(member_id)

        # While the app is still open: the database, its log of changes and backups.
        left = _found(data_dir)
        assert set(left) == {str(backup.relative_to(data_dir))}, left
        assert backup.name in result.summary and "purge-backups" in result.summary
        assert services.members.reader.rows(
            "SELECT count(*) FROM member_search WHERE member_search MATCH :w",
            {"w": FAMILY.lower()}) == [(0,)]
    finally:
        services.close()
    assert set(_found(data_dir)) == {str(backup.relative_to(data_dir))}

    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "privacy", "purge-backups"]) == 0
    said = capsys.readouterr().out
    assert backup.name in said and backup.exists()  # a dry run first
    assert main(["--data-dir", str(data_dir), "privacy", "purge-backups", "--yes"]) == 0
    assert not backup.exists()
    assert _found(data_dir) == {}
    assert main(["--data-dir", str(data_dir), "privacy", "purge-backups", "--yes"]) == 0
    assert "No backup was made" in capsys.readouterr().out


def test_erasing_from_the_command_line_leaves_no_trace_either(data_dir, tmp_path, capsys):
    paths = AppPaths(data_dir)
    services = open_services(paths.default_database_url(), paths)
    try:
        member_id = _community(services, tmp_path / "pack")
    finally:
        services.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "privacy", "erase", str(member_id),
                 "--yes"]) == 0
    assert "purge-backups" not in capsys.readouterr().out  # no backup held them
    assert _found(data_dir) == {}


def test_a_backup_converted_since_is_still_known_by_the_time_in_its_name(tmp_path):
    """Encrypting or copying a backup gives it a new file time; the time in its name says
    when its data was taken."""
    import os
    import time

    from advocate_app.app import open_services

    paths = AppPaths(tmp_path / "data")
    paths.ensure()
    services = open_services(paths.default_database_url(), paths)
    try:
        taken = datetime.now() - timedelta(hours=2)
        old = paths.backup_dir / f"advocate-{taken:%Y%m%d-%H%M%S-%f}-auto.sqlite3"
        old.write_bytes(b"everyone, two hours ago")
        member = services.members.create(MemberInput(given_name="Ada", family_name="Okafor"))
        services.privacy.erase(member.id)
        os.utime(old, (time.time() + 60, time.time() + 60))  # converted after the erasure
        assert services.privacy.backups_before_erasure() == [old]
    finally:
        services.close()
