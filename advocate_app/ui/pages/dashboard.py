"""The first page: the community at a glance, from real data only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.member_views import MemberQuery
from advocate_app.domain.people import Role
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_number
from advocate_app.ui.widgets.heading import Heading


class DashboardPage(QWidget):
    open_members = Signal()

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.heading = Heading(_("Dashboard"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.roles_box = QGroupBox(_("Members by role"))
        self.roles_box.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.roles_form = QFormLayout(self.roles_box)
        self.role_values: dict[Role, QLabel] = {}
        for role in Role:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            value.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            caption = QLabel(role.label)
            caption.setBuddy(value)
            self.roles_form.addRow(caption, value)
            self.role_values[role] = value

        self.go_members = QPushButton(_("Open &Members"))
        self.go_members.setAccessibleName(_("Open Members"))
        self.go_members.clicked.connect(self.open_members)

        self.coming = QLabel(_(
            "Webinars and story-sharing sessions will add their reminders here as those areas "
            "arrive."))
        self.coming.setWordWrap(True)

        self.reminders_box = QGroupBox(_("Reminders"))
        reminders_layout = QVBoxLayout(self.reminders_box)
        self.reminders = QLabel()
        self.reminders.setWordWrap(True)
        self.reminders.setTextFormat(Qt.TextFormat.PlainText)
        self.reminders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.reminders.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        reminders_layout.addWidget(self.reminders)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.go_members, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.roles_box)
        layout.addWidget(self.reminders_box)
        layout.addWidget(self.coming)
        layout.addStretch(1)

    def refresh(self) -> None:
        members = self._services.members
        total = members.count(MemberQuery())
        if total:
            text = ngettext("{n} member in the community.", "{n} members in the community.",
                            total).format(n=format_number(total))
        else:
            text = _("No members yet. Start in Members: add people one by one, or fill a sample "
                     "community with “advocate-app demo” to try things out.")
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        counts = members.role_counts()
        for role, label in self.role_values.items():
            label.setText(format_number(counts.get(role, 0)))
            label.setAccessibleName(f"{role.label}: {label.text()}")
        self.roles_box.setVisible(total > 0)
        self._show_reminders()

    #: How many overdue items of each kind are named; the rest are counted.
    REMINDERS_SHOWN = 3

    def _show_reminders(self) -> None:
        from advocate_app.ui.pages.boards import meeting_when

        actions, promises = self._services.actions.reminders()
        lines = []
        if actions:
            lines.append(ngettext("{n} action item is overdue:", "{n} action items are overdue:",
                                  len(actions)).format(n=len(actions)))
            lines += ["• " + _("{what} — {owner}, due {due}").format(
                what=a.text, owner=a.owner or _("no owner"), due=format_date(a.due_on))
                for a in actions[:self.REMINDERS_SHOWN]]
        if promises:
            lines.append(ngettext("{n} promise to the community is overdue:",
                                  "{n} promises to the community are overdue:",
                                  len(promises)).format(n=len(promises)))
            lines += ["• " + _("{what} — {owner}, due {due}").format(
                what=p.text, owner=p.owner or _("no owner"), due=format_date(p.due_on))
                for p in promises[:self.REMINDERS_SHOWN]]
        more = max(0, len(actions) - self.REMINDERS_SHOWN) + max(
            0, len(promises) - self.REMINDERS_SHOWN)
        if more:
            lines.append(ngettext("…and {n} more in Boards & meetings.",
                                  "…and {n} more in Boards & meetings.", more).format(n=more))
        text = "\n".join(lines) if lines else _(
            "Nothing overdue: every action item and promise is on time.")
        first = self._services.meetings.next_meeting()
        if first is not None:
            text += "\n\n" + _("Next meeting: {board}, “{title}”, {when}.").format(
                board=first.board_name, title=first.title,
                when=meeting_when(first.starts_at, first.timezone))
        self.reminders.setText(text)
        self.reminders.setAccessibleName(_("Reminders: {text}").format(text=text))

    def focus_first(self) -> None:
        self.go_members.setFocus(Qt.FocusReason.OtherFocusReason)
