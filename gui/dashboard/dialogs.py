"""The dashboard's dialogs: a confirmation that lists exactly what happens, and remove progress."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.frames import FrameCoalescer


class ConfirmDialog(QDialog):
    """Intro, the list of items, a note (costs, what is kept), and OK / Cancel."""

    def __init__(self, title: str, intro: str, items: Sequence[str], note: str, ok_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.items = QListWidget(self)
        self.items.addItems([f"• {item}" for item in items])
        self.items.setWordWrap(True)
        self.items.setSpacing(4)
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(680, 460)


class RemoveProgressDialog(QDialog):
    """A line per region (removed so far / state), an overall bar, Cancel, then Close."""

    cancel_requested = Signal()

    def __init__(self, regions: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._totals = dict(regions)
        self._done = dict.fromkeys(regions, 0)
        grid = QGridLayout()
        self._labels: dict[str, QLabel] = {}
        for row, region in enumerate(regions):
            grid.addWidget(QLabel(region, self), row, 0)
            self._labels[region] = QLabel(self)
            grid.addWidget(self._labels[region], row, 1)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(1, sum(regions.values())))
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setMinimumHeight(180)
        self.summary.hide()
        self.button = QPushButton(self)
        self.button.clicked.connect(self._on_button_clicked)
        self._finished = False
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self._states = dict.fromkeys(regions, "")
        self._frames = FrameCoalescer(self._redraw, self)
        self.retranslate_ui()
        self.setMinimumWidth(560)
        self.resize(560, self.sizeHint().height())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Removing ChangeWatch"))
        self.button.setText(self.tr("Close") if self._finished else self.tr("Cancel"))
        for region in self._labels:
            self._show(region)

    def _show(self, region: str) -> None:
        text = self.tr("%1 of %2 removed").replace("%1", str(self._done[region])).replace(
            "%2", str(self._totals[region]))
        state = self._states[region]
        if state:
            text += f" — {state}"
        self._labels[region].setText(text)

    def step(self, region: str) -> None:
        if region in self._done:
            self._done[region] += 1
            self._frames.request()

    def _redraw(self) -> None:
        self.bar.setValue(sum(self._done.values()))
        for region in self._labels:
            self._show(region)

    def region_state(self, region: str, text: str) -> None:
        if region in self._states:
            self._states[region] = text
            self._frames.request()

    def finish(self, summary: str) -> None:
        self._frames.flush()
        self._finished = True
        self.summary.setPlainText(summary)
        self.summary.show()
        self.retranslate_ui()
        self.resize(self.width(), self.sizeHint().height())

    def _on_button_clicked(self) -> None:
        if self._finished:
            self.accept()
        else:
            self.button.setEnabled(False)
            self.cancel_requested.emit()
