"""Every script a member writes in is drawn on screen, even on a computer without such fonts
(the bundled faces of ``resources/fonts`` are the interface's fallbacks, ui/script_fonts.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QLabel

from advocate_app.ui.script_fonts import add_script_faces

NAMES = "张伟 · प्रिया शर्मा · தமிழ்செல்வி"
#: A private-use character no font has: drawn as the missing-glyph box.
NO_GLYPH = "\U0010fffd"


def _drawn(font, text: str) -> QImage:
    image = QImage(80, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_a_label_with_chinese_hindi_and_tamil_names_has_every_character_drawn(qtbot):
    add_script_faces()
    label = QLabel(NAMES)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)

    metrics = QFontMetrics(label.font())
    letters = [ch for ch in NAMES if not ch.isspace() and ch != "·"]
    assert [ch for ch in letters if not metrics.inFontUcs4(ord(ch))] == []
    # Drawn, not boxes: no character of the names looks like the missing-glyph box.
    box = _drawn(label.font(), NO_GLYPH)
    assert [ch for ch in "张伟प्रियाதமிழ்" if _drawn(label.font(), ch) == box] == []


#: The start-up path in a process of its own (a face once added stays for the process): a
#: window with the names, shown; the faces come after its first paint, and the label is
#: measured again (boxes are narrower than the characters they stand for).
_START_UP = """
import json, sys
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel
from advocate_app.ui import script_fonts

app = QApplication(sys.argv[:1])
window = QLabel(sys.argv[1])
script_fonts.add_after_first_paint(window)
before = {"loaded": len(script_fonts._loaded), "width": window.sizeHint().width()}
metrics = QFontMetrics(window.font())
before["missing"] = sum(not metrics.inFontUcs4(ord(ch)) for ch in sys.argv[1] if ch.isalpha())
window.show()
while not script_fonts._loaded:
    app.processEvents()
metrics = QFontMetrics(window.font())
after = {"loaded": len(script_fonts._loaded), "width": window.sizeHint().width(),
         "missing": sum(not metrics.inFontUcs4(ord(ch)) for ch in sys.argv[1] if ch.isalpha())}
print(json.dumps({"before": before, "after": after}))
"""


def test_the_faces_come_once_the_window_is_on_screen_and_the_names_are_measured_again():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", _START_UP, NAMES], capture_output=True,
                            text=True, env=env, timeout=60, check=True)
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["before"]["loaded"] == 0  # nothing added before the window is shown
    assert seen["after"]["missing"] == 0
    assert seen["after"]["loaded"] >= 12
    if seen["before"]["missing"]:  # (a computer with its own faces for these draws them anyway)
        assert seen["after"]["width"] != seen["before"]["width"]
