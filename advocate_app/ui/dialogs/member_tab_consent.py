"""The editor's Consent tab: the answer for each purpose, its evidence and its history."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.community import (
    ConsentMethod,
    ConsentPurpose,
    ConsentStatus,
)
from advocate_app.domain.member_views import MemberDetails
from advocate_app.i18n import _, mid_sentence, pgettext
from advocate_app.i18n.formatting import format_date
from advocate_app.services.errors import ValidationError
from advocate_app.ui.widgets.dates import prepare_date_edit
from advocate_app.ui.widgets.tables import fill, read_only_table


class ConsentTab(QWidget):
    """Consent at a glance, its history, and recording a new answer.

    For a member already saved, an answer is saved at once (and the editor says so: Cancel
    does not take it back). For a new member, answers wait in the tab and are saved with the
    member; Cancel drops them.
    """

    def __init__(self, services, member: MemberDetails | None):
        super().__init__()
        self._services = services
        self._member = member
        #: Answers for a new member, newest first, saved with the member.
        self.pending: list = []
        #: Answers saved while the editor was open, in words, for the editor to mention.
        self.saved_now: list[str] = []
        #: Where each purpose stood when last read: a new answer is recorded on top of it.
        self._states: dict = {}
        layout = QVBoxLayout(self)
        self.glance = QLabel()
        self.glance.setWordWrap(True)
        self.glance.setTextFormat(Qt.TextFormat.PlainText)
        self.glance.setAccessibleName(_("Consent now"))
        layout.addWidget(self.glance)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.purpose = QComboBox()
        for item in ConsentPurpose:
            self.purpose.addItem(item.label, item.value)
        self.status = QComboBox()
        for item in (ConsentStatus.GRANTED, ConsentStatus.WITHDRAWN):
            self.status.addItem(item.label, item.value)
        self.method = QComboBox()
        for item in ConsentMethod:
            self.method.addItem(item.label, item.value)
        self.given_on = QDateEdit(QDate.currentDate())
        self.given_on.setCalendarPopup(True)
        prepare_date_edit(self.given_on)
        self.has_expiry = QCheckBox(_("Review or e&xpiry date"))
        self.expires_on = QDateEdit(QDate.currentDate().addYears(2))
        self.expires_on.setCalendarPopup(True)
        prepare_date_edit(self.expires_on)
        self.expires_on.setEnabled(False)
        self.has_expiry.toggled.connect(self.expires_on.setEnabled)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(_("For example: form filed in the 2025 folder"))
        for text, widget in ((_("&Purpose:"), self.purpose), (_("&Answer:"), self.status),
                             (_("&How:"), self.method), (_("&Date:"), self.given_on),
                             (_("E&vidence:"), self.evidence)):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":").strip())
            form.addRow(label, widget)
        self.expires_on.setAccessibleName(_("Review or expiry date"))
        form.addRow(self.has_expiry, self.expires_on)
        self.record_button = QPushButton(_("&Record this answer"))
        self.record_button.clicked.connect(self.record)
        form.addRow(self.record_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.message)
        layout.addLayout(form)
        self.history = read_only_table([_("Purpose"), _("Answer"), _("Date"), _("How"),
                                        pgettext("consent", "Evidence"), _("Recorded by")],
                                       _("Consent history"),
                                       main=4)
        layout.addWidget(QLabel(_("History (newest first)")))
        layout.addWidget(self.history, 1)
        if member is None:
            self.message.setText(_("Answers recorded here are saved with the new member."))
        self.refresh()

    @staticmethod
    def describe(entry) -> str:
        """An answer in a few words: "Newsletter: granted"."""
        return _("{purpose}: {answer}").format(purpose=entry.purpose.label,
                                              answer=mid_sentence(entry.status.label))

    def refresh(self) -> None:
        consent = self._services.consent
        records = consent.history(self._member.id) if self._member is not None else []
        states = consent.current(self._member.id) if self._member is not None else {}
        self._states = states
        waiting = {}
        for entry in reversed(self.pending):  # oldest first: the newest answer decides
            waiting[entry.purpose] = entry
        lines = []
        for purpose in ConsentPurpose:
            state = states.get(purpose)
            if purpose in waiting:
                answer = _("{answer} from {date}, saved with the member").format(
                    answer=mid_sentence(waiting[purpose].status.label),
                    date=format_date(waiting[purpose].effective_on))
            elif state is None or state.status is None:
                answer = _("not asked")
            else:
                answer = _("{answer} since {date}").format(answer=mid_sentence(state.status.label),
                                                          date=format_date(state.since))
            lines.append(_("{purpose}: {answer}").format(purpose=purpose.label, answer=answer))
        self.glance.setText("\n".join(lines))
        rows = [(entry.purpose.label, entry.status.label, format_date(entry.effective_on),
                 entry.method.label, entry.evidence, _("Not saved yet"))
                for entry in self.pending]
        rows += [(record.purpose.label, record.status.label, format_date(record.effective_on),
                  record.method.label, record.evidence, record.recorded_by)
                 for record in records]
        fill(self.history, rows)

    def _entry(self):
        from advocate_app.services.consent import ConsentEntry

        return ConsentEntry(
            ConsentPurpose(self.purpose.currentData()), ConsentStatus(self.status.currentData()),
            ConsentMethod(self.method.currentData()), self.given_on.date().toPython(),
            self.expires_on.date().toPython() if self.has_expiry.isChecked() else None,
            self.evidence.text().strip())

    def record(self) -> None:
        from advocate_app.services.errors import ServiceError

        entry = self._entry()
        try:
            if self._member is None:
                self._services.consent.check(entry)
            elif not self._record_over(entry):
                self.message.setText(_("Their answer is kept; yours was not recorded."))
                self.refresh()
                return
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        if self._member is None:
            self.pending.insert(0, entry)
            self.message.setText(_("Kept: it is saved with the new member when you save."))
        else:
            self.saved_now.append(self.describe(entry))
            self.message.setText(_("Recorded and saved now. Cancel does not take it back."))
        self.evidence.clear()
        self.refresh()

    def _record_over(self, entry) -> bool:
        """Record ``entry`` on top of the answer shown; when a colleague recorded another
        answer for the purpose meanwhile: at once if theirs says the same, else both side by
        side and the person's choice. False when theirs is kept."""
        from advocate_app.domain.edit_conflicts import Choice, FieldDifference, as_text
        from advocate_app.services.errors import ConcurrentEditError

        consent = self._services.consent
        state = self._states.get(entry.purpose)
        try:
            consent.record(self._member.id, entry, state.latest if state else None)
            return True
        except ConcurrentEditError as exc:
            theirs = exc.theirs
            if theirs is None or theirs.status is not entry.status:
                from advocate_app.ui.dialogs.edit_conflict import choose_version

                def words(answer) -> str:
                    return "\n".join(filter(None, [
                        answer.status.label, as_text(answer.effective_on),
                        answer.method.label, answer.evidence]))

                found = [FieldDifference(entry.purpose.label, words(entry),
                                         words(theirs) if theirs else _("not asked"))]
                if choose_version(self, _("Record consent"), str(exc), found
                                  ) is not Choice.MINE:
                    return False
            consent.record(self._member.id, entry, exc.version)
            return True

    def save_pending(self, member_id: int) -> None:
        """Save the answers kept for a new member, oldest first (raises ServiceError)."""
        while self.pending:
            self._services.consent.record(member_id, self.pending[-1])
            self.pending.pop()
