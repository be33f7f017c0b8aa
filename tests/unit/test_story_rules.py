"""The rules of consent for each use of a story, without a database: the newest entry wins,
grants expire, withdrawal ends use, a child's consent needs a guardian, and the attribution
never names a teller more than they agreed to."""

from __future__ import annotations

from datetime import date

import pytest

from advocate_app.domain.story_rules import (
    ConsentEntry,
    Identification,
    StoryChannel,
    StoryConsentState,
    attribution,
    consent_on,
    grant_refusal,
    use_refusal,
)

NEWSLETTER, LEAFLET = StoryChannel.NEWSLETTER, StoryChannel.LEAFLET
MAY, JUNE, JULY = date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1)


def granted(channel=NEWSLETTER, on=MAY, *, expires=None, level="first_name", order=0):
    return ConsentEntry(channel.value, "granted", level, on, expires, order)


def withdrawn(channel=NEWSLETTER, on=JUNE, order=0):
    return ConsentEntry(channel.value, "withdrawn", "anonymous", on, None, order)


def test_no_entry_means_not_asked():
    consent = consent_on([], NEWSLETTER, MAY)
    assert consent.state is StoryConsentState.NONE and not consent.usable


def test_a_grant_covers_only_its_own_channel():
    ledger = [granted(NEWSLETTER)]
    assert consent_on(ledger, NEWSLETTER, JUNE).usable
    assert consent_on(ledger, LEAFLET, JUNE).state is StoryConsentState.NONE


def test_a_grant_starts_on_its_day_not_before():
    ledger = [granted(on=JUNE)]
    assert consent_on(ledger, NEWSLETTER, date(2026, 5, 31)).state is StoryConsentState.NONE
    assert consent_on(ledger, NEWSLETTER, JUNE).usable


def test_the_newest_entry_wins():
    ledger = [granted(on=MAY, order=1), withdrawn(on=JUNE, order=2),
              granted(on=JULY, level="full_name", order=3)]
    assert consent_on(ledger, NEWSLETTER, date(2026, 5, 15)).usable
    assert consent_on(ledger, NEWSLETTER, date(2026, 6, 15)).state is \
        StoryConsentState.WITHDRAWN
    again = consent_on(ledger, NEWSLETTER, date(2026, 7, 15))
    assert again.usable and again.identification is Identification.FULL_NAME


def test_on_the_same_day_the_later_entry_wins_whatever_the_order_given():
    ledger = [withdrawn(on=MAY, order=8), granted(on=MAY, order=5)]
    assert consent_on(ledger, NEWSLETTER, MAY).state is StoryConsentState.WITHDRAWN
    assert consent_on(list(reversed(ledger)), NEWSLETTER, MAY).state is \
        StoryConsentState.WITHDRAWN


def test_a_grant_runs_to_the_end_of_its_expiry_day():
    ledger = [granted(expires=date(2026, 6, 30))]
    last_day = consent_on(ledger, NEWSLETTER, date(2026, 6, 30))
    assert last_day.usable and last_day.expires_on == date(2026, 6, 30)
    after = consent_on(ledger, NEWSLETTER, JULY)
    assert after.state is StoryConsentState.EXPIRED and not after.usable


def test_refusals_say_why_in_one_sentence():
    ledger = [granted(expires=date(2026, 6, 30)), withdrawn(LEAFLET)]
    assert use_refusal("Seven years", consent_on(ledger, NEWSLETTER, MAY), MAY) is None
    expired = use_refusal("Seven years", consent_on(ledger, NEWSLETTER, JULY), JULY)
    assert expired == ("The story “Seven years” may not be used in newsletter: its teller’s "
                       "consent ended on 30 Jun 2026.")
    assert "withdrew consent" in use_refusal(
        "Seven years", consent_on(ledger, LEAFLET, JULY), JULY)
    assert "has not consented" in use_refusal(
        "Seven years", consent_on(ledger, StoryChannel.PRESS, JULY), JULY)


@pytest.mark.parametrize(("child", "guardian", "refused"), [
    (False, "", False), (True, "", True), (True, "   ", True), (True, "Sam Guardian", False)])
def test_a_childs_consent_needs_a_guardian(child, guardian, refused):
    assert (grant_refusal(child, guardian) is not None) is refused


@pytest.mark.parametrize(("level", "expected"), [
    (Identification.ANONYMOUS, "Shared anonymously"),
    (Identification.FIRST_NAME, "Amina"),
    (Identification.FIRST_NAME_TOWN, "Amina, Leeds"),
    (Identification.FULL_NAME, "Amina Haddad"),
])
def test_attribution_at_each_level(level, expected):
    assert attribution(level, first_name=" Amina ", last_name="Haddad", town="Leeds") == \
        expected


def test_attribution_never_names_more_than_consented():
    for level in Identification:
        words = attribution(level, first_name="Amina", last_name="Haddad", town="Leeds")
        if level is not Identification.FULL_NAME:
            assert "Haddad" not in words
        if level not in (Identification.FIRST_NAME_TOWN,):
            assert "Leeds" not in words
    # Without a town, the town level is the first name alone; without a name, anonymous.
    assert attribution(Identification.FIRST_NAME_TOWN, first_name="Amina") == "Amina"
    assert attribution(Identification.FULL_NAME, last_name="Haddad") == "Shared anonymously"
