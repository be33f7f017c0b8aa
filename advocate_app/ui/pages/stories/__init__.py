"""The Stories page, a tab a module (see :mod:`.page`)."""

from advocate_app.ui.pages.stories.page import StoriesPage

__all__ = ["StoriesPage"]
