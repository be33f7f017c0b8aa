"""The rules of a webinar's places, waitlist and the needs to book for, without a database."""

from __future__ import annotations

from advocate_app.domain.webinar_kinds import RegistrationStatus, WebinarAccess, WebinarStatus
from advocate_app.domain.webinar_rules import (
    NeedsAsked,
    count_needs,
    effective_needs,
    new_place,
    places_to_fill,
    status_for_places,
)
from advocate_app.domain.webinar_views import NeedsTotal


def test_a_place_while_one_is_left_then_the_waitlist():
    assert new_place(capacity=2, taken=0) is RegistrationStatus.REGISTERED
    assert new_place(capacity=2, taken=1) is RegistrationStatus.REGISTERED
    assert new_place(capacity=2, taken=2) is RegistrationStatus.WAITLISTED
    # Fewer places than people already registered: newcomers wait.
    assert new_place(capacity=2, taken=5) is RegistrationStatus.WAITLISTED
    # No limit.
    assert new_place(capacity=0, taken=500) is RegistrationStatus.REGISTERED


def test_the_waitlist_moves_up_into_the_places_free():
    assert places_to_fill(capacity=3, taken=2, waiting=4) == 1
    assert places_to_fill(capacity=5, taken=2, waiting=2) == 2
    assert places_to_fill(capacity=3, taken=3, waiting=4) == 0
    assert places_to_fill(capacity=3, taken=4, waiting=1) == 0  # capacity lowered
    assert places_to_fill(capacity=0, taken=10, waiting=3) == 3  # limit lifted
    assert places_to_fill(capacity=3, taken=0, waiting=0) == 0


def test_open_and_full_follow_the_places_other_states_stay():
    assert status_for_places(WebinarStatus.OPEN, 2, 2) is WebinarStatus.FULL
    assert status_for_places(WebinarStatus.FULL, 2, 1) is WebinarStatus.OPEN
    assert status_for_places(WebinarStatus.FULL, 0, 40) is WebinarStatus.OPEN
    assert status_for_places(WebinarStatus.OPEN, 2, 1) is WebinarStatus.OPEN
    for kept in (WebinarStatus.PLANNED, WebinarStatus.HELD, WebinarStatus.CANCELLED):
        assert status_for_places(kept, 2, 2) is kept


def test_what_was_asked_for_counts_else_the_members_record():
    asked = NeedsAsked(frozenset({WebinarAccess.SLIDES_IN_ADVANCE}),
                       member_needs=frozenset({"captions"}))
    assert effective_needs(asked) == {WebinarAccess.SLIDES_IN_ADVANCE}
    silent = NeedsAsked(frozenset(), member_needs=frozenset({"captions", "step_free",
                                                              "sign_language"}),
                        member_print_format="easy_read")
    assert effective_needs(silent) == {WebinarAccess.CAPTIONS, WebinarAccess.SIGN_LANGUAGE,
                                       WebinarAccess.EASY_READ}
    assert effective_needs(NeedsAsked(frozenset())) == frozenset()


def test_needs_are_totalled_with_interpretation_by_language():
    people = [
        NeedsAsked(frozenset({WebinarAccess.CAPTIONS})),
        NeedsAsked(frozenset({WebinarAccess.CAPTIONS, WebinarAccess.INTERPRETATION}), "fr"),
        NeedsAsked(frozenset(), member_needs=frozenset({"captions"})),
        NeedsAsked(frozenset({WebinarAccess.INTERPRETATION}), "ar"),
        # Interpretation without a language: the member's own language.
        NeedsAsked(frozenset({WebinarAccess.INTERPRETATION}), member_language="fr"),
    ]
    names = {"fr": "French", "ar": "Arabic"}
    assert count_needs(people, names.__getitem__) == [
        NeedsTotal(WebinarAccess.CAPTIONS, 3),
        NeedsTotal(WebinarAccess.INTERPRETATION, 3, "French 2, Arabic 1")]
    assert count_needs([]) == []


def test_a_join_link_for_another_platform_is_pointed_out():
    from advocate_app.domain.webinar_kinds import Platform
    from advocate_app.domain.webinar_rules import link_platform, platform_warning

    assert link_platform("https://us02web.zoom.us/j/81234567890?pwd=x") is Platform.ZOOM
    assert link_platform("https://teams.microsoft.com/l/meetup-join/19%3a") is Platform.TEAMS
    assert link_platform("https://notzoom.us/j/1") is None
    assert platform_warning(Platform.ZOOM, "https://meet.google.com/abc-defg-hij") == (
        "This link goes to Google Meet, not Zoom.")
    assert platform_warning(Platform.ZOOM, "https://example.zoom.us/j/1") == ""
    assert platform_warning(Platform.TEAMS, "https://events.example.org/live") == ""
    assert platform_warning(Platform.OTHER, "https://zoom.us/j/1") == ""
    assert platform_warning(Platform.WEBEX, "not a link at all") == ""


def test_an_online_link_is_a_whole_web_address():
    from advocate_app.services.board_common import link_refusal

    assert link_refusal("") == ""
    assert link_refusal("https://zoom.us/j/81234567890?pwd=abc") == ""
    assert link_refusal("http://meet.example.org/room", secure=False) == ""
    start = "The online link should start with https://."
    assert link_refusal("http://meet.example.org/room", secure=True) == start
    assert link_refusal("zoom.us/j/1") == start
    assert link_refusal("https://zoom.us/j/1 and more") == start
    assert link_refusal("https://[broken") == start
    host = "The online link should name the website, as in https://zoom.us/j/123."
    assert link_refusal("https://") == host
    assert link_refusal("https://localhost/room") == host
    assert link_refusal("https://zoom.us/" + "j" * 600) == "This is too long: at most 500 " \
                                                          "characters."


def test_a_cancelled_registration_and_a_cancelled_webinar_agree_in_french(tmp_path):
    from advocate_app.domain.webinar_kinds import RegistrationStatus, WebinarStatus
    from advocate_app.i18n import install_language

    install_language("fr", tmp_path)
    try:
        assert RegistrationStatus.CANCELLED.label == "Annulée"  # une inscription
        assert WebinarStatus.CANCELLED.label == "Annulé"  # un webinaire
        assert RegistrationStatus.REGISTERED.label == "Inscrit·e"
    finally:
        install_language("en", tmp_path)
    assert RegistrationStatus.CANCELLED.label == "Cancelled"
