"""A tray notice when polling finds new matching events (only where a system tray exists)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from aws.events import EventRow
from gui.language import current_lang


class TrayNotifier(QObject):
    """Shows one balloon per poll round that brought new rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon: QSystemTrayIcon | None = None
        self.last_message: tuple[str, str] | None = None

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def message(self, rows: Sequence[EventRow]) -> tuple[str, str]:
        if len(rows) == 1:
            row = rows[0]
            # The change in words as the title; the API name stays in the body.
            title = self.tr("New event: %1").replace("%1", row.label_in(current_lang()))
            body = self.tr("%1 in %2 by %3").replace("%1", row.event_name).replace(
                "%2", row.region).replace("%3", row.user or "?")
        else:
            title = self.tr("%n new event(s)", "", len(rows))
            names = ", ".join(dict.fromkeys(r.label_in(current_lang()) for r in rows))
            body = names if len(names) <= 200 else names[:197] + "…"
        return title, body

    def notify(self, rows: Sequence[EventRow]) -> None:
        if not rows:
            return
        self.last_message = self.message(rows)
        if not self.available():
            return
        if self._icon is None:
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._icon = QSystemTrayIcon(icon, self)
            self._icon.setToolTip("ChangeWatch")
        self._icon.show()
        self._icon.showMessage(*self.last_message, QSystemTrayIcon.MessageIcon.Warning, 10_000)

    def hide(self) -> None:
        if self._icon is not None:
            self._icon.hide()
