"""The editor's Timeline tab: what happened with the member, and related members."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.member_views import MemberDetails
from advocate_app.i18n import _
from advocate_app.i18n.formatting import format_date
from advocate_app.services.errors import ValidationError
from advocate_app.ui.dialogs.member_tabs import explain_until_saved
from advocate_app.ui.models.rows import Row, rows_model
from advocate_app.ui.widgets.dates import prepare_date_edit
from advocate_app.ui.widgets.tables import fill, read_only_table


class TimelineTab(QWidget):
    """What the member took part in, notes of calls and emails, and related members."""

    def __init__(self, services, member: MemberDetails | None):
        super().__init__()
        self._services = services
        self._member = member
        #: Entries saved while the editor was open, in words, for the editor to mention.
        self.saved_now: list[str] = []
        layout = QVBoxLayout(self)
        if member is None:
            explain_until_saved(layout, _("Save the new member first; then add to their timeline here."))
            return
        from advocate_app.domain.community import EngagementKind, RelationshipKind

        self.entries = read_only_table([_("Date"), _("What"), _("Summary"), _("Recorded by")],
                                       _("Timeline, newest first"), main=2)
        add_row = QHBoxLayout()
        self.kind = QComboBox()
        for kind in EngagementKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setAccessibleName(_("Kind of entry"))
        self.when = QDateEdit(QDate.currentDate())
        self.when.setCalendarPopup(True)
        prepare_date_edit(self.when)
        self.when.setAccessibleName(_("Date of the entry"))
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(_("What happened, in a few words"))
        self.summary.setAccessibleName(_("Summary of the entry"))
        self.add_button = QPushButton(_("Add to the ti&meline"))
        self.add_button.clicked.connect(self.add_entry)
        for widget in (self.kind, self.when):
            add_row.addWidget(widget)
        add_row.addWidget(self.summary, 1)
        add_row.addWidget(self.add_button)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.relations = read_only_table([_("Related members")], _("Related members"))
        relate_row = QHBoxLayout()
        self.relation_kind = QComboBox()
        for kind in RelationshipKind:
            self.relation_kind.addItem(kind.label, kind.value)
        self.relation_kind.setAccessibleName(_("This member is"))
        self.find_other = QLineEdit()
        self.find_other.setPlaceholderText(_("Find the other member by name"))
        self.find_other.setAccessibleName(_("Find the other member"))
        self.other = QComboBox()
        self.other.setAccessibleName(_("Other member"))
        self.find_other.textChanged.connect(self._find)
        self.relate_button = QPushButton(_("Rel&ate"))
        self.relate_button.clicked.connect(self.relate)
        self.unrelate_button = QPushButton(_("Remove the selected &link"))
        self.unrelate_button.clicked.connect(self.unrelate)
        for widget in (self.relation_kind, self.find_other, self.other, self.relate_button,
                       self.unrelate_button):
            relate_row.addWidget(widget, 1 if widget is self.other else 0)
        timeline_label = QLabel(_("Timeline (newest first)"))
        timeline_label.setBuddy(self.entries)
        layout.addWidget(timeline_label)
        layout.addWidget(self.entries, 2)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        relations_label = QLabel(_("Related members"))
        relations_label.setBuddy(self.relations)
        layout.addWidget(relations_label)
        layout.addWidget(self.relations, 1)
        layout.addLayout(relate_row)
        self._relationships = []
        self.refresh()

    def refresh(self) -> None:
        fill(self.entries, (Row(e.id, (format_date(e.occurred_on), e.kind.label, e.summary,
                                      e.recorded_by)) for e in self._services.timeline.timeline(
                                 self._member.id)))
        self._relationships = self._services.timeline.relationships(self._member.id)
        fill(self.relations, (Row(r.id, (r.label,)) for r in self._relationships))

    def add_entry(self) -> None:
        from advocate_app.domain.community import EngagementKind
        from advocate_app.services.timeline import EngagementEntry

        entry = EngagementEntry(EngagementKind(self.kind.currentData()),
                                self.when.date().toPython(), self.summary.text())
        try:
            self._services.timeline.add(self._member.id, entry)
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        self.saved_now.append(_("{what} of {date}").format(what=entry.kind.label,
                                                           date=format_date(entry.occurred_on)))
        self.message.setText(_("Added to the timeline and saved now. Cancel does not take it "
                               "back."))
        self.summary.clear()
        self.refresh()

    def _find(self, text: str) -> None:
        self.other.clear()
        if len(text.strip()) < 2:
            return
        for row in self._services.members.search(text, 20):
            if row.id != self._member.id:
                self.other.addItem(_("{name} (member {id})").format(name=row.display_name,
                                                                   id=row.id), row.id)

    def relate(self) -> None:
        from advocate_app.domain.community import RelationshipKind

        other = self.other.currentData()
        if other is None:
            self.message.setText(_("Find the other member first."))
            return
        try:
            self._services.timeline.relate(self._member.id,
                                           RelationshipKind(self.relation_kind.currentData()),
                                           other)
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        self.message.setText("")
        self.refresh()

    def unrelate(self) -> None:
        relationship = rows_model(self.relations).row_id(self.relations.currentIndex())
        if relationship is not None:
            self._services.timeline.unrelate(relationship)
            self.refresh()
