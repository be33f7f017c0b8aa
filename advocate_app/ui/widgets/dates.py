"""Date fields that read like every other date in the app (see ``i18n.formatting``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QWidget

from advocate_app.i18n import current_language
from advocate_app.i18n.formatting import date_edit_format


def date_edit(value: date | QDate | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar, showing "3 Dec 2026" / "3 déc. 2026"."""
    edit = QDateEdit(parent)
    prepare_date_edit(edit)
    if isinstance(value, date):
        value = QDate(value.year, value.month, value.day)
    edit.setDate(value if value is not None else QDate.currentDate())
    return edit


def prepare_date_edit(edit: QDateEdit) -> QDateEdit:
    """Give an existing date field the app's date format, month names in the UI language."""
    edit.setLocale(QLocale(current_language()))
    edit.setDisplayFormat(date_edit_format())
    edit.setCalendarPopup(True)
    return edit
