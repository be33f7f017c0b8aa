"""Turning the text in an imported cell into a member's field, or a reason it cannot be."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from advocate_app.domain.people import Role
from advocate_app.domain.text import fold

_NAME_LOCALES = ("en", "fr", "es", "de", "it", "pt", "nl", "pl")

_COUNTRY_ALIASES = {
    "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "usa": "US", "u s a": "US",
    "us": "US", "united states of america": "US", "america": "US", "holland": "NL",
    "deutschland": "DE", "espana": "ES", "italia": "IT", "brasil": "BR", "eire": "IE",
    "suisse": "CH", "schweiz": "CH", "belgie": "BE", "osterreich": "AT", "polska": "PL",
}
_ROLE_WORDS = {
    Role.PATIENT: "patient|patients|paciente|patiente|person with condition|affected",
    Role.CARER: "carer|carers|caregiver|care giver|parent|parents|mother|father|mum|mom|dad|"
                "aidant|aidante|aidants|cuidador|cuidadora|angehoriger|carer or parent|family",
    Role.CLINICIAN: "clinician|doctor|physician|nurse|consultant|medecin|infirmier|"
                    "infirmiere|medico|arzt|arztin|clinicien|hcp|health professional",
    Role.RESEARCHER: "researcher|scientist|academic|chercheur|chercheuse|investigador|"
                     "forscher|research",
    Role.INDUSTRY: "industry|pharma|pharmaceutical|sponsor|company|industrie|industria",
    Role.REGULATOR: "regulator|regulatory|authority|hta|regulateur",
    Role.VOLUNTEER: "volunteer|volunteers|benevole|voluntario|voluntaria|ehrenamtlich|"
                    "ehrenamtliche",
    Role.STAFF: "staff|employee|salarie|personal|team|mitarbeiter",
    Role.BOARD_MEMBER: "board member|board|trustee|director|advisory board|membre du comite|"
                       "administrateur|vorstand|patronato",
}
_ROLE_LOOKUP = {word: role for role, words in _ROLE_WORDS.items() for word in words.split("|")}

_ORGANISATION_WORDS = re.compile(
    r"\b(ltd|limited|plc|inc|llc|gmbh|ag|sarl|sas|sa|bv|nv|trust|foundation|fondation|"
    r"fundacion|stiftung|association|asociacion|verein|ev|charity|hospital|hopital|nhs|"
    r"university|universite|universidad|clinic|clinique|council|society|societe|pharma|"
    r"pharmaceuticals|laboratories|laboratoires|group|network|alliance|federation|"
    r"institute|institut|ministry|department|school|college)\b")
_HOUSEHOLD_WORDS = re.compile(
    r"(\bfamily\b|\bhousehold\b|\bfamille\b|\bfamilia\b|\bfamilie\b|\bfoyer\b|\bthe \w+s\b|"
    r"&|\bmr and mrs\b|\bm et mme\b)")
_KIND_ORGANISATION = {"organization", "organisation", "org", "company", "entreprise",
                      "empresa", "unternehmen", "group", "groupe"}
_KIND_HOUSEHOLD = {"household", "foyer", "menage", "familie", "family", "famille", "hogar"}
_KIND_PERSON = {"individual", "person", "individu", "personne", "persona", ""}

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%y",
                 "%Y%m%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for code in _NAME_LOCALES:
        for territory, name in Locale.parse(code).territories.items():
            if len(territory) == 2 and territory.isalpha():
                names.setdefault(_key(name), territory)
    for alias, territory in _COUNTRY_ALIASES.items():
        names[alias] = territory
    return names


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(_country_names().values())


@lru_cache(maxsize=1)
def _language_codes() -> frozenset[str]:
    return frozenset(_language_names().values())


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for code in _NAME_LOCALES:
        for language, name in Locale.parse(code).languages.items():
            if "_" not in language and len(language) in (2, 3):
                names.setdefault(_key(name), language)
    return names


def prepare() -> None:
    """Build the country and language name tables now (worker processes then share them)."""
    _country_codes()
    _language_codes()


def country_code(text: str) -> str | None:
    """ISO code for "France", "fr", "Royaume-Uni" or "UK"; None when it is not a country."""
    cleaned = _key(text)
    if not cleaned:
        return ""
    if len(cleaned) == 2 and cleaned.isalpha():
        code = cleaned.upper()
        return "GB" if code == "UK" else code if code in _country_codes() else None
    return _country_names().get(cleaned)


def language_code(text: str) -> str | None:
    cleaned = fold(text).replace("_", "-")
    if not cleaned:
        return ""
    base = cleaned.split("-")[0]
    if len(base) in (2, 3) and base.isalpha() and base in _language_codes():
        return base
    return _language_names().get(_key(text))


def parse_roles(text: str) -> tuple[set[Role], list[str]]:
    """Roles named in a cell, and the words that were not roles."""
    roles: set[Role] = set()
    unknown: list[str] = []
    for part in re.split(r"[,;/|+]| and | et ", text):
        if _key(part) in _role_labels():  # "Carer or parent" as a whole, before "or"
            roles.add(_role_labels()[_key(part)])
            continue
        word = " ".join(re.sub(r"[^\w]+", " ", fold(part)).split())
        if not word:
            continue
        role = (_ROLE_LOOKUP.get(word) or _role_labels().get(word)
                or _ROLE_LOOKUP.get(word.rstrip("s")) or _ROLE_CODES.get(fold(part).strip()))
        if role is None:
            unknown.append(part.strip())
        else:
            roles.add(role)
    return roles, unknown


_ROLE_CODES = {role.value: role for role in Role}


@lru_cache(maxsize=1)
def _role_labels() -> dict[str, Role]:
    """Roles by their names in every interface language (as Advocate's exports write them)."""
    from advocate_app.domain.people import _ROLE_LABELS
    from advocate_app.i18n import translator
    from advocate_app.i18n.catalogs import available_languages

    labels = {}
    for language in available_languages():
        gettext = translator(language)
        for role, label in _ROLE_LABELS.items():
            labels.setdefault(_key(gettext(label)), role)
    return labels


def parse_tags(text: str) -> list[str]:
    tags: list[str] = []
    for part in re.split(r"[,;|]|:::", text):
        tag = " ".join(part.split()).strip("*\"' ")
        if tag and tag.casefold() not in ("mycontacts", "starred") and tag not in tags:
            tags.append(tag[:100])
    return tags


def parse_date(text: str) -> date | None:
    """A full date in a common written form; None if it is not one (or cannot exist)."""
    value = text.strip()
    if not value:
        return None
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if fmt == "%d/%m/%y" and parsed > date.today():
            parsed = parsed.replace(year=parsed.year - 100)
        return parsed
    return None


def clean_email(text: str) -> str | None:
    """The address, normalised; None when it is not an email address."""
    value = text.strip().removeprefix("mailto:").strip("<> ")
    if not value:
        return ""
    from advocate_app.domain.email import normalised_email

    return normalised_email(value)


def clean_phone(text: str, country: str) -> tuple[str, bool]:
    """(number to keep, whether it was understood). Unparseable numbers are kept as typed."""
    value = " ".join(text.split())
    if not value:
        return "", True
    import phonenumbers

    try:
        number = phonenumbers.parse(value, country or None)
    except phonenumbers.NumberParseException:
        return value[:60], False
    if not phonenumbers.is_possible_number(number):
        return value[:60], False
    return phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)[:60], True


