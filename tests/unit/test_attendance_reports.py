"""Reading the platforms' reports without a database: recognised by content, re-joins summed,
hosts and panelists left out, dates read in the report's zone and order, and every damaged or
unknown file refused with one sentence."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advocate_app.domain.webinar_views import ReportKind
from advocate_app.interchange import attendance_rows
from advocate_app.interchange.attendance_reports import ReadCancelled, read_report
from advocate_app.interchange.errors import UnreadableFileError

REPORTS = Path(__file__).parent.parent / "data" / "reports"


def _people(report):
    return {p.name: p for p in report.people}


def test_a_zoom_attendee_report_sums_rejoins_and_leaves_out_hosts_and_panelists(tmp_path):
    # the file's name says nothing: recognised by what it holds
    path = tmp_path / "export (3).txt"
    shutil.copyfile(REPORTS / "zoom_attendee_report.csv", path)
    report = read_report(path, report_timezone="Europe/London")
    assert report.kind is ReportKind.ZOOM_ATTENDEE
    assert report.topic == "Living well with a rare condition"
    assert report.panelists == 3 and report.attendance_known
    people = _people(report)
    assert len(people) == 9
    assert not {"Webinars Team", "Dr Speaker", "Patient panel"} & set(people)
    amina = people["Amina Haddad"]  # renamed herself: the registered name in brackets
    assert (amina.minutes_attended, amina.registered, amina.attended) == (58, True, True)
    assert amina.first_joined == datetime(2026, 12, 3, 10, 1, 12, tzinfo=UTC)
    assert amina.registered_at == datetime(2026, 11, 20, 18, 14, 9, tzinfo=UTC)  # 06:14 PM
    assert amina.needs_text == "Live captions please"
    sean = people["Seán Murphy"]  # two rows, the address cased differently
    assert sean.minutes_attended == 18 + 36
    ngozi = people["Ngozi Okafor"]
    assert (ngozi.registered, ngozi.attended, ngozi.minutes_attended) == (True, False, 0)
    assert people["Ines Dubois"].registered is False  # joined without registering
    assert people["山田太郎"].first_name == "山田太郎"
    assert len(report.digest) == 64


def test_times_are_read_in_the_report_zone_and_returned_in_utc():
    report = read_report(REPORTS / "zoom_attendee_report.csv",
                         report_timezone="America/New_York")
    amina = _people(report)["Amina Haddad"]
    assert amina.first_joined == datetime(2026, 12, 3, 15, 1, 12, tzinfo=UTC)
    with pytest.raises(UnreadableFileError, match="not a time zone"):
        read_report(REPORTS / "zoom_attendee_report.csv", report_timezone="Mars/Olympus")


def test_a_zoom_registration_report_in_utf16_cannot_say_who_came():
    report = read_report(REPORTS / "zoom_registration_report.csv")
    assert report.kind is ReportKind.ZOOM_REGISTRATION and not report.attendance_known
    people = _people(report)
    assert set(people) == {"Amina Haddad", "Chloé Martin", "Kofi Mensah"}  # denied left out
    assert all(p.registered and not p.attended for p in people.values())
    assert people["Chloé Martin"].needs_text == "French interpretation"
    assert people["Kofi Mensah"].registered_at == datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_eventbrite_day_or_month_first_is_decided_from_the_whole_column():
    uk = read_report(REPORTS / "eventbrite_uk.csv", report_timezone="Europe/London")
    assert uk.kind is ReportKind.EVENTBRITE and uk.attendance_known
    people = _people(uk)
    # 01/12/2026 is the first of December: 28/11/2026 elsewhere in the column says so
    assert people["Priya Sharma"].registered_at == datetime(2026, 12, 1, 9, 15, tzinfo=UTC)
    assert people["Priya Sharma"].ticket_type == "Carer ticket"
    assert people["Priya Sharma"].order_id == "1234567891"
    assert people["Ravi Sharma"].email == ""  # a guest on Priya's order: not her address
    assert "Tomás García" not in people  # not attending
    us = read_report(REPORTS / "eventbrite_us.csv", report_timezone="America/New_York")
    people = _people(us)  # cp1252, month first (11/28/2026)
    assert people["María López"].registered_at == datetime(2026, 11, 30, 14, 15, tzinfo=UTC)
    assert people["James Carter"].registered_at == datetime(2026, 12, 2, 0, 45, tzinfo=UTC)
    assert people["James Carter"].attended and not people["María López"].attended


def _eventbrite(tmp_path, dates, statuses=None, name="export.csv"):
    header = ("Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,"
              "Attendee #,Attendee Status")
    rows = [f"{100 + i},\"{d}\",P{i},Q{i},p{i}@example.com,1,General,{200 + i},"
            f"{(statuses or ['Attending'] * len(dates))[i]}" for i, d in enumerate(dates)]
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_dates_with_month_names_and_ambiguous_columns(tmp_path):
    named = read_report(_eventbrite(tmp_path, ["Dec 3, 2026 10:00 AM", "Nov 30, 2026 4:05 PM"]),
                        report_timezone="America/Chicago")
    assert [p.registered_at for p in named.people] == [
        datetime(2026, 12, 3, 16, 0, tzinfo=UTC), datetime(2026, 11, 30, 22, 5, tzinfo=UTC)]
    assert not named.attendance_known  # nobody checked in: who came is not known
    ambiguous = _eventbrite(tmp_path, ["03/12/2026 10:00", "04/11/2026 09:00"])
    # nothing in the column decides: the organiser's side of the Atlantic does
    assert read_report(ambiguous, report_timezone="Europe/London").people[0].registered_at == (
        datetime(2026, 12, 3, 10, 0, tzinfo=UTC))
    assert read_report(ambiguous, report_timezone="America/New_York").people[0].registered_at \
        == datetime(2026, 3, 12, 14, 0, tzinfo=UTC)
    with pytest.raises(UnreadableFileError, match="both day first and month first"):
        read_report(_eventbrite(tmp_path, ["13/01/2026 10:00", "01/13/2026 10:00"]))


def test_an_eventbrite_workbook_is_read_too(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity",
                  "Ticket Type", "Attendee #", "Attendee Status"])
    sheet.append([5550001, datetime(2026, 11, 28, 14, 3), "Zoë", "Núñez", "zoe@example.org", 1,
                  "Free", 6660001, "Checked In"])
    path = tmp_path / "attendees.xlsx"
    book.save(path)
    report = read_report(path, report_timezone="Europe/Madrid")
    (zoe,) = report.people
    assert (zoe.name, zoe.attended, zoe.order_id) == ("Zoë Núñez", True, "5550001")
    assert zoe.registered_at == datetime(2026, 11, 28, 13, 3, tzinfo=UTC)


@pytest.mark.parametrize(("content", "words"), [
    (b"", "empty"),
    (b"Name,Email\nAda,ada@example.org\n", "not a Zoom attendee or registration report"),
    (b"\x00\x01\x02binary\x00junk" * 50, "not a text or spreadsheet"),
    (b"PK\x03\x04 not really a workbook", "spreadsheet Advocate can read"),
])
def test_unknown_or_damaged_files_are_refused_in_one_sentence(tmp_path, content, words):
    path = tmp_path / "report.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=words) as caught:
        read_report(path)
    assert str(caught.value).count(".") >= 1 and "\n" not in str(caught.value)


def test_the_fixtures_that_are_broken_say_why():
    with pytest.raises(UnreadableFileError, match="no “Email” column"):
        read_report(REPORTS / "zoom_attendee_malformed.csv")
    with pytest.raises(UnreadableFileError, match="never closed"):
        read_report(REPORTS / "zoom_attendee_truncated.csv")


def test_a_bad_time_or_minutes_cell_names_its_line(tmp_path):
    text = (REPORTS / "zoom_attendee_report.csv").read_text(encoding="utf-8-sig")
    path = tmp_path / "r.csv"
    path.write_text(text.replace('"12/03/2026 10:10:00 AM"', '"yesterday"'), encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="Line 19: “yesterday” is not a date"):
        read_report(path)
    path.write_text(text.replace('"20","Yes","Japan"', '"twenty","Yes","Japan"'),
                    encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="Line 19: “twenty” is not a number"):
        read_report(path)


def test_size_rows_and_cells_are_bounded(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 64)
    monkeypatch.setattr(attendance_rows, "MAX_BYTES", 32)
    with pytest.raises(UnreadableFileError, match="too big"):
        read_report(path)
    monkeypatch.setattr(attendance_rows, "MAX_BYTES", 20_000_000)
    monkeypatch.setattr(attendance_rows, "MAX_ROWS", 10)
    with pytest.raises(UnreadableFileError, match="more than 10 rows"):
        read_report(REPORTS / "zoom_attendee_report.csv")
    monkeypatch.setattr(attendance_rows, "MAX_ROWS", 50_000)
    path.write_text("Order #,Email,First Name,Attendee Status,Ticket Type\n1,a@b.org,"
                    + "A" * 5000 + ",Attending,Free\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match="longer than"):
        read_report(path)


def test_reading_stops_when_asked(monkeypatch):
    monkeypatch.setattr(attendance_rows, "CHECK_EVERY", 5)
    with pytest.raises(ReadCancelled):
        read_report(REPORTS / "zoom_attendee_report.csv", should_cancel=lambda: True)


def test_the_newer_zoom_layout_with_month_names_and_tighter_headers(tmp_path):
    lines = [
        "Attendee Report",
        "Report Generated:,Dec 03 2026 01:12 PM",
        "Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered",
        "Ask the experts,812 3456 7890,\"Dec 03, 2026 09:58:41\",68,2",
        "Host Details",
        "Attended,Name (original name),Email,Join Time,Leave Time,Time in Session(minutes)",
        "Yes,Host,host@example.org,\"Dec 03, 2026 09:41:07\",\"Dec 03, 2026 11:07:15\",87",
        "Attendee Details",
        "Attended,Name (original name),First Name,Last Name,E-mail,Registration Time,"
        "Approval Status,Join Time,Leave Time,Time in Session(minutes),Is Guest",
        "Yes,Kim Lee,Kim,Lee,kim@example.org,\"Nov 20, 2026 18:14:09\",approved,"
        "\"Dec 03, 2026 10:01:12\",\"Dec 03, 2026 10:33:40\",33,Yes",
        "No,Ana Silva,Ana,Silva,ana@example.org,\"Nov 21, 2026 08:00:00\",approved,--,--,--,--",
    ]
    path = tmp_path / "report.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = read_report(path, report_timezone="Europe/London")
    assert (report.topic, report.panelists) == ("Ask the experts", 1)
    people = _people(report)
    assert people["Kim Lee"].minutes_attended == 33
    assert people["Kim Lee"].first_joined == datetime(2026, 12, 3, 10, 1, 12, tzinfo=UTC)
    assert people["Ana Silva"].registered and not people["Ana Silva"].attended
