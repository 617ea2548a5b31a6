"""The filter box's proxy: every word must occur in the row's precomputed lowercase haystack."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from gui.eventlog.model import EventTableModel


class EventFilterProxy(QSortFilterProxyModel):
    """No sorting here (the source is kept newest first); filtering is one `in` per word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: tuple[str, ...] = ()
        self._model: EventTableModel | None = None

    def setSourceModel(self, model: EventTableModel) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        self._model = model

    def set_text(self, text: str) -> None:
        terms = tuple(text.lower().split())
        if terms == self._terms:
            return
        self.beginFilterChange()
        self._terms = terms
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        terms = self._terms
        if not terms or self._model is None:
            return True
        hay = self._model.haystacks[source_row]  # the list may be replaced by clear()
        if len(terms) == 1:
            return terms[0] in hay
        return all(t in hay for t in terms)
