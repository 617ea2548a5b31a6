"""The tree of watchable APIs: groups with tri-state checkboxes, one child per API."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from aws.catalog import Catalog, Group, Selection
from aws.regions import GLOBAL_REGION

GROUP_ROLE = Qt.ItemDataRole.UserRole
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class ApiTree(QTreeWidget):
    """Column 0: what to watch; column 1: where its rule lives. `selection_changed` on edits."""

    selection_changed = Signal()

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self._lang = catalog, lang
        self._bulk = False
        self.setColumnCount(2)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for group in catalog.groups:
            item = QTreeWidgetItem(self)
            item.setData(0, GROUP_ROLE, group.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            if not group.fixed:
                flags |= Qt.ItemFlag.ItemIsAutoTristate
                for event in group.events:
                    child = QTreeWidgetItem(item)
                    child.setData(0, GROUP_ROLE, group.id)
                    child.setData(0, EVENT_ROLE, event.name)
                    child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    child.setCheckState(0, UNCHECKED)
            item.setFlags(flags)
            item.setCheckState(0, UNCHECKED)
        self.itemChanged.connect(self._on_item_changed)
        self.retranslate_ui()

    def retranslate_ui(self, lang: str | None = None) -> None:
        self._lang = lang or self._lang
        self.setHeaderLabels([self.tr("What to watch"), self.tr("Where its rule lives")])
        self._bulk = True
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            group = self.catalog.group(item.data(0, GROUP_ROLE))
            title = group.title.get(self._lang)
            item.setText(0, f"{title}  [{group.cis}]" if group.cis else title)
            tip = group.description.get(self._lang)
            if group.cis:  # the same events, but Security Hub checks metric filters, not rules
                tip += "\n\n" + self.tr(
                    "Watches the events of CIS control {cis}. Security Hub checks that control "
                    "with CloudWatch metric filters, so this rule does not make it pass."
                ).format(cis=group.cis)
            item.setToolTip(0, tip)
            item.setText(1, self.where(group))
            for index in range(item.childCount()):
                child = item.child(index)
                name = child.data(0, EVENT_ROLE)
                child.setText(0, f"{group.label(name, self._lang)} — {name}")
                child.setToolTip(0, group.description.get(self._lang))
        self._bulk = False

    def where(self, group: Group) -> str:
        if group.home == GLOBAL_REGION:
            return self.tr("us-east-1 only")
        if group.home == f"{GLOBAL_REGION}+each":
            return self.tr("us-east-1 + each chosen region")
        return self.tr("each chosen region")

    def _groups(self) -> Iterable[tuple[QTreeWidgetItem, Group]]:
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            yield item, self.catalog.group(item.data(0, GROUP_ROLE))

    def selection(self) -> Selection:
        """Group id → chosen event names; fixed groups map to all their names (maybe none)."""
        chosen: Selection = {}
        for item, group in self._groups():
            if group.fixed:
                if item.checkState(0) == CHECKED:
                    chosen[group.id] = frozenset(group.event_names)
                continue
            names = frozenset(item.child(i).data(0, EVENT_ROLE) for i in range(item.childCount())
                              if item.child(i).checkState(0) == CHECKED)
            if names:
                chosen[group.id] = names
        return chosen

    def set_selection(self, selection: Selection) -> None:
        self._bulk = True
        for item, group in self._groups():
            names = selection.get(group.id)
            if group.fixed:
                item.setCheckState(0, CHECKED if names is not None else UNCHECKED)
            for index in range(item.childCount()):
                child = item.child(index)
                on = names is not None and child.data(0, EVENT_ROLE) in names
                child.setCheckState(0, CHECKED if on else UNCHECKED)
        self._bulk = False
        self.selection_changed.emit()

    def set_groups(self, group_ids: Iterable[str] | None) -> None:
        """Check whole groups (None: every group) and uncheck the rest."""
        wanted = {g.id for g in self.catalog.groups} if group_ids is None else set(group_ids)
        self.set_selection({g.id: frozenset(g.event_names) for g in self.catalog.groups
                            if g.id in wanted})

    def filter(self, text: str) -> None:
        needle = text.strip().lower()
        for item, _group in self._groups():
            own = not needle or needle in item.text(0).lower()
            any_child = False
            for index in range(item.childCount()):
                child = item.child(index)
                match = own or needle in child.text(0).lower()
                child.setHidden(not match)
                any_child |= match
            item.setHidden(not (own or any_child))
            item.setExpanded(bool(needle) and any_child and not own)

    def _on_item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and not self._bulk:
            self.selection_changed.emit()
