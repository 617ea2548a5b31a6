"""What the wizard pages share: a page base with retranslation, labels for reasons and errors."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget, QWizardPage

from aws.errors import ChangeWatchError
from aws.messages import describe
from gui.wizard.draft import Draft
from gui.workers import Task

# Colours readable on light and dark palettes alike.
_STYLES = {
    "error": "color: #c62828;",
    "warning": "background: #fff4e5; color: #5f3700; border: 1px solid #f0b35a;"
               " border-radius: 4px; padding: 6px;",
    "ok": "color: #2e7d32;",
    "reason": "font-style: italic;",
    "": "",
}


def monospace_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def note_label(parent: QWidget | None = None, style: str = "") -> QLabel:
    """A wrapping, selectable label; `style` is one of error, warning, ok, reason."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(_STYLES[style])
    return label


def show_text(label: QLabel, text: str, style: str | None = None) -> None:
    """Set a label's text and hide it when there is nothing to say."""
    if style is not None:
        label.setStyleSheet(_STYLES[style])
    label.setText(text)
    label.setVisible(bool(text))


def text_box(parent: QWidget | None = None) -> QPlainTextEdit:
    """A read-only monospace box for plans, patterns and the notification preview."""
    box = QPlainTextEdit(parent)
    box.setReadOnly(True)
    box.setFont(monospace_font())
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    box.setTabChangesFocus(True)
    return box


class Page(QWizardPage):
    """A wizard page over the shared Draft; sets its texts in retranslate_ui()."""

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.context = draft.context

    @property
    def lang(self) -> str:
        return self.context.lang

    def task(self) -> Task:
        """A Task on the app's worker pool, owned by this page."""
        return Task(self.context.pool, self)

    def error_text(self, error: ChangeWatchError) -> str:
        return describe(error, self.lang)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
