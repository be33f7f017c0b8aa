"""The editor's Health tab: date of birth and conditions (special-category data)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.member_views import ConditionInput, MemberDetails
from advocate_app.i18n import _
from advocate_app.ui.dialogs.member_tabs import EditorForm
from advocate_app.ui.widgets.dates import prepare_date_edit
from advocate_app.ui.widgets.tables import readable_columns


class HealthTab(QWidget):
    """Special-category data: kept out of exports and other people's views unless needed."""

    def __init__(self, editor: EditorForm):
        super().__init__()
        layout = QVBoxLayout(self)
        notice = QLabel(_("Health details are sensitive. They are left out of exports unless "
                          "someone asks for them on purpose."))
        notice.setWordWrap(True)
        layout.addWidget(notice)
        form = QFormLayout()
        self.known_birth = QCheckBox(_("Date of birth &known"))
        self.birth = QDateEdit()
        self.birth.setCalendarPopup(True)
        prepare_date_edit(self.birth)
        self.birth.setDate(QDate(1980, 1, 1))
        self.birth.setEnabled(False)
        self.known_birth.toggled.connect(self.birth.setEnabled)
        form.addRow(self.known_birth)
        editor._add_row(form, "date_of_birth", _("Date of &birth:"), self.birth)
        layout.addLayout(form)
        self.conditions = QTableWidget(0, 4)
        self.conditions.setHorizontalHeaderLabels([
            _("Condition"), _("ORPHAcode"), _("Diagnosis confirmed"), _("Genetic test done")])
        readable_columns(self.conditions, 0)
        self.conditions.verticalHeader().setVisible(False)
        self.conditions.setAccessibleName(_("Conditions"))
        conditions_label = QLabel(_("&Conditions:"))
        conditions_label.setBuddy(self.conditions)
        editor.fields["conditions"] = self.conditions
        editor.errors["conditions"] = QLabel()
        editor.errors["conditions"].setWordWrap(True)
        editor.errors["conditions"].setVisible(False)
        editor._labels["conditions"] = _("Conditions")
        add = QPushButton(_("Add a &condition"))
        remove = QPushButton(_("Remo&ve the selected condition"))
        add.clicked.connect(lambda: self._add(ConditionInput("")))
        remove.clicked.connect(lambda: self.conditions.removeRow(self.conditions.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(conditions_label)
        layout.addWidget(self.conditions, 1)
        layout.addWidget(editor.errors["conditions"])
        layout.addLayout(buttons)

    def _add(self, condition: ConditionInput) -> None:
        row = self.conditions.rowCount()
        self.conditions.insertRow(row)
        self.conditions.setItem(row, 0, QTableWidgetItem(condition.name))
        self.conditions.setItem(row, 1, QTableWidgetItem(condition.orpha_code))
        for column, value in ((2, condition.diagnosis_confirmed),
                              (3, condition.genetic_test_done)):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            self.conditions.setItem(row, column, item)
        self.conditions.setCurrentCell(row, 0)

    def load(self, member: MemberDetails) -> None:
        if member.date_of_birth is not None:
            self.known_birth.setChecked(True)
            born = member.date_of_birth
            self.birth.setDate(QDate(born.year, born.month, born.day))
        for condition in member.conditions:
            self._add(condition)

    def _text(self, row: int, column: int) -> str:
        item = self.conditions.item(row, column)
        return item.text() if item else ""

    def _checked(self, row: int, column: int) -> bool:
        item = self.conditions.item(row, column)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def values(self) -> dict:
        conditions = []
        for row in range(self.conditions.rowCount()):
            name, code = self._text(row, 0), self._text(row, 1)
            if name.strip() or code.strip():
                conditions.append(ConditionInput(name, code, self._checked(row, 2),
                                                 self._checked(row, 3)))
        return {
            "date_of_birth": self.birth.date().toPython() if self.known_birth.isChecked()
            else None,
            "conditions": tuple(conditions),
        }
