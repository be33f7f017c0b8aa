"""Reading an online form's export of feedback answers: Google Forms (a "Timestamp" column
first, then "Email Address" when emails are collected, then one column per question),
Microsoft Forms ("ID", "Start time", "Completion time", "Email", "Name", then the questions;
its Excel download or that sheet saved as CSV) or any CSV with recognisable headers, in
English or French.

Every file is hostile: its size, rows, columns and the length of each cell are bounded, and a
file that cannot be read, or has no column that holds feedback, is refused with one sentence.
Rows whose rating or date cannot be read are left out and listed, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from advocate_app.domain.feedback_views import TEXT_LIMIT
from advocate_app.domain.text import fold as text_fold
from advocate_app.i18n import _
from advocate_app.interchange.errors import UnreadableFileError

MAX_BYTES = 5_000_000
MAX_ROWS = 20_000
MAX_COLUMNS = 200

#: Header words for each field, folded (lower case, no accents); the first field whose words a
#: header holds wins, in this order.
_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("email", ("email", "e-mail", "e mail", "courriel", "adresse de messagerie", "mail")),
    ("timestamp", ("timestamp", "horodateur", "horodatage", "completion time", "heure de fin",
                   "submitted", "soumis", "submission date", "date de soumission",
                   "received", "recu le", "start time", "heure de debut", "date")),
    ("may_contact", ("contact", "contacter", "recontact", "get in touch", "joindre")),
    ("rating", ("rating", "rate ", "rate the", "overall", "score", "stars", "satisf",
                "evaluation", "evaluez", "notez", "note globale", "note sur", "appreciation "
                "generale", "how would you rate", "how was", "comment evaluez")),
    ("worked", ("worked", "went well", "liked", "enjoy", "best", "good about",
                "a bien fonctionne", "ce qui a bien", "apprecie", "points forts", "aime")),
    ("change", ("change", "improve", "better", "differently", "ameliorer", "changer",
                "modifier", "a revoir")),
    ("comments", ("comment", "anything else", "other", "remark", "suggestion", "free text",
                  "commentaire", "remarque", "autre chose", "autres")),
)

#: Rating words (folded), in English and French.
_RATING_WORDS = {
    "excellent": 5, "outstanding": 5, "very good": 4, "tres bien": 4, "tres bon": 4,
    "good": 3, "bien": 3, "bon": 3, "average": 3, "ok": 3, "okay": 3, "fair": 2, "moyen": 2,
    "passable": 2, "poor": 1, "bad": 1, "very poor": 1, "mauvais": 1, "mediocre": 1,
    "tres mauvais": 1, "insuffisant": 1, "very satisfied": 5, "tres satisfait": 5,
    "satisfied": 4, "satisfait": 4, "neutral": 3, "neutre": 3, "dissatisfied": 2,
    "insatisfait": 2, "very dissatisfied": 1, "tres insatisfait": 1,
}
_YES = ("yes", "y", "oui", "o", "true", "vrai", "1", "ok", "sure", "d'accord")
_NO = ("no", "n", "non", "false", "faux", "0")


@dataclass(frozen=True)
class FormRow:
    line: int
    received_on: date | None
    email: str
    rating: int
    worked: str
    change: str
    comments: str
    may_contact: bool
    digest_text: str  # every cell as read, for the import key


@dataclass
class FormAnswers:
    form: str  # google, microsoft, generic
    columns: dict[str, str]  # field -> the header it was read from
    rows: list[FormRow] = field(default_factory=list)
    empty: int = 0
    problems: list[str] = field(default_factory=list)


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: how headers and words are compared (the app's
    one folding, ``domain/text.py``: "Straße" is "strasse"), punctuation set aside."""
    return re.sub(r"[\s_:?.*()\[\]]+", " ", text_fold(text)).strip()


