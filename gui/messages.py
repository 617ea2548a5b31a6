"""One channel for what the app tells the user: a message with a level, shown by a bar.

Views post through the context's `MessageBus`; each window has a `MessageBar` that shows the
latest message (qutebrowser's utils/message.py shape). Errors are sentences from
aws/messages.py, never tracebacks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from aws.errors import ChangeWatchError, is_cancelled
from aws.messages import describe


class Level(StrEnum):
    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


# Readable on light and dark palettes alike.
STYLES = {
    Level.INFO: "",
    Level.SUCCESS: "color: #2e7d32;",
    Level.WARNING: "background: #fff4e5; color: #5f3700; border: 1px solid #f0b35a;"
                   " border-radius: 4px; padding: 6px;",
    Level.ERROR: "color: #c62828;",
}


Text = str | Callable[[], str]  # a callable is asked again when the language changes


@dataclass(frozen=True)
class Message:
    level: Level
    words: Text

    @property
    def text(self) -> str:
        return self.words() if callable(self.words) else self.words


class MessageBus(QObject):
    """Where views post messages; the windows' bars listen."""

    posted = Signal(object)  # Message
    cleared = Signal()

    def __init__(self, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def post(self, level: Level, text: Text) -> None:
        self.posted.emit(Message(level, text))

    def info(self, text: Text) -> None:
        self.post(Level.INFO, text)

    def success(self, text: Text) -> None:
        self.post(Level.SUCCESS, text)

    def warning(self, text: Text) -> None:
        self.post(Level.WARNING, text)

    def error(self, error: ChangeWatchError | Text) -> None:
        """An engine error in the user's language (a cancellation is no error: say nothing)."""
        if isinstance(error, ChangeWatchError):
            if not is_cancelled(error):
                self.post(Level.ERROR, lambda e=error: describe(e, self.lang))
            return
        self.post(Level.ERROR, error)

    def clear(self) -> None:
        self.cleared.emit()


class MessageBar(QLabel):
    """Shows the latest message of a bus, styled by its level; hidden when there is none."""

    def __init__(self, bus: MessageBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message: Message | None = None
        bus.posted.connect(self._on_bus_posted)
        bus.cleared.connect(self._on_bus_cleared)
        self.hide()

    def _on_bus_posted(self, message: Message) -> None:
        self.message = message
        self.setStyleSheet(STYLES[message.level])
        self.setText(message.text)
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.message is not None:
            self.setText(self.message.text)  # the words of the new language
        super().changeEvent(event)

    def _on_bus_cleared(self) -> None:
        self.message = None
        self.clear()
        self.hide()
