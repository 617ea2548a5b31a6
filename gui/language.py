"""Switching the UI language from inside the app: a menu for main windows, a button for wizards."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from gui.context import AppContext

# Each language is named in itself, so whoever reads the menu finds theirs.
LANGUAGES = (("ja", "日本語"), ("en", "English"))


def other_language(lang: str) -> tuple[str, str]:
    return next(item for item in LANGUAGES if item[0] != lang)


def language_menu(context: AppContext, parent: QWidget) -> QMenu:
    """A “Language” menu with one checkable action per language; the choice is remembered."""
    menu = QMenu(parent)
    group = QActionGroup(menu)
    for code, name in LANGUAGES:
        action = QAction(name, menu, checkable=True)
        action.setChecked(code == context.lang)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: context.signals.language_changed.emit(action.data()))
    context.signals.language_changed.connect(
        lambda lang: [a.setChecked(a.data() == lang) for a in group.actions()])
    return menu
