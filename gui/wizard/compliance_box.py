"""AWS Config rules to add (restricted-ssh…), and whether their remediation runs by itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from aws.catalog import Catalog
from aws.settings import Remediation


class ComplianceBox(QGroupBox):
    changed = Signal()

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog, self._lang = catalog, lang
        layout = QVBoxLayout(self)
        self.rules: dict[str, QCheckBox] = {}
        for rule in catalog.compliance:
            box = QCheckBox(self)
            box.toggled.connect(self._on_box_toggled)
            self.rules[rule.id] = box
            layout.addWidget(box)
        self.automatic = QCheckBox(self)
        self.automatic.setChecked(True)
        self.automatic.toggled.connect(self._on_box_toggled)
        layout.addWidget(self.automatic)
        self.retranslate_ui()
        self._on_box_toggled()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("AWS Config rules (prevent and fix, not only detect)"))
        for rule in self._catalog.compliance:
            box = self.rules[rule.id]
            box.setText(f"{rule.id}: {rule.title.get(self._lang)}")
            box.setToolTip(rule.description.get(self._lang))
        self.automatic.setText(self.tr("Fix automatically (remediation runs when a resource "
                                       "becomes non-compliant)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_values(self, compliance: tuple[str, ...], remediation: Remediation) -> None:
        for rule_id, box in self.rules.items():
            box.setChecked(rule_id in compliance)
        self.automatic.setChecked(remediation == Remediation.AUTO)

    def compliance(self) -> tuple[str, ...]:
        return tuple(rule_id for rule_id, box in self.rules.items() if box.isChecked())

    def remediation(self) -> Remediation:
        return Remediation.AUTO if self.automatic.isChecked() else Remediation.OFF

    def _on_box_toggled(self, _checked: bool = False) -> None:
        self.automatic.setEnabled(bool(self.compliance()))
        self.changed.emit()
