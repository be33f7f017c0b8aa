"""The Webinars page, a tab a module (see :mod:`.page`)."""

from advocate_app.ui.pages.webinars.page import WebinarsPage

__all__ = ["WebinarsPage"]
