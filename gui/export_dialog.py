"""Export as CloudFormation: pick a folder, the templates and DEPLOY.md are written on a
worker, and the dialog lists what was written (and which template must go through S3)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aws.catalog import Catalog
from aws.errors import ChangeWatchError
from aws.export import Exported, export
from aws.messages import describe
from aws.settings import Settings
from gui.workers import Task, WorkerPool


class ExportDialog(QDialog):
    def __init__(self, settings: Settings, catalog: Catalog, pool: WorkerPool, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings, self._catalog, self._lang = settings, catalog, lang
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.folder = QLineEdit(str(Path.home() / f"changewatch-{settings.deployment}-cfn"),
                                self)
        self.choose = QPushButton(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.buttons)
        self.task = Task(pool, self)
        self.task.succeeded.connect(self._on_task_succeeded)
        self.task.failed.connect(self._on_task_failed)
        self.task.busy_changed.connect(self._on_task_busy_changed)
        self.choose.clicked.connect(self._on_choose_clicked)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.retranslate_ui()
        self.resize(680, 320)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export as CloudFormation"))
        self.intro.setText(self.tr(
            "Writes what Create makes as CloudFormation templates, one per region, and "
            "DEPLOY.md: which template to deploy in which region, in which order. Nothing is "
            "created in AWS."))
        self.choose.setText(self.tr("&Choose…"))
        self.export_button.setText(self.tr("&Export"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def _on_choose_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the templates"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    @Slot()
    def start(self) -> None:
        if self.task.busy or not self.folder.text().strip():
            return
        self.result.setText(self.tr("Writing…"))
        self.task.start(export, self._settings, self._catalog,
                        Path(self.folder.text().strip()), self._lang)

    @Slot(bool)
    def _on_task_busy_changed(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)

    @Slot(object)
    def _on_task_succeeded(self, exported: Exported) -> None:
        self.result.setText("\n".join(exported.summary(self._lang)))

    @Slot(object)
    def _on_task_failed(self, error: ChangeWatchError) -> None:
        self.result.setText(describe(error, self._lang))
