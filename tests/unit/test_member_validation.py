import pytest

from advocate_app.domain.member_views import MemberInput
from advocate_app.domain.people import Role
from advocate_app.services.errors import ValidationError
from advocate_app.services.member_validation import clean_member_input


def test_a_member_needs_some_name_or_an_email_address():
    with pytest.raises(ValidationError) as raised:
        clean_member_input(MemberInput(phone="+44 20 7946 0000", notes="Called once"))
    assert set(raised.value.errors) == {"given_name"}
    # A subscriber known only by an email address is a person (their name is not known).
    assert clean_member_input(MemberInput(email="someone@example.org")).email == (
        "someone@example.org")


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as raised:
        clean_member_input(MemberInput(email="not an address", phone="call me", country="France",
                                       preferred_language="French!"))
    assert set(raised.value.errors) == {
        "given_name", "email", "phone", "country", "preferred_language"}
    assert "not an address" in raised.value.errors["email"]


def test_input_is_tidied():
    cleaned = clean_member_input(MemberInput(
        given_name="  Amina ", family_name="Diallo  Sow", email="Amina@Example.ORG",
        country="sn", preferred_language="fr", roles=frozenset({Role.CARER}),
        tags=(" newsletter ", "newsletter", "", "large  print"), notes="  line one\nline two  "))
    assert cleaned.given_name == "Amina"
    assert cleaned.family_name == "Diallo Sow"
    assert cleaned.email == "Amina@example.org"
    assert cleaned.country == "SN"
    assert cleaned.tags == ("newsletter", "large print")
    assert cleaned.notes == "line one\nline two"


def test_overlong_fields_are_refused_with_the_limit():
    with pytest.raises(ValidationError) as raised:
        clean_member_input(MemberInput(given_name="x" * 201))
    assert "200" in raised.value.errors["given_name"]


@pytest.mark.parametrize("address", [
    "a@example.org", "Zoe@Example.ORG", "a..b@x.org", ".a@x.org", "a.@x.org", "a@-x.org",
    "a@x-.org", "a@x.o", "a@x.test", "a@localhost", "a+b@mail.example.co.uk",
    "ana.nunez@exämple.org", "José@x.org", "a@x..org", "a@x.org.", '"q"@x.org', "a@123.45",
    "x" * 65 + "@x.org", "o'neill@example.ie", "a@b@example.org", "a b@example.org",
])
def test_the_quick_email_check_agrees_with_email_validator(address):
    from email_validator import EmailNotValidError, validate_email

    from advocate_app.services.member_validation import normalised_email

    try:
        expected = validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        expected = None
    assert normalised_email(address) == expected
