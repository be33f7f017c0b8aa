"""Checking and tidying what a person typed for a member, with messages they can act on."""

from __future__ import annotations

import re
from dataclasses import replace

from advocate_app.i18n import _
from advocate_app.services.errors import ValidationError
from advocate_app.services.member_data import MemberInput

_LANGUAGE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")

MAX_LENGTHS = {
    "given_name": 200, "family_name": 200, "preferred_name": 200, "pronouns": 60,
    "email": 320, "phone": 60, "postcode": 20, "address": 2000, "notes": 100_000,
}


def clean_member_input(data: MemberInput) -> MemberInput:
    """Trimmed, normalised input; raises ValidationError listing every problem at once."""
    errors: dict[str, str] = {}
    text = {
        name: " ".join(getattr(data, name).split()) if name not in ("address", "notes")
        else getattr(data, name).strip()
        for name in MAX_LENGTHS
    }
    if not (text["given_name"] or text["family_name"] or text["preferred_name"]):
        errors["given_name"] = _("Enter a name: a given name, a family name or a preferred name.")
    for name, limit in MAX_LENGTHS.items():
        if len(text[name]) > limit:
            errors[name] = _("This is too long: at most {limit} characters.").format(limit=limit)
    if text["email"] and "email" not in errors:
        normalised = _check_email(text["email"])
        if normalised is None:
            errors["email"] = _("“{value}” is not an email address.").format(value=text["email"])
        else:
            text["email"] = normalised
    if text["phone"] and not any(ch.isdigit() for ch in text["phone"]):
        errors["phone"] = _("A phone number needs digits.")
    country = data.country.strip().upper()
    if country and not _COUNTRY.match(country):
        errors["country"] = _("Choose a country from the list.")
    language = data.preferred_language.strip()
    if language and not _LANGUAGE.match(language):
        errors["preferred_language"] = _("Choose a language from the list.")
    tags = []
    for tag in data.tags:
        tag = " ".join(tag.split())
        if not tag or tag in tags:
            continue
        if len(tag) > 100:
            errors["tags"] = _("A tag can be at most 100 characters long.")
        tags.append(tag)
    if errors:
        raise ValidationError(errors)
    return replace(
        data, country=country, preferred_language=language, tags=tuple(tags), **text
    )


def _check_email(value: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return None
    return result.normalized
