"""A searchable list of checkable regions; regions not enabled for the account cannot be chosen."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from aws.account import RegionInfo
from aws.regions import known_regions, localized_region_label, region_search_text
from gui.language import current_lang

NAME_ROLE = Qt.ItemDataRole.UserRole


class RegionList(QWidget):
    """Filter box, list and a count; `changed` whenever the chosen set changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions: list[RegionInfo] = [RegionInfo(n, "", True) for n in known_regions()]
        self._statuses_known = False
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        # Not uniform item sizes: every row would take the first row's width and cut the
        # longer names; a long row scrolls instead.
        self.count = QLabel(self)
        self.count.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self._fill(set())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Filter regions, e.g. Tokyo, 東京 or eu-"))
        self.search.setAccessibleName(self.tr("Filter regions"))
        self.list.setAccessibleName(self.tr("Regions to watch"))
        for row in range(self.list.count()):
            self._describe(self.list.item(row))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_regions(self, regions: Iterable[RegionInfo]) -> None:
        """Replace the list (after an account check); keeps the choice where still enabled."""
        chosen = set(self.chosen())
        self._regions = list(regions)
        self._statuses_known = True
        self._fill(chosen)

    def set_chosen(self, names: Iterable[str]) -> None:
        self._fill(set(names))

    def chosen(self) -> list[str]:
        return [self.list.item(r).data(NAME_ROLE) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def _fill(self, chosen: set[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for info in self._regions:
            item = QListWidgetItem(self.list)
            item.setData(NAME_ROLE, info.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, info)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if info.enabled:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            on = info.enabled and info.name in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self._describe(item)
        self.list.blockSignals(False)
        self._on_search_text_changed(self.search.text())
        self._update_count()
        self.changed.emit()

    def _describe(self, item: QListWidgetItem) -> None:
        info: RegionInfo = item.data(Qt.ItemDataRole.UserRole + 1)
        label = localized_region_label(info.name, current_lang())
        text = f"{info.name}  {label}" if label else info.name
        if not info.enabled:  # greyed out; the legend below the list says why
            item.setToolTip(self.tr(
                "{region} is an opt-in region that this account has not enabled. Enable it in "
                "the AWS console (Account → AWS Regions) to watch it.").format(region=info.name))
        else:
            item.setToolTip("")
        item.setText(text)

    def _on_search_text_changed(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.data(NAME_ROLE)
            item.setHidden(bool(needle) and needle not in region_search_text(name))

    def _on_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_count()
        self.changed.emit()

    def _update_count(self) -> None:
        chosen = self.chosen()
        if not chosen:
            text = self.tr("No region chosen.")
        else:
            text = self.tr("%n region(s) chosen: ", "", len(chosen)) + ", ".join(chosen)
        if not self._statuses_known:
            text += "\n" + self.tr("Check the account to see which regions it has enabled.")
        elif not all(info.enabled for info in self._regions):
            text += "\n" + self.tr("Greyed out: opt-in regions this account has not enabled "
                                   "(hover over one to see how to enable it).")
        self.count.setText(text)
