"""Reading the rows of a member file into people: names, contact details and the warnings
about what could not be stored. Runs in worker processes for big files (see
``member_import_workers``), so what it returns can be packed into plain tuples."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from advocate_app.domain.community import AccessNeed, AgeBand, Barrier, Channel, PrintFormat
from advocate_app.domain.member_views import ConditionInput, ContactInput, MemberInput
from advocate_app.domain.people import (
    Role,
    member_display_name,
    member_search_text,
    member_sort_key,
)
from advocate_app.i18n import _
from advocate_app.interchange import member_values as values
from advocate_app.interchange.member_columns import MORE_CONTACTS
from advocate_app.services.errors import ValidationError
from advocate_app.services.member_import_report import RowOutcome
from advocate_app.services.member_validation import clean_member_input


class Person:
    """A row read into a member. From a worker it arrives packed (plain tuples); the full
    ``MemberInput`` is only built if something needs it (a merge), not for every row."""

    def __init__(self, row: int, data: MemberInput | None, warnings: list[str],
                 derived: tuple[str, str] | None = None, packed: tuple | None = None):
        self.row = row
        self._data = data
        self._packed = packed
        self.warnings = warnings
        self.derived = derived  # (sort_name, search_text)
        self._contact: _Contact | None = None

    @property
    def data(self) -> MemberInput:
        if self._data is None:
            assert self._packed is not None, "a row holds its data or its packed form"
            self._data = _unpack_input(self._packed)
            self._packed = None
        return self._data

    @data.setter
    def data(self, value: MemberInput) -> None:
        self._data, self._packed, self.derived = value, None, None

    @property
    def contact(self) -> _Contact | MemberInput:
        """Name and contact details, enough to look for duplicates."""
        if self._packed is not None:
            if self._contact is None:
                self._contact = _Contact(*(self._packed[i] for i in _CONTACT_POSITIONS))
            return self._contact
        return self.data

    def field(self, name: str) -> Any:
        """One field as the database stores it (enums as codes)."""
        if self._packed is not None:
            return self._packed[_POSITION[name]]
        value = getattr(self._data, name)
        return value.value if hasattr(value, "value") else value

    @property
    def name(self) -> str:
        contact = self.contact
        return member_display_name(contact.given_name, contact.family_name,
                                   contact.preferred_name)

    def sort_and_search(self) -> tuple[str, str]:
        if self.derived is None:
            d = self.data
            self.derived = (member_sort_key(d.given_name, d.family_name, d.preferred_name),
                            member_search_text(d.given_name, d.family_name, d.preferred_name,
                                               d.email, d.phone, d.tags,
                                               d.values_of("email")[1:],
                                               d.values_of("phone")[1:]))
        return self.derived


def _read_row(number: int, cells: dict[str, str]) -> Person | RowOutcome:
    given, family = cells.get("given_name", ""), cells.get("family_name", "")
    full = cells.get("full_name", "")
    why_not = values.not_a_person(cells.get("kind", ""), given, family, full,
                                  cells.get("organisation", ""))
    label = full or " ".join(p for p in (given, family) if p) or cells.get("organisation", "")
    if why_not:
        reason = (_("An organisation, not a person: not imported as a member.")
                  if why_not == "organisation"
                  else _("A household, not one person: not imported as a member."))
        return RowOutcome(number, "skipped", label, reasons=(reason,))
    if not (given or family) and full:
        given, family = values.split_full_name(full)
    if not (given or family or cells.get("preferred_name") or cells.get("email")):
        return RowOutcome(number, "invalid", label, reasons=(
            _("No name and no email address: add the person's name in the file and import "
              "it again."),))
    warnings: list[str] = []
    country = values.country_code(cells.get("country", ""))
    if country is None:
        warnings.append(_("“{value}” is not a country Advocate knows; the country was not "
                          "stored.").format(value=cells["country"]))
        country = ""
    language = values.language_code(cells.get("preferred_language", ""))
    if language is None:
        warnings.append(_("“{value}” is not a language Advocate knows; the language was not "
                          "stored.").format(value=cells["preferred_language"]))
        language = ""
    second = values.language_code(cells.get("second_language", ""))
    if second is None:
        warnings.append(_("“{value}” is not a language Advocate knows; the language was not "
                          "stored.").format(value=cells["second_language"]))
        second = ""
    contacts: list[ContactInput] = []
    for column, label_column, default_label in _CONTACT_COLUMNS:
        cell = cells.get(column)
        if not cell:
            continue
        kind = "email" if column.startswith("email") else "phone"
        found = values.split_values(cell)
        labels = values.split_values(cells.get(label_column, "")) if label_column else []
        for position, raw in enumerate(found):
            if not raw:
                continue
            label = values.contact_label(labels[min(position, len(labels) - 1)]) if labels \
                else default_label
            if kind == "email":
                value = values.clean_email(raw)
                if value is None:
                    warnings.append(_("“{value}” is not an email address; it was not "
                                      "stored.").format(value=raw))
                    continue
            else:
                value, understood = values.clean_phone(raw, country)
                if not understood:
                    warnings.append(_("“{value}” does not look like a phone number; it was "
                                      "kept as written.").format(value=value))
            contacts.append(ContactInput(kind, value, label))
    email = next((c.value for c in contacts if c.kind == "email"), "")
    phone = next((c.value for c in contacts if c.kind == "phone"), "")
    born = None
    if cells.get("date_of_birth"):
        born = values.parse_date(cells["date_of_birth"])
        if born is None:
            warnings.append(_("“{value}” is not a date; the date of birth was not stored.")
                            .format(value=cells["date_of_birth"]))
    roles, unknown = values.parse_roles(cells.get("roles", ""))
    if unknown:
        warnings.append(_("Not a role Advocate knows, so not stored: {words}.").format(
            words=", ".join(unknown)))
    address = "\n".join(p for p in (cells.get("address", ""), cells.get("address2", ""),
                                    cells.get("locality", "")) if p)
    data = MemberInput(
        given_name=given, family_name=family, preferred_name=cells.get("preferred_name", ""),
        pronouns=cells.get("pronouns", ""), email=email, phone=phone, address=address,
        postcode=cells.get("postcode", ""), country=country, preferred_language=language,
        second_language=second,
        roles=frozenset(roles), tags=tuple(values.parse_tags(cells.get("tags", ""))),
        notes=cells.get("notes", ""), region=cells.get("region", ""), date_of_birth=born,
        contacts=tuple(contacts))
    try:
        data = clean_member_input(data, email_checked=True)
    except ValidationError as exc:
        if "given_name" in exc.errors:
            return RowOutcome(number, "invalid", label or cells.get("email", ""),
                              reasons=(exc.errors["given_name"],))
        blanks: dict[str, Any] = {name: type(getattr(data, name))() if name != "date_of_birth" else None
                  for name in exc.errors if hasattr(data, name)}
        warnings.extend(f"{message}" for message in exc.errors.values())
        data = clean_member_input(replace(data, **blanks), email_checked=True)
    return Person(number, data, warnings)


#: (column, its label column, the label when there is none): where addresses and numbers are.
_CONTACT_COLUMNS = (
    ("email", "email_label", ""),
    *((f"email_{n}", f"email_{n}_label", "") for n in MORE_CONTACTS),
    ("phone", "phone_label", ""),
    ("mobile", "", "mobile"),
    ("work_phone", "", "work"),
    *((f"phone_{n}", f"phone_{n}_label", "") for n in MORE_CONTACTS),
)


def read_chunk(numbers: list[int], rows: list[list[str]], mapping: dict[int, str],
                language: tuple[str, Path | None] | None = None) -> list[Person | RowOutcome]:
    """Read rows into people (or outcomes); also runs in a worker process for big files."""
    if language is not None:
        from advocate_app.i18n import install_language

        install_language(*language)
    read: list[Person | RowOutcome] = []
    for number, row in zip(numbers, rows, strict=True):
        cells = {target: row[i].strip() for i, target in mapping.items()
                 if i < len(row) and row[i].strip()}
        empty = not cells and not any(cell.strip() for cell in row)
        read.append(RowOutcome(number, "empty") if empty else _read_row(number, cells))
    return read


#: A person read from a row, packed by :func:`pack`: (row, field values in ``MemberInput``'s
#: order, warnings, (sort name, search text)).
Packed = tuple[int, tuple[Any, ...], tuple[str, ...], tuple[str, str]]

_ENUM_SETS = {"roles": Role, "channels": Channel, "access_needs": AccessNeed,
              "barriers": Barrier}
_ENUMS = {"age_band": AgeBand, "print_format": PrintFormat}
_FIELDS = [f.name for f in fields(MemberInput)]


def pack(item: Person | RowOutcome) -> Packed | RowOutcome:
    """A read row as plain tuples and strings: several times quicker to send between
    processes than dataclasses holding enums."""
    if isinstance(item, RowOutcome):
        return item
    values: list[Any] = []
    for name in _FIELDS:
        value = getattr(item.data, name)
        if name in _ENUM_SETS:
            value = tuple(v.value for v in value)
        elif name in _ENUMS:
            value = value.value if value is not None else None
        elif name == "conditions":
            value = tuple(tuple(asdict(c).values()) for c in value)
        elif name == "contacts":
            value = tuple(tuple(c) for c in value)
        values.append(value)
    return (item.row, tuple(values), tuple(item.warnings), item.sort_and_search())


@dataclass(frozen=True)
class _Contact:
    given_name: str
    family_name: str
    preferred_name: str
    email: str
    phone: str
    postcode: str
    contacts: tuple = ()


_POSITION = {name: index for index, name in enumerate(_FIELDS)}
_CONTACT_POSITIONS = [_POSITION[f.name] for f in fields(_Contact)]


def unpack(packed: Packed | RowOutcome) -> Person | RowOutcome:
    if isinstance(packed, RowOutcome):
        return packed
    row, values, warnings, derived = packed
    return Person(row, None, list(warnings), derived, values)


def _unpack_input(values: tuple[Any, ...]) -> MemberInput:
    data: dict[str, Any] = {}
    for name, value in zip(_FIELDS, values, strict=True):
        if name in _ENUM_SETS:
            value = frozenset(_ENUM_SETS[name](v) for v in value)
        elif name in _ENUMS:
            value = _ENUMS[name](value) if value is not None else None
        elif name == "conditions":
            value = tuple(ConditionInput(*c) for c in value)
        elif name == "contacts":
            value = tuple(ContactInput(*c) for c in value)
        data[name] = value
    return MemberInput(**data)
