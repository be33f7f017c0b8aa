"""Email addresses as the app keeps them: one normal form, or none when it is not one."""

from __future__ import annotations

import re

# Plain ASCII addresses (nearly all of them) are checked here without the full validator; it
# would accept every one of these. Anything else goes to email-validator.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_EMAIL = re.compile(rf"^({_ATOM}(?:\.{_ATOM})*)@((?:{_LABEL}\.)+[A-Za-z]{{2,63}})$")
_SPECIAL_USE = ("arpa", "invalid", "local", "localhost", "onion", "test")


def normalised_email(value: str) -> str | None:
    """The address with its domain in lower case; None when it is not an email address."""
    plain = _PLAIN_EMAIL.match(value)
    if plain and len(plain.group(1)) <= 64 and len(value) <= 254 and (
            plain.group(2).rsplit(".", 1)[-1].lower() not in _SPECIAL_USE):
        return f"{plain.group(1)}@{plain.group(2).lower()}"
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None