def match_columns(headers: list[str]) -> dict[str, int]:
    """Each field's column index (the first header that names it)."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        folded = f" {fold(header)} "
        if folded.strip() in ("id", "name", "nom", "last modified time",
                              "heure de la derniere modification"):
            continue
        for name, words in _FIELDS:
            if name in found:
                continue
            if any(_has_word(folded, word) for word in words):
                found[name] = index
                break
    return found


def _has_word(folded: str, word: str) -> bool:
    return re.search(r"(?<![a-z])" + re.escape(word.strip()) + r"(?![a-z])", folded) is not None


def read_answers(path: Path) -> FormAnswers:
    """The answers in the export at ``path``; refuses a file it cannot read with one sentence."""
    from advocate_app.interchange.reading import open_input
    from advocate_app.interchange.tables import read_csv

    path = Path(path)
    with open_input(path, MAX_BYTES) as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        table = _read_xlsx(path)  # Microsoft Forms' "Open in Excel" download
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFileError(_("This is an old Excel file: save the answers as CSV or "
                                    "XLSX first; nothing was imported."))
    else:
        table = read_csv(path)
    if len(table.headers) > MAX_COLUMNS:
        raise UnreadableFileError(_("The file has more than {count} columns: it is not a "
                                    "form's answers; nothing was imported.").format(
                                        count=MAX_COLUMNS))
    if len(table.rows) > MAX_ROWS:
        raise UnreadableFileError(_("The file has more than {count} rows; nothing was "
                                    "imported.").format(count=MAX_ROWS))
    for number, record in zip(table.row_numbers, table.rows, strict=True):
        if any(len(cell) > TEXT_LIMIT for cell in record):
            raise UnreadableFileError(_("A cell on row {row} is longer than {limit} characters; "
                                        "nothing was imported.").format(row=number,
                                                                       limit=TEXT_LIMIT))
    columns = match_columns(table.headers)
    if not ({"rating", "worked", "change", "comments"} & set(columns)):
        raise UnreadableFileError(_("No column of this file holds feedback (a rating, what "
                                    "worked, what to change or comments); nothing was "
                                    "imported."))
    answers = FormAnswers(_form_of(table.headers), {k: table.headers[i]
                                                    for k, i in columns.items()})
    day_first = _day_first(answers.form, table.headers,
                           [r[columns["timestamp"]] for r in table.rows
                            if "timestamp" in columns and columns["timestamp"] < len(r)])
    for number, record in zip(table.row_numbers, table.rows, strict=True):
        _read_row(answers, columns, number, record, day_first)
    return answers


def _read_xlsx(path: Path):
    """The first sheet as a table, refused as soon as it holds more rows than a form's answers
    could (a small file can unpack into millions of rows)."""
    from advocate_app.interchange.spreadsheet import SheetLimits, read_sheet
    from advocate_app.interchange.tables import Table

    limits = SheetLimits(rows=MAX_ROWS + 1, columns=MAX_COLUMNS, unpacked=20 * MAX_BYTES,
                         file_bytes=MAX_BYTES)
    sheet = read_sheet(path, limits, _xlsx_text)
    for at, cells in enumerate(sheet.rows):
        if any(c.strip() for c in cells):
            headers = [c.strip() for c in cells]
            while headers and not headers[-1]:
                headers.pop()
            return Table(headers, sheet.rows[at + 1:], sheet.numbers[at + 1:], "xlsx")
    raise UnreadableFileError(_("The spreadsheet is empty; nothing was imported."))


def _xlsx_text(value: object) -> str:
    from datetime import datetime

    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell(record: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return record[index].strip() if index is not None and index < len(record) else ""


def _read_row(answers: FormAnswers, columns: dict[str, int], number: int, record: list[str],
              day_first: bool) -> None:
    texts = {name: _cell(record, columns, name) for name in
             ("worked", "change", "comments", "rating", "may_contact")}
    if not any(texts.values()):
        answers.empty += 1
        return
    rating = parse_rating(texts["rating"])
    if rating is None:
        answers.problems.append(_("Row {row}: “{value}” is not a rating from 1 to 5; the row "
                                  "was left out.").format(row=number,
                                                          value=texts["rating"][:40]))
        return
    stamp = _cell(record, columns, "timestamp")
    received = parse_day(stamp, day_first) if stamp else None
    if stamp and received is None:
        answers.problems.append(_("Row {row}: “{value}” is not a date; the row was left "
                                  "out.").format(row=number, value=stamp[:40]))
        return
    if received is not None and received > date.today():
        answers.problems.append(_("Row {row}: the date {value} is in the future; the row was "
                                  "left out.").format(row=number, value=stamp[:40]))
        return
    email = _cell(record, columns, "email")
    answers.rows.append(FormRow(
        number, received, email if "@" in email else "", rating, texts["worked"],
        texts["change"], texts["comments"], parse_yes(texts["may_contact"]),
        "\x1f".join([stamp, email.lower(), *[texts[k] for k in sorted(texts)]])))


def parse_rating(text: str) -> int | None:
    """1..5 from "4", "4.0", "4/5", "4 - Very good", "★★★★" or a word; 0 for an empty cell;
    None when it cannot be read as a rating from 1 to 5."""
    text = text.strip()
    if not text:
        return 0
    if set(text) <= {"★", "☆", " "}:
        stars = text.count("★")
        return stars if 1 <= stars <= 5 else None
    number = re.match(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:(?:/|out of|sur)\s*5)?(?![\d/])", text)
    if number:
        value = float(number.group(1).replace(",", "."))
        return int(value) if value.is_integer() and 1 <= value <= 5 else None
    folded = fold(text)
    return _RATING_WORDS.get(folded)


def parse_yes(text: str) -> bool:
    folded = fold(text)
    if not folded or folded in _NO or folded.startswith(("no ", "non ", "no,", "non,")):
        return False
    return folded in _YES or folded.split(" ")[0].rstrip(",") in _YES


_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_SLASHED = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")


def parse_day(text: str, day_first: bool) -> date | None:
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _SLASHED.match(text):
            first, second, year = int(m[1]), int(m[2]), int(m[3])
            year += 2000 if year < 100 else 0
            day, month = (first, second) if day_first else (second, first)
            return date(year, month, day)
    except ValueError:
        return None
    return None


def _day_first(form: str, headers: list[str], stamps: list[str]) -> bool:
    """Whether 03/04/2026 is the 3rd of April in this file: decided by a date that can only be
    read one way; else French headers mean day first and the English exports of Google and
    Microsoft (American by default) month first; any other file day first."""
    for stamp in stamps:
        if m := _SLASHED.match(stamp):
            if int(m[1]) > 12:
                return True
            if int(m[2]) > 12:
                return False
    french = any(fold(h) in ("horodateur", "heure de debut", "heure de fin") for h in headers)
    return french or form == "generic"


def _form_of(headers: list[str]) -> str:
    folded = [fold(h) for h in headers]
    if folded and folded[0] in ("timestamp", "horodateur"):
        return "google"
    if "id" in folded and ({"start time", "completion time"} & set(folded)
                           or {"heure de debut", "heure de fin"} & set(folded)):
        return "microsoft"
    return "generic"
