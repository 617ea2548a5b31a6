"""The Compliance tab: per region, whether AWS Config records, which resources are compliant or
not under the deployment's Config rules (named), and the remediation runs with their result."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aws.compliance.report import RegionCompliance
from aws.errors import ChangeWatchError
from aws.messages import describe
from gui.context import AppContext
from gui.workers import Task, WorkerPool

_WIDTHS = (390, 280, 110)


def _time(value: object) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else ""


class ComplianceTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.pool = WorkerPool(self)
        self.report: tuple[RegionCompliance, ...] = ()
        self._task = Task(self.pool, self)
        self._task.succeeded.connect(self._on_task_succeeded)
        self._task.failed.connect(self._on_task_failed)
        self._task.busy_changed.connect(self._on_task_busy_changed)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(True)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.tree.setHeaderLabels([self.tr("Region / resource"), self.tr("Config rule"),
                                   self.tr("Evaluation"), self.tr("Remediation")])
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def refresh(self) -> None:
        settings = self._context.settings
        if settings is None or not settings.compliance:
            self.report = ()
            self._show()
            return
        self._task.start(self._context.service().compliance, settings)

    def _words(self) -> dict[str, str]:
        return {"COMPLIANT": self.tr("Compliant"), "NON_COMPLIANT": self.tr("Non-compliant"),
                "NOT_APPLICABLE": self.tr("Not applicable"),
                "INSUFFICIENT_DATA": self.tr("Not yet evaluated"),
                "SUCCEEDED": self.tr("Succeeded"), "FAILED": self.tr("Failed"),
                "QUEUED": self.tr("Queued"), "IN_PROGRESS": self.tr("Running")}

    def _region_text(self, region: RegionCompliance) -> str:
        if region.error is not None:
            return describe(region.error, self._context.lang)
        config = region.config
        if config is None or not config.recording:
            return self.tr("AWS Config is not recording: the rules cannot evaluate here")
        return self.tr("AWS Config recording · {bad} non-compliant, {good} compliant").format(
            bad=region.count("NON_COMPLIANT"), good=region.count("COMPLIANT"))

    def _show(self) -> None:
        self.tree.clear()
        settings = self._context.settings
        if settings is None or not settings.compliance:
            self.summary_label.setText(self.tr(
                "No AWS Config rule is chosen. Choose “restricted-ssh” in Change setup… to "
                "have open SSH flagged and closed."))
            return
        bad = sum(r.count("NON_COMPLIANT") for r in self.report)
        self.summary_label.setText(self.tr(
            "{bad} non-compliant resource(s) in {n} region(s). Rules: {rules}.").format(
            bad=bad, n=len(self.report), rules=", ".join(settings.compliance)))
        words = self._words()
        for region in self.report:
            item = QTreeWidgetItem(self.tree, [f"{region.region} — {self._region_text(region)}"])
            item.setFirstColumnSpanned(True)  # the region's state reads as one line
            latest = {}
            for run in region.runs:  # newest first, as Config lists them
                latest.setdefault((run.rule, run.resource_id), run)
            for result in sorted(region.results, key=lambda r: (r.compliance != "NON_COMPLIANT",
                                                                r.resource_id)):
                run = latest.get((result.rule, result.resource_id))
                remedy = ""
                if run is not None:
                    remedy = f"{words.get(run.state, run.state)} {_time(run.when)}".strip()
                    if run.error:
                        remedy += f" — {run.error}"
                QTreeWidgetItem(item, [f"{result.resource_id} ({result.resource_type})",
                                       result.rule, words.get(result.compliance,
                                                              result.compliance), remedy])
            item.setExpanded(True)
        for column, width in enumerate(_WIDTHS):
            self.tree.setColumnWidth(column, width)

    @Slot(object)
    def _on_task_succeeded(self, report: object) -> None:
        self.report = tuple(report)  # type: ignore[arg-type]
        self._show()

    @Slot(object)
    def _on_task_failed(self, error: ChangeWatchError) -> None:
        self.summary_label.setText(describe(error, self._context.lang))

    @Slot(bool)
    def _on_task_busy_changed(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
