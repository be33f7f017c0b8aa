"""Privacy rights: everything we hold, erasure that keeps only counts, retention dry run."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser

import pytest

from advocate_app.app import main
from advocate_app.domain.community import (
    AccessNeed,
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
)
from advocate_app.domain.member_views import ConditionInput, MemberInput, MemberQuery
from advocate_app.domain.people import Role
from advocate_app.services.consent import ConsentEntry


@pytest.fixture
def services(any_services):
    return any_services


def _zoe(services):
    zoe = services.members.create(MemberInput(
        given_name="Zoë", family_name="Ørsted", email="zoe@example.org", phone="+45 12345678",
        address="Nørregade 1\nAarhus", postcode="8000", country="DK", region="Midtjylland",
        roles=frozenset({Role.PATIENT}), tags=("family day",), notes="Prefers mornings",
        access_needs=frozenset({AccessNeed.LARGE_PRINT}), date_of_birth=date(1980, 4, 2),
        conditions=(ConditionInput("Ehlers-Danlos, vascular", "286"),
                    ConditionInput("Migraine"))))
    services.consent.record(zoe.id, ConsentEntry(
        ConsentPurpose.NEWSLETTER, ConsentStatus.GRANTED, ConsentMethod.PAPER, date(2025, 1, 3),
        evidence="Form signed by Zoë at the family day"))
    return zoe


def test_everything_we_hold_includes_health_and_consent(services):
    zoe = _zoe(services)
    data = services.privacy.everything_we_hold(zoe.id)
    assert data["given_name"] == "Zoë" and data["access_needs"] == ["large_print"]
    assert data["date_of_birth"] == "1980-04-02"
    assert [c["orpha_code"] for c in data["conditions"]] == ["286", ""]
    assert data["consent_history"][0]["evidence"] == "Form signed by Zoë at the family day"
    json.dumps(data)  # ready for a file


def test_the_readable_copy_is_valid_html_in_the_ui_language(services):
    from advocate_app.interchange.subject_access import render_html

    zoe = _zoe(services)
    page = render_html(services.privacy.everything_we_hold(zoe.id))
    assert '<html lang="en">' in page and "<h1>Everything we hold about you</h1>" in page
    assert "Nørregade 1" in page and '<th scope="col">Purpose</th>' in page

    class Checker(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta",):
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

    checker = Checker()
    checker.feed(page)
    assert checker.stack == []


def test_the_report_is_saved_as_a_page_with_its_json_beside_it(services, tmp_path):
    zoe = _zoe(services)
    tmp_path = tmp_path / "reports"
    tmp_path.mkdir()
    page = tmp_path / "zoe.html"
    written = services.privacy.write_everything_we_hold(zoe.id, page, "html", json_beside=True)
    assert written == [page, tmp_path / "zoe.json"]
    assert "Nørregade 1" in page.read_text(encoding="utf-8")
    assert json.loads(written[1].read_text(encoding="utf-8"))["email"] == "zoe@example.org"
    only_json = tmp_path / "only.json"
    assert services.privacy.write_everything_we_hold(zoe.id, only_json, "json") == [only_json]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["only.json", "zoe.html", "zoe.json"]


def test_erasure_keeps_only_what_counts(services):
    zoe = _zoe(services)
    services.privacy.erase(zoe.id)
    erased = services.members.get(zoe.id)
    assert (erased.given_name, erased.family_name, erased.email, erased.phone, erased.address,
            erased.postcode, erased.region, erased.notes) == ("",) * 8
    assert erased.preferred_name == f"Erased member {zoe.id}"
    assert erased.date_of_birth is None and erased.tags == ()
    assert erased.roles == {Role.PATIENT} and erased.country == "DK"
    assert erased.age_band is not None
    assert [c.name for c in erased.conditions] == ["ORPHA:286"]
    assert services.consent.history(zoe.id)[0].evidence == ""
    assert services.consent.history(zoe.id)[0].status is ConsentStatus.GRANTED
    assert services.members.search("zoe") == [] and services.members.search("orsted") == []
    assert services.members.count() == 0  # leaves the lists
    assert services.members.count(MemberQuery(include_archived=True)) == 1  # still counted


def test_retention_lists_then_erases_only_the_right_people(services):
    from sqlalchemy import update

    from advocate_app.domain.members import Member

    old_no_consent = services.members.create(MemberInput(given_name="Old", family_name="Quiet"))
    old_with_consent = services.members.create(MemberInput(given_name="Old",
                                                           family_name="Willing"))
    recent = services.members.create(MemberInput(given_name="New", family_name="Quiet"))
    services.consent.record(old_with_consent.id, ConsentEntry(
        ConsentPurpose.EVENTS, ConsentStatus.GRANTED, ConsentMethod.VERBAL, date(2020, 1, 1)))
    long_ago = datetime.now(UTC) - timedelta(days=6 * 365)
    with services.uow() as uow:
        uow.session.execute(update(Member).where(Member.id.in_(
            [old_no_consent.id, old_with_consent.id])).values(updated_at=long_ago))
        uow.commit()
    candidates = services.privacy.retention_candidates(5)
    assert [c.id for c in candidates] == [old_no_consent.id]
    assert services.members.get(old_no_consent.id).given_name == "Old"  # dry run changed nothing
    assert services.privacy.apply_retention(5) == 1
    assert services.members.get(old_no_consent.id).given_name == ""
    assert services.members.get(recent.id).given_name == "New"
    assert services.privacy.retention_candidates(5) == []


def test_privacy_from_the_command_line(tmp_path, capsys):
    data = str(tmp_path / "data")
    source = tmp_path / "people.csv"
    source.write_text("Name,Email\nAmélie Roux,amelie@example.fr\n", encoding="utf-8")
    assert main(["--data-dir", data, "import", "members", str(source)]) == 0
    out = tmp_path / "amelie.json"
    assert main(["--data-dir", data, "privacy", "report", "1", "--format", "json",
                 "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["family_name"] == "Roux"
    capsys.readouterr()
    assert main(["--data-dir", data, "privacy", "erase", "1"]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["--data-dir", data, "privacy", "erase", "1", "--yes"]) == 0
    assert main(["--data-dir", data, "privacy", "report", "99", "-o", str(out)]) == 1


def test_every_address_and_number_is_reported_and_erased(services):
    from advocate_app.domain.member_views import ContactInput
    from advocate_app.interchange.subject_access import render_html

    zoe = _zoe(services)
    services.members.update(zoe.id, replace(services.members.get(zoe.id), contacts=(
        ContactInput("email", "zoe@example.org", "home"),
        ContactInput("email", "z.orsted@work.example.dk", "work"),
        ContactInput("phone", "+45 12345678", "mobile"),
        ContactInput("phone", "+45 87654321", "home"))), zoe.version)
    data = services.privacy.everything_we_hold(zoe.id)
    assert [e["address"] for e in data["emails"]] == ["zoe@example.org",
                                                      "z.orsted@work.example.dk"]
    assert [p["number"] for p in data["phones"]] == ["+45 12345678", "+45 87654321"]
    page = render_html(data)
    assert "z.orsted@work.example.dk" in page and "+45 87654321" in page
    services.privacy.erase(zoe.id)
    erased = services.members.get(zoe.id)
    assert erased.contacts == ()
    assert services.members.search("z.orsted") == []
    assert services.members.search("87654321") == []
    assert services.privacy.everything_we_hold(zoe.id)["emails"] == []
