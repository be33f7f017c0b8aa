"""The Boards & meetings page, a tab a module (see :mod:`.page`)."""

from advocate_app.ui.pages.boards.common import meeting_when
from advocate_app.ui.pages.boards.page import BoardsPage

__all__ = ["BoardsPage", "meeting_when"]
