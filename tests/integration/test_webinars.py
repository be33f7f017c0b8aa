"""Webinars on a real database: places and the waitlist, the needs to book for, a new person
registered with their consent, check-in by hand, attendance figures and calendar files."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from advocate_app.domain.community import (
    AccessNeed,
    ConsentPurpose,
    ConsentStatus,
    EngagementKind,
    PrintFormat,
)
from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.people import Role
from advocate_app.domain.webinar_kinds import (
    AttendanceOutcome,
    RegistrationStatus,
    WebinarAccess,
    WebinarStatus,
)
from advocate_app.domain.webinar_views import (
    NeedsTotal,
    PresenterInput,
    RegistrationInput,
    WebinarInput,
)
from advocate_app.services.errors import NotFoundError, ServiceError, ValidationError
from advocate_app.services.webinars import PossibleDuplicateError


def _soon(days: int = 10) -> datetime:
    return datetime.now().replace(second=0, microsecond=0) + timedelta(days=days)


def _webinar(services, title="Living well with fatigue", *, capacity=0, days=10,
             status=WebinarStatus.OPEN, timezone="Europe/London", **extra) -> int:
    return services.webinars.create(WebinarInput(
        title, _soon(days), 90, timezone, capacity=capacity, status=status,
        join_link="https://zoom.us/j/81234567890", **extra)).id


def _member(services, given, family="Example", **extra) -> int:
    return services.members.create(MemberInput(given_name=given, family_name=family,
                                               **extra)).id


def _timeline(services, member_id) -> list[str]:
    return [e.summary for e in services.timeline.timeline(member_id)
            if e.kind is EngagementKind.EVENT]


def test_past_capacity_people_wait_in_order_and_move_up(any_services):
    services = any_services
    webinars = services.webinars
    webinar_id = _webinar(services, capacity=2)
    ana, ben, cai, dee = (_member(services, name) for name in ("Ana", "Ben", "Cai", "Dee"))
    first = webinars.register(webinar_id, ana)
    webinars.register(webinar_id, ben)
    assert webinars.get(webinar_id).status is WebinarStatus.FULL
    third = webinars.register(webinar_id, cai)
    fourth = webinars.register(webinar_id, dee)
    assert (third.status, third.waitlist_position) == (RegistrationStatus.WAITLISTED, 1)
    assert (fourth.status, fourth.waitlist_position) == (RegistrationStatus.WAITLISTED, 2)
    view = webinars.get(webinar_id)
    assert (view.registered, view.waitlisted, view.places_left) == (2, 2, 0)

    moved = webinars.cancel_registration(first.id)
    assert moved is not None and moved.member_id == cai
    assert moved.status is RegistrationStatus.REGISTERED
    listed = {r.member_id: (r.status, r.waitlist_position)
              for r in webinars.registrations(webinar_id)}
    assert listed == {ana: (RegistrationStatus.CANCELLED, None),
                      ben: (RegistrationStatus.REGISTERED, None),
                      cai: (RegistrationStatus.REGISTERED, None),
                      dee: (RegistrationStatus.WAITLISTED, 1)}
    assert webinars.get(webinar_id).status is WebinarStatus.FULL
    # Someone waiting who cancels frees no place; cancelling twice changes nothing.
    assert webinars.cancel_registration(fourth.id) is None
    assert webinars.cancel_registration(fourth.id) is None
    # A place comes free with nobody waiting: open again.
    assert webinars.cancel_registration(moved.id) is None
    assert webinars.get(webinar_id).status is WebinarStatus.OPEN

    assert _timeline(services, ana)[0].startswith("Cancelled their registration for the "
                                                  "webinar “Living well with fatigue”")
    assert any(s.startswith("A place came free: registered for the webinar")
               for s in _timeline(services, cai))
    assert any(s.startswith("On the waitlist for the webinar") for s in _timeline(services, cai))


def test_registering_twice_is_refused_and_a_cancelled_registration_comes_back(services):
    webinars = services.webinars
    webinar_id = _webinar(services, capacity=1)
    ana, ben = _member(services, "Ana", "Lopes"), _member(services, "Ben", "Okafor")
    first = webinars.register(webinar_id, ana)
    waiting = webinars.register(webinar_id, ben)
    with pytest.raises(ServiceError, match="^Ana Lopes is already registered for this "
                                           "webinar.$"):
        webinars.register(webinar_id, ana)
    with pytest.raises(ServiceError, match=r"Ben Okafor is already on the waitlist for this "
                                           r"webinar \(number 1\)"):
        webinars.register(webinar_id, ben)
    webinars.cancel_registration(first.id)  # Ben moves up
    again = webinars.register(webinar_id, ana, RegistrationInput(
        frozenset({WebinarAccess.CAPTIONS})))
    assert again.id == first.id
    assert (again.status, again.waitlist_position) == (RegistrationStatus.WAITLISTED, 1)
    assert again.needs == {WebinarAccess.CAPTIONS}
    assert webinars.registrations(webinar_id)[0].id == waiting.id


def test_a_cancelled_webinar_takes_no_registrations(services):
    webinars = services.webinars
    webinar_id = _webinar(services)
    before = webinars.get(webinar_id).sequence
    cancelled = webinars.set_status(webinar_id, WebinarStatus.CANCELLED)
    assert cancelled.sequence == before + 1
    with pytest.raises(ServiceError) as refused:
        webinars.register(webinar_id, _member(services, "Ana"))
    assert str(refused.value) == ("The webinar “Living well with fatigue” is cancelled: no one "
                                  "can register for it.")
    assert webinars.registrations(webinar_id) == []
    assert webinars.upcoming() == []
    assert webinars.list(include_cancelled=False) == []
    with pytest.raises(NotFoundError):
        webinars.register(9999, 1)


def test_more_places_move_the_waitlist_up_and_the_calendar_sequence(services):
    webinars = services.webinars
    webinar_id = _webinar(services, capacity=1)
    people = [_member(services, name) for name in ("Ana", "Ben", "Cai")]
    for member_id in people:
        webinars.register(webinar_id, member_id)
    view = webinars.get(webinar_id)
    data = WebinarInput(view.title, view.local_start.replace(tzinfo=None), 90,
                        "Europe/London", capacity=2, status=WebinarStatus.FULL,
                        join_link=view.join_link)
    updated = webinars.update(webinar_id, data)
    assert (updated.registered, updated.waitlisted, updated.sequence) == (2, 1, 1)
    assert updated.status is WebinarStatus.FULL
    waiting = [r.member_id for r in webinars.registrations(webinar_id)
               if r.status is RegistrationStatus.WAITLISTED]
    assert waiting == [people[2]]
    # Fewer places keep everyone registered.
    fewer = webinars.update(webinar_id, WebinarInput(
        view.title, view.local_start.replace(tzinfo=None), 90, "Europe/London", capacity=1,
        status=WebinarStatus.OPEN))
    assert (fewer.registered, fewer.status, fewer.sequence) == (2, WebinarStatus.FULL, 2)


def test_needs_are_totalled_for_the_organiser(services):
    webinars = services.webinars
    webinar_id = _webinar(services, access_offered=frozenset(
        {WebinarAccess.CAPTIONS, WebinarAccess.INTERPRETATION}),
        interpretation_languages=("fr", "ar"))
    captions = RegistrationInput(frozenset({WebinarAccess.CAPTIONS}))
    webinars.register(webinar_id, _member(services, "Ana"), captions)
    webinars.register(webinar_id, _member(services, "Ben"), RegistrationInput(
        frozenset({WebinarAccess.CAPTIONS, WebinarAccess.INTERPRETATION}), "fr"))
    # Said nothing: the member's record (captions, Easy Read print) counts.
    webinars.register(webinar_id, _member(services, "Cai", access_needs=frozenset(
        {AccessNeed.CAPTIONS}), print_format=PrintFormat.EASY_READ))
    webinars.register(webinar_id, _member(services, "Dee", preferred_language="ar"),
                      RegistrationInput(frozenset({WebinarAccess.INTERPRETATION})))
    # A cancelled registration is not counted.
    gone = webinars.register(webinar_id, _member(services, "Eve"), captions)
    webinars.cancel_registration(gone.id)
    assert webinars.needs_totals(webinar_id) == [
        NeedsTotal(WebinarAccess.CAPTIONS, 3),
        NeedsTotal(WebinarAccess.INTERPRETATION, 2, "Arabic 1, French 1"),
        NeedsTotal(WebinarAccess.EASY_READ, 1)]


def test_a_new_person_becomes_a_member_with_their_consent(any_services):
    services = any_services
    webinars = services.webinars
    webinar_id = _webinar(services)
    registration = webinars.register_new_person(
        webinar_id, MemberInput(given_name="Tomás", family_name="Ruiz",
                                email="tomas.ruiz@example.org", preferred_language="es"),
        frozenset({ConsentPurpose.EVENTS}), RegistrationInput(
            frozenset({WebinarAccess.CAPTIONS})))
    assert (registration.name, registration.email, registration.language) == (
        "Tomás Ruiz", "tomas.ruiz@example.org", "es")
    assert registration.needs == {WebinarAccess.CAPTIONS}
    consent = services.consent.current(registration.member_id)
    assert consent[ConsentPurpose.EVENTS].status is ConsentStatus.GRANTED
    assert consent[ConsentPurpose.EVENTS].since == date.today()
    assert consent[ConsentPurpose.NEWSLETTER].status is None
    assert _timeline(services, registration.member_id) == [
        f"Registered for the webinar “Living well with fatigue” on "
        f"{_long(webinars.get(webinar_id))}."]


def _long(webinar) -> str:
    from advocate_app.i18n.formatting import format_date

    return format_date(webinar.local_start.date(), "long")


def test_a_person_who_may_be_a_member_is_not_created_twice(services):
    webinars = services.webinars
    webinar_id = _webinar(services)
    existing = _member(services, "Priya", "Sharma", email="priya.sharma@example.org")
    members_before = services.members.count()
    person = MemberInput(given_name="Priya", family_name="Sharma",
                         email="Priya.Sharma@EXAMPLE.org")
    assert [c.member_id for c in webinars.possible_duplicates(person)] == [existing]
    with pytest.raises(PossibleDuplicateError) as refused:
        webinars.register_new_person(webinar_id, person, frozenset({ConsentPurpose.EVENTS}),
                                     RegistrationInput())
    [candidate] = refused.value.candidates
    assert (candidate.member_id, candidate.name, candidate.email) == (
        existing, "Priya Sharma", "priya.sharma@example.org")
    assert services.members.count() == members_before
    assert webinars.registrations(webinar_id) == []
    assert services.consent.history(existing) == []
    # Told it is someone else: a new member.
    made = webinars.register_new_person(webinar_id, person, frozenset(), RegistrationInput(),
                                        allow_duplicate=True)
    assert made.member_id != existing
    assert services.members.count() == members_before + 1


def test_likely_duplicates_follow_the_member_import_rules(any_services):
    from advocate_app.domain.member_views import ContactInput

    services = any_services
    noise = [_member(services, f"Person{n}", "Other", email=f"p{n}@example.org",
                     phone=f"0161 496 0{n:03d}", postcode="M1 1AA") for n in range(5)]
    priya = _member(services, "Priya", "Sharma", email="priya@example.org", contacts=(
        ContactInput("email", "priya@example.org"), ContactInput("email", "p.sharma@work.example")))
    jon = _member(services, "Jonathan", "Smythe", phone="+44 7700 900123")
    marie = _member(services, "Marie", "Dubois", postcode="SW1A 1AA")
    ana = _member(services, "Ana", "Lopes")

    def found(**person) -> list[tuple[int, str]]:
        return [(c.member_id, c.reason) for c in services.webinars.possible_duplicates(
            MemberInput(**person))]

    assert found(given_name="Priya", family_name="Sharma", email="P.Sharma@WORK.example") == [
        (priya, "Looks like the same person")]
    assert found(given_name="Jonathon", family_name="Smythe", phone="07700-900123") == [
        (jon, "Looks like the same person")]
    assert found(given_name="Marie", family_name="Dubois", postcode="sw1a1aa") == [
        (marie, "Looks like the same person")]
    assert found(given_name="Ana", family_name="Lopes", email="ana.new@example.org") == [
        (ana, "Has the same name")]
    # The same address, clearly someone else (a family's shared email): named, never merged.
    assert found(given_name="Rahul", family_name="Sharma", email="priya@example.org") == [
        (priya, "Shares this email address")]
    assert found(given_name="Zed", family_name="Nobody", email="zed@example.org",
                 phone="0161 496 9999", postcode="M1 1AA") == []
    assert len(noise) == 5


def test_bad_new_person_input_changes_nothing(services):
    webinar_id = _webinar(services)
    before = services.members.count()
    with pytest.raises(ValidationError) as refused:
        services.webinars.register_new_person(
            webinar_id, MemberInput(given_name="Ana", email="not an address"),
            frozenset({ConsentPurpose.EVENTS}), RegistrationInput())
    assert "email" in refused.value.errors
    services.webinars.set_status(webinar_id, WebinarStatus.CANCELLED)
    with pytest.raises(ServiceError):
        services.webinars.register_new_person(
            webinar_id, MemberInput(given_name="Ana", family_name="Nunes"),
            frozenset({ConsentPurpose.EVENTS}), RegistrationInput())
    assert services.members.count() == before


def test_check_in_by_hand_records_attendance_and_the_timeline(services):
    webinars = services.webinars
    webinar_id = _webinar(services, days=-2)
    ana = _member(services, "Ana")
    registration = webinars.register(webinar_id, ana)
    came = webinars.check_in(registration.id, True, 75)
    assert (came.attendance, came.minutes_attended) == (AttendanceOutcome.ATTENDED, 75)
    attended = f"Attended the webinar “Living well with fatigue” on " \
               f"{_long(webinars.get(webinar_id))}."
    assert attended in _timeline(services, ana)
    missed = webinars.check_in(registration.id, False)
    assert (missed.attendance, missed.minutes_attended) == (AttendanceOutcome.NO_SHOW, 0)
    summaries = _timeline(services, ana)
    assert attended.replace("Attended", "Did not come to") in summaries
    assert attended not in summaries  # replaced, not added to
    # Dated the day it was held (the registration, today, comes first).
    [entry] = [e for e in services.timeline.timeline(ana) if e.summary.startswith("Did not")]
    assert entry.occurred_on == webinars.get(webinar_id).local_start.date()
    with pytest.raises(ValidationError):
        webinars.check_in(registration.id, True, -5)


def test_statistics_by_role_and_language_and_over_time(any_services):
    services = any_services
    webinars = services.webinars
    first = _webinar(services, "Sleep", days=-40)
    second = _webinar(services, "Pain", days=-10)
    later = _webinar(services, "Travel", days=20)
    ana = _member(services, "Ana", roles=frozenset({Role.PATIENT}), preferred_language="fr")
    ben = _member(services, "Ben", roles=frozenset({Role.CARER, Role.PATIENT}),
                  preferred_language="en")
    cai = _member(services, "Cai", preferred_language="en")
    for webinar_id in (first, second):
        for member_id in (ana, ben, cai):
            webinars.register(webinar_id, member_id)
    regs = {r.member_id: r.id for r in webinars.registrations(first)}
    webinars.check_in(regs[ana], True, 60)
    webinars.check_in(regs[ben], True, 30)
    webinars.check_in(regs[cai], False)
    webinars.check_in({r.member_id: r.id for r in webinars.registrations(second)}[ana], True, 45)
    webinars.register(later, ana)

    stats = webinars.stats([first])
    assert (stats.registered, stats.attended, stats.no_show, stats.minutes_attended) == (
        3, 2, 1, 90)
    assert stats.by_role == (("Patient", 2, 2), ("Carer or parent", 1, 1), ("No role recorded", 1, 0))
    assert stats.by_language == (("en", 2, 1), ("fr", 1, 1))
    assert webinars.stats([first, second]).attended == 3
    assert webinars.stats([]).registered == 0

    with pytest.raises(ValidationError) as refused:
        webinars.set_status(later, WebinarStatus.HELD)
    assert refused.value.errors == {
        "status": "A webinar can be marked held once it has started."}
    for webinar_id in (second, first):
        webinars.set_status(webinar_id, WebinarStatus.HELD)
    trend = webinars.trend()
    assert [(p.title, p.registered, p.attended, p.no_show, p.minutes_attended)
            for p in trend] == [("Sleep", 3, 2, 1, 90), ("Pain", 3, 1, 0, 45)]
    assert trend[0].held_on == (date.today() - timedelta(days=40))


def test_listing_upcoming_first_then_the_past(services):
    webinars = services.webinars
    past = _webinar(services, "Past", days=-5)
    soon = _webinar(services, "Soon", days=2)
    later = _webinar(services, "Later", days=30)
    older = _webinar(services, "Older", days=-50)
    assert [w.id for w in webinars.list()] == [soon, later, past, older]
    assert [w.id for w in webinars.list(include_past=False)] == [soon, later]
    assert [w.id for w in webinars.upcoming(limit=1)] == [soon]


def test_validation_names_each_field_to_put_right(services):
    with pytest.raises(ValidationError) as refused:
        services.webinars.create(WebinarInput(
            "  ", _soon(), duration_minutes=2, timezone="Mars/Olympus", capacity=-1,
            join_link="http://zoom.us/j/1", recording_link="https://",
            access_offered=frozenset({WebinarAccess.SIGN_LANGUAGE,
                                      WebinarAccess.INTERPRETATION}),
            presenters=(PresenterInput(),)))
    assert refused.value.errors == {
        "title": "Give the webinar a title.",
        "duration_minutes": "A webinar lasts between 5 minutes and 24 hours.",
        "timezone": "“Mars/Olympus” is not a time zone (for example Europe/London).",
        "capacity": "The number of places cannot be below 0 (0 means no limit).",
        "join_link": "The online link should start with https://.",
        "recording_link": "The online link should name the website, as in "
                          "https://zoom.us/j/123.",
        "sign_language": "Say which sign language is offered (for example BSL).",
        "interpretation_languages": "Say which languages are interpreted into.",
        "presenters": "Each presenter is a member, or a guest with a name."}
    assert services.webinars.list() == []
    with pytest.raises(ValidationError) as refused:
        services.webinars.create(WebinarInput(
            "Talk", _soon(), access_offered=frozenset({WebinarAccess.INTERPRETATION}),
            interpretation_languages=("fr", "not a code"), status=WebinarStatus.HELD))
    assert set(refused.value.errors) == {"interpretation_languages", "status"}


def test_presenters_are_members_or_guests(services):
    speaker = _member(services, "Grace", "Mensah")
    made = services.webinars.create(WebinarInput(
        "Research news", _soon(), presenters=(
            PresenterInput(member_id=speaker),
            PresenterInput(guest_name="Dr Lee", guest_organisation="City Hospital"))))
    assert [(p.member_id, p.name, p.organisation) for p in made.presenters] == [
        (speaker, "Grace Mensah", ""), (None, "Dr Lee", "City Hospital")]


def test_calendar_files_read_back(services, tmp_path):
    from icalendar import Calendar

    webinars = services.webinars
    offered = frozenset({WebinarAccess.CAPTIONS, WebinarAccess.SIGN_LANGUAGE})
    webinar_id = _webinar(services, "Living well", access_offered=offered,
                          sign_language="BSL", timezone="America/New_York")
    held = _webinar(services, "Held already", days=-3)
    cancelled = _webinar(services, "Called off", days=5)
    _webinar(services, "Not open yet", days=40, status=WebinarStatus.PLANNED)
    webinars.set_status(cancelled, WebinarStatus.CANCELLED)
    view = webinars.update(webinar_id, WebinarInput(
        "Living well", _soon(), 90, "America/New_York", access_offered=offered,
        sign_language="BSL", join_link="https://zoom.us/j/81234567890",
        status=WebinarStatus.OPEN))

    path = webinars.write_calendar(webinar_id, tmp_path / "one.ics")
    [event] = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Living well"
    assert str(event["UID"]) == view.uid
    assert int(event["SEQUENCE"]) == 1
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART") == view.local_start
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert str(event["STATUS"]) == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert "- Live captions" in description
    assert "- Sign-language interpretation (BSL)" in description
    assert "Join online (Zoom): https://zoom.us/j/81234567890" in description
    assert str(event["URL"]) == "https://zoom.us/j/81234567890"

    feed = webinars.write_upcoming_feed(tmp_path / "all.ics")
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(feed.read_bytes()).walk(
        "VEVENT")}
    assert set(events) == {"Living well", "Called off", "Not open yet"}
    assert str(events["Called off"]["STATUS"]) == "CANCELLED"
    assert str(events["Not open yet"]["STATUS"]) == "TENTATIVE"
    assert held not in {w.id for w in webinars.upcoming()}
    assert not list(tmp_path.glob(".advocate-*"))  # written whole, nothing left behind


ZOOM_ATTENDEES = """\
Attendee Report
Report Generated:,"Nov 28, 2026 08:10 PM"
Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views
Living well with fatigue,812 3456 7890,"Nov 28, 2026 06:28 PM",80,1,0,1,1,1
Attendee Details
Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name
Yes,Ana Lopes,Ana,Lopes,ana.lopes@example.org,"Nov 20, 2026 10:00 AM",approved,"Nov 28, 2026 06:30 PM","Nov 28, 2026 07:25 PM",55,Yes,United Kingdom
"""


def test_a_check_in_by_hand_replaces_what_a_report_said(services, tmp_path):
    webinars = services.webinars
    webinar_id = _webinar(services, days=-5)
    ana = _member(services, "Ana", "Lopes", email="ana.lopes@example.org")
    registration = webinars.register(webinar_id, ana)
    report = tmp_path / "attendees.csv"
    report.write_text(ZOOM_ATTENDEES, encoding="utf-8")
    services.webinar_reports.import_report(webinar_id, report)
    [came] = webinars.registrations(webinar_id)
    assert (came.attendance, came.minutes_attended) == (AttendanceOutcome.ATTENDED, 55)
    said = [s for s in _timeline(services, ana) if s.startswith("Attended")]
    assert len(said) == 1
    webinars.check_in(registration.id, False)
    summaries = _timeline(services, ana)
    assert not any(s.startswith("Attended") for s in summaries)
    assert sum(s.startswith("Did not come to the webinar") for s in summaries) == 1


class _RowsCounted:
    """The service's reader, counting the rows each query returns."""

    def __init__(self, reader):
        self._reader = reader
        self.dialect = reader.dialect
        self.read = 0

    def rows(self, sql, params=None):
        found = self._reader.rows(sql, params)
        self.read += len(found)
        return found

    def close(self) -> None:
        self._reader.close()