def split_full_name(full: str) -> tuple[str, str]:
    parts = full.split()
    if len(parts) <= 1:
        return "", full.strip()
    if "," in full:  # "Diallo, Amina"
        family, _, given = full.partition(",")
        return given.strip(), family.strip()
    return " ".join(parts[:-1]), parts[-1]


def not_a_person(kind: str, given: str, family: str, full: str, organisation: str) -> str:
    """Why this record is an organisation or household rather than a person ("" if a person)."""
    kind_word = fold(kind).strip()
    if kind_word in _KIND_ORGANISATION:
        return "organisation"
    if kind_word in _KIND_HOUSEHOLD:
        return "household"
    if kind_word and kind_word not in _KIND_PERSON and kind_word != "individual":
        return ""
    name = fold(" ".join(p for p in (given, family) if p) or full)
    if not name and organisation:
        return "organisation"
    if _HOUSEHOLD_WORDS.search(name):
        return "household"
    if not (given and family) and _ORGANISATION_WORDS.search(name):
        return "organisation"
    if organisation and fold(organisation) == name:
        return "organisation"
    return ""


_LABEL_WORDS = {
    "home": "home", "domicile": "home", "maison": "home", "personal": "home", "private": "home",
    "privat": "home", "casa": "home", "perso": "home", "personnel": "home",
    "work": "work", "business": "work", "office": "work", "travail": "work", "bureau": "work",
    "pro": "work", "professionnel": "work", "arbeit": "work", "trabajo": "work",
    "cell": "mobile", "mobile": "mobile", "iphone": "mobile", "portable": "mobile",
    "movil": "mobile", "handy": "mobile", "cellulaire": "mobile",
    "fax": "fax", "other": "other", "autre": "other",
}
#: vCard TYPE values that say nothing a person would use as a label.
_LABEL_NOISE = {"pref", "internet", "voice", "x400", "text", "msg", "main", "uri", "cust",
                "x-internet", "", "1", "2", "3"}


def contact_label(text: str) -> str:
    """A label (home, work, mobile, fax, other, or the words as written) from what a file
    calls an address or number: "* Home", "WORK", "INTERNET,HOME", "CELL;PREF", "Portable"."""
    words = [w.removeprefix("x-") for w in re.split(r"[\s,;*]+", fold(text))
             if w not in _LABEL_NOISE]
    codes = [_LABEL_WORDS[w] for w in words if w in _LABEL_WORDS]
    if "fax" in codes:
        return "fax"
    if codes:
        return codes[0]
    return " ".join(text.replace("*", " ").split()).removeprefix("x-")[:60] if words else ""


def split_values(text: str) -> list[str]:
    """The values of a cell that may hold several, as Google's older CSV writes them
    ("a@example.org ::: b@example.org")."""
    return [part.strip() for part in text.split(":::")] if ":::" in text else [text.strip()]
