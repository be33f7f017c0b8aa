"""The window's sections: one entry per area, in the order the navigation lists them.

A new area adds its page here: a key (also the page's object name, ``page-<key>``, and the
setting that remembers the last section), a translated title, and a function that builds the
page the first time it is shown. Pages are imported inside their builders, so start-up loads
only the first page's module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from advocate_app.domain.access import Permission
from advocate_app.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from advocate_app.services.container import Services


class MainWindow(Protocol):
    """What a page builder may use of the main window."""

    @property
    def services(self) -> Services: ...

    def show_section(self, key: str, *, focus: bool = True) -> QWidget: ...

    def show_status(self, text: str) -> None: ...

    def refresh_page(self, key: str) -> None: ...

    def import_members(self) -> None: ...


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    build: Callable[[], QWidget]
    #: What the signed-in account must be allowed for the section to be listed.
    permission: Permission = Permission.VIEW_CONTACTS


def sections(window: MainWindow) -> list[Section]:
    """The sections of ``window`` its account may see, each built against it on first use."""
    every = [
        Section("dashboard", _("Dashboard"), lambda: _dashboard(window)),
        Section("members", _("Members"), lambda: _members(window)),
        Section("boards", _("Boards & meetings"), lambda: _boards(window),
                Permission.RUN_MEETINGS),
        Section("webinars", _("Webinars"), lambda: _webinars(window), Permission.RUN_EVENTS),
        Section("stories", _("Stories"), lambda: _stories(window), Permission.STORIES),
        Section("outreach", _("Outreach"), lambda: _outreach(window), Permission.PRINT),
    ]
    actor = window.services.actor
    return [section for section in every if actor.may(section.permission)]


def _placeholder(title: str, description: str) -> QWidget:
    from advocate_app.ui.pages.placeholder import PlaceholderPage

    return PlaceholderPage(title, description)


def _dashboard(window: MainWindow) -> QWidget:
    from advocate_app.ui.pages.dashboard import DashboardPage

    page = DashboardPage(window.services)
    page.open_members.connect(lambda: window.show_section("members"))
    page.open_section.connect(lambda key: window.show_section(key))
    return page


def _members(window: MainWindow) -> QWidget:
    from advocate_app.ui.pages.members import MembersPage

    page = MembersPage(window.services)
    page.status_message.connect(window.show_status)
    page.import_requested.connect(window.import_members)
    return page


def _boards(window: MainWindow) -> QWidget:
    from advocate_app.ui.pages.boards import BoardsPage

    page = BoardsPage(window.services)
    page.status_message.connect(window.show_status)
    page.outreach_changed.connect(lambda: window.refresh_page("outreach"))
    return page


def _webinars(window: MainWindow) -> QWidget:
    from advocate_app.ui.pages.webinars import WebinarsPage

    page = WebinarsPage(window.services)
    page.status_message.connect(window.show_status)
    return page


def _stories(window: MainWindow) -> QWidget:
    from advocate_app.ui.pages.stories import StoriesPage

    page = StoriesPage(window.services)
    page.status_message.connect(window.show_status)
    return page


def _outreach(window: MainWindow) -> QWidget:
    from advocate_app.ui.pages.outreach import OutreachPage

    page = OutreachPage(window.services)
    page.status_message.connect(window.show_status)
    return page
