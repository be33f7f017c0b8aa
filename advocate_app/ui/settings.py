"""The user's interface preferences, kept in ``settings.ini`` inside the data directory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

TEXT_SCALES = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0)
DEFAULT_TEXT_SCALE = 1.0


class UiSettings:
    def __init__(self, settings_file: Path):
        self._settings = QSettings(str(settings_file), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._settings.sync()

    @property
    def text_scale(self) -> float:
        value = self._settings.value("view/text_scale", DEFAULT_TEXT_SCALE)
        try:
            scale = float(value)
        except (TypeError, ValueError):
            return DEFAULT_TEXT_SCALE
        return min(TEXT_SCALES, key=lambda s: abs(s - scale))

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        self._settings.setValue("view/text_scale", value)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._settings.value("window/geometry")
        state = self._settings.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    @property
    def language(self) -> str:
        """The language chosen in View > Language ("" until one is chosen: the system's)."""
        return str(self._settings.value("view/language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._settings.setValue("view/language", code)

    @property
    def last_section(self) -> str:
        return str(self._settings.value("window/section", "dashboard"))

    @last_section.setter
    def last_section(self, key: str) -> None:
        self._settings.setValue("window/section", key)


def next_scale(current: float, step: int) -> float:
    """The next text size up (step=1) or down (step=-1), staying within the list."""
    index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - current))
    return TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index + step))]
