"""The first page: the community at a glance, from real data only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advocate_app.domain.access import Permission
from advocate_app.domain.member_views import MemberQuery
from advocate_app.domain.people import Role
from advocate_app.i18n import _, ngettext
from advocate_app.i18n.formatting import format_date, format_number, format_relative
from advocate_app.services.errors import ServiceError
from advocate_app.ui.widgets.heading import Heading

#: The sections the box links to, by key, named as the navigation names them.
_SECTION_NAMES = {"webinars": lambda: _("Webinars"), "stories": lambda: _("Stories")}


def _due(day) -> str:
    """When something was due, and how long ago: "31 Jan 2026 (10 months ago)"."""
    return _("{date} ({ago})").format(date=format_date(day), ago=format_relative(day))


class DashboardPage(QWidget):
    open_members = Signal()
    #: A link to a section was followed: its key ("webinars", "stories").
    open_section = Signal(str)

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

        self.events_box = QGroupBox(_("Webinars and story-sharing"))
        self.events_layout = QVBoxLayout(self.events_box)
        self.events_links: list[QWidget] = []
        self.events_state = QLabel()
        self.events_state.setWordWrap(True)
        self.events_state.setTextFormat(Qt.TextFormat.PlainText)
        self.events_layout.addWidget(self.events_state)

        self.reminders_box = QGroupBox(_("Reminders"))
        reminders_layout = QVBoxLayout(self.reminders_box)
        self.reminders = QLabel()
        self.reminders.setWordWrap(True)
        self.reminders.setTextFormat(Qt.TextFormat.PlainText)
        self.reminders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.reminders.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        reminders_layout.addWidget(self.reminders)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.go_members, 0, Qt.AlignmentFlag.AlignLeft)
        # Side by side, so the page fits a laptop's screen with large text; what does not
        # fit scrolls (the box of webinars and sessions grows with what is coming).
        boxes = QHBoxLayout()
        boxes.addWidget(self.roles_box, 0, Qt.AlignmentFlag.AlignTop)
        boxes.addWidget(self.reminders_box, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(boxes)
        layout.addWidget(self.events_box)
        layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

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
        self._read_events()

    #: How many overdue items of each kind are named; the rest are counted.
    REMINDERS_SHOWN = 3

    def _show_reminders(self) -> None:
        from advocate_app.ui.pages.boards import meeting_when

        # Action items and promises are the boards' business: shown to those who run them.
        allowed = self._services.actor.may(Permission.RUN_MEETINGS)
        self.reminders_box.setVisible(allowed)
        if not allowed:
            return
        actions, promises = self._services.actions.reminders()
        lines = []
        if actions:
            lines.append(ngettext("{n} action item is overdue:", "{n} action items are overdue:",
                                  len(actions)).format(n=format_number(len(actions))))
            lines += ["• " + _("{what} — {owner}, due {due}").format(
                what=a.text, owner=a.owner or _("no owner"), due=_due(a.due_on))
                for a in actions[:self.REMINDERS_SHOWN]]
        if promises:
            lines.append(ngettext("{n} promise to the community is overdue:",
                                  "{n} promises to the community are overdue:",
                                  len(promises)).format(n=format_number(len(promises))))
            lines += ["• " + _("{what} — {owner}, due {due}").format(
                what=p.text, owner=p.owner or _("no owner"), due=_due(p.due_on))
                for p in promises[:self.REMINDERS_SHOWN]]
        more = max(0, len(actions) - self.REMINDERS_SHOWN) + max(
            0, len(promises) - self.REMINDERS_SHOWN)
        if more:
            lines.append(ngettext("…and {n} more in Boards & meetings.",
                                  "…and {n} more in Boards & meetings.", more).format(
                n=format_number(more)))
        text = "\n".join(lines) if lines else _(
            "Nothing overdue: every action item and promise is on time.")
        first = self._services.meetings.next_meeting()
        if first is not None:
            text += "\n\n" + _("Next meeting: {board}, “{title}”, {when}.").format(
                board=first.board_name, title=first.title,
                when=meeting_when(first.starts_at, first.timezone))
        self.reminders.setText(text)
        self.reminders.setAccessibleName(_("Reminders: {text}").format(text=text))

    # --- webinars and story-sharing (plain rows: see services/dashboard.py) ----------------

    def _read_events(self) -> None:
        actor = self._services.actor  # only what the account's sections show
        shown = actor.may(Permission.RUN_EVENTS) or actor.may(Permission.STORIES)
        self.events_box.setVisible(shown)
        if not shown:
            return
        try:
            agenda = self._services.dashboard.events()
        except ServiceError as exc:
            self._set_line(self.events_state, _(
                "The next webinars and sessions could not be read: {reason}").format(
                reason=str(exc)))
            return
        self.show_events(agenda)

    def show_events(self, agenda) -> None:
        """The next webinars and sessions and what is waiting, each line a link to its
        section."""
        from advocate_app.services.dashboard import SHOWN
        from advocate_app.ui.pages.boards import meeting_when

        for label in self.events_links:
            self.events_layout.removeWidget(label)
            label.deleteLater()
        self.events_links = []
        lines: list[tuple[str, str, str]] = []  # (section, text, text shown: titles cut)
        for webinar in agenda.webinars:
            pattern = _("Webinar: “{title}”, {when}")
            when = meeting_when(webinar.starts_at, webinar.timezone)
            lines.append(("webinars", pattern.format(title=webinar.title, when=when),
                          pattern.format(title=_short(webinar.title), when=when)))
        if agenda.to_review:
            text = ngettext("{n} person from an attendance report to review",
                            "{n} people from attendance reports to review",
                            agenda.to_review).format(n=format_number(agenda.to_review))
            lines.append(("webinars", text, text))
        for due in agenda.followups_due[:SHOWN]:
            pattern = ngettext("Follow-up not yet sent after “{title}” ({n} person)",
                               "Follow-up not yet sent after “{title}” ({n} people)",
                               due.members)
            count = format_number(due.members)
            lines.append(("webinars", pattern.format(title=due.title, n=count),
                          pattern.format(title=_short(due.title), n=count)))
        more = len(agenda.followups_due) - SHOWN
        if more > 0:
            text = ngettext("…and {n} more webinar whose follow-up is not yet sent",
                            "…and {n} more webinars whose follow-up is not yet sent",
                            more).format(n=format_number(more))
            lines.append(("webinars", text, text))
        for session in agenda.sessions:
            pattern = _("Story-sharing session: “{title}”, {when}")
            when = meeting_when(session.starts_at, session.timezone)
            lines.append(("stories", pattern.format(title=session.title, when=when),
                          pattern.format(title=_short(session.title), when=when)))
        actor = self._services.actor
        lines = [line for line in lines
                 if actor.may(Permission.RUN_EVENTS if line[0] == "webinars"
                              else Permission.STORIES)]
        if lines:
            self._set_line(self.events_state, _("Coming up and waiting (each opens its "
                                                "section):"))
        else:
            self._set_line(self.events_state, _(
                "No webinars or story-sharing sessions coming up, and nothing waiting."))
        for section, text, shown in lines:
            label = self._line(text, section, shown)
            self.events_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignLeft)
            self.events_links.append(label)

    def _line(self, text: str, section: str = "", shown: str = "") -> QWidget:
        """A line of the box; with ``section``, a link that opens it (Tab reaches it; Enter,
        Space or a click follows it), showing ``shown`` (its titles cut short) when given."""
        if section:
            link = _Link(text, _("Opens {section}").format(section=_SECTION_NAMES[section]()),
                         shown or text)
            link.setProperty("section", section)
            link.clicked.connect(lambda _checked=False: self.open_section.emit(section))
            return link
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(text)
        return label

    @staticmethod
    def _set_line(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)

    def focus_first(self) -> None:
        self.go_members.setFocus(Qt.FocusReason.OtherFocusReason)


def _short(title: str) -> str:
    """A title cut short for a line of the box (the date and time after it are never cut)."""
    return title if len(title) <= _Link.TITLE_CHARACTERS else \
        title[:_Link.TITLE_CHARACTERS - 1].rstrip() + "…"


class _Link(QPushButton):
    """A link-looking button: its whole text is its accessible name; long titles are cut
    short on screen only."""

    TITLE_CHARACTERS = 45

    def __init__(self, text: str, description: str, shown: str):
        super().__init__(shown)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QPushButton { text-align: left; color: palette(link); "
                           "text-decoration: underline; border: none; padding: 2px 4px; }")
        self.setAccessibleName(text)
        self.setAccessibleDescription(description)
        self.setToolTip(text if shown != text else description)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)
