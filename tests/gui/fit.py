"""Text that does not fit: every visible label, button, combo, header and item view cell of a
widget is measured (the width its text needs against the width it got) and each clipped one is
reported, so a test can fail on an elided or cut-off text in either language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

SLACK = 1  # px: rounding between font metrics and layout
MAX_ROWS = 300  # an item view's first rows are enough to find a column too narrow


@dataclass(frozen=True)
class Clipped:
    """One text that does not fit: where, what, and how many pixels it needs and got."""

    where: str
    text: str
    needed: int
    actual: int

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r} needs {self.needed}px, has {self.actual}px"


def _plain(text: str) -> str:
    """The text as drawn: a mnemonic's '&' is not, '&&' is one '&'."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _label(label: QLabel) -> Clipped | None:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    if label.wordWrap():
        needed, actual = label.heightForWidth(label.width()), label.height()
    else:
        needed, actual = label.minimumSizeHint().width(), label.width()
    if needed > actual + SLACK:
        return Clipped(f"QLabel {_name(label)}", text, needed, actual)
    return None


_BUTTON_CONTENTS = {
    QPushButton: QStyle.SubElement.SE_PushButtonContents,
    QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
    QRadioButton: QStyle.SubElement.SE_RadioButtonContents,
}


def _button(button: QAbstractButton) -> Clipped | None:
    kind = next((k for k in _BUTTON_CONTENTS if isinstance(button, k)), None)
    if kind is None or not button.text():
        return None
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text, option.icon, option.iconSize = button.text(), button.icon(), button.iconSize()
    rect = button.style().subElementRect(_BUTTON_CONTENTS[kind], option, button)
    needed = button.fontMetrics().horizontalAdvance(_plain(button.text()))
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    if needed > rect.width() + SLACK:
        return Clipped(f"{kind.__name__} {_name(button)}", button.text(), needed, rect.width())
    return None


def _combo(combo: QComboBox) -> Clipped | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    rect = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > rect.width() + SLACK:
        return Clipped(f"QComboBox {_name(combo)}", text, needed, rect.width())
    return None


def _header(header: QHeaderView) -> list[Clipped]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    style, found = header.style(), []
    bold = QFont(header.font())  # a selected row's column headers are drawn bold
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(model.columnCount()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + margin
        # A section cut by the view's right edge is as unreadable as a narrow one.
        right = header.sectionViewportPosition(section) + header.sectionSize(section)
        actual = header.sectionSize(section) - max(right - header.viewport().width(), 0)
        if text and needed > actual + SLACK:
            found.append(Clipped(f"header of {_name(header.parentWidget())}", text, needed,
                                 actual))
    return found


def _cells(view: QAbstractItemView) -> list[Clipped]:
    """Cells the view would draw elided: their size hint is wider than the cell."""
    model = view.model()
    if model is None:
        return []
    found: list[Clipped] = []

    def walk(parent: QModelIndex, depth: int) -> None:
        # A list's model (QListWidget's) hides columnCount: a list has one column.
        columns = model.columnCount(parent) if isinstance(view, QTableView | QTreeView) else 1
        for row in range(min(model.rowCount(parent), MAX_ROWS)):
            for column in range(columns):
                index = model.index(row, column, parent)
                clipped = _cell(view, index)
                if clipped is not None:
                    found.append(clipped)
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and depth < 3 and view.isExpanded(first):
                walk(first, depth + 1)

    walk(QModelIndex(), 0)
    return found


def _cell(view: QAbstractItemView, index: QModelIndex) -> Clipped | None:
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if not text or isinstance(view, QTableView | QTreeView) and (
            view.isColumnHidden(index.column())
            or isinstance(view, QTableView) and view.isRowHidden(index.row())
            or isinstance(view, QTreeView) and view.isRowHidden(index.row(), index.parent())):
        return None
    if not isinstance(view, QTableView | QTreeView) and view.isRowHidden(index.row()):
        return None
    rect = view.visualRect(index)
    if rect.width() <= 0:
        return None
    text = str(text)
    hint = view.sizeHintForIndex(index)
    metrics = view.fontMetrics()
    line = max(metrics.horizontalAdvance(part) for part in text.split("\n"))
    extra = max(hint.width() - line, 0)  # margins, check box, icon
    if not isinstance(view, QTableView | QTreeView):  # a list scrolls sideways: cut too
        needed, actual = hint.width(), min(rect.width(), view.viewport().width() - rect.x())
    elif not view.wordWrap() or hint.width() <= rect.width() + SLACK:
        needed, actual = hint.width(), rect.width()
    else:  # wrapped at the cell's width: the lines must fit its height, each word its width
        width = max(rect.width() - extra, 1)
        box = metrics.boundingRect(0, 0, width, 1 << 20, Qt.TextFlag.TextWordWrap, text)
        if box.width() > width + SLACK:
            needed, actual = box.width() + extra, rect.width()
        else:
            needed, actual = box.height(), rect.height()
    if needed > actual + SLACK:
        return Clipped(f"cell ({index.row()}, {index.column()}) of {_name(view)}", text,
                       needed, actual)
    return None


def clipped_texts(top: QWidget) -> list[Clipped]:
    """Every visible text inside `top` that is elided or cut off."""
    found: list[Clipped] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            found += [c for c in [_label(widget)] if c]
        elif isinstance(widget, QAbstractButton):
            found += [c for c in [_button(widget)] if c]
        elif isinstance(widget, QComboBox):
            found += [c for c in [_combo(widget)] if c]
        elif isinstance(widget, QHeaderView):
            found += _header(widget)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found += _cells(widget)
    return found


def assert_fits(top: QWidget) -> None:
    clipped = clipped_texts(top)
    assert not clipped, "text that does not fit:\n" + "\n".join(map(str, clipped))
