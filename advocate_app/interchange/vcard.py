"""Reading vCard files (2.1 with quoted-printable, 3.0 and 4.0) as a table of people."""

from __future__ import annotations

import codecs
import quopri
import re
from pathlib import Path

from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError
from advocate_app.interchange.reading import read_input
from advocate_app.interchange.tables import MAX_BYTES, Table, decode_text

#: The columns a vCard becomes; the importer maps them by these exact names.
COLUMNS = ["given_name", "family_name", "full_name", "email", "email_label", "phone",
           "phone_label", "address", "postcode",
           "locality", "region", "country", "organisation", "kind", "birthday", "notes",
           "categories"]

_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", re.DOTALL)


def read_vcards(path: Path, encoding: str | None = None) -> Table:
    text, used = decode_text(read_input(path, MAX_BYTES), encoding)
    rows: list[list[str]] = []
    numbers: list[int] = []
    card: dict[str, str] | None = None
    start_line = 0
    for line_number, line in _logical_lines(text):
        match = _PROPERTY.match(line)
        if not match:
            continue
        name = match.group(1).upper()
        params = _params(match.group(2))
        value = match.group(3)
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                raise UnreadableFileError(
                    _("The card that starts on line {line} has no END:VCARD before the next "
                      "card begins on line {next} (the file is damaged); nothing was "
                      "imported.").format(line=start_line, next=line_number))
            card, start_line = {}, line_number
            continue
        if card is None:
            if name == "END" and value.strip().upper() == "VCARD":
                raise UnreadableFileError(
                    _("Line {line} ends a card that never began (the file is damaged); "
                      "nothing was imported.").format(line=line_number))
            continue
        if name == "END":
            _gather_contacts(card)
            rows.append([card.get(column, "") for column in COLUMNS])
            numbers.append(start_line)
            card = None
            continue
        value = _decode_value(value, params, line_number)
        if "\x00" in value:  # "=00" in quoted-printable
            raise UnreadableFileError(_(
                "Line {line} holds a NUL character, which no text file of people has (the "
                "file may be damaged, or not text); nothing was imported.").format(
                line=line_number))
        _take(card, name, params, value)
    if card is not None:
        raise UnreadableFileError(_("The vCard file ends in the middle of a card, the one that "
                                    "starts on line {line} (it may be incomplete); nothing was "
                                    "imported.").format(line=start_line))
    if not rows:
        raise UnreadableFileError(_("No contact cards were found in the file; nothing was "
                                    "imported."))
    return Table(list(COLUMNS), rows, numbers, "vcard", used)


def _logical_lines(text: str):
    """Unfolded lines with the number of the line they start on."""
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    current: str | None = None
    start = 0
    for number, line in enumerate(physical, start=1):
        if current is not None and line[:1] in (" ", "\t"):
            current += line[1:]
            continue
        if current is not None and current.endswith("=") and "QUOTED-PRINTABLE" in (
                current.split(":", 1)[0].upper()):
            current = current[:-1] + line  # a quoted-printable soft line break
            continue
        if current is not None:
            yield start, current
        current, start = line, number
    if current is not None:
        yield start, current


def _params(raw: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for part in raw.split(";"):
        if not part:
            continue
        if "=" in part:
            key, value = part.split("=", 1)
            key = key.upper()
            value = value.strip('"')
            params[key] = f"{params[key]},{value}" if key in params else value
        else:  # vCard 2.1 bare types: TEL;CELL;PREF
            params["TYPE"] = f"{params['TYPE']},{part}" if "TYPE" in params else part
    return params


def _decode_value(value: str, params: dict[str, str], line: int) -> str:
    if params.get("ENCODING", "").upper() in ("QUOTED-PRINTABLE", "QP"):
        raw = quopri.decodestring(value.encode("latin-1", errors="replace"))
        charset = params.get("CHARSET", "utf-8")
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = "utf-8"  # a charset nobody knows: UTF-8, as vCard 3.0 and 4.0 are
        try:
            return raw.decode(charset)
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(_(
                "Line {line} is not {encoding} text as the card says (it would be stored "
                "garbled); nothing was imported.").format(line=line, encoding=charset)) from exc
    return value


def _unescape(text: str) -> str:
    return re.sub(r"\\([\\,;nN])",
                  lambda m: "\n" if m.group(1) in "nN" else m.group(1), text).strip()


def _split(value: str, sep: str = ";") -> list[str]:
    parts = re.split(r"(?<!\\)" + re.escape(sep), value)
    return [_unescape(p) for p in parts]


def _take(card: dict[str, str], name: str, params: dict[str, str], value: str) -> None:
    types = params.get("TYPE", "").upper()
    if name == "N":
        parts = _split(value) + [""] * 5
        card.setdefault("family_name", parts[0])
        card.setdefault("given_name", " ".join(p for p in (parts[1], parts[2]) if p))
    elif name == "FN":
        card.setdefault("full_name", _unescape(value))
    elif name in ("EMAIL", "TEL"):
        found = _unescape(value.removeprefix("tel:").removeprefix("mailto:"))
        if found:
            # Preferred first (TYPE=PREF, PREF=1 in vCard 4.0), then in the card's order.
            preferred = "PREF" in types.split(",") or params.get("PREF", "") == "1"
            card.setdefault(name, []).append((not preferred, found, types))
    elif name == "ADR" and "address" not in card:
        parts = _split(value) + [""] * 7
        card["address"] = "\n".join(p for p in (parts[0], parts[1], parts[2]) if p)
        card["locality"], card["region"] = parts[3], parts[4]
        card["postcode"], card["country"] = parts[5], parts[6]
    elif name == "ORG":
        card.setdefault("organisation", " ".join(p for p in _split(value) if p))
    elif name in ("KIND", "X-ADDRESSBOOKSERVER-KIND"):
        card["kind"] = _unescape(value).lower()
    elif name == "X-ABSHOWAS" and _unescape(value).upper() == "COMPANY":
        card["kind"] = "org"
    elif name == "BDAY":
        card["birthday"] = _unescape(value)
    elif name == "NOTE":
        card["notes"] = _unescape(value)
    elif name == "CATEGORIES":
        card["categories"] = ", ".join(p for p in _split(value, ",") if p)


def _gather_contacts(card: dict) -> None:
    """A card's addresses and numbers as cells of several values (" ::: "), labels beside."""
    from advocate_app.interchange.member_values import contact_label

    for name, column in (("EMAIL", "email"), ("TEL", "phone")):
        found = sorted(card.pop(name, []), key=lambda item: item[0])  # stable: card order
        if found:
            card[column] = " ::: ".join(value for _later, value, _types in found)
            card[f"{column}_label"] = " ::: ".join(
                contact_label(types) for _later, _value, types in found)
