"""The full member record and consent as history, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocate_app.domain.community import (
    AccessNeed,
    AgeBand,
    Barrier,
    Channel,
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
    PrintFormat,
)
from advocate_app.domain.member_views import ConditionInput, MemberInput, MemberQuery
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.errors import ValidationError


@pytest.fixture
def services(any_services):
    return any_services


def _member(services, **extra):
    return services.members.create(MemberInput(given_name="Ana", family_name="Silva", **extra))


def test_the_whole_record_round_trips(services):
    saved = _member(
        services, region="Norte", date_of_birth=date(1990, 6, 1),
        print_format=PrintFormat.LARGE_PRINT, contact_times="Weekday afternoons",
        channels=frozenset({Channel.EMAIL, Channel.SMS}),
        access_needs=frozenset({AccessNeed.LARGE_PRINT, AccessNeed.SIGN_LANGUAGE}),
        sign_language="LGP", barriers=frozenset({Barrier.TRAVEL, Barrier.CARING}),
        barrier_notes="Cares for her son; cannot travel overnight.",
        conditions=(ConditionInput("Marfan syndrome", "ORPHA:558", True, True),))
    again = services.members.get(saved.id)
    assert again.region == "Norte" and again.contact_times == "Weekday afternoons"
    assert again.age_band is AgeBand.for_birth_date(date(1990, 6, 1), date.today())
    assert again.print_format is PrintFormat.LARGE_PRINT
    assert again.channels == {Channel.EMAIL, Channel.SMS}
    assert again.access_needs == {AccessNeed.LARGE_PRINT, AccessNeed.SIGN_LANGUAGE}
    assert again.barriers == {Barrier.TRAVEL, Barrier.CARING}
    assert again.conditions == (ConditionInput("Marfan syndrome", "558", True, True),)
    changed = services.members.update(saved.id, MemberInput(
        given_name="Ana", family_name="Silva", access_needs=frozenset({AccessNeed.CAPTIONS})),
        again.version)
    assert changed.access_needs == {AccessNeed.CAPTIONS}
    assert changed.conditions == () and changed.barriers == frozenset()


def test_impossible_dates_and_codes_are_refused(services):
    with pytest.raises(ValidationError) as raised:
        _member(services, date_of_birth=date.today() + timedelta(days=1),
                conditions=(ConditionInput("Something", "not-a-code"),))
    assert set(raised.value.errors) == {"date_of_birth", "conditions"}


def test_filters_by_language_region_access_need_and_tag(services):
    _member(services, preferred_language="pt", region="Norte",
            access_needs=frozenset({AccessNeed.EASY_READ}), tags=("family day",))
    services.members.create(MemberInput(given_name="Bo", preferred_language="sv"))
    assert services.members.count(MemberQuery(language="pt")) == 1
    assert services.members.count(MemberQuery(region="Norte")) == 1
    assert services.members.count(MemberQuery(access_need=AccessNeed.EASY_READ)) == 1
    assert services.members.count(MemberQuery(access_need=AccessNeed.BRAILLE)) == 0
    assert services.members.count(MemberQuery(tag="family day")) == 1


def _entry(purpose, status, days_ago, expires_in=None, method=ConsentMethod.PAPER):
    today = date.today()
    return ConsentEntry(purpose, status, method, today - timedelta(days=days_ago),
                        None if expires_in is None else today + timedelta(days=expires_in))


def test_consent_is_a_history_and_the_newest_entry_decides(services):
    ana = _member(services)
    consent = services.consent
    consent.record(ana.id, _entry(ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, 300))
    consent.record(ana.id, _entry(ConsentPurpose.NEWSLETTER, ConsentStatus.WITHDRAWN, 10))
    consent.record(ana.id, _entry(ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, 20, 365))
    consent.record(ana.id, _entry(ConsentPurpose.PHOTOS, ConsentStatus.GRANTED, 400, -5))
    history = consent.history(ana.id)
    assert [r.status for r in history if r.purpose is ConsentPurpose.NEWSLETTER] == [
        ConsentStatus.WITHDRAWN, ConsentStatus.GRANTED]
    assert history[0].recorded_by == "Local user"
    now = consent.current(ana.id)
    assert now[ConsentPurpose.NEWSLETTER].status is ConsentStatus.WITHDRAWN
    assert now[ConsentPurpose.RESEARCH].valid
    assert now[ConsentPurpose.PHOTOS].status is ConsentStatus.EXPIRED
    assert now[ConsentPurpose.EVENTS].status is None


def test_selections_only_include_members_with_valid_consent(services):
    granted = _member(services)
    withdrawn = services.members.create(MemberInput(given_name="Wanda"))
    expired = services.members.create(MemberInput(given_name="Eli"))
    services.members.create(MemberInput(given_name="Never asked"))
    consent = services.consent
    consent.record(granted.id, _entry(ConsentPurpose.EVENTS, ConsentStatus.GRANTED, 30))
    consent.record(withdrawn.id, _entry(ConsentPurpose.EVENTS, ConsentStatus.GRANTED, 30))
    consent.record(withdrawn.id, _entry(ConsentPurpose.EVENTS, ConsentStatus.WITHDRAWN, 2))
    consent.record(expired.id, _entry(ConsentPurpose.EVENTS, ConsentStatus.GRANTED, 90, -1))
    rows = services.members.list(MemberQuery(consent=ConsentPurpose.EVENTS))
    assert [r.id for r in rows] == [granted.id]
    assert services.members.count(MemberQuery(consent=ConsentPurpose.NEWSLETTER)) == 0


def test_consent_entries_are_checked(services):
    ana = _member(services)
    with pytest.raises(ValidationError) as raised:
        services.consent.record(ana.id, ConsentEntry(
            ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.ONLINE,
            date.today() + timedelta(days=3), date.today()))
    assert set(raised.value.errors) == {"effective_on", "expires_on"}
    assert services.consent.history(ana.id) == []