def test_registering_reads_back_only_the_new_registration(any_services):
    services = any_services
    webinars = services.webinars
    webinar_id = _webinar(services, capacity=2)
    people = [_member(services, f"Person{n}") for n in range(12)]
    for member_id in people[:10]:
        webinars.register(webinar_id, member_id)
    counted = _RowsCounted(webinars._reader)
    webinars._reader = counted
    try:
        eleventh = webinars.register(webinar_id, people[10])
        # The new registration, and its place: the 9th waiting (2 places, 8 waiting before).
        assert (eleventh.member_id, eleventh.status, eleventh.waitlist_position) == (
            people[10], RegistrationStatus.WAITLISTED, 9)
        assert counted.read == 1  # not the webinar's eleven registrations
        moved = webinars.cancel_registration(webinars.registrations(webinar_id)[0].id)
        assert moved is not None and moved.member_id == people[2]
        assert moved.status is RegistrationStatus.REGISTERED and moved.waitlist_position is None
        counted.read = 0
        checked = webinars.check_in(moved.id, True)
        assert (checked.id, checked.attendance) == (moved.id, AttendanceOutcome.ATTENDED)
        assert counted.read == 1
    finally:
        webinars._reader = counted._reader
    last = webinars.register(webinar_id, people[11])
    assert last.waitlist_position == 9  # one moved up: 8 were waiting before
    assert [r.waitlist_position for r in webinars.registrations(webinar_id)
            if r.id == last.id] == [9]
