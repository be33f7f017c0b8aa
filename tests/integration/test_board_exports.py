"""What boards send out: calendar files, minutes (PDF and Word), lay summaries, "You said, we
did" and the roles matrix; from the services and from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from advocate_app.app import main
from advocate_app.documents.pdf import RenderOptions, render
from advocate_app.domain.board_views import AgendaInput, BoardInput, MeetingInput
from advocate_app.domain.governance import (
    AccessArrangement,
    AttendanceMode,
    AttendanceStatus,
    BoardRole,
    PromiseStatus,
    RaciValue,
)
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.outreach_content import ItemKind
from advocate_app.interchange.calendar import meeting_ics, meetings_feed
from advocate_app.services.errors import NotFoundError
from advocate_app.services.minutes import (
    YOU_SAID_WE_DID_GROUP,
    minutes_item,
    raci_item,
    you_said_we_did_items,
)
from tests import documents_checks as checks

LONDON = ZoneInfo("Europe/London")
NAMES = {"chair": ("Amina", "Haddad"), "secretary": ("Seán", "Murphy"),
         "member": ("Priya", "Sharma"), "remote": ("Olga", "Ivanova"),
         "away": ("Kwame", "Mensah")}


@pytest.fixture
def services(any_services):
    return any_services


def _held_meeting(services):
    """A board, a held meeting with minutes, decisions, actions and promises, and the next
    meeting at which its minutes were approved."""
    boards = services.boards
    board_id = boards.create_board(BoardInput("Patient Advisory Board"))
    people = {key: services.members.create(MemberInput(given_name=g, family_name=f)).id
              for key, (g, f) in NAMES.items()}
    roles = {"chair": BoardRole.CHAIR, "secretary": BoardRole.SECRETARY}
    for key, member_id in people.items():
        boards.set_membership(board_id, member_id, roles.get(key, BoardRole.MEMBER))
    meeting_id = services.meetings.schedule_meeting(MeetingInput(
        board_id, "Spring meeting", datetime(2026, 3, 10, 18, 30), 90, "Europe/London",
        place="Community Hall", online_link="https://meet.example.org/pab",
        arrangements=frozenset({AccessArrangement.CAPTIONS, AccessArrangement.STEP_FREE})),
        [AgendaInput("Welcome", "Chair", 5), AgendaInput("Study update", "Nurse adviser", 20)])
    meeting = services.meetings.get_meeting(meeting_id)
    welcome, study = meeting.agenda
    for key in ("chair", "secretary", "member"):
        services.meetings.set_attendance(meeting_id, people[key], AttendanceStatus.PRESENT)
    services.meetings.set_attendance(meeting_id, people["remote"], AttendanceStatus.PRESENT,
                                     AttendanceMode.REMOTE)
    services.meetings.set_attendance(meeting_id, people["away"], AttendanceStatus.APOLOGIES)
    services.minutes.save_notes(welcome.id, "The chair welcomed everyone.")
    services.minutes.save_notes(study.id, "Recruitment is on track.\n\nVisits will be shorter.")
    services.minutes.record_decision(meeting_id, "Support the shorter visit schedule",
                                     agenda_item_id=study.id, decided_by="Vote: 4 for, 1 against",
                                     dissent="One member wants home visits first.")
    services.actions.add_action("Send comments to the sponsor", meeting_id=meeting_id,
                                agenda_item_id=study.id, owner_member_id=people["secretary"],
                                due_on=date(2026, 3, 31))
    kept = services.actions.add_promise(
        "We will ask for shorter visits", you_said="Visits are too long", meeting_id=meeting_id,
        owner_member_id=people["chair"], owner_role="Chair")
    services.actions.update_promise(kept, PromiseStatus.KEPT,
                                    "The first visit is now split in two.", date(2026, 4, 20))
    services.actions.add_promise("We will publish a lay summary", meeting_id=meeting_id,
                                 owner_role="Patient Advisory Board", due_on=date(2026, 6, 1))
    next_id = services.meetings.schedule_meeting(MeetingInput(
        board_id, "Summer meeting", datetime(2026, 6, 9, 18, 30), 90, "Europe/London",
        place="Community Hall"))
    services.minutes.circulate(meeting_id)
    services.minutes.approve(meeting_id, at_meeting_id=next_id, note="Approved as written.")
    return services.meetings.get_meeting(meeting_id), boards.get_board(board_id), people, next_id


# -- calendar ---------------------------------------------------------------------------------

def test_a_meeting_as_ics_parses_back_with_its_time_zone(services):
    from icalendar import Calendar

    meeting, _board, _people, _next = _held_meeting(services)
    calendar = Calendar.from_ical(meeting_ics(meeting))
    assert str(calendar["PRODID"]) == "-//Advocate//Advocate//EN"
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    zones = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/London"]
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/London" or getattr(start.tzinfo, "key", "") == \
        "Europe/London"
    assert start == meeting.local_start and start.replace(tzinfo=None) == \
        datetime(2026, 3, 10, 18, 30)
    assert event.decoded("DTEND") == meeting.local_end
    assert str(event["UID"]) == meeting.uid and int(event["SEQUENCE"]) == meeting.sequence
    assert "DTSTAMP" in event
    assert str(event["SUMMARY"]) == "Patient Advisory Board: Spring meeting"
    assert "Community Hall" in str(event["LOCATION"])
    assert str(event["URL"]) == "https://meet.example.org/pab"
    description = str(event["DESCRIPTION"])
    assert "Study update" in description and "Nurse adviser" in description
    assert "Live captions" in description and "https://meet.example.org/pab" in description


def test_the_feed_holds_the_upcoming_meetings_only(services):
    from icalendar import Calendar

    meeting, board, _people, _next = _held_meeting(services)
    soon = (datetime.now(LONDON) + timedelta(days=21)).replace(tzinfo=None, hour=18,
                                                                 minute=30, second=0,
                                                                 microsecond=0)
    upcoming_id = services.meetings.schedule_meeting(
        MeetingInput(board.id, "Next meeting", soon, 60, "Europe/Paris"))
    upcoming = [services.meetings.get_meeting(m.id)
                for m in services.meetings.list_meetings(upcoming_only=True)]
    assert {m.id for m in upcoming} == {upcoming_id}
    calendar = Calendar.from_ical(meetings_feed(upcoming, "Board meetings"))
    assert str(calendar["X-WR-CALNAME"]) == "Board meetings"
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [services.meetings.get_meeting(upcoming_id).uid]
    assert meeting.uid not in {str(e["UID"]) for e in events}
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert events[0].decoded("DTSTART").replace(tzinfo=None) == soon


def test_the_calendar_file_is_written_for_one_meeting_or_every_upcoming_one(services, tmp_path):
    from icalendar import Calendar

    meeting, board, _people, _next = _held_meeting(services)
    soon = (datetime.now(LONDON) + timedelta(days=21)).replace(tzinfo=None, hour=18,
                                                                 minute=30, second=0,
                                                                 microsecond=0)
    upcoming_id = services.meetings.schedule_meeting(
        MeetingInput(board.id, "Next meeting", soon, 60, "Europe/Paris"))
    documents = services.board_documents
    out = tmp_path / "out"
    out.mkdir()
    assert documents.write_calendar(out / "one.ics", meeting.id) == 1
    (event,) = Calendar.from_ical((out / "one.ics").read_bytes()).walk("VEVENT")
    assert str(event["UID"]) == meeting.uid
    assert documents.write_calendar(out / "feed.ics") == 1
    feed = Calendar.from_ical((out / "feed.ics").read_bytes())
    assert str(feed["X-WR-CALNAME"]) == "Advocate: upcoming meetings"
    assert [str(e["UID"]) for e in feed.walk("VEVENT")] == [
        services.meetings.get_meeting(upcoming_id).uid]
    assert sorted(p.name for p in out.iterdir()) == ["feed.ics", "one.ics"]
    with pytest.raises(NotFoundError, match="4242"):
        documents.write_calendar(out / "none.ics", 4242)
    assert not (out / "none.ics").exists()


# -- minutes ----------------------------------------------------------------------------------

def test_minutes_as_word_have_headings_decisions_and_attendees(services, tmp_path):
    import docx

    meeting, _board, _people, _next_id = _held_meeting(services)
    path = services.board_documents.export_minutes(meeting.id, "docx",
                                                   tmp_path / "minutes.docx")
    document = docx.Document(str(path))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Minutes: Patient Advisory Board, Spring meeting")
    assert ("Heading 2", "1. Welcome") in headings and ("Heading 2", "2. Study update") in \
        headings
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Support the shorter visit schedule" in text
    assert "One member wants home visits first." in text
    assert "Vote: 4 for, 1 against" in text
    assert "Send comments to the sponsor" in text
    for given, family in NAMES.values():
        assert f"{given} {family}" in text
    assert "Approved" in text and "Summer meeting" in text and "Approved as written." in text
    assert "Visits will be shorter." in text
    assert document.core_properties.title.startswith("Minutes:")
    assert document.core_properties.language == "en"
    assert not list(tmp_path.glob(".advocate-*"))  # no temporary file left behind


def test_minutes_pdf_is_accessible(services, tmp_path):
    meeting, board, _people, _next = _held_meeting(services)
    item = minutes_item(meeting, board)
    assert item.kind is ItemKind.LEAFLET
    tables = [b for b in item.blocks if b.type == "table"]
    assert tables and tables[0].data["header"] == ["What", "Who", "By when"]
    path = services.board_documents.export_minutes(meeting.id, "pdf", tmp_path / "minutes.pdf")
    problems = checks.problems(path)
    assert problems == [], "\n".join(problems)
    assert checks.language(path) == "en"
    structure = checks.struct_text(path)
    assert "Study update" in structure and "Attendance" in structure
    _outside_check(path)


def _outside_check(path) -> None:
    checker = checks.shared_checker()
    if checker is None:
        return
    result = subprocess.run([sys.executable, str(checker), str(path), "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["passed"], report["failed_checks"]


def test_minutes_export_refuses_an_unknown_format(services, tmp_path):
    from advocate_app.services.errors import ValidationError

    meeting, _board, _people, _next = _held_meeting(services)
    with pytest.raises(ValidationError):
        services.board_documents.export_minutes(meeting.id, "odt", tmp_path / "minutes.odt")
    assert not (tmp_path / "minutes.odt").exists()


# -- for the community ------------------------------------------------------------------------

def test_the_lay_summary_names_no_member(services, tmp_path):
    meeting, _board, _people, _next = _held_meeting(services)
    item = services.board_documents.lay_summary(meeting.id, "en")
    assert item.kind is ItemKind.LAY_SUMMARY
    content = item.to_json()
    for given, family in NAMES.values():
        assert given not in content and family not in content
    headings = [b.data["text"] for b in item.blocks if b.type == "heading"]
    assert headings[1:] == ["What we talked about", "What we decided", "What we promised",
                            "What happens next"]
    assert any(b.type == "formats_notice" for b in item.blocks)
    assert "Support the shorter visit schedule" in content and "Chair" in content
    path = tmp_path / "lay.pdf"
    path.write_bytes(render(item, RenderOptions()))
    assert checks.problems(path) == []
    stored = services.outreach.save(item)
    assert services.outreach.get(stored).title == item.title
    assert services.board_documents.lay_summary(meeting.id).language == "en"  # the window's


def test_you_said_we_did_in_each_language(services, tmp_path):
    meeting, _board, _people, _next = _held_meeting(services)
    items = you_said_we_did_items(list(meeting.promises), ["en", "fr"])
    assert [i.language for i in items] == ["en", "fr"]
    assert {i.kind for i in items} == {ItemKind.NEWSLETTER}
    assert {i.group for i in items} == {YOU_SAID_WE_DID_GROUP}
    english, french = items
    assert english.title == "You said, we did"
    table = next(b for b in english.blocks if b.type == "table")
    assert table.data["header"] == ["You said", "We did", "When"]
    assert table.data["rows"] == [["Visits are too long", "The first visit is now split in two.",
                                   "20 Apr 2026"]]  # only the kept promise
    french_table = next(b for b in french.blocks if b.type == "table")
    assert french_table.data["rows"][0][2] != "20 Apr 2026"  # dates in French
    path = tmp_path / "fr.pdf"
    path.write_bytes(render(french, RenderOptions()))
    assert checks.language(path) == "fr"
    assert checks.problems(path) == []
    assert you_said_we_did_items([p for p in meeting.promises
                                  if p.status is not PromiseStatus.KEPT], ["en"]) == []


def test_you_said_we_did_comes_in_the_languages_the_members_read(services):
    documents = services.board_documents
    assert documents.you_said_we_did() == []  # no promise kept yet
    _held_meeting(services)  # five members, who read English; one promise kept
    for given, language in (("Léa", "fr"), ("Hugo", "fr"), ("Jonas", "de"), ("Yuki", "ja")):
        services.members.create(MemberInput(given_name=given, family_name="Martin",
                                            preferred_language=language))
    items = documents.you_said_we_did()
    # Most readers first; Japanese is left out: Advocate cannot write the framing words in it.
    assert [i.language for i in items] == ["en", "fr", "de"]
    assert items[2].title != items[0].title  # its own words, in German
    assert {i.group for i in items} == {YOU_SAID_WE_DID_GROUP}
    table = next(b for b in items[0].blocks if b.type == "table")
    assert table.data["rows"] == [["Visits are too long", "The first visit is now split in two.",
                                   "20 Apr 2026"]]


def test_the_roles_matrix_is_one_page_table_with_a_key(services, tmp_path):
    _meeting, board, _people, _next = _held_meeting(services)
    activity = services.roles.add_raci_activity(board.id, "Approve lay summaries")
    parties = [services.roles.add_raci_party(board.id, name) for name in ("Advisory board",
                                                                          "Trial sponsor")]
    services.roles.set_raci(activity, parties[0], RaciValue.ACCOUNTABLE)
    services.roles.set_raci(activity, parties[1], RaciValue.CONSULTED)
    item = raci_item(services.roles.raci(board.id), board)
    table = next(b for b in item.blocks if b.type == "table")
    assert table.data["header"] == ["Activity", "Advisory board", "Trial sponsor"]
    assert table.data["rows"] == [["Approve lay summaries", "A", "C"]]
    key = next(b for b in item.blocks if b.type == "list")
    assert len(key.data["items"]) == 4
    path = services.board_documents.write_roles_sheet(board.id, tmp_path / "raci.pdf")
    assert path == tmp_path / "raci.pdf"
    assert checks.problems(path) == []
    assert "Approve lay summaries" in checks.struct_text(path)
    from advocate_app.documents.pdf import page_count

    assert page_count(path.read_bytes()) == 1
    assert not list(tmp_path.glob(".advocate-*"))  # no temporary file left behind


# -- the command line -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("board-demo")
    assert main(["--data-dir", str(folder), "demo", "--members", "60"]) == 0
    return folder


def test_demo_meetings_are_listed_as_json(demo_dir, capsys):
    capsys.readouterr()
    assert main(["--data-dir", str(demo_dir), "meetings", "list", "--json"]) == 0
    meetings = json.loads(capsys.readouterr().out)
    assert len(meetings) >= 3
    for meeting in meetings:
        assert {"id", "board", "title", "start", "minutes_status"} <= set(meeting)
        assert datetime.fromisoformat(meeting["start"]).utcoffset() is not None
    now = datetime.now(UTC)
    assert any(datetime.fromisoformat(m["start"]) > now for m in meetings)
    assert {m["minutes_status"] for m in meetings} >= {"approved", "draft"}


def test_demo_reports_its_boards(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "demo", "--members", "60"]) == 0
    assert "Added 2 boards and 3 meetings." in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "demo", "--members", "10"]) == 0
    assert "boards" not in capsys.readouterr().out  # once only


def test_demo_meetings_as_ics_from_the_command_line(demo_dir, tmp_path, capsys):
    from icalendar import Calendar

    feed = tmp_path / "feed.ics"
    assert main(["--data-dir", str(demo_dir), "meetings", "ics", "-o", str(feed)]) == 0
    events = Calendar.from_ical(feed.read_bytes()).walk("VEVENT")
    assert events and all(e.decoded("DTEND") > datetime.now(UTC) for e in events)
    one = tmp_path / "one.ics"
    assert main(["--data-dir", str(demo_dir), "meetings", "ics", "--meeting", "1", "-o",
                 str(one)]) == 0
    assert len(Calendar.from_ical(one.read_bytes()).walk("VEVENT")) == 1


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_minutes_export_from_the_command_line(demo_dir, tmp_path, capsys, fmt):
    output = tmp_path / f"minutes.{fmt}"
    assert main(["--data-dir", str(demo_dir), "minutes", "export", "1", "--format", fmt,
                 "-o", str(output)]) == 0
    assert output.stat().st_size > 0
    if fmt == "pdf":
        assert output.read_bytes().startswith(b"%PDF")
        assert checks.problems(output) == []
    else:
        import docx

        document = docx.Document(str(output))
        assert any(p.style.name == "Heading 1" for p in document.paragraphs)


@pytest.mark.parametrize("args", [["minutes", "export", "4242", "--format", "pdf"],
                                  ["meetings", "ics", "--meeting", "4242"]])
def test_an_unknown_meeting_is_one_line_and_exit_1(demo_dir, tmp_path, capsys, args):
    capsys.readouterr()
    assert main(["--data-dir", str(demo_dir), *args, "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "4242" in err and err.startswith("advocate-app:")
    assert not (tmp_path / "out").exists()


def test_minutes_write_dates_as_the_window_shows_them(services):
    """English minutes say "10 March 2026", day before month, as every screen does; French
    minutes say "10 mars 2026"."""
    from advocate_app.documents.minutes_wording import when_text

    meeting, _board, _people, _next = _held_meeting(services)
    day = meeting.local_start.day
    english = when_text(meeting, "en")
    assert f"{day} {meeting.local_start:%B %Y}" in english, english
    assert f"{meeting.local_start:%H:%M}" in english  # a 24-hour clock, as in the window
    assert f"{day} " in when_text(meeting, "fr")
