"""Switching the UI language from inside the app: a menu for main windows, a button for wizards."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from gui.context import AppContext
from gui.fonts import language_name

# Each language is named in itself, so whoever reads the menu finds theirs.
LANGUAGES = (("ja", "日本語"), ("en", "English"))


def current_lang() -> str:
    """The UI language now ("ja" | "en"), as set for the whole app (QLocale's default)."""
    return "ja" if QLocale().language() == QLocale.Language.Japanese else "en"


def other_language(lang: str) -> tuple[str, str]:
    return next(item for item in LANGUAGES if item[0] != lang)


class LanguageMenu(QMenu):
    """One checkable action per language; the choice goes to the context, which remembers it.
    Slots are methods, so Qt disconnects them when the menu goes (no dangling lambdas)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._group = QActionGroup(self)
        for code, name in LANGUAGES:
            action = QAction(language_name(code, name, self.font()), self, checkable=True)
            action.setChecked(code == context.lang)
            action.setData(code)
            self._group.addAction(action)
            self.addAction(action)
        self._group.triggered.connect(self._on_group_triggered)
        context.signals.language_changed.connect(self._on_context_language_changed)

    @Slot(QAction)
    def _on_group_triggered(self, action: QAction) -> None:
        self._context.signals.language_changed.emit(action.data())

    @Slot(str)
    def _on_context_language_changed(self, lang: str) -> None:
        for action in self._group.actions():
            action.setChecked(action.data() == lang)


def language_menu(context: AppContext, parent: QWidget) -> QMenu:
    return LanguageMenu(context, parent)
