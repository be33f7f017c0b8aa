"""Recognising the columns of the exports small groups really have, in several languages.

Spreadsheets in English, French, Spanish, German, Italian, Portuguese and Dutch; Mailchimp,
CiviCRM, Google Contacts and Outlook exports. A header is folded (case, accents, punctuation)
before it is looked up, so "E-mail 1 - Value" and "email 1 value" are the same.
"""

from __future__ import annotations

import re

from advocate_app.domain.text import fold

#: How many numbered email and phone columns ("E-mail 2 - Value" …) an import reads.
MORE_CONTACTS = range(2, 7)

#: Fields a column can fill. ``full_name`` is split when there is no given and family name.
TARGETS = ("given_name", "family_name", "full_name", "preferred_name", "pronouns", "email",
           "email_label", "phone", "phone_label", "mobile", "work_phone",
           *(f"{kind}_{n}{part}" for kind in ("email", "phone") for n in MORE_CONTACTS
             for part in ("", "_label")),
           "address", "address2", "locality", "region", "postcode",
           "country", "preferred_language", "second_language", "roles", "tags", "notes",
           "date_of_birth",
           "organisation", "kind")

_SYNONYMS = {
    "given_name": "first name|firstname|first|given name|givenname|forename|prenom|nombre|"
                  "vorname|nome|voornaam|fname|primeiro nome",
    "family_name": "last name|lastname|last|surname|family name|familyname|nom|nom de famille|"
                   "apellido|apellidos|nachname|cognome|achternaam|lname|sobrenome|apelidos",
    "full_name": "name|full name|fullname|display name|contact name|nom complet|"
                 "nombre completo|vollstandiger name|nome completo|naam|fn|sort name",
    "preferred_name": "preferred name|nickname|nick name|known as|nom d usage|surnom|apodo|"
                      "spitzname",
    "pronouns": "pronouns|pronoms|pronombres",
    "email": "email|e mail|email address|e mail address|mail|courriel|adresse e mail|"
             "adresse email|adresse electronique|correo|correo electronico|e mail adresse|"
             "email 1 value|e mail 1 value|primary email|email primary|e mail 1|"
             "e mail 1 address|e mail address 1",
    "email_label": "email 1 type|e mail 1 type|email 1 label|e mail 1 label|email label|"
                   "e mail label|email type",
    "phone": "phone|telephone|phone number|tel|telefono|telefon|telefone|telefoon|"
             "home phone|primary phone|phone 1 value|phone primary|"
             "numero de telephone|landline",
    "phone_label": "phone 1 type|phone 1 label|phone label|phone type",
    "mobile": "mobile|mobile phone|cell|cell phone|portable|movil|handy|telemovel|mobiel|"
              "cellulare",
    "work_phone": "business phone|work phone|office phone|telephone professionnel|"
                  "telephone travail",
    "address": "address|street|street address|home street|adresse|direccion|strasse|"
               "address line 1|address 1|indirizzo|endereco|morada|adres|rue|"
               "address 1 street|address 1 formatted|mailing address|postal address",
    "address2": "address line 2|address 2|home street 2|supplemental address 1|"
                "complement d adresse|address 1 extended address",
    "locality": "city|town|ville|ciudad|stadt|ort|home city|locality|commune|citta|cidade|"
                "plaats|address 1 city",
    "region": "region|state|county|province|home state|etat|departement|bundesland|"
              "provincia|estado|state province|address 1 region",
    "postcode": "postcode|post code|postal code|zip|zip code|zipcode|code postal|cp|plz|"
                "home postal code|codigo postal|cap|postcode zip|address 1 postal code|"
                "postleitzahl",
    "country": "country|pays|pais|land|home country region|country region|nation|paese|"
               "address 1 country",
    "preferred_language": "language|preferred language|langue|idioma|sprache|lingua|taal|"
                          "preferred communication language",
    "second_language": "second language|other language|language 2|langue seconde|"
                       "deuxieme langue|segunda lengua|segundo idioma|zweitsprache|"
                       "seconda lingua|tweede taal|segunda lingua",
    "roles": "role|roles|role s|member type|membership type|type de membre|rol|rolle|ruolo",
    "tags": "tags|tag|labels|label|groups|group|categories|group membership|etiquettes|"
            "etiquetas|schlagworte|gruppen",
    "notes": "notes|note|comments|comment|commentaire|commentaires|remarques|notas|"
             "bemerkungen|anmerkungen|opmerkingen",
    "date_of_birth": "date of birth|dob|birthday|birth date|birthdate|date de naissance|"
                     "fecha de nacimiento|geburtsdatum|data di nascita|data de nascimento",
    "organisation": "organisation|organization|company|organisation name|organization name|"
                    "societe|entreprise|empresa|firma|employer|organization 1 name|"
                    "current employer|unternehmen",
    "kind": "contact type|type de contact|kind|record type|tipo de contacto|kontakttyp",
}
for _n in MORE_CONTACTS:
    _SYNONYMS[f"email_{_n}"] = (f"email {_n} value|e mail {_n} value|email {_n}|e mail {_n}|"
                                f"e mail {_n} address|e mail address {_n}")
    _SYNONYMS[f"email_{_n}_label"] = (f"email {_n} type|e mail {_n} type|email {_n} label|"
                                      f"e mail {_n} label")
    _SYNONYMS[f"phone_{_n}"] = f"phone {_n} value|phone {_n}|telephone {_n}"
    _SYNONYMS[f"phone_{_n}_label"] = f"phone {_n} type|phone {_n} label"
_LOOKUP = {phrase: target for target, phrases in _SYNONYMS.items()
           for phrase in phrases.split("|")}
_PUNCTUATION = re.compile(r"[^\w]+")


def normalise_header(header: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", fold(header)).split())


def _exported_headers() -> dict[str, str]:
    """The headings Advocate's own spreadsheet exports write, in every interface language."""
    global _EXPORTED
    if _EXPORTED is None:
        from advocate_app.i18n import translator
        from advocate_app.i18n.catalogs import available_languages
        from advocate_app.interchange.member_export import header

        _EXPORTED = {}
        for language in available_languages():
            gettext = translator(language)
            for target in TARGETS:
                heading = normalise_header(header(target, gettext))
                if heading and heading != target:
                    _EXPORTED.setdefault(heading, target)
    return _EXPORTED


_EXPORTED: dict[str, str] | None = None


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """Column index -> target field, for the headers Advocate recognises (first one wins)."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = normalise_header(header)
        target = header if header in TARGETS else (
            _exported_headers().get(key) or _LOOKUP.get(key))
        if target and target not in taken:
            mapping[index] = target
            taken.add(target)
    return mapping
