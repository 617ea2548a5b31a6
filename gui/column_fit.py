"""Table columns as wide as their words (header and cells) in the language shown; when the view
is too narrow for all of them, the one wrapping column gives up width and its rows grow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

MIN_WRAP_WIDTH = 120  # px: below this a wrapped column reads one word per line


def needed_width(table: QTableView, column: int) -> int:
    """The width that shows the header and every cell of `column` without eliding."""
    return max(_heading_width(table, column), table.sizeHintForColumn(column))


def _heading_width(table: QTableView, column: int) -> int:
    header = table.horizontalHeader()
    text = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    # Measured bold: the headers of a selected row's columns are drawn bold.
    bold = QFont(header.font())
    bold.setBold(True)
    heading = QFontMetrics(bold).horizontalAdvance(text) + margin + 2
    if header.isSortIndicatorShown():
        heading += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    return heading


def fit_columns(table: QTableView, wrap_columns: tuple[int, ...]) -> None:
    """Every column at its needed width; when they do not all fit, the `wrap_columns` share
    what is left of the view (each keeps its heading and MIN_WRAP_WIDTH), their text wrapping
    onto more lines."""
    model = table.model()
    if model is None:
        return
    header = table.horizontalHeader()
    columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    widths = {c: needed_width(table, c) for c in columns}
    wrapping = [c for c in columns if c in wrap_columns]
    floors = {c: max(min(widths[c], MIN_WRAP_WIDTH), _heading_width(table, c)) for c in wrapping}
    short = sum(widths.values()) - table.viewport().width()
    if short < 0 and wrapping:  # room to spare: the first wrapping column takes it
        widths[wrapping[0]] -= short
    for column in wrapping:  # too narrow: each wrapping column gives up what it can
        give = max(min(short, widths[column] - floors[column]), 0)
        widths[column] -= give
        short -= give
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, widths[column])
    table.setWordWrap(True)
    table.resizeRowsToContents()


class ColumnFitter(QObject):
    """Refits a table when its rows, its words (a language switch) or its width change."""

    def __init__(self, table: QTableView, wrap_columns: tuple[int, ...]) -> None:
        super().__init__(table)
        self._table, self._wrap_columns = table, wrap_columns
        self._timer = QTimer(self, singleShot=True, interval=0)  # one fit per burst
        self._timer.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.modelReset, model.dataChanged, model.headerDataChanged,
                       model.rowsInserted, model.layoutChanged):
            signal.connect(self._timer.start)
        table.horizontalHeader().setStretchLastSection(False)
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        fit_columns(self._table, self._wrap_columns)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False
