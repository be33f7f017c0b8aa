"""A preview closed (or rebuilt in another language) while it draws lets its drawing go once
it ends: changing language all day on the Outreach page keeps no old drawings."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem
from advocate_app.ui.widgets import pdf_preview
from advocate_app.ui.widgets.pdf_preview import PdfPreview


def test_a_preview_deleted_while_drawing_keeps_no_drawing(qtbot, services):
    item = OutreachItem(ItemKind.LEAFLET, "Welcome", "en",
                        tuple(Block("paragraph", {"text": f"Paragraph {n}"}) for n in range(40)))
    preview = PdfPreview(services)
    preview.show_item(item)
    qtbot.waitUntil(lambda: preview._running is not None)  # drawing in the background
    task = preview._running
    assert task in pdf_preview._RUNNING

    shiboken6.delete(preview)  # its page replaced by one in another language
    task.wait()
    qtbot.waitUntil(lambda: task not in pdf_preview._RUNNING)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(task)  # and Qt's side of it is gone too
