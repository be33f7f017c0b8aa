"""The Statistics tab: registered, attended, no-show and minutes attended for the chosen
webinar, by role and by language; and the same over time, across webinars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from advocate_app.i18n import _
from advocate_app.i18n.formatting import format_date, format_number, language_name
from advocate_app.ui.models.rows import Cell, Row
from advocate_app.ui.pages.webinars.common import reading_label, set_reading
from advocate_app.ui.widgets.heading import Heading
from advocate_app.ui.widgets.tables import fill, read_only_table


def _number(value: int) -> Cell:
    return Cell(format_number(value), sort_key=value)


def summary_text(stats) -> str:
    return _("Registered: {registered} · Attended: {attended} · Did not come: {no_show} · "
             "Minutes attended: {minutes}").format(
        registered=format_number(stats.registered), attended=format_number(stats.attended),
        no_show=format_number(stats.no_show), minutes=format_number(stats.minutes_attended))


class StatisticsTab(QWidget):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._webinar = None
        self.heading = Heading(_("This webinar"), level=3)
        self.summary_label = reading_label()
        self.role_table = read_only_table([_("Role"), _("Registered"), _("Attended")],
                                          _("By role"), main=0)
        self.language_table = read_only_table([_("Language"), _("Registered"), _("Attended")],
                                              _("By language"), main=0)
        role_label = QLabel(_("By r&ole:"))
        role_label.setBuddy(self.role_table)
        language_label = QLabel(_("By lan&guage:"))
        language_label.setBuddy(self.language_table)
        self.trend_heading = Heading(_("Over time, across webinars"), level=3)
        self.trend_table = read_only_table(
            [_("Held on"), _("Webinar"), _("Registered"), _("Attended"), _("Did not come"),
             _("Minutes attended")], _("Webinars over time"), main=1)
        trend_label = QLabel(_("Webinars &held:"))
        trend_label.setBuddy(self.trend_table)
        for table in (self.role_table, self.language_table):
            table.setMinimumHeight(self.fontMetrics().height() * 6)
        self.trend_table.setMinimumHeight(self.fontMetrics().height() * 8)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary_label)
        grid = QGridLayout()
        grid.addWidget(role_label, 0, 0)
        grid.addWidget(language_label, 0, 1)
        grid.addWidget(self.role_table, 1, 0)
        grid.addWidget(self.language_table, 1, 1)
        layout.addLayout(grid)
        layout.addWidget(self.trend_heading)
        layout.addWidget(trend_label)
        layout.addWidget(self.trend_table, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the keys
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def show_webinar(self, webinar) -> None:
        self._webinar = webinar

    def refresh(self) -> None:
        webinars = self._services.webinars
        webinar = self._webinar
        if webinar is None:
            self.heading.setText(_("This webinar"))
            set_reading(self.summary_label, _("Choose a webinar to see who came."))
            fill(self.role_table, [])
            fill(self.language_table, [])
        else:
            self.heading.setText(_("“{title}”").format(title=webinar.title))
            stats = webinars.stats([webinar.id])
            set_reading(self.summary_label, summary_text(stats))
            fill(self.role_table, [Row(role, (role, _number(registered), _number(attended)))
                                   for role, registered, attended in stats.by_role])
            fill(self.language_table, [
                Row(code, (language_name(code) or code or _("Not known"), _number(registered),
                           _number(attended)))
                for code, registered, attended in stats.by_language])
        fill(self.trend_table, [
            Row(point.webinar_id, (Cell(format_date(point.held_on), sort_key=point.held_on),
                                   point.title, _number(point.registered),
                                   _number(point.attended), _number(point.no_show),
                                   _number(point.minutes_attended)))
            for point in webinars.trend()])
