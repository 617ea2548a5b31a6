"""The organization as a tree to pick an SCP target from: root, OUs, accounts, and where the
deployment's SCP is attached."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from aws.org_tree import OrgTarget, TargetKind

ID_ROLE = Qt.ItemDataRole.UserRole


class OrgTreeView(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self._root: OrgTarget | None = None
        self._attached: tuple[str, ...] = ()
        self._management = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHeaderLabels([self.tr("Root, OU or account"), self.tr("Id"), self.tr("SCP")])
        if self._root is not None:
            self.show_tree(self._root, self._attached, management=self._management)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _kind(self, target: OrgTarget) -> str:
        if target.kind == TargetKind.ROOT:
            return self.tr("Root")
        if target.kind == TargetKind.OU:
            return self.tr("OU")
        return self.tr("Account")

    def _item(self, target: OrgTarget) -> QTreeWidgetItem:
        name = f"{self._kind(target)}: {target.name}"
        management = target.id == self._management
        if management:  # SCPs never restrict it: say so where it is picked
            name += self.tr(" (management)")
        item = QTreeWidgetItem([name, target.id,
                                self.tr("attached") if target.id in self._attached else ""])
        if management:
            item.setToolTip(0, self.tr("SCPs never restrict the management account."))
        item.setData(0, ID_ROLE, target.id)
        item.addChildren([self._item(child) for child in target.children])
        return item

    def show_tree(self, root: OrgTarget, attached: tuple[str, ...], select: str = "",
                  management: str = "") -> None:
        """Replace the tree; keep (or make) `select` the chosen target."""
        select = select or self.selected_id()
        self._root, self._attached, self._management = root, attached, management
        self.clear()
        self.addTopLevelItem(self._item(root))
        self.expandAll()
        for column in range(3):
            self.resizeColumnToContents(column)
        if select:
            self.select(select)

    def select(self, target_id: str) -> None:
        found = self.findItems(target_id, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
                               1)
        if found:
            self.setCurrentItem(found[0])

    def selected_id(self) -> str:
        item = self.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else ""

    def selected(self) -> OrgTarget | None:
        return self._root.find(self.selected_id()) if self._root is not None else None
