"""Checking and tidying what a person typed for a member, with messages they can act on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from advocate_app.domain.community import AgeBand
from advocate_app.domain.email import normalised_email  # noqa: F401 - also imported from here
from advocate_app.domain.member_views import ContactInput, MemberInput
from advocate_app.i18n import _
from advocate_app.services.errors import ValidationError

_LANGUAGE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")

MAX_LENGTHS = {
    "given_name": 200, "family_name": 200, "preferred_name": 200, "pronouns": 60,
    "email": 320, "phone": 60, "postcode": 20, "address": 2000, "notes": 100_000,
    "region": 100, "contact_times": 200, "sign_language": 60, "barrier_notes": 10_000,
}
_MULTILINE = ("address", "notes", "barrier_notes")
_ORPHA = re.compile(r"^(?:ORPHA:?\s*)?(\d{1,7})$", re.IGNORECASE)
EARLIEST_BIRTH = date(1900, 1, 1)


def clean_member_input(data: MemberInput, *, email_checked: bool = False) -> MemberInput:
    """Trimmed, normalised input; raises ValidationError listing every problem at once.

    ``email_checked``: the email address and ``contacts`` were already normalised (by
    :func:`normalised_email` and the importer's phone rules): imports check each row's
    addresses and numbers once, not twice.
    """
    errors: dict[str, str] = {}
    text: dict[str, str] = {
        name: " ".join(getattr(data, name).split()) if name not in _MULTILINE
        else getattr(data, name).strip()
        for name in MAX_LENGTHS
    }
    for name, limit in MAX_LENGTHS.items():
        if len(text[name]) > limit:
            errors[name] = _("This is too long: at most {limit} characters.").format(limit=limit)
    if text["email"] and "email" not in errors and not email_checked:
        normalised = normalised_email(text["email"])
        if normalised is None:
            errors["email"] = _("“{value}” is not an email address.").format(value=text["email"])
        else:
            text["email"] = normalised
    has_email = (bool(text["email"]) and "email" not in errors) or any(
        c.kind == "email" and c.value.strip() for c in data.contacts
        if " ".join(c.value.split()) != text["email"])
    if not (text["given_name"] or text["family_name"] or text["preferred_name"] or has_email):
        # Someone known only by an email address (a newsletter subscriber) is a person too.
        errors["given_name"] = _("Enter a name (a given name, a family name or a preferred "
                                 "name) or an email address.")
    if text["phone"] and not any(ch.isdigit() for ch in text["phone"]):
        errors["phone"] = _("A phone number needs digits.")
    country = data.country.strip().upper()
    if country and not _COUNTRY.match(country):
        errors["country"] = _("Choose a country from the list.")
    language = data.preferred_language.strip()
    if language and not _LANGUAGE.match(language):
        errors["preferred_language"] = _("Choose a language from the list.")
    second_language = data.second_language.strip()
    if second_language and not _LANGUAGE.match(second_language):
        errors["second_language"] = _("Choose a language from the list.")
    tags = []
    for tag in data.tags:
        tag = " ".join(tag.split())
        if not tag or tag in tags:
            continue
        if len(tag) > 100:
            errors["tags"] = _("A tag can be at most 100 characters long.")
        tags.append(tag)
    age_band = data.age_band
    if data.date_of_birth is not None:
        today = date.today()
        if not EARLIEST_BIRTH <= data.date_of_birth <= today:
            errors["date_of_birth"] = _("A date of birth must be between 1900 and today.")
        else:
            age_band = AgeBand.for_birth_date(data.date_of_birth, today)
    conditions = []
    for condition in data.conditions:
        name = " ".join(condition.name.split())
        code = condition.orpha_code.strip()
        if code:
            match = _ORPHA.match(code)
            if not match:
                errors["conditions"] = _("“{code}” is not an ORPHAcode: use its number, for "
                                         "example 558 for Marfan syndrome.").format(code=code)
                continue
            code = match.group(1)
        if not name and not code:
            continue
        if len(name) > 300:
            errors["conditions"] = _("A condition's name can be at most 300 characters long.")
        conditions.append(replace(condition, name=name, orpha_code=code))
    contacts = [] if not email_checked else list(data.contacts)  # imports clean their own
    for contact in data.contacts if not email_checked else ():
        value = " ".join(contact.value.split())
        label = " ".join(contact.label.split())[:60]
        if not value:
            continue
        if contact.kind in ("email", "phone") and value == " ".join(
                getattr(data, contact.kind).split()):
            # The main one: checked (and its message given) as the Email or Phone field.
            contacts.append(ContactInput(contact.kind, text[contact.kind], label))
            continue
        if contact.kind == "email":
            checked = value if email_checked else normalised_email(value)
            if checked is None or len(value) > MAX_LENGTHS["email"]:
                errors["contacts"] = _("“{value}” is not an email address.").format(value=value)
                continue
            value = checked
        elif contact.kind == "phone":
            if not any(ch.isdigit() for ch in value):
                errors["contacts"] = _("A phone number needs digits: “{value}”.").format(
                    value=value)
                continue
            if len(value) > MAX_LENGTHS["phone"]:
                errors["contacts"] = _("This is too long: at most {limit} characters.").format(
                    limit=MAX_LENGTHS["phone"])
                continue
        else:
            continue
        contacts.append(ContactInput(contact.kind, value, label))
    if errors:
        raise ValidationError(errors)
    text["email"], text["phone"], arranged = _arranged(contacts, text["email"], text["phone"])
    return replace(
        data, country=country, preferred_language=language, tags=tuple(tags),
        second_language=second_language,
        age_band=age_band, conditions=tuple(conditions), contacts=arranged,
        given_name=text["given_name"], family_name=text["family_name"],
        preferred_name=text["preferred_name"], pronouns=text["pronouns"], email=text["email"],
        phone=text["phone"], postcode=text["postcode"], address=text["address"],
        notes=text["notes"], region=text["region"], contact_times=text["contact_times"],
        sign_language=text["sign_language"], barrier_notes=text["barrier_notes"],
    )


def contact_key(kind: str, value: str) -> str:
    """What makes two email addresses (case aside) or phone numbers (digits) the same."""
    if kind == "email":
        return value.strip().casefold()
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits[-9:] if len(digits) >= 7 else " ".join(value.split()).casefold()


def arrange_contacts(data: MemberInput) -> MemberInput:
    """Contacts without repeats, emails then phones, each kind's primary first; ``email`` and
    ``phone`` hold the primary ones. When ``email``/``phone`` name a value, it is the primary
    (it is added if the list lacks it); when empty, the list's first value becomes primary."""
    email, phone, arranged = _arranged(data.contacts, data.email, data.phone)
    return replace(data, email=email, phone=phone, contacts=arranged)


def _arranged(contacts: Sequence[ContactInput], email: str, phone: str
              ) -> tuple[str, str, tuple[ContactInput, ...]]:
    """(primary email, primary phone, contacts) as :func:`arrange_contacts` describes."""
    if not contacts and not email and not phone:
        return "", "", ()
    if len(contacts) <= 2:  # the usual case, quickly: at most one of each, agreeing
        kinds = [c.kind for c in contacts]
        if (len(set(kinds)) == len(kinds) and all(c.value for c in contacts)
                and all(c.kind in ("email", "phone") and (
                    email if c.kind == "email" else phone) in ("", c.value) for c in contacts)
                and (not email or "email" in kinds) and (not phone or "phone" in kinds)):
            ordered = tuple(sorted(contacts, key=lambda c: c.kind))
            return (next((c.value for c in ordered if c.kind == "email"), ""),
                    next((c.value for c in ordered if c.kind == "phone"), ""), ordered)
    arranged: list[ContactInput] = []
    primaries = {}
    given = {"email": email, "phone": phone}
    for kind in ("email", "phone"):
        items: list[ContactInput] = []
        seen: dict[str, int] = {}
        for contact in contacts:
            if contact.kind != kind or not contact.value:
                continue
            key = contact_key(kind, contact.value)
            if key not in seen:
                seen[key] = len(items)
                items.append(contact)
            elif contact.label and not items[seen[key]].label:  # a repeat may bring a label
                items[seen[key]] = items[seen[key]]._replace(label=contact.label)
        primary = given[kind]
        if primary:
            key = contact_key(kind, primary)
            same = next((c for c in items if contact_key(kind, c.value) == key), None)
            items = [ContactInput(kind, primary, same.label if same else "")] + [
                c for c in items if c is not same]
        primaries[kind] = items[0].value if items else ""
        arranged.extend(items)
    return primaries["email"], primaries["phone"], tuple(arranged)
