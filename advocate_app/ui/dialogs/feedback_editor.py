"""The small dialogs of the feedback panel: one answer (typed in or copied from a paper form),
the paper form's language and print profile, and a comment made a promise."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.feedback_views import (
    RATING_MAX,
    RATING_WORDS,
    FeedbackInput,
    FeedbackSource,
    FeedbackView,
)
from advocate_app.domain.print_profiles import ProfileKey
from advocate_app.i18n import _
from advocate_app.ui.widgets.dates import date_edit


def _text_box(name: str, text: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * 3 + 12)
    return box


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FeedbackDialog(QDialog):
    """One answer: the rating as five large choices with words, what worked, what to change,
    comments, whether the person may be contacted, who they are (optional) and when it came."""

    def __init__(self, services, parent: QWidget | None = None,
                 answer: FeedbackView | None = None):
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(_("Edit feedback") if answer else _("Add feedback"))
        self.rating_box = QGroupBox(_("Rating"))
        rating_layout = QVBoxLayout(self.rating_box)
        self.rating_group = QButtonGroup(self)
        self.rating_buttons: dict[int, QRadioButton] = {}
        for value in range(RATING_MAX, -1, -1):
            text = (_("{number} – {words}").format(number=value, words=_(RATING_WORDS[value]))
                    if value else _("No rating given"))
            radio = QRadioButton(text)
            radio.setMinimumHeight(max(32, radio.sizeHint().height()))
            radio.setStyleSheet("QRadioButton::indicator { width: 22px; height: 22px; }")
            self.rating_group.addButton(radio, value)
            self.rating_buttons[value] = radio
            rating_layout.addWidget(radio)
        self.worked = _text_box(_("What worked"), answer.worked if answer else "")
        self.change = _text_box(_("What to change"), answer.change if answer else "")
        self.comments = _text_box(_("Comments"), answer.comments if answer else "")
        self.may_contact = QCheckBox(_("We may &contact this person about their answers"))
        self.member_label = QLabel()
        self.member_label.setAccessibleName(_("Who gave this feedback"))
        self.member_button = QPushButton(_("Choose &member…"))
        self.member_button.clicked.connect(self._choose_member)
        self.clear_member = QPushButton(_("A&nonymous"))
        self.clear_member.setAccessibleName(_("Make this answer anonymous"))
        self.clear_member.clicked.connect(lambda: self._set_member(None, ""))
        member_row = QHBoxLayout()
        member_row.addWidget(self.member_label, 1)
        member_row.addWidget(self.member_button)
        member_row.addWidget(self.clear_member)
        self.received = date_edit(answer.received_on if answer else date.today())
        self.received.setMaximumDate(QDate.currentDate())
        self.received.setAccessibleName(_("Received on"))
        self.source = QComboBox()
        self.source.setAccessibleName(_("How it arrived"))
        for source in (FeedbackSource.TYPED, FeedbackSource.PAPER, FeedbackSource.IMPORTED):
            self.source.addItem(source.label, source.value)
        form = QFormLayout()
        form.addRow(_("What &worked:"), self.worked)
        form.addRow(_("What to c&hange:"), self.change)
        form.addRow(_("C&omments:"), self.comments)
        form.addRow("", self.may_contact)
        form.addRow(_("From:"), member_row)
        form.addRow(_("&Received on:"), self.received)
        form.addRow(_("Arrived &as:"), self.source)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rating_box)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, _("&Save")))
        self.member_id: int | None = None
        if answer is not None:
            self.rating_buttons[answer.rating].setChecked(True)
            self.may_contact.setChecked(answer.may_contact)
            self._set_member(answer.member_id, answer.member_name)
            self.source.setCurrentIndex(max(0, self.source.findData(answer.source.value)))
        else:
            self.rating_buttons[0].setChecked(True)
            self._set_member(None, "")
            self.source.setCurrentIndex(self.source.findData(FeedbackSource.TYPED.value))

    def _set_member(self, member_id: int | None, name: str) -> None:
        self.member_id = member_id
        self.member_label.setText(name if member_id is not None else _("Anonymous"))
        self.clear_member.setEnabled(member_id is not None)

    def _choose_member(self) -> None:
        from advocate_app.ui.dialogs.board_editor import pick_member

        chosen = pick_member(self._services, self, _("Who gave this feedback?"))
        if chosen is not None:
            self._set_member(*chosen)

    def value(self) -> FeedbackInput:
        return FeedbackInput(
            rating=max(0, self.rating_group.checkedId()),
            worked=self.worked.toPlainText(), change=self.change.toPlainText(),
            comments=self.comments.toPlainText(), may_contact=self.may_contact.isChecked(),
            member_id=self.member_id, received_on=self.received.date().toPython(),
            source=str(self.source.currentData()))

    def show_errors(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)


class PaperFormDialog(QDialog):
    """The paper form's language and print profile."""

    def __init__(self, parent: QWidget | None = None):
        from advocate_app.i18n import current_language
        from advocate_app.i18n.catalogs import available_languages
        from advocate_app.i18n.formatting import language_name

        super().__init__(parent)
        self.setWindowTitle(_("Paper feedback form"))
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of the form"))
        for code in sorted(available_languages()):
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(
            (current_language() or "en").split("-")[0])))
        self.profile = QComboBox()
        self.profile.setAccessibleName(_("Print profile"))
        for key in ProfileKey:
            self.profile.addItem(key.label, key.value)
        note = QLabel(_("The form is a tagged PDF with large tick boxes, to print and fill in "
                        "by hand."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(_("&Language:"), self.language)
        form.addRow(_("&Print profile:"), self.profile)
        form.addRow(_buttons(self, _("&Write…")))

    def value(self) -> tuple[str, ProfileKey]:
        return str(self.language.currentData()), ProfileKey(self.profile.currentData())


class PromiseDialog(QDialog):
    """A comment made a promise: what the person said, what we promise, who keeps it, by when."""

    def __init__(self, you_said: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Make a promise"))
        said = QLabel(you_said)
        said.setWordWrap(True)
        said.setAccessibleName(_("You said: {words}").format(words=you_said))
        self.text = _text_box(_("We promise"))
        self.owner = QLineEdit()
        self.owner.setAccessibleName(_("Who keeps the promise (a role)"))
        self.owner.setPlaceholderText(_("e.g. Secretary, Events team"))
        self.has_due = QCheckBox(_("&Due by:"))
        self.due = date_edit(date.today())
        self.due.setAccessibleName(_("Due by"))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form = QFormLayout(self)
        form.addRow(_("You said:"), said)
        form.addRow(_("We &promise:"), self.text)
        form.addRow(_("&Kept by:"), self.owner)
        form.addRow("", due_row)
        form.addRow(_buttons(self, _("&Make promise")))

    def value(self) -> tuple[str, str, date | None]:
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        return self.text.toPlainText(), self.owner.text(), due
